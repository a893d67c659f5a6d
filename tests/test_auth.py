"""Staff sign-in: roles' home pages, wrong passwords, the rate limit, CSRF, cookies."""
import threading

import pytest
from sqlalchemy import func, select

from caravan.models import AuditEntry, ThrottleHit
from tests.conftest import TEST_PASSWORD


@pytest.mark.parametrize("role, home", [("field", "/field/"), ("office", "/office/"), ("admin", "/office/admin/")])
def test_each_role_lands_on_its_own_home_page(client, build, role, home):
    user = build.user(role)
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == home
    assert client.get(home).status_code == 200


def test_user_name_is_case_insensitive_and_next_is_followed(client, build):
    user = build.user("office", username="amina")
    response = client.post("/signin?next=/office/", data={"username": " AMINA ", "password": TEST_PASSWORD})
    assert response.headers["Location"] == "/office/"


def test_next_to_another_site_is_ignored(client, build):
    user = build.user("field")
    response = client.post("/signin?next=//evil.example.com/x",
                           data={"username": user.username, "password": TEST_PASSWORD})
    assert response.headers["Location"] == "/field/"


def test_wrong_password_is_refused_and_audited(client, build, db):
    user = build.user("field")
    response = client.post("/signin", data={"username": user.username, "password": "nope"},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 401
    assert "Wrong user name or password." in response.get_data(as_text=True)
    assert client.get("/field/").status_code == 302  # still not signed in
    assert db.session.scalar(select(func.count()).where(AuditEntry.action == "signin.fail")) == 1


def test_inactive_user_cannot_sign_in(client, build):
    user = build.user("office", active=False)
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 401


def test_repeated_failures_pause_sign_in_even_with_the_right_password(app, client, build, db):
    app.config["SIGNIN_MAX_FAILURES"] = 3
    user = build.user("office")
    for _ in range(3):
        assert client.post("/signin", data={"username": user.username, "password": "bad"}).status_code == 401
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.get_data(as_text=True)
    # The limiter keeps keyed hashes, never the user name itself.
    keys = db.session.scalars(select(ThrottleHit.key)).all()
    assert keys and all(user.username not in k for k in keys)


def test_a_colleagues_typos_never_lock_out_another_user_at_the_same_address(app, client, build):
    app.config["SIGNIN_MAX_FAILURES"] = 3
    colleague, user = build.user("field"), build.user("office")
    for _ in range(6):
        client.post("/signin", data={"username": colleague.username, "password": "bad"})
    assert client.post("/signin", data={"username": colleague.username, "password": TEST_PASSWORD}).status_code == 429
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_the_user_name_limit_counts_the_name_as_the_look_up_reads_it(app, client, build):
    app.config["SIGNIN_MAX_FAILURES"] = 3
    build.user("office", username="amina")
    for n, name in enumerate(["amina", "Amina", " AMINA"]):
        client.post("/signin", data={"username": name, "password": "bad"}, environ_base={"REMOTE_ADDR": f"10.0.1.{n}"})
    response = client.post("/signin", data={"username": " aMiNa ", "password": TEST_PASSWORD},
                           environ_base={"REMOTE_ADDR": "10.0.1.9"})
    assert response.status_code == 429


def test_an_address_limit_slows_down_and_does_not_lock(app, client, build, db):
    app.config["SIGNIN_ADDRESS_MAX_FAILURES"] = 3
    app.config["SIGNIN_ADDRESS_WINDOW_SECONDS"] = 60
    user = build.user("office")
    for name in ("guess1", "guess2", "guess3"):
        assert client.post("/signin", data={"username": name, "password": "bad"}).status_code == 401
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 429 and 1 <= int(response.headers["Retry-After"]) <= 60
    assert "Please wait" in response.get_data(as_text=True) and "seconds" in response.get_data(as_text=True)
    # A minute later (the hits are moved back, not slept through) the same address is let in again.
    from datetime import timedelta

    for hit in db.session.scalars(select(ThrottleHit)):
        hit.at -= timedelta(seconds=61)
    db.session.commit()
    assert client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD}).status_code == 302


