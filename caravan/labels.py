"""Translated labels for the values of caravan's enums, shared by templates, PDFs and exports."""
from flask import Flask
from flask_babel import lazy_gettext as _l

from caravan.i18n import LANGUAGE_NAMES

EVENT_KINDS = {"bazaar": _l("Bazaar day"), "village": _l("Village visit"), "campus": _l("Campus visit"),
               "job_fair": _l("Job fair")}
SECTORS = {"agriculture": _l("Agriculture"), "manufacturing": _l("Manufacturing"),
           "construction": _l("Construction"), "services": _l("Services"), "logistics": _l("Logistics"),
           "retail": _l("Retail"), "health": _l("Health and care"), "education": _l("Education"),
           "other": _l("Other")}
WAGE_UNITS = {"hour": _l("per hour"), "day": _l("per day"), "month": _l("per month"), "piece": _l("per piece")}
ROLES = {"field": _l("Field staff"), "office": _l("Office staff"), "admin": _l("Administrator")}
GROUPS = {"rural_worker": _l("Rural worker"), "graduate": _l("Graduate"), "other": _l("Other")}
NOTICE_KINDS = {"training": _l("Training course"), "policy": _l("Policy information")}
PUBLISH_STATUSES = {"draft": _l("Draft"), "published": _l("Published"), "closed": _l("Closed")}
SERVICE_KINDS = {"job_info": _l("Job information"), "training_info": _l("Training information"),
                 "policy_advice": _l("Policy advice")}
REFERRAL_STATUSES = {"interested": _l("Interested"), "referred": _l("Referred to the employer"),
                     "interviewed": _l("Interviewed"), "hired": _l("Hired"), "withdrawn": _l("Withdrawn"),
                     "enrolled": _l("Enrolled"), "completed": _l("Completed the course"),
                     "dropped": _l("Dropped out")}
#: A job fair's employer: asked to come, or said yes.
PARTICIPANT_STATUSES = {"invited": _l("Invited"), "confirmed": _l("Confirmed")}
#: The language a training session is taught in.
INSTRUCTION_LANGUAGES = {"zh": _l("Chinese"), "ug": _l("Uyghur"), "bilingual": _l("Chinese and Uyghur"),
                         "en": _l("English")}
#: What happens next, for the resident's pass page: one sentence per status, in the resident's language.
REFERRAL_NEXT = {
    "interested": _l("Next: the employment office looks at your interest and, if the job suits you, passes "
                     "your details to the employer. Staff will call you."),
    "referred": _l("Your details were passed to the employer. Next: the employer or the office calls you "
                   "to arrange an interview."),
    "interviewed": _l("You had an interview. Next: the employer decides and you hear the result."),
    "hired": _l("You were hired. Congratulations! Ask the employment office if you need anything else."),
    "withdrawn": _l("This referral is closed. You can say \"I'm interested\" on the posting again at any time."),
    "course_interested": _l("Next: the employment office looks at your interest and calls you to enrol you "
                            "in a session of the course."),
    "enrolled": _l("You are enrolled in the course. Go to your session on its first day."),
    "completed": _l("You completed the course. Congratulations!"),
    "dropped": _l("This enrolment is closed. You can say \"I'm interested\" on the course again at any time."),
}

