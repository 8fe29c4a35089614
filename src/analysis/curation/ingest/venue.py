"""Where the event was: a dateline, a place the opening says it was held in, or online. Failing those, the first place named
as a place (not as a body's seat, "IOM Skopje", a person's origin, "from ... Bratislava", or an attribute, "the Sarajevo
Dialogue") is returned marked ``unstated``: a hint for the curator and a context for reading the bodies, never the venue (in
the blind sets it was wrong 31 times in 53, mostly where the text states no venue at all)."""

from __future__ import annotations

import bisect
import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded, fold
from analysis.curation.ingest.text import Sentence, Span, sentence_at

_HELD_IN = re.compile(r"\b(?:held|took place|organi[sz]ed|takes place|convened|odrzan\w*|odrzal\w*|odrzava\w*|odrzhan\w*|"
                      r"odrzhuva\w*|u|in|ne|në|vo|во|во)\s*$", re.I)
_ONLINE = re.compile(r"\b(?:online|on-line|videoconferenc\w*|video conferenc\w*|virtual(?:ly)?|video-?link|onlajn|putem video\w*)\b", re.I)


def event_place(text: str, f: Folded, sents: list[Sentence], g: Gazetteer, places: list[dict]) -> tuple[dict | None, list[str]]:
    """Where the event was: a dateline ('SKOPJE, 3 May –', 'Brdo pri Kranju, Slovenia, 2010.10.19') in the first lines,
    else a place the opening sentences say it was held in, else online, else the first place named, marked ``unstated``."""
    strong = _stated(text, f, sents, places)
    if strong:
        return strong, []
    head_end = sum(len(line) + 1 for line in text.split("\n")[:4])
    for p in places:
        line_start = text.rfind("\n", 0, p["pos"]) + 1
        opens_line = p["pos"] < head_end and not text[line_start:p["pos"]].strip(" *–-")
        rest = text[p["end"]:p["end"] + 60].split("\n")[0]
        if opens_line and re.match(r"\s*(?:,|–|—|-|\(|\d|$)", rest) and (re.search(r"[–—-]\s|\d{4}|\d{1,2}[./]", rest) or not rest):
            return {"id": p["id"], "name": p["name"], "country": p["country"], "evidence": p["evidence"] + " (dateline)"}, []
    for p in places:  # an agency dateline in capitals further down, after the page's clutter ("ZAGREB, Croatia, September 19 (UNHCR) -")
        line_start = text.rfind("\n", 0, p["pos"]) + 1
        if p["pos"] == line_start and text[p["pos"]:p["end"]].isupper() and re.match(r"\s*[,–—-]", text[p["end"]:]) and \
                text.count("\n", 0, p["pos"]) < 15:
            return {"id": p["id"], "name": p["name"], "country": p["country"], "evidence": p["evidence"] + " (dateline)"}, []
    # a dash glued to a word joins a compound ("VII BALKANSKO- JADRANSKA KONFERENCIJA"), it does not end a dateline
    m = re.match(r"^\s*([A-ZČĆŠŽĐ][\w'’.]+(?:\s[A-ZČĆŠŽĐ][\w'’.-]+){0,2})(?:\s*,[^–—\n-]{0,30})?\s+[–—-]\s+\S", text)
    if m and not any(c.isdigit() for c in m.group(1)) and not g.orgs.find(Folded(m.group(1)), capitalised=False):
        name = m.group(1).strip().title() if m.group(1).isupper() else m.group(1).strip()
        return {"name": name, "country": None, "new": True, "evidence": str(Span(1, text[:40]))}, [name]
    head = " ".join(s.text for s in sents[:2])
    online = re.search(r"\b(?:online|virtual|video)\s+(?:\w+\s+){0,3}(?:meeting|conference|session|workshop|forum|sastan\w*|konferencij\w*)|"
                       r"\b(?:held|organi[sz]ed|took place)\s+(?:online|virtually|via video|by video)|videoconferenc\w*|"
                       r"video-?konferencij\w*", head, re.I)
    if online and "online" in g.places:
        return {"id": "online", "name": "Online", "country": None, "evidence": f"'{online.group(0)}' in the opening"}, []
    bodies = [(m["start"], m["end"]) for m in g.orgs.find(f) + g.generic_orgs.find(f)]
    for p in places:  # any naming of the place in the opening sentences, not only its first ("the Sarajevo Dialogue ... in Jahorina")
        for pos in p["all"]:
            s = sentence_at(sents, pos)
            at = _fpos(f, pos)  # the words just before the naming: from the start of the text when it is near
            if s and sents.index(s) < 4 and _HELD_IN.search(f.text[max(0, f.text.rfind(" ", 0, max(0, at - 30))):at]) \
                    and not not_venue(text, pos, pos + p["end"] - p["pos"], bodies):
                return {"id": p["id"], "name": p["name"], "country": p["country"], "evidence": p["evidence"] + " (held in)"}, []
    head = " ".join(s.text for s in sents[:3])
    if _ONLINE.search(head) and "online" in g.places:
        return {"id": "online", "name": "Online", "country": None, "evidence": f"'{_ONLINE.search(head).group(0)}' in the opening"}, []
    named = sorted((pos, k) for k, p in enumerate(places) for pos in p["all"])
    bodies += [(m["start"], m["end"]) for m in g.initiatives.find(f)]  # "Procesit të Berlinit": the Berlin Process, not Berlin
    countries = {fold(n) for n in g.country_names.values()}
    for pos, k in named:  # the first place named as a place, not as a body's seat, someone's origin or an attribute
        p = places[k]
        if fold(p["name"]) in countries:  # a country named as a whole is no venue by being named ("Holandije, Austrije i ...")
            continue
        if not not_venue(text, pos, pos + p["end"] - p["pos"], bodies) and not _OF_PLACE.search(text[max(0, pos - 30):pos]):
            return {"id": p["id"], "name": p["name"], "country": p["country"], "evidence": p["evidence"] + " (first place named)",
                    "unstated": True}, []
    return None, []


