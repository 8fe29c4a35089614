"""Figures for the reports: titled, labelled, with a source line, in a colour-blind-safe palette
(Okabe-Ito), sized for an A4 page. Every function returns a Figure, or None when there is
nothing to draw (the notebook then says so in words)."""

from __future__ import annotations

import textwrap
from itertools import pairwise

import matplotlib
import matplotlib.collections
import matplotlib.dates
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

#: Okabe & Ito (2008), safe for the common colour-vision deficiencies; grey for "other".
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
OTHER = "#999999"
A4_WIDTH = 7.2  # inches: A4 less margins
SOURCE = "Source: Western Balkans migration and border-security cooperation workbook (public sources per event)"

plt.rcParams.update({
    "figure.dpi": 110, "savefig.dpi": 150, "font.size": 9, "axes.titlesize": 11, "axes.titleweight": "bold",
    "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "wbcoop", "svg.fonttype": "none",
})


def _finish(fig: Figure, note: str = "", reserve: float = 0.0) -> Figure:
    """Add the source line; ``reserve`` inches above it are kept free (for a legend under the chart)."""
    text = SOURCE + (f". {note}" if note else "")
    fig.text(0.01, 0.005, text, fontsize=6.5, color="#555555", ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.04 + reserve / fig.get_figheight(), 1, 1))
    return fig


def colours(labels: list[str], other: str = "other") -> dict[str, str]:
    """A fixed colour per label, grey for 'other'."""
    out, i = {}, 0
    for label in labels:
        if label == other:
            out[label] = OTHER
        else:
            out[label] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def _top(series: pd.Series, n: int, other: str = "other") -> pd.Series:
    keep = series.value_counts().index[:n]
    return series.where(series.isin(keep), other).astype(str)


def per_year(events: pd.DataFrame, by: str = "kind", title: str = "Events per year", top: int = 7) -> Figure | None:
    """Stacked bars of events per year (earliest possible date), coloured by ``by``."""
    dated = events.dropna(subset=["date_start"])
    if dated.empty:
        return None
    years = dated.date_start.dt.year.astype(int)
    groups = _top(dated[by].astype(str), top)
    table = pd.crosstab(years, groups)
    table = table.reindex(range(years.min(), years.max() + 1), fill_value=0)
    order = [c for c in table.sum().sort_values(ascending=False).index if c != "other"] + (["other"] if "other" in table else [])
    table = table[order]
    fig, ax = plt.subplots(figsize=(A4_WIDTH, 3.4))
    bottom = np.zeros(len(table))
    cmap = colours(order)
    for col in order:
        ax.bar(table.index, table[col], bottom=bottom, color=cmap[col], label=col, width=0.8)
        bottom += table[col].to_numpy()
    ax.set(title=title, xlabel="Year (earliest possible date)", ylabel="Events")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    # below the axes, never over a bar (a legend inside sat on the tallest one)
    ax.legend(title=by.replace("_", " "), fontsize=7, title_fontsize=7, ncol=min(4, len(order)), frameon=False,
              loc="upper center", bbox_to_anchor=(0.5, -0.22))
    return _finish(fig, f"{len(dated)} dated events")


