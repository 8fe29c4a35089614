"""Ingest's sentences and dates pinned on small synthetic inputs: what ``plain_text``, ``sentences`` and ``sentence_at``
promise (blocks, abbreviations, boundaries), every written date form ``find_dates`` reads, when a numeric date is a page
stamp, relative dates counted from the publication date, and which date ``event_date`` picks. Each test asserts the exact
result a curator would see; written for mutation testing (docs/mutation.md), not against particular mutants.
"""

from __future__ import annotations

import pytest

from analysis.curation.ingest.dates import _month, event_date, find_dates, publication_date, relative_dates
from analysis.curation.ingest.text import Sentence, _line_of, plain_text, sentence_at, sentences

# --- plain text and sentences -------------------------------------------------------------------


def test_plain_text_breaks_blocks_keeps_inline_text_and_drops_head_noscript_and_style():
    html = "<head><title>t</title></head><div>a\r\n b</div><br>c<noscript>x</noscript><style>y</style>d<span>e</span>"
    assert plain_text(html) == "a\nb\ncde"


def test_plain_text_skips_a_style_nested_in_the_head_to_the_head_s_end():
    assert plain_text("<head><style>a</style>b</head><p>c</p>") == "c"


def test_plain_text_of_plain_text_normalises_line_ends_and_spaces():
    assert plain_text("a\r\nb \t\u00a0 c\n\n  \nd") == "a\nb c\nd"


def test_sentences_skip_abbreviations_and_initials_and_give_lines_and_offsets():
    text = 'Dr. Ana met prof. Bo. Then? Yes!  "Quoted" ok.\n\n  Tail text  '
    assert [(s.line, s.start, s.text) for s in sentences(text)] == [
        (1, 0, "Dr. Ana met prof. Bo."), (1, 22, "Then?"), (1, 28, "Yes!"), (1, 34, '"Quoted" ok.'), (3, 50, "Tail text")]


def test_a_full_stop_before_a_lower_case_word_does_not_end_a_sentence_but_one_letter_words_are_initials():
    assert [s.text for s in sentences("He came in 2019. the end. X. Y went. A b.")] == ["He came in 2019. the end.", "X. Y went.", "A b."]


def test_a_sentence_end_is_its_start_plus_its_length():
    assert Sentence(2, 10, "Five.").end == 15


def test_sentence_at_covers_a_sentence_and_the_one_character_after_it():
    sents = sentences("One.  Two.")
    assert [(s.start, s.end) for s in sents] == [(0, 4), (6, 10)]
    found = [sentence_at(sents, p) for p in range(12)]
    assert [s.text if s else None for s in found] == ["One."] * 5 + [None] + ["Two."] * 5 + [None]
    assert sentence_at([], 0) is None


def test_sentence_at_sees_a_list_that_grew_since_its_last_look_up():
    sents = sentences("One.")
    assert sentence_at(sents, 10) is None
    sents.append(Sentence(1, 10, "Later."))
    assert sentence_at(sents, 12).text == "Later."
    other = sentences("Alpha beta.")
    assert sentence_at(other, 3).text == "Alpha beta."
    assert sentence_at(sents, 2).text == "One."


def test_line_of_counts_the_line_breaks_before_an_offset():
    text = "a\nbb\nccc"
    assert [_line_of(text, p) for p in (0, 1, 2, 4, 5, 7)] == [1, 1, 2, 2, 3, 3]


# --- written dates --------------------------------------------------------------------------------


