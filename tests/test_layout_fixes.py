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
