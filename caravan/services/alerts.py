"""Opt-in job alerts by SMS: residents' subscriptions, the outbox, and sending what is due.

Nothing is queued for a resident who has not ticked "send me job alerts" on their pass page with a phone
on record (:func:`subscribe`). When a posting goes online (:func:`queue_for`, called from the catalogue's
publish path) each active subscriber whose sectors and townships it matches gets one message, in their
language, never a second for the same posting. ``flask --app caravan alerts send`` delivers what is due
(:func:`next_due`, :func:`deliver`): at most ``SMS_DAILY_LIMIT`` per person and local day (the rest wait
for the next day), failures retried with a doubling pause, given up after ``SMS_MAX_ATTEMPTS``.

The phone number is read from the resident's record when a message is sent, never copied into the
outbox; erasing a resident removes their subscription and their messages (:func:`forget`).
"""
from __future__ import annotations

import re
import secrets
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from caravan.extensions import db
from caravan.models import (AlertSubscription, Area, AreaLevel, Attendee, Posting, Sector, SmsMessage,
                            SmsStatus)
from caravan.models.base import utcnow
from caravan.qr import public_url
from caravan.services.catalogue.fields import ValidationError
from caravan.services.listings import is_open
from caravan.services.scope import within
from caravan.sms import Sender, SmsError

#: The opt-out code's letters: upper case and digits without look-alikes (0/O, 1/I).
_OPTOUT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#: 16 of them: 80 random bits, short enough for an SMS, far beyond guessing for a code that can only stop
#: one person's alerts.
OPTOUT_LENGTH = 16
OPTOUT_RE = re.compile(rf"^[{_OPTOUT_LETTERS}]{{{OPTOUT_LENGTH}}}$")
#: Characters that fit one, two or three SMS: in the GSM alphabet (plain ASCII here) 160, then 153 per
#: part of a longer one; in any other script (UCS-2: Chinese, Uyghur) 70, then 67 per part.
LATIN_SIZES, OTHER_SIZES = (160, 306, 459), (70, 134, 201)
LATIN_LIMIT, OTHER_LIMIT = LATIN_SIZES[0], OTHER_SIZES[0]
#: A title is shortened to fit the fewest parts, but never below this many characters: two links take
#: most of one Chinese SMS unless PUBLIC_BASE_URL is short, and a title cut to nothing tells nothing.
MIN_TITLE = 8
#: Messages that may still go out.
WAITING = (SmsStatus.queued, SmsStatus.failed)


def daily_limit() -> int:
    """Alerts one person receives per day at most (``SMS_DAILY_LIMIT``)."""
    return int(current_app.config["SMS_DAILY_LIMIT"])


def townships() -> list[Area]:
    """The townships a resident may choose, by code."""
    return list(db.session.scalars(select(Area).where(Area.level == AreaLevel.township).order_by(Area.code)))


def subscription_of(attendee: Attendee) -> AlertSubscription | None:
    """The resident's subscription (active or opted out), if they ever opted in."""
    return db.session.scalar(select(AlertSubscription).where(AlertSubscription.attendee_id == attendee.id))


def by_optout_token(token: str | None) -> AlertSubscription | None:
    """The subscription whose messages carry ``token`` in their opt-out link."""
    if not token or not OPTOUT_RE.match(token):
        return None
    return db.session.scalar(select(AlertSubscription).where(AlertSubscription.optout_token == token))


def subscribe(attendee: Attendee, sectors: list[str], township_ids: list[str], consent: bool,
              lang: str) -> AlertSubscription:
    """Turn alerts on (or change their choices) for ``attendee``; raises :class:`ValidationError` without
    a phone on record or without the explicit ``consent`` tick, or for a sector or township that is none.

    Empty ``sectors`` or ``township_ids`` mean every sector, the whole county.
    """
    errors: dict[str, list[str]] = {}
    if not attendee.phone:
        errors["phone"] = [_("Job alerts need a phone number. Ask the staff at the stall to add yours.")]
    if not consent:
        errors["consent"] = [_("Tick the box to agree to receive job alerts by SMS.")]
    known = {t.id for t in townships()}
    if any(s not in Sector.__members__ for s in sectors) or any(t not in known for t in township_ids):
        errors["choices"] = [_("Choose from the list.")]
    if errors:
        raise ValidationError(errors)
    if lang not in current_app.config["LANGUAGES"]:
        lang = current_app.config["BABEL_DEFAULT_LOCALE"]
    subscription = subscription_of(attendee)
    if subscription is None:
        subscription = AlertSubscription(attendee_id=attendee.id, optout_token=_new_optout_token(),
                                         consent_at=utcnow())
        db.session.add(subscription)
    elif not subscription.active:  # opting in again is a new consent
        subscription.consent_at, subscription.opted_out_at = utcnow(), None
    subscription.sectors = " ".join(s for s in Sector.__members__ if s in sectors)
    subscription.townships = " ".join(sorted(set(township_ids)))
    subscription.lang = lang
    db.session.flush()
    return subscription


