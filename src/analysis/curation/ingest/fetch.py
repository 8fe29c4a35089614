"""Stage 1, fetch and clean: a page (URL, HTML file or plain text) to its main text.

Pages are fetched with a timeout, a size limit and a user agent that names the project; HTML
(fetched or from a file) goes through one path, trafilatura's main-text extraction, which drops
navigation, image captions, cookie banners and footers. Plain text is taken as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import AnalysisError
from analysis.textio import read_text

#: the largest page ``ingest`` reads (a long release is 20-50 kB, a page with its navigation a few hundred kB)
MAX_INPUT_BYTES = 1_000_000
#: seconds to wait for a server to answer (connect, and each read)
TIMEOUT = 20
USER_AGENT = ("wbcoop-ingest/0.2 (Western Balkans migration and border-security cooperation workbook; "
              "drafts one event from one press release for a curator; python-urllib)")
_HTML = re.compile(r"<(?:html|body|p|div|br|span|article|h\d)\b", re.I)


@dataclass
class Page:
    """A page's main text, where it came from and, when the page states it, when it was published."""

    text: str
    label: str
    url: str | None = None
    published: str | None = None  # ISO date of the page's own stamp (metadata), if any
    html: bool = False


def looks_like_html(raw: str) -> bool:
    return bool(_HTML.search(raw[:20000]))


def is_url(source: str | Path) -> bool:
    return bool(re.match(r"https?://", str(source), re.I))


def fetch(url: str, *, limit: int = MAX_INPUT_BYTES, timeout: float = TIMEOUT) -> str:
    """The page at ``url`` as text; any failure is one :class:`AnalysisError` line."""
    import socket  # here: reading a file should not pay for the network modules
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read(limit + 1)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise AnalysisError(f"{url}: the server answered HTTP {exc.code} ({exc.reason}); check the address") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise AnalysisError(f"{url}: cannot resolve the host name (offline?); save the page and pass the file instead") from None
        if isinstance(reason, TimeoutError | socket.timeout):
            raise AnalysisError(f"{url}: no answer within {timeout:g} s; try again later or pass a saved copy") from None
        raise AnalysisError(f"{url}: cannot fetch the page ({getattr(reason, 'strerror', None) or reason}); "
                            "save the page and pass the file instead") from None
    except TimeoutError:
        raise AnalysisError(f"{url}: no answer within {timeout:g} s; try again later or pass a saved copy") from None
    except OSError as exc:
        raise AnalysisError(f"{url}: cannot fetch the page ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise AnalysisError(f"{url}: larger than {limit:,} bytes, the limit for a press release page")
    if not charset:
        meta = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
        charset = meta.group(1).decode("ascii") if meta else "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def main_text(html: str) -> tuple[str, str | None]:
    """The main text of an HTML page (title first, one paragraph a line) and its publication date.

    >>> main_text("<html><body><nav><a href='/'>Home</a></nav><article><h1>Talks</h1><p>Skopje – MARRI met IOM "
    ...           "on 3 May 2019 to talk about readmission and the return of migrants.</p></article></body></html>")[0]
    'Talks\\nSkopje – MARRI met IOM on 3 May 2019 to talk about readmission and the return of migrants.'
    """
    import trafilatura  # imported here: plain-text ingest should not pay for it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, favor_precision=True, deduplicate=False, fast=True)
    if doc is None or not (doc.text or "").strip():
        from analysis.curation.ingest.text import plain_text

        return plain_text(html), None  # nothing like an article: every visible line, as before
    body = doc.text.strip()
    title = (doc.title or "").strip()
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.splitlines()]
    return "\n".join(line for line in lines if line), doc.date or None


def load(source: str | Path, *, limit: int = MAX_INPUT_BYTES) -> Page:
    """Read a URL, a file or standard input (``-``) and clean it to its main text."""
    if is_url(source):
        raw, label, url = fetch(str(source), limit=limit), str(source), str(source)
    else:
        raw, label = read_text(source, limit=limit, what="press release")
        url = None
    if not raw.strip():
        raise AnalysisError(f"{label}: the press release is empty")
    if looks_like_html(raw):
        text, published = main_text(raw)
        if not text.strip():
            raise AnalysisError(f"{label}: the page has no readable text")
        return Page(text, label, url, published, html=True)
    return Page(raw, label, url)
