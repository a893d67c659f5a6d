"""PUBLIC_BASE_URL left at a local address: every office page that hands out links to residents warns, and
the alerts command will not send through the gateway SMS whose links open nowhere."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from caravan.models import EventKind, PublishStatus, SmsMessage
from caravan.qr import public_url_is_local
from caravan.services import alerts
from caravan.services.catalogue import postings

WARNING = "PUBLIC_BASE_URL"


def _pages(build, db):
    fair = build.event(kind=EventKind.job_fair, place_zh="县招聘会")
    db.session.commit()
    return ["/office/print/", "/office/boards/", f"/office/events/{fair.id}/fair", "/office/postings/alerts"]


def test_every_page_that_hands_out_links_warns_while_the_address_is_local(app, client, login_as, build, db):
    pages = _pages(build, db)
    login_as("office")
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.get_data(as_text=True)
        assert WARNING in text and "http://127.0.0.1:5000" in text, url
    app.config["PUBLIC_BASE_URL"] = "https://jobs.example.org"
    for url in pages:
        assert WARNING not in client.get(url).get_data(as_text=True), url


@pytest.mark.parametrize("base", ["http://localhost:8000", "http://[::1]/", "http://127.0.1.1"])
def test_any_loopback_address_is_local(app, base):
    with app.app_context():
        app.config["PUBLIC_BASE_URL"] = base
        assert public_url_is_local()
        app.config["PUBLIC_BASE_URL"] = "http://10.0.0.5"  # a county's intranet: phones on its Wi-Fi reach it
        assert not public_url_is_local()


def _queued(build, db):
    attendee = build.attendee(phone="13912345678")
    alerts.subscribe(attendee, [], [], True, "zh")
    posting = build.posting(title="缝纫工", status="draft")
    postings.set_status(posting, PublishStatus.published)
    db.session.commit()


def test_the_command_refuses_the_gateway_with_a_local_address(app, build, db):
    app.config.update(SMS_BACKEND="http", SMS_GATEWAY_URL="http://127.0.0.1:9/send")
    _queued(build, db)
    result = app.test_cli_runner().invoke(args=["alerts", "send"])
    assert result.exit_code == 1 and "PUBLIC_BASE_URL" in result.output and "nothing was sent" in result.output
    db.session.expire_all()
    [message] = db.session.scalars(select(SmsMessage))
    assert message.attempts == 0 and message.sent_at is None


def test_the_file_backend_still_writes_with_a_warning(app, build, db, tmp_path):
    app.config.update(SMS_BACKEND="file", SMS_FILE=str(tmp_path / "sms.jsonl"))
    _queued(build, db)
    result = app.test_cli_runner().invoke(args=["alerts", "send"])
    assert result.exit_code == 0 and "sent=1" in result.output
    assert "warning: PUBLIC_BASE_URL" in result.output  # the runner mixes stderr in
    [line] = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    assert "/j/" in json.loads(line)["text"]



def test_messages_queued_while_local_go_out_with_the_public_address(app, build, db, tmp_path):
    app.config.update(SMS_BACKEND="file", SMS_FILE=str(tmp_path / "sms.jsonl"))
    _queued(build, db)  # queued while the address is still local
    app.config["PUBLIC_BASE_URL"] = "https://jobs.example.org"  # then the administrator sets it
    result = app.test_cli_runner().invoke(args=["alerts", "send"])
    assert result.exit_code == 0 and "sent=1" in result.output and "warning" not in result.output
    text = json.loads((tmp_path / "sms.jsonl").read_text(encoding="utf-8"))["text"]
    assert "127.0.0.1" not in text and "https://jobs.example.org/j/" in text and "https://jobs.example.org/a/" in text
