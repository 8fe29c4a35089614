"""Stage 6, the draft: every stage's findings assembled into a draft event (the form ``add`` reads), with evidence.

:func:`extract` runs the pipeline: main text (:mod:`.fetch`) → sentences (:mod:`.text`) → dates (:mod:`.dates`)
→ names of organisations, places, countries, topics and initiatives (:mod:`.entities`) → taking part or
mentioned (:mod:`.roles`) and people (:mod:`.people`) → this draft.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.curation.ingest.dates import event_date, find_dates, publication_date, relative_dates
from analysis.curation.ingest.distributed import distributed_orgs
from analysis.curation.ingest.donors import donor_governments
from analysis.curation.ingest.entities import (
    FOLLOW_UP,
    FUTURE,
    find_countries,
    find_initiatives,
    find_orgs,
    find_places,
    find_topics,
    fuzzy_orgs,
)
from analysis.curation.ingest.fetch import looks_like_html, main_text
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.glossary import glossed_orgs
from analysis.curation.ingest.kinds import KIND_WORDS, kind_of
from analysis.curation.ingest.matching import Folded
from analysis.curation.ingest.neworgs import new_organisations
from analysis.curation.ingest.offices import named_office
from analysis.curation.ingest.people import find_people
from analysis.curation.ingest.presidency import presidencies
from analysis.curation.ingest.recorded import recorded_body
from analysis.curation.ingest.roles import classify, compound_countries
from analysis.curation.ingest.text import Sentence, Span, _line_of, language_country, plain_text, sentence_at, sentences
from analysis.curation.ingest.venue import event_place
from analysis.curation.names import normalise

#: org kinds whose taking part means their country takes part (a national body)
NATIONAL_KINDS = frozenset(["government", "police"])



def extract(raw: str, data_dir: Path | None = None, url: str | None = None, published: str | None = None) -> dict:
    """A draft event (the form ``add`` reads) with evidence for every extracted value.

    ``raw`` is the release's text, or a page's HTML (cleaned to its main text first, as for a URL);
    ``published`` is the page's own date, when known (relative dates are resolved against it)."""
    g = Gazetteer.cached(data_dir)
    if looks_like_html(raw):
        raw, stamp = main_text(raw)
        published = published or stamp
    text = plain_text(raw)
    f = Folded(text)
    sents = sentences(text)
    evidence: dict = {}

    draft: dict = {"title": None, "kind": None, "status": None}
    kind, cue = kind_of(text, sents)
    draft["kind"] = kind
    evidence["kind"] = f"'{cue}' in the opening sentences" if cue else "default: no kind word in the opening sentences"
    future = FUTURE.search(" ".join(s.text for s in sents[:2]))
    draft["status"] = "planned" if future else "held"
    evidence["status"] = f"'{future.group(0)}'" if future else "reported in the past tense"

    places = find_places(f, g)
    place, new_places = event_place(text, f, sents, g, places)
    context = place  # a place only named still tells which country's "Ministry of Interior" the text means
    if place and place.pop("unstated", False):
        evidence["place"] = (f"no venue stated in the text; the first place it names is {place['name']}, "
                             f"{place['evidence']}: set it only if the page says the event was there")
        place = None
    elif place:
        evidence["place"] = place.pop("evidence")
    place_cc = context.get("country") if context else None
    home = site_country(url) or language_country(text)  # the release's own country, by its site or its language
    orgs = find_orgs(f, g, sents, place_cc, home)
    org_spans = [(a, b) for h in orgs for a, b in h["spans"]]
    country_hits = find_countries(f, g, places, org_spans)
    named = {normalise(p["name"]) for p in places} | {normalise(g.country_names.get(c["code"], "")) for c in country_hits}
    orgs += [h for h in fuzzy_orgs(text, g, orgs, {c["code"] for c in country_hits} | ({place_cc} if context else set()), named)
             if h["id"] not in {o["id"] for o in orgs}]
    named_countries = g.countries.find(f)
    orgs += glossed_orgs(text, g, orgs, named_countries, home, place_cc, _place_opener(g))  # "Ministarstvo za rad, ..."
    orgs += distributed_orgs(f, g, orgs, named_countries)  # "the Border Police Chiefs from Albania, Bosnia and Herzegovina ..."
    orgs = presidencies(text, g, orgs)  # "njemačkog predsjedavanja Savjetu EU": the presiding country's, not the EU's

    taking, mentioned = [], []
    for h in orgs:
        verdict = classify(text, sents, h["spans"])
        if h["id"] in UNIONS and verdict["reason"] == "named":
            verdict = {**verdict, "taking_part": False, "reason": _UNION_REASON}
        h.update(verdict)
        (taking if verdict["taking_part"] else mentioned).append(h)
    _main_roles(text, taking)
    by_code: dict[str, list[tuple[int, int]]] = {}
    locating: dict[str, tuple[int, int]] = {}
    for c in country_hits:
        if c["locates"]:
            locating.setdefault(c["code"], (c["start"], c["end"]))
        else:
            by_code.setdefault(c["code"], []).append((c["start"], c["end"]))
    countries, countries_mentioned = [], []
    for code, (a, _) in locating.items():
        if code not in by_code:
            s = sentence_at(sents, a)
            countries_mentioned.append({"code": code, "taking_part": False, "role": None, "reason": "locates a place",
                                        "evidence": str(Span(s.line, s.text[:240])) if s else ""})
    for code, spans in by_code.items():
        verdict = classify(text, sents, spans)
        (countries if verdict["taking_part"] else countries_mentioned).append({"code": code, **verdict})
    for h in taking:  # a national body taking part brings its country
        cc = g.org_country.get(h["id"])
        if cc and h["role"] != "donor" and g_kind(g, h["id"]) in NATIONAL_KINDS and cc not in {c["code"] for c in countries}:
            countries.append({"code": cc, "taking_part": True, "role": None, "reason": f"its {g.org_names.get(h['id'])} takes part",
                              "evidence": h["evidence"]})
            countries_mentioned = [c for c in countries_mentioned if c["code"] != cc]

    dates = find_dates(text, f=f)
    published = published or publication_date(dates)
    rel = relative_dates(text, published, f)
    inside_org = [(a, b) for h in orgs for a, b in h["spans"]]  # "Prague Process" names a body, not a place
    place_offsets = {p["id"]: [o for o in p["all"] if not any(a <= o < b for a, b in inside_org)] for p in places}
    d = event_date(text, dates, rel, sents, place_offsets, context)
    if d:
        draft.update({k: d[k] for k in ("date_start", "date_end", "date_precision") if d[k]})
        evidence["date"] = d["evidence"]
    else:
        draft["date_precision"] = "unknown"
        evidence["date"] = ("no date for this event in the text (dates of events elsewhere are ignored): find it "
                            "elsewhere, or record a window with its evidence in date_note")

    people = find_people(f, g, taking + mentioned, sents, country_hits,
                         [p["name"] for p in places] + [g.country_names.get(c["code"], "") for c in country_hits], home=home,
                         venue=place_cc)
    _only_in_titles(g, people, taking, mentioned)
    from_record, on_page = [], {h["id"] for h in taking + mentioned}
    for p in people:  # a person the record knows, named with no body: the body the page names that the record gives them
        if p["organisation"] is None and (found := recorded_body(g, p.get("known_as"), draft.get("date_start") or published, url)) \
                and found[0] in on_page:
            p["organisation"] = found[0]
            from_record.append(f"{p['name']}: the page names no body; the record gives {g.org_names.get(found[0], found[0])} "
                               f"at {found[1]}: check that it holds on this page")
    _represented(g, taking, mentioned)
    _source_with_people(people, taking, mentioned)
    known = {h["id"] for h in taking + mentioned}
    for p in people:  # a body the page ties a person to, by title ("Macedonian Minister of Interior"), takes part with them
        if p["organisation"] and p["organisation"] not in known:
            known.add(p["organisation"])
            h = {"id": p["organisation"], "spans": [], "role": "participant", "reason": f"affiliation of {p['name']}",
                 "evidence": p["evidence"], "taking_part": True}
            taking.append(h)
            cc = g.org_country.get(h["id"])
            if cc and g_kind(g, h["id"]) in NATIONAL_KINDS and cc not in {c["code"] for c in countries}:
                countries.append({"code": cc, "taking_part": True, "role": None, "reason": f"its {g.org_names.get(h['id'])} takes part",
                                  "evidence": p["evidence"]})
    for h in donor_governments(text, sents, g, country_hits, taking):  # "Czechia donates": its government, as the donor
        taking.append(h)
        cc = g.org_country.get(h["id"])
        if cc and cc not in {c["code"] for c in countries}:
            countries.append({"code": cc, "taking_part": True, "role": "donor", "reason": h["reason"], "evidence": h["evidence"]})
            countries_mentioned = [c for c in countries_mentioned if c["code"] != cc]
    for code, at in compound_countries(text):  # "srpsko-makedonska granica": the border's countries, mentioned
        if code not in {c["code"] for c in countries + countries_mentioned}:
            s = sentence_at(sents, at)
            countries_mentioned.append({"code": code, "taking_part": False, "role": None, "reason": "in a compound adjective",
                                        "evidence": str(Span(s.line, s.text[:240])) if s else ""})
    topics = find_topics(text, g)
    initiatives = find_initiatives(f, g, sents)
    new_orgs = [o for o in new_organisations(text, g, orgs, _place_opener(g))  # a unit in a person's title is theirs, not a new body
                if not any(o["name"] in (p.get("title") or "") for p in people)]

    names = [g.org_names.get(h["id"], h["id"]) for h in taking[:2]]
    where = f" in {place['name']}" if place else ""
    draft["title"] = f"{kind.replace('-', ' ').capitalize()} of {' and '.join(names) or 'partners'}{where}"[:160]
    draft["summary"] = None
    draft["url"] = url
    if place:
        draft["place"] = {k: v for k, v in place.items() if k in ("id", "name", "country") and v}
    draft["organisations"] = [{"id": h["id"], "role": h["role"], "evidence": _ev(text, h)} for h in taking]
    if new_orgs:
        draft["new_organisations"] = new_orgs
        draft["organisations"] += [{"id": o["id"], "role": "participant", "evidence": o["evidence"]} for o in new_orgs]
    draft["people"] = people
    countries, countries_mentioned = _in_passing(g, countries, countries_mentioned, by_code, sents, taking, people, place_cc)
    draft["countries"] = [c["code"] for c in countries]
    draft["topics"] = [t["id"] for t in topics]
    draft["initiatives"] = [i["id"] for i in initiatives]
    follow = _follow_ups(sents, g, draft["topics"])
    if follow:
        draft["follow_ups"] = follow
    if mentioned or countries_mentioned:
        draft["mentioned"] = {
            "organisations": [{"id": h["id"], "reason": h["reason"], "evidence": h["evidence"]} for h in mentioned],
            "countries": [{"code": c["code"], "reason": c["reason"], "evidence": c["evidence"]} for c in countries_mentioned],
        }
    draft["evidence"] = {
        **evidence,
        "published": published,
        "countries": [f"{c['code']}: {c['reason']}; {c['evidence']}" for c in countries],
        "topics": [t["evidence"] for t in topics],
        "initiatives": [i["evidence"] for i in initiatives],
        "places_mentioned": [f"{p['name']} ({p['country']}): {p['evidence']}" for p in places
                             if not place or p["id"] != place.get("id")],
        "new_places": new_places,
        "to_check": _checklist(draft, new_places, new_orgs) + from_record + [
            f"'{g.org_names.get(h['id'], h['id'])}' is named with a country: the record keeps its office there, {office}; "
            f"link the office instead if the page means it" for h in taking if (office := named_office(text, g, h["id"], h["spans"]))],
    }
    return draft


