"""Every endpoint against anonymous visitors and each staff role, and against the area of what it names.

A new route fails ``test_every_route_is_in_the_matrix`` until it gets a row in MATRIX and one in
AREA_MATRIX (or NO_AREA, for a route that holds no data of an area).
"""
import io
import json
import re
import uuid
from datetime import datetime, timedelta

import pytest

from caravan.models import (Area, Device, EventKind, FairParticipant, InstructionLanguage, ParticipantStatus,
                            PendingRecord, PendingStatus, TrainingSession)
from caravan.models.base import utcnow
from caravan.services import audit, merges
from caravan.services.devices import create_device
from caravan.services.residents import add_interest

#: A tablet id that matches no tablet, for routes that name one.
NO_DEVICE = "00000000-0000-4000-8000-000000000000"
#: A problem record (pending_records row) id that matches none.
NO_PROBLEM = "0"
#: A staff member's id that matches none.
NO_USER = "0"
#: An interest id that matches none.
NO_INTEREST = "00000000-0000-4000-8000-000000000001"

# path, method, then the expected status for anonymous, field, office, admin.
# 302 for anonymous staff pages is the redirect to sign-in.
MATRIX = [
    ("/", "GET", 200, 200, 200, 200),
    ("/signin", "GET", 200, 302, 302, 302),
    ("/signin", "POST", 400, 302, 302, 302),  # anonymous: an empty form
    ("/signout", "POST", 302, 302, 302, 302),
    ("/lang/ug", "GET", 302, 302, 302, 302),
    ("/field/", "GET", 302, 200, 200, 200),
    # The tablet app's shell and texts hold no data (that comes through sync with a device token).
    ("/field/app", "GET", 200, 200, 200, 200),
    ("/field/app/strings.json", "GET", 200, 200, 200, 200),
    ("/sw.js", "GET", 200, 200, 200, 200),
    ("/manifest.webmanifest", "GET", 200, 200, 200, 200),
    ("/office/", "GET", 302, 403, 200, 200),
    ("/office/admin/", "GET", 302, 403, 403, 200),
    ("/office/admin/", "POST", 302, 403, 403, 422),
    ("/office/admin/unlock", "POST", 302, 403, 403, 400),  # an empty form names no user
    # The office catalogue. {posting}, {employer}, {notice} and {event} are made in the county per test;
    # an empty form is 422, a status change redirects (303) back to the form.
    ("/office/postings/", "GET", 302, 403, 200, 200),
    ("/office/postings/export.csv", "GET", 302, 403, 200, 200),
    ("/office/postings/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/postings/new", "GET", 302, 403, 200, 200),
    ("/office/postings/new", "POST", 302, 403, 422, 422),
    ("/office/postings/{posting}/edit", "GET", 302, 403, 200, 200),
    ("/office/postings/{posting}/edit", "POST", 302, 403, 422, 422),
    ("/office/postings/{posting}/publish", "POST", 302, 403, 303, 303),
    ("/office/postings/{posting}/close", "POST", 302, 403, 303, 303),
    ("/office/postings/{posting}/draft", "POST", 302, 403, 303, 303),
    ("/office/postings/import", "GET", 302, 403, 200, 200),
    ("/office/postings/import", "POST", 302, 403, 422, 422),  # no file
    ("/office/postings/import/template.csv", "GET", 302, 403, 200, 200),
    ("/office/employers/", "GET", 302, 403, 200, 200),
    ("/office/employers/export.csv", "GET", 302, 403, 200, 200),
    ("/office/employers/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/employers/new", "GET", 302, 403, 200, 200),
    ("/office/employers/new", "POST", 302, 403, 422, 422),
    ("/office/employers/{employer}/edit", "GET", 302, 403, 200, 200),
    ("/office/employers/{employer}/edit", "POST", 302, 403, 422, 422),
    # The employer survey. {round} is a round of the county with {visit}, a visit to {employer}.
    ("/office/employers/import", "GET", 302, 403, 200, 200),
    ("/office/employers/import", "POST", 302, 403, 422, 422),  # no file
    ("/office/employers/import/template.csv", "GET", 302, 403, 200, 200),
    ("/office/surveys/", "GET", 302, 403, 200, 200),
    ("/office/surveys/new", "GET", 302, 403, 200, 200),
    ("/office/surveys/new", "POST", 302, 403, 422, 422),
    ("/office/surveys/{round}", "GET", 302, 403, 200, 200),
    ("/office/surveys/{round}/edit", "GET", 302, 403, 200, 200),
    ("/office/surveys/{round}/edit", "POST", 302, 403, 422, 422),
    ("/office/surveys/{round}/not-visited.csv", "GET", 302, 403, 200, 200),
    ("/office/surveys/{round}/not-visited.xlsx", "GET", 302, 403, 200, 200),
    ("/office/surveys/{round}/visits/new", "GET", 302, 403, 200, 200),
    ("/office/surveys/{round}/visits/new", "POST", 302, 403, 422, 422),
    ("/office/surveys/visits/{visit}", "GET", 302, 403, 200, 200),
    ("/office/surveys/visits/{visit}/postings", "POST", 302, 403, 303, 303),
    ("/office/notices/", "GET", 302, 403, 200, 200),
    ("/office/notices/export.csv", "GET", 302, 403, 200, 200),
    ("/office/notices/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/notices/new", "GET", 302, 403, 200, 200),
    ("/office/notices/new", "POST", 302, 403, 422, 422),
    ("/office/notices/{notice}/edit", "GET", 302, 403, 200, 200),
    ("/office/notices/{notice}/edit", "POST", 302, 403, 422, 422),
    ("/office/notices/{notice}/publish", "POST", 302, 403, 303, 303),
    ("/office/notices/{notice}/close", "POST", 302, 403, 303, 303),
    ("/office/notices/{notice}/draft", "POST", 302, 403, 303, 303),
    # A training course's sessions ({session} is one of {notice}'s, held in the county).
    ("/office/notices/{notice}/sessions", "POST", 302, 403, 422, 422),
    ("/office/notices/{notice}/sessions/{session}", "GET", 302, 403, 200, 200),
    ("/office/notices/{notice}/sessions/{session}", "POST", 302, 403, 422, 422),
    # The office user removes it first; the administrator then finds it gone.
    ("/office/notices/{notice}/sessions/{session}/remove", "POST", 302, 403, 303, 404),
    ("/office/events/", "GET", 302, 403, 200, 200),
    ("/office/events/export.csv", "GET", 302, 403, 200, 200),
    ("/office/events/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/events/new", "GET", 302, 403, 200, 200),
    ("/office/events/new", "POST", 302, 403, 422, 422),
    ("/office/events/{event}/edit", "GET", 302, 403, 200, 200),
    ("/office/events/{event}/edit", "POST", 302, 403, 422, 422),
    ("/office/events/{event}/cancel", "GET", 302, 403, 200, 200),  # the confirmation
    ("/office/events/{event}/cancel", "POST", 302, 403, 303, 303),
    ("/office/events/{event}", "GET", 302, 403, 200, 200),  # the event's results
    ("/office/events/{event}/results.csv", "GET", 302, 403, 200, 200),
    # A job fair's employers ({fair} is a job fair with one {participant}); an empty add form is 422, an empty
    # participant form saves it unchanged.
    ("/office/events/{fair}/fair", "GET", 302, 403, 200, 200),
    ("/office/events/{fair}/fair/add", "POST", 302, 403, 422, 422),
    ("/office/events/{fair}/fair/{participant}", "POST", 302, 403, 303, 303),
    ("/office/events/{fair}/fair/guide.pdf", "GET", 302, 403, 200, 200),
    ("/office/events/{fair}/fair/results.csv", "GET", 302, 403, 200, 200),
    ("/office/audit", "GET", 302, 403, 200, 200),
    ("/api/sync/v1/", "GET", 200, 200, 200, 200),
    ("/api/sync/v1/device", "GET", 401, 401, 401, 401),  # a staff session is no device token
    ("/api/sync/v1/push", "POST", 401, 401, 401, 401),
    ("/api/sync/v1/pull", "GET", 401, 401, 401, 401),
    ("/api/sync/v1/staff", "POST", 401, 401, 401, 401),  # a staff session is no device token
    ("/api/sync/v1/enroll", "POST", 415, 415, 415, 415),  # open to tablets; an empty body is no JSON
    ("/api/sync/v1/openapi.json", "GET", 200, 200, 200, 200),
    ("/office/tablets/", "GET", 302, 403, 200, 200),
    ("/office/tablets/codes", "POST", 302, 403, 400, 400),  # an empty form names no area
    (f"/office/tablets/{NO_DEVICE}/revoke", "GET", 302, 403, 404, 404),
    (f"/office/tablets/{NO_DEVICE}/revoke", "POST", 302, 403, 404, 404),
    (f"/office/tablets/{NO_DEVICE}/reenroll", "POST", 302, 403, 404, 404),
    ("/office/tablets/problems", "GET", 302, 403, 200, 200),
    (f"/office/tablets/problems/{NO_PROBLEM}/correct", "GET", 302, 403, 404, 404),
    (f"/office/tablets/problems/{NO_PROBLEM}/correct", "POST", 302, 403, 404, 404),
    ("/office/tablets/import", "GET", 302, 403, 200, 200),
    ("/office/tablets/import", "POST", 302, 403, 422, 422),  # no file
    ("/static/css/caravan.css", "GET", 200, 200, 200, 200),
    # Resident pages: open to everyone; unknown codes and tokens are 404 for all alike.
    ("/jobs", "GET", 200, 200, 200, 200),
    ("/e/ug", "GET", 404, 404, 404, 404),
    ("/j/ug", "GET", 404, 404, 404, 404),
    ("/j/ug/interest", "POST", 404, 404, 404, 404),
    ("/n/ug/interest", "POST", 404, 404, 404, 404),
    ("/n/ug", "GET", 404, 404, 404, 404),
    ("/register", "GET", 200, 200, 200, 200),
    ("/register", "POST", 422, 422, 422, 422),  # an empty form
    ("/p/", "GET", 302, 302, 302, 302),  # to this phone's pass, else to registration
    ("/p/TOKEN", "GET", 404, 404, 404, 404),
    ("/p/TOKEN/erase", "GET", 404, 404, 404, 404),
    ("/p/TOKEN/erase", "POST", 404, 404, 404, 404),
    ("/erased", "GET", 200, 200, 200, 200),
    # Job alerts: the pass page's form and the opt-out link of an SMS (unknown codes are 404 for all).
    ("/p/TOKEN/alerts", "POST", 404, 404, 404, 404),
    ("/p/TOKEN/alerts", "GET", 404, 404, 404, 404),  # a reload after a problem: to the pass page's section
    ("/a/TOKEN", "GET", 404, 404, 404, 404),
    ("/a/TOKEN", "POST", 404, 404, 404, 404),
    ("/office/postings/alerts", "GET", 302, 403, 200, 200),
    ("/office/print/", "GET", 302, 403, 200, 200),
    ("/office/boards/", "GET", 302, 403, 200, 200),
    ("/office/boards/refresh", "POST", 302, 403, 422, 422),  # no village chosen
    ("/office/boards/bulletin", "POST", 302, 403, 422, 422),  # no area chosen
    ("/office/boards/export.csv", "GET", 302, 403, 200, 200),
    ("/office/boards/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/print/", "POST", 302, 403, 422, 422),  # nothing chosen
    # Residents: {attendee} is a resident without a village (the county's); empty forms are 422.
    ("/office/residents/", "GET", 302, 403, 200, 200),
    ("/office/residents/export.csv", "GET", 302, 403, 200, 200),
    ("/office/residents/export.xlsx", "GET", 302, 403, 200, 200),
    ("/office/residents/new", "GET", 302, 403, 200, 200),
    ("/office/residents/new", "POST", 302, 403, 422, 422),
    ("/office/residents/{attendee}", "GET", 302, 403, 200, 200),
    ("/office/residents/{attendee}/edit", "GET", 302, 403, 200, 200),
    ("/office/residents/{attendee}/edit", "POST", 302, 403, 422, 422),
    ("/office/residents/{attendee}/erase", "GET", 302, 403, 200, 200),
    ("/office/residents/{attendee}/erase", "POST", 302, 403, 422, 422),  # not confirmed
    ("/office/residents/{attendee}/pass", "POST", 302, 403, 200, 200),
    # Duplicates: {other} is a second resident; {merged} a record merged into another (the office user
    # undoes the merge, after which the administrator finds none: 404). Merging without the box ticked: 422.
    ("/office/residents/duplicates", "GET", 302, 403, 200, 200),
    ("/office/residents/{attendee}/duplicates/{other}", "GET", 302, 403, 200, 200),
    ("/office/residents/{attendee}/duplicates/{other}/merge", "POST", 302, 403, 422, 422),
    ("/office/residents/{attendee}/duplicates/{other}/dismiss", "POST", 302, 403, 303, 303),
    ("/office/residents/{merged}/unmerge", "POST", 302, 403, 303, 404),
    ("/office/referrals/", "GET", 302, 403, 200, 200),
    (f"/office/admin/staff/{NO_USER}", "GET", 302, 403, 403, 404),
    (f"/office/admin/staff/{NO_USER}", "POST", 302, 403, 403, 404),
    (f"/office/admin/staff/{NO_USER}/deactivate", "GET", 302, 403, 403, 404),
    (f"/office/admin/staff/{NO_USER}/deactivate", "POST", 302, 403, 403, 404),
    (f"/office/admin/staff/{NO_USER}/reactivate", "POST", 302, 403, 403, 404),
    (f"/office/admin/staff/{NO_USER}/reset-password", "POST", 302, 403, 403, 404),
    # Every staff member's own password; an empty form is 422.
    ("/account/password", "GET", 302, 200, 200, 200),
    ("/account/password", "POST", 302, 422, 422, 422),
    ("/office/referrals/steps", "POST", 302, 403, 422, 422),  # nothing ticked
    (f"/office/referrals/{NO_INTEREST}/step", "POST", 302, 403, 404, 404),
    ("/office/referrals/export.csv", "GET", 302, 403, 200, 200),
    ("/office/referrals/export.xlsx", "GET", 302, 403, 200, 200),
    # The statistics: the current quarter of the user's own area unless one is chosen.
    ("/office/reports/", "GET", 302, 403, 200, 200),
    ("/office/reports/?year=1999", "GET", 302, 403, 400, 400),  # a year no one means: said in the page
    ("/office/reports/quarterly.csv", "GET", 302, 403, 200, 200),
    ("/office/reports/quarterly.xlsx", "GET", 302, 403, 200, 200),
    ("/office/reports/quarterly.pdf", "GET", 302, 403, 200, 200),
    ("/office/reports/quarterly.doc", "GET", 302, 403, 404, 404),
    ("/office/reports/submit", "POST", 302, 403, 303, 303),  # the current quarter of the user's area
    ("/office/reports/submit?year=1999", "POST", 302, 403, 422, 422),
    ("/office/reports/records?figure=people", "GET", 302, 403, 200, 200),
    ("/office/reports/records?figure=nothing", "GET", 302, 403, 404, 404),
    ("/office/reports/records.csv?figure=visits", "GET", 302, 403, 200, 200),
    ("/office/reports/records.xlsx?figure=referred", "GET", 302, 403, 200, 200),
    ("/office/reports/custom?from=2026-01-01&to=2026-03-31&by=group", "GET", 302, 403, 200, 200),
    ("/office/reports/custom?from=2026-03-31&to=2026-01-01", "GET", 302, 403, 400, 400),  # said in the page
    ("/office/reports/custom.csv?from=2026-01-01&to=2026-03-31&by=kind", "GET", 302, 403, 200, 200),
    ("/office/reports/custom.xlsx?from=2026-01-01&to=2026-03-31&by=sector", "GET", 302, 403, 200, 200),
    ("/office/reports/custom.pdf?from=2026-01-01&to=2026-03-31", "GET", 302, 403, 404, 404),
    ("/office/reports/summary?year=2026&period=half", "GET", 302, 403, 200, 200),
    ("/office/reports/summary?year=2026&period=month", "GET", 302, 403, 404, 404),
    ("/office/reports/summary?year=2026&period=year", "POST", 302, 403, 303, 303),
    ("/office/reports/summary.pdf?year=2026&period=year", "GET", 302, 403, 200, 200),
    ("/office/reports/summary.xlsx?year=2026&period=half", "GET", 302, 403, 200, 200),
    ("/office/reports/summary.docx?year=2026&period=half", "GET", 302, 403, 200, 200),
    ("/office/reports/summary.csv?year=2026&period=half", "GET", 302, 403, 404, 404),
]
ROLES = [None, "field", "office", "admin"]


