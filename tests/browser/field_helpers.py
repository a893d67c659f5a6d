"""Steps on the tablet app, and the county it works in, shared by the field browser tests and the scan
benchmark."""
from __future__ import annotations

import io

import qrcode
from PIL import Image
from sqlalchemy import func, select

from caravan.models import (Device, Notice, NoticeKind, NoticeTranslation, PostingTranslation, PublishStatus, Role,
                            Sector, User)

APP = "/field/app"
#: The field staff member who signs in on every test tablet, and the PIN they choose.
STAFF = {"username": "tablet-staff", "password": "tablet staff 42", "name": "Tablet Staff"}
PIN = "135790"


def _texts(zh: str, ug: str, en: str, place: tuple[str, str, str] = ("", "", "")) -> list[PostingTranslation]:
    return [PostingTranslation(lang="zh", title=zh, description=f"{zh}：包吃住，月休四天。", work_place=place[0]),
            PostingTranslation(lang="ug", title=ug, work_place=place[1]),
            PostingTranslation(lang="en", title=en, description=f"{en}: meals and housing provided.",
                               work_place=place[2])]


def add_tablet_staff(db, area) -> User:
    """The field staff member of STAFF in ``area`` (made once): every tablet's first sign-in uses them."""
    user = db.session.scalar(select(User).where(User.username == STAFF["username"]))
    if user is None:
        user = User(username=STAFF["username"], display_name=STAFF["name"], role=Role.field, area=area)
        user.set_password(STAFF["password"])
        db.session.add(user)
        db.session.commit()
    return user


def market_county(build, db) -> dict:
    """A county with two villages, two employers, three postings and a notice in three languages, two
    events today (a bazaar in the morning, a village visit in the afternoon) and one last week; and the
    field staff member who signs in on its tablets."""
    county = build.county()
    add_tablet_staff(db, county)
    villages = [build.area("village", name_zh=z, name_ug=u, name_en=e)
                for z, u, e in (("阿克村", "ئاق كەنت", "Ak"), ("托格拉克村", "توغراق كەنت", "Toghraq"))]
    silk = build.employer(name_zh="丝路纺织有限公司", name_ug="يىپەك يولى توقۇمىچىلىق شىركىتى",
                          name_en="Silk Road Textiles", sector=Sector.manufacturing)
    oasis = build.employer(name_zh="绿洲果业合作社", name_ug="بوستان مېۋە كوپراتىپى", name_en="Oasis Fruit Cooperative",
                           sector=Sector.agriculture)
    postings = [
        build.posting(employer=silk, sector=Sector.manufacturing, openings=20, wage_min=3500, wage_max=4500,
                      area=villages[0], housing=True, meals=True,
                      translations=_texts("缝纫工", "تىككۈچى", "Sewing machine operator",
                                          ("县城工业园", "ناھىيە سانائەت باغچىسى", "County industrial park"))),
        build.posting(employer=oasis, sector=Sector.agriculture, openings=30, wage_min=150, wage_max=180,
                      wage_unit="day", area=villages[1], meals=True, transport=True,
                      translations=_texts("红枣采摘工", "قىزىل چىلان تەرگۈچى", "Jujube picker")),
        build.posting(employer=silk, sector=Sector.logistics, openings=4, wage_min=5000, area=villages[0],
                      housing=True, transport=True,
                      translations=_texts("仓库叉车司机", "ئامبار ياك ماشىنىسى شوپۇرى", "Forklift driver")),
    ]
    notice = Notice(code="N2345A", kind=NoticeKind.training, status=PublishStatus.published,
                    translations=[NoticeTranslation(lang="zh", title="电工培训班"),
                                  NoticeTranslation(lang="ug", title="ئېلېكتر ئىشچىلىرى كۇرسى"),
                                  NoticeTranslation(lang="en", title="Electrician course")])
    db.session.add(notice)
    db.session.commit()
    morning = build.event(starts_in_hours=-1, hours=4, area=villages[0], place_zh="阿克村巴扎",
                          place_ug="ئاق كەنت بازىرى", place_en="Ak Village bazaar", postings=postings,
                          notices=[notice])
    afternoon = build.event(starts_in_hours=1, hours=4, kind="village", place_zh="托格拉克村", postings=postings)
    last_week = build.event(starts_in_hours=-7 * 24, hours=4, kind="village", place_zh="上周的活动",
                            postings=postings)
    return {"county": county, "villages": villages, "events": [morning, afternoon], "past": last_week,
            "postings": postings, "notice": notice}


