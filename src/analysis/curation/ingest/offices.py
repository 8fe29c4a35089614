"""A global body named with a country is that body's office there, when the record keeps one: "UNHCR in Montenegro",
"UNHCR Skopje", "zamjenik šefa Delegacije Evropske unije u Crnoj Gori", "IOM BiH". The audits of the record found a generic
parent where the page names the office among the commonest faults, and the blind sets did the same for drafts."""

from __future__ import annotations

import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded

#: the words that make a body one country's office of a global one
_OFFICE = r"(?:Office|Representation|Mission|Delegation|Presence|Programme Office|Country Office)"
#: between the parent's name and the country: "in", "to", the region's "u", "na", "në", "во", or nothing ("UNHCR Skopje")
_LINK = re.compile(r"^(?:-\w{1,4}|['’]s)?\s*(?:(?:office|representation|mission|delegation|presence|representative|head|chief|"
                   r"ured\w*|kancelarij\w*|misij\w*|delegacij\w*|predstavni\w*|zyr\w*|misio\w*|канцеларија\w*|мисија\w*)\s+)?"
                   r"(?:(?:in|to|for|u|na|në|ne|во|vo|за|za|pri)\s+)?(?:the\s+)?$", re.I)
#: Montenegro's cases the country matcher leaves out (it reads "Crna Gora" and "Crnoj" as different words)
_MONTENEGRO = re.compile(r"\b(?:Crnoj Gori|Crne Gore|Crnu Goru|Црној Гори|Црне Горе|Црну Гору|Mal(?:it)? (?:të|e) Zi|Mali i Zi)\b")
#: an office's name: "<parent> [word] Office in <country>" or "Office of [the] <parent> in <country>"
_OFFICE_NAME = re.compile(rf"(?P<pre>.+?) (?:\w+ )?{_OFFICE} (?:in|to) (?:the )?(?P<where>.+)|"
                          rf"{_OFFICE} of (?:the )?(?P<of>.+?) (?:in|to) (?:the )?(?P<where2>.+)")
_CACHE: dict[int, tuple[Gazetteer, dict[str, dict[str, str]]]] = {}


def country_offices(g: Gazetteer) -> dict[str, dict[str, str]]:
    """{parent org_id: {country code: office org_id}} from the record's names: "IOM Mission in Serbia", "Delegation of the
    European Union to Montenegro", "OSCE Mission to Skopje" (a capital names its country). Read once per gazetteer."""
    cached = _CACHE.get(id(g))
    if cached and cached[0] is g:
        return cached[1]
    parents = {f: oid for oid, cc in g.org_country.items() if not cc for f in (g.org_full[oid], g.org_names[oid]) if f}
    out: dict[str, dict[str, str]] = {}
    for oid, name in g.org_full.items():
        m = g.org_country.get(oid) and _OFFICE_NAME.fullmatch(name)
        if not m:
            continue
        parent = parents.get(m.group("pre") or m.group("of"))
        cc = parent and _country_of(g, m.group("where") or m.group("where2"))
        if cc:
            out.setdefault(parent, {}).setdefault(cc, oid)
    _CACHE[id(g)] = (g, out)
    return out


def _country_of(g: Gazetteer, words: str) -> str | None:
    """The country a country's or a town's name stands for ("Montenegro", "Skopje")."""
    f = Folded(words)
    for hit in g.countries.find(f):
        if hit["start"] == 0:
            return hit["key"].split("|")[-1]
    for hit in g.place_matcher.find(f):
        if hit["start"] == 0:
            return g.places[hit["key"]].get("country_code") or None
    return None


def named_office(text: str, g: Gazetteer, oid: str, spans: list[tuple[int, int]]) -> str | None:
    """The office of ``oid`` for the country named right after one of its mentions, if the record keeps that office."""
    offices = country_offices(g).get(oid)
    if not offices:
        return None
    for _, b in spans:
        after = re.split(r"[.;:\n]", text[b:b + 60])[0]
        f = Folded(after)
        montenegro = [{"key": "ME", "start": m.start()} for m in _MONTENEGRO.finditer(after)]
        for hit in g.countries.find(f) + g.place_matcher.find(f) + montenegro:
            key = hit["key"]
            cc = key.split("|")[-1] if key not in g.places else g.places[key].get("country_code", "")
            if cc in offices and _LINK.match(after[:hit["start"]]):
                return offices[cc]
    return None
