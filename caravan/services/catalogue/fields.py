"""Parsing and checking raw form or CSV values, collecting every problem instead of stopping at the first.

Messages are translated when they are made, in the language of the current request (the default
language outside a request), so the office user reads them in their own language.
"""
from __future__ import annotations

import enum
from datetime import date, datetime

from flask_babel import gettext as _

from caravan.services.scope import area_within

#: Values read as "yes" and "no" in forms and spreadsheets (English, Chinese, Uyghur, digits).
TRUE_WORDS = {"1", "y", "yes", "true", "on", "x", "是", "有", "包", "ھەئە", "بار"}
FALSE_WORDS = {"", "0", "n", "no", "false", "off", "否", "无", "没有", "不包", "ياق", "يوق"}


class ValidationError(ValueError):
    """Raised with every problem found: ``errors`` maps a field name to its messages; ``codes`` maps a field
    to the stable reason code (:mod:`caravan.services.sync.reasons`) of a problem that has its own, so that
    a record refused through the sync API names it instead of a general ``bad_value``."""

    def __init__(self, errors: dict[str, list[str]], codes: dict[str, str] | None = None):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors
        self.codes = codes or {}


class Checker:
    """Reads fields from a mapping of raw strings and gathers the problems by field name."""

    def __init__(self, raw):
        self.raw = raw
        self.errors: dict[str, list[str]] = {}
        self.codes: dict[str, str] = {}

    def fail(self, name: str, message: str, code: str | None = None) -> None:
        """Note a problem with field ``name``; ``code``: its own stable reason code, if it has one."""
        self.errors.setdefault(name, []).append(message)
        if code is not None:
            self.codes.setdefault(name, code)

    def get(self, name: str) -> str:
        """The raw value, stripped; '' when absent."""
        value = self.raw.get(name)
        return value.strip() if isinstance(value, str) else ""

    def text(self, name: str, max_length: int, required: bool = False) -> str:
        """A text of at most ``max_length`` characters; required ones must not be empty."""
        value = self.get(name).replace("\r\n", "\n")
        if required and not value:
            self.fail(name, _("Please fill this in."))
        elif len(value) > max_length:
            self.fail(name, _("At most %(num)d characters (now %(now)d).", num=max_length, now=len(value)))
        return value

    def integer(self, name: str, low: int, high: int, required: bool = True) -> int | None:
        """A whole number between ``low`` and ``high``; None when empty and not required."""
        value = self.get(name).replace(",", "").replace("，", "")
        if not value:
            if required:
                self.fail(name, _("Please fill this in."))
            return None
        try:
            number = int(float(value)) if value.endswith(".0") else int(value)
        except ValueError:
            self.fail(name, _("Enter a whole number."))
            return None
        if not low <= number <= high:
            self.fail(name, _("Enter a number from %(low)d to %(high)d.", low=low, high=high))
            return None
        return number

    def boolean(self, name: str) -> bool:
        """A yes/no value: a ticked checkbox, or yes/no words in a spreadsheet."""
        value = self.get(name).lower()
        if value in TRUE_WORDS:
            return True
        if value not in FALSE_WORDS:
            self.fail(name, _("Enter yes or no."))
        return False

    def choice(self, name: str, enum_cls: type[enum.Enum], default=None):
        """One of ``enum_cls``'s values; ``default`` when empty (or a problem when there is none)."""
        value = self.get(name)
        if not value and default is not None:
            return default
        try:
            return enum_cls(value)
        except ValueError:
            self.fail(name, _("Choose one of: %(values)s.", values=", ".join(m.value for m in enum_cls)))
            return default

    def area(self, scope, required: bool = True, name: str = "area"):
        """The area whose code field ``name`` holds, if it lies within ``scope`` (the user's area); else None,
        with the problem noted (an empty field only when ``required``)."""
        code = self.get(name)
        area = area_within(code, scope)
        if code and area is None:
            self.fail(name, _("Choose an area within yours."))
        elif not code and required:
            self.fail(name, _("Please fill this in."))
        return area

    def day(self, name: str, required: bool = False) -> date | None:
        """A date as YYYY-MM-DD (spreadsheets' YYYY/MM/DD and YYYY.MM.DD are accepted too)."""
        value = self.get(name)
        if not value:
            if required:
                self.fail(name, _("Please fill this in."))
            return None
        for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"):
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        self.fail(name, _("Enter a date as YYYY-MM-DD."))
        return None

    def check(self) -> None:
        """Raise :class:`ValidationError` if any problem was noted."""
        if self.errors:
            raise ValidationError(self.errors, self.codes)


def changed_fields(obj, values: dict) -> list[str]:
    """Set each attribute of ``obj`` from ``values``; return the names whose value changed."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed
