"""What the record already knows, compiled into matchers: organisations (with former names and country-qualified
variants), places, countries and their adjectives, topics, initiatives by name and alias, people."""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import os
import pickle
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from analysis import locations
from analysis.curation.ingest.lexicon import (
    DEMONYMS,
    ENTITY_NAMES,
    INSTITUTIONS,
    LOCAL_ACRONYMS,
    LOCAL_COUNTRY_NAMES,
    LOCAL_DEMONYMS,
    LOCAL_ORG_NAMES,
    LOCAL_PLACE_NAMES,
    NGO_WORDS,
)
from analysis.curation.ingest.matching import Matcher, fold, form_words, same_name
from analysis.curation.names import normalise, split_aliases

#: the record's tables a gazetteer is compiled from
TABLES = ("countries", "initiative_places", "initiatives", "organisation_names", "organisations", "people", "places",
          "topics")
#: the record's rows a gazetteer remembers people's bodies from (optional: a look-up record without them has no memory)
HISTORY = ("events", "event_people", "event_sources")


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Gazetteer:
    """Names the record knows, each kind in one word-by-word :class:`Matcher` over the folded text."""

    orgs: Matcher = field(default_factory=Matcher)  # name, aliases, acronym, historic names, country-qualified variants
    generic_orgs: Matcher = field(default_factory=Matcher)  # "Ministry of Interior": key "base|country" for the country in context
    generic: dict[str, dict[str, str]] = field(default_factory=dict)  # base -> {country code: org_id}
    org_country: dict[str, str] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)
    org_kind: dict[str, str] = field(default_factory=dict)
    org_full: dict[str, str] = field(default_factory=dict)  # the full name
    org_forms: list[str] = field(default_factory=list)  # normalised names and aliases, for fuzzy matching of new names
    org_form_ids: list[str] = field(default_factory=list)
    places: dict[str, dict] = field(default_factory=dict)  # place_id -> row
    place_matcher: Matcher = field(default_factory=Matcher)
    countries: Matcher = field(default_factory=Matcher)  # names and aliases (key: code) and adjectives (key: "adj|code")
    country_names: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # normalised name -> person_id
    people_index: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict)  # (first letters, words) -> forms
    person_names: dict[str, str] = field(default_factory=dict)  # person_id -> the record's name
    topics: list[tuple[str, re.Pattern]] = field(default_factory=list)
    topic_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first word of each keyword, case-folded
    initiatives: Matcher = field(default_factory=Matcher)
    centres: list[tuple[str, str]] = field(default_factory=list)  # (initiative_id, place name)
    place_words: frozenset[str] = frozenset()  # capitalised words of place and country names: not parts of people's names
    person_orgs: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # person_id -> (date, org_id, event_id)
    event_urls: dict[str, list[str]] = field(default_factory=dict)  # url_key(page) -> the events it is a source of

    @classmethod
    def cached(cls, data_dir: Path | None = None) -> Gazetteer:
        """:meth:`load`, compiled once while the tables it reads hold the same bytes (a review over many pages, a
        test suite): about 2 ms to hash them instead of about 0.2 s to compile. Callers must not change it."""
        data_dir = locations.data_dir(data_dir)
        digest = hashlib.blake2b(digest_size=16)
        try:
            for name in TABLES:
                digest.update((data_dir / f"{name}.csv").read_bytes())
            for name in HISTORY:
                path = data_dir / f"{name}.csv"
                digest.update(path.read_bytes() if path.exists() else b"-")
        except OSError:
            return cls.load(data_dir)  # load names the missing or unreadable file
        return _compiled(data_dir.resolve(), digest.hexdigest())

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        data_dir = locations.data_dir(data_dir)
        g = cls()
        country_forms: dict[str, list[str]] = {}
        words: set[str] = set()
        for r in _rows(data_dir, "countries"):
            code, name = r["country_code"], r["name"].rstrip("*")
            g.country_names[code] = name
            forms = [name, *split_aliases(r["aliases"]), *split_aliases(LOCAL_COUNTRY_NAMES.get(code, ""))]
            country_forms[code] = forms
            words.update(w for form in forms for w in form.split() if w[:1].isupper() and len(w) > 3)
            adjective = DEMONYMS.get(code)
            for form in forms:
                if len(form) > 2 or form.isupper():
                    g.countries.add(form, f"adj|{code}" if form == adjective else code)
            if adjective and adjective not in forms:
                g.countries.add(adjective, f"adj|{code}")
        for r in _rows(data_dir, "organisations"):
            oid, cc = r["org_id"], r["country_code"]
            g.org_names[oid] = r["acronym"] or r["name"]
            g.org_country[oid] = cc
            g.org_kind[oid] = r["kind"]
            g.org_full[oid] = r["name"]
            forms = [r["name"], *split_aliases(r["aliases"]), r["acronym"]]
            for form in forms:
                if form and (len(form) >= 3 or form.isupper()):
                    g.orgs.add(form, oid)
                    if " " not in form and "x" in form.lower() and len(form) > 4:  # BCMS and Macedonian write x as ks: "Fronteks"
                        g.orgs.add(form.lower().replace("x", "ks").capitalize(), oid)
                    if form.startswith("NGO "):  # "NVO Atina", "OJQ ...", "НВО ...": the region's word for an NGO
                        for local in NGO_WORDS:
                            g.orgs.add(f"{local} {form[4:]}", oid)
                    g.org_forms.append(normalise(form))
                    g.org_form_ids.append(oid)
            if cc:
                for form in forms[:-1] + ([r["acronym"]] if " " in r["acronym"] else []):  # also an acronym like "IPA Serbia"
                    _qualified_variants(g, form, oid, cc, country_forms.get(cc, []))
                _entity_variants(g, r["name"], oid)
        for oid, forms in LOCAL_ORG_NAMES.items():
            if oid in g.org_names:
                for form in split_aliases(forms):
                    g.orgs.add(form, oid)
        for r in _rows(data_dir, "organisation_names"):  # former names: a release of its time uses them
            for form in (r["name"], r["acronym"]):
                if form and r["org_id"] in g.org_names and (len(form) >= 3 or form.isupper()):
                    g.orgs.add(form, r["org_id"])
        for r in _rows(data_dir, "places"):
            g.places[r["place_id"]] = r
            crossing = re.sub(r" border crossing$", "", r["name"]) if r["name"].endswith(" border crossing") else ""
            for form in [r["name"], *split_aliases(r["aliases"]), *split_aliases(LOCAL_PLACE_NAMES.get(r["place_id"], "")),
                         *([f"{word} {crossing}" for word in _CROSSING_WORDS] if crossing else [])]:
                if len(form) > 2:
                    g.place_matcher.add(form, r["place_id"])
                    words.update(w for w in form.split() if w[:1].isupper())
        given: set[str] = set()
        for r in _rows(data_dir, "people"):
            g.person_names[r["person_id"]] = r["name"]
            given.update(form.split()[0] for form in [r["name"], *split_aliases(r["aliases"])] if len(form.split()) > 1)
            for form in [r["name"], *split_aliases(r["aliases"])]:
                key = normalise(form)
                g.people.setdefault(key, r["person_id"])  # a namesake entered later never takes the first one's name
                g.people_index.setdefault(_name_key(key), []).append((key, r["person_id"]))
        # a word that begins a recorded person's name is a name before it is a place: "Milan", "Nikola" (the airport),
        # "Aleksandar" (a hotel) must not keep Milan Radojević or Aleksandar Vučić from being read as people
        g.place_words = frozenset(words - given)
        for r in _rows(data_dir, "topics"):
            kws = sorted(split_aliases(r["keywords"]), key=len, reverse=True)
            g.topic_words[r["topic_id"]] = tuple({w.split()[0].split("-")[0].casefold() for w in kws if w.split()})  # "I – 24/7" too
            g.topics.append((r["topic_id"], re.compile(r"\b(" + "|".join(_flex(w) for w in kws) + r")\b", re.I)))
        place_of: dict[str, list[str]] = {}
        for r in _rows(data_dir, "initiative_places"):
            place_of.setdefault(r["initiative_id"], []).append(r["place_id"])
        for r in _rows(data_dir, "initiatives"):
            for form in [r["name"], *split_aliases(r.get("aliases", ""))]:
                if len(form) > 3 or form.isupper():
                    g.initiatives.add(form, r["initiative_id"])
            if r["kind"] == "police-cooperation-centre":
                g.centres.extend((r["initiative_id"], g.places[p]["name"]) for p in place_of.get(r["initiative_id"], []) if p in g.places)
        _remember(g, data_dir)
        return g

    def person(self, name: str) -> str | None:
        """The record's person id for a name as written (any case ending, script or diacritics), if known."""
        key = normalise(name)
        if key in self.people:
            return self.people[key]
        for form, pid in self.people_index.get(_name_key(key), ()):
            if same_name(form, key):
                return pid
        return None


