"""Languages: which one a request speaks, the switch that remembers it, and the writing direction."""
from __future__ import annotations

import unicodedata
from urllib.parse import urlencode

from babel import Locale
from flask import Flask, current_app, g, has_request_context, redirect, request, url_for
from flask_babel import get_locale, refresh

from caravan.extensions import babel
from caravan.security import safe_next

#: The cookie that remembers a chosen language, for a year.
LANG_COOKIE = "lang"
LANG_COOKIE_AGE = 365 * 24 * 3600

#: Each language's own name, shown in the switch whatever the page's language.
LANGUAGE_NAMES = {"zh": "中文", "ug": "ئۇيغۇرچە", "en": "English"}


def select_locale() -> str:
    """The language a page set for itself (:func:`speak`), else the chosen one (cookie), else the browser's
    best match, else the default (Chinese)."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # the CLI, or services called outside a request
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if g.get("page_locale") in languages:
        return g.page_locale
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def speak(code: str) -> None:
    """Make the rest of this request speak ``code`` whatever the cookie or the browser ask for: for a page
    whose language is known from what it shows (the opt-out page of an SMS, in the SMS's language)."""
    g.page_locale = code
    refresh()  # a language already looked up in this request is forgotten


def current_locale_str() -> str:
    """The request's language code as a plain string ('zh', 'ug', 'en')."""
    return str(get_locale())


def text_direction(locale: str) -> str:
    """``rtl`` for right-to-left scripts (Uyghur), else ``ltr``."""
    return "rtl" if Locale.parse(locale).character_order == "right-to-left" else "ltr"


#: The colon between a label and its value where it is not ": ": Chinese takes the full-width colon, which
#: carries its own space.
COLONS = {"zh": "："}


def label_colon(locale: str) -> str:
    """The colon that follows a label in ``locale``: "：" in Chinese, ": " otherwise."""
    return COLONS.get(str(locale).split("_")[0].split("-")[0], ": ")


def paragraph_direction(text: str, default: str = "ltr") -> str:
    """The direction of a paragraph from its first strong character, as ``dir="auto"`` decides it in a
    browser (Unicode bidi rules P2-P3): ``rtl`` if it is Arabic-script or Hebrew, ``ltr`` if it is any other
    letter (Chinese, Latin), ``default`` if there is none (digits and punctuation only). For the places that
    do not follow ``dir="auto"``: WeasyPrint, and Word documents."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def switch_language(code: str):
    """Remember ``code`` in a cookie and go back where the person came from (on this site only)."""
    response = redirect(safe_next(request.args.get("next")) or url_for("public.home"))
    return switch_language_cookie(response, code)


#: The query argument that names a language on any page: a printed link or QR code can carry it.
LANG_ARG = "lang"


def reads_lang_arg(view):
    """Mark a view that reads ``?lang=`` itself (it speaks it without remembering it): :func:`_language_from_link`
    then leaves the request alone."""
    view.reads_lang_arg = True
    return view


def _language_from_link():
    """``?lang=xx`` on any page (a poster's QR code, a shared link) is the switch: the choice is remembered as
    the switch remembers it, and the same page opens again without the argument, so that its own language
    links do not carry the old choice back. An unknown value is ignored; the tablets' JSON API is left out."""
    code = request.args.get(LANG_ARG)
    if code is None or request.method not in ("GET", "HEAD") or request.blueprint == "sync":
        return None
    if getattr(current_app.view_functions.get(request.endpoint), "reads_lang_arg", False):
        return None
    if code not in current_app.config["LANGUAGES"]:
        return None
    rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != LANG_ARG], safe="/")
    response = switch_language_cookie(redirect(request.path + ("?" + rest if rest else "")), code)
    response.headers["Cache-Control"] = "no-store"  # it sets a cookie: never kept by a cache
    return response


def switch_language_cookie(response, code: str):
    """Set the language cookie to ``code`` on ``response`` if caravan speaks it; returns the response."""
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(LANG_COOKIE, code, max_age=LANG_COOKIE_AGE, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


def _template_globals() -> dict:
    locale = current_locale_str()
    return {
        "current_locale": locale,
        "text_dir": text_direction(locale),
        "language_names": LANGUAGE_NAMES,
        "languages": current_app.config["LANGUAGES"],
    }


def _vary_on_language(response):
    # The same URL speaks several languages: caches must key on what picks the language.
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


def init_app(app: Flask) -> None:
    """Bind Flask-Babel, add the switch at /lang/<code> and its twin ``?lang=<code>`` on any page."""
    babel.init_app(app, locale_selector=select_locale)
    app.add_url_rule("/lang/<code>", "switch_language", switch_language)
    app.before_request(_language_from_link)
    app.context_processor(_template_globals)
    app.after_request(_vary_on_language)