def count(db, model, **where) -> int:
    """Rows of ``model`` on the server now (the session forgets what it had loaded)."""
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model).filter_by(**where))


def device_of(db) -> Device:
    """The one tablet on the server."""
    db.session.expire_all()
    return db.session.scalars(select(Device)).one()


def open_app(context, base: str, path: str = APP, unlock: bool = True):
    """A page of the tablet app, ready (its modules loaded and the first screen chosen); a locked app is
    unlocked with STAFF's PIN unless ``unlock`` is false."""
    page = context.pages[0] if context.pages and context.pages[0].url == "about:blank" else context.new_page()
    page.goto(base + path)
    page.wait_for_selector("body[data-ready=true]")
    if unlock and page.get_attribute("body", "data-lock") == "unlock":
        if _auto(page):
            page.wait_for_selector("body[data-lock=open]", state="attached")
        else:
            unlock_with_pin(page)
    return page


def unlock_with_pin(page, pin: str = PIN) -> None:
    """Unlock the lock screen with a PIN (of the staff member chosen there) and wait for the app."""
    page.wait_for_selector("#unlock-form:not([hidden])")
    page.fill("#unlock-form [name=pin]", pin)
    page.click("#unlock-form button[type=submit]")
    page.wait_for_selector("body[data-lock=open]", state="attached")


#: For tests that drive the app themselves (reload it, enroll by hand): whenever the lock screen asks, sign
#: STAFF in, choose the PIN and unlock with it, as a staff member would. An init script of the test's
#: browser, not part of the app (the app has no way around its lock). It marks <html data-auto-staff>.
AUTO_STAFF = """(() => {
  const steps = {
    unlock: (f) => { f.elements.pin.value = %(pin)r; },
    signin: (f) => { f.elements.username.value = %(username)r; f.elements.password.value = %(password)r; },
    pin: (f) => { f.elements.pin.value = %(pin)r; f.elements.pin2.value = %(pin)r; },
  };
  new MutationObserver(() => {
    document.documentElement.dataset.autoStaff = 'yes';
    const state = document.body?.dataset.lock;
    for (const name of Object.keys(steps)) {
      const form = document.querySelector('#' + name + '-form');
      if (form && state !== name) delete form.dataset.tried;
    }
    const form = document.querySelector('#' + state + '-form');
    if (!steps[state] || !form || form.hidden || form.dataset.tried) return;
    form.dataset.tried = 'yes';
    steps[state](form);
    form.requestSubmit();
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-lock']});
})();""" % {"pin": PIN, "username": STAFF["username"], "password": STAFF["password"]}


def _auto(page) -> bool:
    return page.get_attribute("html", "data-auto-staff") == "yes"


def staff_signin(page, username: str = STAFF["username"], password: str = STAFF["password"], pin: str = PIN) -> None:
    """The online staff sign-in the lock screen asks for, then the PIN chosen twice."""
    page.wait_for_selector("body[data-lock=signin], body[data-lock=pin], body[data-lock=open]", state="attached")
    if _auto(page) and (username, password, pin) == (STAFF["username"], STAFF["password"], PIN):
        page.wait_for_selector("body[data-lock=open]", state="attached")
        return
    page.wait_for_selector("#signin-form:not([hidden])")
    page.fill("#signin-form [name=username]", username)
    page.fill("#signin-form [name=password]", password)
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("#pin-form:not([hidden])")
    page.fill("#pin-form [name=pin]", pin)
    page.fill("#pin-form [name=pin2]", pin)
    page.click("#pin-form button[type=submit]")
    page.wait_for_selector("body[data-lock=open]", state="attached")


