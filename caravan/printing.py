"""What goes on paper: posters of postings, event flyers, sheets of pass cards and notice board bulletins.

Builds the context of the templates in templates/pdf/ and renders them through :func:`caravan.pdf.render_pdf`;
the office page and the ``flask print`` command both call these. A poster or flyer has a block per language,
each with its labels in that language: every language the posting has (a flyer: every language), or those
chosen. A pass card is in one language: the one chosen, else the person's (see :func:`language_of`).
"""
from __future__ import annotations

from flask import current_app
from flask_babel import force_locale, format_date, format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.i18n import label_colon, text_direction
from caravan.labels import EVENT_KINDS, GROUPS
from caravan.models import Area, Attendee, Event, EventStatus, NoticeKind, Posting, PublishStatus
from caravan.pdf import render_document, render_pdf
from caravan.qr import png_data_uri, public_url
from caravan.services import boards
from caravan.services.codes import pass_code_of_token, show_pass_code
from caravan.services.listings import is_open, local_today
from caravan.services.scope import within
from caravan.services.wages import wage_parts

#: Labels printed in every language of a poster or flyer.
PRINT_LABELS = {
    "brand": _l("Job Caravan"), "wage": _l("Wage"), "openings": _l("Openings"), "place": _l("Place of work"),
    "valid_until": _l("Valid until"), "housing": _l("Housing provided"), "meals": _l("Meals provided"),
    "transport": _l("Transport provided"),
    "scan_posting": _l("Scan to read this job on your phone and say you are interested."),
    "scan_event": _l("Scan to see every job posting of this stop on your phone."),
    "postings": _l("Job postings"), "pass": _l("Job Caravan pass"), "free": _l("Free of charge."),
    "show_pass": _l("Show this code at the stall."),
    "pass_code": _l("Pass code"),
}
POSTING_FIELDS = ("title", "description", "requirements", "work_place")
#: How many characters of a description fit on a poster, per layout. Chinese says in one character what takes
#: Uyghur or English two or three letters, and a letter is about half as wide: those get about twice as many.
#: The poster's text box has a maximum height besides, so a long text never runs under the QR.
DESCRIPTION_CHARS = {1: 220, 4: 0}
DESCRIPTION_SCALE = {"zh": 1.0, "ug": 2.0, "en": 2.0}


def _labels(lang: str) -> dict[str, str]:
    with force_locale(lang):
        return {key: str(value) for key, value in PRINT_LABELS.items()} | {"colon": label_colon(lang)}


def _clip(text: str, limit: int) -> str:
    if limit <= 0:
        return ""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _languages(translations, chosen: list[str] | None = None) -> list[str]:
    """The languages of ``translations`` in the configured order; only those in ``chosen`` if given."""
    have = {t.lang for t in translations}
    return [lang for lang in current_app.config["LANGUAGES"] if lang in have and (chosen is None or lang in chosen)]


def chosen_languages(values) -> list[str] | None:
    """The configured languages among ``values`` (form values), in the configured order; None if none."""
    chosen = [lang for lang in current_app.config["LANGUAGES"] if lang in set(values or ())]
    return chosen or None


def printable(postings: list[Posting], languages: list[str] | None) -> list[Posting]:
    """The postings that have a text in at least one of ``languages`` (all of them if None)."""
    return [p for p in postings if _languages(p.translations, languages)]


def language_of(attendee: Attendee) -> str:
    """The language a person's pass card is printed in when nobody chose one: the one the script of their
    name suggests (Arabic letters: Uyghur; Chinese characters: Chinese; Latin letters: English), else the
    default language. The record keeps no language; the office can always choose another one."""
    languages = current_app.config["LANGUAGES"]
    counts = {"ug": 0, "zh": 0, "en": 0}
    for char in attendee.name or "":
        if "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff":
            counts["ug"] += 1
        elif "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            counts["zh"] += 1
        elif char.isascii() and char.isalpha():
            counts["en"] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] and best in languages else current_app.config["BABEL_DEFAULT_LOCALE"]


