"""Charts as SVG, made on the server with pygal: inlined in office pages and, unchanged, in PDFs.

The SVG carries no style of its own (the pages' Content-Security-Policy forbids inline styles): the page
styles it with static/css/charts.css, and :func:`for_pdf` puts the same rules inside it for WeasyPrint.
Text reads right in Uyghur: the chart's ``lang`` picks a font with Uyghur glyphs, text with Arabic letters
runs right to left, categories run from the right, and numbers (values, hours, days) stay left to right.
"""
from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence

import pygal
from flask import current_app
from markupsafe import Markup

from caravan.i18n import text_direction

# pygal appends a legacy import hook to sys.meta_path (for map plugins, unused here) that makes every later
# import that searches past it warn "find_spec() not found" (an error under our warning rules): take it out.
sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__module__ != "pygal"]

SVG = "http://www.w3.org/2000/svg"
#: Letters of the Arabic script (Uyghur is written in it): text holding any runs right to left.
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


#: The drawing's size in SVG units: small enough that its text stays readable on a 360 px phone, where the
#: page shrinks it to the column (charts.css keeps it from growing past a readable size on a desktop).
WIDTH, HEIGHT = 420, 280


def whole_number_ticks(values: Sequence[int | None], steps: int = 5) -> list[int]:
    """Ticks for a count axis: whole numbers from 0 past the largest value, about ``steps`` of them (a
    count of 1 gets 0 and 1, not 0.1, 0.2, ...)."""
    top = max([v for v in values if v is not None] + [1])
    step = max(1, -(-top // steps))
    return list(range(0, top + step, step))


def _config(locale: str, title: str, values, **extra) -> dict:
    return {"js": [], "css": [], "no_prefix": True, "disable_xml_declaration": True, "explicit_size": False,
            "width": WIDTH, "height": HEIGHT, "title": title, "print_values": False, "show_y_guides": True,
            "truncate_label": -1, "truncate_legend": -1, "legend_at_bottom": True, "margin": 10,
            "y_labels": whole_number_ticks(values), "range": None,
            "value_formatter": lambda v: f"{v:,.0f}" if v is not None else "", **extra}


def bar(title: str, labels: Sequence[str], values: Sequence[int], locale: str) -> Markup:
    """A bar chart of ``values`` over the categories ``labels``; categories run from the right in a
    right-to-left language, unless they are all numbers (hours), which keep their order."""
    rtl = text_direction(locale) == "rtl" and any(_ARABIC.search(label) for label in labels)
    labels, values = (list(reversed(labels)), list(reversed(values))) if rtl else (list(labels), list(values))
    # Many bars (hours of a long event): every other label, or they run into each other.
    every = 1 + len(labels) // 8
    chart = pygal.Bar(**_config(locale, title, values, show_legend=False, print_values=True,
                                x_labels_major_every=every, show_minor_x_labels=every == 1))
    chart.x_labels = labels
    chart.add(title, list(values))
    return _finish(chart, locale, title, bars="vertical")


def hbar(title: str, labels: Sequence[str], values: Sequence[int], locale: str) -> Markup:
    """Horizontal bars of ``values``, one per category of ``labels``, the first at the top: for categories
    with long names (townships, villages), which sit beside their bar on the left and need not fit under it."""
    # The label sizes of charts.css, so that pygal leaves the labels enough room on the left.
    sizes = pygal.style.Style(label_font_size=13, major_label_font_size=13, title_font_size=16, value_font_size=13)
    chart = pygal.HorizontalBar(**_config(locale, title, values, show_legend=False, print_values=True,
                                          style=sizes))
    chart.x_labels = list(reversed(labels))  # pygal draws the first category at the bottom
    chart.add(title, list(reversed(values)))
    return _finish(chart, locale, title, bars="horizontal")


def line(title: str, labels: Sequence[str], series: dict[str, Sequence[int | None]], locale: str) -> Markup:
    """A line chart with one line per entry of ``series`` (name -> values over ``labels``; None where a
    line has no value yet, e.g. the days of this month still to come)."""
    values = [v for line_values in series.values() for v in line_values]
    chart = pygal.Line(**_config(locale, title, values, show_legend=True, x_labels_major_every=5,
                                 show_minor_x_labels=False, allow_interruptions=True, dots_size=2))
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, list(values))
    return _finish(chart, locale, title)


#: Room a printed value needs inside its bar (SVG units, charts.css's 13 px bold values): its height in a
#: vertical bar; in a horizontal bar, the width of a digit (or a thousands comma) and a margin.
VALUE_HEIGHT, DIGIT_WIDTH, VALUE_MARGIN = 17, 8.5, 6


def _values_outside_short_bars(root, bars: str) -> None:
    """Move each printed value that does not fit inside its bar to just beyond the bar's end, marked
    ``outside`` (charts.css draws it dark): pygal centres it in the bar, white, which on a short bar (or a
    bar of 0) is white on the page's white."""
    groups = list(root.iter(f"{{{SVG}}}g"))
    overlay = next((g for g in groups if "text-overlay" in g.get("class", "").split()), None)
    if overlay is None:
        return
    for series in groups:
        if not any("bars" == child.get("class") for child in series):
            continue
        # The values of a series are in its text-overlay group (same "serie-N" class), in the bars' order.
        serie = next(c for c in series.get("class").split() if c.startswith("serie-"))
        values = next((g for g in overlay.iter(f"{{{SVG}}}g") if serie in g.get("class", "").split()), None)
        if values is None:
            continue
        for rect, text in zip(series.iter(f"{{{SVG}}}rect"), values.iter(f"{{{SVG}}}text")):
            # pygal leaves out the size of a bar of 0 (a horizontal one has no "width").
            x, y, width, height = (float(rect.get(key) or 0) for key in ("x", "y", "width", "height"))
            label = "".join(text.itertext())
            if bars == "vertical" and height < VALUE_HEIGHT:
                text.set("y", f"{y - 4:.2f}")
                text.set("class", "value outside")
            elif bars == "horizontal" and width < len(label) * DIGIT_WIDTH + VALUE_MARGIN:
                text.set("x", f"{x + width + 4:.2f}")
                text.set("text-anchor", "start")
                text.set("class", "value outside outside-end")


def _finish(chart, locale: str, title: str, bars: str | None = None) -> Markup:
    """The chart's SVG without pygal's style, script and tooltip (which needs both), with the language,
    an accessible name, and the direction of each text; a bar chart's values (``bars``: "vertical" or
    "horizontal") that do not fit inside their bars stand beyond them."""
    root = ET.fromstring(chart.render(is_unicode=True))
    if bars:
        _values_outside_short_bars(root, bars)
    for parent in root.iter():
        for child in list(parent):
            if child.tag in (f"{{{SVG}}}style", f"{{{SVG}}}script") or "tooltip-overlay" in child.get("class", ""):
                parent.remove(child)
            elif child.get("style"):
                del child.attrib["style"]
    # A size of its own for renderers without the page's CSS (WeasyPrint draws an unsized inline SVG as
    # nothing); on a page, charts.css makes it as wide as its column.
    _x, _y, width, height = root.get("viewBox").split()
    root.set("width", width)
    root.set("height", height)
    root.set("class", "chart pygal-chart")
    root.set("lang", locale)
    root.set("role", "img")
    root.set("aria-label", title)
    root.attrib.pop("id", None)
    for text in root.iter(f"{{{SVG}}}text"):
        content = "".join(text.itertext())
        # Only text with Arabic letters turns right to left: numbers keep their left-to-right order.
        if _ARABIC.search(content):
            text.set("direction", "rtl")
            text.set("unicode-bidi", "embed")
    # Plain tag names with one xmlns on the root: what HTML parsers and WeasyPrint expect inline.
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
    root.set("xmlns", SVG)
    return Markup(ET.tostring(root, encoding="unicode"))


def stylesheet() -> str:
    """The rules that style charts (static/css/charts.css)."""
    with open(os.path.join(current_app.static_folder, "css", "charts.css"), encoding="utf-8") as fh:
        return fh.read()


def for_pdf(svg: Markup) -> Markup:
    """``svg`` with the chart rules inside it, for WeasyPrint (which does not apply the page's CSS to it)."""
    css = re.sub(r"/\*.*?\*/", "", stylesheet(), flags=re.S)
    # The rules hold no "<" or "&" (checked by a test), so they go in as they are.
    return Markup(str(svg).replace(">", f"><style>{css}</style>", 1))