def heatmap(table: pd.DataFrame, title: str, xlabel: str, ylabel: str, note: str = "") -> Figure | None:
    """Counts as a heatmap with the numbers written in the cells."""
    if table.empty or table.to_numpy().sum() == 0:
        return None
    # column labels are wrapped to the width a column has, and turned only when wrapping cannot make them fit
    column_inches = (A4_WIDTH * 0.7) / max(table.shape[1], 1)
    chars = max(4, int(column_inches * 72 / (7 * 0.6)))  # 7 pt text, about 0.6 em a character
    labels = [textwrap.fill(str(c), chars) for c in table.columns]
    longest_word = max((len(w) for c in table.columns for w in str(c).split()), default=0)
    turn = table.shape[1] > 12 or longest_word > chars
    lines = max(label.count("\n") + 1 for label in labels)

    def height(turned: bool) -> float:
        label_room = 0.055 * max(len(str(c)) for c in table.columns) if turned else 0.14 * lines
        return max(2.2, 0.3 * len(table) + 1.6 + label_room)

    fig, ax = plt.subplots(figsize=(A4_WIDTH, height(turn)))
    im = ax.imshow(table.to_numpy(), aspect="auto", cmap="Blues")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index], fontsize=7)

    def turned(step: int = 1) -> None:  # every ``step``-th column labelled when even turned labels cannot all fit
        ax.set_xticks(range(0, table.shape[1], step), [str(c) for c in table.columns][::step],
                      rotation=45 if table.shape[1] <= 12 else 90, ha="right" if table.shape[1] <= 12 else "center",
                      rotation_mode="anchor" if table.shape[1] <= 12 else "default", fontsize=7)

    if turn:
        turned()
    else:
        ax.set_xticks(range(table.shape[1]), labels, fontsize=7)
    vmax = table.to_numpy().max()
    for (i, j), v in np.ndenumerate(table.to_numpy()):
        if v:
            ax.text(j, i, str(int(v)), ha="center", va="center", fontsize=6, color="white" if v > vmax * 0.6 else "black")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.spines[:].set_visible(False)
    fig.colorbar(im, ax=ax, fraction=0.025, pad=0.01, label="Events")
    fig = _finish(fig, note)
    if not turn and _clashing(ax.xaxis, fig):  # the estimate of a label's width fell short: the laid-out labels decide
        turned()
        fig.set_size_inches(A4_WIDTH, height(True))
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    years = all(str(c).isdigit() for c in table.columns)  # only years may go unlabelled: categories never are
    step = 1
    while years and step < table.shape[1] and _clashing(ax.xaxis, fig):  # label every other year, or fewer
        step += 1
        turned(step)
    # the counts fit their cells: smaller type in narrow cells, none where even small type would run together
    cell = ax.get_window_extent().width * 72 / fig.dpi / table.shape[1]
    size = min(6.0, cell / (0.62 * len(str(int(vmax))) + 0.3))
    for text in ax.texts:
        if size >= 3.5:
            text.set_fontsize(size)
        else:
            text.set_visible(False)
    return fig


def timeline(events: pd.DataFrame, by: str = "kind", title: str = "Timeline of events", top: int = 7) -> Figure | None:
    """Each event on a date axis, one row per ``by`` value. Known days are dots, multi-day spans
    short bars; events dated only to a month or a year are light bars over that period, and
    events known only to lie in a window are hatched bars over the whole window: an uncertain
    date is never drawn as a point."""
    dated = events.dropna(subset=["date_start"]).copy()
    if dated.empty:
        return None
    dated["row"] = _top(dated[by].astype(str), top)
    rows = [r for r in dated.row.value_counts().index if r != "other"] + (["other"] if (dated.row == "other").any() else [])
    cmap = colours(rows)
    fig, ax = plt.subplots(figsize=(A4_WIDTH, max(2.6, 0.45 * len(rows) + 1.6)))
    rng = np.random.default_rng(0)  # fixed jitter: the same data always give the same picture
    for y, row in enumerate(rows):  # one artist per row and kind of date, not one per event
        part = dated[dated.row == row]
        level = y + rng.uniform(-0.28, 0.28, len(part))
        start = matplotlib.dates.date2num(part.date_start)
        end = matplotlib.dates.date2num(part.date_end + pd.Timedelta(days=1))
        prec = part.date_precision.to_numpy()
        day, span, window = prec == "day", prec == "span", prec == "window"
        rest = ~(day | span | window)  # month or year
        if day.any():
            ax.plot(start[day] + 0.5, level[day], "o", ms=3.2, color=cmap[row], alpha=0.85, mec="none")
        if span.any():
            ax.add_collection(matplotlib.collections.LineCollection(
                [[(a, v), (b, v)] for a, b, v in zip(start[span], end[span], level[span], strict=True)],
                linewidths=3, colors=cmap[row], capstyle="round"))
        if window.any():
            ax.barh(level[window], (end - start)[window], left=start[window], height=0.12, color="none",
                    edgecolor=cmap[row], hatch="////", lw=0.6)
        if rest.any():
            ax.barh(level[rest], (end - start)[rest], left=start[rest], height=0.12, color=cmap[row], alpha=0.35, lw=0)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set(title=title, xlabel="Date", ylabel=by.replace("_", " "))
    handles = [
        plt.Line2D([], [], marker="o", ls="", color="#444444", ms=4, label="known day"),
        plt.Line2D([], [], ls="-", lw=3, color="#444444", label="known multi-day span"),
        Patch(facecolor="#444444", alpha=0.35, label="month or year only"),
        Patch(facecolor="none", edgecolor="#444444", hatch="////", label="uncertain: somewhere in window"),
    ]
    ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4)
    n_uncertain = int((dated.date_precision == "window").sum())
    return _finish(fig, f"{len(dated)} events; {n_uncertain} known only within a window")