#: What the audit log's action codes mean; a code missing here is shown as it is.
AUDIT_ACTIONS = {
    "posting.create": _l("Posting created"), "posting.update": _l("Posting changed"),
    "posting.publish": _l("Posting published"), "posting.close": _l("Posting closed"),
    "posting.draft": _l("Posting back to draft"), "posting.import": _l("Postings imported"),
    "notice.create": _l("Notice created"), "notice.update": _l("Notice changed"),
    "notice.publish": _l("Notice published"), "notice.close": _l("Notice closed"),
    "notice.draft": _l("Notice back to draft"),
    "training.session_add": _l("Training session added"), "training.session_update": _l("Training session changed"),
    "training.session_remove": _l("Training session removed"),
    "employer.create": _l("Employer added"), "employer.update": _l("Employer changed"),
    "event.create": _l("Event planned"), "event.update": _l("Event changed"), "event.cancel": _l("Event cancelled"),
    "event.restore": _l("Event restored"),
    "event.export": _l("Event results exported"), "event.export_list": _l("Events exported"),
    "posting.export": _l("Postings exported"), "employer.export": _l("Employers exported"),
    "notice.export": _l("Notices exported"),
    "device.create": _l("Tablet added"), "device.enroll": _l("Tablet enrolled"), "device.revoke": _l("Tablet revoked"),
    "device.reenroll": _l("Tablet re-enrolled"),
    "enrollment_code.create": _l("Enrollment code made"), "sync.import": _l("Unsent records imported"),
    "sync.correct": _l("Refused registration corrected"),
    "user.create": _l("Staff member added"), "user.update": _l("Staff member changed"),
    "user.deactivate": _l("Staff member deactivated"), "user.reactivate": _l("Staff member reactivated"),
    "user.reset_password": _l("Password reset"), "user.password": _l("Password changed"), "user.unlock": _l("Staff member unlocked"), "signin.ok": _l("Signed in"), "signin.fail": _l("Failed sign-in"),
    "print.posters": _l("Posters printed"), "print.flyers": _l("Flyers printed"),
    "print.passes": _l("Pass cards printed"), "print.bulletin": _l("Notice board bulletin printed"),
    "board.refresh": _l("Notice board refresh recorded"), "board.export": _l("Notice boards exported"),
    "resident.register": _l("Resident registered at the office"), "resident.correct": _l("Resident's record corrected"),
    "resident.erase": _l("Resident's data erased"), "resident.export": _l("Residents exported"),
    "resident.merge": _l("Duplicate registrations merged"), "resident.unmerge": _l("Merge of registrations undone"),
    "resident.not_duplicate": _l("Registrations marked as different people"),
    "referral.step": _l("Referral moved on"), "referral.export": _l("Referrals exported"),
    "report.export": _l("Records behind a statistic exported"), "report.submit": _l("Statistics table submitted"),
    "report.narrative": _l("Texts of a summary saved"),
    "employer.import": _l("Employer register imported"),
    "survey.round_create": _l("Survey round set"), "survey.round_update": _l("Survey round changed"),
    "survey.visit": _l("Employer visit recorded"), "survey.export": _l("Employers not visited exported"),
    "fair.add": _l("Employer added to a job fair"), "fair.update": _l("Job fair employer changed"),
    "fair.remove": _l("Employer taken off a job fair"), "fair.arrive": _l("Employer's arrival at a job fair noted"),
    "fair.unarrive": _l("Employer's arrival at a job fair undone"), "print.fair_guide": _l("Job fair guide printed"),
    "fair.export": _l("Job fair results exported"),
}

#: The action filter's groups: every action whose code starts with the key and a dot.
AUDIT_GROUPS = {
    "posting": _l("Postings"), "notice": _l("Notices"), "employer": _l("Employers"), "event": _l("Events"),
    "device": _l("Tablets"), "enrollment_code": _l("Enrollment codes"), "sync": _l("Records from tablets"),
    "user": _l("Staff"), "signin": _l("Sign-ins"), "print": _l("Printing"), "resident": _l("Residents"),
    "referral": _l("Referrals"), "report": _l("Statistics"), "survey": _l("Employer survey"), "fair": _l("Job fairs"),
}
#: What kind of record an audit entry is about, by table name.
AUDIT_RECORDS = {
    "postings": _l("Posting"), "notices": _l("Notice"), "employers": _l("Employer"), "events": _l("Event"),
    "devices": _l("Tablet"), "enrollment_codes": _l("Enrollment code"), "users": _l("Staff member"),
    "attendees": _l("Resident"), "interests": _l("Referral"), "areas": _l("Area"),
    "survey_rounds": _l("Survey round"), "employer_visits": _l("Employer visit"),
}
#: The keys of an audit entry's details.
AUDIT_DETAILS = {
    "changed": _l("Changed"), "fields": _l("Fields"), "count": _l("Count"), "per_page": _l("Per page"),
    "format": _l("Format"), "rows": _l("Rows"), "area": _l("Area"), "role": _l("Role"), "code": _l("Code"),
    "status": _l("Status"), "records": _l("Records"), "languages": _l("Languages"), "postings": _l("Postings"),
    "filters": _l("Filters"), "reenroll": _l("Re-enrolled tablet"), "created": _l("Created"),
    "skipped": _l("Skipped"), "failed": _l("Failed"), "record_type": _l("Kind of record"),
    "before": _l("Before"), "after": _l("After"), "note": _l("Note"), "accepted": _l("Accepted"),
    "duplicate": _l("Duplicate"), "rejected": _l("Refused"), "held": _l("Held"), "conflict": _l("Conflict"),
    "year": _l("Year"), "period": _l("Summary"), "lines": _l("Vacancy lines"), "updated": _l("Updated"),
    "unchanged": _l("Unchanged"), "via": _l("Through"), "employer_id": _l("Employer"),
}

