"""``ingest``: turn a press release into a draft event for review.

Deterministic and offline: dates come from patterns, organisations, places, people, countries,
topics and initiatives are matched against what the record already knows (names, acronyms,
aliases, local-language names), and every extracted value carries the line and the words of
the text it came from. Unknown organisations and places are flagged as new, not dropped.
Reads only the small reference tables, with the standard library, so one release takes a
fraction of a second including start-up.
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from analysis.names import normalise, slug, split_aliases
from analysis.package import DEFAULT_DATA_DIR

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(January|February|March|April|May|June|July|August|September|Sept|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_DASH = r"\s*(?:-|–|—|to|until|till|and)\s*(?:the\s+)?"

#: date patterns, most specific first: (regex, kind)
DATE_PATTERNS = [
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\s*,?\s*{_YEAR}?{_DASH}{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}", re.I), "dmy-dmy"),
    (re.compile(rf"\b(?:from\s+)?(?:the\s+)?{_DAY}{_DASH}{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}?", re.I), "dd-dm"),
    (re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_DAY},?\s*{_YEAR}", re.I), "m-dd-y"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}", re.I), "dmy"),
    (re.compile(rf"\b{_MON}\s+{_DAY},?\s*{_YEAR}", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b"), "numeric"),
    (re.compile(rf"\b(?:in\s+)?{_MON}\s+{_YEAR}\b", re.I), "my"),
]
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
NOT_NAME = frozenset("""
Ambassador Assistant Advisor Adviser Agency Against Airport Analyst Beings Border Bureau Cabinet Centre Center Chief Children
Command Commander Commissioner Committee Coordination Coordinator Council Crime Crimes Criminal Deployment Deputy Desk
Department Directorate Director Division Embassy Emerging Europe European General Government Head Human Illegal Intelligence
Interior International Justice Manager Migration Minister Ministry Mission National Network Officer Office Operations
Organized Organised People Police Presidency President Project Prime Programme Regional Representative Republic Secretariat
Secretary Security Senior Services Smuggling Specialized Specialised State Sub-Directorate Technology Tools Trafficking Unit
Vice Visit Western Balkans The This These That Mr Mrs Ms Dr Prof During After Before On In At With For And Of Union Member
Participants Participant Asylum Refugees Initiative Affairs Foreign Forum Conference Workshop Training Meeting Delegation
Convention Process Agreement Memorandum Protocol Action Plan Task Force Working Group Border-Police Cooperation Capacity
Bank Team Teams Officers Parties Persons Mechanisms Points Countries States Members Representatives Local Liaison
""".split())  # noqa: SIM905  (a word list reads better as text)
_NAME = r"[A-ZČĆŠŽĐÅÄÖÜ][a-zčćšžđàáâãäåçèéêëìíîïñòóôõöùúûüýÿ'’-]+"
NAME_RE = re.compile(rf"\b({_NAME}(?:\s+{_NAME}){{1,5}})\b")
TITLE_RUN = re.compile(
    r"((?:[A-Z][\w&/.-]*|of|for|and|the|to|in|on|&|/|,)(?:[ ,]+(?:[A-Z][\w&/.-]*|of|for|and|the|to|in|on|&|/))*)\s*$")


@dataclass
class Span:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r}"


class _TextOnly(html.parser.HTMLParser):
    BLOCK: ClassVar[set[str]] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "head"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "head") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(raw: str) -> str:
    """Press-release text; HTML is reduced to its visible text, one block per line.

    >>> plain_text("<html><head><title>x</title></head><body><p>Skopje &ndash; met</p><script>s()</script></body></html>")
    'Skopje – met'
    """
    if re.search(r"<(html|body|p|div|br|span|h\d)\b", raw, re.I):
        parser = _TextOnly()
        parser.feed(raw)
        raw = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


# --- what the record knows ------------------------------------------------------------------


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Gazetteer:
    """Names the record knows, each compiled into one matcher per kind of thing."""

    orgs: list[tuple[re.Pattern, str, str]] = field(default_factory=list)  # (pattern, org_id, matched form)
    places: dict[str, dict] = field(default_factory=dict)
    place_re: re.Pattern | None = None
    countries: list[tuple[re.Pattern, str]] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)
    topics: list[tuple[str, re.Pattern]] = field(default_factory=list)
    initiatives: list[tuple[re.Pattern, str]] = field(default_factory=list)
    centres: list[tuple[str, str]] = field(default_factory=list)  # (initiative_id, place name)
    org_names: dict[str, str] = field(default_factory=dict)
    place_words: frozenset[str] = frozenset()  # capitalised words of place and country names: not parts of people's names

    @classmethod
    def load(cls, data_dir: Path = DEFAULT_DATA_DIR) -> Gazetteer:
        g = cls()
        for r in _rows(data_dir, "organisations"):
            forms = [r["name"], *split_aliases(r["aliases"])]
            if r["acronym"]:
                forms.append(r["acronym"])
            g.org_names[r["org_id"]] = r["acronym"] or r["name"]
            for form in forms:
                if len(form) < 3 and not form.isupper():
                    continue
                flags = 0 if (form.isupper() or len(form) <= 5) else re.I
                g.orgs.append((re.compile(rf"(?<![\w-]){_flex(form)}(?![\w-])", flags), r["org_id"], form))
        places = _rows(data_dir, "places")
        names = []
        for r in places:
            for form in [r["name"], *split_aliases(r["aliases"])]:
                if r["kind"] != "online" and len(form) > 2:
                    g.places[normalise(form)] = r
                    names.append(form)
        names.sort(key=len, reverse=True)
        g.place_re = re.compile(r"(?<![\w-])(" + "|".join(_flex(n) for n in names) + r")(?![\w-])") if names else None
        words = {w for n in names for w in n.split() if w[:1].isupper()}
        for r in _rows(data_dir, "countries"):
            words.update(w for w in r["name"].rstrip("*").split() if w[:1].isupper() and len(w) > 3)
            for form in [r["name"].rstrip("*"), *split_aliases(r["aliases"])]:
                if len(form) > 2 or form.isupper():
                    g.countries.append((re.compile(rf"(?<![\w-]){_flex(form)}\*?(?![\w-])"), r["country_code"]))
        g.place_words = frozenset(words)
        for r in _rows(data_dir, "people"):
            for form in [r["name"], *split_aliases(r["aliases"])]:
                g.people[normalise(form)] = r["person_id"]
        for r in _rows(data_dir, "topics"):
            words = sorted(split_aliases(r["keywords"]), key=len, reverse=True)
            g.topics.append((r["topic_id"], re.compile(r"\b(" + "|".join(_flex(w) for w in words) + r")\b", re.I)))
        place_of = {}
        for r in _rows(data_dir, "initiative_places"):
            place_of.setdefault(r["initiative_id"], []).append(r["place_id"])
        place_name = {r["place_id"]: r["name"] for r in places}
        for r in _rows(data_dir, "initiatives"):
            for form in split_aliases(r.get("aliases", "")):
                g.initiatives.append((re.compile(rf"(?<![\w-]){_flex(form)}(?![\w-])", re.I if len(form) > 6 else 0), r["initiative_id"]))
            if r["kind"] == "police-cooperation-centre":
                g.centres.extend((r["initiative_id"], place_name[p]) for p in place_of.get(r["initiative_id"], []) if p in place_name)
        return g


def _flex(form: str) -> str:
    """A regex for a name that tolerates the spacing and dashes press releases use ('I – 24/7')."""
    out = re.escape(form.strip())
    out = out.replace(r"\-", r"\s*[-–—]\s*").replace(r"\ ", r"\s+")
    return out


# --- extraction -----------------------------------------------------------------------------


_ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "m.a", "b.a", "h.e", "e.g", "i.e", "approx", "vs"])


def _sentences(text: str) -> list[tuple[int, int, str]]:
    """(line, offset in text, sentence) for every sentence. A full stop after a title or an
    initial ("Ms.", "M.A.", "J.") does not end a sentence."""
    out = []
    offset = 0
    for n, line in enumerate(text.split("\n"), start=1):
        start = 0
        for m in re.finditer(r"[.!?]+(?=\s+[A-Z\"“‘(]|\s*$)", line):
            word = re.search(r"(\S+)$", line[start:m.start()])
            token = (word.group(1) if word else "").lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            sentence = line[start:m.end()].strip()
            if sentence:
                out.append((n, offset + start + (len(line[start:m.end()]) - len(line[start:m.end()].lstrip())), sentence))
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append((n, offset + start + (len(line[start:]) - len(line[start:].lstrip())), rest))
        offset += len(line) + 1
    return out


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


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
    for pattern, oid, _form in g.orgs:
        for m in pattern.finditer(text):
            h = hits.setdefault(oid, {"id": oid, "count": 0, "first": m.start(), "spans": []})
            h["count"] += 1
            h["first"] = min(h["first"], m.start())
            h["spans"].append((m.start(), m.end()))
    # a shorter alias inside a longer match of another organisation is not a mention of its own
    spans = [(a, b, oid) for oid, h in hits.items() for a, b in h["spans"]]
    for oid in list(hits):
        own = hits[oid]["spans"]
        if all(any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) and o2 != oid for a2, b2, o2 in spans) for a, b in own):
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
    out: dict[str, dict] = {}
    for pattern, code in g.countries:
        for m in pattern.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in qualifiers):
                continue
            out.setdefault(code, {"code": code, "pos": m.start(),
                                  "evidence": str(Span(_line_of(text, m.start()), text[max(0, m.start() - 25):m.end() + 15].strip()))})
    return sorted(out.values(), key=lambda c: c["pos"])


def _topics(text: str, g: Gazetteer) -> list[dict]:
    out = []
    for tid, pattern in g.topics:
        m = pattern.search(text)
        if m:
            out.append({"id": tid, "evidence": str(Span(_line_of(text, m.start()), m.group(0)))})
    return out


def _initiatives(text: str, g: Gazetteer, sentences: list[tuple[int, int, str]]) -> list[dict]:
    out: dict[str, str] = {}
    for pattern, iid in g.initiatives:
        m = pattern.search(text)
        if m:
            out.setdefault(iid, str(Span(_line_of(text, m.start()), m.group(0))))
    # a police cooperation centre is named by its place in a sentence about such centres
    for line, _, sentence in sentences:
        if re.search(r"police co-?operation cent(?:er|re)s?|\bPCCs?\b", sentence, re.I):
            for iid, place in g.centres:
                if re.search(rf"\b{re.escape(place)}\b", sentence):
                    out.setdefault(iid, str(Span(line, sentence[:90])))
    return [{"id": k, "evidence": v} for k, v in out.items()]


#: words that make a phrase a role or title (a title without one is more likely a thing)
ROLE_WORDS = frozenset("""
ambassador adviser advisor analyst assistant chair chairman chairperson chief coordinator commander commissioner consul counsellor
delegate deputy director directorate desk department division expert head inspector liaison manager minister officer
president prime representative secretary specialist unit m.a m.a. phd
""".split())  # noqa: SIM905
HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s+)+")
_CONNECTORS = frozenset(["of", "for", "the", "to", "in", "on", "and", "&", "at"])
_FROM_UNIT = re.compile(r"\s+from\s+(?:the\s+)?((?:[A-Z][\w&/.-]*)(?:\s+(?:[A-Z][\w&/.-]*|of|for|and|&))*)")


def _has_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase contain what looks like a person's name?"""
    not_name = NOT_NAME | g.place_words
    for m in NAME_RE.finditer(phrase):
        tokens = [t for t in m.group(1).split() if t not in not_name]
        if len(tokens) >= 2 and not any(p.fullmatch(" ".join(tokens)) for p, _, _ in g.orgs):
            return True
    return False