def bars(counts: pd.Series, title: str, xlabel: str, note: str = "", top: int = 15) -> Figure | None:
    """Horizontal bars of counts, largest first."""
    counts = counts[counts > 0].sort_values(ascending=False).head(top)
    if counts.empty:
        return None
    labels = row_labels(pd.Series([str(i) for i in counts.index]), pd.Series([str(i) for i in counts.index]), width=40)
    # each row as tall as its label: about 0.2 inch a line of 8 pt text, plus the gap between bars
    rows = max(label.count("\n") + 1 for label in labels)
    fig, ax = plt.subplots(figsize=(A4_WIDTH, max(2.0, len(counts) * (0.2 * rows + 0.12) + 1.4)))
    ax.barh(range(len(counts)), counts.to_numpy()[::-1], color=PALETTE[0])
    ax.set_yticks(range(len(counts)), labels[::-1], fontsize=8)
    for i, v in enumerate(counts.to_numpy()[::-1]):
        ax.text(v, i, f" {v}", va="center", fontsize=7)
    ax.set(title=title, xlabel=xlabel)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=6))
    return _finish(fig, note)


def row_labels(names: pd.Series, ids: pd.Series, width: int = 60) -> list[str]:
    """Names for a chart's rows: wrapped on two lines rather than cut, and made unique with
    their id where two would read the same.

    >>> row_labels(pd.Series(["A " * 40, "A " * 40, "Short"]), pd.Series(["x", "y", "z"]))[1].endswith("(y)")
    True
    """
    out = []
    for name in names:
        lines = textwrap.wrap(name, width)
        out.append("\n".join(lines[:2]) + ("…" if len(lines) > 2 else ""))
    seen = pd.Series(out).duplicated(keep=False)
    return [f"{label} ({i})" if dup else label for label, i, dup in zip(out, ids, seen, strict=True)]


def overlapping_labels(fig: Figure) -> list[str]:
    """Tick labels of any axis of ``fig`` that overlap their neighbour (empty: none do).

    The figure is laid out (ticks placed, text measured) but not rasterised: the label boxes are
    the same as after a full draw, for about a quarter of its cost."""
    fig.draw_without_rendering()
    return [pair for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for pair in _clashing(axis, fig, drawn=True)]


def _clashing(axis, fig: Figure, drawn: bool = False) -> list[str]:
    """Neighbouring tick labels of one axis whose boxes overlap, as "'a' / 'b'" (the figure is laid out first unless
    ``drawn``)."""
    if not drawn:
        fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    found = []
    labels = [t for t in axis.get_ticklabels() if t.get_text() and t.get_visible()]
    for a, b in pairwise(labels):
        angle = abs(a.get_rotation()) % 180
        if angle in (0, 90):
            clash = a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer))
        else:  # slanted text: lines clash when the gap across them is less than a line's height
            # measured from the edge the labels are anchored at: a right-aligned long label reaches further left
            pa, pb = a.get_window_extent(renderer), b.get_window_extent(renderer)
            right = a.get_horizontalalignment() == "right"
            gap = abs((pb.x1 - pa.x1) if right else (pb.x0 - pa.x0)) if axis.axis_name == "x" else abs(pb.y0 - pa.y0)
            clash = gap * np.sin(np.radians(angle)) < a.get_fontsize() * fig.dpi / 72
        if clash:
            found.append(f"{a.get_text()!r} / {b.get_text()!r}")
    return found


