"""``ingest``: a press release into a draft event for review, stage by stage."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.curation.ingest.dates import _dateline_place, _event_date, find_dates
from analysis.curation.ingest.entities import FOLLOW_UP, FUTURE, KIND_WORDS, _assign_roles, _countries, _initiatives, _kind, _orgs, _places, _topics
from analysis.curation.ingest.fetch import looks_like_html, main_text
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.people import _people
from analysis.curation.ingest.text import Span, _line_of, _sentences, plain_text
from analysis.curation.names import normalise, slug


def extract(raw: str, data_dir: Path | None = None, url: str | None = None, published: str | None = None) -> dict:
    """A draft event (the form ``add`` reads) with evidence for every extracted value.

    ``raw`` is the release's text, or a page's HTML (cleaned to its main text first, as for a URL);
    ``published`` is the page's own date, when known (relative dates are resolved against it)."""
    g = Gazetteer.load(data_dir)
    if looks_like_html(raw):
        raw, stamp = main_text(raw)
        published = published or stamp
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
    for f in follow:  # an agreed follow-up continues the same cooperation: it shares its subject
        f["topics"] = list(dict.fromkeys([*draft.get("topics", []), *f.get("topics", [])]))
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
