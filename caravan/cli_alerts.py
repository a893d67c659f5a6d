"""``flask --app caravan alerts send``: one pass over the SMS outbox, for cron (every few minutes)."""
from __future__ import annotations

from collections import Counter

import click
from flask import current_app
from flask.cli import AppGroup

from caravan import sms
from caravan.extensions import db
from caravan.models.base import utcnow
from caravan.qr import public_url_is_local
from caravan.services import alerts

alerts_cli = AppGroup("alerts", help="Job alerts by SMS.")


@alerts_cli.command("send")
def send_command():
    """Send every alert that is due now through the configured backend (SMS_BACKEND), retrying failed ones
    whose pause is over; prints counts only (never a number or a text).

    Every alert carries a link to the resident's page: with PUBLIC_BASE_URL at a local address it opens
    nowhere on a phone, so the gateway is not used (exit code 1) and the file backend writes with a warning."""
    if public_url_is_local():
        base = current_app.config["PUBLIC_BASE_URL"]
        if current_app.config["SMS_BACKEND"] == "http":
            raise click.ClickException(
                f"PUBLIC_BASE_URL is {base}, which phones cannot reach: every SMS would carry a link that "
                "opens nowhere. Set PUBLIC_BASE_URL to the public address; nothing was sent.")
        click.echo(f"warning: PUBLIC_BASE_URL is {base}, which phones cannot reach: "
                   "the links in the messages written to the file open nowhere.", err=True)
    send = sms.sender()
    now = utcnow()
    outcome: Counter = Counter()
    while (message := alerts.next_due(now)) is not None:
        outcome[alerts.deliver(message, send, now)] += 1
        db.session.commit()  # one message at a time: a crash never resends what went out before it
    click.echo(" ".join(f"{key}={outcome[key]}" for key in ("sent", "failed", "gave_up", "tomorrow")))
