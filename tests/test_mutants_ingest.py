"""Ingest's public stages asserted on small realistic inputs: a page's text (HTML reduced to its
visible lines), fetching (charset, errors, size limit) without a network, dates and their
evidence lines, folding, and the draft's place. Written against the sampled survivors of
docs/mutation.md; each test checks what a curator would see, not how it is computed.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from http_fakes import Response, serve

from analysis.curation.ingest import extract, find_dates, load, plain_text
from analysis.curation.ingest.dates import relative_dates
from analysis.curation.ingest.fetch import fetch, main_text
from analysis.curation.ingest.matching import Folded, fold, fold_char
from analysis.errors import AnalysisError

# --- plain text of a page -------------------------------------------------------------------------


def test_plain_text_keeps_visible_blocks_one_per_line_and_drops_scripts_and_styles():
    page = ("<html><head><title>Site</title><style>p { color: red }</style></head><body>"
            "<h1>Talks in Skopje</h1><p>MARRI met IOM &ndash; readmission &amp; return.</p>"
            "<script>track()</script><p>Second  <span>paragraph</span>\u00a0here.</p><div>Third</div></body></html>")
    assert plain_text(page) == "Talks in Skopje\nMARRI met IOM – readmission & return.\nSecond paragraph here.\nThird"


def test_plain_text_shows_text_after_each_of_several_scripts_and_styles():
    page = "<p>One</p><script>a()</script><p>Two</p><style>p { margin: 0 }</style><noscript>enable js</noscript><p>Three</p>"
    assert plain_text(page).split("\n") == ["One", "Two", "Three"]


def test_plain_text_recognises_upper_case_tags():
    assert plain_text("<P>Skopje</P><P>Tirana</P>") == "Skopje\nTirana"


def test_plain_text_of_text_collapses_spaces_and_drops_blank_lines():
    assert plain_text("  Skopje, 3 May 2019 \r\n\r\n\tMARRI  met IOM.  \n\n") == "Skopje, 3 May 2019\nMARRI met IOM."


# --- fetching, with urlopen replaced (no network) -------------------------------------------------


def test_fetch_decodes_with_the_charset_the_page_declares(monkeypatch):
    body = '<html><head><meta charset="windows-1251"></head><body><p>Скопје, Министерство</p></body></html>'.encode("cp1251")
    serve(monkeypatch, Response(body))
    assert "Скопје, Министерство" in fetch("https://example.org/a")


def test_fetch_prefers_the_charset_of_the_http_header(monkeypatch):
    body = "<p>Kuprešaković, Đurđevac</p>".encode("cp1250")
    serve(monkeypatch, Response(body, "text/html; charset=windows-1250"))
    assert fetch("https://example.org/a") == "<p>Kuprešaković, Đurđevac</p>"


def test_fetch_with_an_unknown_charset_falls_back_to_utf8_and_replaces_bad_bytes(monkeypatch):
    body = b'<meta charset="no-such-codec"><p>Ni\xc5\xa1 \xff ok</p>'
    serve(monkeypatch, Response(body))
    assert fetch("https://example.org/a") == '<meta charset="no-such-codec"><p>Niš \ufffd ok</p>'


def test_fetch_reads_at_most_one_byte_past_the_limit_and_refuses_a_larger_page(monkeypatch):
    resp = Response(b"<p>" + b"x" * 500 + b"</p>")
    calls = serve(monkeypatch, resp)
    with pytest.raises(AnalysisError, match="larger than 100 bytes"):
        fetch("https://example.org/big", limit=100)
    assert resp.asked == [101]  # a huge page is not downloaded whole before it is refused
    assert calls[0][0].get_header("User-agent").startswith("wbcoop-ingest/")


@pytest.mark.parametrize(("error", "said"), [
    pytest.param(urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), "(Connection refused)", id="refused"),
    pytest.param(urllib.error.URLError("unknown url type: htps"), "(unknown url type: htps)", id="reason-text"),
    pytest.param(ConnectionResetError(104, "Connection reset by peer"), "(Connection reset by peer)", id="reset"),
])
def test_fetch_failures_say_why_in_one_line(monkeypatch, error, said):
    serve(monkeypatch, error)
    with pytest.raises(AnalysisError) as caught:
        fetch("https://example.org/a")
    message = str(caught.value)
    assert message.startswith("https://example.org/a: cannot fetch the page ") and said in message
    assert "\n" not in message and "Errno" not in message


ARTICLE = ('<html><head><title>Talks on readmission</title>'
           '<meta property="article:published_time" content="2019-05-03"></head><body><nav>Home | News</nav>'
           '<article><h1>Talks on readmission</h1><p>Skopje – MARRI met IOM on 3 May 2019 to talk about readmission '
           'and the return of migrants in the region.</p><table><tr><td>Table cell text</td></tr></table></article>'
           '</body></html>')


def test_load_of_a_url_gives_the_main_text_the_date_and_the_url_as_label(monkeypatch):
    serve(monkeypatch, Response(ARTICLE.encode("utf-8"), "text/html; charset=utf-8"))
    page = load("https://example.org/news/1")
    assert (page.label, page.url, page.published, page.html) == ("https://example.org/news/1", "https://example.org/news/1",
                                                                 "2019-05-03", True)
    assert page.text.split("\n") == ["Talks on readmission", "Skopje – MARRI met IOM on 3 May 2019 to talk about "
                                     "readmission and the return of migrants in the region."]


def test_main_text_puts_the_title_first_once():
    text, published = main_text(ARTICLE)
    assert text.count("Talks on readmission") == 1 and text.startswith("Talks on readmission\n")
    assert "Table cell text" not in text and "Home" not in text and published == "2019-05-03"


# --- dates and where they are stated --------------------------------------------------------------


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("The meeting was held May 29 - June 1, 2023 in Ohrid.", ("2023-05-29", "2023-06-01"), id="md-md-y"),
    pytest.param("held from 30 September to 2 October 2019", ("2019-09-30", "2019-10-02"), id="dmy-dmy"),
    pytest.param("on March 3-5, 2021", ("2021-03-03", "2021-03-05"), id="m-dd-y"),
])
def test_spans_over_two_months_or_days(text, span):
    found = find_dates(text)
    assert found, text
    assert (found[0]["date_start"], found[0]["date_end"], found[0]["date_precision"]) == (*span, "span")


def test_a_date_evidence_names_its_line():
    found = find_dates("Skopje\nThe meeting was held on May 29 - June 1, 2023 in Ohrid.")
    assert [d["evidence"] for d in found] == ["line 2: 'May 29 - June 1, 2023'"]


SENTENCE = " the ministers of the interior of the region met in Skopje to talk about readmission."


@pytest.mark.parametrize(("text", "stamp"), [
    pytest.param("11/9/2018" + SENTENCE, True, id="opens-the-line"),
    pytest.param("On 11/9/2018" + SENTENCE, False, id="third-character"),
    pytest.param("Skopje, 11/9/2018" + SENTENCE, False, id="after-the-dateline"),
    pytest.param("Skopje\n11/9/2018\nThe ministers met.", True, id="alone-on-its-line"),
])
def test_a_numeric_date_is_a_page_stamp_only_at_the_start_of_a_line_or_alone(text, stamp):
    found = find_dates(text)
    assert [(d["date_start"], d["stamp"]) for d in found] == [("2018-09-11", stamp)]


def test_yesterday_is_counted_from_the_publication_date_with_its_line():
    found = relative_dates("Skopje\nYesterday the ministers met.\nThey agreed on a plan.", "2023-06-02")
    assert [(d["date_start"], d["date_end"], d["evidence"]) for d in found] == [
        ("2023-06-01", "2023-06-01", "line 2: 'Yesterday' counted from the publication date 2023-06-02")]


# --- folding: case, diacritics, scripts ------------------------------------------------------------


@pytest.mark.parametrize(("char", "folded"), [("É", "e"), ("č", "c"), ("Ş", "s"), ("đ", "d"), ("ж", "z"), ("中", "中"), ("K", "k")])
def test_fold_char(char, folded):
    assert fold_char(char) == folded


def test_fold_of_letters_seen_for_the_first_time():
    # letters no other test folds: the table fills itself on first use
    assert fold("Ŵŷńḱ Ȟ") == "wynk h"


@pytest.mark.parametrize(("phrase", "written"), [
    pytest.param("minister of the interior", "Minister of Interior", id="several-words"),
    pytest.param("ministar dacic", "Ministar Dačić", id="diacritics"),
    pytest.param("montenegro", "Montenegro", id="after-a-longer-fold"),
])
def test_a_phrase_is_found_and_shown_as_written(phrase, written):
    # "Љ" folds to two letters: the spans still map back to the original text
    f = Folded("Љубљана: Ministar Dačić met the Minister of Interior of Montenegro.")
    assert f.span(*f.find_words(phrase)) == written
    assert f.find_words("kosovo") == (-1, -1)


# --- the draft's place ----------------------------------------------------------------------------


def test_the_dateline_city_is_the_event_place():
    draft = extract("Skopje, 3 May 2019 – MARRI met IOM to discuss readmission and the return of migrants.")
    assert draft["place"] == {"id": "skopje", "name": "Skopje", "country": "MK"}


def test_an_online_meeting_is_placed_online():
    draft = extract("3 May 2019 – MARRI held an online meeting with IOM on readmission and the return of migrants.")
    assert draft["place"] == {"id": "online", "name": "Online"}


def test_the_draft_says_on_which_line_each_fact_was_found():
    draft = extract("Skopje, 3 May 2019 – MARRI met IOM to discuss readmission of migrants.\n"
                    "IOM presented its work against migrant smuggling.")
    ev = draft["evidence"]
    assert (draft["date_start"], ev["date"]) == ("2019-05-03", "line 1: '3 May 2019'")
    assert ev["place"] == "line 1: 'Skopje, 3 May 2019' (dateline)"
    assert dict(zip(draft["topics"], ev["topics"], strict=True)) == {"migrant-smuggling": "line 2: 'migrant smuggling'",
                                                                     "readmission": "line 1: 'readmission'"}
    assert {o["id"]: o["evidence"] for o in draft["organisations"]} == {"marri": "line 1: 'MARRI'", "iom": "line 1: 'IOM'"}


@pytest.mark.parametrize(("opening", "kind"), [
    pytest.param("The Police Training Centre hosted a workshop for border police", "workshop", id="training-in-a-name"),
    pytest.param("MARRI held a training for border police", "training", id="training"),
])
def test_a_kind_word_inside_a_bodys_name_is_not_the_events_kind(opening, kind):
    draft = extract(f"Skopje, 3 May 2019 – {opening} on readmission of migrants.")
    assert (draft["kind"], draft["evidence"]["kind"]) == (kind, f"'{kind}' in the opening sentences")


@pytest.mark.parametrize(("text", "roles"), [
    pytest.param("MARRI and IOM met to discuss readmission of migrants. Representatives of UNHCR and Frontex took part.",
                 [("marri", "partner"), ("iom", "partner"), ("unhcr", "participant"), ("frontex", "participant")],
                 id="two-partners-then-participants"),
    pytest.param("MARRI held a meeting on readmission of migrants.", [("marri", "participant")], id="alone"),
])
def test_the_first_two_organisations_are_the_partners_the_others_take_part(text, roles):
    draft = extract(f"Skopje, 3 May 2019 – {text}")
    assert [(o["id"], o["role"]) for o in draft["organisations"]] == roles
