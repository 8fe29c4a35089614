"""What a report publishes beside its page: every figure as PNG and SVG with alt text and the
overlap check's verdict, every table as CSV (formulas neutralised), and the HTML that shows them."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.reports import interactive, publish


@pytest.fixture
def shown(monkeypatch):
    out: list = []
    monkeypatch.setattr(publish, "_display", out.append)
    return out


@pytest.fixture
def report_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "report"
    monkeypatch.setenv(publish.ENV_DIR, str(folder))
    return folder


@pytest.fixture
def lab(monkeypatch):
    """In JupyterLab: no report folder; plain tables, as when stored outputs are compared (the
    interactive ones are tests/test_interactive_tables.py's), whatever an earlier test in the same
    process left in the environment."""
    monkeypatch.delenv(publish.ENV_DIR, raising=False)
    monkeypatch.setenv(interactive.STATIC_ENV, "1")


def test_output_dir_is_none_outside_the_runner(lab):
    assert publish.output_dir() is None


def test_output_dir_is_none_when_the_variable_is_empty(monkeypatch):
    monkeypatch.setenv(publish.ENV_DIR, "")
    assert publish.output_dir() is None


def test_output_dir_makes_the_figures_and_tables_folders(report_dir):
    assert publish.output_dir() == report_dir
    assert (report_dir / "figures").is_dir() and (report_dir / "tables").is_dir()
    assert publish.output_dir() == report_dir  # a second call finds them in place


def _bars(title="Events per year", xlabel="Year", ylabel="Events", n=3):
    fig, ax = plt.subplots()
    ax.bar([str(2010 + i) for i in range(n)], range(1, n + 1))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def test_describe_names_title_and_axes():
    fig = _bars()
    assert publish.describe(fig) == "Events per year. Events by year."
    fig.suptitle("Overall title.")
    assert publish.describe(fig) == "Overall title. Events by year."
    plt.close("all")


def test_describe_fills_in_a_missing_axis_label():
    fig, ax = plt.subplots()
    ax.scatter([1, 2, 3, 4], [1, 2, 3, 4])
    ax.set_ylabel("Events")
    assert publish.describe(fig) == "Figure. Events by category."
    fig2, ax2 = plt.subplots()
    ax2.scatter([1, 2], [1, 2])
    ax2.set_xlabel("Year")
    assert publish.describe(fig2) == "Figure. Values by year."
    plt.close("all")


def test_describe_of_an_empty_figure():
    fig, _ = plt.subplots()
    assert publish.describe(fig) == "Figure."
    assert publish.describe(plt.figure()) == "Figure."
    plt.close("all")


def test_figure_none_shows_the_empty_sentence(shown, lab):
    publish.figure(None, "per-year", empty="No events in 2014.")
    assert [m.data for m in shown] == ["*No events in 2014.*"]
    publish.figure(None, "per-year")
    assert shown[1].data == "*Nothing to draw for this selection.*"


def test_figure_in_jupyterlab_shows_the_figure_itself_and_writes_nothing(shown, lab, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fig = _bars()
    publish.figure(fig, "per-year")
    assert shown == [fig]
    assert not plt.fignum_exists(fig.number)  # closed, so a notebook does not draw it twice
    assert list(tmp_path.iterdir()) == []


def test_figure_under_the_runner_writes_png_svg_and_the_check(shown, report_dir):
    publish.figure(_bars(), "per-year")
    publish.figure(_bars(title="Second"), "second", alt='Bars "quoted" <b>')
    figs = report_dir / "figures"
    assert (figs / "per-year.png").read_bytes().startswith(b"\x89PNG")
    svg = (figs / "per-year.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg  # no build date in the SVG, so an unchanged figure is byte for byte the same
    checks = json.loads((figs / "checks.json").read_text(encoding="utf-8"))
    assert checks == {"per-year": {"overlapping_tick_labels": []}, "second": {"overlapping_tick_labels": []}}
    assert plt.get_fignums() == []
    html = shown[0].data
    assert html == ('<figure class="wb"><img src="figures/per-year.png" alt="Events per year. Events by year.">'
                    '<figcaption>Events per year. Events by year. <span class="wb-files">Files: '
                    '<a href="figures/per-year.png">PNG</a> · <a href="figures/per-year.svg">SVG</a></span></figcaption></figure>')
    assert 'alt="Bars &quot;quoted&quot; &lt;b&gt;"' in shown[1].data


def test_figure_files_are_cropped_to_their_content(shown, report_dir):
    import io
    import re

    from PIL import Image

    fig = _bars()
    publish.figure(fig, "tight")
    loose = io.BytesIO()
    fig.savefig(loose, format="png")
    with Image.open(report_dir / "figures" / "tight.png") as tight, Image.open(loose) as full:
        assert tight.size[0] < full.size[0] and tight.size[1] < full.size[1]  # bbox_inches="tight" trims the margins
    loose_svg = io.StringIO()
    fig.savefig(loose_svg, format="svg")

    def width(svg: str) -> float:
        return float(re.search(r'<svg[^>]* width="([0-9.]+)pt"', svg).group(1))

    assert width((report_dir / "figures" / "tight.svg").read_text(encoding="utf-8")) < width(loose_svg.getvalue())


def test_figure_closes_its_own_figure_not_the_current_one(shown, report_dir):
    fig = _bars()
    other = plt.figure()  # the current figure now
    publish.figure(fig, "mine")
    assert not plt.fignum_exists(fig.number) and plt.fignum_exists(other.number)
    plt.close("all")


def test_figure_in_jupyterlab_closes_its_own_figure_not_the_current_one(shown, lab):
    fig = _bars()
    other = plt.figure()
    publish.figure(fig, "mine")
    assert shown == [fig] and not plt.fignum_exists(fig.number) and plt.fignum_exists(other.number)
    plt.close("all")


def test_describe_keeps_the_end_of_a_title_but_its_full_stop():
    fig = _bars(title="Route X.", xlabel="", ylabel="")
    assert publish.describe(fig) == "Route X."
    plt.close("all")


def test_record_check_keeps_earlier_verdicts(tmp_path):
    path = tmp_path / "checks.json"
    publish._record_check(path, "a", ["'x' / 'y'"])
    publish._record_check(path, "b", [])
    publish._record_check(path, "a", [])
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {"a": {"overlapping_tick_labels": []}, "b": {"overlapping_tick_labels": []}}
    assert text == json.dumps(json.loads(text), indent=1)


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "title": ["=cmd|' /C calc'!A0", "Plain <b>title</b>"],
        "events": [3, 12],
        "share": [0.5, 0.25],
        "flag": [True, False],
        "date": ["2017-05-30", None],
        "dates_known": ["2017", "2018"],
        "date_start": ["2017-05-30", "2018-01-01"],
        "when": pd.to_datetime(["2017-05-30", "2018-01-01"]),
        "source": ["https://example.org/" + "a" * 60, "http://b.org/x"],
        "event_id": ["ev-1", "ev-2"],
    })


def test_table_writes_every_row_as_csv_with_formulas_neutralised(shown, report_dir):
    df = pd.concat([_frame()] * 40, ignore_index=True)
    publish.table(df, "events-list", max_rows=5)
    csv = pd.read_csv(report_dir / "tables" / "events-list.csv", dtype=str, keep_default_na=False)
    assert len(csv) == 80
    assert list(csv.columns) == list(df.columns)  # ids and ISO dates stay in the CSV
    assert csv.title[0] == "'=cmd|' /C calc'!A0"
    html = shown[0].data
    assert html.count("<tr>") == 1 + 5
    assert "<p><em>First 5 of 80 rows.</em></p>" in html
    assert '<p class="wb-files">All 80 rows: <a href="tables/events-list.csv">events-list.csv</a></p>' in html
    assert "<caption>Events list</caption>" in html


def test_table_page_escapes_aligns_and_hides_the_id_columns(shown, lab):
    publish.table(_frame(), "t", link_column="source", caption="Events & <people>")
    html = shown[0].data
    assert html.startswith('<table class="wb"><caption>Events &amp; &lt;people&gt;</caption><thead><tr>')
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert head == ('<tr><th class="">title</th><th class="num">events</th><th class="num">share</th><th class="">flag</th>'
                    '<th class="">date</th><th class="">dates_known</th><th class="">when</th><th class="">source</th></tr>')
    first = html.split("<tbody>")[1].split("</tr>")[0]
    assert first == ('<tr><td>=cmd|&#x27; /C calc&#x27;!A0</td><td class="num">3</td><td class="num">0.5</td><td>True</td>'
                     '<td class="date">2017-05-30</td><td class="date">2017</td><td class="date">2017-05-30 00:00:00</td>'
                     '<td><a href="https://example.org/' + "a" * 60 + '">example.org/' + "a" * 35 + '…</a></td>')
    second = html.split("<tbody>")[1].split("</tr>")[1]
    assert '<td class="date"></td>' in second  # a missing value is an empty cell, not "None" or "nan"
    assert "Plain &lt;b&gt;title&lt;/b&gt;" in second
    assert '<a href="http://b.org/x">b.org/x</a>' in second
    assert "wb-files" not in html and "First" not in html  # no CSV outside the runner; every row shown
    assert html.endswith("</tbody></table>") and "</tr>\n<tr>" in html
    assert "event_id" not in html and "date_start" not in html


def test_table_keeps_list_cells_and_the_columns_asked_for(shown, lab):
    df = pd.DataFrame({"event_id": ["ev-1"], "names": [["a", "b"]]})
    publish.table(df, "lists", csv_only=())
    html = shown[0].data
    assert "<td>ev-1</td>" in html and "<td>[&#x27;a&#x27;, &#x27;b&#x27;]</td>" in html


def test_empty_table_says_so_and_still_writes_its_csv(shown, report_dir):
    publish.table(_frame().iloc[0:0], "none", empty="No training in this period.")
    assert [m.data for m in shown] == ["*No training in this period.*"]
    assert (report_dir / "tables" / "none.csv").read_text(encoding="utf-8").startswith("title,events,")
    publish.table(_frame().iloc[0:0], "none2")
    assert shown[1].data == "*No rows for this selection.*"


def test_short_keeps_short_urls_and_cuts_long_ones():
    assert publish._short("https://www.example.org/page") == "www.example.org/page"
    assert publish._short("no-scheme/page") == "no-scheme/page"
    long = "https://" + "x" * 48
    assert publish._short(long) == "x" * 48
    assert publish._short(long + "y") == "x" * 47 + "…"
    assert publish._short("http://abcdef", limit=4) == "abc…"
    assert publish._short("a://b://c") == "b://c"
