"""What the record already knows, compiled into matchers: organisations, places, countries, topics, initiatives, people."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis import locations
from analysis.curation.names import normalise, split_aliases


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Gazetteer:
    """Names the record knows, each compiled into one matcher per kind of thing."""

    orgs: list[tuple[re.Pattern, str, str]] = field(default_factory=list)  # (pattern, org_id, matched form)
    places: dict[str, dict] = field(default_factory=dict)
    place_re: re.Pattern | None = None
    countries: list[tuple[re.Pattern, str, str]] = field(default_factory=list)  # (matcher, code, form)
    people: dict[str, str] = field(default_factory=dict)
    topics: list[tuple[str, re.Pattern]] = field(default_factory=list)
    initiatives: list[tuple[re.Pattern, str, str]] = field(default_factory=list)
    centres: list[tuple[str, str]] = field(default_factory=list)  # (initiative_id, place name)
    org_names: dict[str, str] = field(default_factory=dict)
    place_words: frozenset[str] = frozenset()  # capitalised words of place and country names: not parts of people's names
    topic_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first word of each keyword, case-folded

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        data_dir = locations.data_dir(data_dir)
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
                    g.countries.append((re.compile(rf"(?<![\w-]){_flex(form)}\*?(?![\w-])"), r["country_code"], form))
        g.place_words = frozenset(words)
        for r in _rows(data_dir, "people"):
            for form in [r["name"], *split_aliases(r["aliases"])]:
                g.people[normalise(form)] = r["person_id"]
        for r in _rows(data_dir, "topics"):
            words = sorted(split_aliases(r["keywords"]), key=len, reverse=True)
            g.topic_words[r["topic_id"]] = tuple({w.split()[0].casefold() for w in words if w.split()})
            g.topics.append((r["topic_id"], re.compile(r"\b(" + "|".join(_flex(w) for w in words) + r")\b", re.I)))
        place_of = {}
        for r in _rows(data_dir, "initiative_places"):
            place_of.setdefault(r["initiative_id"], []).append(r["place_id"])
        place_name = {r["place_id"]: r["name"] for r in places}
        for r in _rows(data_dir, "initiatives"):
            for form in split_aliases(r.get("aliases", "")):
                g.initiatives.append((re.compile(rf"(?<![\w-]){_flex(form)}(?![\w-])", re.I if len(form) > 6 else 0), r["initiative_id"],
                                      form))
            if r["kind"] == "police-cooperation-centre":
                g.centres.extend((r["initiative_id"], place_name[p]) for p in place_of.get(r["initiative_id"], []) if p in place_name)
        return g


_WORD = re.compile(r"\w+")


def words_of(text: str) -> frozenset[str]:
    """The case-folded words of a text: a name can only match where all its words occur, so
    matchers whose words are absent are skipped without scanning (ingest stays fast on long input)."""
    return frozenset(_WORD.findall(text.casefold()))


def _flex(form: str) -> str:
    """A regex for a name that tolerates the spacing and dashes press releases use ('I – 24/7')."""
    out = re.escape(form.strip())
    out = out.replace(r"\-", r"\s*[-–—]\s*").replace(r"\ ", r"\s+")
    return out


# --- extraction -----------------------------------------------------------------------------
