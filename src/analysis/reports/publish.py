"""What report notebooks call to show and publish results.

In JupyterLab results are only displayed. Under the report runner (which sets
``WBCOOP_REPORT_DIR``) every figure is also written as PNG and SVG and every table as CSV
into the report's folder, so readers get files as well as the HTML page.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.cells import neutralise_frame
from analysis.reports import interactive
from analysis.reports.figures import overlapping_labels
from analysis.reports.select import Selection

ENV_DIR = "WBCOOP_REPORT_DIR"


def output_dir() -> Path | None:
    value = os.environ.get(ENV_DIR)
    if not value:
        return None
    path = Path(value)
    (path / "figures").mkdir(parents=True, exist_ok=True)
    (path / "tables").mkdir(parents=True, exist_ok=True)
    return path


def _display(obj) -> None:
    from IPython.display import display

    display(obj)


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"})


def md(value: object) -> str:
    r"""Text from the data made safe to put into Markdown: HTML is escaped (so a ``<script>`` in a
    name is shown, not run) and the characters that make emphasis, links or tables are quoted.

    >>> md("<img src=x onerror=alert(1)> *A_B* [x](javascript:y)")
    '&lt;img src=x onerror=alert(1)&gt; \\*A\\_B\\* \\[x\\](javascript:y)'
    """
    return html.escape(str(value), quote=False).translate(_MARKDOWN_SPECIALS)


def say(template: str, **values: object) -> None:
    """Show Markdown: ``template`` is the notebook's own text; every ``{name}`` in it is filled
    with ``values[name]`` escaped by :func:`md`, so data never become markup."""
    from IPython.display import Markdown

    _display(Markdown(template.format(**{k: md(v) for k, v in values.items()}) if values else template))


def describe(fig: Figure) -> str:
    """Alt text for a figure: its title and what it shows (a grid of rows by columns, bars per
    category with the first few named, or values by the horizontal axis)."""
    ax = fig.axes[0] if fig.axes else None
    title = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else (ax.get_title() if ax else "")
    parts = [title or "Figure"]
    if ax is not None:
        x, y = ax.get_xlabel(), ax.get_ylabel()
        rows = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        categorical = rows and not all(r.replace(".", "").replace(",", "").replace("\u2212", "").lstrip("-").isdigit()
                                       for r in rows)
        if ax.images and categorical:
            parts.append(f"A grid of {len(rows)} {(y or 'rows').lower()} rows by {(x or 'column').lower()}")
        elif categorical:
            named = ", ".join(r.replace("\n", " ") for r in rows[::-1][:3])
            parts.append(f"{x or 'Values'} for {len(rows)} {(y or 'categories').lower()}, largest first: {named}"
                         + (" and others" if len(rows) > 3 else ""))
        elif x or y:
            parts.append(f"{y or 'Values'} by {(x or 'category').lower()}")
    return ". ".join(p.rstrip(".") for p in parts) + "."


def _record_check(path: Path, name: str, overlaps: list[str]) -> None:
    """The figure check's verdict, kept beside the figures for the browser test and for readers."""
    checks = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    checks[name] = {"overlapping_tick_labels": overlaps}
    path.write_text(json.dumps(checks, indent=1), encoding="utf-8")


def figure(fig: Figure | None, name: str, empty: str = "Nothing to draw for this selection.", alt: str | None = None) -> None:
    """Show a figure (or, when there is none, the sentence ``empty``) and publish it.

    Under the report runner the page shows the published PNG with its alt text (``alt``, else
    :func:`describe`) and links to the PNG and SVG files; in JupyterLab the figure itself."""
    if fig is None:
        say(f"*{empty}*")
        return
    out = output_dir()
    if out is None:
        _display(fig)
        plt.close(fig)
        return
    # one layout serves the check and both files: bbox_inches="tight" would lay the figure out
    # again for each file (five passes over every text in all, three now)
    _record_check(out / "figures" / "checks.json", name, overlapping_labels(fig))
    bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(plt.rcParams["savefig.pad_inches"])
    fig.savefig(out / "figures" / f"{name}.png", bbox_inches=bbox)
    fig.savefig(out / "figures" / f"{name}.svg", bbox_inches=bbox, metadata={"Date": None})
    text = html.escape(alt or describe(fig))
    plt.close(fig)
    from IPython.display import HTML

    _display(HTML(f'<figure class="wb"><img src="figures/{name}.png" alt="{text}">'
                  f'<figcaption>{text} <span class="wb-files">Files: <a href="figures/{name}.png">PNG</a> · '
                  f'<a href="figures/{name}.svg">SVG</a></span></figcaption></figure>'))


#: columns of an event table that the CSV carries for joining back to data/ (ids, ISO dates)
EVENT_IDS = ("event_id", "date_start", "date_end", "date_precision", "place_id")


