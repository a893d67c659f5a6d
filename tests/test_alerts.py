"""Opt-in job alerts: opting in on the pass page, queueing on publish, sending through a real local HTTP
gateway (success, a 500 then success, a timeout, giving up), the daily limit, the opt-out link, erasure."""
from __future__ import annotations

import json
import re
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from caravan.models import AlertSubscription, PublishStatus, Sector, SmsMessage, SmsStatus
from caravan.models.base import utcnow
from caravan.services import alerts, residents
from caravan.services.catalogue import postings
from caravan.services.catalogue.fields import ValidationError
from caravan.sms import sender

#: Test numbers: 11 digits like a mobile number, but of the "100" prefix, which no mobile number in China
#: begins with (the demo data's numbers are the same kind); the phone rule takes any digits.
PHONE = "10012345678"


class Gateway:
    """An SMS gateway on 127.0.0.1 (an ephemeral port) that answers each request with the next of its
    ``answers``: a status code, or ``"hang"`` (no answer until the test ends), then 200s."""

    def __init__(self):
        self.answers: list = []
        self.received: list[dict] = []
        self.release = threading.Event()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.received.append({"body": body, "auth": self.headers.get("Authorization")})
                answer = gateway.answers.pop(0) if gateway.answers else 200
                if answer == "hang":
                    gateway.release.wait(10)
                    return
                self.send_response(answer)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):  # keep the test output (and numbers) out of stderr
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def gateway(app):
    gw = Gateway()
    app.config.update(SMS_BACKEND="http", SMS_GATEWAY_URL=gw.url, SMS_GATEWAY_TOKEN="gw-secret",
                      SMS_GATEWAY_TIMEOUT=5.0)
    yield gw
    gw.stop()


def _subscriber(build, db, phone=PHONE, lang="zh", sectors=(), townships=()):
    attendee = build.attendee(phone=phone)
    alerts.subscribe(attendee, list(sectors), list(townships), True, lang)
    db.session.commit()
    return attendee


def _publish(build, db, title="缝纫工", **kw):
    posting = build.posting(title=title, status="draft", **kw)
    postings.set_status(posting, PublishStatus.published)
    db.session.commit()
    return posting


def _messages(db, **where):
    return list(db.session.scalars(select(SmsMessage).filter_by(**where)))


def _send_all(now=None):
    send, now = sender(), now or utcnow()
    outcomes = []
    while (message := alerts.next_due(now)) is not None:
        outcomes.append(alerts.deliver(message, send, now))
    return outcomes


def test_a_resident_who_opted_in_on_the_pass_page_gets_the_next_matching_posting_through_the_gateway(
        app, db, build, client, login_as, gateway, caplog):
    county = build.county()
    township = build.area("township", parent=county)
    attendee = build.attendee(phone=PHONE)
    page = client.get(f"/p/{attendee.pass_token}?lang=zh", follow_redirects=True).get_data(as_text=True)
    assert 'id="alerts"' in page and "短信岗位提醒" in page
    response = client.post(f"/p/{attendee.pass_token}/alerts",
                           data={"sector": "manufacturing", "township": township.id, "consent": "1"})
    assert response.status_code == 303 and response.headers["Location"].endswith("alerts=on#alerts")
    subscription = db.session.scalar(select(AlertSubscription))
    assert subscription.sector_list == ["manufacturing"] and subscription.township_list == [township.id]
    assert subscription.consent_at is not None and subscription.lang == "zh"

    other_sector = build.posting(status="draft", sector=Sector.health, area=township)
    matching = build.posting(title="服装厂缝纫工", status="draft", sector=Sector.manufacturing,
                             area=build.area("village", parent=township))
    login_as("office")
    for posting in (other_sector, matching):
        assert client.post(f"/office/postings/{posting.id}/publish").status_code == 303
    [message] = _messages(db)
    assert message.posting_id == matching.id and message.status == SmsStatus.queued

    db.session.expire_all()  # the command runs in this test's application context: no stale rows
    app.config["PUBLIC_BASE_URL"] = "http://caravan.example.org"  # the gateway is used for a public address only
    result = app.test_cli_runner().invoke(args=["alerts", "send"])
    db.session.expire_all()
    assert message.last_error == "" and result.exit_code == 0 and "sent=1" in result.output, result.output
    assert PHONE not in result.output
    [request] = gateway.received
    assert request["auth"] == "Bearer gw-secret"
    assert request["body"]["to"] == PHONE and request["body"]["id"] == message.id
    text = request["body"]["text"]
    assert "服装厂缝纫工" in text and f"/j/{matching.code}" in text
    assert f"/a/{subscription.optout_token}" in text and attendee.pass_token not in text
    assert len(text) <= alerts.OTHER_SIZES[1]  # two links on a long test address: two parts
    db.session.expire_all()
    assert message.status == SmsStatus.sent and message.sent_at is not None and message.attempts == 1
    assert PHONE not in caplog.text and "服装厂" not in caplog.text
    # Published again after closing: no second alert about the same posting.
    postings.set_status(matching, PublishStatus.closed)
    postings.set_status(matching, PublishStatus.published)
    db.session.commit()
    assert len(_messages(db)) == 1


