"""Three languages: choosing one, remembering it, right-to-left Uyghur, complete catalogs."""
import os
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from caravan import PROJECT_ROOT

LANGS = ["zh", "ug", "en"]
CATALOG = os.path.join(PROJECT_ROOT, "caravan", "translations", "{}", "LC_MESSAGES", "messages.po")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group(0)


def test_chinese_is_the_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="zh" dir="ltr">' in page
    assert "就业大篷车" in page


@pytest.mark.parametrize("accept, lang, dir_, text", [
    ("ug,zh;q=0.5", "ug", "rtl", "كارۋى"),
    ("en-US,en;q=0.9", "en", "ltr", "Job Caravan"),
    ("fr-FR,fr;q=0.9", "zh", "ltr", "就业大篷车"),
])
def test_browser_language_is_followed(client, accept, lang, dir_, text):
    response = client.get("/", headers={"Accept-Language": accept})
    page = response.get_data(as_text=True)
    assert html_tag(page) == f'<html lang="{lang}" dir="{dir_}">'
    assert text in page
    assert "Accept-Language" in response.headers["Vary"]


def test_switch_is_remembered_over_the_browser_language(client):
    response = client.get("/lang/ug?next=/signin")
    assert response.status_code == 302 and response.headers["Location"] == "/signin"
    assert "lang=ug" in response.headers["Set-Cookie"]
    page = client.get("/signin", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert html_tag(page) == '<html lang="ug" dir="rtl">'


def test_switch_ignores_unknown_languages_and_foreign_targets(client):
    response = client.get("/lang/xx?next=https://evil.example.com/")
    assert response.headers["Location"] == "/"
    assert "Set-Cookie" not in response.headers


def test_language_links_lead_back_to_the_same_page(client):
    page = client.get("/signin?next=/office/").get_data(as_text=True)
    assert 'href="/lang/en?next=/signin?next%3D/office/"' in page



@pytest.mark.parametrize("path", ["/", "/jobs?sector=construction", "/signin?next=/office/", "/register"])
def test_a_link_that_names_a_language_opens_the_page_in_it_and_remembers_it(client, path):
    """A QR code or a link with ``?lang=ug`` is the switch: the cookie, then the same page without it."""
    joiner = "&" if "?" in path else "?"
    response = client.get(path + joiner + "lang=ug", headers={"Accept-Language": "zh"})
    assert response.status_code == 302 and response.headers["Location"] == path
    assert "lang=ug" in response.headers["Set-Cookie"] and response.headers["Cache-Control"] == "no-store"
    page = client.get(path, headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert html_tag(page) == '<html lang="ug" dir="rtl">'


def test_an_unknown_language_in_a_link_is_ignored(client):
    response = client.get("/jobs?lang=fr", headers={"Accept-Language": "en"})
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert html_tag(response.get_data(as_text=True)) == '<html lang="en" dir="ltr">'

@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_complete(lang):
    with open(CATALOG.format(lang), "rb") as fh:
        catalog = read_po(fh)
    with open(os.path.join(PROJECT_ROOT, "caravan", "translations", "messages.pot"), "rb") as fh:
        template = read_po(fh)
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id} <= \
           {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for string in strings:
            assert string.strip(), f"{lang}: untranslated {ids[0]!r}"
            assert set(PLACEHOLDER.findall(string)) <= set(PLACEHOLDER.findall(ids[-1])), (lang, ids[0])


def test_template_holds_every_string_in_the_code(tmp_path):
    """Extract afresh: a string added to code or templates without updating the catalogs fails here."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
                    "--ignore-dirs", ".*", "-o", str(fresh), "caravan", "templates"],
                   cwd=PROJECT_ROOT, check=True, capture_output=True)
    with open(fresh, "rb") as fh:
        found = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    with open(os.path.join(PROJECT_ROOT, "caravan", "translations", "messages.pot"), "rb") as fh:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    assert found - known == set(), "run scripts/extract-messages.sh and translate the new strings"


def test_every_audited_action_has_words_in_every_language():
    """The audit log shows actions as words; an action recorded in code without a label shows as a raw code."""
    from caravan.labels import AUDIT_ACTIONS
    recorded = set()
    for folder, _dirs, files in os.walk(os.path.join(PROJECT_ROOT, "caravan")):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as source:
                    recorded |= set(re.findall(r"audit\.record\(\s*\"([a-z_]+\.[a-z_]+)\"", source.read()))
    assert recorded and recorded <= set(AUDIT_ACTIONS), sorted(recorded - set(AUDIT_ACTIONS))