def test_an_admin_unlocks_a_locked_user_name_with_a_csrf_protected_button(app, client, build, db):
    app.config["SIGNIN_MAX_FAILURES"] = 2
    locked = build.user("field")
    for n in range(2):
        client.post("/signin", data={"username": locked.username, "password": "bad"},
                    environ_base={"REMOTE_ADDR": f"10.0.2.{n}"})
    assert client.post("/signin", data={"username": locked.username, "password": TEST_PASSWORD}).status_code == 429
    admin = build.user("admin")
    assert client.post("/signin", data={"username": admin.username, "password": TEST_PASSWORD}).status_code == 302
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.get("/office/admin/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert page.count("Locked after failed sign-ins") == 1
    assert client.post("/office/admin/unlock", data={"user": locked.id}).status_code == 400  # no CSRF token
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/office/admin/unlock", data={"user": locked.id, "csrf_token": token},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 303 and response.headers["Location"] == "/office/admin/"
    page = client.get("/office/admin/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f"{locked.username} can sign in again." in page and "Locked after failed sign-ins" not in page
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.unlock"))
    assert entry.user_id == admin.id and entry.entity_id == str(locked.id)
    app.config["WTF_CSRF_ENABLED"] = False
    client.post("/signout")
    assert client.post("/signin", data={"username": locked.username, "password": TEST_PASSWORD}).status_code == 302


def test_an_admin_unlocks_only_users_of_their_own_area(client, build, login_as):
    township = build.area()
    other = build.user("field", area=build.area())
    login_as("admin", area=township)
    assert client.post("/office/admin/unlock", data={"user": other.id}).status_code == 404
    assert client.post("/office/admin/unlock", data={"user": "99999999999999999999"}).status_code == 400


def test_concurrent_sign_ins_cannot_outrun_the_limit(app, build, db):
    """40 wrong passwords for one name at once, from 40 addresses: exactly the limit get a password check."""
    app.config["SIGNIN_MAX_FAILURES"] = 5
    username = build.user("office").username
    tries = 40
    barrier = threading.Barrier(tries)
    statuses: list[int] = []

    def attempt(n: int) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post("/signin", data={"username": username, "password": "bad"},
                               environ_base={"REMOTE_ADDR": f"10.1.0.{n}"})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [401] * 5 + [429] * (tries - 5)
    assert db.session.scalar(select(func.count()).where(AuditEntry.action == "signin.fail")) == 5


def test_success_clears_the_user_name_count(app, client, build):
    app.config["SIGNIN_MAX_FAILURES"] = 3
    user = build.user("field")
    for _ in range(2):
        client.post("/signin", data={"username": user.username, "password": "bad"},
                    environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD}).status_code == 302
    client.post("/signout")
    client.post("/signin", data={"username": user.username, "password": "bad"},
                environ_base={"REMOTE_ADDR": "10.0.0.8"})
    assert client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD}).status_code == 302


def test_sign_out_needs_post_and_ends_the_session(client, login_as):
    login_as("office")
    assert client.get("/signout").status_code == 405
    assert client.post("/signout").status_code == 302
    assert client.get("/office/").status_code == 302


def test_passwords_are_stored_hashed(build):
    user = build.user("admin")
    assert TEST_PASSWORD not in user.password_hash
    assert user.password_hash.startswith("pbkdf2:sha256:1000$")  # the configured method


def test_forms_need_a_csrf_token(app, client, build):
    app.config["WTF_CSRF_ENABLED"] = True
    user = build.user("field")
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 400
    page = client.get("/signin").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD,
                                             "csrf_token": token})
    assert response.status_code == 302


def test_session_cookie_is_secure_when_configured(app, client, build):
    app.config["SESSION_COOKIE_SECURE"] = True
    user = build.user("field")
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD},
                           base_url="https://localhost")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_old_limiter_hits_are_cleared_out_as_new_ones_come(app, db, monkeypatch):
    from datetime import timedelta

    from caravan.models.base import utcnow
    from caravan.services import throttle
    monkeypatch.setattr(throttle, "PRUNE_EVERY", 3)
    db.session.add(ThrottleHit(bucket="signin", key="old", at=utcnow() - timedelta(days=2)))
    db.session.flush()
    for n in range(3):
        throttle.record_hit("signin", f"address{n}")
    keys = db.session.scalars(select(ThrottleHit.key)).all()
    assert "old" not in keys and len(keys) == 3


def test_admin_adds_staff_and_a_failed_second_try_does_not_claim_success(client, login_as, build, db):
    login_as("admin")
    form = {"username": "tursun", "display_name": "Tursun", "password": "long enough 9", "role": "field",
            "area": "T"}
    response = client.post("/office/admin/", data=form)
    assert response.headers["Location"] == "/office/admin/?created=tursun"
    page = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Staff member tursun was added." in page
    again = client.post("/office/admin/?created=tursun", data=form, headers={"Accept-Language": "en"})
    text = again.get_data(as_text=True)
    assert again.status_code == 422 and "This user name is taken." in text and "was added" not in text
    short = client.post("/office/admin/", data={**form, "username": "adil", "password": "short"},
                        headers={"Accept-Language": "en"})
    assert short.status_code == 422 and "At least 8 characters." in short.get_data(as_text=True)


def _copy_session(source, target) -> None:
    """Give ``target`` the session cookie ``source`` holds, as someone who copied it would."""
    cookie = source.get_cookie("session")
    assert cookie is not None
    target.set_cookie("session", cookie.value)


def test_a_copied_session_cookie_stops_working_after_sign_out(app, client, login_as):
    login_as("office")
    thief = app.test_client()
    _copy_session(client, thief)
    assert thief.get("/office/").status_code == 200
    client.post("/signout")
    assert thief.get("/office/").status_code == 302
    assert client.get("/office/").status_code == 302


@pytest.mark.parametrize("change", ["password", "deactivate"])
def test_a_password_change_or_deactivation_ends_the_users_other_sessions(app, client, login_as, db, change):
    user = login_as("office")
    other = app.test_client()
    _copy_session(client, other)
    assert other.get("/office/").status_code == 200
    if change == "password":
        user.set_password("a new password 7")
    else:
        user.active = False
    db.session.commit()
    assert other.get("/office/").status_code == 302
    assert client.get("/office/").status_code == 302
    if change == "deactivate":  # switched on again, the old sessions stay ended
        user.active = True
        db.session.commit()
        assert other.get("/office/").status_code == 302
