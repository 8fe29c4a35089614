"""Stage 3, dates as the region writes them: written dates and spans in English and the region's
languages, numeric stamps (day first unless the page shows otherwise), "yesterday" and weekdays
resolved against the publication date, and the event's date among several (a date stated in the
text wins over a page stamp).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from analysis.curation.ingest.matching import Folded
from analysis.curation.ingest.text import Sentence, Span, _line_of, sentence_at

#: month names (folded: lower case, Latin, no diacritics) with their inflected forms' stems
_MONTH_STEMS = {
    1: "january jan januar sijecanj sijecnj janar", 2: "february feb februar februa fevruar veljac shkurt",
    3: "march mar mart marta ozujak ozujk mars", 4: "april apr aprila travanj travnj prill",
    5: "may maj maja svibanj svibnj", 6: "june jun juna juni lipanj lipnj qershor", 7: "july jul jula juli srpanj srpnj korrik",
    8: "august aug avgust avgusta kolovoz kolovoz gusht", 9: "september sep sept septembar septembr septemvri rujan rujn shtator",
    10: "october oct okt oktobar oktobr oktomvri listopad listopad tetor", 11: "november nov novembar novembr noemvri studen nentor",
    12: "december dec decembar decembr dekemvri prosinac prosinc dhjetor",
}
_MONTHS = {w: n for n, words in _MONTH_STEMS.items() for w in words.split()}
_MON = (r"((?:" + "|".join(sorted((w for w in _MONTHS if len(w) > 4), key=len, reverse=True)) + r")[a-z]{0,3}|(?:"
        + "|".join(sorted((w for w in _MONTHS if len(w) <= 4), key=len, reverse=True)) + r")(?:a|u|e|i)?\b)\.?")
_DAY = r"(\d{1,2})(?:st|nd|rd|th|ti|vi|ri|mi|\.)?"
_YEAR = r"((?:19|20)\d{2})"
#: hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus sign
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SEP = rf"\s*(?:[{_DASHES}]|to|until|till|and|do|i|deri|ne|deri ne)\s*(?:the\s+)?"
_FROM = r"(?:(?:from|od|from the|od)\s+)?(?:the\s+)?"

#: date patterns on the folded text, most specific first: (regex, kind)
DATE_PATTERNS = [
    (re.compile(rf"\b{_FROM}{_DAY}\s*(?:of\s+)?{_MON}\s*,?\s*{_YEAR}?{_SEP}{_DAY}\s*(?:of\s+)?{_MON},?\s*{_YEAR}"), "dmy-dmy"),
    (re.compile(rf"\b{_MON}\s+{_DAY}{_SEP}{_MON}\s+{_DAY},?\s*{_YEAR}"), "md-md-y"),
    (re.compile(rf"\b{_FROM}{_DAY}{_SEP}{_DAY}\s*(?:of\s+)?{_MON},?\s*{_YEAR}?"), "dd-m"),
    (re.compile(rf"\b{_MON}\s+{_DAY}{_SEP}{_DAY},?\s*{_YEAR}"), "m-dd-y"),
    (re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MON},?\s*{_YEAR}"), "dmy"),
    (re.compile(rf"\b{_MON}\s+{_DAY},?\s*{_YEAR}"), "mdy"),
    (re.compile(r"\b((?:19|20)\d{2})[./-](\d{1,2})[./-](\d{1,2})\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})\.?\s*[{_DASHES}]\s*(\d{{1,2}})[./](\d{{1,2}})[./]\s?((?:19|20)\d{{2}})\b"), "numeric-span"),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]\s?((?:19|20)\d{2})\b"), "numeric"),
    (re.compile(rf"\b(?:in\s+)?{_MON}\s+{_YEAR}\b"), "my"),
]
_RELATIVE = {
    0: r"\b(?:today|today's|this morning|danas|jutros|deneska|denes|sot|sotme|sotem|sonte|danasnj\w*|denesn\w*)\b",
    -1: r"\b(?:yesterday|jucer|juce|jučer|vchera|vcera|dje)\b",
}
_WEEKDAYS = {d: n for n, words in enumerate(["monday ponedjeljak ponedeljak ponedelnik e hene", "tuesday utorak vtornik e marte",
                                              "wednesday srijeda sreda sreda e merkure", "thursday cetvrtak chetvrtok e enjte",
                                              "friday petak petok e premte", "saturday subota sabota e shtune",
                                              "sunday nedjelja nedelja nedela e diel"]) for d in words.split() if len(d) > 2}
_TIME = re.compile(r"^\.?,?[ \t]*(?:u\s+|at\s+|во\s+)?\d{1,2}[:.]\d{2}\b")  # a time on the date's own line


def _iso(y, m, d) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except (ValueError, TypeError):
        return None


def _month(name: str) -> int:
    name = name.rstrip(".")
    for k in sorted(_MONTHS, key=len, reverse=True):
        if name.startswith(k):
            return _MONTHS[k]
    raise KeyError(name)


def find_dates(text: str, *, f: Folded | None = None) -> list[dict]:
    """Every date or span the text states, in order, as draft date fields with evidence; numeric
    stamps are marked ``stamp`` (a page's date, second to a written one).

    >>> [d["date_start"] + "/" + d["date_end"] for d in find_dates("held from the 11th to the 14th April 2014")]
    ['2014-04-11/2014-04-14']
    >>> [(d["date_start"], d["date_end"]) for d in find_dates("29 May – 1 June 2023; 16. srpnja 2024. godine")]
    [('2023-05-29', '2023-06-01'), ('2024-07-16', '2024-07-16')]
    >>> find_dates("Skopje, 11/9/2018")[0]["date_start"], find_dates("Skopje, 9/13/2018")[0]["date_start"]
    ('2018-09-11', '2018-09-13')
    """
    f = f or Folded(text)
    ft = f.text
    numeric = next(p for p, kind in DATE_PATTERNS if kind == "numeric")
    month_first = any(int(m.group(2)) > 12 >= int(m.group(1)) for m in numeric.finditer(ft))
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, kind in DATE_PATTERNS:
        for m in pattern.finditer(ft):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groups()
            start = end = None
            prec = "day"
            try:
                if kind == "dmy-dmy":
                    d1, m1, y1, d2, m2, y2 = g
                    start, end = _iso(y1 or y2, _month(m1), d1), _iso(y2, _month(m2), d2)
                elif kind == "md-md-y":
                    m1, d1, m2, d2, year = g
                    start, end = _iso(year, _month(m1), d1), _iso(year, _month(m2), d2)
                elif kind == "dd-m":
                    d1, d2, mon, year = g
                    if not year:
                        continue  # a day and month without a year: not enough to date anything
                    start, end = _iso(year, _month(mon), d1), _iso(year, _month(mon), d2)
                elif kind == "m-dd-y":
                    mon, d1, d2, year = g
                    start, end = _iso(year, _month(mon), d1), _iso(year, _month(mon), d2)
                elif kind in ("dmy", "mdy"):
                    d, mon, year = g if kind == "dmy" else (g[1], g[0], g[2])
                    start = end = _iso(year, _month(mon), d)
                elif kind == "ymd":
                    year, mon, d = g
                    start = end = _iso(year, mon, d)
                elif kind == "numeric-span":  # "29-31.05.2019", "29.–31.05.2019": the region's day-first spans
                    d1, d2, mon, year = g
                    start, end = _iso(year, mon, d1), _iso(year, mon, d2)
                elif kind == "numeric":
                    a, b, year = g
                    d, mon = (b, a) if (month_first or int(b) > 12) and int(a) <= 12 else (a, b)
                    start = end = _iso(year, mon, d)
                elif kind == "my":
                    mon, year = g
                    start, end, prec = f"{year}-{_month(mon):02d}", None, "month"
            except KeyError:
                continue
            if not start or (end is None and prec != "month"):
                continue
            if prec == "day" and end != start:
                prec = "span"
            if prec == "span" and end < start:
                continue
            taken.append((m.start(), m.end()))
            s, e = f.orig(m.start(), m.end())
            line_start, line_end = ft.rfind("\n", 0, m.start()) + 1, (ft.find("\n", m.end()) + 1 or len(ft) + 1) - 1
            alone = len(ft[line_start:line_end].strip()) - (m.end() - m.start()) < 50
            stamp = (kind in ("numeric", "ymd") and (alone or m.start() - line_start < 3)) or bool(_TIME.match(ft[m.end():m.end() + 12])) \
                or bool(_UPDATED.search(ft[max(0, m.start() - 30):m.start()])) \
                or (prec == "day" and bool(_ONLY_DATE.fullmatch(ft[line_start:m.start()] + " " + ft[m.end():line_end])))
            found.append({"pos": s, "date_start": start, "date_end": end or start if prec != "month" else None,
                          "date_precision": prec, "stamp": stamp, "evidence": str(Span(_line_of(text, s), text[s:e].strip()))})
    found.sort(key=lambda d: d["pos"])
    return found


def relative_dates(text: str, published: str | None, f: Folded | None = None) -> list[dict]:
    """'today', 'yesterday' and 'on Monday' as dates, counted back from the publication date."""
    if not published:
        return []
    f = f or Folded(text)
    base = dt.date.fromisoformat(published[:10])
    out = []
    for shift, pattern in _RELATIVE.items():
        for m in re.finditer(pattern, f.text):
            out.append((m.start(), base + dt.timedelta(days=shift), m))
    weekday = re.compile(r"\b(?:on|last|this past|u|na|во|ne|të)\s+(" + "|".join(map(re.escape, _WEEKDAYS)) + r")\b(?!\s*,?\s*\d)")
    for m in weekday.finditer(f.text):
        back = (base.weekday() - _WEEKDAYS[m.group(1)]) % 7
        out.append((m.start(), base - dt.timedelta(days=back), m))
    dates = []
    for _, day, m in sorted(out, key=lambda x: x[0]):
        s, e = f.orig(m.start(), m.end())
        dates.append({"pos": s, "date_start": day.isoformat(), "date_end": day.isoformat(), "date_precision": "day", "stamp": False,
                      "evidence": f"{Span(_line_of(text, s), text[s:e])} counted from the publication date {published[:10]}"})
    return dates


#: words right before a date that make it another thing's date ("the Action Plan adopted on 5 May 2021", "the Centre was
#: opened on 24 March 2014", "in the period of June-December 2022")
_OTHER_THING = re.compile(r"(?:\b(?:adopted|signed|opened|established|founded|launched|ratified|entered into force|in force since|"
                          r"usvojen\w*|potpisan\w*|otvoren\w*|osnovan\w*|uspostavljen\w*)\s+(?:on|in|at|u|na|dana)?\s*(?:the\s+)?)$", re.I)
#: before a month: a period's end or a month compared with, not an event's month ("in the period of June-December 2022",
#: "manji u odnosu na decembar 2010", "since March 2015", "od početka marta 2016")
_PERIOD = re.compile(rf"(?:\bperiod\w*\s+(?:of\s+|od\s+)?|{_MON}\s*[{_DASHES}]\s*|\b(?:u odnosu na|compared (?:to|with)|than in|"
                     rf"since|until|od|do|sve do|prije|pre|before)\s+(?:the\s+)?"
                     r"(?:(?:end|beginning|start|middle) of\s+(?:the\s+)?|(?:kraja|pocetka|sredine)\s+)?)$", re.I)
_ELSEWHERE = re.compile(r"\b(?:previous|last|earlier|former|prior|first)\s+(?:meeting|conference|session|round)|"
                        r"\bprethodn\w*|\bposljednj\w*|\bwill\b|\bnext\b|\bsljedec\w*|\bsledec\w*|\bnaredn\w*|\bdeadline\b|\buntil\b", re.I)


_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|ponedjeljak|ponedeljak|utorak|srijeda|sreda|cetvrtak|"
            r"petak|subota|nedjelja|nedelja|ponedelnik|vtornik|cetvrtok|petok|sabota|nedela|e hene|e marte|e merkure|e enjte|"
            r"e premte|e shtune|e diel)")
#: a line that holds nothing but a day's date, a weekday and punctuation is the page's stamp, not a heading that dates the
#: event ("21. децембар 2015.", "E premte, 5 Dhjetor, 2025"): folded text
_ONLY_DATE = re.compile(rf"[\s,.:|/-]*(?:{_WEEKDAY}[\s,.:|/-]*)?")


def _is_heading(text: str, pos: int) -> bool:
    """Is the date on a short line that is not a sentence (a title, a caption, a dateline)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end != -1 else len(text)].strip()
    return len(line) < 120 and not line.endswith(".")


