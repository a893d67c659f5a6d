"""The tablet app's manifest, service worker and texts, as served by Flask."""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil

from PIL import Image

from caravan.field.strings import STRINGS


def fetch(client, url: str) -> tuple[int, bytes, str]:
    """Status, body and mimetype of a GET, with the response closed (static files are streamed)."""
    with client.get(url) as response:
        return response.status_code, response.get_data(), response.mimetype


def precache_of(body: str) -> list[str]:
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))


def test_service_worker_lists_the_shell_and_is_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    urls = precache_of(body)
    for needed in ("/field/app", "/field/app/strings.json", "/static/css/field.css", "/static/js/field/app.js",
                   "/static/js/field/sync.js", "/static/vendor/zxing_reader.wasm", "/static/vendor/uqr.mjs",
                   "/static/vendor/barcode-detector.js", "/static/icons/caravan-512.png"):
        assert needed in urls
    assert not any(url.startswith("/api/") for url in urls)
    for url in urls:  # a missing file would make the worker's install fail on every tablet
        assert fetch(client, url)[0] == 200, url
    assert re.search(r'const VERSION = "[0-9a-f]{16}";', body)


def test_version_changes_with_any_static_file(app, client, tmp_path):
    version = lambda: re.search(r'VERSION = "(\w+)"', client.get("/sw.js").get_data(as_text=True)).group(1)  # noqa: E731
    before = version()
    assert version() == before
    copy = tmp_path / "static"
    shutil.copytree(app.static_folder, copy)
    original = app.static_folder
    app.static_folder = str(copy)
    try:
        assert version() == before
        with open(copy / "css" / "field.css", "a", encoding="utf-8") as fh:
            fh.write("\n/* changed */\n")
        assert version() != before
    finally:
        app.static_folder = original


def test_manifest_is_installable_and_chinese(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    data = json.loads(response.get_data(as_text=True))
    assert data["name"] == "就业大篷车 · 平板" and data["lang"] == "zh"
    assert data["start_url"] == "/field/app" and data["display"] == "standalone"
    for icon in data["icons"]:
        if icon["type"] != "image/png":
            continue
        image = Image.open(io.BytesIO(fetch(client, icon["src"])[1]))
        assert f"{image.width}x{image.height}" == icon["sizes"]


def test_app_shell_has_no_inline_script_and_links_the_manifest(client):
    html = client.get("/field/app").get_data(as_text=True)
    assert 'rel="manifest"' in html
    assert "style=" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag
    assert re.search(r"<script[^>]*>(?!</script>)", html) is None  # every script element is empty


def test_strings_in_every_language(client):
    catalog = client.get("/field/app/strings.json").get_json()
    assert set(catalog) == {"zh", "ug", "en"}
    for lang, texts in catalog.items():
        assert set(STRINGS) <= set(texts)
        assert all(texts[key] for key in STRINGS), lang
    assert catalog["zh"]["checked_in"] == "签到成功" and catalog["en"]["checked_in"] == "Checked in"
    assert catalog["ug"]["sectors"]["agriculture"] != catalog["en"]["sectors"]["agriculture"]


def test_served_reader_wasm_is_the_one_the_polyfill_expects(client):
    polyfill = fetch(client, "/static/vendor/barcode-detector.js")[1].decode()
    _, wasm, mimetype = fetch(client, "/static/vendor/zxing_reader.wasm")
    assert mimetype == "application/wasm"
    assert hashlib.sha256(wasm).hexdigest() in polyfill
