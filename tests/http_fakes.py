"""A stand-in for ``urllib.request.urlopen``: the page a test serves, and the requests ``fetch`` sent."""

from __future__ import annotations

import email.message
import urllib.request


class Response:
    """A page as ``urlopen`` returns it; ``asked`` records each ``read`` size."""

    def __init__(self, body: bytes, content_type: str = "text/html"):
        self.body = body
        self.headers = email.message.Message()
        self.headers["Content-Type"] = content_type
        self.asked: list[int | None] = []

    def read(self, n=None):
        self.asked.append(n)
        return self.body if n is None else self.body[:n]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def serve(monkeypatch, outcome) -> list:
    """Serve ``outcome`` (a Response, or an exception to raise) to every request; the list of
    (request, timeout) pairs ``fetch`` sent fills as it asks."""
    calls: list = []

    def urlopen(req, timeout=None):
        calls.append((req, timeout))
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    return calls
