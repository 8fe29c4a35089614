"""Stage 4, entities: status cues, organisations, places, countries, topics and initiatives a release names.

Names are found in the folded text (:mod:`.matching`), so inflected, plural, Cyrillic and former
names of what the record knows are found too; whether each took part is :mod:`.roles`' question.
"""

from __future__ import annotations

import bisect
import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded, fold
from analysis.curation.ingest.roles import origin_only
from analysis.curation.ingest.text import Sentence, Span, _line_of, sentence_at

FUTURE = re.compile(r"\b(will be (?:held|organi[sz]ed)|will take place|is scheduled|are scheduled|upcoming|is planned|to be held)\b", re.I)
FOLLOW_UP = re.compile(r"\b(follow[ -]?up|agreed|will be organi[sz]ed|next (?:meeting|step))\b", re.I)
#: kinds and the words that name them, in English and (folded) in the region's languages
def find_orgs(f: Folded, g: Gazetteer, sentences: list[Sentence], place_country: str | None, home: str | None = None) -> list[dict]:
    """Every organisation of the record the text names: {id, count, first, spans}, in order of first mention.

    A generic name ("the Ministry of Interior") is the body of the country named in the same sentence,
    else of the country the event is in, else of the release's own country (``home``: its site's, or its language's);
    without any it is left out. A name several countries' bodies share ("Ministria e Punëve të Brendshme") is so read too,
    when the record lists it as one country's only. An English release's site says less of its country (regional bodies
    publish in English under a national domain): there ``home`` is not used."""
    home = None if _english(f.original) else home
    hits: dict[str, dict] = {}

    def add(oid: str, a: int, b: int) -> None:
        h = hits.setdefault(oid, {"id": oid, "count": 0, "first": a, "spans": []})
        h["count"] += 1
        h["first"] = min(h["first"], a)
        h["spans"].append((a, b))

    # an acronym before a roman numeral or a year names a programme ("IPA III", "IPA 2014"), not the body
    # and before "course" or "module" a course's name ("HELP online course")
    specific = [m for m in g.orgs.find(f) if not (m["text"].isupper() and re.match(
        r"\s+(?:[IVX]{1,4}|(?:19|20)\d\d)\b|\s+(?:online\s+|e-learning\s+)?(?:courses?|modules?|curricul\w+)\b", f.original[m["end"]:]))]
    # "the EU´s European Asylum Support Office": the owner named in the possessive is not there itself
    starts = {m["start"] for m in specific}
    specific = [m for m in specific if not ((p := re.match(r"[´'’]s\s+(?:the\s+)?", f.original[m["end"]:])) and m["end"] + p.end() in starts)]
    countries = [c for c in g.countries.find(f) if not origin_only(f.original, c["start"], c["end"])]  # not "Turkish citizens"
    country_starts = [c["start"] for c in countries]
    for m in specific:  # a form several bodies share ("ICS"): the one of a country the text names, else of the event's
        if m.get("alts"):
            named = {c["key"].split("|")[-1] for c in countries} | {place_country}
            m["key"] = next((k for k in [m["key"], *m["alts"]] if g.org_country.get(k) == place_country), None) or \
                next((k for k in [m["key"], *m["alts"]] if g.org_country.get(k) in named), m["key"])
    generic = g.generic_orgs.find(f)
    generic = sorted(generic + _lower_case_with_country(f, g, generic, countries, country_starts), key=lambda m: m["start"])
    # a country's body wins over the body of no country its name contains: "EU Delegation" / "Delegacija Evropske unije"
    # in BiH is the Delegation of the EU to Bosnia and Herzegovina, not the EU
    # and a name that does not say its country is the body of the country its sentence names ("Ministria e Punëve të
    # Brendshme" in a release about Albania is Albania's ministry, whichever country's the record lists the form for)
    for m in generic:
        inside = [x for x in specific if x["start"] < m["end"] and m["start"] < x["end"]]
        if not inside or len(m["text"]) < max(x["end"] - x["start"] for x in inside) or \
                not all(m["start"] <= x["start"] and x["end"] <= m["end"] for x in inside):
            continue
        cc = _generic_country(m, g, sentences, countries, country_starts, home, place_country)
        named = _generic_country(m, g, sentences, countries, country_starts)  # by its sentence, not the event's place
        after = _country_after(m, f.original, countries, country_starts)
        # no country in its sentence: a descriptive name is the event's country's body, an acronym ("Foto: MUP") only the
        # release's own country's
        named = after or named or (cc if not m["text"].isupper() else _generic_country(m, g, sentences, countries, country_starts, home))
        if not (cc or after) and m["text"].isupper() and len(g.generic.get(m["key"], {})) > 1 and \
                all((x["start"], x["end"]) == (m["start"], m["end"]) for x in inside):
            specific = [x for x in specific if x not in inside]  # "MUP" with no country to decide: several countries' ministry
        elif (cc or after) and all(not g.org_country.get(x["key"]) or (g.org_country[x["key"]] != named and named and not any(
                x["start"] <= c["start"] < x["end"] for c in countries)) for x in inside):
            specific = [x for x in specific if x not in inside]
    for m in specific:
        add(m["key"], m["start"], m["end"])
    taken = sorted((m["start"], m["end"]) for m in specific)
    taken_starts = [a for a, _ in taken]
    for m in generic:
        k = bisect.bisect_left(taken_starts, m["end"])
        if any(a < m["end"] and m["start"] < b for a, b in taken[max(0, k - 8):k]):
            continue
        if (" " not in m["text"] and re.match(r" [A-Z][a-z]", f.original[m["end"]:])) or _LONGER.match(f.original[m["end"]:]):
            continue  # the start of a longer name ("Police Cooperation Centers", "Albanian Police Inspectorate"): not the body
        after = _country_after(m, f.original, countries, country_starts) or \
            _country_before(m, f.original, countries, country_starts)  # "... të Britanisë së Madhe", "Slovak Interior Ministry"
        cc = (after if after in g.generic[m["key"]] else None) if after else \
            _generic_country(m, g, sentences, countries, country_starts, home, place_country)
        if not cc and not after and len(m["text"].split()) > 1:  # of the one country the text names that has such a body
            named_here = {c["key"].split("|")[-1] for c in countries} & set(g.generic[m["key"]])
            cc = named_here.pop() if len(named_here) == 1 else None
        if not cc and not after:  # "MPB-së" where the text names one country's such ministry in full: that one
            found = [c for c, o in g.generic[m["key"]].items() if o in hits]
            cc = found[0] if len(found) == 1 else None
        if cc:
            add(g.generic[m["key"]][cc], m["start"], m["end"])
    _eu_in_a_country(f.original, g, hits, countries)
    # a bare acronym next to a more specific body named with it is that body ("DCAF" in a "DCAF Ljubljana" release)
    for oid in list(hits):
        short = g.org_names.get(oid, "")
        if short.isupper() and any(o != oid and g.org_names.get(o, "").startswith(short + " ") for o in hits):
            del hits[oid]
    return sorted(hits.values(), key=lambda h: h["first"])


