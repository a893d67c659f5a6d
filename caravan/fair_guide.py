"""The job fair guide on paper: the fair's employers by zone and booth, each with its open postings (title,
wage, openings) and a small QR code to each posting's public page. One language per guide (Uyghur right to
left); the office page and ``flask print fair-guide`` both call :func:`fair_guide_pdf`."""
from __future__ import annotations

from flask_babel import force_locale, format_date, format_datetime
from flask_babel import lazy_gettext as _l

from caravan.i18n import text_direction
from caravan.labels import GROUPS
from caravan.models import Event, ParticipantStatus
from caravan.pdf import render_pdf
from caravan.printing import _labels
from caravan.qr import png_data_uri, public_url
from caravan.services import fairs
from caravan.services.wages import wage_parts

GUIDE_LABELS = {
    "guide": _l("Job fair guide"), "booth": _l("Booth"), "main_hall": _l("Main hall"), "job": _l("Job"),
    "no_postings": _l("Ask at the booth about jobs."), "scan": _l("Scan a code to read the job on your phone and say you are interested."),
    "no_employers": _l("No employers confirmed yet."),
}


def _zone_name(zone) -> str:
    return str(_l("%(group)s zone", group=GROUPS[zone])) if zone is not None else str(GUIDE_LABELS["main_hall"])


def fair_guide_context(event: Event, lang: str) -> dict:
    """Everything the guide prints, in ``lang``: the fair's heading and, per zone, its employers by booth with
    their open postings. Invited employers who have not confirmed are left out: the guide is what residents
    will find."""
    rows = [p for p in fairs.participants(event) if p.status == ParticipantStatus.confirmed]
    postings = fairs.open_postings([p.employer_id for p in rows])
    with force_locale(lang):
        labels = _labels(lang) | {key: str(value) for key, value in GUIDE_LABELS.items()}
        zones = []
        for zone, members in fairs.zones(rows):
            employers = []
            for p in members:
                jobs = []
                for posting in postings.get(p.employer_id, []):
                    text = posting.text(lang)
                    url = public_url("j", posting.code)
                    jobs.append({"code": posting.code, "title": text.title if text else posting.code,
                                 "wage": wage_parts(posting), "openings": posting.openings,
                                 "qr": png_data_uri(url)})
                employers.append({"booth": p.booth or "", "name": p.employer.name_in(lang), "jobs": jobs})
            zones.append({"name": _zone_name(zone), "employers": employers})
        return {"lang": lang, "dir": text_direction(lang), "labels": labels, "code": event.code,
                "place": event.place_in(lang), "area": event.area.name_in(lang),
                "when": format_date(event.starts_at, "full"),
                "time": f"{format_datetime(event.starts_at, 'HH:mm')}–{format_datetime(event.ends_at, 'HH:mm')}",
                "url": public_url("e", event.code), "zones": zones}


def fair_guide_pdf(event: Event, lang: str) -> bytes:
    """The fair guide of ``event`` in ``lang`` as PDF bytes."""
    return render_pdf("fair_guide.html", locale=lang, guide=fair_guide_context(event, lang))
