"""Dates as press releases write them: patterns, the event date among several, the dateline."""

from __future__ import annotations

import datetime as dt
import re

from analysis.curation.ingest.entities import _places
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.text import Span, _line_of

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(January|February|March|April|May|June|July|August|September|Sept|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
#: hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign, or words
_DASHES = "-‐‑‒–—―−"
_DASH = rf"\s*(?:[{_DASHES}]|to|until|till|and)\s*(?:the\s+)?"

#: date patterns, most specific first: (regex, kind)
DATE_PATTERNS = [
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\s*,?\s*{_YEAR}?{_DASH}{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}", re.I), "dmy-dmy"),
    (re.compile(rf"\b(?:from\s+)?(?:the\s+)?{_DAY}{_DASH}{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}?", re.I), "dd-dm"),
    (re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_DAY},?\s*{_YEAR}", re.I), "m-dd-y"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}", re.I), "dmy"),
    (re.compile(rf"\b{_MON}\s+{_DAY},?\s*{_YEAR}", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\.?\s*[{_DASHES}]\s*(\d{{1,2}})[./](\d{{1,2}})[./]((?:19|20)\d{{2}})\b"), "numeric-span"),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b"), "numeric"),
    (re.compile(rf"\b(?:in\s+)?{_MON}\s+{_YEAR}\b", re.I), "my"),
]

def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def find_dates(text: str) -> list[dict]:
    """Every date or span the text states, in order, as draft date fields with evidence.

    >>> [d["date_start"] + "/" + d["date_end"] for d in find_dates("held from the 11th to the 14th April 2014")]
    ['2014-04-11/2014-04-14']
    >>> find_dates("On 2 October 2014 in Skopje")[0]["date_precision"]
    'day'
    >>> find_dates("29-31 May 2023")[0]["date_end"]
    '2023-05-31'
    >>> [d["date_start"] + "/" + d["date_end"] for d in find_dates("on 29.–31.05.2019")]
    ['2019-05-29/2019-05-31']
    """
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, kind in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groups()
            start = end = None
            prec = "day"
            if kind == "dmy-dmy":
                d1, m1, y1, d2, m2, y2 = g
                start, end = _iso(y1 or y2, _month(m1), d1), _iso(y2, _month(m2), d2)
            elif kind == "dd-dm":
                d1, d2, mon, year = g
                if not year:
                    continue  # a day and month without a year: not enough to date anything
                start, end = _iso(year, _month(mon), d1), _iso(year, _month(mon), d2)
            elif kind == "m-dd-y":
                mon, d1, d2, year = g
                start, end = _iso(year, _month(mon), d1), _iso(year, _month(mon), d2)
            elif kind == "dmy":
                d, mon, year = g
                start = end = _iso(year, _month(mon), d)
            elif kind == "mdy":
                mon, d, year = g
                start = end = _iso(year, _month(mon), d)
            elif kind == "numeric-span":
                d1, d2, mon, year = g
                start, end = _iso(year, mon, d1), _iso(year, mon, d2)
            elif kind == "numeric":
                d, mon, year = g
                start = end = _iso(year, mon, d)
            elif kind == "my":
                mon, year = g
                start, end, prec = f"{year}-{_month(mon):02d}", None, "month"
            if not start or (end is None and prec != "month"):
                continue
            if re.match(r",?\s*\d{1,2}:\d{2}", text[m.end():m.end() + 8]):
                continue  # a publication stamp ("07.07.2010, 20:31"), not the event's date
            if prec == "day" and end != start:
                prec = "span"
            if prec == "span" and end < start:
                continue
            taken.append((m.start(), m.end()))
            found.append({"pos": m.start(), "date_start": start, "date_end": end or start if prec != "month" else None,
                          "date_precision": prec, "evidence": str(Span(_line_of(text, m.start()), m.group(0).strip()))})
    found.sort(key=lambda d: d["pos"])
    return found


def _event_date(text: str, dates: list[dict], sentences: list[tuple[int, int, str]], g: Gazetteer,
                place: dict | None) -> dict | None:
    """The first date that is not about an event elsewhere: a date in a sentence naming another
    known place than the event's ("the first conference, held in Ohrid in October 2021") is skipped."""
    for d in dates:
        sentence = next((s for _, off, s in sentences if off <= d["pos"] < off + len(s) + 1), "")
        others = {p["id"] for p in _places(sentence, g, set())} - {place.get("id") if place else None}
        if place and others:
            continue
        return d
    return None


def _dateline_place(text: str) -> tuple[str, int] | None:
    """The place a release opens with ('Lyon – ...', 'SKOPJE, 3 May -')."""
    m = re.match(r"^\s*([A-ZČĆŠŽĐ][\w'’ .-]{1,40}?)\s*(?:,[^–—\n-]{0,30})?\s*[–—-]\s+\S", text)
    if m and not any(c.isdigit() for c in m.group(1)):
        return m.group(1).strip().title() if m.group(1).isupper() else m.group(1).strip(), m.start(1)
    return None
