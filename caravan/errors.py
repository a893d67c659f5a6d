"""Error pages in the visitor's language; JSON errors for the sync API."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CSRFError, _http_error)


def _http_error(exc: HTTPException):
    if request.path.startswith("/api/"):
        return jsonify({"error": exc.name.lower().replace(" ", "_"), "message": exc.description}), exc.code
    return render_template("errors/error.html", code=exc.code, csrf=isinstance(exc, CSRFError)), exc.code