def _dates(text: str) -> list[tuple]:
    return [(d["date_start"], d["date_end"], d["date_precision"], d["stamp"], d["pos"], d["evidence"]) for d in find_dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("March 3 - April 5, 2019", ("2019-03-03", "2019-04-05", "span", 0, "March 3 - April 5, 2019"), id="md-md-y"),
    pytest.param("March 3-5, 2019", ("2019-03-03", "2019-03-05", "span", 0, "March 3-5, 2019"), id="m-dd-y"),
    pytest.param("3-5 March 2019", ("2019-03-03", "2019-03-05", "span", 0, "3-5 March 2019"), id="dd-m"),
    pytest.param("on 5 May 2021 we", ("2021-05-05", "2021-05-05", "day", 3, "5 May 2021"), id="dmy"),
    pytest.param("May 5, 2021", ("2021-05-05", "2021-05-05", "day", 0, "May 5, 2021"), id="mdy"),
    pytest.param("from 30 May to 2 June 2021", ("2021-05-30", "2021-06-02", "span", 0, "from 30 May to 2 June 2021"), id="dmy-dmy"),
    pytest.param("12th of June 2018", ("2018-06-12", "2018-06-12", "day", 0, "12th of June 2018"), id="ordinal-of"),
    pytest.param("5 Dec 2020", ("2020-12-05", "2020-12-05", "day", 0, "5 Dec 2020"), id="short-month"),
    pytest.param("5 decembra 2020", ("2020-12-05", "2020-12-05", "day", 0, "5 decembra 2020"), id="inflected-month"),
    pytest.param("5 Shtator 2020", ("2020-09-05", "2020-09-05", "day", 0, "5 Shtator 2020"), id="albanian-month"),
    pytest.param("29-31.05.2019", ("2019-05-29", "2019-05-31", "span", 0, "29-31.05.2019"), id="numeric-span"),
    pytest.param("in June 2020", ("2020-06", None, "month", 0, "in June 2020"), id="month"),
    pytest.param("March 2019", ("2019-03", None, "month", 0, "March 2019"), id="month-alone"),
    pytest.param("30 December 2020 - 2 January 2021", ("2020-12-30", "2021-01-02", "span", 0, "30 December 2020 - 2 January 2021"),
                 id="over-new-year"),
    pytest.param("od 3. do 5. marta 2021", ("2021-03-03", "2021-03-05", "span", 0, "od 3. do 5. marta 2021"), id="od-do"),
    pytest.param("3 until 5 March 2021", ("2021-03-03", "2021-03-05", "span", 0, "3 until 5 March 2021"), id="until"),
    pytest.param("3 and 4 March 2021", ("2021-03-03", "2021-03-04", "span", 0, "3 and 4 March 2021"), id="and"),
    pytest.param("3 deri 5 mars 2021", ("2021-03-03", "2021-03-05", "span", 0, "3 deri 5 mars 2021"), id="deri"),
    pytest.param("1st–3rd June 2019", ("2019-06-01", "2019-06-03", "span", 0, "1st–3rd June 2019"), id="ordinals-en-dash"),
    pytest.param("June 3 to June 5, 2019", ("2019-06-03", "2019-06-05", "span", 0, "June 3 to June 5, 2019"), id="md-to-md"),
    pytest.param("March 3 to 5, 2019", ("2019-03-03", "2019-03-05", "span", 0, "March 3 to 5, 2019"), id="m-d-to-d"),
    pytest.param("3 March, 2019", ("2019-03-03", "2019-03-03", "day", 0, "3 March, 2019"), id="comma-before-year"),
    pytest.param("29.–31.05.2019", ("2019-05-29", "2019-05-31", "span", 0, "29.–31.05.2019"), id="numeric-span-dots"),
])
def test_each_written_form_of_a_date(text, expected):
    start, end, prec, pos, shown = expected
    stamp = prec == "day" and shown == text  # a line holding only a day's date is the page's stamp (ingest v13)
    assert _dates(text) == [(start, end, prec, stamp, pos, f"line 1: {shown!r}")]


def test_a_span_needs_a_year_and_a_day_that_exists_and_ends_after_it_starts():
    assert find_dates("3 - 5 March") == []
    assert [(d["date_start"], d["date_precision"], d["evidence"]) for d in find_dates("31 February 2020")] == \
        [("2020-02", "month", "line 1: 'February 2020'")]
    assert [(d["date_start"], d["date_end"]) for d in find_dates("10 - 5 May 2020")] == [("2020-05-05", "2020-05-05")]


def test_a_month_name_is_read_by_its_longest_stem():
    assert (_month("sept."), _month("avgusta"), _month("jun"), _month("juli")) == (9, 8, 6, 7)
    with pytest.raises(KeyError) as caught:
        _month("xyz")
    assert caught.value.args == ("xyz",)


def test_numeric_dates_are_day_first_unless_a_date_on_the_page_cannot_be():
    assert [d["date_start"] for d in find_dates("11/9/2018 and 4/3/2018")] == ["2018-09-11", "2018-03-04"]
    assert [d["date_start"] for d in find_dates("5/13/2019 and 4/3/2019")] == ["2019-05-13", "2019-04-03"]
    assert [d["date_start"] for d in find_dates("2021-05-07")] == ["2021-05-07"]
    assert [d["date_start"] for d in find_dates("2019/5/3")] == ["2019-05-03"]
    assert [d["date_start"] for d in find_dates("3/5/2019 and 13/5/2019")] == ["2019-05-03", "2019-05-13"]