def test_nothing_is_queued_without_the_opt_in(db, build, client):
    attendee = build.attendee(phone=PHONE)
    response = client.post(f"/p/{attendee.pass_token}/alerts", data={"sector": "construction"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="alert-consent-error"' in page
    assert re.search(r'value="construction" checked', page)  # the choice is kept
    no_phone = build.attendee()
    response = client.post(f"/p/{no_phone.pass_token}/alerts", data={"consent": "1"})
    assert response.status_code == 422 and 'id="alert-phone-error"' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(AlertSubscription)) == 0
    _publish(build, db)
    assert _messages(db) == []
    with pytest.raises(ValidationError) as raised:
        alerts.subscribe(attendee, ["nonsense"], [], True, "zh")
    assert set(raised.value.errors) == {"choices"}


def test_a_500_is_retried_after_a_pause_and_then_sent(app, db, build, gateway):
    app.config.update(SMS_RETRY_SECONDS=60)
    _subscriber(build, db)
    _publish(build, db)
    gateway.answers = [500]
    now = utcnow()
    assert _send_all(now) == ["failed"]
    [message] = _messages(db)
    assert message.status == SmsStatus.failed and message.attempts == 1 and message.last_error == "http_500"
    assert message.next_attempt_at == now + timedelta(seconds=60)
    assert _send_all(now + timedelta(seconds=59)) == []  # not before the pause is over
    assert _send_all(now + timedelta(seconds=60)) == ["sent"]
    assert message.status == SmsStatus.sent and message.attempts == 2 and message.last_error == ""
    assert [r["body"]["id"] for r in gateway.received] == [message.id, message.id]


def test_a_gateway_that_does_not_answer_is_a_timeout(app, db, build, gateway):
    app.config.update(SMS_GATEWAY_TIMEOUT=0.3)
    _subscriber(build, db)
    _publish(build, db)
    gateway.answers = ["hang"]
    assert _send_all() == ["failed"]
    [message] = _messages(db)
    assert message.last_error == "timeout" and message.status == SmsStatus.failed


def test_after_the_last_attempt_a_message_is_given_up(app, db, build, gateway):
    app.config.update(SMS_MAX_ATTEMPTS=3, SMS_RETRY_SECONDS=10)
    _subscriber(build, db)
    _publish(build, db)
    gateway.answers = [503, 500, 502]
    now = utcnow()
    assert _send_all(now) == ["failed"]
    assert _send_all(now + timedelta(seconds=10)) == ["failed"]
    [message] = _messages(db)
    assert message.next_attempt_at == now + timedelta(seconds=30)  # 10 s, then 20 s: doubling
    assert _send_all(now + timedelta(seconds=30)) == ["gave_up"]
    assert message.status == SmsStatus.gave_up and message.attempts == 3 and message.last_error == "http_502"
    assert _send_all(now + timedelta(days=1)) == [] and len(gateway.received) == 3


def test_over_the_daily_limit_messages_wait_for_the_next_day(app, db, build, gateway):
    app.config.update(SMS_DAILY_LIMIT=2)
    attendee = _subscriber(build, db)
    for n in range(3):
        _publish(build, db, title=f"岗位{n}")
    now = utcnow()
    assert sorted(_send_all(now)) == ["sent", "sent", "tomorrow"]
    [waiting] = _messages(db, status=SmsStatus.queued)
    local = waiting.next_attempt_at.astimezone(alerts._local(now).tzinfo)
    assert (local.hour, local.minute) == (0, 0) and local.date() == alerts._local(now).date() + timedelta(days=1)
    assert alerts.sent_today(attendee.id, now) == 2 and len(gateway.received) == 2
    assert _send_all(waiting.next_attempt_at) == ["sent"]


def test_the_opt_out_link_asks_then_stops_the_alerts(db, build, client, gateway):
    attendee = _subscriber(build, db)
    _publish(build, db)
    [message] = _messages(db)
    link = re.search(r"http://127\.0\.0\.1:5000(/a/[A-Z0-9]+)", message.text).group(1)
    page = client.get(link)
    assert page.status_code == 200 and attendee.name not in page.get_data(as_text=True)
    assert PHONE not in page.get_data(as_text=True) and page.headers["Cache-Control"] == "no-store"
    assert alerts.subscription_of(attendee).active  # opening the link (a preview, say) changes nothing
    assert client.post(link).status_code == 200
    db.session.expire_all()
    assert not alerts.subscription_of(attendee).active and _messages(db) == []  # the waiting one is dropped
    _publish(build, db, title="又一个岗位")
    assert _messages(db) == []
    assert client.get("/a/AAAAAAAAAAAAAAAA").status_code == 404
    # On again from the pass page, with a new consent time; and off with the pass page's button.
    before = alerts.subscription_of(attendee).consent_at
    client.post(f"/p/{attendee.pass_token}/alerts", data={"consent": "1"})
    db.session.expire_all()
    assert alerts.subscription_of(attendee).active and alerts.subscription_of(attendee).consent_at > before
    response = client.post(f"/p/{attendee.pass_token}/alerts", data={"action": "stop"})
    assert response.status_code == 303 and "alerts=stopped" in response.headers["Location"]
    db.session.expire_all()
    assert not alerts.subscription_of(attendee).active


def test_an_erased_resident_gets_nothing_and_leaves_no_subscription(db, build, client, gateway):
    attendee = _subscriber(build, db)
    _publish(build, db)
    assert len(_messages(db)) == 1
    assert client.post(f"/p/{attendee.pass_token}/erase").status_code == 302
    db.session.expire_all()
    assert _messages(db) == [] and db.session.scalar(select(func.count()).select_from(AlertSubscription)) == 0
    _publish(build, db, title="又一个岗位")
    assert _send_all() == [] and gateway.received == []


def test_a_phone_removed_after_queueing_gets_nothing(db, build, gateway):
    attendee = _subscriber(build, db)
    _publish(build, db)
    attendee.phone = None
    db.session.commit()
    assert _send_all() == ["gave_up"] and gateway.received == []
    assert _messages(db)[0].last_error == "no_phone"


def test_a_posting_closed_before_sending_is_not_announced(db, build, gateway):
    _subscriber(build, db)
    posting = _publish(build, db)
    postings.set_status(posting, PublishStatus.closed)
    db.session.commit()
    assert _send_all() == ["gave_up"] and gateway.received == []


def test_sectors_and_townships_choose_the_postings(db, build):
    county = build.county()
    here, there = build.area("township", parent=county), build.area("township", parent=county)
    village = build.area("village", parent=here)
    _subscriber(build, db, sectors=["construction"], townships=[here.id])
    wanted = [_publish(build, db, sector=Sector.construction, area=village),
              _publish(build, db, sector=Sector.construction, area=here),
              _publish(build, db, sector=Sector.construction, area=county),  # the county's: anywhere
              _publish(build, db, sector=Sector.construction, area=None)]
    _publish(build, db, sector=Sector.construction, area=there)
    _publish(build, db, sector=Sector.retail, area=here)
    assert {m.posting_id for m in _messages(db)} == {p.id for p in wanted}


def test_the_text_is_in_the_subscribers_language_and_fits_one_sms(app, db, build):
    # A short public address leaves room for a title: "test" is a reserved name (RFC 2606), as short as a real
    # two-letter one ("http://j.test" would already push a Chinese alert into two parts).
    app.config["PUBLIC_BASE_URL"] = "http://test"
    long_zh = "大型服装加工企业招聘熟练平缝机操作工及后道整烫包装工人若干名"
    _subscriber(build, db, lang="zh")
    _subscriber(build, db, phone="10000000000", lang="en")
    _subscriber(build, db, phone="10000000001", lang="ug")
    from caravan.models import PostingTranslation
    _publish(build, db, translations=[
        PostingTranslation(lang="zh", title=long_zh),
        PostingTranslation(lang="en", title="Sewing machine operators and ironing and packing workers wanted "
                                            "for a large garment factory in the county's industrial park"),
        PostingTranslation(lang="ug", title="تىكىش ماشىنىسى ئىشچىسى")])
    texts = {m.attendee.phone: m.text for m in _messages(db)}
    zh, en, ug = texts[PHONE], texts["10000000000"], texts["10000000001"]
    assert zh.startswith("新岗位") and "…" in zh and len(zh) <= alerts.OTHER_LIMIT
    assert en.startswith("New job") and en.isascii() and "..." in en and len(en) <= alerts.LATIN_LIMIT
    assert ug.startswith("يېڭى خىزمەت ئورنى") and "تىكىش" in ug and len(ug) <= alerts.OTHER_SIZES[1]
    # A long public address leaves no room in one SMS: the fewest parts, the title still readable.
    app.config["PUBLIC_BASE_URL"] = "http://caravan.employment-office.example.org"
    [zh_message] = [m for m in _messages(db) if m.attendee.phone == PHONE]
    long_text = alerts.compose(zh_message.posting, alerts.subscription_of(zh_message.attendee))
    assert alerts.OTHER_LIMIT < len(long_text) <= alerts.OTHER_SIZES[1] and long_zh[:alerts.MIN_TITLE] in long_text


def test_the_file_backend_writes_what_would_be_sent_to_the_instance_folder(app, db, build, tmp_path):
    app.config.update(SMS_BACKEND="file", SMS_FILE=str(tmp_path / "sms.jsonl"))
    _subscriber(build, db)
    _publish(build, db)
    assert _send_all() == ["sent"]
    [line] = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["to"] == PHONE and "/j/" in record["text"] and record["id"] == _messages(db)[0].id


def test_the_office_sees_counts_of_its_own_area_only(db, build, client, login_as):
    county = build.county()
    own, sibling = build.area("township", parent=county), build.area("township", parent=county)
    mine = _subscriber(build, db)
    mine.village = build.area("village", parent=own)
    theirs = _subscriber(build, db, phone="10000000000")
    theirs.village = build.area("village", parent=sibling)
    db.session.commit()
    _publish(build, db)
    login_as("office", area=own)
    page = client.get("/office/postings/alerts").get_data(as_text=True)
    subscriptions = re.search(r'id="alert-subscriptions".*?</table>', page, re.S).group(0)
    outbox = re.search(r'id="alert-outbox".*?</table>', page, re.S).group(0)
    assert re.findall(r'class="num">(\d+)<', subscriptions) == ["1", "0"]
    assert re.findall(r'class="num">(\d+)<', outbox) == ["1", "0", "0", "0"]
    assert PHONE not in page


def test_opt_out_codes_are_masked_in_logs():
    from caravan.logs import mask
    code = alerts._new_optout_token()
    assert mask(f'127.0.0.1 - - "POST /a/{code} HTTP/1.1" 200') == '127.0.0.1 - - "POST /a/*** HTTP/1.1" 200'


def test_postings_published_by_a_csv_import_are_announced_and_drafts_are_not(db, build):
    from caravan.services.catalogue import csv_import
    county = build.county()
    employer = build.employer(area=county)
    _subscriber(build, db)
    data = ("employer,openings,area_code,status,title_zh\r\n"
            f"{employer.name_zh},2,{county.code},published,质检员\r\n"
            f"{employer.name_zh},2,{county.code},draft,包装工\r\n").encode()
    result = csv_import.import_postings(data, county)
    db.session.commit()
    assert len(result.created) == 2
    [message] = _messages(db)
    assert "质检员" in message.text


def test_the_form_lands_on_its_section_and_a_get_of_its_url_leads_there(db, build, client):
    attendee = build.attendee(phone=PHONE)
    db.session.commit()
    token = attendee.pass_token
    page = client.get(f"/p/{token}?lang=zh", follow_redirects=True).get_data(as_text=True)
    assert f'action="/p/{token}/alerts#alerts"' in page and 'id="alerts"' in page
    refused = client.post(f"/p/{token}/alerts", data={"sector": "manufacturing"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422 and f'action="/p/{token}/alerts#alerts"' in html
    section = html[html.index('id="alerts"'):]
    assert section.index('role="alert"') < section.index("<form")  # the summary is the section's first line
    assert 'value="manufacturing" checked' in html  # nothing lost
    # The address bar now shows /p/<token>/alerts: a reload or a bookmark leads to the section.
    again = client.get(f"/p/{token}/alerts")
    assert again.status_code == 303 and again.headers["Location"] == f"/p/{token}#alerts"
    assert again.headers["Cache-Control"] == "no-store"
    assert client.get("/p/NOSUCHTOKEN00000/alerts").status_code == 404


def test_the_opt_out_page_speaks_the_language_of_the_sms_unless_switched(db, build, client):
    attendee = _subscriber(build, db, lang="ug")
    link = f"/a/{alerts.subscription_of(attendee).optout_token}"
    headers = {"Accept-Language": "zh-CN,zh;q=0.9"}
    client.set_cookie("lang", "en")  # a language chosen once on another page does not win over the SMS's
    page = client.get(link, headers=headers).get_data(as_text=True)
    assert 'lang="ug" dir="rtl"' in page
    assert f'href="{link}?lang=zh"' in page and "/lang/" not in page  # the switch keeps the code on /a/
    switched = client.get(f"{link}?lang=zh", headers=headers).get_data(as_text=True)
    assert 'lang="zh" dir="ltr"' in switched and f'action="{link}?lang=zh"' in switched
    done = client.post(f"{link}?lang=zh", headers=headers).get_data(as_text=True)
    assert 'lang="zh"' in done
    db.session.expire_all()
    assert not alerts.subscription_of(attendee).active
    assert 'lang="ug"' in client.get(link).get_data(as_text=True)  # and a stopped one still in the SMS's
