"""caravan's data model; one module per entity. Importing this package registers every table."""
from caravan.models.alert import AlertSubscription, SmsMessage, SmsStatus
from caravan.models.area import Area, AreaLevel
from caravan.models.attendee import Attendee, AttendeeGroup, ConsentChannel
from caravan.models.audit import AuditEntry
from caravan.models.board import BoardRefresh
from caravan.models.device import Device
from caravan.models.employer import Employer
from caravan.models.enrollment import EnrollmentCode
from caravan.models.fair import FairArrival, FairParticipant, ParticipantStatus
from caravan.models.event import Event, EventKind, EventStatus, event_notices, event_postings
from caravan.models.merge import DuplicateDismissal, Merge
from caravan.models.notice import Notice, NoticeKind, NoticeTranslation
from caravan.models.posting import Posting, PostingTranslation, PublishStatus, Sector, WageUnit
from caravan.models.records import (CheckIn, CheckInMethod, Interest, ReferralStatus, ReferralStep,
                                    ServiceGiven, ServiceKind, Tally, TallyKind)
from caravan.models.report import ReportNarrative, SubmittedReport
from caravan.models.survey import EmployerVisit, SurveyRound, VisitVacancy
from caravan.models.sync import Change, PendingRecord, PendingStatus, SyncBatch
from caravan.models.throttle import ThrottleHit
from caravan.models.training import InstructionLanguage, TrainingSession
from caravan.models.user import ROLE_RANK, Role, User

__all__ = [
    "AlertSubscription", "Area", "AreaLevel", "Attendee", "AttendeeGroup", "AuditEntry", "BoardRefresh",
    "Change", "CheckIn", "CheckInMethod", "ConsentChannel", "Device", "DuplicateDismissal", "Employer",
    "EmployerVisit", "EnrollmentCode", "Event", "EventKind", "EventStatus", "FairArrival", "FairParticipant",
    "InstructionLanguage", "Interest", "Merge", "Notice", "NoticeKind", "NoticeTranslation",
    "ParticipantStatus", "PendingRecord", "PendingStatus", "Posting", "PostingTranslation", "PublishStatus",
    "ReferralStatus", "ReferralStep", "ReportNarrative", "Role", "ROLE_RANK", "Sector", "ServiceGiven",
    "ServiceKind", "SmsMessage", "SmsStatus", "SubmittedReport", "SurveyRound", "SyncBatch", "Tally",
    "TallyKind", "ThrottleHit", "TrainingSession", "User", "VisitVacancy", "WageUnit",
    "event_notices", "event_postings",
]