def enroll(page, code: str, name: str = "平板 1", wait: bool = True) -> None:
    """Enroll with a code; ``wait`` for the staff sign-in and PIN that follow, and for the list of events
    a first enrollment leads to."""
    page.fill("#enroll-form [name=code]", code)
    page.fill("#enroll-form [name=name]", name)
    page.click("#enroll-form button[type=submit]")
    if wait:
        staff_signin(page)
        page.wait_for_selector("#event-list button")


def pick_event(page, index: int = 0) -> None:
    """Open the ``index``-th event offered (they come in order of their start)."""
    page.click(f"#event-list button >> nth={index}")
    page.wait_for_selector("#work:not([hidden])")


def enter_code(page, code: str) -> None:
    """Type a pass token (or anything else) into the check-in's manual entry and send it."""
    page.fill("#manual-form [name=code]", code)
    page.click("#manual-form button")


def tab(page, name: str) -> None:
    page.click(f"[data-tab={name}]")
    page.wait_for_selector(f"#tab-{name}:not([hidden])")


def register(page, name: str, village_index: int = 1, group: str = "rural_worker", phone: str = "") -> None:
    """Register a newcomer with consent and close the pass that is shown."""
    tab(page, "register")
    page.fill("#register-form [name=name]", name)
    if phone:
        page.fill("#register-form [name=phone]", phone)
    page.select_option("#reg-village", index=village_index)
    page.check(f"#register-form [name=group][value={group}]")
    page.check("#register-form [name=consent]")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    page.click("#pass-done")


def pending(page) -> int:
    """The unsent count the status bar shows. (Selectors, not wait_for_function: the app's CSP forbids
    the eval that a string predicate needs.)"""
    page.wait_for_selector("body[data-pending]", state="attached")
    return int(page.get_attribute("body", "data-pending"))


def wait_pending(page, count: int) -> None:
    page.wait_for_selector(f"body[data-pending='{count}']", state="attached")


def store(page, name: str) -> list[dict]:
    """Everything in one IndexedDB store of the app, with residents' sealed fields opened (the app is
    unlocked); raw_store gives them as stored."""
    return page.evaluate("""async (name) => {
        const db = await import('/static/js/field/db.js');
        const vault = await import('/static/js/field/vault.js');
        const rows = await db.all(name);
        if (!vault.unlocked()) return rows;
        return Promise.all(rows.map((r) => name === 'attendees' ? vault.openPerson(r) : vault.openRecord(r)));
    }""", name)


def raw_store(page, name: str) -> list[dict]:
    """Everything in one IndexedDB store of the app, as stored."""
    return page.evaluate("""async (name) => (await import('/static/js/field/db.js')).all(name)""", name)


def local_tokens(page) -> dict[str, str]:
    """Name -> pass token of the residents registered on this tablet."""
    return {a["name"]: a["token"] for a in store(page, "attendees") if a.get("local")}


def sync_and_wait(page) -> None:
    page.evaluate("async () => { const s = await import('/static/js/field/sync.js'); await s.syncNow(); }")


def qr_y4m(text: str, path, width: int = 640, height: int = 480) -> None:
    """One frame of a QR code as a y4m file for Chromium's fake camera (C420jpeg, planes Y, Cb, Cr)."""
    qr = qrcode.QRCode(border=4, box_size=8)
    qr.add_data(text)
    img = qr.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    side = min(width, height) - 40
    frame = Image.new("RGB", (width, height), "white")
    frame.paste(img.resize((side, side), Image.NEAREST), ((width - side) // 2, (height - side) // 2))
    y, cb, cr = frame.convert("YCbCr").split()
    half = (width // 2, height // 2)
    out = io.BytesIO()
    out.write(f"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n".encode())
    out.write(b"FRAME\n")
    out.write(y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes())
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def fake_camera_args(y4m_path) -> list[str]:
    return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={y4m_path}"]


def scan_with_camera(page) -> str:
    """Start the camera and wait for the confirmation; returns its text."""
    tab(page, "scan")
    page.evaluate("async () => (await import('/static/js/field/ui.js')).hideConfirm()")
    page.click("#scan-start")
    page.wait_for_selector("#confirm:not([hidden])", timeout=20_000)
    text = page.inner_text("#confirm-box")
    page.click("#scan-stop")
    return text
