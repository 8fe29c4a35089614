"""Figures size themselves from their content: no two tick labels overlap, long row names are
wrapped rather than cut, and rows that would read the same are told apart."""

from __future__ import annotations

from itertools import pairwise

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import analysis
from analysis.reports import figures, views
from analysis.reports.select import select


@pytest.fixture(scope="module")
def sel():
    return select(analysis.load())


def _figures(sel):
    rec = sel.record
    yield "per-year", figures.per_year(sel.events)
    yield "timeline", figures.timeline(sel.events)
    yield "organisations-by-year", figures.heatmap(views.organisations_by_year(sel), "t", "Year", "Organisation")
    labels = rec.topics.set_index("topic_id").label
    co = pd.crosstab(rec.event_topics.event_id, rec.event_topics.topic_id.map(labels))
    top = co.sum().sort_values(ascending=False).index[:8]
    yield "topic-cooccurrence", figures.heatmap(co[top].T.dot(co[top]), "Topic co-occurrence", "Topic", "Topic")
    yield "initiatives", figures.initiatives_gantt(rec.initiatives)


def test_no_tick_labels_overlap_in_the_report_figures(sel):
    seen = 0
    for name, fig in _figures(sel):
        assert fig is not None, name
        assert figures.overlapping_labels(fig) == [], name
        plt.close(fig)
        seen += 1
    assert seen == 5


def test_the_overlap_check_finds_crowded_labels():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_xticks(range(6), ["a long category name"] * 6)
    assert figures.overlapping_labels(fig)
    plt.close(fig)


def test_the_overlap_check_lays_the_figure_out_first():
    # long row labels make the layout narrow the axes, and only then do the five column labels
    # clash: a check that measured the boxes before the layout would find nothing
    fig, ax = plt.subplots(figsize=(4, 2), layout="constrained")
    ax.set_yticks([0, 1], ["a very very long row label for the y axis", "another very long row label here"])
    ax.set_xticks(range(5), [f"lab{i:03d}" for i in range(5)])
    assert figures.overlapping_labels(fig)
    plt.close(fig)


def test_row_labels_are_wrapped_not_cut_and_unique():
    names = pd.Series(["Agreement between the European Union and the Republic of Albania on operational activities "
                       "carried out by the European Border and Coast Guard Agency"] * 2 + ["Short"])
    labels = figures.row_labels(names, pd.Series(["a", "b", "c"]))
    assert len(set(labels)) == 3 and "\n" in labels[0] and labels[2] == "Short"


def test_per_year_legend_sits_below_the_bars(sel):
    fig = figures.per_year(sel.events)
    ax = fig.axes[0]
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    assert legend.y1 <= ax.get_window_extent().y0, "the legend must not cover the bars"
    plt.close(fig)


def test_alt_text_says_what_bars_and_grids_show():
    from analysis.reports.publish import describe

    counts = pd.Series({"Border security": 30, "Asylum": 20, "Readmission": 10, "Labour migration": 5})
    text = describe(figures.bars(counts, "Events per topic", "Events"))
    assert text.startswith("Events per topic. Events for 4 categories, largest first: Border security, Asylum, Readmission")
    grid = pd.DataFrame([[1, 2], [3, 4]], index=["A", "B"], columns=[2019, 2020])
    text = describe(figures.heatmap(grid, "Per year", "Year", "Topic"))
    assert "A grid of 2 topic rows by year" in text
    assert "No description" not in text


def test_topic_carriers_say_what_each_count_counts():
    import analysis
    from analysis.reports import views
    from analysis.reports.select import select

    rec = analysis.load()
    sel = select(rec, topics=["border-security"])
    orgs = views.carriers(sel, ["border-security"], "event_organisations", "org_id")
    countries = views.carriers(sel, ["border-security"], "event_countries", "country_code")
    total = int(views.topic_counts(sel).loc["Border security"])
    assert orgs.events.iloc[0] == countries.events.iloc[0] == total
    assert orgs["with an organisation named"].iloc[0] <= total
    assert countries["with a country named"].iloc[0] <= total
    assert "Serbia (" in countries["most present (events)"].iloc[0]
    assert " RS (" not in countries["most present (events)"].iloc[0]