def _is_title(phrase: str) -> bool:
    return any(w.strip(",.").lower() in ROLE_WORDS for w in phrase.split())


def _suffix_title(after: str, g: Gazetteer) -> tuple[str, int]:
    """The title written after a name (", Deployment Officer already ...", ", assistant minister of security."),
    and where it ends. One comma-separated segment, plus a second one that names an organisation
    ("Programme Manager, ICMPD Vienna")."""
    m = re.match(r"\s*,\s*([^,;:()]+?)(?=[,;:()]|\.(?=\s+[A-Z]|\s*$)|$)", after)
    if not m or _has_name(m.group(1), g):
        return "", 0  # a segment naming someone else is that person's title ("A, Director, Assistant Minister B")
    words = m.group(1).split()
    lower_title = bool(words) and words[0].lower() in ROLE_WORDS and words[0][:1].islower()
    kept = []
    for w in words:
        if w[:1].isupper() or w.lower() in _CONNECTORS or w.lower() in ROLE_WORDS or (lower_title and w.isalpha()):
            kept.append(w)
        else:
            break
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    title = " ".join(kept)
    if not _is_title(title):
        return "", 0
    end = m.start(1) + len(title)
    if len(kept) == len(words):
        nxt = re.match(r"\s*,\s*([A-Z][^,;:()]*?)(?=[,;:()]|\.(?=\s+[A-Z]|\s*$)|$)", after[m.end():])
        if nxt and not _is_title(nxt.group(1)) and not _has_name(nxt.group(1), g) and any(p.search(nxt.group(1)) for p, _, _ in g.orgs):
            title = f"{title}, {nxt.group(1).strip()}"
            end = m.end() + nxt.end()
    return title, end