#: unions of states a release names as a frame far more often than as a party ("EU integration", "the EU's borders"): they
#: take part only with a cue ("funded by the EU", "the EU delegation", "representatives of NATO")
UNIONS = {"eu", "nato"}
_UNION_REASON = "a union of states named with no part stated"


def _main_roles(text: str, taking: list[dict]) -> None:
    """The first two organisations without a stated role are the partners, or the host of the other's visiting delegation."""
    visiting = {h["id"] for h in taking for a, b in h["spans"] if re.match(r"\s+[Dd]elegation", text[b:b + 12])
                or re.search(r"delegation (?:of|from)\s+(?:the\s+)?$", text[max(0, a - 24):a])}
    main = [h for h in taking if h["role"] in (None, "partner")][:2]
    for h in taking:
        if h in main and visiting and h["id"] not in visiting and len(main) == 2:
            h["role"], h["reason"] = "host", "the other side is named as the visiting delegation"
        elif not h["role"]:
            h["role"] = "partner" if h in main and len(taking) > 1 else "participant"


#: the region's national domains (Kosovo's institutions publish under rks-gov.net)
_DOMAINS = {"al": "AL", "ba": "BA", "hr": "HR", "me": "ME", "mk": "MK", "rs": "RS", "si": "SI", "bg": "BG", "gr": "GR", "at": "AT",
            "hu": "HU", "it": "IT", "ro": "RO"}


