"""The configuration order: defaults, instance/caravan.cfg, CARAVAN_* variables, the factory's mapping."""
import pytest

from caravan import create_app


@pytest.fixture
def instance(tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_INSTANCE_PATH", str(tmp_path))
    for key in ("CARAVAN_PUBLIC_BASE_URL", "CARAVAN_SIGNIN_MAX_FAILURES", "CARAVAN_DATABASE_URL", "CARAVAN_SECRET_KEY"):
        monkeypatch.delenv(key, raising=False)
    return tmp_path


def test_defaults_apply_without_configuration(instance):
    app = create_app()
    assert app.config["BABEL_DEFAULT_LOCALE"] == "zh"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance}/caravan.sqlite3"
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_instance_file_then_environment_then_mapping(instance, monkeypatch):
    (instance / "caravan.cfg").write_text(
        'PUBLIC_BASE_URL = "https://jobs.example.org"\nSIGNIN_MAX_FAILURES = 3\nLANGUAGES = ["zh", "ug"]\n')
    monkeypatch.setenv("CARAVAN_SIGNIN_MAX_FAILURES", "7")
    monkeypatch.setenv("CARAVAN_PUBLIC_BASE_URL", "https://env.example.org")
    app = create_app({"PUBLIC_BASE_URL": "https://mapping.example.org"})
    assert app.config["LANGUAGES"] == ["zh", "ug"]          # from the file
    assert app.config["SIGNIN_MAX_FAILURES"] == 7            # the variable beats the file, parsed as JSON
    assert app.config["PUBLIC_BASE_URL"] == "https://mapping.example.org"  # the mapping beats both


def test_database_url_variable_and_secure_cookies(instance, monkeypatch):
    monkeypatch.setenv("CARAVAN_DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    monkeypatch.setenv("CARAVAN_SESSION_COOKIE_SECURE", "true")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:////tmp/elsewhere.sqlite3"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_https_public_address_means_secure_cookies(instance):
    assert create_app({"PUBLIC_BASE_URL": "https://jobs.example.org"}).config["SESSION_COOKIE_SECURE"] is True
    assert create_app({"PUBLIC_BASE_URL": "https://jobs.example.org",
                       "SESSION_COOKIE_SECURE": False}).config["SESSION_COOKIE_SECURE"] is False


def test_trusted_proxy_gives_the_visitors_address(instance):
    app = create_app({"TRUSTED_PROXIES": 1, "SECRET_KEY": "x"})

    @app.route("/addr")
    def addr():
        from flask import request
        return f"{request.remote_addr} {request.scheme}"

    response = app.test_client().get("/addr", headers={"X-Forwarded-For": "203.0.113.7",
                                                        "X-Forwarded-Proto": "https"})
    assert response.get_data(as_text=True) == "203.0.113.7 https"
    plain = create_app({"SECRET_KEY": "x"})
    plain.add_url_rule("/addr", "addr", addr)
    response = plain.test_client().get("/addr", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == "127.0.0.1 http"


def test_secret_key_is_generated_once_and_kept(instance):
    first = create_app().config["SECRET_KEY"]
    assert len(first) == 64
    assert create_app().config["SECRET_KEY"] == first
    assert (instance / "secret_key").stat().st_mode & 0o777 == 0o600


def test_an_all_digit_secret_key_stays_text_and_signs_sessions(instance, monkeypatch):
    monkeypatch.setenv("CARAVAN_SECRET_KEY", "12345678901234567890")
    app = create_app({"TESTING": True})
    assert app.config["SECRET_KEY"] == "12345678901234567890"

    @app.route("/set")
    def set_value():
        from flask import session
        session["x"] = 1
        return "ok"

    response = app.test_client().get("/set")
    assert response.status_code == 200 and "session=" in response.headers["Set-Cookie"]


def test_environment_values_take_the_type_of_their_default(instance, monkeypatch):
    monkeypatch.setenv("CARAVAN_DATABASE_URL", "12345")          # None by default, documented as text
    monkeypatch.setenv("CARAVAN_CONSENT_VERSION", "2027")         # text, however it looks
    monkeypatch.setenv("CARAVAN_SIGNIN_MAX_FAILURES", "9")
    monkeypatch.setenv("CARAVAN_SESSION_COOKIE_SECURE", "false")
    monkeypatch.setenv("CARAVAN_PERMANENT_SESSION_LIFETIME", "600")
    monkeypatch.setenv("CARAVAN_LANGUAGES", '["zh", "en"]')
    monkeypatch.setenv("CARAVAN_SQLALCHEMY_ENGINE_OPTIONS__pool_recycle", "300")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    config = app.config
    assert config["DATABASE_URL"] == "12345" and config["CONSENT_VERSION"] == "2027"
    assert config["SIGNIN_MAX_FAILURES"] == 9 and config["SESSION_COOKIE_SECURE"] is False
    assert config["PERMANENT_SESSION_LIFETIME"].total_seconds() == 600
    assert config["LANGUAGES"] == ["zh", "en"]
    assert config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": True, "hide_parameters": True,
                                                   "pool_recycle": 300}


def test_a_value_that_does_not_fit_names_its_variable(instance, monkeypatch):
    monkeypatch.setenv("CARAVAN_SIGNIN_MAX_FAILURES", "five")
    with pytest.raises(ValueError, match="CARAVAN_SIGNIN_MAX_FAILURES"):
        create_app()