def _eu_in_a_country(text: str, g: Gazetteer, hits: dict[str, dict], countries: list[dict]) -> None:
    """The EU named with a country it is in ("šef misije Evropske unije u Srbiji", "Head of the EU Office in Kosovo") is its
    delegation to that country, where the record knows one."""
    if "eu" not in hits:
        return
    at = {c["start"]: c["key"].split("|")[-1] for c in countries}
    h = hits["eu"]
    for a, b in list(h["spans"]):
        gap = re.match(r"(?:['’]s)?\s+(?:u|in|to|në|ne|во|vo|na|у)\s+(?:the\s+)?(?:Republi\w+\s+(?:of\s+|e\s+|së\s+)?)?", text[b:b + 40])
        cc = at.get(b + gap.end()) if gap else None
        delegation = next((o for o, c in g.org_country.items() if c == cc and
                           g.org_full.get(o, "").startswith("Delegation of the European Union to")), None) if cc else None
        if delegation:
            h["spans"].remove((a, b))
            h["count"] -= 1
            d = hits.setdefault(delegation, {"id": delegation, "count": 0, "first": a, "spans": []})
            d["count"] += 1
            d["first"] = min(d["first"], a)
            d["spans"].append((a, b))
    if not h["spans"]:
        del hits["eu"]
    else:
        h["first"] = min(x for x, _ in h["spans"])


def _english(text: str) -> bool:
    """Is the text written in English (its commonest function words make a twentieth of its words)?"""
    words = re.findall(r"\w+", text)
    return len(re.findall(r"\b(?:the|and|of|to|in|was|were)\b", text, re.I)) >= 0.05 * max(1, len(words))


_OF_COUNTRY = re.compile(r"\s*(?:(?:of|in|to|for|the|të|së|e|i|u|na|во|на|Republic|Republike|Republika|Republikës|Republikës së|"
                         r"Република|Републике)\s+)*", re.I)


def _lower_case_with_country(f: Folded, g: Gazetteer, generic: list[dict], countries: list[dict], country_starts: list[int]) -> list[dict]:
    """A kind of body written in lower case, of two words or more, right before the country it is of: "граничната полиција на
    РСМ", "policisë kufitare të Maqedonisë", "granična policija Srbije" (the region's languages write bodies in lower case; the
    country after it makes it that country's body, not a description)."""
    seen = [(m["start"], m["end"]) for m in generic]
    return [m for m in g.generic_orgs.find(f, capitalised=False) if m["text"][:1].islower() and len(m["text"].split()) > 1
            and not any(a < m["end"] and m["start"] < b for a, b in seen)
            and (after := _country_after(m, f.original, countries, country_starts)) and after in g.generic.get(m["key"], {})]


