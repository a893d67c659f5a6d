"""The browser mark goes to the tests under tests/browser, and only to them."""
from pathlib import Path

from tests.browser.conftest import is_browser_test


def test_only_files_under_tests_browser_are_browser_tests(request):
    # A checkout that lives in a folder named "browser" (for example a work tree of that name).
    root = Path("/srv/browser/caravan/tests/browser")
    assert is_browser_test(root / "test_field_app.py", root)
    assert not is_browser_test(root.parent / "test_auth.py", root)
    assert not is_browser_test(root.parent / "sync" / "test_push.py", root)
    assert request.node.get_closest_marker("browser") is None
