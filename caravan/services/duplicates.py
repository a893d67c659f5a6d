"""Suggested duplicate registrations: pairs of living residents of the user's area who may be one person.

A pair is suggested for one or more reasons:

- ``phone``: the same phone number (its digits, :func:`caravan.models.attendee.phone_key`);
- ``name``: the same name in the same village, compared as :func:`caravan.models.attendee.name_key`
  (case, spaces, punctuation and Uyghur letter variants do not count);
- ``similar_name``: names one letter apart in the same village. A Chinese name of two characters is
  a different person's when one character differs (王芳, 王丽), so Chinese names must share the family
  name and be three characters or more; names in other scripts four letters or more;
- ``scripts``: said beside ``phone`` when the two names are written in different scripts (Chinese and
  Uyghur, say). Nothing else in a record links a name to its spelling in another script, so such a pair is
  found only through the phone.

A phone or name shared by more than :data:`MAX_GROUP` residents is not suggested. Exact keys are grouped
by the database (indexes on phone_key and village_id + name_key); similar names
are found through their one-letter-deleted variants in the same village (a dictionary lookup per name,
never a comparison of every pair). Pairs the office judged "not the same person" are not suggested again.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Attendee, DuplicateDismissal, User
from caravan.services import audit
from caravan.services.paging import Paged
from caravan.services.resident_office import in_scope, living

PER_PAGE = 20
#: A phone or a name in one village shared by more residents than this is no sign of a duplicate (a village
#: office's phone, a very common name): such groups are not suggested, which also keeps the pairs few.
MAX_GROUP = 6
#: How many residents' dates and names are read in one statement.
INFO_SLICE = 5000
#: Why a pair is suggested, in words; in the order they weigh.
REASONS = {
    "phone": _l("Same phone number"),
    "name": _l("Same name in the same village"),
    "similar_name": _l("Similar name in the same village"),
    "scripts": _l("The names are written in different scripts"),
}


@dataclass
class Pair:
    """Two registrations that may be one person: ``first`` is the older (the one a merge keeps)."""

    first: Attendee
    second: Attendee
    reasons: list[str] = field(default_factory=list)

    @property
    def reason_texts(self) -> list[str]:
        return [str(REASONS[code]) for code in self.reasons]


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufeff]")


def script(name: str) -> str:
    """The script ``name`` is written in: ``han``, ``arabic`` or ``latin`` (other letters count as latin)."""
    han, arabic = _HAN.search(name), _ARABIC.search(name)
    if han and (not arabic or han.start() < arabic.start()):
        return "han"
    return "arabic" if arabic else "latin"


def _variants(key: str) -> list[str] | None:
    """The one-letter-deleted variants of a name key that may be compared for similarity, or None when the
    name is too short to judge (see the module docstring). A Chinese name keeps its family name."""
    han = script(key) == "han"
    if len(key) < (3 if han else 4):
        return None
    return [key[:i] + key[i + 1:] for i in range(1 if han else 0, len(key))]


def _one_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter changed, added or left out."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _candidates(scope: Area, person: Attendee | None) -> tuple[dict[tuple[str, str], set[str]], dict]:
    """Pairs of ids (in id order) with their reason codes, and each paired id's ``(consent_at, name)``.

    A county holds 100,000 residents, and the similar names need every one of them: so the area's residents
    are read once, as plain ``(id, village, name key, phone key)`` tuples (no ORM objects, no dates to
    convert), grouped in Python by phone, and per village by name and by name variant; the date and name
    are read afterwards for the paired residents only."""
    query = select(Attendee.id, Attendee.village_id, Attendee.name_key, Attendee.phone_key).where(
        living(), in_scope(scope))
    if person is not None:  # the person's phone anywhere in the area, and the person's village
        mates = []
        if person.phone_key:
            mates.append(Attendee.phone_key == person.phone_key)
        if person.village_id and person.name_key:
            mates.append(Attendee.village_id == person.village_id)
        if not mates:
            return {}, {}
        query = query.where(or_(*mates))
    phones: dict[str, list[str]] = {}
    villages: dict[str, list] = {}
    for row in db.session.execute(query):
        if row[3] is not None:
            phones.setdefault(row[3], []).append(row[0])
        if row[1] is not None and row[2]:
            villages.setdefault(row[1], []).append(row)
    pairs: dict[tuple[str, str], set[str]] = {}

    def add(a: str, b: str, reason: str) -> None:
        if person is None or person.id in (a, b):
            pairs.setdefault(_pair_key(a, b), set()).add(reason)

    def add_groups(groups, reason: str) -> None:
        for ids in groups:
            if 2 <= len(ids) <= MAX_GROUP:
                for i, a in enumerate(ids):
                    for b in ids[i + 1:]:
                        add(a, b, reason)

    if person is None or person.phone_key:
        add_groups(phones.values(), "phone")
    keys: dict[str, tuple[str, ...]] = {}
    for rows in villages.values():
        names: dict[str, list[str]] = {}
        for row in rows:
            names.setdefault(row[2], []).append(row[0])
        add_groups(names.values(), "name")
        _similar(rows, add, keys)
    info = _info({i for key in pairs for i in key})
    for (a, b), reasons in pairs.items():
        if "phone" in reasons and script(info[a][1]) != script(info[b][1]):
            reasons.add("scripts")
    return pairs, info


def _similar(rows: list, add, keys: dict[str, tuple[str, ...]]) -> None:
    """Add the pairs of one village's names one letter apart (``similar_name``): names that share a
    one-letter-deleted variant (or one is the other's) land in one bucket; only a bucket's few are compared,
    never every pair of the village. ``keys`` keeps each name key's bucket keys for the next village: the
    same names come back in every village."""
    buckets: dict[str, list] = defaultdict(list)
    for row in rows:
        found = keys.get(row[2])
        if found is None:
            variants = _variants(row[2])
            found = keys[row[2]] = () if variants is None else tuple({row[2], *variants})
        for variant in found:
            buckets[variant].append(row)
    compared: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2 or len(bucket) > 4 * MAX_GROUP:  # alone, or a very common name (see MAX_GROUP)
            continue
        for i, (a_id, _village, a_key, _phone) in enumerate(bucket):
            for b_id, _village, b_key, _phone in bucket[i + 1:]:
                key = _pair_key(a_id, b_id)
                if a_key == b_key or key in compared:
                    continue
                compared.add(key)
                if a_key[0] != b_key[0] and script(a_key) == "han":
                    continue  # a Chinese name keeps its family name
                if _one_apart(a_key, b_key):
                    add(a_id, b_id, "similar_name")


def _info(ids: set[str]) -> dict[str, tuple[datetime, str]]:
    """Each id's ``(consent_at, name)``, read in slices (a database takes only so many values at once)."""
    ids, info = sorted(ids), {}
    for start in range(0, len(ids), INFO_SLICE):
        info.update((row[0], (row[1], row[2])) for row in db.session.execute(
            select(Attendee.id, Attendee.consent_at, Attendee.name)
            .where(Attendee.id.in_(ids[start:start + INFO_SLICE]))))
    return info


def _dismissed(ids: set[str]) -> set[tuple[str, str]]:
    if not ids:
        return set()
    return {(r.first_id, r.second_id) for r in db.session.execute(
        select(DuplicateDismissal.first_id, DuplicateDismissal.second_id)
        .where(DuplicateDismissal.first_id.in_(ids)))}


@dataclass
class Page(Paged):
    """One page of suggested pairs, with what a pager needs."""

    items: list[Pair]
    page: int
    total: int
    per_page: int = PER_PAGE


def suggest(scope: Area, page: int = 1, person: Attendee | None = None) -> Page:
    """The suggested pairs in ``scope`` (only those of ``person`` if given), strongest and newest first,
    one page of them with both records loaded."""
    pairs, info = _candidates(scope, person)
    dismissed = _dismissed({a for a, _b in pairs})
    ranked = sorted(((key, reasons) for key, reasons in pairs.items() if key not in dismissed),
                    key=lambda item: (-_weight(item[1]), -max(info[i][0].timestamp() for i in item[0]), item[0]))
    page = max(page, 1)
    chosen = ranked[(page - 1) * PER_PAGE:page * PER_PAGE]
    ids = {i for key, _reasons in chosen for i in key}
    people = {a.id: a for a in db.session.scalars(
        select(Attendee).options(selectinload(Attendee.village).selectinload(Area.parent))
        .where(Attendee.id.in_(ids)))} if ids else {}
    items = []
    for (a, b), reasons in chosen:
        first, second = ordered(people[a], people[b])
        items.append(Pair(first, second, [code for code in REASONS if code in reasons]))
    return Page(items, page, len(ranked))


def _weight(reasons: set[str]) -> int:
    return 2 * ("phone" in reasons) + 2 * ("name" in reasons) + ("similar_name" in reasons)


def ordered(a: Attendee, b: Attendee) -> tuple[Attendee, Attendee]:
    """The pair older registration first (consent time, then id): the first is the one a merge keeps."""
    return (a, b) if (a.consent_at, a.id) <= (b.consent_at, b.id) else (b, a)


def reasons_for(a: Attendee, b: Attendee) -> list[str]:
    """Why ``a`` and ``b`` look alike (reason codes), for the comparison page; may be empty."""
    found = []
    if a.phone_key and a.phone_key == b.phone_key:
        found.append("phone")
    if a.village_id and a.village_id == b.village_id and a.name_key:
        if a.name_key == b.name_key:
            found.append("name")
        elif (_variants(a.name_key) and _variants(b.name_key) and _one_apart(a.name_key, b.name_key)
              and (script(a.name_key) != "han" or a.name_key[0] == b.name_key[0])):
            found.append("similar_name")
    if "phone" in found and script(a.name) != script(b.name):
        found.append("scripts")
    return found


def pair_within(first_id: str, second_id: str, scope: Area) -> tuple[Attendee, Attendee] | None:
    """Two different living residents of ``scope``, older first; None when either is not (as unknown)."""
    if first_id == second_id or len(first_id) > 36 or len(second_id) > 36:
        return None
    rows = list(db.session.scalars(select(Attendee).options(selectinload(Attendee.village))
                                   .where(Attendee.id.in_([first_id, second_id]), living(), in_scope(scope))))
    return ordered(*rows) if len(rows) == 2 else None


def is_dismissed(a: Attendee, b: Attendee) -> bool:
    """Whether the office judged ``a`` and ``b`` not to be the same person."""
    return _pair_key(a.id, b.id) in _dismissed({min(a.id, b.id)})


def dismiss(a: Attendee, b: Attendee, by: User) -> None:
    """Record that ``a`` and ``b`` are not the same person (once; a second time changes nothing); audited
    with the ids only."""
    first, second = _pair_key(a.id, b.id)
    if is_dismissed(a, b):
        return
    try:
        with db.session.begin_nested():  # two clerks at once: the second finds the first's row
            db.session.add(DuplicateDismissal(first_id=first, second_id=second, user_id=by.id))
    except IntegrityError:
        return
    audit.record("resident.not_duplicate", user=by, entity_type="attendees", entity_id=first, other=second)