def _country_after(m: dict, text: str, countries: list[dict], country_starts: list[int]) -> str | None:
    """The country named right after a generic name, which is then that country's body ("... of the Republic of Serbia")."""
    k = bisect.bisect_left(country_starts, m["end"])
    if k < len(countries) and countries[k]["start"] - m["end"] <= 40 and \
            _OF_COUNTRY.fullmatch(text[m["end"]:countries[k]["start"]]) and text[m["end"]:countries[k]["start"]].strip():
        return countries[k]["key"].split("|")[-1]
    return None


#: a head word after a generic name that makes it another body's name ("Albanian Police Inspectorate", "Police Academy")
_LONGER = re.compile(r" (?:Inspectorate|Academy|Directorate|Department|Unit|Station|Sector|Administration|Union|Association|"
                     r"College|School|Trade Union|Cooperation)\b")


def _country_before(m: dict, text: str, countries: list[dict], country_starts: list[int]) -> str | None:
    """The country named right before a generic name ("Slovak Interior Ministry", "Serbia's police"): that country's body."""
    k = bisect.bisect_left(country_starts, m["start"]) - 1
    if k >= 0 and re.fullmatch(r"(?:['’]s)?\s{1,2}", text[countries[k]["end"]:m["start"]]):
        return countries[k]["key"].split("|")[-1]
    return None


def _generic_country(m: dict, g: Gazetteer, sentences: list[Sentence], countries: list[dict], country_starts: list[int],
                     *fallback: str | None) -> str | None:
    """The country whose body a generic name is: one named in its sentence that has such a body, else the first of
    ``fallback`` (the event's country, the release's own) that has one."""
    options = g.generic.get(m["key"], {})
    s = sentence_at(sentences, m["start"])
    near = [c["key"].split("|")[-1] for c in countries[bisect.bisect_left(country_starts, s.start):
                                                         bisect.bisect_left(country_starts, s.end)]] if s else []
    if fallback and fallback[0] in near and fallback[0] in options:
        return fallback[0]  # of several countries its sentence names, the release's own ("помеѓу Црна Гора и ... Македонија")
    cc = next((c for c in sorted(near, key=lambda c: 0 if c in options else 1) if c in options), None)
    return cc or next((c for c in fallback if c in options), None)


#: capitalised phrases that name an organisation ("the British Embassy", "Croatian Interior Ministry", "U.S. Embassy")
CANDIDATE = re.compile(
    r"\b((?:[A-Z][\w'’.-]+\s+){0,4}(?:Agency|Ministry|Organi[sz]ation|Association|Foundation|Institute|University|Embassy|Council|"
    r"Commission|Directorate|Office|Police|Government|Service|Commissariat|Parliament|Assembly|Administration|Customs|Cross|"
    r"Centre|Center|Secretariat)\b(?:\s+(?:of|for|on|in)(?:\s+the)?(?:\s+[A-Z][\w'’-]+){1,5})?)")
_GENERIC_WORDS = frozenset(["the", "of", "for", "in", "on", "and", "ministry", "government", "police", "service", "office", "agency",
                            "directorate", "embassy", "centre", "center"])


def fuzzy_orgs(text: str, g: Gazetteer, orgs: list[dict], codes: set[str], place_names: set[str]) -> list[dict]:
    """Organisations of the record named in a form it does not list ("British Embassy" for "British Embassy in Bosnia and
    Herzegovina", "Croatian Interior Ministry"): the closest names (rapidfuzz), kept only when one organisation of a country the
    text names is left, the event's place breaking ties. {id, count, first, spans, fuzzy}."""
    from rapidfuzz import fuzz, process

    from analysis.curation.ingest.lexicon import DEMONYMS
    from analysis.curation.names import normalise

    known = sorted((a, b) for h in orgs for a, b in h["spans"])
    known_starts = [a for a, _ in known]
    found: dict[str, dict] = {}
    tried: dict[tuple[str, str], dict[str, float]] = {}
    for m in CANDIDATE.finditer(text):
        k = bisect.bisect_left(known_starts, m.end())
        if any(a < m.end() and m.start() < b for a, b in known[max(0, k - 8):k]):
            continue
        name = re.sub(r"^(?:The|This|the)\s+", "", m.group(1).strip())
        q = normalise(name)
        if len([w for w in re.findall(r"\w+", q) if w not in _GENERIC_WORDS]) < 1 or len(q.split()) < 2:
            continue
        swapped = q
        for cc, adj in DEMONYMS.items():
            swapped = re.sub(rf"\b{adj.lower()}\b", normalise(g.country_names.get(cc, adj)), swapped)
        if (q, swapped) in tried:
            ids = tried[(q, swapped)]
        else:
            tried[(q, swapped)] = ids = _closest(q, swapped, g, codes, place_names, fuzz, process)
        if len(ids) == 1:
            (oid,) = ids
            h = found.setdefault(oid, {"id": oid, "count": 0, "first": m.start(), "spans": [], "fuzzy": name})
            h["count"] += 1
            h["spans"].append((m.start(1), m.end(1)))
    return list(found.values())


