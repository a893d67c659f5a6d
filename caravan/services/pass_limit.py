"""How often passes that do not exist may be looked up: an allowance per phone and a ceiling per address.

A pass's token is 160 random bits, so nobody finds one by trying; the limit keeps a script from making the
server try, and tells a resident who mistypes a link what happened. At a bazaar dozens of phones share one
address, so the address alone cannot tell one phone trying link after link from fifty neighbours opening
theirs. Two limits, counted apart and only on misses (a pass that exists costs nothing):

- per phone (a random id in a cookie, caravan.public.phone): PASS_MISS_MAX_PER_PHONE in
  PASS_MISS_PHONE_WINDOW_SECONDS;
- per address: PASS_MISS_MAX_PER_ADDRESS in PASS_MISS_WINDOW_SECONDS, far above one market's crowd, but a
  ceiling on what a script that drops its cookies can try.

Past either, every look-up from that phone (or address) waits, a real pass too, so trying gains nothing.
Counting after the look-up (check, then count) lets a few extra misses through in a race, which does no harm.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from caravan.services import throttle

BUCKET = "pass_miss"


@dataclass
class Wait:
    """Whether look-ups wait now: ``refused`` is None (go ahead), "phone" or "address"."""

    refused: str | None = None
    #: Seconds until one more look-up goes through.
    retry_after: int = 0


def _limits(phone: str | None, address: str) -> list[tuple[str, throttle.Limit]]:
    cfg = current_app.config
    limits = [("address", throttle.Limit("a:" + address, cfg["PASS_MISS_MAX_PER_ADDRESS"],
                                         cfg["PASS_MISS_WINDOW_SECONDS"]))]
    if phone:
        limits.insert(0, ("phone", throttle.Limit("p:" + phone, cfg["PASS_MISS_MAX_PER_PHONE"],
                                                  cfg["PASS_MISS_PHONE_WINDOW_SECONDS"])))
    return limits


def check(phone: str | None, address: str) -> Wait:
    """Whether a look-up from ``phone`` (None: no phone cookie) and ``address`` must wait, and how long."""
    waits = [(kind, throttle.wait_seconds(BUCKET, limit)) for kind, limit in _limits(phone, address)]
    waits = [(kind, seconds) for kind, seconds in waits if seconds]
    if not waits:
        return Wait()
    kind, seconds = max(waits, key=lambda w: w[1])
    return Wait(kind, seconds)


def count_miss(phone: str | None, address: str) -> None:
    """Count a look-up of a pass that does not exist against the phone and the address."""
    for _kind, limit in _limits(phone, address):
        throttle.record_hit(BUCKET, limit.value)
