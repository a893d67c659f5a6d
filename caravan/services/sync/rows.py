"""Between validated records and table rows: which model each type is, its parents, building a row, and
the canonical content that decides "duplicate" or "conflict"."""
from __future__ import annotations

from datetime import datetime

from caravan.models import (Attendee, AttendeeGroup, CheckIn, CheckInMethod, ConsentChannel, Employer, Event,
                            FairArrival, Interest, Notice, Posting, ReferralStatus, ReferralStep, ServiceGiven,
                            ServiceKind, Tally, TallyKind)
from caravan.services.sync.validate import Record

TYPE_MODEL = {"attendee": Attendee, "checkin": CheckIn, "service": ServiceGiven, "tally": Tally,
              "interest": Interest, "fair_arrival": FairArrival}

#: The keys of each type's data that name a parent, and the parent's model. A record whose parent the
#: server has not seen is held until the parent arrives. (An attendee's village is not a parent: areas
#: come only from the office, so an unknown one is an error, not a delay.)
PARENTS = {
    "attendee": {},
    "checkin": {"event_id": Event, "attendee_id": Attendee},
    "service": {"event_id": Event, "attendee_id": Attendee, "posting_id": Posting, "notice_id": Notice},
    "tally": {"event_id": Event, "cancels_id": Tally},
    "interest": {"attendee_id": Attendee, "posting_id": Posting, "notice_id": Notice, "event_id": Event},
    "fair_arrival": {"event_id": Event, "employer_id": Employer},
}

#: The data keys compared to tell a harmless resend (duplicate) from a different record (conflict).
CONTENT_KEYS = {
    "attendee": ("name", "phone", "village_id", "group", "skills", "wishes", "consent_at", "consent_version",
                 "pass_token"),
    "checkin": ("event_id", "attendee_id", "method"),
    "service": ("event_id", "attendee_id", "kind", "posting_id", "notice_id"),
    "tally": ("event_id", "kind", "count", "cancels_id"),
    "interest": ("attendee_id", "posting_id", "notice_id", "event_id"),
    "fair_arrival": ("event_id", "employer_id"),
}


def _plain(value):
    # Enum members compare equal to their values, but keep the canonical form plain for clarity.
    return value.value if hasattr(value, "value") else value


def content_of(kind: str, data: dict) -> dict:
    """The canonical content of validated ``data`` of type ``kind``."""
    return {key: data.get(key) for key in CONTENT_KEYS[kind]}


def content_of_row(kind: str, row) -> dict:
    """The canonical content of a stored row, comparable with :func:`content_of`."""
    content = {key: _plain(getattr(row, key)) for key in CONTENT_KEYS[kind]}
    if kind == "attendee":
        content["phone"] = content["phone"] or None
    return content


def same_content(kind: str, data: dict, row_content: dict) -> bool:
    """Whether validated ``data`` says the same as a stored row's content (times compared as instants)."""
    mine = content_of(kind, data)
    for key, value in mine.items():
        other = row_content.get(key)
        if isinstance(value, datetime) and isinstance(other, datetime):
            if value != other:
                return False
        elif value != other:
            return False
    return True


def build_row(record: Record, device_id: str | None, received_at: datetime):
    """A new model instance for ``record``, made by the tablet ``device_id``."""
    data = record.data
    if record.type == "attendee":
        return Attendee(id=record.id, name=data["name"], phone=data["phone"], village_id=data["village_id"],
                        group=AttendeeGroup(data["group"]), skills=data["skills"], wishes=data["wishes"],
                        consent_at=data["consent_at"], consent_version=data["consent_version"],
                        consent_channel=ConsentChannel.tablet, pass_token=data["pass_token"],
                        device_id=device_id, device_seq=record.seq, device_at=record.at,
                        staff_id=record.by, created_at=received_at, updated_at=received_at)
    common = {"id": record.id, "device_id": device_id, "device_seq": record.seq, "device_at": record.at,
              "staff_id": record.by, "received_at": received_at}
    if record.type == "checkin":
        return CheckIn(event_id=data["event_id"], attendee_id=data["attendee_id"],
                       method=CheckInMethod(data["method"]), **common)
    if record.type == "service":
        return ServiceGiven(event_id=data["event_id"], attendee_id=data["attendee_id"],
                            kind=ServiceKind(data["kind"]), posting_id=data["posting_id"],
                            notice_id=data["notice_id"], **common)
    if record.type == "tally":
        return Tally(event_id=data["event_id"], kind=TallyKind(data["kind"]), count=data["count"],
                     cancels_id=data.get("cancels_id"), **common)
    if record.type == "fair_arrival":
        return FairArrival(event_id=data["event_id"], employer_id=data["employer_id"], **common)
    # An interest starts its follow-up history at once, so the office sees it in the referral list.
    return Interest(attendee_id=data["attendee_id"], posting_id=data["posting_id"], notice_id=data["notice_id"],
                    event_id=data["event_id"],
                    status=ReferralStatus.interested,
                    steps=[ReferralStep(status=ReferralStatus.interested, at=record.at)], **common)


def row_values(record: Record, device_id: str | None, received_at: datetime) -> tuple[type, dict, dict | None]:
    """The column values of ``record``'s row, for a bulk ``insert()`` (the same row :func:`build_row`
    makes); with an interest, also its first referral step's values."""
    if record.type == "attendee":
        return Attendee, {**record.data, "id": record.id, "consent_channel": ConsentChannel.tablet.value,
                          "device_id": device_id, "device_seq": record.seq, "device_at": record.at,
                          "staff_id": record.by, "created_at": received_at, "updated_at": received_at}, None
    values = {"id": record.id, "device_id": device_id, "device_seq": record.seq, "device_at": record.at,
              "staff_id": record.by, "received_at": received_at, **record.data}
    if record.type == "interest":
        values["status"] = ReferralStatus.interested.value
        return Interest, values, {"interest_id": record.id, "status": ReferralStatus.interested.value,
                                  "at": record.at}
    return TYPE_MODEL[record.type], values, None