def _fair_and_participant(build, employer, area=None, label: str = "") -> dict:
    """A job fair (in ``area``) where ``employer`` takes part: the ids for {fair} and {participant}."""
    fair = build.event(area=area, kind=EventKind.job_fair, place_zh=f"招聘会-{label}")
    participant = build._add(FairParticipant(event=fair, employer=employer, status=ParticipantStatus.confirmed))
    return {"fair": fair.id, "participant": participant.id}


@pytest.mark.parametrize("path, method, expected", [(p, m, e) for p, m, *e in MATRIX],
                         ids=[f"{m} {p}" for p, m, *_ in MATRIX])
def test_access(client, login_as, build, db, path, method, expected):
    employer = build.employer(area=build.county())
    merged = build.attendee(consent_at=utcnow() + timedelta(seconds=1)) if "{merged}" in path else None
    if merged is not None:
        merges.merge(build.attendee(), merged, by=build.user("office"))
        db.session.commit()
    survey_round = build.survey_round() if "{round}" in path or "{visit}" in path else None
    visit = build.visit(survey_round, employer) if survey_round else None
    notice = build.notice()
    path = path.format(round=getattr(survey_round, "id", None), visit=getattr(visit, "id", None),
                       posting=build.posting(employer=employer, area=build.county()).id, employer=employer.id,
                       notice=notice.id, session=_session(db, notice, build.county()).id, event=build.event().id,
                       attendee=build.attendee().id, other=build.attendee().id, merged=getattr(merged, "id", None),
                       **_fair_and_participant(build, employer))
    for role, status in zip(ROLES, expected):
        client.post("/signout")
        if role:
            login_as(role)
        response = client.open(path, method=method)
        response.close()
        assert response.status_code == status, f"{role or 'anonymous'} {method} {path}"
        if status == 302 and role is None and path.startswith(("/field", "/office")):
            assert response.headers["Location"].startswith("/signin?next=")


