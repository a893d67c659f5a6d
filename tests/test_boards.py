"""Village notice boards: the bulletin's contents and fit on one page, the refresh records and their list."""
import subprocess
from datetime import date, timedelta

import pytest

from caravan import printing
from caravan.models import BoardRefresh, NoticeKind, NoticeTranslation, PostingTranslation
from caravan.services import boards
from caravan.services.listings import local_today
from tests.test_pdf import pdf_text


def page_count(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def county(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى")
    village = build.area("village", parent=township, name_zh="果园村", name_ug="باغ كەنتى")
    neighbour = build.area("village", parent=township, name_zh="河边村", name_ug="دەريا بويى كەنتى")
    other = build.area("township", name_zh="远镇", name_ug="يىراق بازىرى")
    far = build.area("village", parent=other, name_zh="远村", name_ug="يىراق كەنتى")
    return {"township": township, "village": village, "neighbour": neighbour, "other": other, "far": far}


def job(build, area, n, **kw):
    return build.posting(area=area, openings=3, wage_min=3000, wage_max=4000, translations=[
        PostingTranslation(lang="zh", title=f"缝纫工岗位{n}"), PostingTranslation(lang="ug", title=f"تىككۈچى {n}")],
        **kw)


def test_a_board_carries_the_postings_of_its_township_and_above_only(build, county):
    county_job = job(build, None, 1)
    whole_county = job(build, build.county(), 2)
    own = job(build, county["village"], 3)
    township = job(build, county["township"], 4)
    neighbour = job(build, county["neighbour"], 5)
    job(build, county["far"], 6)
    job(build, county["other"], 7)
    job(build, county["village"], 8, status="draft")
    job(build, county["village"], 9, valid_until=local_today() - timedelta(days=1))
    found = boards.current_postings(county["village"])
    assert set(found) == {county_job, whole_county, own, township, neighbour}
    assert found[0] == neighbour  # the most recent first
    assert set(boards.current_postings(county["township"])) == set(found)


def test_the_refresh_list_puts_never_refreshed_first_then_the_oldest_within_the_users_area(
        client, login_as, build, db, county):
    user = login_as("office", area=county["township"])
    third = build.area("village", parent=county["township"], name_zh="新村")
    db.session.add_all([BoardRefresh(area=county["village"], refreshed_on=date(2026, 11, 1), user=user),
                        BoardRefresh(area=county["village"], refreshed_on=date(2026, 11, 20), user=user),
                        BoardRefresh(area=county["neighbour"], refreshed_on=date(2026, 11, 5), user=user),
                        BoardRefresh(area=county["far"], refreshed_on=date(2026, 10, 1), user=user)])
    db.session.commit()
    rows = boards.last_refreshes(county["township"])
    assert [(r.village, r.last.refreshed_on if r.last else None) for r in rows] == [
        (third, None), (county["neighbour"], date(2026, 11, 5)), (county["village"], date(2026, 11, 20))]
    page = client.get("/office/boards/").get_data(as_text=True)
    assert "远村" not in page
    page = page[page.index("<tbody>"):]  # the list, below the forms' pickers
    assert page.index("新村") < page.index("河边村") < page.index("果园村")
    csv = client.get("/office/boards/export.csv").get_data(as_text=True)
    assert csv.index(third.code) < csv.index(county["neighbour"].code) < csv.index(county["village"].code)
    assert county["far"].code not in csv


def test_recording_a_refresh_refuses_a_future_date_and_keeps_the_form(client, login_as, county, db):
    login_as("office", area=county["township"])
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    response = client.post("/office/boards/refresh", data={"village": county["village"].code, "day": tomorrow},
                           headers={"Accept-Language": "zh"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and f'value="{tomorrow}"' in page
    assert f'value="{county["village"].code}" selected' in page
    assert db.session.query(BoardRefresh).count() == 0
    today = local_today().isoformat()
    response = client.post("/office/boards/refresh", data={"village": county["village"].code, "day": today})
    assert response.status_code == 303
    row = db.session.query(BoardRefresh).one()
    assert row.area_id == county["village"].id and row.refreshed_on == local_today() and row.user.role.value == "office"
    far = client.post("/office/boards/refresh", data={"village": county["far"].code, "day": today})
    assert far.status_code == 422


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_many_postings_fill_one_page_and_the_rest_are_named_by_the_jobs_list(app, build, county, tmp_path, size):
    for n in range(40):
        job(build, county["village"], n)
    build.notice(kind=NoticeKind.training, translations=[NoticeTranslation(lang="zh", title="电工培训班"),
                                                         NoticeTranslation(lang="ug", title="ئېلېكتىر كۇرسى")])
    build.notice(kind=NoticeKind.policy, translations=[NoticeTranslation(lang="zh", title="创业贷款政策")])
    fitted = printing.bulletin_fit(county["village"], size)
    shown = len(fitted["sections"][0][1])
    assert 0 < shown < 40
    pdf = printing.bulletin_pdf(county["village"], size)
    assert page_count(pdf, tmp_path) == 1
    text = pdf_text(pdf, tmp_path)
    assert "缝纫工岗位39" in text and "تىككۈچى" in text  # the most recent first; Chinese and Uyghur
    assert "电工培训班" in text and "ئېلېكتىر كۇرسى" in text and "创业贷款政策" in text
    url = f"{app.config['PUBLIC_BASE_URL']}/jobs?township={county['township'].code}"
    assert f"{40 - shown}" in fitted["heads"][0]["more"] and fitted["more_url"] == url
    assert "/jobs?" in text and f"township={county['township'].code}" in text  # wrapped: a line each part
    # One posting more than fits would run onto a second page: the fit is the largest that fits.
    over = printing.bulletin_context(county["village"], boards.current_postings(county["village"])[:shown + 1],
                                     boards.current_notices(NoticeKind.training),
                                     boards.current_notices(NoticeKind.policy), size, more_postings=1)
    assert printing._pages(over) > 1


def test_a_bulletin_that_fits_names_no_more(app, build, county, tmp_path):
    for n in range(2):
        job(build, county["village"], n)
    fitted = printing.bulletin_fit(county["village"], "A4")
    assert fitted["more_url"] == "" and len(fitted["sections"][0][1]) == 2
    text = pdf_text(printing.bulletin_pdf(county["village"], "A4"), tmp_path)
    assert "缝纫工岗位1" in text and "缝纫工岗位0" in text and "تىككۈچى" in text and "/jobs" not in text


def test_print_bulletin_command(app, build, county, tmp_path):
    job(build, county["village"], 1)
    out = tmp_path / "board.pdf"
    runner = app.test_cli_runner()
    result = runner.invoke(args=["print", "bulletin", "--area", county["village"].code, "--size", "A3",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert page_count(out.read_bytes(), tmp_path) == 1 and "缝纫工岗位1" in pdf_text(out.read_bytes(), tmp_path)
    listed = runner.invoke(args=["print", "bulletin", "--area", county["village"].code, "--list"])
    assert listed.exit_code == 0 and "缝纫工岗位1" in listed.output
    bad = runner.invoke(args=["print", "bulletin", "--area", build.county().code, "-o", str(out)])
    assert bad.exit_code != 0 and "no village or township" in bad.output


def test_when_even_the_notices_overflow_the_bulletin_keeps_one_page_and_says_how_many_more(build, county,
                                                                                          tmp_path):
    for n in range(25):
        build.notice(kind=NoticeKind.policy, translations=[NoticeTranslation(lang="zh", title=f"政策通知{n}")])
    job(build, county["village"], 1)
    context, document = printing.fit_bulletin(county["village"], "A4")
    shown = sum(len(entries) for key, entries in context["sections"] if key != "postings")
    assert len(document.pages) == 1 and 0 < shown < 25 and context["sections"][0][1] == []
    assert f"{25 - shown}" in context["heads"][0]["more_notices"] and context["more_url"]
    assert "县公共就业服务机构" in pdf_text(document.write_pdf(), tmp_path)


def test_printing_a_villages_bulletin_can_record_its_refresh_at_once(client, login_as, county, db, tmp_path):
    user = login_as("office", area=county["township"])
    response = client.post("/office/boards/bulletin", data={"area": county["village"].code, "size": "A3"})
    assert response.status_code == 200 and page_count(response.data, tmp_path) == 1
    assert db.session.query(BoardRefresh).count() == 0
    response = client.post("/office/boards/bulletin", data={"area": county["village"].code, "size": "A4",
                                                            "record": "1"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    row = db.session.query(BoardRefresh).one()
    assert (row.area_id, row.refreshed_on, row.user_id) == (county["village"].id, local_today(), user.id)
