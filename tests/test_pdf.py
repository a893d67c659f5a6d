"""PDFs rendered, then read back: every page to PNG with pdftoppm, every QR decoded with zxing-cpp, and
the decoded URL opened with the test client."""
import os
import re
import subprocess
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from caravan import printing
from caravan.models import PostingTranslation
from caravan.pdf import StaticOnlyFetcher, render_pdf
from weasyprint.urls import path2url


def page_images(pdf: bytes, tmp_path, dpi: int = 110) -> list[Image.Image]:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "page")], check=True)
    names = sorted(n for n in os.listdir(tmp_path) if n.startswith("page") and n.endswith(".png"))
    return [Image.open(tmp_path / n) for n in names]


def decoded_urls(pdf: bytes, tmp_path) -> list[list[str]]:
    """The QR payloads found on each page, in reading order."""
    pages = []
    for image in page_images(pdf, tmp_path):
        found = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        found.sort(key=lambda r: (r.position.top_left.y // 50, r.position.top_left.x))
        pages.append([r.text for r in found])
    return pages


def pdf_text(pdf: bytes, tmp_path) -> str:
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True, text=True).stdout
    # pdftotext wraps right-to-left runs in directional marks; the words are what the tests look for.
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def pdf_fonts(pdf: bytes, tmp_path) -> str:
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(source)], check=True, capture_output=True, text=True).stdout


def open_path(client, url: str, app, lang: str = "en"):
    """Open a decoded URL's path; the URL must be exactly our public base URL plus the path."""
    parts = urlsplit(url)
    assert url.startswith(app.config["PUBLIC_BASE_URL"] + "/")
    return client.get(parts.path, headers={"Accept-Language": lang})


