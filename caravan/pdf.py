"""PDFs through WeasyPrint: one :func:`render_pdf` for posters, flyers and pass cards.

Templates live in templates/pdf/ and load static/css/pdf.css relative to the static folder. The URL
fetcher lets WeasyPrint read our own static files and the ``data:`` images we make (QR codes), and
refuses everything else: no network, no other files, whatever a posting's text contains.
"""
from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from flask import current_app, has_request_context, render_template
from flask_babel import force_locale
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url


class StaticOnlyFetcher(URLFetcher):
    """Fetch ``data:`` URIs and files under ``static_dir``; refuse any other URL."""

    def __init__(self, static_dir: str):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.static_dir = os.path.realpath(static_dir)

    def fetch(self, url, headers=None):
        """Serve ``url`` if allowed; raise ValueError (WeasyPrint then skips the resource) if not."""
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise ValueError(f"refused: {scheme} URLs are not fetched")
        path = os.path.realpath(unquote(urlsplit(url).path))
        if os.path.commonpath([path, self.static_dir]) != self.static_dir or not os.path.isfile(path):
            raise ValueError("refused: only caravan's static files are fetched")
        with open(path, "rb") as fh:
            body = fh.read()
        content_type = "text/css" if path.endswith(".css") else None
        return URLFetcherResponse(path2url(path), body, {"Content-Type": content_type} if content_type else {})


def static_base_url() -> str:
    """The folder URL that relative links in PDF templates resolve against (the static folder)."""
    return path2url(os.path.join(current_app.static_folder, ""))


def render_pdf(template: str, locale: str | None = None, **context) -> bytes:
    """Render ``templates/pdf/<template>`` with ``context`` and return the PDF bytes.

    ``locale`` picks the language of the labels (default: the request's or the default language).
    """
    return render_document(template, locale, **context).write_pdf()


def render_document(template: str, locale: str | None = None, **context):
    """The laid-out WeasyPrint document of :func:`render_pdf`: its ``pages`` tell what fits on paper."""
    if locale is None:
        from caravan.i18n import current_locale_str
        locale = current_locale_str() if has_request_context() else current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        html = render_template(f"pdf/{template}", **context)
    fetcher = StaticOnlyFetcher(current_app.static_folder)
    return HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher).render()
