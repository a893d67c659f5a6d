"""Logging that keeps residents' secrets out: pass tokens in request lines are masked."""
from __future__ import annotations

import logging
import re

from flask import Flask

#: A pass URL's token (see caravan.services.codes.new_pass_token); only /p/<token> URLs hold one.
_PASS_PATH = re.compile(r"/p/[A-Za-z0-9_-]{8,}")
#: The loggers that write request lines: Flask's development server and gunicorn's access log.
REQUEST_LOGGERS = ("werkzeug", "gunicorn.access")


class MaskPassTokens(logging.Filter):
    """Replace the token of every /p/<token> path in a log record by ``/p/***``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/p/" in message:
            record.msg, record.args = _PASS_PATH.sub("/p/***", message), None
        return True


def init_app(app: Flask) -> None:
    """Install the mask on the request loggers (once per process)."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskPassTokens) for f in logger.filters):
            logger.addFilter(MaskPassTokens())