def poster_context(posting: Posting, per_page: int, languages: list[str] | None = None) -> dict:
    """One posting's poster: a block per language it is translated into (among ``languages`` if given),
    and its QR."""
    blocks = []
    by_lang = {t.lang: t for t in posting.translations}
    for lang in _languages(posting.translations, languages):
        with force_locale(lang):
            labels = _labels(lang)
            text = by_lang[lang]
            blocks.append({
                "lang": lang, "dir": text_direction(lang), "labels": labels, "title": text.title,
                "employer": posting.employer.name_in(lang),
                "place": text.work_place or (posting.area.name_in(lang) if posting.area else ""),
                "wage": wage_parts(posting),
                "flags": [labels[k] for k in ("housing", "meals", "transport") if getattr(posting, k)],
                "description": _clip(text.description, int(DESCRIPTION_CHARS[per_page] * DESCRIPTION_SCALE.get(lang, 1.0))),
                "valid_until": format_date(posting.valid_until, "long") if posting.valid_until else "",
            })
    url = public_url("j", posting.code)
    return {"code": posting.code, "url": url, "qr": png_data_uri(url), "openings": posting.openings,
            "blocks": blocks}


def flyer_context(event: Event, languages: list[str] | None = None) -> dict:
    """An event's flyer: where and when in each language (or in ``languages``), its open postings named in
    those languages, and its QR."""
    today = local_today()
    postings = [p for p in event.postings if is_open(p, today)]
    languages = languages or list(current_app.config["LANGUAGES"])
    blocks = []
    for lang in languages:
        with force_locale(lang):
            labels = _labels(lang)
            blocks.append({
                "lang": lang, "dir": text_direction(lang), "labels": labels, "kind": str(EVENT_KINDS[event.kind]),
                "place": event.place_in(lang), "area": event.area.name_in(lang),
                "when": format_date(event.starts_at, "full"),
                "time": f"{format_datetime(event.starts_at, 'HH:mm')}–{format_datetime(event.ends_at, 'HH:mm')}",
                "wages": [wage_parts(p) for p in postings],
            })
    # The job list names each posting in the flyer's languages (a missing translation: the posting's code).
    table_langs = languages
    jobs = [{"titles": [(lang, text_direction(lang), (p.text(lang).title if p.text(lang) else p.code))
                        for lang in table_langs], "wage": wage} for p, wage in zip(postings, blocks[0]["wages"])]
    url = public_url("e", event.code)
    return {"code": event.code, "url": url, "qr": png_data_uri(url), "blocks": blocks, "jobs": jobs}


def pass_card_context(attendee: Attendee, lang: str) -> dict:
    """One pass card, all in ``lang``: name, village, group, labels, and the pass QR."""
    url = public_url("p", attendee.pass_token)
    with force_locale(lang):
        group = str(GROUPS[attendee.group])
    return {"lang": lang, "dir": text_direction(lang), "labels": _labels(lang), "name": attendee.name,
            "village": attendee.village.name_in(lang) if attendee.village else "",
            "group": group, "qr": png_data_uri(url),
            "code": show_pass_code(pass_code_of_token(attendee.pass_token))}


def postings_for_print(codes: list[str] | None = None, scope: Area | None = None) -> list[Posting]:
    """Postings by code (any order given), or every published one, in code order; only those within
    ``scope`` if given (an office user's area: a code from elsewhere finds nothing)."""
    query = select(Posting).options(selectinload(Posting.translations), selectinload(Posting.employer),
                                    selectinload(Posting.area)).order_by(Posting.code)
    if scope is not None:
        query = query.where(within(Posting.area_id, scope))
    query = query.where(Posting.code.in_([c.upper() for c in codes])) if codes else \
        query.where(Posting.status == PublishStatus.published)
    return list(db.session.scalars(query))


def events_for_print(codes: list[str] | None = None, scope: Area | None = None) -> list[Event]:
    """Events by code, or every planned one that has not ended, soonest first; within ``scope`` if given."""
    query = select(Event).options(selectinload(Event.postings).selectinload(Posting.translations),
                                  selectinload(Event.area)).order_by(Event.starts_at)
    if scope is not None:
        query = query.where(within(Event.area_id, scope))
    if codes:
        query = query.where(Event.code.in_([c.upper() for c in codes]))
    else:
        from caravan.models.base import utcnow
        query = query.where(Event.status == EventStatus.planned, Event.ends_at >= utcnow())
    return list(db.session.scalars(query))