def table(df: pd.DataFrame, name: str, link_column: str | None = None, max_rows: int = 300,
          empty: str = "No rows for this selection.", caption: str | None = None,
          csv_only: tuple[str, ...] = EVENT_IDS) -> None:
    """Show a table (text left, numbers right, dates on one line, links clickable, every cell
    escaped) with its caption and a link to its CSV, and publish all its rows as CSV. On the pages
    the site's script makes it searchable, sortable and filterable; in JupyterLab it is an ITables
    table (:mod:`analysis.reports.interactive`). Columns in
    ``csv_only`` (ids, ISO dates) go to the CSV, so it joins back to ``data/``, but not on the page."""
    out = output_dir()
    if out is not None:
        neutralise_frame(df).to_csv(out / "tables" / f"{name}.csv", index=False)
    if df.empty:
        say(f"*{empty}*")
        return
    title = caption or name.replace("-", " ").capitalize()
    if out is None and interactive.wanted():
        interactive.show(df.drop(columns=[c for c in csv_only if c in df.columns]), title)
        return
    from IPython.display import HTML

    shown = df.head(max_rows).drop(columns=[c for c in csv_only if c in df.columns])
    numeric = {c for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c]) and not pd.api.types.is_bool_dtype(shown[c])}
    dated = {c for c in shown.columns if c == "date" or str(c).startswith("date") or pd.api.types.is_datetime64_any_dtype(shown[c])}

    def cell(col, value) -> str:
        if not isinstance(value, list | tuple) and pd.isna(value):
            text = ""
        elif col == link_column:
            text = f'<a href="{html.escape(str(value))}">{html.escape(_short(str(value)))}</a>'
        else:
            text = html.escape(str(value))
        cls = "num" if col in numeric else ("date" if col in dated else "")
        return f'<td class="{cls}">{text}</td>' if cls else f"<td>{text}</td>"

    head = "".join(f'<th class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>' for c in shown.columns)
    body = "\n".join("<tr>" + "".join(cell(c, v) for c, v in zip(shown.columns, row, strict=True)) + "</tr>"
                     for row in shown.itertuples(index=False, name=None))
    title = html.escape(title)
    files = f'<p class="wb-files">All {len(df)} rows: <a href="tables/{name}.csv">{name}.csv</a></p>' if out is not None else ""
    more = f"<p><em>First {max_rows} of {len(df)} rows.</em></p>" if len(df) > max_rows else ""
    _display(HTML(f'<table class="wb"><caption>{title}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
                  + more + files))


def _short(url: str, limit: int = 48) -> str:
    bare = url.split("://", 1)[-1]
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"


def date_label(row: pd.Series) -> str:
    """An event's date as precisely as the record knows it.

    >>> date_label(pd.Series({"date_precision": "window", "date_start": pd.Timestamp("2017-05-30"),
    ...                       "date_end": pd.Timestamp("2018-09-06")}))
    'between 2017-05-30 and 2018-09-06'
    """
    p, s, e = row["date_precision"], row["date_start"], row["date_end"]
    if p == "unknown" or pd.isna(s):
        return "undated"
    if p == "day":
        return f"{s:%Y-%m-%d}"
    if p == "span":
        return f"{s:%Y-%m-%d} to {e:%Y-%m-%d}"
    if p == "month":
        return f"{s:%Y-%m}"
    if p == "year":
        return f"{s:%Y}"
    return f"between {s:%Y-%m-%d} and {e:%Y-%m-%d}"


def event_table(sel: Selection) -> pd.DataFrame:
    """The selected events as a readable table with their dates and source links."""
    ev = sel.events
    if ev.empty:
        return pd.DataFrame(columns=["date", "title", "kind", "status", "place", "organisations", "source", *EVENT_IDS])
    return pd.DataFrame({
        "date": ev.apply(date_label, axis=1),
        "title": ev.title,
        "kind": ev.kind.astype(str),
        "status": ev.status.astype(str),
        "place": ev.place.fillna(""),
        "organisations": ev.organisations,
        "source": ev.source_url,
        "event_id": ev.event_id,
        "date_start": ev.date_start.dt.strftime("%Y-%m-%d"),
        "date_end": ev.date_end.dt.strftime("%Y-%m-%d"),
        "date_precision": ev.date_precision.astype(str),
        "place_id": ev.place_id,
    })


def _count(n: int, one: str, many: str) -> str:
    """'1 is', '3 are'.

    >>> _count(1, "is", "are"), _count(0, "is", "are")
    ('1 is', '0 are')
    """
    return f"{n} {one if n == 1 else many}"


def overview(sel: Selection) -> str:
    """A paragraph of computed facts about a selection."""
    ev = sel.events
    if ev.empty:
        return (f"**No events match this selection** ({md(sel.describe())}). Widen the period or remove a criterion; "
                "`python -m analysis info` shows what the record holds.")
    dated = ev.dropna(subset=["date_start"])
    n = len(ev)
    held = int((ev.status == "held").sum())
    planned = int((ev.status == "planned").sum())
    windows = int((ev.date_precision == "window").sum())
    coarse = int(ev.date_precision.isin(["month", "year"]).sum())
    first = dated.date_start.min()
    last = dated.date_end.max()
    top_kind = ev.kind.astype(str).value_counts()
    kinds = ", ".join(f"{v} {md(k)}{'s' if v != 1 else ''}" for k, v in top_kind.head(3).items())
    sites = ev.source_url.str.extract(r"https?://(?:www\.)?([^/]+)")[0].nunique()
    text = (f"**{n} event{'s' if n != 1 else ''}** match ({md(sel.describe())}), from {first:%B %Y} to {last:%B %Y}: "
            f"{held} reported held and {planned} planned or announced. The most frequent kinds are {kinds}. ")
    if coarse or windows:
        text += (f"{_count(coarse, 'is', 'are')} dated only to a month or year and {_count(windows, 'is', 'are')} only to a "
                 "window of possible dates; figures place them by their earliest possible date and draw their uncertainty. ")
    text += f"The events rest on pages from {sites} source site{'s' if sites != 1 else ''}."
    return text