def url_key(url: str) -> str:
    """A page's address compared without its scheme, "www." and a closing slash."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower()).rstrip("/")


def _remember(g: Gazetteer, data_dir: Path) -> None:
    """Which body each person was with in the record's rows, and which rows each page is a source of (when the record has
    its event tables: the frozen look-up record of the tests has not)."""
    if not all((data_dir / f"{name}.csv").exists() for name in HISTORY):
        return
    dates = {}
    for r in _rows(data_dir, "events"):
        dates[r["event_id"]] = r["date_start"] or r["date_end"]
        g.event_urls.setdefault(url_key(r["source_url"]), []).append(r["event_id"])
    for r in _rows(data_dir, "event_sources"):
        g.event_urls.setdefault(url_key(r["url"]), []).append(r["event_id"])
    for r in _rows(data_dir, "event_people"):
        if r["org_id"]:
            g.person_orgs.setdefault(r["person_id"], []).append((dates.get(r["event_id"], ""), r["org_id"], r["event_id"]))


@functools.lru_cache(maxsize=512)
def _country_patterns(cc: str, country_forms: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """Patterns of a name qualified by its country, after ('... of Serbia', '... Srbije') or before ('Serbia's ...')."""
    names = "|".join(re.escape(c) for c in sorted(country_forms, key=len, reverse=True) if not c.isupper())
    if not names:
        return None
    return (re.compile(rf"^(?:the\s+)?(.+?)\s+(?:(?:of|in|for|to|e|të|së)\s+(?:the\s+)?(?:Republic\s+of\s+)?|Republike\s+)?(?:{names})$", re.I),
            re.compile(rf"^(?:the\s+)?(?:{names})(?:'s|’s)?\s+(.+)$", re.I))


#: portfolios the press writes before "Ministry" ("Interior Ministry", "Foreign Ministry", "Labour Ministry")
_PORTFOLIOS = ("Interior", "Internal Affairs", "Foreign Affairs", "Justice", "Labour", "Labor", "Defence", "Defense", "Finance",
               "Health", "Education", "Security", "Human Rights")


def _ministry_shorts(base: str) -> list[str]:
    """The short forms of a "Ministry of ..." the press writes: "Ministry of Interior" is the "Interior Ministry", "Ministry of
    Foreign Affairs" the "Foreign Ministry", "Ministry of Labour, Employment ..." the "Labour Ministry".

    >>> _ministry_shorts("Ministry of the Interior"), _ministry_shorts("Ministry of Foreign Affairs and Trade")
    (['Interior Ministry'], ['Foreign Affairs Ministry', 'Foreign Ministry'])
    >>> _ministry_shorts("Border Police")
    []
    """
    m = re.match(r"Ministry (?:of|for) (?:the )?(.+)$", base)
    if not m:
        return []
    portfolio = next((p for p in _PORTFOLIOS if m.group(1) == p or m.group(1).startswith(p + " ") or m.group(1).startswith(p + ",")), None)
    if portfolio is None:
        return []
    shorts = [f"{portfolio} Ministry"]
    if portfolio == "Foreign Affairs":
        shorts.append("Foreign Ministry")
    if portfolio == "Internal Affairs":
        shorts.append("Interior Ministry")
    return shorts


def _entity_variants(g: Gazetteer, name: str, oid: str) -> None:
    """A body of one of a country's entities ("Police Directorate of Republika Srpska") in the region's languages, with the
    entity's name in the genitive ("Policija Republike Srpske"); a name without the entity is no such body's."""
    for entity, local_forms in ENTITY_NAMES.items():
        if name.endswith(f" of {entity}"):
            base = name[: -len(entity) - 4]
            for local in split_aliases(INSTITUTIONS.get(" ".join(form_words(base)), "")):
                for form in split_aliases(local_forms):
                    if not local.isupper():
                        g.orgs.add(f"{local} {form}", oid)


def _qualified_variants(g: Gazetteer, form: str, oid: str, cc: str, country_forms: list[str]) -> None:
    """'Ministry of Interior of Serbia' is also 'Serbian Ministry of Interior', 'Serbia's Ministry of Interior' and, where the
    release is about Serbia, plain 'Ministry of Interior'; 'Government of the Czech Republic' is also 'Czech Government'."""
    adjective = DEMONYMS.get(cc)
    patterns = _country_patterns(cc, tuple(country_forms) + ((adjective,) if adjective else ()))
    if patterns is None:
        return
    form = re.sub(r"\s*\(\w+\)$", "", form)  # "German Federal Police (Bundespolizei)": a one-word bracket glosses the name
    m, lead = patterns[0].match(form), patterns[1].match(form)
    base = (m or lead).group(1) if (m or lead) else None
    if not base or len(base.split()) < 1 or base.lower() in ("republic", "state"):
        return
    # "Caritas Serbia": a national branch named by its country after the name, which the region's languages inflect
    # ("Caritasa Srbije", "Caritas Shqipëri")
    trailing = bool(m) and re.fullmatch(rf"{re.escape(base)}\s+[^\s].*", form) is not None and \
        not re.search(r"\s(?:of|in|for|to|e|të|së)\s", form[len(base):] + " ", re.I) and base.split()[0][:1].isupper()
    _base_variants(g, base, oid, cc, country_forms, trailing)
    for short in _ministry_shorts(base):  # "Serbian Interior Ministry", "the Foreign Ministry" in a release about Albania
        _base_variants(g, short, oid, cc, country_forms)
    if base.startswith("Federal ") and len(base.split()) > 2:  # "Federal Ministry of the Interior": also without "Federal"
        _base_variants(g, base[len("Federal "):], oid, cc, country_forms)


def _base_variants(g: Gazetteer, base: str, oid: str, cc: str, country_forms: list[str], trailing: bool = False) -> None:
    """The names of a country's body ``base`` ("Ministry of Interior") with the country's adjective or name, in the region's
    languages, and as a generic name read against the country in context."""
    adjective = DEMONYMS.get(cc)
    for c in [adjective, *country_forms]:
        if c and (not c.isupper() or base == "Government"):  # "UK Government", "US Government"; never "US Ministry of ..."
            g.orgs.add(f"{c} {base}", oid)
            if (base.isupper() or trailing) and c != adjective:
                g.orgs.add(f"{base} {c}", oid)  # "IPA Srbije", "MUP Crne Gore", "Caritasa Srbije": the country in any case
    local = split_aliases(INSTITUTIONS.get(" ".join(form_words(base)).replace("foreigners s", "foreigners'"), "")) or \
        split_aliases(INSTITUTIONS.get(normalise(base), ""))
    for name in local:  # "Ministarstvo vanjskih poslova BiH" for the "Ministry of Foreign Affairs of Bosnia and Herzegovina"
        if name in LOCAL_ACRONYMS and cc not in LOCAL_ACRONYMS[name]:
            continue  # "MVR" is Macedonian: never Croatia's ministry
        name_words = form_words(name)
        for c in country_forms:  # also with the linking words of the region's languages: "Policia e Kosovës", "... u BiH"
            country_words, form = _words(c), f"{name} {c}"
            for link in ((), ("e",), ("te",), ("se",), ("u",), ("na",)):
                g.orgs.add(form, oid, name_words + link + country_words)
        before, after = LOCAL_DEMONYMS.get(cc, ("", ""))
        if not name.isupper():  # "nemačkog Ministarstva unutrašnjih poslova", "qeveria kosovare"
            for adj in split_aliases(before):
                g.orgs.add(f"{adj} {name}", oid)
            for adj in split_aliases(after):
                g.orgs.add(f"{name} {adj}", oid)
        if len(name.split()) == 1 and not name.isupper() and len(base.split()) > 1:
            continue  # "Policija" alone is any police, not the "Police Directorate": only with its country or adjective
        key = " ".join(form_words(name))
        g.generic.setdefault(key, {}).setdefault(cc, oid)
        g.generic_orgs.add(name, key)
    if len(base.split()) >= 2 or base.lower() in ("government", "police", "parliament", "presidency"):
        key = " ".join(form_words(base))
        g.generic.setdefault(key, {}).setdefault(cc, oid)
        g.generic_orgs.add(base, key)


#: "X border crossing" in the region's languages, before the place's name ("na Graničnom prelazu Kalotina", "ГП Табановце")
_CROSSING_WORDS = ("Granični prelaz", "Granični prijelaz", "GP", "Гранични премин", "Pika kufitare", "Pika e kalimit kufitar",
                   "Vendkalimi kufitar")


def _name_key(name: str) -> tuple[str, int]:
    """Names that can be the same person's share their first word's first two letters and their number of words."""
    words = fold(name).split()
    return (words[0][:2] if words else "", len(words))


@functools.lru_cache(maxsize=4096)
def _words(form: str) -> tuple[str, ...]:
    return form_words(form)


def _flex(form: str) -> str:
    """A regex for a name that tolerates the spacing and dashes press releases use ('I – 24/7')."""
    out = re.escape(form.strip())
    out = out.replace(r"\-", r"\s*[-–—]\s*").replace(r"\ ", r"\s+")
    return out


# --- extraction -----------------------------------------------------------------------------


#: the modules whose code decides what a compiled gazetteer holds: a change to any of them makes a new cache key
_BUILDERS = ("gazetteer.py", "lexicon.py", "matching.py")
#: how many compiled gazetteers the cache keeps (about 3 MB each)
_KEEP = 6


@functools.lru_cache(maxsize=4)
def _compiled(data_dir: Path, digest: str) -> Gazetteer:
    """The gazetteer of these tables, from the user's cache when an earlier run compiled the same tables with the same code
    (unpickling takes about 25 ms, compiling about 150 ms: most of what one `ingest` call costs), else compiled and cached.
    A cache that cannot be read or written is skipped: it only saves time."""
    code = hashlib.blake2b(digest.encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in (*_BUILDERS, "../names.py"):
        code.update((here / name).read_bytes())
    try:
        path = _cache_dir() / f"gazetteer-{code.hexdigest()}.pickle"
    except (RuntimeError, KeyError):  # no home folder to keep a cache in
        return Gazetteer.load(data_dir)
    try:
        with path.open("rb") as f:
            g = pickle.load(f)
        if isinstance(g, Gazetteer):
            return g
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        pass  # no cache yet, or one from another version of the code: compile
    g = Gazetteer.load(data_dir)
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".gazetteer-", delete=False) as tmp:
            written = tmp.name
            pickle.dump(g, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, path)  # whole or not at all: a reader never sees half a file
        written = None
        for old in sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime)[:-_KEEP]:
            old.unlink()  # a few records' gazetteers are kept (the record, a copy being edited, a test's), not every one
    except OSError:
        if written:
            with contextlib.suppress(OSError):
                os.unlink(written)
    return g


def _cache_dir() -> Path:
    """Where compiled gazetteers are kept: $WBCOOP_CACHE, else $XDG_CACHE_HOME/wb-workbook, else ~/.cache/wb-workbook."""
    if os.environ.get("WBCOOP_CACHE"):
        return Path(os.environ["WBCOOP_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wb-workbook"
