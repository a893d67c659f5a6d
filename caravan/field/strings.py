"""Every text the tablet app shows, by key, so the app can switch language offline.

The shell page is rendered in the request's language; the app then applies the language chosen on the
tablet from :func:`catalog`, which is fetched once and kept by the service worker.
"""
from __future__ import annotations

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from caravan import labels
from caravan.services import resident_rules, surveys
from caravan.services.sync import reasons

STRINGS = {
    "app_title": _l("Job Caravan · Tablet"),
    "enroll_title": _l("Enroll this tablet"),
    "enroll_help": _l("Enter or scan the one-time enrollment code made by the county office. "
                      "The tablet needs the network once, for this step."),
    "enroll_code": _l("Enrollment code"),
    "enroll_name": _l("Name of this tablet"),
    "enroll_submit": _l("Enroll"),
    "enroll_scan": _l("Scan the code"),
    "enroll_failed": _l("The code was not accepted. Ask the office for a new one."),
    "enroll_offline": _l("Enrollment needs the network. Connect and try again."),
    "enrolled_as": _l("Enrolled as"),
    "revoked": _l("This tablet was revoked by the county office. It no longer syncs; its unsent "
                  "records stay on it — export them and hand the file to the office."),
    "reenroll": _l("The server no longer knows this tablet. Its records are kept. Enroll it again."),
    "revoked_wiped": _l("This tablet was revoked by the county office: residents' data was wiped from it. Its "
                        "unsent records are kept, sealed — export them and hand the file to the office."),
    "lock_title": _l("Tablet locked"),
    "lock_staff": _l("Staff member"),
    "lock_pin": _l("PIN"),
    "unlock": _l("Unlock"),
    "lock_now": _l("Lock"),
    "add_staff": _l("Sign in as another staff member"),
    "pin_wrong": _l("Wrong PIN. %(num)s tries left; after that the PINs on this tablet are wiped."),
    "pins_wiped": _l("Too many wrong PINs: the PINs on this tablet were wiped. No record is lost. A staff "
                     "member signs in online, then chooses a new PIN."),
    "locked_sync": _l("Locked: records stay on this tablet and are sent once a staff member unlocks it."),
    "signin_first": _l("A staff member signs in once online, then chooses a PIN for this tablet."),
    "signin_help": _l("Your user name and password, as for the office pages. The tablet needs the network "
                      "for this step."),
    "username": _l("User name"),
    "password": _l("Password"),
    "signin": _l("Sign in"),
    "back": _l("Back"),
    "signin_offline": _l("Signing in needs the network. Connect and try again."),
    "signin_failed": _l("The sign-in was not accepted. Try again."),
    "signin_nokey": _l("This tablet's key does not open with this server's answer. Export the unsent records "
                       "and hand the file to the office."),
    "pin_help": _l("%(name)s: choose a PIN of at least %(num)s digits. It unlocks this tablet without the "
                   "network."),
    "pin_new": _l("New PIN"),
    "pin_again": _l("The PIN again"),
    "pin_save": _l("Save the PIN"),
    "pin_short": _l("The PIN needs at least %(num)s digits, and digits only."),
    "pin_mismatch": _l("The two PINs are not the same."),
    "pick_event": _l("Pick the event"),
    "today": _l("Today"),
    "no_events": _l("No events on this tablet yet. Connect and sync to fetch them."),
    "tab_scan": _l("Check in"),
    "tab_register": _l("Register"),
    "tab_give": _l("Services given"),
    "tab_tally": _l("Tally"),
    "tab_postings": _l("Postings"),
    "tab_fair": _l("Job fair"),
    "fair_title": _l("Employers at the job fair"),
    "fair_none": _l("No employers take part yet."),
    "fair_main_hall": _l("Main hall"),
    "fair_zone": _l("%(group)s zone"),
    "fair_arrived": _l("Mark as arrived"),
    "fair_arrived_at": _l("Arrived at"),
    "fair_invited": _l("Invited"),
    "scan_start": _l("Start camera"),
    "scan_stop": _l("Stop camera"),
    "scan_no_camera": _l("No camera available. Type the code or search by name."),
    "manual_code": _l("Pass code or link"),
    "manual_check": _l("Check in"),
    "search_name": _l("Search by name"),
    "checked_in": _l("Checked in"),
    "already_in": _l("Already checked in"),
    "unknown_pass": _l("Unknown pass: no one with this pass is on this tablet. Sync, or register the person."),
    "malformed": _l("This is not a caravan pass."),
    "no_results": _l("No one found."),
    "choose_person": _l("Several people have this pass code. Ask the name and choose:"),
    "registered_on": _l("registered %(date)s"),
    "phone_tail": _l("phone ends in %(digits)s"),
    "pass_code": _l("Pass code"),
    "reg_title": _l("Register a newcomer"),
    "name": _l("Full name"),
    "phone": _l("Phone (optional)"),
    "village": _l("Village"),
    "village_none": _l("— not given —"),
    "group": _l("Group"),
    "skills": _l("Skills"),
    "wishes": _l("Wishes"),
    "consent_lang": _l("Consent text in"),
    # The resident web page's consent text (templates/_macros/consent.html), word for word: a person
    # agrees to the same thing on the tablet as on their phone.
    "consent_p1": _l("The county public employment office keeps your name, phone number, village, skills and "
                     "wishes, and the jobs you are interested in, so that it can tell you about suitable work "
                     "and follow up with employers."),
    "consent_p2": _l("We do not ask for your ID number. Nothing is shared with anyone except employers you are "
                     "interested in. Registering is voluntary: you can read every posting without it."),
    "consent_p3": _l("You can see your data on your pass at any time and erase it yourself."),
    "consent_version": _l("Consent text version %(version)s"),
    "consent_agree": _l("The person has read or heard this text and agrees"),
    "consent_needed": _l("Registration needs the person's consent."),
    "name_needed": _l("Please enter a name."),
    "reg_submit": _l("Register and check in"),
    "pass_title": _l("Pass"),
    "pass_help": _l("Let the person photograph this QR code: it is their pass."),
    "done": _l("Done"),
    "give_title": _l("Record what was given"),
    "give_who": _l("For"),
    "give_nobody": _l("Check someone in first (scan, search or register)."),
    "job_info": _l("Job information"),
    "training_info": _l("Training information"),
    "policy_advice": _l("Policy advice"),
    "interest": _l("Interested in"),
    "course": _l("Training course"),
    "save": _l("Save"),
    "saved": _l("Saved"),
    "tally_title": _l("Visitors who did not register"),
    "tally_visitor": _l("+1 visitor"),
    "tally_job_info": _l("+1 job information"),
    "tally_training_info": _l("+1 training information"),
    "tally_policy_advice": _l("+1 policy advice"),
    "filter_sector": _l("Sector"),
    "filter_place": _l("Place"),
    "filter_wage": _l("Lowest wage"),
    "all": _l("All"),
    "openings": _l("Openings"),
    # Said in words both ways: a struck-through "No housing" would read as a double negative.
    "housing_yes": _l("Housing provided"), "housing_no": _l("No housing"),
    "meals_yes": _l("Meals provided"), "meals_no": _l("No meals"),
    "transport_yes": _l("Transport provided"), "transport_no": _l("No transport"),
    "kiosk": _l("Kiosk"),
    "kiosk_exit": _l("Exit kiosk"),
    "kiosk_scan": _l("Scan to read this posting on your phone"),
    "no_postings": _l("No postings for this event."),
    "wage_negotiable": _l("Wage by agreement"),
    "pending": _l("Unsent"),
    "held": _l("Waiting on server"),
    "last_sync": _l("Last sync"),
    "never": _l("never"),
    "syncing": _l("Syncing…"),
    "sync_now": _l("Sync now"),
    "offline": _l("Offline"),
    "offline_safe": _l("Offline — records are safe on this tablet; they will be sent when the network returns."),
    "online": _l("Online"),
    "revoked_state": _l("Revoked"),
    "no_answer": _l("Server not answering"),
    "no_answer_safe": _l("The server does not answer. Records are safe on this tablet; it will try again."),
    "receipt": _l("Made %(made)s, the server holds %(held)s"),
    "receipt_ok": _l("confirmed"),
    "receipt_none": _l("Made %(made)s, none confirmed by the server yet"),
    "receipt_to_send": _l("%(count)s still to send"),
    "receipt_refused": _l("%(count)s refused by the server (see Problems)"),
    "receipt_differs": _l("the server's list differs: sync again"),
    "problems": _l("Problems"),
    "export": _l("Export unsent records"),
    "retry_at": _l("Next try"),
    "sync_error": _l("Sync failed; it will be tried again."),
    "language": _l("Language"),
    # The problem list: what kind of record, what went wrong, what to do.
    **{f"kind_{kind}": word for kind, word in reasons.RECORD_TYPES.items()},
    "state_rejected": _l("refused by the server"),
    "state_conflict": _l("in conflict with a record on the server"),
    # The words of the fields a reason names (the tablet's own keys for those it has no other string for).
    **{f"field_{field.removesuffix('_id')}": reasons.FIELD_WORDS[field]
       for field in ("phone", "event_id", "posting_id", "notice_id", "cancels_id")},
    "todo_correct": _l("Correct the registration and save it: it is sent again, and the check-in and services "
                       "waiting for it follow."),
    "todo_office": _l("This cannot be corrected on the tablet. Ask the county office: they see it under "
                      "Tablets → Records with problems."),
    "todo_correct_visit": _l("Correct the visit and save it: it is sent again."),
    "visit_correcting": _l("Correcting a visit the server refused"),
    "todo_conflict": _l("The server holds a different record under the same id. Ask the county office to "
                        "compare the two."),
    "correct": _l("Correct"),
    "correct_title": _l("Correct the registration"),
    "correct_save": _l("Save and send again"),
    "cancel": _l("Cancel"),
    "save_failed": _l("This tablet could not save: nothing was saved, and what you entered is still here. "
                      "Try again; if it keeps failing, free up storage on the tablet."),
    "storage_unavailable": _l("This tablet cannot keep records: the browser's storage is not available (a "
                              "private window, or storage turned off). Nothing can be recorded here; open the "
                              "app in a normal window with storage allowed."),
    "undo": _l("Undo"),
    "undone": _l("Undone"),
    "event_over": _l("Over"),
    "event_over_ask": _l("This event is over. Record for it anyway, e.g. from paper notes?"),
    "event_over_yes": _l("Yes, record for it"),
    "event_over_no": _l("No, back to the events"),
    # The employer visit of the demand survey (its labels are the office form's).
    "visit_section": _l("Employer visit"),
    "visit_open": _l("Record an employer visit"),
    "visit_title": _l("Record a visit"),
    "visit_round": _l("Survey round"),
    "visit_employer": _l("Employer"),
    "visit_search": _l("Search employers by name"),
    "visit_no_match": _l("No employer of this round's area matches."),
    "visit_change": _l("Change"),
    "visit_date": _l("Date of the visit"),
    "visit_staff": _l("Staff who visited"),
    "visit_contact": _l("Employer's contact for work matters"),
    "visit_phone": _l("Contact phone"),
    "visit_lines": _l("Vacancies now, by occupation"),
    "visit_line": _l("Line %(num)d"),
    "visit_line_field": reasons.LINE_FIELD,
    "visit_occupation": _l("Occupation"),
    "visit_count": _l("Number of vacancies"),
    "visit_wage_min": _l("Lowest wage"),
    "visit_wage_max": _l("Highest wage"),
    "visit_wage_unit": _l("Wage unit"),
    "visit_requirements": _l("Requirements"),
    "visit_add_line": _l("Add a line"),
    "visit_remove_line": _l("Remove line %(num)d"),
    "visit_no_lines": _l("No vacancies now."),
    "visit_planned": _l("Planned hiring in the next six months (people)"),
    "visit_plans": _l("Hiring plans"),
    "visit_training": _l("Training needs"),
    "visit_notes": _l("Notes"),
    "visit_save": _l("Save the visit"),
    "visit_back": _l("Back"),
    "visit_required": _l("Please fill this in."),
    "visit_number": _l("Enter a whole number."),
    # The server's own messages (caravan.services.catalogue.fields.Checker.integer, surveys.WAGE_ORDER).
    "visit_range": _l("Enter a number from %(low)d to %(high)d."),
    "visit_wage_order": surveys.WAGE_ORDER,
    "visit_fix": _l("Please correct the marked fields."),
    "visit_saved": _l("The visit is saved on this tablet; it is sent when the tablet is online."),
}