# The area axis. An office user and an administrator of a township open each office route for objects of
# their own township ("own"), of a sibling township ("sibling") and of the county above ("above"): every
# object of the county's other areas answers like an unknown id (404), a form naming an area outside the
# user's is refused (422, or 400 for a tablet code), and lists show only what lies within the user's area.
# SHOWN / HIDDEN: 200, and the object's marker (named in the last column) is / is not on the page.
# Objects: {posting} {employer} {event} {device} of that area; {notice} is county-wide (notices have no area).
SHOWN, HIDDEN = "shown", "hidden"
_ = None
# path, method, form, (office: own, sibling, above), (admin: own, sibling, above), marker
AREA_MATRIX = [
    ("/office/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "event_place"),
    ("/office/admin/", "GET", _, (403, 403, 403), (SHOWN, HIDDEN, HIDDEN), "username"),
    ("/office/admin/", "POST", "new_user", (403, 403, 403), (302, 422, 422), _),
    ("/office/admin/unlock", "POST", "unlock", (403, 403, 403), (303, 404, 404), _),
    ("/office/postings/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "posting_code"),
    # Counts only (no object to show or hide): test_alerts checks that they are the user's area's.
    ("/office/postings/alerts", "GET", _, (200, 200, 200), (200, 200, 200), _),
    # The list's exports hold what the list shows (the XLSX rows: test_list_exports).
    ("/office/postings/export.csv", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "posting_code_cell"),
    ("/office/postings/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/postings/new", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "area_option"),
    ("/office/postings/new", "POST", "posting", (303, 422, 422), (303, 422, 422), _),
    ("/office/postings/{posting}/edit", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/postings/{posting}/edit", "POST", "posting", (303, 404, 404), (303, 404, 404), _),
    ("/office/postings/{posting}/publish", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/postings/{posting}/close", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/postings/{posting}/draft", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/postings/import", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/postings/import", "POST", "csv", (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "csv_title"),
    ("/office/postings/import/template.csv", "GET", _, (200, 200, 200), (200, 200, 200), _),
    # Employers of the areas above are seen (a township posts a county firm's jobs) but not changed.
    ("/office/employers/", "GET", _, (SHOWN, HIDDEN, SHOWN), (SHOWN, HIDDEN, SHOWN), "employer_name"),
    ("/office/employers/export.csv", "GET", _, (SHOWN, HIDDEN, SHOWN), (SHOWN, HIDDEN, SHOWN), "employer_name"),
    ("/office/employers/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/employers/new", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "area_option"),
    ("/office/employers/new", "POST", "new_employer", (303, 422, 422), (303, 422, 422), _),
    ("/office/employers/{employer}/edit", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/employers/{employer}/edit", "POST", "employer", (303, 404, 404), (303, 404, 404), _),
    # The employer survey: a round belongs to an area; one of a sibling or of the county above is not found.
    ("/office/employers/import", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/employers/import", "POST", "employer_csv", (303, 422, 422), (303, 422, 422), _),
    ("/office/employers/import/template.csv", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/surveys/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "round_name"),
    ("/office/surveys/new", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "area_option"),
    ("/office/surveys/new", "POST", "survey_round", (303, 422, 422), (303, 422, 422), _),
    ("/office/surveys/{round}", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404), "employer_name"),
    ("/office/surveys/{round}/edit", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/surveys/{round}/edit", "POST", "survey_round", (303, 404, 404), (303, 404, 404), _),
    ("/office/surveys/{round}/not-visited.csv", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/surveys/{round}/not-visited.xlsx", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/surveys/{round}/visits/new", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404), "employer_name"),
    ("/office/surveys/{round}/visits/new", "POST", "survey_visit", (303, 404, 404), (303, 404, 404), _),
    ("/office/surveys/visits/{visit}", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404), "employer_name"),
    ("/office/surveys/visits/{visit}/postings", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/notices/", "GET", _, (SHOWN, SHOWN, SHOWN), (SHOWN, SHOWN, SHOWN), "notice_title"),
    ("/office/notices/export.csv", "GET", _, (SHOWN, SHOWN, SHOWN), (SHOWN, SHOWN, SHOWN), "notice_title"),
    ("/office/notices/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/notices/new", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/notices/new", "POST", "notice", (303, 303, 303), (303, 303, 303), _),
    ("/office/notices/{notice}/edit", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/notices/{notice}/edit", "POST", "notice", (303, 303, 303), (303, 303, 303), _),
    ("/office/notices/{notice}/publish", "POST", _, (303, 303, 303), (303, 303, 303), _),
    ("/office/notices/{notice}/close", "POST", _, (303, 303, 303), (303, 303, 303), _),
    ("/office/notices/{notice}/draft", "POST", _, (303, 303, 303), (303, 303, 303), _),
    # A course is county-wide, its sessions are kept by the area where they are held ({session}: the
    # world's). A new one is held in the user's own area; one of another area answers 404.
    ("/office/notices/{notice}/sessions", "POST", "session", (303, 422, 422), (303, 422, 422), _),
    ("/office/notices/{notice}/sessions/{session}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/notices/{notice}/sessions/{session}", "POST", "session", (303, 404, 404), (303, 404, 404), _),
    # The office user removes the own session first; the administrator then finds it gone.
    ("/office/notices/{notice}/sessions/{session}/remove", "POST", _, (303, 404, 404), (404, 404, 404), _),
    ("/office/events/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "event_place"),
    ("/office/events/export.csv", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "event_place"),
    ("/office/events/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/events/new", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "area_option"),
    ("/office/events/new", "POST", "event", (303, 422, 422), (303, 422, 422), _),
    ("/office/events/{event}/edit", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/events/{event}/edit", "POST", "event", (303, 404, 404), (303, 404, 404), _),
    ("/office/events/{event}/cancel", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/events/{event}/cancel", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/events/{event}", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404), "event_place"),
    ("/office/events/{event}/results.csv", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/events/{fair}/fair", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404), "employer_name"),
    ("/office/events/{fair}/fair/add", "POST", _, (422, 404, 404), (422, 404, 404), _),
    ("/office/events/{fair}/fair/{participant}", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/events/{fair}/fair/guide.pdf", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/events/{fair}/fair/results.csv", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/audit", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "username"),
    ("/office/tablets/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "device_name"),
    ("/office/tablets/codes", "POST", "tablet_code", (200, 400, 400), (200, 400, 400), _),
    ("/office/tablets/{device}/revoke", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/tablets/{device}/revoke", "POST", _, (302, 404, 404), (302, 404, 404), _),
    # An active tablet needs no re-enrollment (back to the list); one of another area is not found.
    ("/office/tablets/{device}/reenroll", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/tablets/problems", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "device_name"),
    # A refused registration of a tablet: an empty name is refused again (422) where the user may correct it.
    ("/office/tablets/problems/{problem}/correct", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/tablets/problems/{problem}/correct", "POST", "correction", (422, 404, 404), (422, 404, 404), _),
    # A refused employer visit, corrected on the office's visit form.
    ("/office/tablets/problems/{visit_problem}/correct", "GET", _, (SHOWN, 404, 404), (SHOWN, 404, 404),
     "employer_name"),
    ("/office/tablets/problems/{visit_problem}/correct", "POST", "correction", (422, 404, 404), (422, 404, 404), _),
    ("/office/tablets/import", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/tablets/import", "POST", "outbox", (200, 422, 422), (200, 422, 422), _),
    # Pass cards carry the resident's secret token: only the user's area's residents are listed and printed.
    ("/office/print/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "attendee_name"),
    ("/office/print/", "POST", "passes", (200, 422, 422), (200, 422, 422), _),
    # Notice boards: the villages of the user's area only; a board elsewhere is refused like an unknown one.
    ("/office/boards/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "village_code"),
    ("/office/boards/refresh", "POST", "board_refresh", (303, 422, 422), (303, 422, 422), _),
    ("/office/boards/bulletin", "POST", "bulletin", (200, 422, 422), (200, 422, 422), _),
    ("/office/boards/export.csv", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "village_code_cell"),
    ("/office/boards/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    # Residents of the user's villages, and those checked in at the user's events (see test_office_residents).
    ("/office/residents/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "attendee_name"),
    ("/office/residents/export.csv", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "attendee_name"),
    ("/office/residents/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),
    ("/office/residents/new", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "village_option"),
    ("/office/residents/new", "POST", "resident", (303, 422, 422), (303, 422, 422), _),
    ("/office/residents/{attendee}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/residents/{attendee}/edit", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/residents/{attendee}/edit", "POST", "resident", (303, 404, 404), (303, 404, 404), _),
    ("/office/residents/{attendee}/erase", "GET", _, (200, 404, 404), (200, 404, 404), _),
    # The office user erases the own area's resident; for the administrator after them it is gone (404).
    ("/office/residents/{attendee}/erase", "POST", "erase", (303, 404, 404), (404, 404, 404), _),
    ("/office/residents/{attendee}/pass", "POST", _, (200, 404, 404), (200, 404, 404), _),
    # Duplicates: {other} is a resident with a similar name in {attendee}'s village (none in the county's
    # world, whose resident has no village); {merged} was merged into {attendee}. The office user merges,
    # undoes; for the administrator after them the pair or the merge is gone (404).
    ("/office/residents/duplicates", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "other_name"),
    ("/office/residents/{attendee}/duplicates/{other}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/residents/{attendee}/duplicates/{other}/merge", "POST", "merge", (303, 404, 404), (404, 404, 404), _),
    ("/office/residents/{attendee}/duplicates/{other}/dismiss", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/residents/{merged}/unmerge", "POST", _, (303, 404, 404), (404, 404, 404), _),
    # Referrals follow the resident's village; a posted id outside the user's area is 404, nothing changes.
    ("/office/referrals/", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "attendee_name"),
    ("/office/referrals/steps", "POST", "referral_step", (303, 404, 404), (303, 404, 404), _),
    ("/office/referrals/{interest}/step", "POST", "referral_step", (303, 404, 404), (303, 404, 404), _),
    ("/office/referrals/export.csv", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN), "attendee_name"),
    ("/office/referrals/export.xlsx", "GET", _, (200, 200, 200), (200, 200, 200), _),  # rows: test_referrals
    # The statistics of an area within the user's (its code in the query); another area answers like an
    # unknown one. Without a code, the user's own area: its records are listed, those of others are not.
    ("/office/reports/?area={area_code}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/reports/quarterly.csv?area={area_code}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/reports/submit?area={area_code}", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/reports/records?figure=events&area={area_code}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/reports/custom?from=2026-01-01&to=2026-12-01&area={area_code}", "GET", _, (200, 404, 404),
     (200, 404, 404), _),
    ("/office/reports/custom.csv?from=2026-01-01&to=2026-12-01&area={area_code}", "GET", _, (200, 404, 404),
     (200, 404, 404), _),
    ("/office/reports/records?figure=visits&from=2026-01-01&to=2026-12-01&area={area_code}", "GET", _,
     (200, 404, 404), (200, 404, 404), _),
    ("/office/reports/summary?year=2026&area={area_code}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    ("/office/reports/summary?year=2026&area={area_code}", "POST", _, (303, 404, 404), (303, 404, 404), _),
    ("/office/reports/summary.xlsx?year=2026&area={area_code}", "GET", _, (200, 404, 404), (200, 404, 404), _),
    # No CSV of a summary (several tables and texts): 404 wherever the area lies.
    ("/office/reports/summary.csv?year=2026&area={area_code}", "GET", _, (404, 404, 404), (404, 404, 404), _),
    ("/office/reports/records?figure=events", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN),
     "event_code"),
    ("/office/reports/records.csv?figure=events", "GET", _, (SHOWN, HIDDEN, HIDDEN), (SHOWN, HIDDEN, HIDDEN),
     "event_code"),
    # One staff member: only administrators, only staff of their own area and below.
    ("/office/admin/staff/{user}", "GET", _, (403, 403, 403), (200, 404, 404), _),
    ("/office/admin/staff/{user}", "POST", "staff", (403, 403, 403), (303, 404, 404), _),
    ("/office/admin/staff/{user}/deactivate", "GET", _, (403, 403, 403), (200, 404, 404), _),
    ("/office/admin/staff/{user}/deactivate", "POST", _, (403, 403, 403), (303, 404, 404), _),
    ("/office/admin/staff/{user}/reactivate", "POST", _, (403, 403, 403), (303, 404, 404), _),
    ("/office/admin/staff/{user}/reset-password", "POST", _, (403, 403, 403), (200, 404, 404), _),
]
# Routes that hold no data of an area: resident pages, sign-in, the tablet app's shell, and the sync API
# (a tablet's token, not a staff session, decides what it gets). A township user gets the county user's answer.
NO_AREA = [
    ("/", "GET"), ("/signin", "GET"), ("/signin", "POST"), ("/signout", "POST"), ("/lang/ug", "GET"),
    ("/field/", "GET"), ("/field/app", "GET"), ("/field/app/strings.json", "GET"), ("/sw.js", "GET"),
    ("/manifest.webmanifest", "GET"), ("/static/css/caravan.css", "GET"),
    ("/api/sync/v1/", "GET"), ("/api/sync/v1/device", "GET"), ("/api/sync/v1/push", "POST"),
    ("/api/sync/v1/pull", "GET"), ("/api/sync/v1/enroll", "POST"), ("/api/sync/v1/staff", "POST"), ("/api/sync/v1/openapi.json", "GET"),
    ("/jobs", "GET"), ("/e/ug", "GET"), ("/j/ug", "GET"), ("/j/ug/interest", "POST"), ("/n/ug", "GET"), ("/n/ug/interest", "POST"), ("/register", "GET"),
    ("/register", "POST"), ("/p/", "GET"), ("/p/TOKEN", "GET"), ("/p/TOKEN/erase", "GET"),
    ("/p/TOKEN/erase", "POST"), ("/erased", "GET"), ("/p/TOKEN/alerts", "POST"), ("/p/TOKEN/alerts", "GET"),
    ("/a/TOKEN", "GET"), ("/a/TOKEN", "POST"), ("/account/password", "GET"), ("/account/password", "POST"),
]
PLACES = ("own", "sibling", "above")


def _session(db, notice, area: Area) -> TrainingSession:
    """A session of the training course ``notice`` held in ``area``."""
    today = datetime.now().date()
    session = TrainingSession(notice=notice, area=area, starts_on=today + timedelta(days=10),
                              ends_on=today + timedelta(days=12), place_zh="技校", seats=30,
                              language=InstructionLanguage.zh)
    db.session.add(session)
    db.session.commit()
    return session


def _world(build, db, area: Area, label: str) -> dict:
    """One of everything in ``area``, with markers that no other area's page could contain."""
    village = build.area("village", parent=area) if area.parent_id else None
    employer = build.employer(name_zh=f"雇主-{label}-厂", area=area)
    device = Device(name=f"Tablet-{label}", area=area)
    db.session.add(device)
    db.session.flush()
    db.session.add(PendingRecord(device_id=device.id, record_id=f"rec-{label}", record_type="checkin",
                                 status=PendingStatus.rejected, reason="too_long:name", payload={}))
    problem = PendingRecord(device_id=device.id, record_id=f"reg-{label}", record_type="attendee",
                            status=PendingStatus.rejected, reason="too_long:name",
                            payload={"type": "attendee", "id": f"reg-{label}", "data": {"name": "x" * 101}})
    db.session.add(problem)
    user = build.user("office", area=area, username=f"clerk.{label}")
    audit.record("posting.update", user=user)
    db.session.commit()
    posting = build.posting(employer=employer, area=area)
    attendee = build.attendee(name=f"居民-{label}", village=village)
    interest, _added = add_interest(attendee, posting)
    other = build.attendee(name=f"居民-{label}-双", village=village, consent_at=utcnow() + timedelta(seconds=1))
    merged = build.attendee(name=f"离-{label}", village=village, consent_at=utcnow() + timedelta(seconds=2))
    merges.merge(attendee, merged, by=user)
    db.session.commit()
    survey_round = build.survey_round(area=area, name=f"调查-{label}")
    visit = build.visit(survey_round, employer)
    record_id = str(uuid.uuid4())
    visit_problem = PendingRecord(
        device_id=device.id, record_id=record_id, record_type="employer_visit", status=PendingStatus.rejected,
        reason="missing:staff_name", payload={"type": "employer_visit", "id": record_id, "seq": 1,
                                              "at": "2026-11-20T05:30:00Z",
                                              "data": {"round_id": survey_round.id, "employer_id": employer.id}})
    db.session.add(visit_problem)
    db.session.commit()
    return {"round": survey_round, "visit": visit, "visit_problem": visit_problem, **_fair_and_participant(build, employer, area, label),
            "area": area, "village": village, "employer": employer, "device": device, "user": user,
            # Under way (begun a minute ago), so that the statistics of the current quarter count it as held.
            "posting": posting, "event": build.event(area=area, place_zh=f"集市-{label}", starts_in_hours=-1 / 60),
            "attendee": attendee, "interest": interest, "label": label, "problem": problem, "other": other,
            "merged": merged}


def _form(kind: str | None, w: dict, role: str) -> dict:
    """The form a row sends, naming the world's area and objects; names that must be new include ``role``."""
    start = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0)
    local = "%Y-%m-%dT%H:%M"
    return {
        None: {},
        "new_user": {"username": f"new.{role}.{w['label']}", "password": "a long password", "role": "office",
                     "area": w["area"].code},
        "posting": {"employer": w["employer"].id, "area": w["area"].code, "openings": "2", "title_zh": "缝纫工"},
        "csv": {"file": (io.BytesIO(f"employer,openings,area_code,title_zh\r\n{w['employer'].name_zh},2,"
                                    f"{w['area'].code},csvrow-{w['label']}-{role}\r\n".encode()), "postings.csv")},
        "new_employer": {"name_zh": f"新雇主-{w['label']}-{role}", "area": w["area"].code, "sector": "other"},
        "employer": {"name_zh": w["employer"].name_zh, "area": w["area"].code, "sector": "other"},
        "employer_csv": {"action": "import", "file": (io.BytesIO(
            f"name_zh,area_code\r\n登记-{w['label']}-{role},{w['area'].code}\r\n".encode()), "register.csv")},
        "survey_round": {"name": f"调查-{role}", "area": w["area"].code, "starts_on": "2027-01-01",
                         "ends_on": "2027-06-30"},
        "survey_visit": {"employer_id": w["employer"].id, "visited_on": datetime.now().date().isoformat(),
                         "staff_name": "阿依古丽", "action": "save"},
        "notice": {"kind": "training", "title_zh": "培训"},
        "session": {"starts_on": (start + timedelta(days=7)).date().isoformat(),
                    "ends_on": (start + timedelta(days=9)).date().isoformat(), "place_zh": "礼堂", "seats": "20",
                    "language": "bilingual", "area": w["area"].code},
        "event": {"kind": "bazaar", "area": w["area"].code, "place_zh": "集市", "starts_at": start.strftime(local),
                  "ends_at": (start + timedelta(hours=5)).strftime(local)},
        "unlock": {"user": str(w["user"].id)},
        "tablet_code": {"area": w["area"].id},
        "outbox": {"file": (io.BytesIO(json.dumps({"format": "caravan-outbox", "version": 1, "records": [],
                                                   "device_id": w["device"].id}).encode()), "outbox.json")},
        "passes": {"kind": "passes", "item": w["attendee"].id},
        "board_refresh": {"village": (w["village"] or w["area"]).code, "day": datetime.now().date().isoformat()},
        "bulletin": {"area": w["area"].code, "size": "A4"},
        "correction": {"name": "", "group": "other"},
        "resident": {"name": f"居民-{w['label']}-{role}", "group": "other", "consent": "1",
                     "village_id": w["village"].id if w["village"] else ""},
        "erase": {"confirm": "1"},
        "merge": {"confirm": "1"},
        # The office user takes the first step, the administrator the next one.
        "staff": {"display_name": "Clerk", "role": "office", "area": w["area"].code},
        "referral_step": {"ids": w["interest"].id, "status": "referred" if role == "office" else "withdrawn"},
    }[kind]


def _marker(name: str, w: dict) -> str:
    return {"event_place": w["event"].place_zh, "username": w["user"].username,
            "posting_code": f">{w['posting'].code}<", "posting_code_cell": f"\r\n{w['posting'].code},", "area_option": f'value="{w["area"].code}"',
            "csv_title": "csvrow-", "round_name": w["round"].name, "employer_name": w["employer"].name_zh,
            "notice_title": w["notice"].translations[0].title, "device_name": w["device"].name,
            "attendee_name": w["attendee"].name, "event_code": w["event"].code, "other_name": w["other"].name,
            "village_option": f'value="{w["village"].id}"' if w["village"] else "no village",
            "village_code": f'>{w["village"].code}<' if w["village"] else "no village",
            "village_code_cell": f'\r\n{w["village"].code},' if w["village"] else "no village"}[name]


@pytest.mark.parametrize("path, method, form, office, admin, marker", AREA_MATRIX,
                         ids=[f"{m} {p}" for p, m, *_ in AREA_MATRIX])
def test_access_by_area(client, login_as, build, db, path, method, form, office, admin, marker):
    own = build.area("township")
    notice = build.notice()
    worlds = [_world(build, db, area, place) | {"notice": notice, "session": _session(db, notice, area).id}
              for place, area in zip(PLACES, (own, build.area("township"), build.county()))]
    for role, expected in (("office", office), ("admin", admin)):
        client.post("/signout")
        login_as(role, area=own)
        for w, status in zip(worlds, expected):
            url = path.format(round=w["round"].id, visit=w["visit"].id, posting=w["posting"].id,
                              employer=w["employer"].id, event=w["event"].id, device=w["device"].id,
                              notice=notice.id, session=w["session"], problem=w["problem"].id,
                              visit_problem=w["visit_problem"].id,
                              attendee=w["attendee"].id, interest=w["interest"].id, user=w["user"].id,
                              area_code=w["area"].code, other=w["other"].id, merged=w["merged"].id,
                              fair=w["fair"], participant=w["participant"])
            response = client.open(url, method=method, data=_form(form, w, role))
            what = f"{role} of a township, {w['label']} {method} {path}"
            if status in (SHOWN, HIDDEN):
                assert response.status_code == 200, what
                assert (_marker(marker, w) in response.get_data(as_text=True)) == (status == SHOWN), what
            else:
                assert response.status_code == status, what


@pytest.mark.parametrize("path, method", NO_AREA, ids=[f"{m} {p}" for p, m in NO_AREA])
def test_township_users_get_the_county_users_answer_where_no_area_applies(client, login_as, build, path, method):
    expected = {(p, m): (office, admin) for p, m, _anon, _field, office, admin in MATRIX}[(path, method)]
    township = build.area("township")
    for role, status in zip(("office", "admin"), expected):
        client.post("/signout")
        login_as(role, area=township)
        response = client.open(path, method=method)
        response.close()
        assert response.status_code == status, f"{role} of a township {method} {path}"


def test_every_route_is_in_the_matrix(app):
    """Every route has a row in MATRIX, and one in AREA_MATRIX or NO_AREA."""
    covered = {(path.split("?")[0], method) for path, method, *_ in MATRIX}
    scoped = {(path.split("?")[0], method) for path, method, *_ in AREA_MATRIX}
    assert not scoped & set(NO_AREA), "a route is either scoped by area or not"
    by_area = scoped | set(NO_AREA)
    for rule in app.url_map.iter_rules():
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            path = (rule.rule.replace("<code>", "ug").replace("<token>", "TOKEN")
                    .replace("<path:filename>", "css/caravan.css").replace("<fmt>", "csv"))
            assert (re.sub(r"<(\w+)_id>", r"{\1}", path.replace("<device_id>", NO_DEVICE)
                          .replace("<problem_id>", NO_PROBLEM).replace("<interest_id>", NO_INTEREST).replace("<user_id>", NO_USER)), method) in covered, \
                f"no permission row for {method} {rule.rule}"
            assert (re.sub(r"<(\w+)_id>", r"{\1}", path), method) in by_area, \
                f"no row in AREA_MATRIX (or NO_AREA) for {method} {rule.rule}"


def test_device_token_opens_the_device_endpoint_and_revocation_closes_it(client, build, db):
    build.county()
    device, token = create_device("Tablet 1", "T")
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/api/sync/v1/device", headers=headers)
    assert response.status_code == 200 and response.json["name"] == "Tablet 1"
    assert client.get("/api/sync/v1/device", headers={"Authorization": "Bearer wrong"}).status_code == 401
    from caravan.models.base import utcnow
    device.revoked_at = utcnow()
    db.session.commit()
    response = client.get("/api/sync/v1/device", headers=headers)
    assert response.status_code == 403 and response.json["error"] == "revoked"
