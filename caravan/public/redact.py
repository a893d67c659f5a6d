"""Keep pass tokens out of server logs: request lines such as ``GET /p/<token>`` are logged redacted.

The development server (werkzeug) and gunicorn's access log write the request path; a pass token there
would be a resident's key in a log file.
"""
from __future__ import annotations

import logging
import re

TOKEN_IN_PATH = re.compile(r"/p/[A-Za-z0-9]{16,64}")
REDACTED = "/p/<token>"
#: Loggers that write request lines.
REQUEST_LOGGERS = ("werkzeug", "gunicorn.access")


class RedactPassTokens(logging.Filter):
    """Rewrites a record's message so that no /p/<token> path survives; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/p/" in message:
            record.msg, record.args = TOKEN_IN_PATH.sub(REDACTED, message), None
        return True


_FILTER = RedactPassTokens()


def install() -> None:
    """Add the filter to the request loggers (idempotent)."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