#: a verb or an event's noun that says the event happened at the place named right after it ("održana na Paliću", "the
#: Dialogue in Jahorina", "sastao se na Graničnom prelazu Kalotina"), or a verb right after it ("во Белград потпишаа")
_STATED_BEFORE = re.compile(r"\b(?:held|took place|takes place|convened|met|opened|odrzan\w*|odrzal\w*|odrzhan\w*|odrzhuva\w*|sastal\w*|sastao|"
                            r"sostana\w*|potpisa\w*|potpishaa|signed|u mbajt|mbajt\w*|zhvillua|dialogue|conference|konferencij\w*|"
                            r"radionic\w*|seminar\w*|trening\w*|obuk\w*|forum\w*)(?:\s+[\w-]+){0,3}?\s+(?:in|at|u|na|vo|ne)\s*$")
_STATED_AFTER = re.compile(r"^\s+(?:(?:je|su|se|e|u|sa)\s+)?(?:potpisa\w*|potpishaa|signed|odrzan\w*|odrzal\w*|held|met|sastal\w*|"
                           r"sostanaa|mbajt\w*)\b")


def _stated(text: str, f: Folded, sents: list[Sentence], places: list[dict]) -> dict | None:
    """A place the title or the opening sentences say the event was held, met or signed at, whatever a dateline says (an
    agency's dateline is where the report was filed: "Skopje, 31 March (MIA) - ... in Belgrade signed")."""
    opening = {s.start for s in [s for s in sents if len(re.findall(r"[^\W\d_]{2,}", s.text)) >= 4][:5]}  # past the page's clutter
    for pos, p in sorted(((at, q) for q in places for at in q["all"]), key=lambda x: x[0]):
        s = sentence_at(sents, pos)
        if not s or s.start not in opening:
            continue
        fp, fe, fs, fend = _fpos(f, pos), _fpos(f, pos + p["end"] - p["pos"]), _fpos(f, s.start), _fpos(f, s.end)
        if (_STATED_BEFORE.search(f.text[max(fs, fp - 60):fp]) or _STATED_AFTER.match(f.text[fe:min(fend, fe + 30)])) and \
                not _ANOTHER_TIME.search(f.text[max(fs, fp - 60):min(fend, fe + 30)]) and not not_venue(text, pos, pos + p["end"] - p["pos"], []):
            return {"id": p["id"], "name": p["name"], "country": p["country"], "evidence": p["evidence"] + " (held in)"}
    return None