def test_dates_come_in_text_order_and_an_overlap_is_read_once():
    text = "Held on 7 June 2021; before that, from 3 to 5 May 2021 and 2021-01-02."
    assert [(d["date_start"], d["date_end"]) for d in find_dates(text)] == [
        ("2021-06-07", "2021-06-07"), ("2021-05-03", "2021-05-05"), ("2021-01-02", "2021-01-02")]


def test_a_date_evidence_is_on_its_own_line_and_shows_the_original_text():
    text = "Title\n\nMinistarstvo, 16. srpnja 2024. godine"
    [d] = find_dates(text)
    assert (d["date_start"], d["pos"], d["evidence"]) == ("2024-07-16", text.index("16."), "line 3: '16. srpnja 2024'")


@pytest.mark.parametrize(("text", "stamp"), [
    pytest.param("13.05.2019", True, id="alone"),
    pytest.param("2021-05-07", True, id="ymd-alone"),
    pytest.param("Izvor: RTS, 14.10.2024, 15:36", True, id="time-after"),
    pytest.param("5 May 2021, 10:30", True, id="written-with-time"),
    pytest.param("5 May 2021 at 10.30", True, id="written-at-time"),
    pytest.param("a 14.10.2024 " + "x" * 60, True, id="two-characters-into-a-long-line"),
    pytest.param("ab 14.10.2024 " + "x" * 60, False, id="three-characters-into-a-long-line"),
    pytest.param("The meeting, held on 14.10.2024 in Skopje " + "x" * 17, True, id="49-characters-besides"),
    pytest.param("The meeting, held on 14.10.2024 in Skopje " + "x" * 18, False, id="50-characters-besides"),
    pytest.param("on 5 May 2021 we met", False, id="written"),
    pytest.param("held on 5 May 2021\n10:30", False, id="no-time-on-the-next-line"),
    pytest.param("Held at the ministry on 13.05.2019 with many partners from the region and beyond it.\nSecond.", False,
                 id="long-line-before-another"),
])
def test_when_a_date_is_a_page_stamp(text, stamp):
    assert [d["stamp"] for d in find_dates(text)] == [stamp]


def test_a_date_at_a_line_s_end_stays_written_when_a_stamp_opens_the_next_line():
    # the "time" after a date is on its own line: "06.05" on the next line is a date, not 10:30 (a bug found here)
    text = "MARRI and IOM met in Skopje on 5 May 2021.\n06.05.2021"
    assert [(d["date_start"], d["stamp"]) for d in find_dates(text)] == [("2021-05-05", False), ("2021-05-06", True)]
    assert _event(text) == ("2021-05-05", "2021-05-05", "day")


def test_publication_date_is_the_first_stamp():
    dates = find_dates("Held on 5 May 2021 in Skopje.\n06.05.2021\n07.05.2021")
    assert publication_date(dates) == "2021-05-06"
    assert publication_date(find_dates("Held on 5 May 2021.")) is None


# --- relative dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("We met yesterday and today.", [("2024-05-07", 7, "yesterday"), ("2024-05-08", 21, "today")], id="today-yesterday"),
    pytest.param("He came on Monday.", [("2024-05-06", 8, "on Monday")], id="monday"),
    pytest.param("on Wednesday", [("2024-05-08", 0, "on Wednesday")], id="same-weekday"),
    pytest.param("on Thursday", [("2024-05-02", 0, "on Thursday")], id="day-after-goes-back-a-week"),
    pytest.param("last Friday", [("2024-05-03", 0, "last Friday")], id="last"),
    pytest.param("U ponedeljak", [("2024-05-06", 0, "U ponedeljak")], id="bcms-weekday"),
    pytest.param("jučer je", [("2024-05-07", 0, "jučer")], id="bcms-yesterday"),
    pytest.param("this morning", [("2024-05-08", 0, "this morning")], id="this-morning"),
    pytest.param("on Monday, 6 May", [], id="weekday-with-a-date"),
    pytest.param("this past Monday", [("2024-05-06", 0, "this past Monday")], id="this-past"),
    pytest.param("na ponedeljak", [("2024-05-06", 0, "na ponedeljak")], id="na"),
    pytest.param("Сега денеска", [("2024-05-08", 5, "денеска")], id="macedonian-today"),
    pytest.param("dje", [("2024-05-07", 0, "dje")], id="albanian-yesterday"),
])
def test_relative_dates_are_counted_back_from_the_publication_date(text, expected):
    got = relative_dates(text, "2024-05-08")  # a Wednesday
    assert [(d["date_start"], d["pos"], d["evidence"]) for d in got] == [
        (day, pos, f"line 1: {shown!r} counted from the publication date 2024-05-08") for day, pos, shown in expected]
    assert all(d["date_end"] == d["date_start"] and d["date_precision"] == "day" and d["stamp"] is False for d in got)