def _closest(q: str, swapped: str, g: Gazetteer, codes: set[str], place_names: set[str], fuzz, process) -> dict[str, float]:
    """The record's organisations closest to a name: of a country the text names, at the event's place if that decides."""
    from analysis.curation.names import normalise

    ids: dict[str, float] = {}
    for query in {q, swapped}:
        for _, score, i in process.extract(query, g.org_forms, scorer=fuzz.token_set_ratio, score_cutoff=90, limit=25):
            oid = g.org_form_ids[i]
            if fuzz.token_sort_ratio(query, g.org_forms[i]) >= 55:
                ids[oid] = max(ids.get(oid, 0), score)
    ids = {o: sc for o, sc in ids.items() if not g.org_country.get(o) or g.org_country[o] in codes}
    if len(ids) > 1:
        here = {o: sc for o, sc in ids.items() if any(p and p in normalise(g.org_full.get(o, "")) for p in place_names)}
        ids = here or ids
    return ids


def find_places(f: Folded, g: Gazetteer) -> list[dict]:
    out, seen = [], set()
    text = f.original
    for m in g.place_matcher.find(f):
        r = g.places[m["key"]]
        if r["place_id"] in seen:
            next(p for p in out if p["id"] == r["place_id"])["all"].append(m["start"])
            continue
        seen.add(r["place_id"])
        out.append({"id": r["place_id"], "name": r["name"], "country": r["country_code"], "pos": m["start"], "end": m["end"],
                    "all": [m["start"]],
                    "evidence": str(Span(_line_of(text, m["start"]), text[max(0, m["start"] - 20):m["end"] + 12].strip()))})
    return out


def find_countries(f: Folded, g: Gazetteer, places: list[dict], org_spans: list[tuple[int, int]]) -> list[dict]:
    """Every naming of a country: {code, start, end, adjective, locates}; a country right after a place ("Mavrovo, Macedonia",
    "Sarajevo (BiH)") only locates it (``locates``) and a country inside an organisation's name is the organisation's."""
    text = f.original
    out = []
    place_ends = {p["end"] for p in places}
    for p in places:  # every mention of a known place, not only the first
        place_ends.update(m.end() for m in re.finditer(re.escape(p["name"]), text))
    spans = sorted(org_spans)
    span_starts = [a for a, _ in spans]
    for m in g.countries.find(f):
        k = bisect.bisect_right(span_starts, m["start"])
        if any(a <= m["start"] and m["end"] <= b for a, b in spans[max(0, k - 8):k]):
            continue
        locates = any(m["start"] - d in place_ends and re.fullmatch(r"\s*[,(]\s*|\s+in\s+", text[m["start"] - d:m["start"]])
                      for d in range(5))
        code = m["key"].split("|")[-1]
        out.append({"code": code, "start": m["start"], "end": m["end"], "adjective": m["key"].startswith("adj|"), "locates": locates})
    return out


def find_topics(text: str, g: Gazetteer) -> list[dict]:
    out = []
    low = text.casefold()
    for tid, pattern in g.topics:
        m = pattern.search(text) if any(k in low for k in g.topic_words.get(tid, ())) else None
        if m:
            out.append({"id": tid, "evidence": str(Span(_line_of(text, m.start()), m.group(0)))})
    return out


def find_initiatives(f: Folded, g: Gazetteer, sentences: list[Sentence]) -> list[dict]:
    """Initiatives by name or alias; a police cooperation centre also by its place in a sentence about such centres."""
    text = f.original
    out: dict[str, str] = {}
    for m in g.initiatives.find(f):
        out.setdefault(m["key"], str(Span(_line_of(text, m["start"]), m["text"])))
    for s in sentences:
        if re.search(r"police co-?operation cent(?:er|re)s?|\bPCCs?\b|centar za policijsku saradnju|centre for police cooperation",
                     fold(s.text) if not s.text.isascii() else s.text, re.I):
            for iid, place in g.centres:
                if iid not in out and re.search(rf"\b{re.escape(fold(place)[:-1])}", fold(s.text)):
                    out.setdefault(iid, str(Span(s.line, s.text[:90])))
    return [{"id": k, "evidence": v} for k, v in out.items()]
