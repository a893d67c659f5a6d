"""QR codes for pages and PDFs: a compact SVG (inline or as a data URI) and PNG.

Payloads are exactly ``<PUBLIC_BASE_URL>/j/<code>``, ``/e/<code>`` and ``/p/<token>``. Codes and tokens
are upper-case, so qrcode's segment optimisation packs the path in QR's denser alphanumeric mode.
"""
from __future__ import annotations

import base64
import io

import qrcode
from flask import current_app
from qrcode.constants import ERROR_CORRECT_M

def public_url(kind: str, code: str) -> str:
    """``<PUBLIC_BASE_URL>/<kind>/<code>``: the exact payload printed for a posting (j), event (e) or pass (p)."""
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/{kind}/{code}"


def matrix(data: str, border: int = 2) -> list[list[bool]]:
    """The modules of the QR code of ``data`` (medium error correction), with a quiet zone of ``border``."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    return qr.get_matrix()


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
    """The QR code of ``data`` as PNG bytes (for tablets' downloads and tests)."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    out = io.BytesIO()
    qr.make_image().save(out, format="PNG")
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
