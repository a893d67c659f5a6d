"""Response headers that keep pages on our own host and tokens out of other sites' logs."""
from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

from flask import Flask, Response

#: Everything comes from caravan itself: no external fonts, scripts or styles.
#: 'wasm-unsafe-eval' lets the QR reader compile its WebAssembly; nothing else is evaluated.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    """Add the security headers to every response."""
    app.after_request(_headers)


def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # A pass URL holds the resident's secret token: never send it on as a referrer.
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


#: Longer ``next`` targets are refused: our own pages never need one, and a long one hides its end.
MAX_NEXT_LENGTH = 1000


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site, safe to redirect to after sign-in or a language switch;
    else None. Every view that follows a ``next`` argument goes through here.

    Browsers drop tabs and newlines from URLs and read ``\\`` as ``/``, so ``/%09/x``, ``/\\x`` and their
    encoded forms all lead to another host; anything with such characters is refused, not repaired.
    """
    if not target or len(target) > MAX_NEXT_LENGTH or not target.startswith("/") or _unsafe_chars(target):
        return None
    path = target.split("?", 1)[0].split("#", 1)[0]
    for _round in range(3):  # undo percent-encoding (also twice-encoded) as a lenient server might
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    if path.startswith("//") or "\\" in path or _unsafe_chars(path):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def _unsafe_chars(text: str) -> bool:
    # Control, format and separator characters (tab, newline, NUL, DEL, ideographic space) and backslashes.
    return "\\" in text or any(unicodedata.category(c)[0] in "CZ" for c in text)