#: Short weekday names, shown before an event's date (Chromium has no Uyghur date names).
WEEKDAYS = {
    "sun": _l("Sun"), "mon": _l("Mon"), "tue": _l("Tue"), "wed": _l("Wed"), "thu": _l("Thu"),
    "fri": _l("Fri"), "sat": _l("Sat"),
}


def catalog() -> dict:
    """``{lang: {key: text}}`` for every language, plus the enum labels the app shows and the messages of
    the resident rules, and ``resident_rules``: the JSON Schema of a resident's fields."""
    tables = {"sectors": labels.SECTORS, "wage_units": labels.WAGE_UNITS, "groups": labels.GROUPS,
              "event_kinds": labels.EVENT_KINDS, "reasons": reasons.MESSAGES, "weekdays": WEEKDAYS}
    out = {}
    schema = resident_rules.schema()
    for lang in current_app.config["LANGUAGES"]:
        with force_locale(lang):
            entry = {key: str(text) for key, text in STRINGS.items()}
            for name, table in tables.items():
                entry[name] = {key: str(text) for key, text in table.items()}
            entry["rule_messages"] = resident_rules.messages()
        # The rules a resident's fields follow, as the server checks them, so that the tablet refuses a
        # record the server would refuse before it shows the person a pass. (The same in every language:
        # the file's top level holds languages only.)
        entry["resident_rules"] = schema
        # Which refused registrations the tablet offers to correct (the office decides by the same rule).
        entry["correctable"] = {"codes": list(reasons.CORRECTABLE_CODES), "fields": list(reasons.CORRECTABLE_FIELDS)}
        # And which refused employer visits (their fields, or a vacancy line's: "vacancies.<n>.<field>").
        entry["correctable_visit"] = {"codes": list(reasons.VISIT_CORRECTABLE_CODES),
                                      "fields": list(reasons.VISIT_CORRECTABLE_FIELDS)}
        # A vacancy line's rules (the office form's, caravan.services.surveys), checked before a visit is saved.
        entry["visit_rules"] = surveys.vacancy_rules()
        out[lang] = entry
    return out