#: a place of another event: a first, last or previous one, or one dated in another year ("held in Ohrid in October 2021")
_ANOTHER_TIME = re.compile(r"\b(?:first|previous|last|former|earlier|prv\w*|prethodn\w*|proslogodisn\w*|paraprak\w*)\b|"
                           r"\b(?:in|u|ne|vo)\s+(?:\w+\s+)?(?:19|20)\d\d\b")


#: an Albanian genitive before a place: "Procesit të Berlinit" (of Berlin: an attribute, not where the event was); "në" is "in"
_OF_PLACE = re.compile(r"\w(?:it|ës|së|ve|në|es|t)\s+(?:të|së)\s+$")


def _fpos(f: Folded, pos: int) -> int:
    """The folded offset of an original offset."""
    return bisect.bisect_left(f.origin, pos)


#: what a place's name qualifies when it is no venue: a treaty's area or rules ("Schengen acquis", "Schengen institutions")
_REGIME = r"(?:area|zone|acquis|rules|code|borders?|institutions|states|countries|system|standards|evaluation|visas?|" \
          r"zon\w*|prostor\w*|pravil\w*|granic\w*|zonë\w*|зон\w*|простор\w*)"


def not_venue(text: str, a: int, b: int, bodies: list[tuple[int, int]]) -> bool:
    """Does the place named at ``text[a:b]`` say something other than where the event was: a body's seat glued to its name
    ("IOM Skopje", "University - Bratislava"), where someone or something comes from ("experts from Tirana", "iz Beograda"),
    a name it is part of ("the Sarajevo Migration Dialogue", "Beogradu Tomas": a title's place, then a name) or an
    attribute ("Schengen institutions")?

    >>> not_venue("IOM Skopje hosted", 4, 10, [(0, 3)]), not_venue("guests from Tirana came", 12, 18, [])
    (True, True)
    >>> not_venue("experts from Blue University - Tirana", 31, 37, [])
    True
    >>> not_venue("the Tirana Dialogue", 4, 10, []), not_venue("EU and Schengen institutions", 7, 15, [])
    (True, True)
    >>> not_venue("EU and Schengen Institutions", 7, 15, [])
    True
    >>> not_venue("held in Tirana on Monday", 8, 14, []), not_venue("Tirana, 3 May", 0, 6, []), not_venue("u Tirani Vodič o", 2, 8, [])
    (False, False, False)
    """
    b = a + len(re.match(r"[^\W\d_]*", text[a:]).group(0)) if re.match(r"[^\W\d_]", text[a:a + 1]) else b
    if any(x <= a < y for x, y in bodies) or any(0 <= a - y <= 3 and re.fullmatch(r"\s*(?:[-–]\s*)?", text[y:a]) for x, y in bodies):
        return True
    if re.search(r"\b(?:from|iz|nga|prej|из)\s+(?:the\s+)?(?:(?:[A-Z][\w'’.]*|of|for|and|&)\s*[-–]?\s*){0,6}(?:(?:in|at|u|në|во)\s+)?$",
                 text[max(0, a - 80):a]):  # "experts from the Secretariat in Vienna": the seat of where they come from
        return True
    if re.search(r"\bthe\s+$", text[max(0, a - 5):a]) and not text[a:b].startswith("The"):
        return True  # "entered the EU and the Schengen": an English article before a town's name says it is no town here
    cap = r"[ \t]+[A-ZČĆŠŽĐА-ЯЉЊЏЂЋЈЅЃЌ][^\W\d_]+"
    the = re.search(r"\bthe\s+$", text[max(0, a - 5):a], re.I)  # "the Sarajevo Dialogue", not "u Sarajevu Priručnik o ..."
    return bool(re.match(rf"{cap}{cap}|{cap if the else '(?!)'}|[ \t]+(?i:{_REGIME})\b", text[b:b + 40]))