def _in_passing(g: Gazetteer, countries: list[dict], mentioned: list[dict], by_code: dict[str, list[tuple[int, int]]],
                sents: list[Sentence], taking: list[dict], people: list[dict], venue: str | None) -> tuple[list[dict], list[dict]]:
    """A country named once, with no cue, after the opening three sentences, with no body or person of it taking part and not
    the venue's, is named in passing ("asylum seekers from Serbia, Macedonia ...", "their home country Iraq", "arrested in
    Germany"), not a country taking part: in the blind sets such countries were wrong about twice as often as right."""
    involved = {g.org_country.get(h["id"]) for h in taking} | {g.org_country.get(p.get("organisation") or "") for p in people}
    keep, passing = [], []
    for c in countries:
        spans = by_code.get(c["code"], [])
        first = sentence_at(sents, spans[0][0]) if len(spans) == 1 else None
        late = first is not None and sents.index(first) >= 3
        (passing if c["reason"] == "named" and late and c["code"] not in involved | {venue} else keep).append(c)
    return keep, mentioned + [{**c, "taking_part": False, "reason": "named once, in passing"} for c in passing]


def site_country(url: str | None) -> str | None:
    """The country of the site that published a release, by its national domain ("mup.gov.hr" -> HR), else None.

    >>> site_country("https://mup.gov.hr/vijesti/1"), site_country("https://www.rks-gov.net/x"), site_country("https://dcaf.ch/x")
    ('HR', 'XK', None)
    """
    host = re.sub(r"^[a-z]+://", "", url or "").split("/")[0].split(":")[0].lower()
    if host.endswith("rks-gov.net"):
        return "XK"
    return _DOMAINS.get(host.rsplit(".", 1)[-1]) if "." in host else None


