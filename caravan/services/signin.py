"""Staff sign-in: the limits on failed attempts, the password check, and an administrator's unlock.

Two limits, counted apart. Failures per user name (trimmed and lower-cased, exactly as the look-up does)
lock that name for SIGNIN_WINDOW_SECONDS, until an administrator unlocks it: a colleague's typos count
against the colleague's name only. Failures per address only slow that address down
(SIGNIN_ADDRESS_MAX_FAILURES in SIGNIN_ADDRESS_WINDOW_SECONDS, a short window), so that one office behind
one address is never locked out for long, while guessing many names from one place stays slow.

Each attempt is counted before its password is checked (:func:`begin`), under a lock, and given back when
it succeeds (:func:`finish`); the request commits between the two, so concurrent attempts see each other.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from caravan.extensions import db
from caravan.models import User
from caravan.models.base import utcnow
from caravan.services import audit, throttle
from caravan.services.users import normal_username

SIGNIN_BUCKET = "signin"
_DUMMY_HASH = generate_password_hash("not a password")


@dataclass
class Attempt:
    """A sign-in attempt counted by :func:`begin`; ``refused`` says which limit stopped it, if any."""

    username: str
    hit_ids: list[int]
    #: None (go ahead), "user" (the user name is locked) or "address" (this address must slow down).
    refused: str | None = None
    retry_after: int = 0


def _user_limit(username: str) -> throttle.Limit:
    cfg = current_app.config
    return throttle.Limit("u:" + username, cfg["SIGNIN_MAX_FAILURES"], cfg["SIGNIN_WINDOW_SECONDS"])


def _address_limit(address: str) -> throttle.Limit:
    cfg = current_app.config
    return throttle.Limit("a:" + address, cfg["SIGNIN_ADDRESS_MAX_FAILURES"], cfg["SIGNIN_ADDRESS_WINDOW_SECONDS"])


def begin(username: str, address: str) -> Attempt:
    """Count an attempt for this user name and address, or refuse it if either limit is reached.

    The caller commits right after, so that the count is seen by concurrent attempts.
    """
    username = normal_username(username)
    user_limit = _user_limit(username)
    taken = throttle.take(SIGNIN_BUCKET, [user_limit, _address_limit(address)])
    if taken.refused is None:
        return Attempt(username, taken.hit_ids)
    return Attempt(username, [], "user" if taken.refused == user_limit else "address", taken.retry_after)


def finish(attempt: Attempt, password: str) -> User | None:
    """Check the password of an attempt :func:`begin` let through: the active user, or None.

    A success gives the attempt's counts back and clears the name's earlier failures (its owner is
    back); a failure leaves the counts standing as failures.
    """
    user = db.session.scalar(select(User).where(User.username == attempt.username))
    if user is not None and user.active and user.check_password(password):
        throttle.give_back(attempt.hit_ids)
        throttle.clear(SIGNIN_BUCKET, "u:" + attempt.username)
        user.last_sign_in_at = utcnow()
        audit.record("signin.ok", user=user, entity=user)
        return user
    if user is None:
        check_password_hash(_DUMMY_HASH, password)  # the same work whether or not the name exists
    audit.record("signin.fail", entity=user)
    return None


def locked_users(users: list[User]) -> set[int]:
    """The ids of those ``users`` whose name is locked after too many failed sign-ins."""
    cfg = current_app.config
    names = throttle.reached(SIGNIN_BUCKET, ["u:" + u.username for u in users], cfg["SIGNIN_MAX_FAILURES"],
                             cfg["SIGNIN_WINDOW_SECONDS"])
    return {u.id for u in users if "u:" + u.username in names}


def unlock(user: User, by: User) -> None:
    """Forget the failed sign-ins of ``user``'s name, so they can sign in at once; audited."""
    throttle.clear(SIGNIN_BUCKET, "u:" + user.username)
    audit.record("user.unlock", user=by, entity=user)


def inactive_match(attempt: Attempt, password: str) -> User | None:
    """After a failed :func:`finish`: the user if the name and password were right but the account is
    inactive (a tablet then says "not allowed" rather than "wrong password"), else None."""
    user = db.session.scalar(select(User).where(User.username == attempt.username))
    if user is not None and not user.active and user.check_password(password):
        return user
    return None
