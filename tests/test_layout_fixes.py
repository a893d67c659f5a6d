"""Layout and format defects a new user found: the tablet pages' frame, file names, chart labels, wages."""
import pytest

from caravan.models import Device


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