#: The field names an audit entry's details list (``changed``, ``fields``), in words; a name ending in a
#: language (``title_ug``) is the field's word with the language's own name.
AUDIT_FIELDS = {
    "employer": _l("Employer"), "sector": _l("Sector"), "openings": _l("Openings"), "wage_min": _l("Lowest wage"),
    "wage_max": _l("Highest wage"), "wage_unit": _l("Wage unit"), "area": _l("Area"), "housing": _l("Housing"),
    "meals": _l("Meals"), "transport": _l("Transport"), "valid_until": _l("Valid until"),
    "contact_name": _l("Contact person"), "contact_phone": _l("Contact phone"), "title": _l("Title"),
    "description": _l("Description"), "requirements": _l("Requirements"), "work_place": _l("Place of work"),
    "body": _l("Text"), "kind": _l("Kind"), "place": _l("Place"), "starts_at": _l("Starts"), "ends_at": _l("Ends"),
    "postings": _l("Job postings"), "notices": _l("Notices"), "name": _l("Name"), "display_name": _l("Name"),
    "role": _l("Role"), "phone": _l("Phone"), "village_id": _l("Village"), "group": _l("Group"),
    "skills": _l("Skills"), "wishes": _l("Wishes"), "work_done": _l("Work done"), "problems": _l("Problems"),
    "plans": _l("Plans"), "staff_name": _l("Staff who visited"), "visited_on": _l("Date of the visit"),
    "planned_hires": _l("Planned hiring in the next six months (people)"), "training_needs": _l("Training needs"),
    "notes": _l("Notes"), "starts_on": _l("From"), "ends_on": _l("Until"), "name_zh": _l("Name in Chinese"),
    "name_ug": _l("Name in Uyghur"), "name_en": _l("Name in English"),
    "booth": _l("Booth"), "zone": _l("Zone"), "status": _l("Status"),
}


def audit_value(value) -> str:
    """One value of an audit entry's details for the reader: a field name, a status or a language in words,
    anything else (a count, a format, a code) as it is."""
    if isinstance(value, str):
        base, _sep, lang = value.rpartition("_")
        if lang in LANGUAGE_NAMES and base in AUDIT_FIELDS:
            return f"{AUDIT_FIELDS[base]} ({LANGUAGE_NAMES[lang]})"
        word = AUDIT_FIELDS.get(value) or PUBLISH_STATUSES.get(value) or LANGUAGE_NAMES.get(value)
        if word is not None:
            return str(word)
    return str(value)


def init_app(app: Flask) -> None:
    """Make the label tables available in every template as ``labels``."""
    from caravan.services.wages import wage_parts  # the service reads this module's tables
    app.jinja_env.globals["audit_value"] = audit_value
    app.jinja_env.globals["wage_parts"] = wage_parts
    app.jinja_env.globals["labels"] = {
        "event_kinds": EVENT_KINDS, "sectors": SECTORS, "wage_units": WAGE_UNITS, "roles": ROLES,
        "groups": GROUPS, "publish_statuses": PUBLISH_STATUSES, "notice_kinds": NOTICE_KINDS,
        "referral_statuses": REFERRAL_STATUSES, "participant_statuses": PARTICIPANT_STATUSES,
        "instruction_languages": INSTRUCTION_LANGUAGES,
        "referral_next": REFERRAL_NEXT, "audit_actions": AUDIT_ACTIONS, "service_kinds": SERVICE_KINDS,
        "audit_groups": AUDIT_GROUPS, "audit_records": AUDIT_RECORDS, "audit_details": AUDIT_DETAILS}
