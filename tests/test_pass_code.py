"""The short pass code: derived from the pass hash, shown on the pass page and the printed card."""
from caravan import printing
from caravan.services.codes import CODE_ALPHABET, pass_code, pass_code_of_token, pass_hash, show_pass_code
from tests.pass_code_vectors import VECTORS
from tests.test_pdf import page_images, pdf_text


def test_the_shared_vectors():
    for token, hash_hex, code in VECTORS:
        assert pass_hash(token) == hash_hex
        assert pass_code(hash_hex) == code == pass_code_of_token(token)
    assert show_pass_code("9B2VGNGF") == "9B2V-GNGF"


def test_codes_use_the_unambiguous_alphabet_and_spread(app, build):
    codes = {pass_code_of_token(build.attendee().pass_token) for _ in range(50)}
    assert len(codes) == 50
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)


def test_the_pass_page_shows_the_code(client, build):
    person = build.attendee()
    page = client.get(f"/p/{person.pass_token}").get_data(as_text=True)
    assert show_pass_code(pass_code_of_token(person.pass_token)) in page


def test_the_printed_pass_card_shows_the_code(app, build, tmp_path):
    village = build.area("village", name_zh="博斯坦村", name_ug="بوستان كەنتى")
    people = [build.attendee(name="阿依古丽", village=village), build.attendee(name="دىلنۇر ئابلىز", village=village)]
    pdf = printing.passes_pdf(people, "ug")
    text = pdf_text(pdf, tmp_path)
    for person in people:
        assert show_pass_code(pass_code_of_token(person.pass_token)) in text
    page_images(pdf, tmp_path, dpi=150)[0].crop((0, 0, 1100, 400)).save(tmp_path / "card.png")
