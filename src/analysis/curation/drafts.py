"""Drafts: the reviewable form of new events (the format, reading it safely, normalising dates).

A draft is YAML (or JSON): one event mapping, a list of them, or a mapping with ``events``
and, optionally, ``organisations`` and ``initiatives`` (the forms of ``new_organisations`` and
``new_initiatives`` below) to add entities on their own.
``ingest`` writes drafts; people review and edit them; ``add`` turns them into rows.
Keys of one event (all optional unless marked):

- ``title`` (required), ``kind``, ``status``, ``summary``: as in ``events``;
- ``date_start`` / ``date_end``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``date_precision``
  (inferred from the forms when absent); ``date_note``: evidence for windows;
- ``url`` (required): the source page; ``extra_urls`` (same post elsewhere), ``report_urls``
  (other pages on the event), ``dating_urls`` (pages used to date it); ``date_accessed``;
- ``url`` may come with ``publisher`` (who published the page; derived from the address when absent);
- ``place``: a place id, or ``{name, country, kind, aliases}``; a new place takes its GeoNames id
  and coordinates from the gazetteer (:mod:`analysis.curation.geonames`), never from the draft;
- ``organisations``: ``[{id, role}]``, with ``new_organisations: [{id, name, acronym, kind,
  country, aliases}]`` for ones the package does not know yet;
- ``people``: ``[{name, title, title_original, organisation}]`` (matched by name and aliases, else
  new); ``title`` in English, ``title_original`` the source's wording when it is in another language;
- ``countries``, ``topics``, ``initiatives``: lists of ids; ``new_initiatives``: ``[{id, name,
  kind, description, start, end, status, url, lead, funders, partners, places}]``;
- ``distinct_from``: ``[{event, reason}]``, recorded events this one is known not to repeat
  (two sessions reported on one page), so the duplicate check lets the pair stand;
- ``follow_ups``: events agreed at this one, in the same form; they become ``planned`` events
  whose ``follow_up_of`` points here.

Keys starting with ``evidence``, ``date_evidence`` or ``_`` are notes for the reviewer and are
ignored, and so is ``mentioned`` (what ``ingest`` found the page only mentions, with the reason and
evidence: a reviewer who decides one took part moves it into ``organisations`` or ``countries``).
Any other key is an error, so a typo cannot silently drop a fact.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import AnalysisError
from analysis.textio import read_text

EVENT_KEYS = {
    "title", "kind", "status", "summary", "date_start", "date_end", "date_precision", "date_note", "url", "publisher",
    "extra_urls", "report_urls", "dating_urls", "date_accessed", "place", "organisations", "new_organisations",
    "people", "countries", "topics", "initiatives", "new_initiatives", "follow_ups", "distinct_from",
}
IGNORED_PREFIXES = ("evidence", "date_evidence", "_", "mentioned")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


#: the largest draft file ``add`` reads (a draft of a thousand events is about 2 MB)
MAX_DRAFT_BYTES = 20_000_000


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a draft never needs them, and an alias bomb (a few
    lines that expand to gigabytes) must not be expanded."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.YAMLError(f"line {mark.line + 1}, column {mark.column + 1}: YAML aliases (*name) are not "
                                 "allowed in drafts; write the value out")
        return super().compose_node(parent, index)


@dataclass
class Draft:
    events: list[dict]
    organisations: list[dict] = field(default_factory=list)
    initiatives: list[dict] = field(default_factory=list)


def read_drafts(path: Path) -> Draft:
    """Read a draft file (YAML or JSON)."""
    text, _ = read_text(path, limit=MAX_DRAFT_BYTES, what="draft")
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise AnalysisError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    top = {"events", "organisations", "initiatives"}
    if isinstance(data, dict) and ("events" in data or set(data) <= top):
        extra = set(data) - top
        if extra:
            raise AnalysisError(f"{path}: unknown top-level key(s) {', '.join(sorted(extra))}; allowed: {', '.join(sorted(top))}")
        draft = Draft(data.get("events") or [], data.get("organisations") or [], data.get("initiatives") or [])
    elif isinstance(data, dict):
        draft = Draft([data])
    else:
        draft = Draft(data if isinstance(data, list) else [])
    parts = (draft.events, draft.organisations, draft.initiatives)
    if not any(parts) or not all(isinstance(e, dict) for part in parts for e in part):
        raise AnalysisError(f"{path}: a draft holds one event mapping, a list of them, or 'events: [...]' "
                            "(with optional 'organisations' and 'initiatives')")
    return draft


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def normalise_dates(start: Any, end: Any, precision: str | None) -> tuple[str, str, str]:
    """Full ISO start/end dates and the precision, from a draft's partial dates.

    >>> normalise_dates("2018-03", None, None)
    ('2018-03-01', '2018-03-31', 'month')
    >>> normalise_dates("2023-05-29", "2023-05-31", None)
    ('2023-05-29', '2023-05-31', 'span')
    >>> normalise_dates("2017-05-30", "2018-09", "window")
    ('2017-05-30', '2018-09-30', 'window')
    """
    s, e = text_of(start), text_of(end)
    if not s and not e:
        return "", "", precision or "unknown"
    ms = _PARTIAL_DATE.match(s)
    me = _PARTIAL_DATE.match(e) if e else None
    if not ms or (e and not me):
        raise ValueError(f"dates must be YYYY-MM-DD, YYYY-MM or YYYY (got start {s!r}, end {e!r})")

    def first(m: re.Match) -> str:
        y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
        return f"{y}-{mo}-{d}"

    def last(m: re.Match) -> str:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if d:
            return f"{y:04d}-{mo}-{d}"
        if mo:
            return f"{y:04d}-{mo}-{calendar.monthrange(y, int(mo))[1]:02d}"
        return f"{y:04d}-12-31"

    if precision is None:
        if ms.group(3):
            precision = "span" if me and e != s else "day"
        elif ms.group(2):
            precision = "month"
        else:
            precision = "year"
    if precision == "day":
        return first(ms), first(ms) if not me else last(me), precision
    return first(ms), last(me or ms), precision
