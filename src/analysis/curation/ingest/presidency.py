"""A country's presidency of the Council of the EU ("the Swedish Presidency of the Council of the European Union (EU)",
"njemačkog predsjedavanja Savjetu EU", "poljskog predsedavanja Evropskom unijom"): the EU and its Council named inside the
phrase do not take part by it (the presiding country does); when the presidency organises ("organized by", "u
organizaciji"), the country's body for it takes part: its presidency where the record has one, else its government (sets D
and E map a presidency so)."""

from __future__ import annotations

import re

from analysis.curation.ingest.affiliations import adjective_country
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.lexicon import DEMONYMS

_PRESIDENCY = re.compile(r"\b(?P<adj>[^\W\d_]+)\s+(?:Presidency|predsjedavanj\w*|predsedavanj\w*|presidenc\w*|pretsedavanj\w*|"
                         r"претседавањ\w*|председавањ\w*)\s+(?:(?:of|over|with)\s+(?:the\s+)?)?"
                         r"(?P<body>(?:[^\W\d_]+\s+(?:of\s+(?:the\s+)?)?){0,3}?(?:European Union|Evropsk\w*\s+unij\w*|"
                         r"Europsk\w*\s+unij\w*|Европск\w*\s+униј\w*|(?-i:EU|BE)\b)(?:\s*\(EU\))?)", re.I)
_ORGANISED = re.compile(r"(?:organi[sz]ed\s+by|hosted\s+by|u\s+organizaciji|у\s+организацији|во\s+организација\s+на|"
                        r"në\s+organizim\s+të|organizuar\s+nga)\b[^.;]{0,80}$", re.I)
_ENGLISH = {adj.lower(): cc for cc, adj in DEMONYMS.items()}


def presidencies(text: str, g: Gazetteer, orgs: list[dict]) -> list[dict]:
    """The hits of ``orgs`` less the EU bodies named inside a country's presidency, plus the presiding country's body where
    the presidency organises (a hit like find_orgs's, with the phrase as its span)."""
    out = orgs
    for m in _PRESIDENCY.finditer(text):
        cc = _ENGLISH.get(m.group("adj").lower()) or adjective_country([m.group("adj")])
        if not cc:
            continue
        a, b = m.start("body"), m.end("body")
        for h in out:
            h["spans"] = [(x, y) for x, y in h["spans"] if not (a <= x and y <= b)] if h["id"] in _EU_BODIES else h["spans"]
        out = [h for h in out if h["spans"] or h["id"] not in _EU_BODIES]
        body = g.generic.get("presidency of council of european union", {}).get(cc) or g.generic.get("government", {}).get(cc)
        if body and cc != "US" and _ORGANISED.search(text[max(0, m.start() - 120):m.start()]) and body not in {h["id"] for h in out}:
            out.append({"id": body, "count": 1, "first": m.start(), "spans": [(m.start(), m.end("adj") + 1)]})
    return out


_EU_BODIES = frozenset(["eu", "council-of-the-european-union"])
