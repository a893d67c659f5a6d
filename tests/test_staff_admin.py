"""Administrators edit, deactivate, reactivate and reset staff of their own area; a reset password is
replaced by the staff member at their next sign-in."""
from __future__ import annotations

import re

from sqlalchemy import select

from caravan.models import AuditEntry, User
from tests.conftest import TEST_PASSWORD


def _sign_in(client, username: str, password: str = TEST_PASSWORD):
    return client.post("/signin", data={"username": username, "password": password})


def test_an_admin_edits_name_role_and_area_within_their_own(client, login_as, build, db):
    township = build.area("township")
    village = build.area("village", parent=township)
    clerk = build.user("field", area=township)
    admin = login_as("admin", area=township)
    client.get("/lang/en")
    url = f"/office/admin/staff/{clerk.id}"
    assert client.post(url, data={"display_name": "Amina", "role": "office", "area": village.code}).status_code == 303
    db.session.expire_all()
    clerk = db.session.get(User, clerk.id)
    assert (clerk.display_name, clerk.role.value, clerk.area_id) == ("Amina", "office", village.id)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.update"))
    assert entry.detail == {"changed": ["display_name", "role", "area"]} and entry.user_id == admin.id
    above = client.post(url, data={"display_name": "Amina", "role": "office", "area": build.county().code})
    assert above.status_code == 422 and "Choose an area within yours." in above.get_data(as_text=True)
    own = client.post(f"/office/admin/staff/{admin.id}", data={"display_name": "", "role": "office",
                                                               "area": township.code})
    assert own.status_code == 422 and "cannot change your own role" in own.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, admin.id).role.value == "admin"


def test_deactivation_ends_the_staff_members_sessions_and_reactivation_lets_them_back(app, login_as, build, db):
    township = build.area("township")
    clerk = build.user("office", area=township)
    theirs = app.test_client()
    assert _sign_in(theirs, clerk.username).status_code == 302
    assert theirs.get("/office/").status_code == 200
    admin_client = app.test_client()
    admin = build.user("admin", area=township)
    _sign_in(admin_client, admin.username)
    assert admin_client.post(f"/office/admin/staff/{clerk.id}/deactivate").status_code == 303
    assert theirs.get("/office/").status_code == 302  # signed out at once
    assert _sign_in(theirs, clerk.username).status_code == 401
    page = admin_client.get(f"/office/admin/staff/{clerk.id}").get_data(as_text=True)
    assert "reactivate" in page
    assert admin_client.post(f"/office/admin/staff/{clerk.id}/reactivate").status_code == 303
    assert _sign_in(theirs, clerk.username).status_code == 302
    assert [e.action for e in db.session.scalars(select(AuditEntry).where(AuditEntry.action.like("user.%"))
                                                  .order_by(AuditEntry.id))] == ["user.deactivate", "user.reactivate"]
    admin_client.post(f"/office/admin/staff/{admin.id}/deactivate")
    db.session.expire_all()
    assert db.session.get(User, admin.id).active  # nobody deactivates themselves


def test_a_reset_password_is_shown_once_and_replaced_at_the_next_sign_in(app, login_as, build, db):
    township = build.area("township")
    clerk = build.user("field", area=township)
    theirs = app.test_client()
    _sign_in(theirs, clerk.username)
    admin_client = app.test_client()
    _sign_in(admin_client, build.user("admin", area=township).username)
    response = admin_client.post(f"/office/admin/staff/{clerk.id}/reset-password")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    temporary = re.search(r"data-temporary>([^<]+)<", response.get_data(as_text=True)).group(1)
    assert len(temporary) == 12
    assert theirs.get("/field/").status_code == 302  # the reset ended their session
    assert _sign_in(theirs, clerk.username).status_code == 401  # the old password is gone
    assert _sign_in(theirs, clerk.username, temporary).status_code == 302
    for page in ("/field/", "/office/", "/signin"):
        assert theirs.get(page, follow_redirects=True).request.path == "/account/password", page
    theirs.get("/lang/en")
    problems = theirs.post("/account/password", data={"current": "wrong", "new": temporary, "repeat": "other"})
    text = problems.get_data(as_text=True)
    assert problems.status_code == 422
    assert "Wrong password." in text and "Choose a password other than" in text and "two new passwords differ" in text
    done = theirs.post("/account/password", data={"current": temporary, "new": "my own password",
                                                  "repeat": "my own password"})
    assert done.status_code == 302 and done.headers["Location"] == "/field/"
    assert theirs.get("/field/").status_code == 200
    db.session.expire_all()
    assert not db.session.get(User, clerk.id).must_change_password
    details = [str(e.detail) for e in db.session.scalars(select(AuditEntry).where(AuditEntry.action.like("user.%")))]
    assert details and not any(temporary in d or "my own password" in d for d in details)


