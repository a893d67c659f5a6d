"""A small rate limiter kept in the database, so it holds across server processes and restarts.

:func:`take` is the atomic form: it counts an attempt *before* the work it guards (a password check), under
a lock per key, so that concurrent requests cannot all see "4 of 5" and all go through. :func:`is_limited`
with :func:`record_hit` afterwards is the older check-then-count form, good enough where a few extra hits
in a race do no harm (registrations, pass look-ups).
"""
from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select, text

from caravan.extensions import db
from caravan.models import ThrottleHit
from caravan.models.base import utcnow


#: How often (in hits) old hits are deleted.
PRUNE_EVERY = 200


@dataclass(frozen=True)
class Limit:
    """At most ``max_hits`` hits of ``value`` in ``window_seconds``."""

    value: str
    max_hits: int
    window_seconds: int


@dataclass
class Taken:
    """What :func:`take` decided: ``refused`` names the limit that was reached (None: go ahead)."""

    hit_ids: list[int] = field(default_factory=list)
    refused: Limit | None = None
    #: Seconds until the refused limit lets one more attempt through.
    retry_after: int = 0


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


def take(bucket: str, limits: list[Limit]) -> Taken:
    """Count one hit against every limit, atomically, unless one of them is reached already.

    Each key is locked for the rest of the transaction (PostgreSQL: an advisory lock; SQLite: the write
    lock its first insert takes), and the count includes this hit, so of any number of concurrent callers
    at most ``max_hits`` get through. Commit soon after, so the next caller sees the hits. A refused call
    leaves no hits; a caller whose attempt turned out fine gives its hits back with :func:`give_back`.
    """
    keys = [_key(limit.value) for limit in limits]
    _lock(bucket, keys)
    hits = [ThrottleHit(bucket=bucket, key=key) for key in keys]
    db.session.add_all(hits)
    db.session.flush()
    now = utcnow()
    for limit, key in zip(limits, keys):
        since = now - timedelta(seconds=limit.window_seconds)
        count, oldest = db.session.execute(
            select(func.count(), func.min(ThrottleHit.at))
            .where(ThrottleHit.bucket == bucket, ThrottleHit.key == key, ThrottleHit.at >= since)).one()
        if count > limit.max_hits:
            give_back([hit.id for hit in hits])
            wait = (oldest + timedelta(seconds=limit.window_seconds) - now).total_seconds() if oldest else 1
            return Taken(refused=limit, retry_after=max(1, math.ceil(wait)))
    if any(hit.id % PRUNE_EVERY == 0 for hit in hits):
        prune()
    return Taken(hit_ids=[hit.id for hit in hits])


def give_back(hit_ids: list[int]) -> None:
    """Delete the hits :func:`take` counted (the attempt they stood for did no harm)."""
    if hit_ids:
        db.session.execute(delete(ThrottleHit).where(ThrottleHit.id.in_(hit_ids)))


def wait_seconds(bucket: str, limit: Limit) -> int:
    """Seconds until ``limit.value`` may have one more hit in ``bucket`` (0: it may now): when the hit
    that puts it over the limit leaves the window."""
    since = utcnow() - timedelta(seconds=limit.window_seconds)
    recent = (ThrottleHit.bucket == bucket, ThrottleHit.key == _key(limit.value), ThrottleHit.at >= since)
    count = db.session.scalar(select(func.count()).select_from(ThrottleHit).where(*recent))
    if count < limit.max_hits:
        return 0
    freeing = db.session.scalar(select(ThrottleHit.at).where(*recent).order_by(ThrottleHit.at, ThrottleHit.id)
                                .offset(count - limit.max_hits).limit(1))
    wait = (freeing + timedelta(seconds=limit.window_seconds) - utcnow()).total_seconds() if freeing else 1
    return max(1, math.ceil(wait))


def reached(bucket: str, values: list[str], max_hits: int, window_seconds: int) -> set[str]:
    """Those of ``values`` that have ``max_hits`` hits or more in the window (one query for a list)."""
    keys = {_key(value): value for value in values}
    if not keys:
        return set()
    since = utcnow() - timedelta(seconds=window_seconds)
    rows = db.session.execute(
        select(ThrottleHit.key).where(ThrottleHit.bucket == bucket, ThrottleHit.key.in_(keys), ThrottleHit.at >= since)
        .group_by(ThrottleHit.key).having(func.count() >= max_hits))
    return {keys[key] for key, in rows}


def _lock(bucket: str, keys: list[str]) -> None:
    # PostgreSQL runs transactions side by side: serialise the callers of each key until they commit.
    # Sorted, so that two callers taking the same keys never wait for each other in a circle. SQLite
    # needs nothing: its first insert in take() waits for the database's one write lock.
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(keys):
        digest = hashlib.sha256(f"{bucket}:{key}".encode()).digest()
        db.session.execute(text("SELECT pg_advisory_xact_lock(:id)"),
                           {"id": int.from_bytes(digest[:8], "big", signed=True)})
