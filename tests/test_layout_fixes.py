"""Layout and format defects a new user found: the tablet pages' frame, file names, chart labels, wages."""
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

from babel.dates import format_date
from flask import render_template
from flask_babel import force_locale
from weasyprint.formatting_structure.boxes import LineBox, TextBox

from caravan import charts, printing
from caravan.i18n import label_colon
from caravan.labels import WAGE_UNITS
from caravan.models import Device, PostingTranslation
from caravan.services.wages import wage_amount, wage_parts, wage_text
from tests.test_pdf import pdf_text


def test_the_tablet_pages_use_the_office_frame(client, login_as, build):
    """Every tablet page loads the office stylesheet and htmx, like every other office page."""
    county = build.county()
    login_as("office", area=county)
    device = Device(name="Tablet A", area=county)
    build.db.session.add(device)
    build.db.session.commit()
    pages = [client.get(path) for path in ("/office/tablets/", "/office/tablets/problems", "/office/tablets/import",
                                            f"/office/tablets/{device.id}/revoke")]
    pages.append(client.post("/office/tablets/codes", data={"area": county.id}))
    for response in pages:
        assert response.status_code == 200, response.request.path
        html = response.get_data(as_text=True)
        assert "css/office.css" in html and "vendor/htmx.min.js" in html, response.request.path


def test_a_report_file_is_named_in_its_language(client, login_as, build):
    """The same quarter's table or summary in Chinese, Uyghur and English downloads as three names."""
    login_as("office", area=build.county())
    for url in ("/office/reports/quarterly.pdf?year=2026&quarter=3", "/office/reports/quarterly.csv?year=2026&quarter=3",
                "/office/reports/summary.pdf?year=2026&period=year", "/office/reports/summary.docx?year=2026&period=year"):
        names = set()
        for lang in ("zh", "ug", "en"):
            response = client.get(url, headers={"Accept-Language": lang})
            assert response.status_code == 200, url
            disposition = response.headers["Content-Disposition"]
            suffix = "-{}.{}".format(lang, url.split("?")[0].rsplit(".", 1)[1])
            assert f'{suffix}"' in disposition, disposition
            names.add(disposition)
        assert len(names) == 3, names


# --- Wages: one way of writing them, right in Uyghur; wages and dates kept whole --------------------------

def _job(build, area, n: int = 0, **kw):
    kw.setdefault("openings", 3)
    return build.posting(area=area, wage_min=5000, wage_max=7000, valid_until=date(2027, 1, 31),
                         employer=build.employer(name_zh="果园合作社", name_ug="باغ كوپېراتىپى"),
                         translations=[PostingTranslation(lang="zh", title=f"果园工人{n}", work_place="阿克镇"),
                                       PostingTranslation(lang="ug", title=f"باغ ئىشچىسى {n}",
                                                          work_place="ئاق بازىرى")], **kw)


def test_a_wage_range_is_low_to_high_isolated_left_to_right(app, build):
    assert wage_amount(5000, 7000) == "\u2066¥5000–7000\u2069"
    assert wage_amount(5000, 5000) == wage_amount(5000, None) == "\u2066¥5000\u2069"
    assert wage_amount(None, 7000) == "\u2066¥7000\u2069" and wage_amount(None, None) == ""
    posting = _job(build, build.county())
    with force_locale("ug"):
        text = wage_text(posting)
        assert text == f"\u2066¥5000–7000\u2069 {WAGE_UNITS['month']}"
    posting.wage_min = posting.wage_max = None
    with force_locale("zh"):
        assert wage_text(posting) == "工资面议" == str(wage_parts(posting)["unit"]) and not wage_parts(posting)["amount"]


def test_every_page_and_paper_writes_the_wage_the_same_way(app, client, login_as, build):
    """The posting page, the jobs list, the office's postings list, posters, flyers, bulletins and the fair
    guide all show the one amount of wages.wage_amount, in each language."""
    county = build.county()
    posting = _job(build, county)
    event = build.event(area=county, postings=[posting])
    build.db.session.commit()
    amount = wage_amount(5000, 7000)
    for lang in ("ug", "zh", "en"):
        for path in (f"/j/{posting.code}", "/jobs", f"/e/{event.code}"):
            assert amount in client.get(path, headers={"Accept-Language": lang}).get_data(as_text=True), path
    login_as("office", area=county)
    assert amount in client.get("/office/postings/", headers={"Accept-Language": "ug"}).get_data(as_text=True)
    with app.test_request_context():
        papers = [b["wage"] for b in printing.poster_context(posting, 1)["blocks"]]
        papers += [j["wage"] for j in printing.flyer_context(event)["jobs"]]
        papers += [t["wage"] for t in printing._bulletin_entry(posting, "posting")["texts"]]
    assert [w["amount"] for w in papers] == [amount] * len(papers)


def _lines(document) -> list[str]:
    """The text of every laid-out line of a WeasyPrint document, in logical order."""
    lines = []

    def walk(box, into):
        if isinstance(box, LineBox):
            into = []
            lines.append(into)
        if isinstance(box, TextBox):
            into.append(box.text)
        for child in getattr(box, "children", None) or ():
            walk(child, into)
    for page in document.pages:
        walk(page._page_box, None)
    return ["".join(line) for line in lines]


