"""Headers and habits that protect residents and staff."""
import logging
import os
import re

from caravan import PROJECT_ROOT
from caravan.logs import MaskPassTokens


def test_pages_allow_only_our_own_host(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_templates_and_static_files_name_no_other_host():
    pattern = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.I)
    allowed = ("www.w3.org",)  # XML namespaces in SVG, never fetched
    for folder in ("templates", os.path.join("static", "css"), os.path.join("static", "js"),
                   os.path.join("static", "icons")):
        for root, _dirs, files in os.walk(os.path.join(PROJECT_ROOT, folder)):
            for name in files:
                with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as fh:
                    for match in pattern.finditer(fh.read()):
                        assert any(a in match.group(0) for a in allowed), f"{name}: {match.group(0)}"


def test_pass_tokens_are_masked_in_request_logs():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - "%s" %s',
                               ("127.0.0.1", "GET /p/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 HTTP/1.1", "200"), None)
    assert MaskPassTokens().filter(record)
    assert record.getMessage() == '127.0.0.1 - "GET /p/*** HTTP/1.1" 200'


def test_request_loggers_carry_the_mask(app):
    for name in ("werkzeug", "gunicorn.access"):
        assert any(isinstance(f, MaskPassTokens) for f in logging.getLogger(name).filters)