def attendees_for_print(ids: list[str] | None = None, village_ids: list[str] | None = None,
                        scope: Area | None = None) -> list[Attendee]:
    """Registered, living attendees: by id, by village, or all; by village then name. With ``scope`` only
    those whose village lies within it: a pass card carries the resident's secret token."""
    query = (select(Attendee).options(selectinload(Attendee.village))
             .where(Attendee.erased_at.is_(None), Attendee.merged_into_id.is_(None))
             .order_by(Attendee.village_id, Attendee.name))
    if scope is not None:
        query = query.where(within(Attendee.village_id, scope))
    if ids:
        query = query.where(Attendee.id.in_(ids))
    if village_ids:
        query = query.where(Attendee.village_id.in_(village_ids))
    return list(db.session.scalars(query))


def posters_pdf(postings: list[Posting], per_page: int = 1, languages: list[str] | None = None) -> bytes:
    """Posters of ``postings``: one per A4 page, or four per page; in ``languages`` (default: every language
    each posting has). A posting with none of ``languages`` is left out (see :func:`printable`)."""
    if per_page not in (1, 4):
        raise ValueError("per_page: 1 or 4")
    posters = [poster_context(p, per_page, languages) for p in printable(postings, languages)]
    return render_pdf("posters.html", posters=posters, per_page=per_page)


def flyers_pdf(events: list[Event], languages: list[str] | None = None) -> bytes:
    """One A4 flyer per event, in ``languages`` (default: every language)."""
    return render_pdf("flyers.html", flyers=[flyer_context(e, languages) for e in events])


def passes_pdf(attendees: list[Attendee], lang: str | None = None) -> bytes:
    """Sheets of pass cards, ten per A4 page, with cut lines; every card in ``lang``, or each in its
    person's language (:func:`language_of`) if ``lang`` is None."""
    cards = [pass_card_context(a, lang or language_of(a)) for a in attendees]
    return render_pdf("passes.html", locale=lang or current_app.config["BABEL_DEFAULT_LOCALE"], cards=cards)


# --- Notice board bulletins -------------------------------------------------------------------------------