def test_the_staff_page_offers_unlock_for_a_locked_user_name(client, login_as, build, db, app):
    township = build.area("township")
    clerk = build.user("office", area=township)
    other = app.test_client()
    for _ in range(app.config["SIGNIN_MAX_FAILURES"]):
        _sign_in(other, clerk.username, "wrong password")
    login_as("admin", area=township)
    page = client.get(f"/office/admin/staff/{clerk.id}").get_data(as_text=True)
    assert 'name="then" value="unlock"' in page  # a button of the staff form (see the test below)
    assert client.post("/office/admin/unlock", data={"user": str(clerk.id)}).status_code == 303  # the admin page's
    assert _sign_in(other, clerk.username).status_code == 302


def _staff_form(user, **changes) -> dict:
    return {"display_name": user.display_name or "", "role": user.role.value, "area": user.area.code, **changes}


def test_the_buttons_above_the_staff_form_save_what_was_typed_with_their_action(client, login_as, build, db, app):
    township = build.area("township")
    clerk = build.user("field", area=township)
    other = app.test_client()
    for _ in range(app.config["SIGNIN_MAX_FAILURES"]):
        _sign_in(other, clerk.username, "wrong password")
    login_as("admin", area=township)
    client.get("/lang/en")
    url = f"/office/admin/staff/{clerk.id}"
    page = client.get(url).get_data(as_text=True)
    # Every button submits the form; the first one (pressed by Enter in a field) only saves.
    buttons = re.findall(r'<button[^>]*form="staff-form"[^>]*>', page)
    assert len(buttons) == 4 and "hidden" in buttons[0] and "name=" not in buttons[0]
    assert 'action="/office/admin/unlock"' not in page  # no separate little form that would drop the edits

    assert client.post(url, data=_staff_form(clerk, display_name="Amina", then="unlock")).status_code == 303
    assert _sign_in(other, clerk.username).status_code == 302  # unlocked ...
    db.session.expire_all()
    assert db.session.get(User, clerk.id).display_name == "Amina"  # ... and the typed name kept

    reset = client.post(url, data=_staff_form(clerk, display_name="Amina Y.", then="reset"))
    assert reset.status_code == 200 and reset.headers["Cache-Control"] == "no-store"
    assert "data-temporary" in reset.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, clerk.id).display_name == "Amina Y."
    assert db.session.get(User, clerk.id).must_change_password

    db.session.get(User, clerk.id).active = False
    db.session.commit()
    # A problem in the form: nothing is done, the form comes back as typed.
    bad = client.post(url, data=_staff_form(clerk, display_name="Amina Yusup", role="nobody", then="reactivate"))
    assert bad.status_code == 422 and 'value="Amina Yusup"' in bad.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.get(User, clerk.id).active
    assert client.post(url, data=_staff_form(clerk, display_name="Amina Yusup", then="reactivate")).status_code == 303
    db.session.expire_all()
    assert db.session.get(User, clerk.id).active and db.session.get(User, clerk.id).display_name == "Amina Yusup"
    actions = [e.action for e in db.session.scalars(select(AuditEntry).where(AuditEntry.action.like("user.%"))
                                                      .order_by(AuditEntry.id))]
    assert actions == ["user.update", "user.unlock", "user.update", "user.reset_password", "user.update",
                       "user.reactivate"]


def test_deactivation_saves_the_form_then_asks_and_reactivate_undoes_it(client, login_as, build, db):
    township = build.area("township")
    clerk = build.user("office", area=township)
    admin = login_as("admin", area=township)
    client.get("/lang/en")
    url = f"/office/admin/staff/{clerk.id}"
    response = client.post(url, data=_staff_form(clerk, display_name="Amina", then="deactivate"))
    assert response.status_code == 303 and response.headers["Location"] == f"{url}/deactivate"
    db.session.expire_all()
    clerk = db.session.get(User, clerk.id)
    assert clerk.display_name == "Amina" and clerk.active  # saved, not yet deactivated
    ask = client.get(f"{url}/deactivate").get_data(as_text=True)
    assert f"Deactivate {clerk.username}?" in ask and "Yes, deactivate" in ask and "Reactivate" in ask
    done = client.post(f"{url}/deactivate", follow_redirects=True).get_data(as_text=True)
    assert "can no longer sign in" in done and "Reactivate" in done
    db.session.expire_all()
    assert not db.session.get(User, clerk.id).active
    assert "already deactivated" in client.get(f"{url}/deactivate").get_data(as_text=True)
    # Nobody deactivates, reactivates or resets themselves through the form's buttons.
    mine = f"/office/admin/staff/{admin.id}"
    for then in ("deactivate", "reactivate", "reset"):
        assert client.post(mine, data=_staff_form(admin, then=then)).status_code == 400
    assert "cannot change your own role" in client.get(f"{mine}/deactivate").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, admin.id).active
