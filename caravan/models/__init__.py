"""caravan's data model; one module per entity. Importing this package registers every table."""
from caravan.models.area import Area, AreaLevel
from caravan.models.attendee import Attendee, AttendeeGroup, ConsentChannel
from caravan.models.audit import AuditEntry
from caravan.models.board import BoardRefresh
from caravan.models.device import Device
from caravan.models.employer import Employer
from caravan.models.enrollment import EnrollmentCode
from caravan.models.event import Event, EventKind, EventStatus, event_notices, event_postings
from caravan.models.merge import DuplicateDismissal, Merge
from caravan.models.notice import Notice, NoticeKind, NoticeTranslation
from caravan.models.posting import Posting, PostingTranslation, PublishStatus, Sector, WageUnit
from caravan.models.records import (CheckIn, CheckInMethod, Interest, ReferralStatus, ReferralStep,
                                    ServiceGiven, ServiceKind, Tally, TallyKind)
from caravan.models.report import ReportNarrative, SubmittedReport
from caravan.models.sync import Change, PendingRecord, PendingStatus, SyncBatch
from caravan.models.throttle import ThrottleHit
from caravan.models.training import InstructionLanguage, TrainingSession
from caravan.models.user import ROLE_RANK, Role, User

__all__ = [
    "Area", "AreaLevel", "Attendee", "AttendeeGroup", "AuditEntry", "BoardRefresh", "Change", "CheckIn", "CheckInMethod",
    "ConsentChannel", "Device", "DuplicateDismissal", "Employer", "EnrollmentCode", "Event", "EventKind", "EventStatus", "Interest", "Merge", "Notice",
    "NoticeKind", "NoticeTranslation", "PendingRecord", "PendingStatus", "Posting", "PostingTranslation",
    "PublishStatus", "ROLE_RANK", "ReferralStatus", "ReportNarrative", "ReferralStep", "Role", "Sector", "ServiceGiven",
    "ServiceKind", "SubmittedReport", "SyncBatch", "Tally", "TallyKind", "ThrottleHit", "User",
    "InstructionLanguage", "TrainingSession", "WageUnit",
    "event_notices", "event_postings",
]
