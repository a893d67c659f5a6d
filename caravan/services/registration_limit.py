"""How often residents may register themselves: an allowance per phone and a ceiling per address.

At a bazaar dozens of phones share one address (a stall's Wi-Fi, a carrier's NAT), so the address alone
cannot tell one person pressing "Register" over and over from fifty neighbours. Two limits, counted apart:

- per phone (a random id in a cookie the registration form sets): REGISTER_MAX_PER_PHONE in
  REGISTER_PHONE_WINDOW_SECONDS, enough for a family registering on one phone;
- per address: REGISTER_MAX_PER_ADDRESS in REGISTER_WINDOW_SECONDS, far above what one market's crowd
  reaches, but a ceiling on what a script that drops its cookies can add.

Only registrations that succeed count: :func:`begin` counts one under a lock before the work, and the caller
gives it back with :func:`throttle.give_back` when the registration is refused for its content.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from caravan.services import throttle

BUCKET = "register"


@dataclass
class Attempt:
    """A registration counted by :func:`begin`; ``refused`` says which limit stopped it, if any."""

    hit_ids: list[int]
    #: None (go ahead), "phone" (this phone's allowance is used up) or "address" (the address's ceiling).
    refused: str | None = None
    #: Seconds until one more registration goes through.
    retry_after: int = 0


def begin(phone: str | None, address: str) -> Attempt:
    """Count one registration from ``phone`` (None: no phone cookie) and ``address``, or refuse it.

    The caller commits soon after, so that concurrent registrations see the count.
    """
    cfg = current_app.config
    address_limit = throttle.Limit("a:" + address, cfg["REGISTER_MAX_PER_ADDRESS"], cfg["REGISTER_WINDOW_SECONDS"])
    limits = [address_limit]
    if phone:
        limits.insert(0, throttle.Limit("p:" + phone, cfg["REGISTER_MAX_PER_PHONE"],
                                        cfg["REGISTER_PHONE_WINDOW_SECONDS"]))
    taken = throttle.take(BUCKET, limits)
    if taken.refused is None:
        return Attempt(taken.hit_ids)
    return Attempt([], "address" if taken.refused == address_limit else "phone", taken.retry_after)
