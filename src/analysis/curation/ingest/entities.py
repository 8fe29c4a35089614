"""Kind, status cues, organisations and their roles, places, countries, topics and initiatives in a release."""

from __future__ import annotations

import bisect
import re

from analysis.curation.ingest.gazetteer import Gazetteer, words_of
from analysis.curation.ingest.text import Span, _line_of, _sentences
from analysis.curation.names import normalise

FUTURE = re.compile(r"\b(will be (?:held|organi[sz]ed)|will take place|is scheduled|are scheduled|upcoming|is planned|to be held)\b", re.I)
FOLLOW_UP = re.compile(r"\b(follow[ -]?up|agreed|will be organi[sz]ed|next (?:meeting|step))\b", re.I)
KIND_WORDS = [
    ("study-visit", r"study visit"), ("training", r"training|course"), ("workshop", r"workshop"),
    ("conference", r"conference"), ("seminar", r"seminar"), ("forum", r"\bforum\b"), ("exercise", r"exercise|joint operation"),
    ("signing", r"\bsign(?:ed|ing)\b|memorandum|protocol"), ("launch", r"\blaunch(?:ed|ing)?\b|opening ceremony"),
    ("meeting", r"meeting|met with|talks|visit"),
]
ROLE_CUES = [
    ("donor", re.compile(r"(?:funded|financed|supported|sponsored)\s+by|with the (?:financial )?support of|donated by", re.I)),
    ("organiser", re.compile(r"organi[sz]ed by|organi[sz]er|in organi[sz]ation of", re.I)),
    ("host", re.compile(r"hosted by|host(?:ed)? of|at the invitation of", re.I)),
    ("trainer", re.compile(r"trainers? (?:from|of)|delivered by|lecturers? from", re.I)),
]
#: capitalised words that are titles or institutions, not names of people

def _kind(text: str) -> tuple[str, str]:
    """The kind named first in the opening sentences (on a tie, the more specific kind)."""
    head = " ".join(s for _, _, s in _sentences(text)[:2]).lower()
    best = None
    for rank, (kind, pattern) in enumerate(KIND_WORDS):
        m = re.search(pattern, head)
        if m and (best is None or (m.start(), rank) < best[0]):
            best = ((m.start(), rank), kind, m.group(0))
    return (best[1], best[2]) if best else ("meeting", "")


def _orgs(text: str, g: Gazetteer) -> list[dict]:
    hits: dict[str, dict] = {}
    present = words_of(text)
    for pattern, oid, form in g.orgs:
        if not words_of(form) <= present:
            continue
        for m in pattern.finditer(text):
            h = hits.setdefault(oid, {"id": oid, "count": 0, "first": m.start(), "spans": []})
            h["count"] += 1
            h["first"] = min(h["first"], m.start())
            h["spans"].append((m.start(), m.end()))
    # a shorter alias inside a longer match of another organisation is not a mention of its own;
    # spans are sorted by start, so only those starting at most the longest span's length earlier can contain one
    spans = sorted((a, b, oid) for oid, h in hits.items() for a, b in h["spans"])
    starts = [a for a, _, _ in spans]
    longest = max((b - a for a, b, _ in spans), default=0)

    def inside_another(a: int, b: int, oid: str) -> bool:
        lo, hi = bisect.bisect_left(starts, a - longest), bisect.bisect_right(starts, a)
        return any(b <= b2 and (b2 - a2) > (b - a) and o2 != oid for a2, b2, o2 in spans[lo:hi])

    for oid in list(hits):
        if all(inside_another(a, b, oid) for a, b in hits[oid]["spans"]):
            del hits[oid]
    # a bare acronym next to a more specific body named with it is that body ("DCAF" in a "DCAF Ljubljana" release)
    for oid in list(hits):
        short = g.org_names.get(oid, "")
        if short.isupper() and any(o != oid and g.org_names.get(o, "").startswith(short + " ") for o in hits):
            del hits[oid]
    return sorted(hits.values(), key=lambda h: h["first"])