def _represented(g: Gazetteer, taking: list[dict], mentioned: list[dict]) -> None:
    """A body whose delegation takes part ("Delegation of the European Union to Bosnia and Herzegovina") is there through it:
    "the EU donated" in the same release is the delegation's act, and the EU itself moves to the mentioned."""
    full = {h["id"]: g.org_full.get(h["id"], "") for h in taking}
    for h in list(taking):
        name = re.escape(full[h["id"]]).replace(r"\ ", r"\s+")
        if name and any(o != h["id"] and re.match(rf"(?:Delegation|Mission|Office|Representation) of (?:the )?{name}\b", f, re.I)
                        for o, f in full.items()):
            taking.remove(h)
            mentioned.append({**h, "taking_part": False, "role": None, "reason": "represented by its delegation"})


def _only_in_titles(g: Gazetteer, people: list[dict], taking: list[dict], mentioned: list[dict]) -> None:
    """A government named only in the title of a person the text ties to another body ("potpredsjednik Vlade i ministar
    unutarnjih poslova") is that person's second hat, not a body taking part: it moves to the mentioned (also when the
    government read is another country's: "Vlade ... te zemlje" points back to a country the generic name did not see)."""
    spans = [(p.pop("_title_span"), p) for p in people]
    for h in list(taking):
        if g_kind(g, h["id"]) != "government" or not h["spans"] or not g.org_full.get(h["id"], "").startswith(("Government", "Council of")):
            continue
        holders = [next((p for (a, b), p in spans if a <= x < b), None) for x, _ in h["spans"]]
        if all(p and p["organisation"] and p["organisation"] != h["id"] for p in holders):
            taking.remove(h)
            mentioned.append({**h, "taking_part": False, "role": None, "reason": f"in the title of {holders[0]['name']}"})


