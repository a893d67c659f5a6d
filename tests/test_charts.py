"""Charts: SVG made on the server, labelled in the user's language, right to left in Uyghur, and drawn the
same inside a WeasyPrint PDF (rendered, turned into a PNG with pdftoppm, and its pixels read)."""
from __future__ import annotations

import re
import subprocess

from flask_babel import force_locale
from weasyprint import HTML

from caravan import charts
from caravan.labels import SERVICE_KINDS
from caravan.pdf import StaticOnlyFetcher, static_base_url
from tests.test_pdf import page_images

GREEN = (0x1F, 0x7A, 0x4D)  # the first series' colour in static/css/charts.css


def _service_chart(locale: str):
    with force_locale(locale):
        labels = [str(SERVICE_KINDS[k]) for k in ("job_info", "training_info", "policy_advice")]
        return charts.bar("مۇلازىمەتلەر" if locale == "ug" else "Services", labels, [12, 3, 7], locale), labels


def test_uyghur_text_runs_right_to_left_and_numbers_stay_left_to_right(app):
    svg, labels = _service_chart("ug")
    assert svg.startswith('<svg') and 'lang="ug"' in svg and 'role="img"' in svg
    texts = re.findall(r"<text([^>]*)>([^<]*)</text>", svg)
    by_content = {content: attrs for attrs, content in texts}
    for label in labels:
        assert 'direction="rtl"' in by_content[label], label
    numbers = [attrs for attrs, content in texts if content.strip().replace(",", "").isdigit()]
    assert numbers and not any("rtl" in attrs for attrs in numbers)
    # Categories run from the right: the first kind is the last label drawn from the left.
    positions = {content: float(re.search(r'x="([\d.]+)"', attrs).group(1)) for attrs, content in texts
                 if content in labels}
    assert positions[labels[0]] > positions[labels[1]] > positions[labels[2]]


def test_a_chart_holds_no_style_script_or_outside_address(app):
    svg, _labels = _service_chart("zh")
    assert "<style" not in svg and "<script" not in svg and "style=" not in svg
    assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", svg)
    assert "direction" not in svg  # nothing runs right to left in Chinese


def test_the_chart_rules_can_go_inside_an_svg_as_they_are(app):
    assert "<" not in charts.stylesheet() and "&" not in charts.stylesheet()


def test_a_uyghur_chart_renders_inside_a_pdf(app, tmp_path):
    svg, labels = _service_chart("ug")
    html = f'<!doctype html><html lang="ug" dir="rtl"><body><h1>{labels[0]}</h1>{charts.for_pdf(svg)}</body></html>'
    pdf = HTML(string=html, base_url=static_base_url(), url_fetcher=StaticOnlyFetcher(app.static_folder)).write_pdf()
    image = page_images(pdf, tmp_path, dpi=72)[0].convert("RGB")
    bars = sum(1 for pixel in image.get_flattened_data() if all(abs(a - b) < 12 for a, b in zip(pixel, GREEN)))
    assert bars > 2000, "the bars are drawn in the series colour"
    source = tmp_path / "chart.pdf"
    source.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(source)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"UKIJ|Arabic", fonts), fonts  # a font with Uyghur glyphs, not boxes
    text = subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True, text=True).stdout
    assert "12" in text and "7" in text


def test_horizontal_bars_list_long_names_top_down_ending_at_the_axis(app):
    """The first category at the top, each name left of the axis (room made for it at the CSS's size), and a
    Uyghur name anchored so that it ends at the axis rather than running into its bar."""
    labels = ["كۆكتال بازىرى", "ئانارباغ يېزىسى", "يېڭىئېرىق بازىرى", "ئاقيار يېزىسى"]
    svg = charts.hbar("مۇلازىمەت", labels, [3153, 1074, 1019, 1034], "ug")
    texts = {content: attrs for attrs, content in re.findall(r"<text([^>]*)>([^<]*)</text>", svg)}
    ys = [float(re.search(r'y="([\d.]+)"', texts[label]).group(1)) for label in labels]
    assert ys == sorted(ys)
    assert all('direction="rtl"' in texts[label] for label in labels)
    assert all(re.search(r'x="-', texts[label]) for label in labels)  # left of the axis
    left = float(re.search(r'<g transform="translate\(([\d.]+), [\d.]+\)" class="plot">', svg).group(1))
    assert left > 13 * 0.45 * max(len(label) for label in labels)  # room for the longest name at 13px
    assert 'svg.chart .axis.y text[direction="rtl"] { text-anchor: start; }' in charts.stylesheet()
