"""Every endpoint against anonymous visitors and each staff role.

A new route fails ``test_every_route_is_in_the_matrix`` until it gets a row here.
"""
import re

import pytest

from caravan.services.devices import create_device

#: A tablet id that matches no tablet, for routes that name one.
NO_DEVICE = "00000000-0000-4000-8000-000000000000"

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
    ("/office/employers/new", "GET", 302, 403, 200, 200),
    ("/office/employers/new", "POST", 302, 403, 422, 422),
    ("/office/employers/{employer}/edit", "GET", 302, 403, 200, 200),
    ("/office/employers/{employer}/edit", "POST", 302, 403, 422, 422),
    ("/office/notices/", "GET", 302, 403, 200, 200),
    ("/office/notices/new", "GET", 302, 403, 200, 200),
    ("/office/notices/new", "POST", 302, 403, 422, 422),
    ("/office/notices/{notice}/edit", "GET", 302, 403, 200, 200),
    ("/office/notices/{notice}/edit", "POST", 302, 403, 422, 422),
    ("/office/notices/{notice}/publish", "POST", 302, 403, 303, 303),
    ("/office/notices/{notice}/close", "POST", 302, 403, 303, 303),
    ("/office/notices/{notice}/draft", "POST", 302, 403, 303, 303),
    ("/office/events/", "GET", 302, 403, 200, 200),
    ("/office/events/new", "GET", 302, 403, 200, 200),
    ("/office/events/new", "POST", 302, 403, 422, 422),
    ("/office/events/{event}/edit", "GET", 302, 403, 200, 200),
    ("/office/events/{event}/edit", "POST", 302, 403, 422, 422),
    ("/office/events/{event}/cancel", "POST", 302, 403, 303, 303),
    ("/office/audit", "GET", 302, 403, 200, 200),
    ("/api/sync/v1/", "GET", 200, 200, 200, 200),
    ("/api/sync/v1/device", "GET", 401, 401, 401, 401),  # a staff session is no device token
    ("/api/sync/v1/push", "POST", 401, 401, 401, 401),
    ("/api/sync/v1/pull", "GET", 401, 401, 401, 401),
    ("/api/sync/v1/enroll", "POST", 415, 415, 415, 415),  # open to tablets; an empty body is no JSON
    ("/api/sync/v1/openapi.json", "GET", 200, 200, 200, 200),
    ("/office/tablets/", "GET", 302, 403, 200, 200),
    ("/office/tablets/codes", "POST", 302, 403, 400, 400),  # an empty form names no area
    (f"/office/tablets/{NO_DEVICE}/revoke", "GET", 302, 403, 404, 404),
    (f"/office/tablets/{NO_DEVICE}/revoke", "POST", 302, 403, 404, 404),
    ("/office/tablets/problems", "GET", 302, 403, 200, 200),
    ("/office/tablets/import", "GET", 302, 403, 200, 200),
    ("/office/tablets/import", "POST", 302, 403, 422, 422),  # no file
    ("/static/css/caravan.css", "GET", 200, 200, 200, 200),
    # Resident pages: open to everyone; unknown codes and tokens are 404 for all alike.
    ("/e/ug", "GET", 404, 404, 404, 404),
    ("/j/ug", "GET", 404, 404, 404, 404),
    ("/j/ug/interest", "POST", 404, 404, 404, 404),
    ("/n/ug", "GET", 404, 404, 404, 404),
    ("/register", "GET", 200, 200, 200, 200),
    ("/register", "POST", 422, 422, 422, 422),  # an empty form
    ("/p/", "GET", 302, 302, 302, 302),  # to this phone's pass, else to registration
    ("/p/TOKEN", "GET", 404, 404, 404, 404),
    ("/p/TOKEN/erase", "GET", 404, 404, 404, 404),
    ("/p/TOKEN/erase", "POST", 404, 404, 404, 404),
    ("/erased", "GET", 200, 200, 200, 200),
    ("/office/print/", "GET", 302, 403, 200, 200),
    ("/office/print/", "POST", 302, 403, 422, 422),  # nothing chosen
]
ROLES = [None, "field", "office", "admin"]


@pytest.mark.parametrize("path, method, expected", [(p, m, e) for p, m, *e in MATRIX],
                         ids=[f"{m} {p}" for p, m, *_ in MATRIX])
def test_access(client, login_as, build, path, method, expected):
    employer = build.employer(area=build.county())
    path = path.format(posting=build.posting(employer=employer, area=build.county()).id, employer=employer.id,
                       notice=build.notice().id, event=build.event().id)
    for role, status in zip(ROLES, expected):
        client.post("/signout")
        if role:
            login_as(role)
        response = client.open(path, method=method)
        response.close()
        assert response.status_code == status, f"{role or 'anonymous'} {method} {path}"
        if status == 302 and role is None and path.startswith(("/field", "/office")):
            assert response.headers["Location"].startswith("/signin?next=")


def test_every_route_is_in_the_matrix(app):
    covered = {(path.split("?")[0], method) for path, method, *_ in MATRIX}
    for rule in app.url_map.iter_rules():
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            path = (rule.rule.replace("<code>", "ug").replace("<token>", "TOKEN")
                    .replace("<path:filename>", "css/caravan.css").replace("<device_id>", NO_DEVICE))
            path = re.sub(r"<(\w+)_id>", r"{\1}", path)
            assert (path, method) in covered, f"no permission row for {method} {rule.rule}"


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
