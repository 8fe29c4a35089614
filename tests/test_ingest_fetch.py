"""Stage 1 of ingest, fetch and clean: pages from a local server and stored HTML, never the network."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from analysis.curation.ingest import extract
from analysis.curation.ingest.fetch import USER_AGENT, fetch, load, main_text
from analysis.errors import AnalysisError

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "trm-mavrovo.html"


class _Handler(http.server.SimpleHTTPRequestHandler):
    seen_agents: list[str] = []  # noqa: RUF012 (shared on purpose: the test reads what the server saw)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(FIXTURES), **kwargs)

    def do_GET(self):
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "ingest", *args], capture_output=True, text=True, timeout=60)


def test_main_text_drops_clutter():
    text, published = main_text(PAGE.read_text(encoding="utf-8"))
    assert text.startswith("TRM Project Team Meeting, Mavrovo")
    assert "MAVROVO, Macedonia – The Programme" in text
    for clutter in ("cookies", "About MARRI", "Mavrovo lake", "All rights reserved", "Latest news", "Bulevar Ilinden", "Facebook"):
        assert clutter not in text, clutter
    assert published == "2008-09-12"


def test_html_file_gives_the_facts_of_the_release():
    page = load(PAGE)
    d = extract(page.text, url="http://marri-rc.org.mk/x", published=page.published)
    assert (d["date_start"], d["date_end"]) == ("2008-09-08", "2008-09-10")
    assert d["place"]["id"] == "mavrovo"
    assert {"icmpd", "marri", "unicef", "usaid"} <= {o["id"] for o in d["organisations"]}


def test_ingest_url_and_html_file_give_the_same_draft(server):
    url = f"{server}/{PAGE.name}"
    by_url, by_file = _run(url, "--url", url), _run(str(PAGE), "--url", url)
    assert by_url.returncode == 0 and by_file.returncode == 0, by_url.stderr + by_file.stderr
    body = lambda out: out.split("\nevents:", 1)[1]  # noqa: E731 (the header names the source)
    assert body(by_url.stdout) == body(by_file.stdout)
    assert any("wbcoop-ingest" in ua for ua in _Handler.seen_agents), "the user agent names the project"
    assert USER_AGENT.startswith("wbcoop-ingest/")


def test_url_is_the_default_source_url(server):
    url = f"{server}/{PAGE.name}"
    out = _run(url)
    assert out.returncode == 0 and f"url: {url}" in out.stdout


@pytest.mark.parametrize(("path", "message"), [
    pytest.param("/missing.html", "HTTP 404", id="http-error"),
])
def test_http_errors_are_one_line(server, path, message):
    out = _run(f"{server}{path}")
    assert out.returncode == 1 and message in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_offline_is_one_line():
    import socket

    with socket.socket() as s:  # a port nobody listens on: connection refused, as when offline
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = _run(f"http://127.0.0.1:{port}/release.html")
    assert out.returncode == 1 and "cannot fetch the page" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_size_limit_and_timeout(server):
    with pytest.raises(AnalysisError, match="larger than 100 bytes"):
        fetch(f"{server}/{PAGE.name}", limit=100)
    with socket_that_never_answers() as url, pytest.raises(AnalysisError, match="no answer within"):
        fetch(url, timeout=0.3)


class socket_that_never_answers:
    def __enter__(self) -> str:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/slow"

    def __exit__(self, *exc):
        self.sock.close()
