"""A posting's wage as people read it: one way of writing it for every page and paper that shows one.

The amount is ``¥3800–4800`` (or ``¥3800``), low before high, the yuan sign first, in every language. Inside
Uyghur (right-to-left) text the bidi algorithm would otherwise reorder it: the dash between two numbers takes
the paragraph's direction, so a bare ``¥3800–4800`` shows as ``4800–¥3800``. The amount therefore carries its
own direction, Unicode's LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE marks, which hold wherever the text
goes: a page, a PDF (WeasyPrint), an ``<option>``, a spreadsheet cell, text copied out of a PDF. Pages and
papers also put it in an element with ``dir="ltr"`` and keep it on one line (``white-space: nowrap``).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from caravan.labels import WAGE_UNITS

#: Unicode's LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (as the office's code options use them).
LRI, PDI = "\u2066", "\u2069"
BY_AGREEMENT = _l("Wage by agreement")


def isolate_ltr(text: str) -> str:
    """``text`` isolated left to right with LRI ... PDI; '' stays ''."""
    return f"{LRI}{text}{PDI}" if text else ""


def wage_amount(low: int | None, high: int | None) -> str:
    """The amount of a wage from ``low`` to ``high`` yuan, isolated left to right: ``¥3800–4800``, ``¥3800``
    when only one is known or both are the same; '' when neither is (the wage is by agreement)."""
    if low and high and low != high:
        return isolate_ltr(f"¥{low}–{high}")
    if low or high:
        return isolate_ltr(f"¥{low or high}")
    return ""


def wage_parts(posting) -> dict[str, str]:
    """A posting's wage in the current language as its two parts: ``amount`` (see :func:`wage_amount`; '' if
    none) and ``unit`` ("per month"), or "Wage by agreement" as the unit when there is no amount."""
    amount = wage_amount(posting.wage_min, posting.wage_max)
    return {"amount": amount, "unit": str(WAGE_UNITS[posting.wage_unit]) if amount else str(BY_AGREEMENT)}


def wage_text(posting) -> str:
    """A posting's wage in the current language as one line of plain text: ``¥3800–4800 per month`` (in Uyghur
    the amount still reads ``¥3800–4800``), or "Wage by agreement"."""
    parts = wage_parts(posting)
    return f"{parts['amount']} {parts['unit']}" if parts["amount"] else parts["unit"]
