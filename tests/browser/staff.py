"""Helpers for browser tests of staff pages."""
from tests.conftest import TEST_PASSWORD


def sign_in(page, base_url: str, user, home: str = "/office/") -> None:
    """Sign ``user`` in through the real form and wait for their home page."""
    page.goto(base_url + "/signin")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + home)