def test_a_bulletin_keeps_wages_and_dates_whole_and_a_uyghur_wage_reads_low_to_high(app, build, tmp_path):
    """Titles of every length push the facts line's end to every place of the line: the wage and the closing
    date never break across two lines (in Chinese nor in Uyghur); on paper the Uyghur wage reads ¥5000–7000."""
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى")
    village = build.area("village", parent=township, name_zh="果园村", name_ug="باغ كەنتى")
    postings = [_job(build, village, n, openings=10 ** (n % 4)) for n in range(6)]
    for n, posting in enumerate(postings):
        posting.wage_min, posting.wage_max = 5000 + n, 70000 + n
        for text in posting.translations:
            text.title = ("果园" * (n + 1)) if text.lang == "zh" else ("باغ " * (n + 1))
        posting.employer.name_zh, posting.employer.name_ug = "合作社" * (n + 3), "كوپېراتىپ " * (n + 1)
    build.db.session.commit()
    with app.test_request_context():
        context, document = printing.fit_bulletin(village, "A4")
        lines = _lines(document)
        dates = {format_date(date(2027, 1, 31), "medium", locale=lang) for lang in ("zh", "ug")}
        pdf = document.write_pdf()
    assert len(context["sections"][0][1]) == 6
    for n in range(6):
        amount = wage_amount(5000 + n, 70000 + n)
        assert sum(amount in line for line in lines) == 2, (amount, lines)  # Chinese and Uyghur
    for day in dates:
        assert sum(day in line for line in lines) == 6, (day, lines)
    source = tmp_path / "bulletin.pdf"
    source.write_bytes(pdf)
    words = subprocess.run(["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True,
                           text=True).stdout  # words as they stand on paper, left to right
    for n in range(6):
        assert words.count(f">¥{5000 + n}–{70000 + n}<") == 2


def test_a_chinese_poster_puts_the_full_width_colon_after_its_labels(app, build, tmp_path):
    posting = _job(build, build.county())
    posting.translations.append(PostingTranslation(lang="en", title="Orchard worker", work_place="Aq town"))
    build.db.session.commit()
    with app.test_request_context():
        text = pdf_text(printing.posters_pdf([posting], 1), tmp_path)
    assert "招聘人数：3" in text and "工作地点：阿克镇" in text and "有效期至：2027年1月31日" in text, text
    assert not re.search(r"[\u4e00-\u9fff]:", text), text
    assert "Openings: 3" in text and "Place of work: Aq town" in text
    assert label_colon("zh") == "：" and label_colon("ug") == label_colon("en") == ": "



def test_a_uyghur_posters_valid_until_line_runs_right_to_left(app, build):
    """The footer's "valid until" line is in the poster's first language: it carries that language and its
    direction like the blocks above it (it had neither, so a Uyghur line ran left to right)."""
    posting = _job(build, build.county())
    with app.test_request_context():
        for languages, lang, direction in ((["ug"], "ug", "rtl"), (["zh", "ug"], "zh", "ltr")):
            html = render_template("pdf/posters.html", per_page=1,
                                   posters=[printing.poster_context(posting, 1, languages)])
            line = re.search(r'<p class="valid"([^>]*)>(.*?)</p>', html, re.S)
            assert line, languages
            assert f'lang="{lang}"' in line.group(1) and f'dir="{direction}"' in line.group(1), line.group(0)
            assert "2027" in line.group(2)

def _values_and_bars(svg: str):
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    rects = root.findall(".//s:g[@class='bars']//s:rect", ns)
    texts = root.findall(".//s:g[@class='plot text-overlay']//s:text", ns)
    return list(zip(rects, texts))


def test_a_value_too_big_for_its_bar_stands_dark_beyond_the_bar(app):
    """A bar of 2 or 0 beside one of 100: its value would be white on white inside it."""
    with app.app_context():
        pairs = _values_and_bars(str(charts.bar("Visits", ["a", "b", "c"], [100, 2, 0], "zh")))
        flat = _values_and_bars(str(charts.hbar("Visits", ["Aq", "Bostan", "Chong"], [12000, 3, 0], "ug")))
        css = charts.stylesheet()
    assert [t.text for _r, t in pairs] == ["100", "2", "0"]
    tall, *short = pairs
    assert "outside" not in tall[1].get("class")
    for rect, text in short:
        assert "outside" in text.get("class") and float(text.get("y")) < float(rect.get("y")), text.attrib
    assert [t.text for _r, t in flat] == ["0", "3", "12,000"]  # pygal draws the first category at the bottom
    (zero, zero_text), (small, small_text), (large, large_text) = flat
    assert "outside" in small_text.get("class") and "outside" in zero_text.get("class")
    assert "outside" not in large_text.get("class")
    assert float(small_text.get("x")) >= float(small.get("x")) + float(small.get("width"))
    assert ".value.outside { fill: #222; }" in css and "text.outside-end { text-anchor: start; }" in css