def _people(text: str, g: Gazetteer, orgs: list[dict], sentences: list[tuple[int, int, str]]) -> list[dict]:
    org_at = sorted((a, h["id"]) for h in orgs for a, _ in h["spans"])
    not_name = NOT_NAME | g.place_words
    people: dict[str, dict] = {}
    for line, offset, sentence in sentences:
        done_upto = 0  # the previous person's name and title end here: the next title starts after it
        for m in NAME_RE.finditer(sentence):
            tokens = m.group(1).split()
            # trim title and place words off either end ("Ambassador Tamara Mugosa", "Herzegovina Ulrike Hartmann")
            while tokens and tokens[0] in not_name:
                tokens.pop(0)
            while tokens and tokens[-1] in not_name:
                tokens.pop()
            if len(tokens) < 2 or len(tokens) > 3 or any(t in not_name for t in tokens):
                continue
            name = " ".join(tokens)
            local_start = m.start(1) + m.group(1).index(tokens[0])
            start = offset + local_start
            before = sentence[done_upto:local_start]
            after = sentence[local_start + len(name):]
            honorific = bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$", before))
            title = ""
            t = TITLE_RUN.search(HONORIFIC.sub("", before.rstrip(", ")) if not honorific else re.sub(
                r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$", "", before).rstrip(", "))
            if t:
                cand = re.sub(r"^(?:(?:and|with|the|of|for|by|in|on|,)\s*)+", "", t.group(1).strip(" ,"))
                if cand and _is_title(cand):
                    title = cand
            suffix, suffix_end = _suffix_title(after, g)
            if suffix:
                title = f"{title}, {suffix}".strip(", ") if title else suffix
            else:
                m_after = _FROM_UNIT.match(after)
                if m_after:
                    suffix = m_after.group(1).strip(" ,")
                    title = f"{title}, {suffix}".strip(", ") if title else suffix
                    suffix_end = m_after.end()
            title = title.rstrip(" .,;:")
            done_upto = local_start + len(name) + suffix_end
            affiliation = None
            for oid_pos, oid in reversed(org_at):
                if oid_pos < start:
                    affiliation = oid
                    # "X's Director met with <name>": the person is X's counterpart, the other main party
                    main = [h["id"] for h in orgs[:2]]
                    if re.search(r"\bwith\b", text[oid_pos:start]) and oid in main and len(main) == 2:
                        affiliation = main[1 - main.index(oid)]
                    break
            if title and any(p.search(title) for p, _ in g.countries):
                affiliation = None  # "Austrian Ambassador", "Minister of Security of BiH": a national body, not the nearest organisation named
            affiliation, title = _affiliation_in_title(title, g, affiliation)
            key = normalise(name)
            if key in people:
                continue
            if not (title or honorific or key in g.people):
                continue  # capitalised words without a title are more often things ("Contracting Parties") than people
            person = {"name": name, "title": title or None, "organisation": affiliation,
                      "evidence": str(Span(line, sentence[max(0, local_start - 60):local_start + len(name) + 50].strip()))}
            if key in g.people:
                person["known_as"] = g.people[key]
            people[key] = person
    return list(people.values())


def _affiliation_in_title(title: str, g: Gazetteer, fallback: str | None) -> tuple[str | None, str]:
    """An organisation named in a title is the affiliation; it is recorded apart from the role
    ('MARRI Project Manager ...' -> MARRI, 'Project Manager ...'; 'M.A. of DCAF Ljubljana' -> DCAF Ljubljana, 'M.A.')."""
    best = None
    for pattern, oid, _ in g.orgs:
        m = pattern.search(title)
        if m and (best is None or (m.end() - m.start()) > (best[1].end() - best[1].start())):
            best = (oid, m)
    if best is None:
        return fallback, title
    oid, m = best
    if m.start() == 0:
        rest = title[m.end():].strip(" ,")
        # an acronym before a role is the employer ("MARRI Project Manager"); a name is part of the title
        return oid, rest if (m.group(0).isupper() and _is_title(rest)) else title
    head, tail = title[:m.start()], title[m.end():]
    if not tail.strip(" ,.") and re.search(r"\b(?:of|at|in)(?:\s+the)?\s*$", head):
        return oid, re.sub(r"\s*\b(?:of|at|in)(?:\s+the)?\s*$", "", head).strip(" ,")
    return oid, title


def extract(raw: str, data_dir: Path = DEFAULT_DATA_DIR, url: str | None = None) -> dict:
    """A draft event (the form ``add`` reads) with evidence for every extracted value."""
    g = Gazetteer.load(data_dir)
    text = plain_text(raw)
    sentences = _sentences(text)
    evidence: dict[str, str] = {}

    draft: dict = {"title": None, "kind": None, "status": None}
    kind, cue = _kind(text)
    draft["kind"] = kind
    evidence["kind"] = f"'{cue}' in the opening sentences" if cue else "default: no kind word in the opening sentences"
    future = FUTURE.search(" ".join(s for _, _, s in sentences[:2]))
    draft["status"] = "planned" if future else "held"
    evidence["status"] = f"'{future.group(0)}'" if future else "reported in the past tense"

    orgs = _orgs(text, g)
    _assign_roles(text, orgs)
    dl = _dateline_place(text)
    places = _places(text, g, set())
    place = None
    new_places = []
    if dl and normalise(dl[0]) in {normalise(g.org_names.get(h["id"], "")) for h in orgs}:
        dl = None  # the release opens with an organisation's name, not a place
    if dl:
        known = g.places.get(normalise(dl[0]))
        if known:
            place = {"id": known["place_id"], "name": known["name"], "country": known["country_code"]}
        else:
            place = {"name": dl[0], "country": None, "new": True}
            new_places.append(dl[0])
        evidence["place"] = str(Span(_line_of(text, dl[1]), text[dl[1]:dl[1] + 40]))
    elif places:
        first = places[0]
        place = {"id": first["id"], "name": first["name"], "country": first["country"]}
        evidence["place"] = first["evidence"] + " (first place named; no dateline)"
    held_in = re.search(r"\b(?:held|took place|organi[sz]ed)\s+in\s+([A-ZČĆŠŽĐ][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", text)
    if not place and held_in and normalise(held_in.group(1)) not in g.places:
        place = {"name": held_in.group(1), "country": None, "new": True}
        new_places.append(held_in.group(1))
        evidence["place"] = str(Span(_line_of(text, held_in.start()), held_in.group(0)))
    mentioned = [p for p in places if not place or p["id"] != place.get("id")]
    d = _event_date(text, find_dates(text), sentences, g, place)
    if d:
        draft.update({k: d[k] for k in ("date_start", "date_end", "date_precision") if d[k]})
        evidence["date"] = d["evidence"]
    else:
        draft["date_precision"] = "unknown"
        evidence["date"] = ("no date for this event in the text (dates of events elsewhere are ignored): find it "
                            "elsewhere, or record a window with its evidence in date_note")

    people = _people(text, g, orgs, sentences)
    countries = _countries(text, g, [p["name"] for p in places])
    topics = _topics(text, g)
    initiatives = _initiatives(text, g, sentences)

    new_orgs = _new_organisations(text, g, orgs)
    names = [g.org_names.get(h["id"], h["id"]) for h in orgs[:2]]
    where = f" in {place['name']}" if place else ""
    draft["title"] = f"{kind.replace('-', ' ').capitalize()} of {' and '.join(names) or 'partners'}{where}"[:160]
    draft["summary"] = None
    draft["url"] = url
    if place:
        draft["place"] = {k: v for k, v in place.items() if k in ("id", "name", "country") and v}
    draft["organisations"] = [{"id": h["id"], "role": h["role"], "evidence": str(Span(_line_of(text, h["first"]),
                               text[h["spans"][0][0]:h["spans"][0][1]])) + (f"; role: {h['evidence_role']}" if h.get("evidence_role") else "")}
                              for h in orgs]
    if new_orgs:
        draft["new_organisations"] = new_orgs
        draft["organisations"] += [{"id": o["id"], "role": "participant", "evidence": o["evidence"]} for o in new_orgs]
    draft["people"] = people
    draft["countries"] = [c["code"] for c in countries]
    draft["topics"] = [t["id"] for t in topics]
    draft["initiatives"] = [i["id"] for i in initiatives]
    follow = _follow_ups(text, sentences, g, draft["initiatives"])
    if follow:
        draft["follow_ups"] = follow
    draft["evidence"] = {
        **evidence,
        "countries": [c["evidence"] for c in countries],
        "topics": [t["evidence"] for t in topics],
        "initiatives": [i["evidence"] for i in initiatives],
        "places_mentioned": [f"{p['name']} ({p['country']}): {p['evidence']}" for p in mentioned],
        "new_places": new_places,
        "to_check": _checklist(draft, new_places, new_orgs),
    }
    return draft


def _new_organisations(text: str, g: Gazetteer, orgs: list[dict]) -> list[dict]:
    """Organisations the record does not know: 'the X Agency/Ministry/... (ACR)' and the like."""
    known_spans = [(a, b) for h in orgs for a, b in h["spans"]]
    out, seen = [], set()
    pattern = re.compile(
        r"\b((?:[A-Z][\w'’-]+\s+){0,4}(?:Agency|Ministry|Organi[sz]ation|Association|Foundation|Institute|University|Embassy|"
        r"Council|Commission)\b(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w'’-]+){1,5})?)"
        r"(?:\s*\(([A-Z][A-Za-z&]{2,9})\))?")
    for m in pattern.finditer(text):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in known_spans):
            continue
        if any(0 <= m.start() - b <= 25 for a, b in known_spans):  # a unit of a known organisation ("INTERPOL IS & ... Directorate")
            continue
        name = m.group(1).strip()
        if len(name.split()) < 2 or name.split()[0] in ("The", "This"):
            name = " ".join(name.split()[1:]) if name.split()[0] in ("The", "This") else name
        if len(name.split()) < 2:
            continue
        oid = slug(m.group(2) or name)[:40]
        if oid in seen:
            continue
        seen.add(oid)
        out.append({"id": oid, "name": name, "acronym": m.group(2) or "", "kind": "other", "country": None, "new": True,
                    "evidence": str(Span(_line_of(text, m.start()), m.group(0)))})
    return out


def _follow_ups(text: str, sentences: list[tuple[int, int, str]], g: Gazetteer, initiatives: list[str]) -> list[dict]:
    out = []
    for line, _, sentence in sentences:
        if not FOLLOW_UP.search(sentence):
            continue
        kind = next((k for k, p in KIND_WORDS if k != "meeting" and re.search(p, sentence, re.I)), None)
        if kind is None:
            continue
        inits = [i["id"] for i in _initiatives(sentence, g, [(line, 0, sentence)])]
        places = [p["name"] for p in _places(sentence, g, set())]
        where = f" at {' and '.join(places)}" if places else ""
        out.append({
            "title": f"Planned {kind.replace('-', ' ')}{where} (follow-up)"[:160], "kind": kind, "status": "planned",
            "date_precision": "unknown", "initiatives": inits,
            "evidence": str(Span(line, sentence[:160])),
        })
    return out


def _checklist(draft: dict, new_places: list[str], new_orgs: list[dict]) -> list[str]:
    todo = ["write 'summary' in your own words (one or two sentences)", "check the generated 'title'"]
    if not draft.get("url"):
        todo.append("fill in 'url': the public page this release comes from")
    if draft.get("date_precision") == "unknown":
        todo.append("no date found: date the event from another source, or record a window with evidence in date_note")
    for name in new_places:
        todo.append(f"new place '{name}': add its country (ISO code) and coordinates, or use a known place id")
    for org in new_orgs:
        todo.append(f"new organisation '{org['name']}': check name, kind and country, or map it to a known id")
    return todo
