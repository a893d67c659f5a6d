"""A small rate limiter kept in the database, so it holds across server processes and restarts."""
from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from caravan.extensions import db
from caravan.models import ThrottleHit
from caravan.models.base import utcnow


#: How often (in hits) old hits are deleted.
PRUNE_EVERY = 200


def _key(value: str) -> str:
    # Keyed, so the table never holds a user name or an address in a form that can be looked up.
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()


def hits(bucket: str, value: str, window_seconds: int) -> int:
    """How many hits ``value`` has in ``bucket`` within the last ``window_seconds``."""
    since = utcnow() - timedelta(seconds=window_seconds)
    return db.session.scalar(
        select(func.count()).select_from(ThrottleHit)
        .where(ThrottleHit.bucket == bucket, ThrottleHit.key == _key(value), ThrottleHit.at >= since))


def record_hit(bucket: str, value: str) -> None:
    """Count one hit for ``value`` in ``bucket``; every PRUNE_EVERY-th hit also clears out old ones."""
    hit = ThrottleHit(bucket=bucket, key=_key(value))
    db.session.add(hit)
    db.session.flush()
    if hit.id % PRUNE_EVERY == 0:  # no scheduler needed: the table stays small by itself
        prune()


def is_limited(bucket: str, values: list[str], limit: int, window_seconds: int) -> bool:
    """Whether any of ``values`` has reached ``limit`` hits in the window."""
    return any(hits(bucket, v, window_seconds) >= limit for v in values)


def clear(bucket: str, value: str) -> None:
    """Forget the hits of ``value`` (after a successful sign-in, say)."""
    db.session.execute(delete(ThrottleHit).where(ThrottleHit.bucket == bucket, ThrottleHit.key == _key(value)))


def prune(older_than_seconds: int = 24 * 3600) -> int:
    """Delete hits older than a day; returns how many went."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    return db.session.execute(delete(ThrottleHit).where(ThrottleHit.at < cutoff)).rowcount