def initiatives_gantt(initiatives: pd.DataFrame, title: str = "Border-security initiatives over time",
                      today: pd.Timestamp | None = None) -> Figure | None:
    """One bar per initiative from start to end; open-ended ones run to the right edge, faded;
    initiatives without a known start are left out (and counted in the source line)."""
    known = initiatives.dropna(subset=["start_date"]).sort_values("start_date")
    if known.empty:
        return None
    today = today or max(pd.Timestamp("2025-12-31"), known.start_date.max())
    status = list(dict.fromkeys(["active", "completed", "planned", "unknown"]))
    cmap = dict(zip(status, [PALETTE[2], PALETTE[0], PALETTE[1], OTHER], strict=True))
    fig, ax = plt.subplots(figsize=(A4_WIDTH, max(3.0, 0.32 * len(known) + 2.2)))
    for y, (_, ini) in enumerate(known.iterrows()):
        start = matplotlib.dates.date2num(ini.start_date)
        end = matplotlib.dates.date2num(ini.end_date if pd.notna(ini.end_date) else today)
        open_ended = pd.isna(ini.end_date)
        colour = cmap.get(str(ini.status), OTHER)
        if open_ended and str(ini.status) == "completed":  # ended, but when is not known: mark the start only
            ax.plot(start, y, marker=">", ms=5, color=colour, ls="")
            continue
        ax.barh(y, max(end - start, 20), left=start, height=0.6, color=colour, alpha=0.45 if open_ended else 0.9, lw=0)
    ax.set_yticks(range(len(known)), row_labels(known.name.astype(str), known.initiative_id.astype(str)), fontsize=6.5)
    ax.invert_yaxis()
    ax.xaxis_date()
    first = matplotlib.dates.date2num(known.start_date.min())
    ax.set_xlim(first - 365, matplotlib.dates.date2num(today) + 120)  # the earliest start is never clipped
    ax.set(title=title, xlabel="Date")
    handles = [Patch(color=cmap[s], label=f"status: {s}") for s in status] + [
        Patch(color="#444444", alpha=0.45, label="end not yet reached or not known (bar runs to the right edge)"),
        plt.Line2D([], [], marker=">", ls="", color=PALETTE[0], label="completed, end date not known (start marked)")]
    fig.legend(handles=handles, fontsize=7, frameon=False, loc="lower center", ncol=2,
               bbox_to_anchor=(0.5, 0.32 / fig.get_figheight()))
    missing = len(initiatives) - len(known)
    return _finish(fig, f"{len(known)} initiatives with a known start; {missing} without one are listed in the table only",
                   reserve=0.9)


