"""Translated texts of postings and notices: one set of fields per language, Chinese required."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _

from caravan.services.catalogue.fields import Checker

#: The languages a posting or notice is written in; the first one is required.
LANGS = ("zh", "ug", "en")


def local_today() -> date:
    """Today's date in the office's time zone (BABEL_DEFAULT_TIMEZONE)."""
    return datetime.now(app_zone()).date()


def app_zone() -> ZoneInfo:
    """The office's time zone."""
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def clean_texts(c: Checker, limits: dict[str, int]) -> dict[str, dict[str, str]]:
    """Read ``<field>_<lang>`` for each field in ``limits``; the title is needed in Chinese, and in
    another language as soon as anything of that language is filled in."""
    texts = {}
    for lang in LANGS:
        fields = {name: c.text(f"{name}_{lang}", limit) for name, limit in limits.items()}
        if lang == LANGS[0] and not fields["title"]:
            c.fail(f"title_{lang}", _("A Chinese title is needed."))
        elif any(fields.values()) and not fields["title"]:
            c.fail(f"title_{lang}", _("Add a title in this language too, or leave it empty."))
        if any(fields.values()):
            texts[lang] = fields
    return texts


def apply_texts(owner, translation_cls, texts: dict[str, dict[str, str]]) -> list[str]:
    """Make ``owner.translations`` match ``texts``; return the changed field names (``title_ug``...)."""
    existing = {t.lang: t for t in owner.translations}
    changed = []
    for lang in LANGS:
        wanted, current = texts.get(lang), existing.get(lang)
        if wanted is None:
            if current is not None:
                owner.translations.remove(current)
                changed += [f"{name}_{lang}" for name in _fields_of(current) if getattr(current, name)]
            continue
        if current is None:
            current = translation_cls(lang=lang)
            owner.translations.append(current)
        for name, value in wanted.items():
            before = getattr(current, name, None)
            if before != value:
                setattr(current, name, value)
                if (before or "") != value:  # a new translation's empty fields are no change
                    changed.append(f"{name}_{lang}")
    return changed


def _fields_of(translation) -> list[str]:
    return [n for n in ("title", "description", "requirements", "work_place", "body") if hasattr(translation, n)]


def missing_languages(owner) -> list[str]:
    """The languages without a title (shown as "missing" in the lists)."""
    have = {t.lang for t in owner.translations if t.title}
    return [lang for lang in LANGS if lang not in have]


def form_values(owner) -> dict[str, str]:
    """The ``<field>_<lang>`` values of ``owner``'s translations, to fill a form."""
    values = {}
    for t in owner.translations:
        for name in _fields_of(t):
            values[f"{name}_{t.lang}"] = getattr(t, name) or ""
    return values
