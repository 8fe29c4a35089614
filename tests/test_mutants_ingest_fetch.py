"""Ingest's first stage without a network: what a page looks like (HTML or text, URL or file), the request ``fetch`` sends
(headers, timeout, size limit), each failure's one line, and ``load`` of a file (plain text as it is, HTML to its main text,
empty or unreadable pages refused). Written for mutation testing (docs/mutation.md).
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest
from http_fakes import Response, serve

from analysis.curation.ingest import MAX_INPUT_BYTES, load
from analysis.curation.ingest.fetch import TIMEOUT, Page, fetch, is_url, looks_like_html, main_text
from analysis.errors import AnalysisError


def test_what_looks_like_html_and_what_is_a_url():
    assert looks_like_html("<P>x") and looks_like_html("text <div class='a'>") and looks_like_html("<h2>T</h2>")
    assert not looks_like_html("a <b>bold</b> word") and not looks_like_html("<paragraph>") and not looks_like_html("Skopje – met")
    assert not looks_like_html("x" * 20000 + "<p>late</p>")
    assert looks_like_html("x" * 19990 + "<p>")
    assert is_url("https://example.org") and is_url("HTTP://EXAMPLE.ORG") and is_url("http://x")
    assert not is_url("ftp://example.org") and not is_url("file.html") and not is_url(" https://x")


def test_fetch_sends_the_project_s_agent_what_it_accepts_and_the_timeout(monkeypatch):
    calls = serve(monkeypatch, Response(b"<p>ok</p>", "text/html; charset=utf-8"))
    assert fetch("https://example.org/a") == "<p>ok</p>"
    assert fetch("https://example.org/b", timeout=3) == "<p>ok</p>"
    (req, timeout), (_, timeout_b) = calls
    assert (req.full_url, timeout, timeout_b) == ("https://example.org/a", TIMEOUT, 3)
    assert req.get_header("User-agent").startswith("wbcoop-ingest/") and "python-urllib" in req.get_header("User-agent")
    assert req.get_header("Accept") == "text/html,text/plain;q=0.9,*/*;q=0.5"


def test_a_page_at_the_limit_is_read_and_one_byte_more_is_refused(monkeypatch):
    serve(monkeypatch, Response(b"x" * 10, "text/plain; charset=utf-8"))
    assert fetch("https://example.org/a", limit=10) == "x" * 10
    with pytest.raises(AnalysisError) as caught:
        fetch("https://example.org/a", limit=9)
    assert str(caught.value) == "https://example.org/a: larger than 9 bytes, the limit for a press release page"


def test_a_charset_is_looked_for_in_the_first_4096_bytes_only(monkeypatch):
    text = "Đurđevac"
    early = b'<meta charset="cp1250">' + text.encode("cp1250")
    serve(monkeypatch, Response(early))
    assert fetch("https://example.org/a").endswith(text)
    late = b" " * 4100 + b'<meta charset="cp1250">' + text.encode("cp1250")
    serve(monkeypatch, Response(late))
    assert fetch("https://example.org/a").endswith("\ufffdur\ufffdevac")  # read as UTF-8


@pytest.mark.parametrize(("error", "message"), [
    pytest.param(urllib.error.HTTPError("https://example.org/a", 404, "Not Found", None, None),
                 "https://example.org/a: the server answered HTTP 404 (Not Found); check the address", id="http"),
    pytest.param(urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
                 "https://example.org/a: cannot resolve the host name (offline?); save the page and pass the file instead", id="dns"),
    pytest.param(urllib.error.URLError(TimeoutError("timed out")),
                 "https://example.org/a: no answer within 2.5 s; try again later or pass a saved copy", id="url-timeout"),
    pytest.param(TimeoutError("timed out"), "https://example.org/a: no answer within 2.5 s; try again later or pass a saved copy",
                 id="read-timeout"),
    pytest.param(OSError("disk"), "https://example.org/a: cannot fetch the page (disk)", id="os-error"),
    pytest.param(urllib.error.URLError(OSError(5, "I/O")), "https://example.org/a: cannot fetch the page (I/O); "
                 "save the page and pass the file instead", id="url-os-error"),
])
def test_each_failure_is_one_line_saying_what_to_do(monkeypatch, error, message):
    serve(monkeypatch, error)
    with pytest.raises(AnalysisError) as caught:
        fetch("https://example.org/a", timeout=2.5)
    assert str(caught.value) == message


def test_load_of_a_plain_text_file_is_the_text_as_it_is(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text("Skopje, 3 May 2019 – MARRI met IOM.\n\nSecond  line.", encoding="utf-8")
    page = load(path)
    assert page == Page("Skopje, 3 May 2019 – MARRI met IOM.\n\nSecond  line.", str(path), None, None, False)


def test_load_refuses_an_empty_release_and_a_page_without_text(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n", encoding="utf-8")
    with pytest.raises(AnalysisError) as caught:
        load(empty)
    assert str(caught.value) == f"{empty}: the press release is empty"
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body><div> </div><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(AnalysisError) as caught:
        load(blank)
    assert str(caught.value) == f"{blank}: the page has no readable text"
    big = tmp_path / "big.txt"
    big.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(AnalysisError, match="larger than 10 bytes"):
        load(big, limit=10)
    assert MAX_INPUT_BYTES == 1_000_000


def test_an_html_file_without_an_article_falls_back_to_its_visible_lines(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><div>Skopje</div><div>MARRI met</div></body></html>", encoding="utf-8")
    page = load(path)
    assert (page.text, page.label, page.url, page.published, page.html) == ("Skopje\nMARRI met", str(path), None, None, True)


def test_main_text_adds_the_title_unless_the_text_opens_with_it_and_tidies_spaces():
    body = ("<p>Skopje –  MARRI met\u00a0IOM on 3 May 2019 to talk about readmission and the return of migrants in the region, "
            "with the partners of the project.</p>")
    text, published = main_text(f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>")
    assert text == ("Talks\nSkopje – MARRI met IOM on 3 May 2019 to talk about readmission and the return of migrants in the region, "
                    "with the partners of the project.")
    assert published == "2019-05-03"  # the page's date as trafilatura reads it
    text, _ = main_text(f"<html><head><title>Skopje</title></head><body><article>{body}</article></body></html>")
    assert text.startswith("Skopje – MARRI") and text.count("Skopje") == 1
