"""QR codes for pages and PDFs: a compact SVG (inline or as a data URI) and PNG.

Payloads are exactly ``<PUBLIC_BASE_URL>/j/<code>``, ``/e/<code>`` and ``/p/<token>``. Codes and tokens
are upper-case, so qrcode's segment optimisation packs the path in QR's denser alphanumeric mode.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from urllib.parse import urlsplit

import qrcode
from flask import current_app
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

def public_url(kind: str, code: str) -> str:
    """``<PUBLIC_BASE_URL>/<kind>/<code>``: the exact payload printed for a posting (j), event (e) or pass (p)."""
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/{kind}/{code}"


def public_url_is_local() -> bool:
    """Whether links and QR codes for residents lead to this machine only (PUBLIC_BASE_URL left at its
    default, or another loopback address): a phone that opens one reaches nothing."""
    host = urlsplit(current_app.config["PUBLIC_BASE_URL"]).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


@lru_cache(maxsize=2048)
def matrix(data: str, border: int = 2) -> tuple[tuple[bool, ...], ...]:
    """The modules of the QR code of ``data`` (medium error correction), with a quiet zone of ``border``.

    qrcode tries all eight masks and keeps the most readable one; that costs about 75 ms in pure Python,
    so codes are kept (a poster printed twice, a pass page opened again).
    """
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


def svg(data: str, size: str = "100%", border: int = 2, title: str = "") -> str:
    """The QR code of ``data`` as a small SVG element: one path, dark runs merged row by row.

    ``size`` is the CSS width and height (e.g. ``"40mm"``); the view box is in modules, so it scales sharply.
    """
    rows = matrix(data, border)
    n = len(rows)
    parts = []
    for y, row in enumerate(rows):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    label = f'<title>{_escape(title)}</title>' if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{size}" height="{size}" '
            f'shape-rendering="crispEdges" role="img">{label}<rect width="{n}" height="{n}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(parts)}"/></svg>')


def svg_data_uri(data: str, border: int = 2) -> str:
    """The SVG of :func:`svg` as a ``data:`` URI, for ``<img src>`` in PDFs."""
    encoded = base64.b64encode(svg(data, border=border).encode()).decode("ascii")
    return "data:image/svg+xml;base64," + encoded


def png(data: str, box_size: int = 8, border: int = 2) -> bytes:
    """The QR code of ``data`` as a black-and-white PNG, ``box_size`` pixels per module."""
    rows = matrix(data, border)
    n = len(rows)
    image = Image.new("1", (n, n), 1)
    image.putdata([0 if dark else 1 for row in rows for dark in row])
    if box_size > 1:
        image = image.resize((n * box_size, n * box_size), Image.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def png_data_uri(data: str, border: int = 2) -> str:
    """A one-pixel-per-module PNG as a ``data:`` URI, for PDFs.

    Tiny (a few hundred bytes) and cheap for WeasyPrint to draw, unlike an SVG path of hundreds of
    runs; the PDF CSS prints it with ``image-rendering: pixelated``, so the modules stay sharp squares.
    """
    return "data:image/png;base64," + base64.b64encode(png(data, box_size=1, border=border)).decode("ascii")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
