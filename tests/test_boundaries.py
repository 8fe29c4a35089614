"""Where bugs hide: the edges of a selection window, organisation names typed in another case or
without their diacritics, dates written with other dashes or as numbers, and files with CRLF line
ends or a byte-order mark being read and appended to. Hypothesis states the rules as properties."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from analysis.curation.append import _appended, add_drafts
from analysis.curation.ingest import find_dates
from analysis.record.load import Record, check, load
from analysis.reports.select import resolve_organisations, select
from conftest import rows, write_rows

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="session")
def small_rec(small_record: Path) -> Record:
    return load(small_record)


def _with_dates(rec: Record, start: dt.date, end: dt.date) -> tuple[Record, str]:
    """A copy of ``rec`` whose first event runs from ``start`` to ``end``."""
    tables = {name: df.copy() for name, df in rec.tables.items()}
    events = tables["events"]
    events.loc[0, "date_start"], events.loc[0, "date_end"] = pd.Timestamp(start), pd.Timestamp(end)
    return Record(rec.package, tables), str(events.event_id.iloc[0])


# --- period edges ---------------------------------------------------------------------------------

DAY = dt.timedelta(days=1)


@st.composite
def window_and_event(draw):
    """A selection window and an event whose ends are often exactly on, or a day off, its edges."""
    first = draw(st.dates(dt.date(2005, 1, 1), dt.date(2025, 12, 31)))
    last = first + draw(st.integers(0, 400)) * DAY
    near = [first - DAY, first, first + DAY, last - DAY, last, last + DAY]
    start = draw(st.sampled_from(near) | st.dates(dt.date(2004, 1, 1), dt.date(2026, 12, 31)))
    end = draw(st.sampled_from([d for d in near if d >= start] or [start]) | st.just(start) | st.just(start + 3 * DAY))
    return first, last, start, end


@FAST
@given(window_and_event())
@example((dt.date(2014, 3, 1), dt.date(2014, 3, 31), dt.date(2014, 2, 20), dt.date(2014, 3, 1)))  # ends on the first day
@example((dt.date(2014, 3, 1), dt.date(2014, 3, 31), dt.date(2014, 3, 31), dt.date(2014, 4, 2)))  # starts on the last day
@example((dt.date(2014, 3, 1), dt.date(2014, 3, 31), dt.date(2014, 2, 27), dt.date(2014, 2, 28)))  # ends the day before
@example((dt.date(2014, 3, 1), dt.date(2014, 3, 31), dt.date(2014, 4, 1), dt.date(2014, 4, 1)))  # starts the day after
def test_an_event_is_selected_exactly_when_its_dates_touch_the_window(small_rec, case):
    first, last, start, end = case
    changed, eid = _with_dates(small_rec, start, end)
    chosen = set(select(changed, period=f"{first}/{last}").events.event_id)
    assert (eid in chosen) == (start <= last and end >= first), (first, last, start, end)


@pytest.mark.parametrize(("start", "end", "period", "kept"), [
    pytest.param("2014-01-01", "2014-01-01", "2014", True, id="first-day-of-the-year"),
    pytest.param("2014-12-31", "2014-12-31", "2014", True, id="last-day-of-the-year"),
    pytest.param("2013-12-31", "2013-12-31", "2014", False, id="day-before-the-year"),
    pytest.param("2015-01-01", "2015-01-01", "2014", False, id="day-after-the-year"),
    pytest.param("2013-12-30", "2014-01-01", "2014-2016", True, id="span-ending-on-the-first-day"),
    pytest.param("2016-12-31", "2017-01-03", "2014-2016", True, id="span-starting-on-the-last-day"),
    pytest.param("2016-12-31", "2016-12-31", "2014–2016", True, id="en-dash-range-last-day"),
])
def test_year_periods_keep_their_first_and_last_day(small_rec, start, end, period, kept):
    changed, eid = _with_dates(small_rec, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert (eid in set(select(changed, period=period).events.event_id)) is kept


# --- organisation names ---------------------------------------------------------------------------


def _strip_marks(text: str) -> str:
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("typed", ["giz", "GIZ", "Giz", "Deutsche Gesellschaft für Internationale Zusammenarbeit",
                                   "DEUTSCHE GESELLSCHAFT FÜR INTERNATIONALE ZUSAMMENARBEIT",
                                   "deutsche gesellschaft fur internationale zusammenarbeit"])
def test_an_organisation_is_found_whatever_the_case_and_diacritics(typed):
    full = load_full()
    assert resolve_organisations(full, [typed]) == ["giz"]
    assert set(select(full, organisations=[typed]).events.event_id) == set(select(full, organisations=["giz"]).events.event_id)


_FULL: list[Record] = []


def load_full() -> Record:
    if not _FULL:
        _FULL.append(load())
    return _FULL[0]


@FAST
@given(st.data())
def test_any_casing_or_lost_diacritics_of_a_name_finds_the_same_organisation(data):
    full = load_full()
    orgs = full.organisations
    accented = orgs[~orgs.name.map(str.isascii)]
    assert len(accented) >= 5
    row = data.draw(st.sampled_from(list(accented.itertuples())) | st.sampled_from(list(orgs.itertuples())))
    expected = resolve_organisations(full, [row.name])
    flips = data.draw(st.lists(st.booleans(), min_size=len(row.name), max_size=len(row.name)))
    typed = "".join(c.upper() if f else c.lower() for c, f in zip(row.name, flips, strict=True))
    if data.draw(st.booleans()):
        typed = _strip_marks(typed)
    assert resolve_organisations(full, [typed]) == expected


def test_organisations_with_letters_that_do_not_decompose():
    full = load_full()
    assert resolve_organisations(full, ["gradjanska alijansa (civic alliance)"]) == ["gradjanska-alijansa-civic-alliance"]
    assert resolve_organisations(full, ["Vasa prava BiH"]) == ["vasa-prava-bih"]


# --- dates in ingest ------------------------------------------------------------------------------

DASHES = ["-", "–", "—", "‒", "−", "‑", " - ", " – ", "–", " to ", " until "]


@pytest.mark.parametrize(("text", "start", "end"), [
    pytest.param("held on 29–31 May 2019 in Skopje", "2019-05-29", "2019-05-31", id="en-dash-days"),
    pytest.param("held on 29 May – 1 June 2019 in Skopje", "2019-05-29", "2019-06-01", id="en-dash-across-months"),
    pytest.param("held on 29-31.05.2019 in Skopje", "2019-05-29", "2019-05-31", id="numeric-span"),
    pytest.param("held on 29.-31.05.2019 in Skopje", "2019-05-29", "2019-05-31", id="numeric-span-dotted-day"),
    pytest.param("held on 29–31.05.2019 in Skopje", "2019-05-29", "2019-05-31", id="numeric-span-en-dash"),
    pytest.param("held on 31 December 2019 – 2 January 2020", "2019-12-31", "2020-01-02", id="across-years"),
    pytest.param("held on May 29–31, 2019", "2019-05-29", "2019-05-31", id="month-first"),
])
def test_date_and_dash_variants(text, start, end):
    found = find_dates(text)
    assert found, text
    assert (found[0]["date_start"], found[0]["date_end"], found[0]["date_precision"]) == (start, end, "span")


@FAST
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 5), st.sampled_from(DASHES),
       st.sampled_from(["written", "numeric", "two-months"]))
def test_a_span_keeps_its_start_whatever_the_dash(first, days, dash, form):
    last = first + days * DAY
    if form == "written":
        assume(first.month == last.month)
        text = f"The meeting took place {first.day}{dash}{last.day} {first:%B %Y} in Ohrid."
    elif form == "numeric":
        assume(first.month == last.month and dash.strip() in ("-", "–", "—", "‒", "−", "‑"))
        text = f"The meeting took place {first.day}{dash}{last:%d.%m.%Y} in Ohrid."
    else:
        assume(first.year == last.year and dash.strip() in ("-", "–", "—", "‒", "−", "‑", "to", "until"))
        text = f"The meeting took place {first.day} {first:%B}{dash}{last.day} {last:%B %Y} in Ohrid."
    found = find_dates(text)
    assert found, text
    assert (found[0]["date_start"], found[0]["date_end"]) == (first.isoformat(), last.isoformat()), text


# --- line ends and encodings ----------------------------------------------------------------------


def _crlf_bom(folder: Path) -> None:
    for path in folder.glob("*.csv"):
        data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        path.write_bytes(codecs.BOM_UTF8 + data)


def _line_ends(data: bytes) -> set[str]:
    """The line ends of a file whose values hold no newline."""
    ends = set()
    if b"\r\n" in data:
        ends.add("crlf")
    if data.replace(b"\r\n", b"").count(b"\n"):
        ends.add("lf")
    return ends


def test_a_bom_and_crlf_file_gives_the_right_line_after_a_quoted_newline(small_pkg: Path):
    path = small_pkg / "events.csv"
    table = rows(path)
    table[1][table[0].index("summary")] = "first line\r\nsecond line"  # a value spanning two lines
    table[3][table[0].index("kind")] = "banquet"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(table)
    path.write_bytes(codecs.BOM_UTF8 + buf.getvalue().encode("utf-8"))
    hits = [p for p in check(small_pkg).problems if p.rule == "enum"]
    assert [(p.file, p.line, p.column, p.value) for p in hits] == [("events.csv", 5, "kind", "banquet")]


def test_add_keeps_crlf_and_the_bom_of_every_file_it_appends_to(small_pkg: Path, tmp_path: Path):
    _crlf_bom(small_pkg)
    assert check(small_pkg).ok
    before = {p.name: p.read_bytes() for p in small_pkg.glob("*.csv")}
    draft = tmp_path / "d.yaml"
    draft.write_text(yaml.safe_dump({"title": "Workshop on border checks in Ohrid", "url": "https://example.org/ohrid-crlf",
                                     "kind": "workshop", "date_start": "2003-05-06", "place": {"name": "Ohrid", "country": "MK"},
                                     "countries": ["MK"], "topics": ["border-security"],
                                     "organisations": [{"id": "marri", "role": "organiser"}]}), encoding="utf-8")
    result = add_drafts(draft, small_pkg)
    assert {"events.csv", "event_topics.csv", "event_countries.csv", "event_organisations.csv"} <= set(result.changed_files)
    for name in result.changed_files:
        after = (small_pkg / name).read_bytes()
        assert after.startswith(before[name]), f"{name}: the existing rows must stay byte for byte"
        assert after.startswith(codecs.BOM_UTF8), name
        assert _line_ends(after) == {"crlf"}, f"{name}: appended with other line ends"
    assert check(small_pkg).ok
    rec = load(small_pkg)
    assert "https://example.org/ohrid-crlf" in set(rec.events.source_url)


CELL = st.text(alphabet=st.sampled_from(list('ab ,"é;ђ|=')), max_size=8)


@FAST
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=0, max_size=4),
       st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=3),
       st.sampled_from(["\n", "\r\n"]), st.booleans(), st.booleans(), st.permutations(["a", "b", "c"]))
def test_appending_keeps_the_files_line_ends_bom_and_column_order(existing, new, newline, bom, final_newline, order):
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows([order, *existing])
    text = buf.getvalue() if final_newline else buf.getvalue().removesuffix(newline)
    original = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    added = [dict(zip(["a", "b", "c"], r, strict=True)) for r in new]
    out = _appended(original, added, ["a", "b", "c"])
    assert out.startswith(original)
    if b"\n" in original:  # the file's own line ends (a lone header without one has no style to keep)
        assert _line_ends(out) == ({"crlf"} if newline == "\r\n" else {"lf"})
    else:
        assert len(_line_ends(out)) == 1
    assert out.startswith(codecs.BOM_UTF8) is bom
    parsed = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert parsed == [order, *existing, *[[r[c] for c in order] for r in added]]


def test_appending_a_value_with_a_newline_to_a_crlf_file(tmp_path: Path):
    original = codecs.BOM_UTF8 + b"a,b\r\n1,2\r\n"
    out = _appended(original, [{"a": "two\nlines", "b": "x"}, {"a": "3", "b": "4"}], ["a", "b"])
    assert out == original + b'"two\nlines",x\r\n3,4\r\n'
    path = tmp_path / "t.csv"
    path.write_bytes(out)
    assert rows(path) == [["a", "b"], ["1", "2"], ["two\nlines", "x"], ["3", "4"]]
    write_rows(path, rows(path))  # the helper itself round-trips
