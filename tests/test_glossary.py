"""The catalogs follow the glossary (caravan/translations/glossary.toml), and the words the review fixed stay fixed."""
import os
import re
import tomllib

import pytest
from babel.messages.pofile import read_po

from caravan import PROJECT_ROOT

TRANSLATIONS = os.path.join(PROJECT_ROOT, "caravan", "translations")
LRM = "\u200e"


def load_glossary() -> list[dict]:
    with open(os.path.join(TRANSLATIONS, "glossary.toml"), "rb") as fh:
        return tomllib.load(fh)["term"]


def load_catalog(lang: str) -> dict[str, tuple[str, ...]]:
    """msgid (singular) -> its translations (one per plural form)."""
    with open(os.path.join(TRANSLATIONS, lang, "LC_MESSAGES", "messages.po"), "rb") as fh:
        catalog = read_po(fh)
    out = {}
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            out[ids[0]] = tuple(message.string) if isinstance(message.string, tuple) else (message.string,)
    return out


def glossary_breaches(terms: list[dict], lang: str, catalog: dict[str, tuple[str, ...]]) -> list[str]:
    """Entries whose English uses a glossary term but whose translation does not use the glossary's form."""
    breaches = []
    for term in terms:
        patterns = [re.compile(p, re.IGNORECASE) for p in term["en"]]
        allowed = term.get("allow", {})
        for msgid, strings in catalog.items():
            if msgid in allowed or not any(p.search(msgid) for p in patterns):
                continue
            for string in strings:
                if not any(form in string for form in term[lang]):
                    breaches.append(f"{term['concept']}: {msgid!r} → {string!r} uses none of {term[lang]}")
                for bad in term.get("avoid", []):
                    if bad in string:
                        breaches.append(f"{term['concept']}: {msgid!r} → {string!r} uses {bad!r}")
    return breaches


@pytest.mark.parametrize("lang", ["zh", "ug"])
def test_translations_use_the_glossary_forms(lang):
    breaches = glossary_breaches(load_glossary(), lang, load_catalog(lang))
    assert breaches == [], "\n".join(breaches)


def test_the_glossary_check_catches_a_wrong_word():
    """The check itself: a tablet called 平板电脑 or an office called 办公室 is refused; an allowed msgid is not."""
    terms = [{"concept": "Tablet", "en": [r"\btablets?\b"], "zh": ["平板"], "avoid": ["平板电脑"]},
             {"concept": "Office", "en": [r"\boffice\b"], "zh": ["县局"], "allow": {"Office pages": "a section"}}]
    catalog = {"Tablets": ("平板电脑",), "Ask the office.": ("请问办公室。",), "Office pages": ("管理页面",),
               "Revoke this tablet": ("停用此平板",)}
    breaches = glossary_breaches(terms, "zh", catalog)
    assert len(breaches) == 2 and "'Tablets'" in breaches[0] and "'Ask the office.'" in breaches[1]


def test_every_allowed_exception_names_a_real_msgid_and_says_why():
    catalog = load_catalog("zh")
    for term in load_glossary():
        for msgid, reason in term.get("allow", {}).items():
            assert msgid in catalog, f"{term['concept']}: allow-list names {msgid!r}, which no longer exists"
            assert reason.strip()


def test_uyghur_text_starting_with_a_sign_or_digit_keeps_its_order():
    """'+1 visitor' must not show as '1+ …' in right-to-left text: the string starts with a left-to-right mark."""
    catalog = load_catalog("ug")
    starting = {msgid: s for msgid, strings in catalog.items() for s in strings if re.match(r"[+\-\d]", msgid)
                and re.match(rf"{LRM}?[+\-]", s)}
    assert "+1 visitor" in starting
    assert all(s.startswith(LRM) for s in starting.values()), starting


def test_no_uyghur_case_suffix_is_glued_to_a_placeholder():
    """'%(time)s دا' cannot follow vowel harmony: the value is unknown when the sentence is written."""
    glued = re.compile(r"%\(\w+\)[sd] (دا|دە|تا|تە|غا|قا|گە|كە|دىن|تىن|گىچە|غىچە|قىچە|كىچە|سى|ى)(?=[\s.،؛:!؟»)]|$)")
    catalog = load_catalog("ug")
    offending = {msgid: s for msgid, strings in catalog.items() for s in strings if glued.search(s)}
    assert offending == {}, offending


@pytest.mark.parametrize("lang, label", [("zh", "姓名"), ("ug", "ئىسىم-فامىلىسى")])
def test_a_residents_name_is_labelled_as_a_persons_name(client, build, lang, label):
    """The tablet's registration form and the resident's pass say 姓名 / ئىسىم-فامىلىسى, not 名称 / نامى."""
    strings = client.get("/field/app/strings.json").get_json()[lang]
    assert strings["name"] == label
    shell = client.get("/field/app", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert f'<span data-t="name">{label}</span><input name="name"' in shell
    attendee = build.attendee()
    page = client.get(f"/p/{attendee.pass_token}", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert f"<dt>{label}</dt><dd>{attendee.name}</dd>" in page


@pytest.mark.parametrize("lang, thing", [("zh", "名称"), ("ug", "نامى")])
def test_a_things_name_keeps_the_word_for_things(lang, thing):
    assert load_catalog(lang)["Name"] == (thing,)


def test_the_tablet_says_what_a_posting_does_not_provide():
    """Not provided is said in words ('No housing'), not as a crossed-out 'Housing'."""
    from caravan.field.strings import STRINGS
    for perk in ("housing", "meals", "transport"):
        assert {f"{perk}_yes", f"{perk}_no"} <= set(STRINGS) and perk not in STRINGS
    zh, ug = load_catalog("zh"), load_catalog("ug")
    assert zh["No housing"] == ("不提供住宿",) and ug["No housing"] == ("ياتاق بىلەن تەمىنلەنمەيدۇ",)
    with open(os.path.join(PROJECT_ROOT, "static", "css", "field.css"), encoding="utf-8") as fh:
        assert "line-through" not in fh.read()
    with open(os.path.join(PROJECT_ROOT, "static", "css", "public.css"), encoding="utf-8") as fh:
        assert "line-through" not in fh.read()
