"""Response headers that keep pages on our own host and tokens out of other sites' logs."""
from __future__ import annotations

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


def local_path(target: str | None) -> str | None:
    """``target`` if it is a path on this site (safe to redirect to), else None."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None