def unsubscribe(subscription: AlertSubscription) -> bool:
    """Stop the alerts: no new ones are queued and the waiting ones are dropped; False if already off."""
    if not subscription.active:
        return False
    subscription.opted_out_at = utcnow()
    db.session.execute(delete(SmsMessage).where(SmsMessage.attendee_id == subscription.attendee_id,
                                                SmsMessage.status.in_(WAITING)))
    db.session.flush()
    return True


def forget(attendee: Attendee) -> None:
    """Remove the resident's subscription and every message to them (their erasure)."""
    db.session.execute(delete(SmsMessage).where(SmsMessage.attendee_id == attendee.id))
    db.session.execute(delete(AlertSubscription).where(AlertSubscription.attendee_id == attendee.id))
    db.session.flush()


def _new_optout_token() -> str:
    return "".join(secrets.choice(_OPTOUT_LETTERS) for _ in range(OPTOUT_LENGTH))


def matches(subscription: AlertSubscription, posting: Posting) -> bool:
    """Whether ``posting`` is one ``subscription`` asked for: one of its sectors (or any), and work in or
    around one of its townships: a posting placed in the township or below it, or placed above it (the
    county: work anywhere, or no place given) matches."""
    if subscription.sector_list and posting.sector.value not in subscription.sector_list:
        return False
    chosen = set(subscription.township_list)
    if not chosen or posting.area is None:
        return True
    posting_line = {a.id for a in posting.area.lineage()}
    if chosen & posting_line:  # the posting lies within a chosen township
        return True
    return any(posting.area_id in {a.id for a in township.lineage()}  # the posting's area is above it
               for township in (db.session.get(Area, t) for t in chosen) if township is not None)


def queue_for(posting: Posting) -> int:
    """Queue one alert about ``posting`` (just published) for every active subscriber it matches who has a
    phone and has none about it yet; returns how many were queued."""
    already = set(db.session.scalars(select(SmsMessage.attendee_id).where(SmsMessage.posting_id == posting.id)))
    subscriptions = db.session.scalars(
        select(AlertSubscription).join(Attendee, Attendee.id == AlertSubscription.attendee_id)
        .where(AlertSubscription.opted_out_at.is_(None), Attendee.erased_at.is_(None),
               Attendee.merged_into_id.is_(None), Attendee.phone.is_not(None), Attendee.phone != ""))
    queued = 0
    for subscription in subscriptions:
        if subscription.attendee_id in already or not matches(subscription, posting):
            continue
        db.session.add(SmsMessage(attendee_id=subscription.attendee_id, posting_id=posting.id,
                                  text=compose(posting, subscription), next_attempt_at=utcnow()))
        queued += 1
    if queued:
        db.session.flush()
    return queued


def compose(posting: Posting, subscription: AlertSubscription) -> str:
    """The alert's text in the subscriber's language: the title, the posting's short link and the opt-out
    link, the title shortened so that the whole fits one SMS where it can (else the fewest parts)."""
    with force_locale(subscription.lang):
        text = posting.text(subscription.lang)
        title = (text.title if text else "") or posting.code
        values = {"url": public_url("j", posting.code), "stop": public_url("a", subscription.optout_token)}

        def render(shown: str) -> str:
            return _("New job: %(title)s\n%(url)s\nStop alerts: %(stop)s", title=shown, **values)

        message = render(title)
        sizes = LATIN_SIZES if message.isascii() else OTHER_SIZES
        fixed = len(render(""))
        limit = next((size for size in sizes if fixed + MIN_TITLE <= size), sizes[-1])
        over = len(message) - limit
        if over > 0 and len(title) > MIN_TITLE:
            ellipsis = "..." if message.isascii() else "…"
            message = render(title[:max(MIN_TITLE, len(title) - over - len(ellipsis))].rstrip() + ellipsis)
    return message