def test_relative_dates_need_a_publication_date_and_use_its_day_only():
    assert relative_dates("yesterday", None) == []
    [d] = relative_dates("Line one\nyesterday", "2024-05-08T10:00:00")
    assert (d["date_start"], d["pos"], d["evidence"]) == ("2024-05-07", 9, "line 2: 'yesterday' counted from the publication date 2024-05-08")


# --- the event's date ---------------------------------------------------------------------------


def _event(text, *, published=None, place_names=None, place=None):
    d = event_date(text, find_dates(text), relative_dates(text, published), sentences(text), place_names or {}, place)
    return d and (d["date_start"], d["date_end"], d["date_precision"])


def test_a_date_in_a_sentence_wins_over_one_in_a_heading_which_wins_over_nothing():
    assert _event("Meeting report, 8 May 2019\nThe meeting took place on 9 May 2019.") == ("2019-05-09", "2019-05-09", "day")
    assert _event("Meeting report, 8 May 2019\nThe meeting took place in the city.") == ("2019-05-08", "2019-05-08", "day")


def test_a_heading_is_a_line_shorter_than_120_characters_not_ending_in_a_full_stop():
    body = "The meeting took place on 9 May 2019."
    short = "Report " + "x" * 100 + " 8 May 2019"  # 118 characters
    long = "Report " + "x" * 102 + " 8 May 2019"  # 120 characters
    assert _event(f"{short}\n{body}") == ("2019-05-09", "2019-05-09", "day")
    assert _event(f"{long}\n{body}") == ("2019-05-08", "2019-05-08", "day")  # a long line is a sentence: its date comes first
    assert _event("Report on 8 May 2019.\nThe meeting took place on 9 May 2019.") == ("2019-05-08", "2019-05-08", "day")
    # the heading is the date's own line, not the text from the first line break
    text = "Intro.\n" + "x" * 120 + ".\nReport, 8 May 2019\nThe meeting took place on 9 May 2019."
    assert _event(text) == ("2019-05-09", "2019-05-09", "day")


def test_the_date_of_another_thing_is_not_the_events():
    assert _event("The Action Plan adopted on 5 May 2021 was discussed. The meeting was held on 7 June 2021.") == \
        ("2021-06-07", "2021-06-07", "day")
    assert _event("The Action Plan adopted on 5 May 2021 was discussed at the meeting.") is None


def test_a_period_s_month_is_not_the_events_month():
    assert _event("The partners met in the period of June 2022.") is None
    assert _event("The partners met in June 2022.") == ("2022-06", None, "month")


def test_a_next_or_earlier_meeting_s_date_counts_only_when_it_is_the_only_date():
    assert _event("The next meeting will be on 5 June 2021. Today the partners met on 7 June 2021.") == ("2021-06-07", "2021-06-07", "day")
    assert _event("The next meeting will be on 5 June 2021 in the city.") == ("2021-06-05", "2021-06-05", "day")


def test_a_relative_date_comes_after_written_days_and_before_a_month():
    assert _event("The partners met yesterday in June 2022.", published="2024-05-08") == ("2024-05-07", "2024-05-07", "day")
    assert _event("The partners met yesterday, 5 May 2024.", published="2024-05-08") == ("2024-05-05", "2024-05-05", "day")


def test_a_page_stamp_alone_never_dates_the_event():
    assert _event("Skopje, 14.10.2024\nThe partners met.") is None
    assert _event("Skopje, 14.10.2024\nThe partners met yesterday.", published="2024-10-14") == ("2024-10-13", "2024-10-13", "day")


def test_a_date_in_a_sentence_naming_only_another_place_is_another_events():
    text = "The conference was held in Ohrid on 3 May 2021. The meeting in Skopje was held on 5 May 2022."
    names = {"ohrid": [text.index("Ohrid")], "skopje": [text.index("Skopje")]}
    assert _event(text, place_names=names, place={"id": "skopje"}) == ("2022-05-05", "2022-05-05", "day")
    assert _event(text, place_names=names, place={"id": "ohrid"}) == ("2021-05-03", "2021-05-03", "day")
    assert _event(text, place_names=names, place=None) == ("2021-05-03", "2021-05-03", "day")
    both = "The meeting in Skopje and Ohrid was held on 3 May 2021."
    assert _event(both, place_names={"ohrid": [both.index("Ohrid")], "skopje": [both.index("Skopje")]},
                  place={"id": "skopje"}) == ("2021-05-03", "2021-05-03", "day")
