"""``flask --app caravan print posters|flyers|passes [--code CODE ...] [--per-page 1|4] -o FILE.pdf``, or
``--list`` to see what would be printed, with the codes to choose from (times in the county's time);
``print bulletin --area CODE [--size A4|A3] -o FILE.pdf`` for a village's or township's notice board;
``print fair-guide --event ID|CODE [--lang zh|ug|en] -o FILE.pdf`` for a job fair's guide."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from caravan import printing
from caravan.extensions import db
from caravan.models import Area
from caravan.services.catalogue.texts import app_zone


@click.command("print")
@click.argument("kind", type=click.Choice(["posters", "flyers", "passes", "bulletin", "fair-guide"]))
@click.option("--code", "codes", multiple=True,
              help="Posting code (posters) or event code (flyers); repeat for more. Default: every open one.")
@click.option("--village", "villages", multiple=True, help="Passes: area code of a village, e.g. KT-01-02.")
@click.option("--area", "area_code", help="Bulletin: the code of a village or township, e.g. KT-01-02.")
@click.option("--event", "event_key", help="Fair guide: the job fair's id or code.")
@click.option("--size", type=click.Choice(["A4", "A3"], case_sensitive=False), default="A4", show_default=True,
              help="Bulletin: the paper size (the bulletin always fits one page).")
@click.option("--per-page", type=click.Choice(["1", "4"]), default="1", show_default=True,
              help="Posters per A4 page.")
@click.option("--lang", "langs", multiple=True, type=click.Choice(["zh", "ug", "en"]),
              help="Posters and flyers: a language to print; repeat for more (default: every language there is). "
                   "Passes: the language of every card (default: each person's own).")
@click.option("--list", "listing", is_flag=True, help="List what would be printed, with codes; print nothing.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="The PDF file to write.")
@with_appcontext
def print_command(kind, codes, villages, area_code, event_key, size, per_page, langs, listing, output):
    """Print posting posters, event flyers, sheets of pass cards or a notice board bulletin to a PDF file."""
    if not listing and not output:
        raise click.UsageError("Missing option '-o' / '--output' (or --list).")
    if kind == "bulletin":
        return _bulletin(area_code, size.upper(), listing, output)
    if kind == "fair-guide":
        return _fair_guide(event_key, langs, listing, output)
    if kind == "posters":
        items = printing.postings_for_print(list(codes))
        languages = printing.chosen_languages(langs)
        render = lambda: printing.posters_pdf(items, int(per_page), languages)  # noqa: E731
    elif kind == "flyers":
        items = printing.events_for_print(list(codes))
        render = lambda: printing.flyers_pdf(items, printing.chosen_languages(langs))  # noqa: E731
    else:
        if codes:
            raise click.UsageError("passes are chosen with --village, not --code")
        if len(langs) > 1:
            raise click.UsageError("pass cards are printed in one language: give --lang once")
        village_ids = None
        if villages:
            found = {a.code: a.id for a in db.session.scalars(select(Area).where(Area.code.in_(villages)))}
            missing = sorted(set(villages) - set(found))
            if missing:
                raise click.ClickException(f"no area with code {', '.join(missing)}")
            village_ids = list(found.values())
        items = printing.attendees_for_print(village_ids=village_ids)
        render = lambda: printing.passes_pdf(items, langs[0] if langs else None)  # noqa: E731
    if codes:
        known = {item.code for item in items}
        missing = sorted({c.upper() for c in codes} - known)
        if missing:
            raise click.ClickException(f"unknown code {', '.join(missing)}")
    if not items:
        raise click.ClickException(f"nothing to print: no {kind} found")
    if listing:
        for item in items:
            click.echo(_line(kind, item))
        return
    if kind == "posters" and not printing.printable(items, printing.chosen_languages(langs)):
        raise click.ClickException(f"nothing to print: no posting has a text in {', '.join(langs)}")
    pdf = render()
    with open(output, "wb") as fh:
        fh.write(pdf)
    click.echo(f"{len(items)} {kind} -> {output} ({len(pdf)} bytes)")


def _line(kind: str, item) -> str:
    """One line of ``--list``: a posting's or event's code and what it is, or a resident's village."""
    if kind == "posters":
        title = next((t.title for t in item.translations if t.lang == "zh"), "")
        return f"{item.code}  {item.status.value:<9}  {title}"
    if kind == "flyers":
        zone = app_zone()
        return (f"{item.code}  {item.starts_at.astimezone(zone):%Y-%m-%d %H:%M}-"
                f"{item.ends_at.astimezone(zone):%H:%M} ({zone.key})  {item.kind.value:<8}  {item.place_zh}")
    return f"{item.village.code if item.village else '-':<9}  {item.name}"


def _bulletin(area_code: str | None, size: str, listing: bool, output: str | None) -> None:
    """``print bulletin``: the one-page bulletin of a village or township (``--list``: what it would carry)."""
    from caravan.services.boards import BOARD_LEVELS
    if not area_code:
        raise click.UsageError("bulletin: give --area CODE (a village or township)")
    area = db.session.scalar(select(Area).where(Area.code == area_code))
    if area is None or area.level not in BOARD_LEVELS:
        raise click.ClickException(f"no village or township with code {area_code}")
    fitted, document = printing.fit_bulletin(area, size)
    entries = [e for _key, section in fitted["sections"] for e in section]
    if listing:
        for entry in entries:
            click.echo(f"{entry['code']}  {entry['kind']:<8}  {entry['texts'][0]['title']}")
        if fitted["more_url"]:
            click.echo(f"... {fitted['heads'][0]['more']} {fitted['more_url']}")
        return
    pdf = document.write_pdf()
    with open(output, "wb") as fh:
        fh.write(pdf)
    more = f", {fitted['more_url']} for the rest" if fitted["more_url"] else ""
    click.echo(f"bulletin {area.code} {size}: {len(entries)} entries{more} -> {output} ({len(pdf)} bytes)")


def _fair_guide(event_key: str | None, langs: tuple[str, ...], listing: bool, output: str | None) -> None:
    """``print fair-guide``: the guide of a job fair in one language (``--list``: its employers by booth)."""
    from caravan import fair_guide
    from caravan.models import Event
    from caravan.services import fairs
    if not event_key:
        raise click.UsageError("fair-guide: give --event ID or CODE")
    if len(langs) > 1:
        raise click.UsageError("a fair guide is printed in one language: give --lang once")
    event = db.session.scalar(select(Event).where((Event.id == event_key) | (Event.code == event_key.upper())))
    if event is None or not fairs.is_fair(event):
        raise click.ClickException(f"no job fair with id or code {event_key}")
    if listing:
        for p in fairs.participants(event):
            zone = p.zone.value if p.zone else "-"
            click.echo(f"{p.booth or '-':<6}  {zone:<12}  {p.status.value:<9}  {p.employer.name_zh}")
        return
    lang = langs[0] if langs else current_app.config["BABEL_DEFAULT_LOCALE"]
    pdf = fair_guide.fair_guide_pdf(event, lang)
    with open(output, "wb") as fh:
        fh.write(pdf)
    click.echo(f"fair guide {event.code} {lang} -> {output} ({len(pdf)} bytes)")
