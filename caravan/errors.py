"""Error pages in the visitor's language; JSON errors for the sync API."""
from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from caravan.extensions import db

#: The answer when even the error page cannot be drawn: no template, no database, no translation.
_BARE_PAGE = ("<!doctype html><meta charset=utf-8><title>{code}</title>"
              "<p>Error {code}. <a href=\"/\">Home</a></p>")


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CSRFError, _http_error)


def _http_error(exc: HTTPException):
    if exc.code and exc.code >= 500:
        # The request failed half-way: its session may hold a failed flush or (PostgreSQL) an aborted
        # transaction. Roll back, so the page can load the signed-in user for its menu.
        db.session.rollback()
    if request.path.startswith("/api/"):
        return jsonify({"error": exc.name.lower().replace(" ", "_"), "message": exc.description}), exc.code
    try:
        return render_template("errors/error.html", code=exc.code, csrf=isinstance(exc, CSRFError)), exc.code
    except Exception:  # noqa: BLE001 (an error page must answer whatever broke)
        current_app.logger.exception("the error page for %s failed", exc.code)
        db.session.rollback()
        return _BARE_PAGE.format(code=int(exc.code or 500)), exc.code or 500, {"Content-Type": "text/html"}
