"""Reasons for held, conflicting and rejected records, as sentences in the reader's language.

The API answers with the stable code (``too_long:name``); the office pages and, if it likes, the tablet
turn it into a sentence, with the field in words (:data:`FIELD_WORDS`, the one table of them: the tablet's
strings take theirs from it).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: What each record status is called on office pages; "applied" is a held record whose parent came.
STATUS_LABELS = {
    "accepted": _l("accepted"), "duplicate": _l("already received"), "conflict": _l("conflict"),
    "held": _l("held"), "rejected": _l("rejected"), "applied": _l("applied"),
}

#: A record type in words, as the office and the tablet name it; a type not listed is shown as sent.
RECORD_TYPES = {
    "attendee": _l("Registration"), "checkin": _l("Check-in"), "service": _l("Service given"),
    "tally": _l("Visitor count"), "interest": _l("Interest in a posting or course"),
    "fair_arrival": _l("Employer's arrival at a job fair"), "employer_visit": _l("Employer visit"),
}

#: A field a reason names (``too_long:phone``), in words; a field not listed is shown as the API spells it.
FIELD_WORDS = {
    "name": _l("Full name"), "phone": _l("Phone"), "village_id": _l("Village"), "group": _l("Group"),
    "skills": _l("Skills"), "wishes": _l("Wishes"), "event_id": _l("Event"), "attendee_id": _l("Registration"),
    "posting_id": _l("Posting"), "notice_id": _l("Notice"), "by": _l("Staff member"), "pass_token": _l("Pass"),
    "kind": _l("Kind"), "method": _l("How"), "count": _l("Count"), "cancels_id": _l("Undone visitor count"),
    # An employer visit's fields and (``vacancies.<n>.<field>``) those of its vacancy lines, as the form names them.
    "round_id": _l("Survey round"), "employer_id": _l("Employer"), "visited_on": _l("Date of the visit"),
    "staff_name": _l("Staff who visited"), "contact_name": _l("Employer's contact for work matters"),
    "contact_phone": _l("Contact phone"), "planned_hires": _l("Planned hiring in the next six months (people)"),
    "plans": _l("Hiring plans"), "training_needs": _l("Training needs"), "notes": _l("Notes"),
    "vacancies": _l("Vacancies now, by occupation"), "occupation": _l("Occupation"),
    "wage_min": _l("Lowest wage"), "wage_max": _l("Highest wage"), "wage_unit": _l("Wage unit"),
    "requirements": _l("Requirements"),
}

#: A vacancy line's field in words: "Line 2: Occupation".
LINE_FIELD = _l("Line %(num)d: %(field)s")

#: The fields whose value is the id of something the office can name: a posting, an event, a notice.
SUBJECT_FIELDS = ("posting_id", "event_id", "notice_id")

MESSAGES = {
    "not_an_object": _l("The record is not a JSON object."),
    "missing": _l("%(field)s is missing."),
    "wrong_type": _l("%(field)s has the wrong type."),
    "empty": _l("%(field)s is empty."),
    "too_long": _l("%(field)s is too long."),
    "control_characters": _l("%(field)s contains control characters."),
    "bad_text": _l("%(field)s is not valid text."),
    "bad_uuid": _l("%(field)s is not a UUID."),
    "bad_time": _l("%(field)s is not an ISO 8601 time."),
    "bad_value": _l("%(field)s has a value that is not allowed."),
    "out_of_range": _l("%(field)s is out of range."),
    "wage_below_min": _l("%(field)s must not be below the lowest wage."),
    "unknown_type": _l("Unknown record type."),
    "attendee_erased": _l("The resident's record was erased at their request."),
    "conflict": _l("A different record with the same id is already stored."),
    "corrected_already": _l("This registration was corrected already, on the tablet or at the county office, "
                            "and the server keeps the correction that came first. This other correction is "
                            "kept too: the county office compares the two and keeps one."),
    "waiting_for": _l("Waiting for %(field)s to arrive."),
    "unknown_area": _l("%(field)s is not a known area."),
    "pass_token_taken": _l("This pass belongs to another resident."),
    "not_storable": _l("The database refused this record."),
    "same_interest": _l("The resident's interest in this posting is recorded already (under another id)."),
    "two_subjects": _l("An interest names either a posting or a training course, not both."),
    "not_a_course": _l("%(field)s names a notice that is not a training course: only courses take interests."),
    "outside_area": _l("%(field)s names an event outside this tablet's area."),
    "not_published": _l("%(field)s names a posting or notice that is not published."),
    "unknown_staff": _l("%(field)s names a staff member this server does not know; the record is kept "
                        "for the office to review."),
    "not_its_cancel": _l("%(field)s names a visitor count of another event or kind, or with another number: an "
                         "undo must take back exactly the count it names. Nothing was undone."),
    "cancelled_already": _l("%(field)s names a visitor count that was undone already; it is undone only once."),
    "unknown_round": _l("%(field)s names a survey round this server does not know."),
    "round_outside_area": _l("%(field)s names a survey round outside this tablet's area."),
    "sealed": _l("The encrypted personal fields of this record could not be opened: the file was changed "
                 "or damaged after it was exported."),
    "not_at_fair": _l("%(field)s names an employer that does not take part in this job fair."),
    "too_many_held": _l("This tablet has too many records waiting for residents or events that have not "
                        "arrived, so this one was set aside. Sync the other tablets, then import this "
                        "tablet's exported records at the office."),
}


#: Reasons a refused registration gets that a correction of the person's fields mends, and those fields: such
#: a registration can be corrected on its tablet (which gets both in its strings file) or at the office.
CORRECTABLE_CODES = ("missing", "wrong_type", "empty", "too_long", "control_characters", "bad_text", "bad_value",
                     "bad_uuid", "unknown_area")
CORRECTABLE_FIELDS = ("name", "phone", "village_id", "group", "skills", "wishes")


#: The same for a refused employer visit: the survey rule's reasons (and the shape's) for its own fields and
#: those of its vacancy lines (``vacancies.<n>.<field>``), the employer included; not its round, which only
#: the office makes (a visit in an unknown round is recorded again in a round of the tablet's area).
VISIT_CORRECTABLE_CODES = ("missing", "wrong_type", "empty", "too_long", "control_characters", "bad_text",
                           "bad_value", "bad_uuid", "out_of_range", "wage_below_min")
VISIT_CORRECTABLE_FIELDS = ("employer_id", "visited_on", "staff_name", "contact_name", "contact_phone",
                            "planned_hires", "plans", "training_needs", "notes", "vacancies")


def correctable(record_type: str, status: str, reason: str) -> bool:
    """Whether a record refused with ``reason`` is a registration, or an employer visit, that a correction of
    its fields mends."""
    code, _sep, field = (reason or "").partition(":")
    if status != "rejected":
        return False
    if record_type == "employer_visit":
        return code in VISIT_CORRECTABLE_CODES and field.partition(".")[0] in VISIT_CORRECTABLE_FIELDS
    return record_type == "attendee" and code in CORRECTABLE_CODES and field in CORRECTABLE_FIELDS


def record_type_word(record_type) -> str:
    """A record type in words (``interest`` -> "Interest in a posting"); an unknown type as sent."""
    word = RECORD_TYPES.get(record_type) if isinstance(record_type, str) else None
    return str(word) if word is not None else str(record_type or "—")


def field_word(field: str) -> str:
    """A field of a reason in words (``posting_id`` -> "Posting"); an unknown field as the API spells it."""
    head, _sep, rest = field.partition(".")
    number, _sep, key = rest.partition(".")
    if head == "vacancies" and number.isdigit() and key in FIELD_WORDS:
        return str(LINE_FIELD) % {"num": int(number) + 1, "field": FIELD_WORDS[key]}
    word = FIELD_WORDS.get(field)
    return str(word) if word is not None else field


def reason_field(reason: str) -> str:
    """The field a stored reason names (``not_published:posting_id`` -> ``posting_id``), or ""."""
    return (reason or "").partition(":")[2]


def describe(reason: str) -> str:
    """The sentence for a stored reason such as ``too_long:name``, the field in words; the code itself if it
    is unknown."""
    code, _sep, field = (reason or "").partition(":")
    message = MESSAGES.get(code)
    if message is None:
        return reason
    text = str(message)
    return text % {"field": field_word(field)} if "%(field)s" in text else text