def test_the_timeline_draws_each_event_by_how_well_its_date_is_known():
    """Known days are dots, spans are lines, months or years light bars, windows hatched bars:
    every dated event is drawn once, and an uncertain date never as a point."""
    day = pd.Timestamp
    events = pd.DataFrame({
        "kind": ["meeting"] * 5 + ["training"] * 4,
        "date_start": [day("2019-05-02"), day("2019-05-06"), day("2019-05-01"), day("2019-01-01"), day("2019-03-01"),
                       day("2020-02-03"), day("2020-01-01"), day("2020-06-01"), pd.NaT],
        "date_end": [day("2019-05-02"), day("2019-05-08"), day("2019-05-31"), day("2019-12-31"), day("2019-09-30"),
                     day("2020-02-03"), day("2020-12-31"), day("2020-08-31"), pd.NaT],
        "date_precision": ["day", "span", "month", "year", "window", "day", "year", "window", "unknown"],
    })
    fig = figures.timeline(events)
    ax = fig.axes[0]
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert sorted(len(line.get_xdata()) for line in dots) == [1, 1]  # the two known days, one per row
    spans = [seg for coll in ax.collections for seg in coll.get_segments()]
    assert len(spans) == 1 and spans[0][1][0] - spans[0][0][0] == pytest.approx(3)  # 6-8 May: three days
    bars = [p for p in ax.patches if p.get_width() > 0]
    hatched = [p for p in bars if p.get_hatch()]
    assert len(hatched) == 2 and len(bars) == 5  # two windows; a month and two years as light bars
    widths = sorted(round(p.get_width()) for p in hatched)
    assert widths == [92, 214]  # each window drawn over its whole length (1 Jun-31 Aug, 1 Mar-30 Sep)
    plt.close(fig)


def test_heatmap_turns_labels_the_width_estimate_thought_would_fit():
    # nine wide capitals fit the 0.6-em estimate of an eight-column heatmap but not the page: the laid-out labels decide
    cols = [f"{c * 9}" for c in "WMWMWMWM"]
    table = pd.DataFrame(1, index=["a", "b"], columns=[f"{c}{i}" for i, c in enumerate(cols)])
    fig = figures.heatmap(table, "t", "x", "y")
    assert figures.overlapping_labels(fig) == []
    assert {t.get_rotation() for t in fig.axes[0].get_xticklabels()} == {45.0}
    plt.close(fig)


def test_heatmap_with_more_years_than_turned_labels_fit_labels_every_other_year():
    # 0.3.17's visa agreement of 1992 stretched the organisations-by-year grid to 35 years beside long body names:
    # the turned year labels clashed; now every n-th year is labelled, the first included, and none clash
    years = list(range(1992, 2027))
    table = pd.DataFrame(1, index=["Ministry of Interior of a rather long-named country", "b"], columns=years)
    fig = figures.heatmap(table, "t", "Year", "Organisation")
    assert figures.overlapping_labels(fig) == []
    shown = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert shown[0] == "1992" and 1 < len(shown) < len(years)
    ticks = list(fig.axes[0].get_xticks())
    assert all(years[int(t)] == int(label) for t, label in zip(ticks, shown, strict=True))  # each label under its own column
    plt.close(fig)


def test_heatmap_counts_do_not_run_into_each_other_in_narrow_cells():
    # 35 years of two-digit counts beside long body names (the record's organisations-by-year grid)
    table = pd.DataFrame(36, index=["Ministry of Interior of a rather long-named country", "b"], columns=range(1992, 2027))
    fig = figures.heatmap(table, "t", "Year", "Organisation")
    renderer = fig.canvas.get_renderer()
    counts = [t for t in fig.axes[0].texts if t.get_visible()]
    assert len(counts) == table.size
    boxes = [t.get_window_extent(renderer) for t in counts[: table.shape[1]]]  # the first row, left to right
    assert not any(a.overlaps(b) for a, b in pairwise(boxes))
    plt.close(fig)


def test_heatmap_never_thins_the_labels_of_categories():
    # topics or bodies as columns: a column without its label could not be read, so every label stays
    cols = [f"Topic number {i} with a rather long name" for i in range(80)]  # too many to fit: they clash
    fig = figures.heatmap(pd.DataFrame(1, index=["a"], columns=cols), "t", "x", "y")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == cols
    plt.close(fig)


def test_slanted_labels_anchored_right_are_measured_from_their_anchor():
    # a short label before a long one: their right ends (the anchors) are a column apart, so they do not clash
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.set_xticks(range(2), ["Asylum", "Return and reintegration of returnees"], rotation=45, ha="right", rotation_mode="anchor")
    assert figures.overlapping_labels(fig) == []
    ax.set_xticks([0, 0.05], ["Asylum", "Return and reintegration of returnees"], rotation=45, ha="right", rotation_mode="anchor")
    assert figures.overlapping_labels(fig)
    plt.close(fig)