@pytest.fixture
def postings(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى", name_en="Cotton Co-op")
    made = []
    for n in range(5):
        made.append(build.posting(employer=employer, area=township, wage_min=3000 + n * 100, wage_max=4500,
                                  housing=True, translations=[
                                      PostingTranslation(lang="zh", title=f"缝纫工{n}", description="缝制工作服。"),
                                      PostingTranslation(lang="ug", title=f"تىككۈچى {n}", description="كىيىم تىكىش."),
                                      PostingTranslation(lang="en", title=f"Sewing worker {n}")]))
    return made


def test_poster_per_page_qr_opens_its_posting(app, client, postings, tmp_path):
    pdf = printing.posters_pdf(postings[:2], per_page=1)
    pages = decoded_urls(pdf, tmp_path)
    assert len(pages) == 2
    for posting, urls in zip(postings, pages):
        assert urls == [f"{app.config['PUBLIC_BASE_URL']}/j/{posting.code}"]
        page = open_path(client, urls[0], app).get_data(as_text=True)
        assert posting.text("en").title in page
    text = pdf_text(pdf, tmp_path)
    assert "缝纫工0" in text and "تىككۈچى" in text and "Sewing worker 0" in text and "提供住宿" in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert "Noto-Sans-CJK-SC" in fonts and "UKIJ-Tuz-Tom" in fonts


def test_four_posters_per_page(app, client, postings, tmp_path):
    pdf = printing.posters_pdf(postings, per_page=4)
    pages = decoded_urls(pdf, tmp_path)
    assert [len(p) for p in pages] == [4, 1]
    expected = {f"{app.config['PUBLIC_BASE_URL']}/j/{p.code}" for p in postings}
    assert {u for page in pages for u in page} == expected
    for url in pages[1]:
        assert open_path(client, url, app, "ug").status_code == 200


def test_event_flyer_qr_opens_the_event(app, client, build, postings, tmp_path):
    event = build.event(place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", place_en="Aq bazaar",
                        postings=postings[:3])
    pdf = printing.flyers_pdf([event])
    (urls,) = decoded_urls(pdf, tmp_path)
    assert urls == [f"{app.config['PUBLIC_BASE_URL']}/e/{event.code}"]
    page = open_path(client, urls[0], app).get_data(as_text=True)
    assert "<h1>Aq bazaar</h1>" in page and "Sewing worker 2" in page
    text = pdf_text(pdf, tmp_path)
    assert "阿克镇巴扎" in text and "Aq bazaar" in text and "缝纫工1" in text


def test_pass_cards_qr_open_each_pass(app, client, build, tmp_path):
    village = build.area("village", name_zh="博斯坦村", name_ug="بوستان كەنتى")
    people = [build.attendee(name=name, village=village)
              for name in ["阿依古丽", "دىلنۇر ئابلىز", "Mirzat", "王建军", "李婷", "帕提古丽", "Adil",
                           "نۇرگۈل", "张伟", "Ali", "古丽米拉", "Erkin"]]
    pdf = printing.passes_pdf(people, "zh")
    pages = decoded_urls(pdf, tmp_path)
    assert [len(p) for p in pages] == [10, 2]
    by_token = {p.pass_token: p for p in people}
    seen = set()
    for url in (u for page in pages for u in page):
        token = url.rsplit("/p/", 1)[1]
        person = by_token[token]
        seen.add(token)
        response = open_path(client, url, app)
        assert response.status_code == 200 and person.name in response.get_data(as_text=True)
    assert seen == set(by_token)
    text = pdf_text(pdf, tmp_path)
    assert "阿依古丽" in text and "博斯坦村" in text


def test_fetcher_allows_only_our_static_files(app):
    fetcher = StaticOnlyFetcher(app.static_folder)
    css = fetcher.fetch(path2url(os.path.join(app.static_folder, "css", "pdf.css")))
    assert b"@page" in css.read()
    css.close()
    for url in ["http://127.0.0.1:9/x.png", "https://example.org/font.woff", "file:///etc/passwd",
                path2url(os.path.join(app.static_folder, "..", "pyproject.toml")), "ftp://example.org/x"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_render_pdf_gives_a_pdf(app):
    pdf = render_pdf("passes.html", locale="ug", cards=[])
    assert pdf.startswith(b"%PDF")


def test_cli_prints_posters_flyers_and_passes(app, postings, build, tmp_path):
    event = build.event(postings=postings[:1])
    village = build.area("village", name_zh="博斯坦村")
    build.attendee(name="阿依古丽", village=village)
    runner = app.test_cli_runner()
    out = tmp_path / "p.pdf"
    result = runner.invoke(args=["print", "posters", "--code", postings[0].code, "--code", postings[1].code,
                                 "--per-page", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (tmp_path / "pages").mkdir()
    (urls,) = decoded_urls(out.read_bytes(), tmp_path / "pages")
    assert sorted(urls) == sorted(f"{app.config['PUBLIC_BASE_URL']}/j/{p.code}" for p in postings[:2])
    result = runner.invoke(args=["print", "flyers", "--code", event.code, "-o", str(tmp_path / "f.pdf")])
    assert result.exit_code == 0 and "1 flyers" in result.output
    result = runner.invoke(args=["print", "passes", "--village", village.code, "-o", str(tmp_path / "c.pdf")])
    assert result.exit_code == 0 and "1 passes" in result.output
    result = runner.invoke(args=["print", "posters", "--code", "NOSUCH", "-o", str(tmp_path / "n.pdf")])
    assert result.exit_code != 0 and "unknown code NOSUCH" in result.output


def test_office_print_page_downloads_a_pdf(app, client, login_as, postings, tmp_path):
    login_as("office")
    page = client.get("/office/print/", headers={"Accept-Language": "en"})
    assert page.status_code == 200 and postings[0].code in page.get_data(as_text=True)
    response = client.post("/office/print/", data={"kind": "posters", "per_page": "1",
                                                   "item": [postings[3].code]})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    assert decoded_urls(response.data, tmp_path) == [[f"{app.config['PUBLIC_BASE_URL']}/j/{postings[3].code}"]]
    empty = client.post("/office/print/", data={"kind": "posters"}, headers={"Accept-Language": "en"})
    assert empty.status_code == 422 and "Please choose at least one item" in empty.get_data(as_text=True)


def test_print_page_warns_when_qr_codes_would_lead_to_this_machine(app, client, login_as):
    login_as("office")
    app.config["PUBLIC_BASE_URL"] = "http://127.0.0.1:5000"
    page = client.get("/office/print/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "which phones cannot reach" in page
    app.config["PUBLIC_BASE_URL"] = "https://jobs.example.org"
    page = client.get("/office/print/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "which phones cannot reach" not in page


def test_posters_and_flyers_are_printed_in_the_chosen_languages_only(app, build, postings, tmp_path):
    event = build.event(place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", place_en="Aq bazaar",
                        postings=postings[:2])
    arabic = re.compile(r"[\u0600-\u06ff]")
    han = re.compile(r"[\u4e00-\u9fff]")
    ug_only = pdf_text(printing.posters_pdf(postings[:1], 1, ["ug"]), tmp_path)
    assert "تىككۈچى 0" in ug_only and not han.search(ug_only) and "Sewing" not in ug_only
    zh_en = pdf_text(printing.posters_pdf(postings[:1], 4, ["zh", "en"]), tmp_path)
    assert "缝纫工0" in zh_en and "Sewing worker 0" in zh_en and not arabic.search(zh_en)
    everything = pdf_text(printing.posters_pdf(postings[:1], 1), tmp_path)
    assert han.search(everything) and arabic.search(everything) and "Sewing worker 0" in everything
    flyer = pdf_text(printing.flyers_pdf([event], ["en"]), tmp_path)
    assert "Aq bazaar" in flyer and "Sewing worker 1" in flyer and not han.search(flyer) \
        and not arabic.search(flyer)
    flyer = pdf_text(printing.flyers_pdf([event], ["ug"]), tmp_path)
    assert "ئاق بازىرى بازار" in flyer and "تىككۈچى 1" in flyer and not han.search(flyer) and "Aq" not in flyer


def test_a_posting_without_the_chosen_language_is_left_out(app, build, postings, tmp_path):
    only_zh = build.posting(title="只有中文")
    assert printing.printable([only_zh, postings[0]], ["ug"]) == [postings[0]]
    assert printing.printable([only_zh], None) == [only_zh]


def test_the_print_page_prints_the_ticked_languages_and_keeps_the_choice_when_nothing_fits(
        app, client, build, login_as, postings, tmp_path):
    login_as("office")
    only_zh = build.posting(title="只有中文")
    response = client.post("/office/print/", data={"kind": "posters", "item": [postings[0].code], "lang": ["ug"]})
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data, tmp_path)
    assert "تىككۈچى 0" in text and "缝纫工" not in text
    page = client.post("/office/print/", data={"kind": "posters", "item": [only_zh.code], "lang": ["en"],
                                               "per_page": "4"}, headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 422 and "None of the chosen postings has a text in the chosen languages." in html
    assert re.search(rf'value="{only_zh.code}"\s+checked', html)
    assert re.search(r'name="lang" value="en"\s+checked', html) and 'value="4" checked' in html


def test_pass_cards_are_in_each_persons_language_unless_one_is_chosen(app, build, tmp_path):
    village = build.area("village", name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")
    uyghur = build.attendee(name="دىلنۇر ئابلىز", village=village)
    chinese = build.attendee(name="王建军", village=village)
    assert printing.language_of(uyghur) == "ug" and printing.language_of(chinese) == "zh"
    ug_card = pdf_text(printing.passes_pdf([uyghur]), tmp_path)
    assert "بوستان كەنتى" in ug_card and not re.search(r"[\u4e00-\u9fff]", ug_card)
    zh_card = pdf_text(printing.passes_pdf([chinese]), tmp_path)
    assert "博斯坦村" in zh_card and "就业大篷车" in zh_card and not re.search(r"[\u0600-\u06ff]", zh_card)
    en_card = pdf_text(printing.passes_pdf([uyghur], "en"), tmp_path)
    assert "Bostan" in en_card and "Job Caravan pass" in en_card and "博斯坦村" not in en_card


def test_the_record_page_proposes_the_persons_language_for_the_card(app, client, build, login_as, tmp_path):
    login_as("office")
    village = build.area("village", name_zh="博斯坦村", name_ug="بوستان كەنتى")
    person = build.attendee(name="دىلنۇر ئابلىز", village=village)
    html = client.get(f"/office/residents/{person.id}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert re.search(r'<option value="ug" selected', html)
    card = client.post(f"/office/residents/{person.id}/pass", headers={"Accept-Language": "zh"})
    text = pdf_text(card.data, tmp_path)
    assert "بوستان كەنتى" in text and "博斯坦村" not in text


def word_boxes(pdf: bytes, tmp_path) -> tuple[list[tuple[float, float]], list[tuple[str, float, float, float, float]]]:
    """Each page's (width, height) and each word's (text, x min, y min, x max, y max), from pdftotext -bbox."""
    source = tmp_path / "boxes.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [(float(w), float(h)) for w, h in re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', html)]
    words = [(text, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    return pages, words


LONG_WORD = "W" * 200
LONG_URL = "https://example.org/" + "/".join(f"segment{n}" for n in range(17))  # 179 characters: fits a place (200)


@pytest.mark.parametrize("per_page", [1, 4])
def test_a_200_character_word_and_a_long_url_stay_inside_the_poster(app, build, tmp_path, per_page):
    employer = build.employer(name_zh=LONG_WORD, name_ug=LONG_WORD)
    posting = build.posting(employer=employer, translations=[
        PostingTranslation(lang=lang, title=LONG_WORD, description=f"{LONG_WORD} {LONG_URL}",
                           work_place=LONG_URL) for lang in ("zh", "ug")])
    event = build.event(place_zh=LONG_WORD, place_ug=LONG_URL, postings=[posting])
    mm = 72 / 25.4
    left = 12 * mm - 1  # the @page margin, 12 mm, in points (less a point for rounding)
    # A poster four to a page is the first of its sheet: 93 mm wide from the margin.
    poster_width = 93 * mm + 2 if per_page == 4 else None
    for pdf, width in ((printing.posters_pdf([posting], per_page), poster_width),
                       (printing.flyers_pdf([event]), None)):
        pages, words = word_boxes(pdf, tmp_path)
        right = left + width if width else pages[0][0] - left
        outside = [w for w in words if w[1] < left or w[3] > right]
        assert words and not outside, outside[:3]


def test_cli_prints_in_the_languages_given(app, postings, build, tmp_path):
    only_zh = build.posting(title="只有中文")
    village = build.area("village", name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")
    build.attendee(name="阿依古丽", village=village)
    runner = app.test_cli_runner()
    out = tmp_path / "ug.pdf"
    result = runner.invoke(args=["print", "posters", "--code", postings[0].code, "--lang", "ug", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes(), tmp_path)
    assert "تىككۈچى 0" in text and not re.search(r"[\u4e00-\u9fff]", text)
    result = runner.invoke(args=["print", "posters", "--code", only_zh.code, "--lang", "en", "-o", str(out)])
    assert result.exit_code != 0 and "no posting has a text in en" in result.output
    result = runner.invoke(args=["print", "passes", "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0 and "Bostan" in pdf_text(out.read_bytes(), tmp_path)
    result = runner.invoke(args=["print", "passes", "--lang", "en", "--lang", "zh", "-o", str(out)])
    assert result.exit_code != 0 and "one language" in result.output


def test_a_uyghur_description_gets_the_room_its_longer_words_need(app, build, tmp_path):
    """A Uyghur text of about 300 letters says what 150 Chinese characters say: the poster prints it whole (it
    was cut at 220 letters, the Chinese limit, with half the page empty)."""
    ending = "ئېلېكتر تىرىسىكلىتنى شىركەت تەمىنلەيدۇ ۋە توكىنى شىركەت تۆلەيدۇ."
    text = ("ئىشچىلار ئەتىگەن سائەت توققۇزدا ئىشقا چۈشىدۇ، چۈشتە بىر سائەت ئارام ئالىدۇ. " * 3) + ending
    assert 240 < len(text) < 400
    posting = build.posting(translations=[PostingTranslation(lang="ug", title="توك ساتقۇچى", description=text)])
    printed = pdf_text(printing.posters_pdf([posting], 1, ["ug"]), tmp_path)
    assert "تۆلەيدۇ" in printed and "…" not in printed
