"""One open interest per resident and posting (or training course), for pushed records: however many tablets
(or the resident's own phone) say it, and under however many ids, the first is stored and the others are
answered ``duplicate`` (the database's partial unique indexes hold the same rule; see models.records.Interest)."""
from __future__ import annotations

from sqlalchemy import select, tuple_

from caravan.extensions import db
from caravan.models import Interest
from caravan.services.sync.validate import Reason, Record

#: The reason given with such a ``duplicate`` answer and kept with the record's id (a course's names notice_id).
SAME_INTEREST = Reason("same_interest", "posting_id")
SAME_COURSE_INTEREST = Reason("same_interest", "notice_id")


def same_interest(record: Record) -> Reason:
    """The ``duplicate`` reason for a second open interest like ``record``."""
    return SAME_COURSE_INTEREST if record.data.get("notice_id") else SAME_INTEREST


class OpenInterests:
    """The open interests a batch concerns, by (attendee, posting or course): loaded once, kept up to date.
    A pair's second item is the posting's id, or "n:" and the course's (ids of two tables never meet)."""

    def __init__(self):
        self.by_pair: dict[tuple[str, str], str] = {}

    def load(self, records: list[Record]) -> None:
        """Read the stored open interests of the (attendee, posting) pairs of ``records``' interests."""
        pairs = {_pair(r) for r in records if r.type == "interest"} - self.by_pair.keys()
        if pairs:
            self._read(pairs)

    def other(self, record: Record, reload: bool = False) -> str | None:
        """The id of another open interest saying what interest ``record`` says, or None.

        ``reload`` asks the database again (after a concurrent push stored one).
        """
        if reload:
            self._read({_pair(record)})
        found = self.by_pair.get(_pair(record))
        return found if found != record.id else None

    def add(self, record: Record) -> None:
        """Note that ``record`` (an interest) is now stored and open."""
        self.by_pair.setdefault(_pair(record), record.id)

    def _read(self, pairs: set[tuple[str, str]]) -> None:
        postings = sorted(p for p in pairs if not p[1].startswith(COURSE))
        courses = sorted((a, n[len(COURSE):]) for a, n in pairs if n.startswith(COURSE))
        for column, prefix, chosen in ((Interest.posting_id, "", postings), (Interest.notice_id, COURSE, courses)):
            for start in range(0, len(chosen), 500):  # a bounded number of parameters per query
                chunk = chosen[start:start + 500]
                for row_id, attendee_id, subject_id in db.session.execute(
                        select(Interest.id, Interest.attendee_id, column)
                        .where(tuple_(Interest.attendee_id, column).in_(chunk), Interest.is_open())):
                    self.by_pair[(attendee_id, prefix + subject_id)] = row_id


#: The prefix of a course's id in a pair.
COURSE = "n:"


def _pair(record: Record) -> tuple[str, str]:
    data = record.data
    return data["attendee_id"], data["posting_id"] or COURSE + data["notice_id"]