def _assign_roles(text: str, orgs: list[dict]) -> None:
    for h in orgs:
        h["role"] = None
        for a, b in h["spans"]:
            before = text[max(0, a - 60):a]
            for role, cue in ROLE_CUES:
                if cue.search(before[-40:]):
                    h["role"] = role
                    h["evidence_role"] = str(Span(_line_of(text, a), text[max(0, a - 40):b].strip()))
                    break
            if h["role"]:
                break
    visiting = {h["id"] for h in orgs for a, b in h["spans"] if re.match(r"\s+[Dd]elegation", text[b:b + 12])
                or re.search(r"delegation (?:of|from)\s+$", text[max(0, a - 20):a])}
    main = [h for h in orgs if not h["role"]][:2]
    for h in orgs:
        if h["role"]:
            continue
        if visiting and h["id"] not in visiting and h in main:
            h["role"] = "host"
            h["evidence_role"] = "the other side is named as the visiting delegation"
        elif h in main:
            h["role"] = "partner"
        else:
            h["role"] = "participant"


def _places(text: str, g: Gazetteer, exclude: set[str]) -> list[dict]:
    out, seen = [], set()
    if g.place_re is None:
        return out
    for m in g.place_re.finditer(text):
        r = g.places[normalise(m.group(0))]
        if r["place_id"] in seen or r["place_id"] in exclude:
            continue
        seen.add(r["place_id"])
        out.append({"id": r["place_id"], "name": r["name"], "country": r["country_code"], "pos": m.start(),
                    "evidence": str(Span(_line_of(text, m.start()), text[max(0, m.start() - 20):m.end() + 12].strip()))})
    return out


def _countries(text: str, g: Gazetteer, place_names: list[str]) -> list[dict]:
    """Countries named as taking part; a country in brackets after a place only locates the place."""
    qualifiers = set()
    for name in place_names:
        for m in re.finditer(rf"{re.escape(name)}\s*\(([^)]{{2,40}})\)", text):
            qualifiers.add((m.start(1), m.end(1)))
        for m in re.finditer(rf"(?i:{re.escape(name)})(?:,\s*|\s+in\s+)([A-Z][\w ]{{2,40}})(?=[,.;:\n–-]|$)", text):
            qualifiers.add((m.start(1), m.end(1)))
    bounds = sorted(qualifiers)
    starts = [a for a, _ in bounds]
    widest = max((b - a for a, b in bounds), default=0)

    def qualifies_a_place(start: int, end: int) -> bool:
        lo, hi = bisect.bisect_left(starts, start - widest), bisect.bisect_right(starts, start)
        return any(end <= b for _, b in bounds[lo:hi])

    out: dict[str, dict] = {}
    present = words_of(text)
    for pattern, code, form in g.countries:
        if not words_of(form) <= present:
            continue
        for m in pattern.finditer(text):
            if code in out or qualifies_a_place(m.start(), m.end()):
                continue
            out[code] = {"code": code, "pos": m.start(),
                         "evidence": str(Span(_line_of(text, m.start()), text[max(0, m.start() - 25):m.end() + 15].strip()))}
    return sorted(out.values(), key=lambda c: c["pos"])


def _topics(text: str, g: Gazetteer) -> list[dict]:
    out = []
    low = text.casefold()
    for tid, pattern in g.topics:
        m = pattern.search(text) if any(k in low for k in g.topic_words.get(tid, ())) else None
        if m:
            out.append({"id": tid, "evidence": str(Span(_line_of(text, m.start()), m.group(0)))})
    return out


def _initiatives(text: str, g: Gazetteer, sentences: list[tuple[int, int, str]]) -> list[dict]:
    out: dict[str, str] = {}
    present = words_of(text)
    for pattern, iid, form in g.initiatives:
        m = pattern.search(text) if words_of(form) <= present else None
        if m:
            out.setdefault(iid, str(Span(_line_of(text, m.start()), m.group(0))))
    # a police cooperation centre is named by its place in a sentence about such centres
    for line, _, sentence in sentences:
        if re.search(r"police co-?operation cent(?:er|re)s?|\bPCCs?\b", sentence, re.I):
            for iid, place in g.centres:
                if iid not in out and re.search(rf"\b{re.escape(place)}\b", sentence):
                    out.setdefault(iid, str(Span(line, sentence[:90])))
    return [{"id": k, "evidence": v} for k, v in out.items()]
