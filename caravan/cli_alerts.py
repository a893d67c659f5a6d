"""``flask --app caravan alerts send``: one pass over the SMS outbox, for cron (every few minutes)."""
from __future__ import annotations

from collections import Counter

import click
from flask.cli import AppGroup

from caravan import sms
from caravan.extensions import db
from caravan.models.base import utcnow
from caravan.services import alerts

alerts_cli = AppGroup("alerts", help="Job alerts by SMS.")


@alerts_cli.command("send")
def send_command():
    """Send every alert that is due now through the configured backend (SMS_BACKEND), retrying failed ones
    whose pause is over; prints counts only (never a number or a text)."""
    send = sms.sender()
    now = utcnow()
    outcome: Counter = Counter()
    while (message := alerts.next_due(now)) is not None:
        outcome[alerts.deliver(message, send, now)] += 1
        db.session.commit()  # one message at a time: a crash never resends what went out before it
    click.echo(" ".join(f"{key}={outcome[key]}" for key in ("sent", "failed", "gave_up", "tomorrow")))