def _place_labels(fig: Figure, ax, texts: list) -> int:
    """Hide every label that would overlap one already shown (``texts`` in priority order);
    returns how many were hidden."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    shown, hidden = [], 0
    for t in texts:
        box = t.get_window_extent(renderer)
        if any(box.overlaps(b) for b in shown):
            t.set_visible(False)
            hidden += 1
        else:
            shown.append(box)
    return hidden


def network(g, community: dict[str, int], title: str, top: int = 45, seed: int = 7) -> Figure | None:
    """A network drawing of the ``top`` busiest actors: nodes sized by events and coloured by
    community (named after its busiest member), ties of two or more shared events drawn with a
    width that grows with their number; a name that would overlap another is left out."""
    import networkx as nx

    busiest = sorted(g.nodes, key=lambda n: (-g.nodes[n]["events"], n))[:top]
    h = g.subgraph(busiest).copy()
    h.remove_edges_from([(a, b) for a, b, d in h.edges(data=True) if d["weight"] < 2])
    if h.number_of_edges() == 0:
        return None
    pos = nx.spring_layout(h, weight="weight", seed=seed, k=3.0 / np.sqrt(h.number_of_nodes()), iterations=200)
    fig, ax = plt.subplots(figsize=(A4_WIDTH, A4_WIDTH * 0.9))
    weights = np.array([d["weight"] for _, _, d in h.edges(data=True)], dtype=float)
    ax.add_collection(matplotlib.collections.LineCollection(
        [(pos[a], pos[b]) for a, b in h.edges()], linewidths=0.2 + 3.0 * weights / weights.max(),
        colors="#777777", alpha=0.22, zorder=1))
    order = {}
    for n in busiest:  # communities in the order of their busiest member
        order.setdefault(community.get(n), n)
    groups = [c for c in order if c is not None][: len(PALETTE) - 1]
    colour = {c: PALETTE[i] for i, c in enumerate(groups)}
    xy = np.array([pos[n] for n in busiest])
    sizes = np.array([g.nodes[n]["events"] for n in busiest], dtype=float)
    ax.scatter(xy[:, 0], xy[:, 1], s=12 + 320 * sizes / sizes.max(), zorder=4, linewidths=0.5, edgecolors="white",
               c=[colour.get(community.get(n), OTHER) for n in busiest])
    area = 12 + 320 * sizes / sizes.max()
    texts = [ax.annotate(g.nodes[n]["label"], pos[n], xytext=(0, np.sqrt(a) / 2 + 1), textcoords="offset points",
                         fontsize=6.5, ha="center", va="bottom", zorder=5,
                         bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
             for n, a in zip(busiest, area, strict=True)]
    ax.set_axis_off()
    ax.set_title(title)
    ax.autoscale_view()
    ax.margins(0.08)
    handles = [Patch(color=colour[c], label=f"community {c} (with {g.nodes[order[c]]['label']})") for c in groups]
    if any(community.get(n) not in colour for n in busiest):
        handles.append(Patch(color=OTHER, label="other communities"))
    ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(0, -0.01), ncol=2)
    fig = _finish(fig, f"The {h.number_of_nodes()} busiest of {g.number_of_nodes()} actors; ties of 2+ shared events; "
                       "node area grows with events, line width with shared events", reserve=0.2 * ((len(handles) + 1) // 2) + 0.1)
    _place_labels(fig, ax, texts)
    return fig


def activity_and_context(events: pd.DataFrame, route: pd.DataFrame, asylum: pd.DataFrame,
                         title: str = "Cooperation activity and its context") -> Figure | None:
    """Three panels over the same years: events per year (earliest possible date); irregular
    crossings detected on the Western Balkan route; asylum applications per Participant. Years
    without a sourced figure stay gaps, never interpolated."""
    dated = events.dropna(subset=["date_start"])
    if dated.empty:
        return None
    years = dated.date_start.dt.year.astype(int).value_counts().sort_index()
    first = min([years.index.min(), *([route.index.min()] if not route.empty else []),
                 *([asylum.index.min()] if not asylum.empty else [])])
    last = max([years.index.max(), *([route.index.max()] if not route.empty else [])])
    fig, axes = plt.subplots(3, 1, figsize=(A4_WIDTH, 7.4), sharex=True, height_ratios=(1, 1, 1.2))
    axes[0].bar(years.index, years.to_numpy(), color=PALETTE[0])
    axes[0].set(title="Cooperation events in the record, per year", ylabel="Events")
    if not route.empty:
        s = route.iloc[:, 0].reindex(range(first, last + 1))
        axes[1].plot(s.index, s.to_numpy(), marker="o", ms=3.5, color=PALETTE[3])
        axes[1].set_yscale("log")
        axes[1].margins(y=0.15)
    axes[1].set(title="Irregular crossings detected on the Western Balkan route (Frontex)", ylabel="Detections (log)")
    names = {"AL": "Albania", "BA": "Bosnia and Herzegovina", "XK": "Kosovo*", "ME": "Montenegro", "MK": "North Macedonia",
             "RS": "Serbia"}
    colour = dict(zip(names, [PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[4], PALETTE[5], PALETTE[7]], strict=True))
    for code in (c for c in names if c in asylum.columns):
        s = asylum[code].reindex(range(first, last + 1))
        axes[2].plot(s.index, s.to_numpy(), marker="o", ms=3.5, color=colour[code], label=names[code])
    if not asylum.empty:
        axes[2].set_yscale("log")
        axes[2].margins(y=0.3)
        axes[2].legend(fontsize=7, frameon=False, ncol=3, loc="upper left")
    axes[2].set(title="Asylum applications lodged, by Participant", ylabel="Applications (log)", xlabel="Year")
    axes[2].xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=12))
    for ax in axes:
        ax.set_xlim(first - 0.7, last + 0.7)
    return _finish(fig, "Context figures: numbers stated on public pages (data/context_indicators.csv); gaps are years "
                        "without a sourced figure")
