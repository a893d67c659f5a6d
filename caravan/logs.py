"""Logging that keeps residents' secrets out: pass tokens (and job alerts' opt-out codes) are masked in
every log record.

A pass URL (``/p/<token>``) and the pass cookie hold the resident's only key. They are masked wherever a
record is made: request lines (werkzeug, gunicorn), the application logger's "Exception on /p/..." and
the tracebacks of error reports. The database engine hides statement parameters
(``hide_parameters`` in caravan.config), so a failed query never logs a resident's name or phone.
"""
from __future__ import annotations

import logging
import re

from flask import Flask

#: A pass URL's token (see caravan.services.codes.new_pass_token); only /p/<token> URLs hold one.
_PASS_PATH = re.compile(r"/p/[A-Za-z0-9_-]{8,}")
#: The opt-out code in a job alert's link (/a/<code>, caravan.services.alerts): it stops one person's alerts.
_OPTOUT_PATH = re.compile(r"/a/[A-Z0-9]{16}")
#: The cookie that keeps a pass on the resident's phone (caravan.public.passes.PASS_COOKIE).
_PASS_COOKIE = re.compile(r"(caravan_pass=)[^;,\s'\"]+")


def mask(text: str) -> str:
    """``text`` with every pass token and opt-out code replaced by ``***``."""
    return _PASS_COOKIE.sub(r"\1***", _OPTOUT_PATH.sub("/a/***", _PASS_PATH.sub("/p/***", text)))


def _has_secret(text: str) -> bool:
    return "/p/" in text or "/a/" in text or "caravan_pass=" in text


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask the pass tokens in ``record``'s message, traceback and stack, in place."""
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # a record whose arguments do not fit: logging reports that itself
        return record
    if _has_secret(message):
        record.msg, record.args = mask(message), None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        # Format the traceback once here (formatters reuse exc_text), so exception messages are masked too.
        text = logging.Formatter().formatException(record.exc_info)
        if _has_secret(text):
            record.exc_text = mask(text)
    if record.stack_info and _has_secret(record.stack_info):
        record.stack_info = mask(record.stack_info)
    return record


class MaskPassTokens(logging.Filter):
    """A logging filter form of :func:`mask_record`, for handlers configured outside caravan."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


def install() -> None:
    """Mask every log record of this process, whichever logger makes it (once per process).

    A record factory, not a filter on some loggers: filters on a logger miss the records of its child
    loggers and of libraries, and an error report can come from any of them.
    """
    factory = logging.getLogRecordFactory()
    if getattr(factory, "masks_pass_tokens", False):
        return

    def masked_record(*args, **kwargs) -> logging.LogRecord:
        return mask_record(factory(*args, **kwargs))

    masked_record.masks_pass_tokens = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(masked_record)


def init_app(app: Flask) -> None:
    """Install the mask for the whole process."""
    install()
