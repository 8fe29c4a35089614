"""One kind of body named for a list of countries: each country's body of that kind.

"The Border Police Chiefs from Albania, Bosnia and Herzegovina, Croatia ... and Slovenia", "graničnih policija Slovenije, Bosne
i Hercegovine, Crne Gore, Makedonije i Srbije", "the Ministries of Interior of Albania, Kosovo and Serbia", "Albanian, Serbian
and Montenegrin border police": the name is said once, the bodies are as many as the countries. This was the commonest
omission the record's own audits found in curated rows (the countries linked, their police or ministries not), and the same
omission in ``ingest``'s drafts: a generic name took only the country written right after it.

A country whose body of that kind the record lists under a longer name of the same kind is found through it (Serbia's
"Border Police Directorate", Albania's "Directorate for Border and Migration Police" for "border police").
"""

from __future__ import annotations

import re

from analysis.curation.ingest.matching import Folded, form_words

#: words between the kind of body and its countries: "Border Police Services of", "policive kufitare të", "chiefs from the"
_BETWEEN = re.compile(
    r"(?:\s*(?:['’]s\s+)?(?:services?|chiefs?|heads?|directors?(?:-general)?|representatives?|officials?|officers?|experts?|delegations?|"
    r"staff|members?|of|from|in|the|republic|republics|republike|republika|republikes|republikës|iz|из|од|od|nga|të|te|së|se|e|i|na|"
    r"во|vo|на)\b)*\s*", re.I)
#: what joins the countries of a list: commas, "and" in the region's languages, "as well as"
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|i\s+|dhe\s+|и\s+)?(?:the\s+)?|\s+(?:and|i|dhe|и|e|as well as|&)\s+(?:the\s+)?)", re.I)
#: a preposition right before a country: the country is another name's ("... of Montenegro")
_OWNED = re.compile(r"\b(?:of|from|in|to|iz|из|од|od|nga|të|së|na|во|на)\s+(?:the\s+)?(?:Republic\s+of\s+)?$", re.I)
#: at most this many characters between the name and its first country
_GAP = 60


def distributed_orgs(f: Folded, g, orgs: list[dict], named: list[dict] | None = None) -> list[dict]:
    """Bodies of the countries of a list a generic name is said for: {id, count, first, spans, distributed}, for the
    bodies not among ``orgs`` yet. Only a list of two countries or more counts; one country is :mod:`.entities`' case.
    ``named``: the countries the text names (``g.countries.find(f)``), when the caller has them already."""
    text = f.original
    countries = sorted(g.countries.find(f) if named is None else named, key=lambda c: c["start"])
    if len(countries) < 2:
        return []
    known = {h["id"] for h in orgs}
    hits: dict[str, dict] = {}
    generic = g.generic_orgs.find(f) + g.generic_orgs.find(f, capitalised=False)
    spans = {(m["start"], m["end"]): m for m in generic}
    # of names that overlap ("Border Police" and "Police Services"), the one that starts first and is longest
    for m in [m for (a, b), m in spans.items() if not any(x < b and a < y and (x, -y) < (a, -b) for x, y in spans)]:
        listed = _list_after(text, m["end"], countries) or _list_before(text, m["start"], countries)
        if len(listed) < 2:
            continue
        for c in listed:
            oid = body_of(g, m["key"], c["key"].split("|")[-1])
            if not oid or oid in known:
                continue
            h = hits.setdefault(oid, {"id": oid, "count": 0, "first": m["start"], "spans": [], "distributed": m["text"]})
            h["count"] += 1
            h["spans"].append((m["start"], m["end"]))
    return list(hits.values())


def _list_after(text: str, end: int, countries: list[dict]) -> list[dict]:
    """The countries listed right after a name: "... of Bosnia and Herzegovina, Serbia, and Montenegro", "... të Shqipërisë,
    Kosovës dhe Maqedonisë"."""
    gap = _BETWEEN.match(text, end)
    at = gap.end() if gap else end
    if at - end > _GAP:
        return []
    out = []
    for c in countries:
        if c["start"] < at:
            continue
        if c["start"] != at or re.match(r"['’]s\b", text[c["end"]:]) or \
                (c["key"].startswith("adj|") and re.match(r"\s+[a-z]", text[c["end"]:]) and not _JOIN.match(text, c["end"])):
            break  # "Albania's police", "Serbian police": the country is not the list's
        out.append(c)
        join = _JOIN.match(text, c["end"])
        if not join:
            break
        at = join.end()
    return out


def _list_before(text: str, start: int, countries: list[dict]) -> list[dict]:
    """The adjectives of countries listed right before a name: "Albanian, Serbian and Montenegrin border police"."""
    out: list[dict] = []
    at = start
    for c in reversed(countries):
        if c["end"] > at:
            continue
        gap = text[c["end"]:at]
        if not (re.fullmatch(r"\s+", gap) if not out else _JOIN.fullmatch(gap)) or \
                (not c["key"].startswith("adj|") and _OWNED.search(text, 0, c["start"])):
            break  # "the Border Police of Montenegro and Serbian police": Montenegro is the first name's
        out.append(c)
        at = c["start"]
    return out[::-1]


def body_of(g, key: str, cc: str) -> str | None:
    """Country ``cc``'s body of the kind a generic name ``key`` says: the one the name is listed for, else the one listed
    under the shortest longer name of the same kind ("border police directorate" for "border police"), in any language the
    kind is written in."""
    if cc in g.generic.get(key, {}):
        return g.generic[key][cc]
    ids = set(g.generic.get(key, {}).values())
    kinds = [key] + [k for k, by in g.generic.items() if k != key and ids & set(by.values())]  # "granicna policija" = "border police"
    best = None
    for kind in kinds:
        words = set(form_words(kind))
        for k, by in g.generic.items():
            if cc in by and words <= set(k.split()) and (best is None or len(k) < len(best[0])):
                best = (k, by[cc])
    return best[1] if best else None
