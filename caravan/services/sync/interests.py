"""One open interest per resident and posting, for pushed records: however many tablets (or the resident's
own phone) say it, and under however many ids, the first is stored and the others are answered
``duplicate`` (the database's partial unique index holds the same rule; see models.records.Interest)."""
from __future__ import annotations

from sqlalchemy import select, tuple_

from caravan.extensions import db
from caravan.models import Interest
from caravan.services.sync.validate import Reason, Record

#: The reason given with such a ``duplicate`` answer and kept with the record's id.
SAME_INTEREST = Reason("same_interest", "posting_id")


class OpenInterests:
    """The open interests a batch concerns, by (attendee, posting): loaded once, kept up to date."""

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
        pairs = sorted(pairs)
        for start in range(0, len(pairs), 500):  # a bounded number of parameters per query
            chunk = pairs[start:start + 500]
            for row_id, attendee_id, posting_id in db.session.execute(
                    select(Interest.id, Interest.attendee_id, Interest.posting_id)
                    .where(tuple_(Interest.attendee_id, Interest.posting_id).in_(chunk), Interest.is_open())):
                self.by_pair[(attendee_id, posting_id)] = row_id


def _pair(record: Record) -> tuple[str, str]:
    return record.data["attendee_id"], record.data["posting_id"]
