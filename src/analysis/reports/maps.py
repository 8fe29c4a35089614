"""Where cooperation happens: events by place and period, drawn over country outlines.

The outlines are Natural Earth's 1:110m Admin 0 countries (public domain), a European extract
committed with the package (``assets/countries-110m-europe.geojson``, written by
``scripts/make_outlines.py`` from the copy the pyogrio wheel ships): nothing is downloaded.
Places get their coordinates from the record (``places.csv``, from GeoNames); places without
coordinates (border crossings, academies) are counted, never placed by guess.

>>> from analysis.reports.select import select
>>> table = places_by_period(select(load(), period="2018"), ["2018"])
>>> bool((table.events > 0).all()) and {"latitude", "longitude", "period"} <= set(table.columns)
True
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.record.load import load  # noqa: F401  (used by the doctest)
from analysis.reports.figures import A4_WIDTH, PALETTE, _finish, _place_labels
from analysis.reports.select import Selection, parse_period

OUTLINES = Path(__file__).resolve().parent / "assets" / "countries-110m-europe.geojson"
#: the frame of the regional map (lon_min, lon_max, lat_min, lat_max): the six Participants and their neighbours
REGION = (13.0, 24.5, 39.3, 47.0)
PARTICIPANTS = ("AL", "BA", "XK", "ME", "MK", "RS")


@cache
def outlines() -> list[tuple[str, str, list[np.ndarray]]]:
    """(ISO code, name, rings) of every country in the extract."""
    doc = json.loads(OUTLINES.read_text(encoding="utf-8"))
    out = []
    for feature in doc["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [np.asarray(poly[0]) for poly in polygons]
        out.append((feature["properties"].get("iso_a2") or "", feature["properties"]["name"], rings))
    return out


def _period_of(dates: pd.Series, periods: list[str]) -> pd.Series:
    label = pd.Series(pd.NA, index=dates.index, dtype="object")
    for period in periods:
        first, last = parse_period(period)
        label = label.mask(label.isna() & (dates >= first) & (dates <= last), period)
    return label


def places_by_period(sel: Selection, periods: list[str]) -> pd.DataFrame:
    """Events per place and period (by each event's earliest possible date), with coordinates;
    places without coordinates keep empty ones."""
    ev = sel.events.dropna(subset=["place_id", "date_start"])
    if ev.empty:
        return pd.DataFrame(columns=["place_id", "place", "country_code", "latitude", "longitude", "period", "events"])
    ev = ev.assign(period=_period_of(ev.date_start, periods)).dropna(subset=["period"])
    counts = ev.groupby(["place_id", "period"], observed=True).event_id.nunique().rename("events").reset_index()
    places = sel.record.places[["place_id", "name", "country_code", "latitude", "longitude"]].rename(columns={"name": "place"})
    counts["place_id"] = counts.place_id.astype(str)
    places = places.assign(place_id=places.place_id.astype(str))
    out = counts.merge(places, on="place_id", how="left")
    order = {p: i for i, p in enumerate(periods)}
    out = out.sort_values(["period", "events", "place"], key=lambda s: s.map(order) if s.name == "period" else s,
                          ascending=[True, False, True], kind="stable")
    return out[["place_id", "place", "country_code", "latitude", "longitude", "period", "events"]].reset_index(drop=True)


def _inside(table: pd.DataFrame, frame: tuple[float, float, float, float]) -> pd.Series:
    x0, x1, y0, y1 = frame
    return table.longitude.between(x0, x1) & table.latitude.between(y0, y1)


def outside_frame(table: pd.DataFrame, frame: tuple[float, float, float, float] = REGION) -> pd.DataFrame:
    """Places the regional map cannot show: elsewhere in the world, or without coordinates."""
    rest = table[~_inside(table, frame) | table.latitude.isna()]
    where = np.where(rest.latitude.isna(), "no coordinates in the record", "outside the map's frame")
    return rest.assign(why=where).groupby(["place", "country_code", "why"], dropna=False).events.sum().reset_index() \
        .sort_values(["events", "place"], ascending=[False, True], kind="stable").reset_index(drop=True)


def events_map(table: pd.DataFrame, periods: list[str], title: str, frame: tuple[float, float, float, float] = REGION,
               label: int = 6) -> Figure | None:
    """One panel per period over the same frame: a circle per place, its area proportional to the
    number of events there, coloured by period; the busiest places of each period are named."""
    shown = table[_inside(table, frame)]
    if shown.empty:
        return None
    cols = min(len(periods), 3)
    rows = -(-len(periods) // cols)
    x0, x1, y0, y1 = frame
    aspect = (y1 - y0) / ((x1 - x0) * np.cos(np.radians((y0 + y1) / 2)))
    width = A4_WIDTH / cols
    fig, axes = plt.subplots(rows, cols, figsize=(A4_WIDTH, rows * width * aspect + 1.0), squeeze=False)
    biggest = shown.events.max()
    texts = {}
    for ax, period in zip(axes.flat, periods, strict=False):
        for code, _, rings in outlines():
            face = "#f2efe6" if code in PARTICIPANTS else "#fafafa"
            ax.add_collection(PolyCollection(rings, facecolors=face, edgecolors="#9a9a9a", linewidths=0.5, zorder=1))
        here = shown[shown.period == period].sort_values("events", ascending=False)
        colour = PALETTE[periods.index(period) % len(PALETTE)]
        ax.scatter(here.longitude, here.latitude, s=6 + 420 * here.events / biggest, color=colour, alpha=0.6,
                   edgecolors="white", linewidths=0.5, zorder=2)
        texts[ax] = [ax.annotate(f"{r.place} {r.events}", (r.longitude, r.latitude), xytext=(3, 3), textcoords="offset points",
                                 fontsize=6, zorder=3) for _, r in here.head(label).iterrows()]
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"{period}: {int(here.events.sum())} events mapped", fontsize=8, color=colour)
        for side in ax.spines.values():
            side.set(visible=True, color="#bbbbbb", linewidth=0.6)
    for ax in axes.flat[len(periods):]:
        ax.set_axis_off()
    fig.suptitle(title, fontsize=11, fontweight="bold")
    sizes = sorted({max(1, round(biggest * f)) for f in (0.1, 0.5, 1.0)})
    handles = [Line2D([], [], ls="", marker="o", ms=np.sqrt(6 + 420 * n / biggest), color="#777777", alpha=0.6,
                      label=f"{n} event{'s' if n != 1 else ''}") for n in sizes]
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=7, frameon=False,
               bbox_to_anchor=(0.5, 0.06))
    fig = _finish(fig, "Circles: events at each place, by earliest possible date. Outlines: Natural Earth 1:110m (public "
                       "domain); the six Participants shaded", reserve=0.35)
    for ax, names in texts.items():
        _place_labels(fig, ax, names)
    return fig