def next_due(now: datetime) -> SmsMessage | None:
    """The message whose attempt is due first, locked (PostgreSQL: rows another sender holds are skipped,
    so two runs at once never send one message twice)."""
    return db.session.scalar(
        select(SmsMessage).where(SmsMessage.status.in_(WAITING), SmsMessage.next_attempt_at <= now)
        .order_by(SmsMessage.next_attempt_at, SmsMessage.id).limit(1).with_for_update(skip_locked=True))


def deliver(message: SmsMessage, send: Sender, now: datetime) -> str:
    """Attempt ``message`` through ``send``; returns what happened: ``sent``, ``failed``, ``gave_up`` or
    ``tomorrow`` (the person had their day's alerts: it waits for the next local day)."""
    attendee = message.attendee
    subscription = subscription_of(attendee)
    reason = ("no_phone" if attendee.erased_at is not None or attendee.merged_into_id or not attendee.phone
              else "opted_out" if subscription is None or not subscription.active
              else "posting_closed" if not is_open(message.posting, _local(now).date()) else "")
    if reason:
        message.status, message.last_error = SmsStatus.gave_up, reason
        db.session.flush()
        return "gave_up"
    if sent_today(attendee.id, now) >= daily_limit():
        message.next_attempt_at = _next_local_midnight(now)
        db.session.flush()
        return "tomorrow"
    message.attempts += 1
    # Written again now: a message queued while PUBLIC_BASE_URL was still local (the send command refuses
    # the gateway then) must not go out later with links that open nowhere.
    message.text = compose(message.posting, subscription)
    try:
        send(attendee.phone, message.text, message.id)
    except SmsError as exc:
        message.last_error = exc.code
        if message.attempts >= current_app.config["SMS_MAX_ATTEMPTS"]:
            message.status = SmsStatus.gave_up
        else:
            message.status = SmsStatus.failed
            pause = current_app.config["SMS_RETRY_SECONDS"] * 2 ** (message.attempts - 1)
            message.next_attempt_at = now + timedelta(seconds=pause)
        db.session.flush()
        return message.status.value
    message.status, message.sent_at, message.last_error = SmsStatus.sent, now, ""
    db.session.flush()
    return "sent"


def sent_today(attendee_id: str, now: datetime) -> int:
    """Alerts sent to the person since the start of the local day of ``now``."""
    start = datetime.combine(_local(now).date(), time(0), _local(now).tzinfo).astimezone(timezone.utc)
    return db.session.scalar(select(func.count()).select_from(SmsMessage).where(
        SmsMessage.attendee_id == attendee_id, SmsMessage.status == SmsStatus.sent, SmsMessage.sent_at >= start))


def _local(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))


def _next_local_midnight(now: datetime) -> datetime:
    local = _local(now)
    return datetime.combine(local.date() + timedelta(days=1), time(0), local.tzinfo).astimezone(timezone.utc)


def counts(scope: Area) -> dict:
    """Figures for the office, residents within ``scope`` only: subscriptions on and off, and messages by
    status (no names, no numbers)."""
    in_scope = within(Attendee.village_id, scope)
    subscriptions = dict(db.session.execute(
        select(AlertSubscription.opted_out_at.is_(None), func.count())
        .join(Attendee, Attendee.id == AlertSubscription.attendee_id).where(in_scope)
        .group_by(AlertSubscription.opted_out_at.is_(None))).all())
    by_status = dict(db.session.execute(
        select(SmsMessage.status, func.count()).join(Attendee, Attendee.id == SmsMessage.attendee_id)
        .where(in_scope).group_by(SmsMessage.status)).all())
    return {"active": subscriptions.get(True, 0), "opted_out": subscriptions.get(False, 0),
            "outbox": {status.value: by_status.get(status, 0) for status in SmsStatus}}
