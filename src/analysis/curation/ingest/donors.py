"""A country that gives or funds ("Czechia donates", "donacija Češke", "uz finansijsku podršku Švajcarske", "financed by the
Government of Switzerland") stands for its government, which takes part as the donor, unless one of that country's own bodies
(not its embassy) already takes part for it."""

from __future__ import annotations

import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.text import Sentence, Span, sentence_at

#: the country is the subject of giving ("Czechia donates", "Njemačka je donirala", "Gjermania dhuroi")
_GIVES = re.compile(r"^\s+(?:je\s+|has\s+|have\s+|ka\s+|e\s+)?(?:donat(?:es|ed)|donira\w*|donirao|dhuro\w*|донира\w*|дарува\w*|"
                    r"(?:has\s+)?(?:funded|financed)\b)", re.I)
#: the country after a word of giving or funding ("donacija Češke", "with the financial support of Switzerland")
_GIVEN_BY = re.compile(r"(?:\bdonacij\w*|\bdonation\s+(?:of|from|by)|\bsupport\s+(?:of|from)|\b(?:supported|sponsored)\s+by|\bpodršk\w*|"
                       r"\bpodrsk\w*|\bpotpor\w*|\bfunded\s+by|"
                       r"\bfinanced\s+by|\bfinansira\w*\s+(?:od\s+strane\s+)?|\bfinancira\w*\s+|\bдонација\s+(?:од|на)|\bdhurat\w*\s+nga|"
                       r"\bmbështetje\w*\s+(?:financiare\s+)?(?:të|nga))\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?|Vlad\w+\s+|"
                       r"Qeveri\w*\s+(?:së|të)\s+|Republi\w+\s+(?:of\s+)?)?$", re.I)


def government_of(g: Gazetteer, cc: str) -> str | None:
    """The record's body for a country's government: its "Government of X", else its one government-kind body whose name is the
    state's ("Swiss Confederation")."""
    gov = g.generic.get("government", {}).get(cc)
    if gov:
        return gov
    named = [o for o, c in g.org_country.items() if c == cc and g.org_kind.get(o) == "government"
             and re.fullmatch(r"(?:Government of .*|\w+ Confederation|Federal Government of .*)", g.org_full.get(o, ""))]
    return named[0] if len(named) == 1 else None


def donor_governments(text: str, sents: list[Sentence], g: Gazetteer, country_hits: list[dict], taking: list[dict]) -> list[dict]:
    """Organisation hits {id, spans, role, reason, evidence, taking_part} for the governments of donor countries."""
    out, seen = [], set()
    for c in country_hits:
        code = c["code"]
        if code in seen or c.get("adjective"):
            continue
        if not (_GIVES.match(text[c["end"]:c["end"] + 40]) or _GIVEN_BY.search(text[max(0, c["start"] - 80):c["start"]])):
            continue
        seen.add(code)
        own = [h for h in taking if g.org_country.get(h["id"]) == code and not g.org_full.get(h["id"], "").startswith("Embassy")]
        gov = government_of(g, code)
        if own or not gov or gov in {h["id"] for h in taking}:
            continue
        s = sentence_at(sents, c["start"])
        out.append({"id": gov, "spans": [], "role": "donor", "reason": "its country gives or funds", "taking_part": True,
                    "evidence": str(Span(s.line, s.text[:240])) if s else ""})
    return out