#: a page's update or publication note before a date (folded): "(ažurirano 02.Apr.2020.)", "Updated: 3 May 2021"
_UPDATED = re.compile(r"\b(?:azurirano|azurirana|updated|last updated|last modified|published|posted|objavljeno|objavljen|"
                      r"izmijenjeno|izmenjeno|azhurirano|objaveno|perditesuar|publikuar)\s*(?:on|:|-)?\s*$", re.I)


def event_date(text: str, dates: list[dict], relative: list[dict], sentences: list[Sentence], place_names: dict[str, list[str]],
               place: dict | None) -> dict | None:
    """The event's date. In order: the first day or span written in a sentence that is not about another event (held
    elsewhere, an earlier or a next one); a date written in a heading line ("TRM Project Team Meeting, Mavrovo, 8–10
    September 2008"); a relative date ("today", "on Monday") counted from the publication date; a month. A page stamp
    alone never dates the event (it dates the page). ``place_names`` maps each known place to the offsets it is named at."""
    written = [d for d in dates if not d["stamp"]]
    candidates, headings = [], []
    for d in written:
        if _is_heading(text, d["pos"]):
            headings.append(d)
            continue
        s = sentence_at(sentences, d["pos"])
        sentence = s.text if s else ""
        others = [pid for pid, offsets in place_names.items()
                  if s and bisect.bisect_left(offsets, s.start) < bisect.bisect_left(offsets, s.end)]
        line_start = text.rfind("\n", 0, d["pos"]) + 1
        dateline = re.fullmatch(r"\s*[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3},\s*", text[line_start:d["pos"]])
        if place and set(others) - {place.get("id")} and place.get("id") not in others and not dateline:
            continue  # "the first conference, held in Ohrid in October 2021": another event's date
        if _OTHER_THING.search(text[max(0, d["pos"] - 40):d["pos"]]) or \
                (d["date_precision"] == "month" and _PERIOD.search(Folded(text[max(0, d["pos"] - 40):d["pos"]]).text)):
            continue
        if _ELSEWHERE.search(sentence) and len(written) > 1:
            continue
        candidates.append(d)
    months = [d for d in candidates if d["date_precision"] != "month" or not _background_month(d, text, publication_date(dates))]
    for group in ([d for d in candidates if d["date_precision"] != "month"], [d for d in headings if d["date_precision"] != "month"],
                  relative, months, headings):
        if group:
            return group[0]
    return None


