"""Sending one SMS through the configured backend (``SMS_BACKEND``).

``file`` (the default) appends what would be sent, as one JSON line per message, to ``SMS_FILE`` in the
instance folder: a county without a gateway contract can try alerts, and a developer can read them.
``http`` POSTs ``{"to", "text", "id"}`` as JSON to ``SMS_GATEWAY_URL`` with ``SMS_GATEWAY_TOKEN`` as a
bearer token and a timeout of ``SMS_GATEWAY_TIMEOUT`` seconds. Any answer but a 2xx, and any network
failure, is a :class:`SmsError` the caller may retry; its ``code`` (``http_500``, ``timeout``,
``unreachable``) is safe to store and show: it never holds the number, the text or the gateway's answer.
"""
from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
from typing import Callable

from flask import current_app

from caravan.models.base import utcnow

#: A sender: (phone number, text, message id) -> None, raising SmsError when the message did not go.
Sender = Callable[[str, str, str], None]


class SmsError(Exception):
    """A message that did not go out; ``code`` names why, without personal data."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def sender() -> Sender:
    """The configured backend's sender."""
    backend = current_app.config["SMS_BACKEND"]
    if backend == "file":
        return _file_sender(os.path.join(current_app.instance_path, current_app.config["SMS_FILE"]))
    if backend == "http":
        url = current_app.config["SMS_GATEWAY_URL"]
        if not url:
            raise RuntimeError("SMS_BACKEND is http but SMS_GATEWAY_URL is not set")
        return _http_sender(url, current_app.config["SMS_GATEWAY_TOKEN"],
                            float(current_app.config["SMS_GATEWAY_TIMEOUT"]))
    raise RuntimeError(f"SMS_BACKEND must be file or http, not {backend!r}")


def _file_sender(path: str) -> Sender:
    def send(to: str, text: str, message_id: str) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        line = json.dumps({"at": utcnow().isoformat(), "id": message_id, "to": to, "text": text},
                          ensure_ascii=False)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    return send


def _http_sender(url: str, token: str, timeout: float) -> Sender:
    def send(to: str, text: str, message_id: str) -> None:
        body = json.dumps({"to": to, "text": text, "id": message_id}, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as exc:  # urlopen raises for every status from 400 up
            exc.close()
            raise SmsError(f"http_{exc.code}") from None
        except (TimeoutError, socket.timeout):
            raise SmsError("timeout") from None
        except urllib.error.URLError as exc:
            code = "timeout" if isinstance(exc.reason, (TimeoutError, socket.timeout)) else "unreachable"
            raise SmsError(code) from None
        except OSError:  # a connection reset while reading the answer
            raise SmsError("unreachable") from None
        if not 200 <= status < 300:  # a 1xx or 3xx that urllib did not follow
            raise SmsError(f"http_{status}")
    return send