def _source_with_people(people: list[dict], taking: list[dict], mentioned: list[dict]) -> None:
    """The body a release comes from ("saopšteno je iz MUP-a", "announced by the Ministry"), or a union of states named with no
    part stated, takes part when the text names one of its people by title: its minister signing, its commissioner speaking."""
    theirs = {p["organisation"] for p in people if p["organisation"] and p.get("title")}
    for h in list(mentioned):
        if h["reason"] in ("the release's source", _UNION_REASON) and h["id"] in theirs:
            mentioned.remove(h)
            taking.append({**h, "taking_part": True, "role": "participant", "reason": "its people are named; also the release's source"})


def g_kind(g: Gazetteer, oid: str) -> str:
    return g.org_kind.get(oid, "")


def _ev(text: str, h: dict) -> str:
    if not h["spans"]:
        return f"{h['reason']}: {h['evidence']}"
    a, b = h["spans"][0]
    out = str(Span(_line_of(text, a), text[a:b]))
    return out + (f"; {h['reason']}: {h['evidence']}" if h.get("reason") and h["reason"] != "named" else "")


def _place_opener(g: Gazetteer):
    """A test of whether a text opens with a country or place, and how long that name is (0 if not)."""
    def opens_with_place(t: str) -> int:
        rep = re.match(r"(?:Republik[aeë]s?\s+(?:së\s+)?|Republic of\s+|Републик[аеи]\s+)?", t).end()  # "Republike Srbije"
        found = [x["end"] for x in g.countries.find(Folded(t[rep:])) + g.place_matcher.find(Folded(t[rep:])) if x["start"] == 0]
        return rep + max(found) if found else 0
    return opens_with_place


def _follow_ups(sents: list[Sentence], g: Gazetteer, topics: list[str]) -> list[dict]:
    out = []
    for s in sents:
        if not FOLLOW_UP.search(s.text):
            continue
        kind = next((k for k, p in KIND_WORDS if k != "meeting" and re.search(p, s.text, re.I)), None)
        if kind is None:
            continue
        f = Folded(s.text)
        one = [Sentence(s.line, 0, s.text)]
        inits = [i["id"] for i in find_initiatives(f, g, one)]
        places = [p["name"] for p in find_places(f, g)]
        where = f" at {' and '.join(places)}" if places else ""
        out.append({
            "title": f"Planned {kind.replace('-', ' ')}{where} (follow-up)"[:160], "kind": kind, "status": "planned",
            "date_precision": "unknown", "initiatives": inits, "topics": list(topics),  # a follow-up shares its subject
            "evidence": str(Span(s.line, s.text[:160])),
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
