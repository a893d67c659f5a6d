"""What makes the tablet app installable and usable offline: the web app manifest and the service worker.

The worker is rendered by Flask at ``/sw.js`` (scope ``/``) with its precache list and a version made
from a hash over the files it precaches, so any change of a static file installs a new worker, with no
build step.
"""
from __future__ import annotations

import hashlib
import json
import os

from flask import Flask, Response, current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

#: Static files of the app shell, relative to static/. The field JS modules are added by listing.
SHELL_STATIC = [
    "css/caravan.css", "css/field.css",
    "vendor/barcode-detector.js", "vendor/zxing_reader.wasm", "vendor/uqr.mjs",
    "icons/caravan.svg", "icons/caravan-192.png", "icons/caravan-512.png",
    "icons/housing.svg", "icons/meals.svg", "icons/transport.svg",
]
FIELD_JS = "js/field"


def shell_static_files() -> list[str]:
    """Static paths the worker precaches: the fixed list and every module under static/js/field/."""
    folder = os.path.join(current_app.static_folder, FIELD_JS)
    modules = sorted(f"{FIELD_JS}/{name}" for name in os.listdir(folder) if name.endswith(".js"))
    return SHELL_STATIC + modules


def shell_version(files: list[str]) -> str:
    """A short hash over the precached static files, the shell template and the app's texts."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode())
        with open(os.path.join(current_app.static_folder, path), "rb") as fh:
            digest.update(fh.read())
    for template in ("field/app.html", "field/sw.js"):
        with open(os.path.join(current_app.template_folder, template), "rb") as fh:
            digest.update(fh.read())
    from caravan.field.strings import catalog
    digest.update(json.dumps(catalog(), sort_keys=True).encode())
    return digest.hexdigest()[:16]


def service_worker():
    """The service worker, from the site root so that its scope covers /field/app."""
    files = shell_static_files()
    urls = [url_for("field.app"), url_for("field.strings")] + [url_for("static", filename=f) for f in files]
    body = render_template("field/sw.js", version=shell_version(files), precache=json.dumps(urls),
                           shell=json.dumps(url_for("field.app")))
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


def manifest():
    """The web app manifest: the tablet app, installable on a home screen, named in Chinese."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        name, short_name = _("Job Caravan · Tablet"), _("Job Caravan")
    data = {
        "name": name, "short_name": short_name, "lang": "zh", "dir": "ltr",
        "start_url": url_for("field.app"), "scope": "/", "id": url_for("field.app"),
        "display": "standalone", "orientation": "landscape",
        "background_color": "#ffffff", "theme_color": "#0b6e4f",
        "icons": [
            {"src": url_for("static", filename="icons/caravan-192.png"), "sizes": "192x192", "type": "image/png",
             "purpose": "any"},
            {"src": url_for("static", filename="icons/caravan-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "any"},
            {"src": url_for("static", filename="icons/caravan.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = Response(json.dumps(data, ensure_ascii=False), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


def init_app(app: Flask) -> None:
    """Serve /sw.js and /manifest.webmanifest from the site root."""
    app.add_url_rule("/sw.js", "service_worker", service_worker)
    app.add_url_rule("/manifest.webmanifest", "manifest", manifest)