#: The two languages of a bulletin, side by side: Chinese on the left, Uyghur (right to left) on the right.
BULLETIN_LANGUAGES = ("zh", "ug")
BULLETIN_SIZES = ("A4", "A3")
#: No bulletin holds more entries than the page's height over an entry's QR code (pdf.css: A4 pages of 297 mm
#: with 12 mm margins and 15 mm codes, A3 of 420 mm with 20 mm codes): the search for what fits starts there.
BULLETIN_MOST_ENTRIES = {"A4": (297 - 24) // 15, "A3": (420 - 24) // 20}
BULLETIN_LABELS = {
    "board": _l("Notice board"), "postings": _l("Job postings"), "training": _l("Training courses"),
    "policy": _l("Policy notices"), "wage": _l("Wage"), "openings": _l("Openings"), "closes": _l("Closes"),
    "open_end": _l("Until filled"), "scan": _l("Scan a code with your phone to read more and say you are interested."),
    "none": _l("No job postings at the moment."),
}


def jobs_list_url(area: Area) -> str:
    """Where every current job of ``area``'s township is listed: the public jobs list filtered by township."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    township = boards.township_of(area)
    return f"{base}/jobs" if township.parent_id is None else f"{base}/jobs?township={township.code}"


def _bulletin_entry(item, kind: str) -> dict:
    """One posting or notice of a bulletin: its text in each bulletin language (Chinese where one is
    missing) and its QR."""
    texts = []
    for lang in BULLETIN_LANGUAGES:
        with force_locale(lang):
            text = item.text(lang) or item.text("zh") or (item.translations[0] if item.translations else None)
            entry = {"lang": lang, "dir": text_direction(lang), "title": text.title if text else item.code,
                     "closes": format_date(item.valid_until, "medium") if item.valid_until else ""}
            if kind == "posting":
                entry |= {"employer": item.employer.name_in(lang), "wage": wage_parts(item)}
            texts.append(entry)
    url = public_url("j" if kind == "posting" else "n", item.code)
    return {"kind": kind, "code": item.code, "url": url, "qr": png_data_uri(url), "texts": texts,
            "openings": getattr(item, "openings", None)}


def bulletin_context(area: Area, postings: list[Posting], training: list, policy: list, size: str,
                     more_postings: int = 0, more_notices: int = 0) -> dict:
    """The bulletin of ``area`` with exactly these items; ``more_*`` are those left off for want of room."""
    heads = []
    for lang in BULLETIN_LANGUAGES:
        with force_locale(lang):
            labels = {key: str(value) for key, value in BULLETIN_LABELS.items()}
            more = str(_l("And %(count)s more jobs at", count=more_postings)) if more_postings else ""
            more_n = str(_l("And %(count)s more notices at the office.", count=more_notices)) if more_notices else ""
            heads.append({"lang": lang, "dir": text_direction(lang), "labels": labels,
                          "area": " · ".join(a.name_in(lang) for a in area.lineage()[1:]) or area.name_in(lang),
                          "date": format_date(local_today(), "long"), "more": more, "more_notices": more_n})
    sections = [(key, [_bulletin_entry(i, "posting" if key == "postings" else "notice") for i in items])
                for key, items in (("postings", postings), ("training", training), ("policy", policy))]
    return {"size": size, "heads": heads, "sections": [s for s in sections if s[1] or s[0] == "postings"],
            "more_url": jobs_list_url(area) if more_postings else "", "area_code": area.code}


def _pages(html_context: dict) -> int:
    """How many pages the bulletin of ``html_context`` takes once laid out."""
    return len(render_document("bulletin.html", locale="zh", **html_context).pages)


def bulletin_fit(area: Area, size: str = "A4") -> dict:
    """The context of the largest bulletin of ``area`` that fits one ``size`` page (see :func:`fit_bulletin`)."""
    return fit_bulletin(area, size)[0]


def fit_bulletin(area: Area, size: str = "A4"):
    """The largest bulletin of ``area`` that fits one ``size`` page, as (context, laid-out document): every
    current notice and as many postings as fit, the most recent first; if even the notices do not fit, as many
    of those as fit.

    How many fit is measured, not guessed: WeasyPrint lays the page out and its pages are counted, halving
    the range each time (a handful of layouts for a hundred postings); the fitting layout is kept for the PDF."""
    if size not in BULLETIN_SIZES:
        raise ValueError("size: A4 or A3")
    postings = boards.current_postings(area)
    training = boards.current_notices(NoticeKind.training)
    policy = boards.current_notices(NoticeKind.policy)
    laid_out = {}

    def make(n_postings: int, n_notices: int) -> dict:
        notices = (training + policy)[:n_notices]
        return bulletin_context(area, postings[:n_postings], [n for n in training if n in notices],
                                [n for n in policy if n in notices], size,
                                more_postings=len(postings) - n_postings,
                                more_notices=len(training) + len(policy) - n_notices)

    def fits(n_postings: int, n_notices: int) -> bool:
        key = (n_postings, n_notices)
        if key not in laid_out:
            laid_out[key] = render_document("bulletin.html", locale="zh", **make(*key))
        return len(laid_out[key].pages) == 1

    def largest(fits_n, high: int) -> int:
        """The largest n in 0..high with fits_n(n), fits_n being monotonic and fits_n(0) known."""
        low = 0
        while low < high:
            mid = (low + high + 1) // 2
            if fits_n(mid):
                low = mid
            else:
                high = mid - 1
        return low

    n_postings, n_notices = len(postings), len(training) + len(policy)
    most = BULLETIN_MOST_ENTRIES[size]
    if n_postings + n_notices > most or not fits(n_postings, n_notices):
        # Most bulletins need the postings cut: the notices all stay, the postings fill what is left.
        n_postings = largest(lambda n: fits(n, n_notices), min(n_postings, max(most - n_notices, 0)))
        if n_postings == 0 and not fits(0, n_notices):
            n_notices = largest(lambda n: fits(0, n), min(n_notices - 1, most))
            fits(0, n_notices)  # lays out the smallest bulletin too, when even no notice fits
    return make(n_postings, n_notices), laid_out[(n_postings, n_notices)]


def bulletin_pdf(area: Area, size: str = "A4") -> bytes:
    """One page for the notice board of ``area`` (a village or township), A4 or A3, Chinese and Uyghur side
    by side (see :func:`fit_bulletin`)."""
    return fit_bulletin(area, size)[1].write_pdf()