#: a day of a month written without a year ("16. svibnja su potpisale", "on 16 May"), on the folded text
_DAY_MONTH = re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MON}(?!\s*,?\s*(?:19|20)\d\d)")


def _background_month(d: dict, text: str, published: str | None) -> bool:
    """Is a month-only date the background's ("na belu listu je dospela u decembru 2009", "Akcijski plan ... predstavljen u
    prosincu 2022"), not the event's? It is when it ends more than two months before the page's own date (a release reports
    its event within days), or when the text dates the event by a day of another month without a year ("16. svibnja").

    >>> _background_month({"date_start": "2009-12"}, "x", "2011-03-30"), _background_month({"date_start": "2011-02"}, "x", "2011-03-30")
    (True, False)
    >>> _background_month({"date_start": "2022-12"}, "Potpisale su 16. svibnja sporazum.", None)
    True
    """
    y, m = (int(x) for x in d["date_start"][:7].split("-"))
    if published and (int(published[:4]) * 12 + int(published[5:7])) - (y * 12 + m) > 2:
        return True
    return any(_month(x.group(2)) != m for x in _DAY_MONTH.finditer(Folded(text).text))


def publication_date(dates: list[dict]) -> str | None:
    """The page's own date, from the first stamp in the text that names a day ("28/02/2024", "Izvor: RTS,
    14.Okt.2024, 15:36"); "published in June 2014" is no page stamp to count days back from."""
    return next((d["date_start"] for d in dates if d["stamp"] and d["date_precision"] == "day"), None)
