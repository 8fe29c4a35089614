"""What report pages say in words: escaped Markdown, event dates as precisely as the record knows
them, the event table's columns, and the overview paragraph's computed facts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.reports import publish
from analysis.reports.select import Selection


@pytest.fixture
def shown(monkeypatch):
    """Everything the page would display, in order."""
    out: list = []
    monkeypatch.setattr(publish, "_display", out.append)
    monkeypatch.delenv(publish.ENV_DIR, raising=False)
    return out


def test_md_escapes_html_and_every_markdown_special():
    assert publish.md("a\\b`c*d_e[f]g|h~i") == "a\\\\b\\`c\\*d\\_e\\[f\\]g\\|h\\~i"
    assert publish.md("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert publish.md('say "hi"') == 'say "hi"'  # quotes need no escaping in Markdown text
    assert publish.md(2017) == "2017"


def test_say_fills_the_template_with_escaped_values(shown):
    publish.say("## {name} ({n})", name="<MARRI>*", n=3)
    assert [type(m).__name__ for m in shown] == ["Markdown"]
    assert shown[0].data == "## &lt;MARRI&gt;\\* (3)"


def test_say_without_values_shows_the_template_as_written(shown):
    publish.say("braces {stay} as *they are*")
    assert shown[0].data == "braces {stay} as *they are*"


def _row(precision, start, end):
    return pd.Series({"date_precision": precision, "date_start": pd.Timestamp(start) if start else pd.NaT,
                      "date_end": pd.Timestamp(end) if end else pd.NaT})


@pytest.mark.parametrize(("precision", "start", "end", "label"), [
    ("day", "2017-05-30", "2017-05-30", "2017-05-30"),
    ("span", "2017-05-29", "2017-05-31", "2017-05-29 to 2017-05-31"),
    ("month", "2017-05-01", "2017-05-31", "2017-05"),
    ("year", "2017-01-01", "2017-12-31", "2017"),
    ("window", "2017-05-30", "2018-09-06", "between 2017-05-30 and 2018-09-06"),
    ("unknown", None, None, "undated"),
    ("day", None, None, "undated"),
    ("unknown", "2017-05-30", "2017-05-30", "undated"),
])
def test_date_label_for_every_precision(precision, start, end, label):
    assert publish.date_label(_row(precision, start, end)) == label


def test_count_agrees_in_number():
    assert publish._count(1, "is", "are") == "1 is"
    assert publish._count(2, "is", "are") == "2 are"
    assert publish._count(0, "event", "events") == "0 events"


def _events(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for c in ("date_start", "date_end"):
        df[c] = pd.to_datetime(df[c])
    for c in ("kind", "status", "date_precision"):
        df[c] = df[c].astype("category")
    return df


EVENTS = [
    {"event_id": "ev-1", "title": "Border workshop", "kind": "workshop", "status": "held", "place": "Skopje", "place_id": "pl-1",
     "organisations": "MARRI", "source_url": "https://www.marri-rc.org/a", "date_start": "2016-03-01", "date_end": "2016-03-31",
     "date_precision": "month"},
    {"event_id": "ev-2", "title": "Readmission meeting", "kind": "meeting", "status": "planned", "place": None, "place_id": "",
     "organisations": "IOM; MARRI", "source_url": "http://iom.int/b", "date_start": "2017-06-05", "date_end": "2017-06-05",
     "date_precision": "day"},
    {"event_id": "ev-3", "title": "Second workshop", "kind": "workshop", "status": "held", "place": "Tirana", "place_id": "pl-2",
     "organisations": "MARRI", "source_url": "https://marri-rc.org/c", "date_start": "2018-01-01", "date_end": "2019-02-10",
     "date_precision": "window"},
    {"event_id": "ev-4", "title": "Undated training", "kind": "training", "status": "cancelled", "place": "Tirana",
     "place_id": "pl-2", "organisations": "", "source_url": "https://www.frontex.europa.eu/d", "date_start": None,
     "date_end": None, "date_precision": "unknown"},
]


def test_event_table_columns_and_values():
    sel = Selection(record=None, events=_events(EVENTS), criteria={})
    t = publish.event_table(sel)
    assert list(t.columns) == ["date", "title", "kind", "status", "place", "organisations", "source", *publish.EVENT_IDS]
    assert t.date.tolist() == ["2016-03", "2017-06-05", "between 2018-01-01 and 2019-02-10", "undated"]
    assert t.place.tolist() == ["Skopje", "", "Tirana", "Tirana"]
    assert t.kind.tolist() == ["workshop", "meeting", "workshop", "training"]
    assert t.status.tolist() == ["held", "planned", "held", "cancelled"]
    assert t.source.tolist() == [e["source_url"] for e in EVENTS]
    assert t.event_id.tolist() == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert t.date_start.tolist()[:3] == ["2016-03-01", "2017-06-05", "2018-01-01"]
    assert t.date_end.tolist()[:3] == ["2016-03-31", "2017-06-05", "2019-02-10"]
    assert t.date_precision.tolist() == ["month", "day", "window", "unknown"]
    assert t.place_id.tolist() == ["pl-1", "", "pl-2", "pl-2"]
    assert t.organisations.tolist() == ["MARRI", "IOM; MARRI", "MARRI", ""]


def test_event_table_of_nothing_keeps_its_columns():
    sel = Selection(record=None, events=_events(EVENTS).iloc[0:0], criteria={})
    t = publish.event_table(sel)
    assert t.empty
    assert list(t.columns) == ["date", "title", "kind", "status", "place", "organisations", "source", *publish.EVENT_IDS]


def test_overview_states_the_computed_facts():
    sel = Selection(record=None, events=_events(EVENTS), criteria={"period": "2016-2019", "organisations": ["MARRI"]})
    text = publish.overview(sel)
    assert text == (
        "**4 events** match (period: 2016-2019; organisations: MARRI), from March 2016 to February 2019: "
        "2 reported held and 1 planned or announced. The most frequent kinds are 2 workshops, 1 meeting, 1 training. "
        "1 is dated only to a month or year and 1 is only to a window of possible dates; figures place them by their "
        "earliest possible date and draw their uncertainty. "
        "The events rest on pages from 3 source sites.")


def test_overview_of_one_precise_event_uses_the_singular_and_no_uncertainty_sentence():
    sel = Selection(record=None, events=_events(EVENTS[1:2]), criteria={})
    assert publish.overview(sel) == (
        "**1 event** match (all events), from June 2017 to June 2017: 0 reported held and 1 planned or announced. "
        "The most frequent kinds are 1 meeting. The events rest on pages from 1 source site.")


def test_overview_of_an_empty_selection_says_how_to_widen_it():
    sel = Selection(record=None, events=_events(EVENTS).iloc[0:0], criteria={"kinds": ["<b>x</b>"]})
    assert publish.overview(sel) == (
        "**No events match this selection** (kinds: &lt;b&gt;x&lt;/b&gt;). Widen the period or remove a criterion; "
        "`python -m analysis info` shows what the record holds.")


def test_display_hands_the_object_to_ipython(monkeypatch):
    import IPython.display

    seen = []
    monkeypatch.setattr(IPython.display, "display", seen.append)
    publish._display("shown")
    assert seen == ["shown"]


def test_overview_counts_coarse_dates_alone_and_in_the_plural():
    rows = [dict(EVENTS[0], event_id=f"ev-{n}", kind=kind) for n, kind in enumerate(["workshop", "meeting", "training", "forum"])]
    rows[1].update(date_precision="year", date_start="2016-01-01", date_end="2016-12-31")
    sel = Selection(record=None, events=_events(rows), criteria={})
    text = publish.overview(sel)
    assert "The most frequent kinds are 1 workshop, 1 meeting, 1 training. " in text  # the top three only
    assert ("4 are dated only to a month or year and 0 are only to a window of possible dates; figures place them by their "
            "earliest possible date and draw their uncertainty. ") in text
