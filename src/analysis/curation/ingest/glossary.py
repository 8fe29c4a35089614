"""Bodies the record knows by an English name, found where a release names them in its own language: the name is read word
by word into English through a glossary of the vocabulary of institutions, and compared with the names of the record's
bodies of the country it belongs to. This finds bodies no alias lists ("Ministarstvo za rad, zapošljavanje, boračka i
socijalna pitanja" is the "Ministry of Labour, Employment, Veteran and Social Affairs" of Serbia; "Националната комисија за
борба против трговија со луѓе" the "National Commission for Combating Trafficking in Human Beings" of North Macedonia).

>>> english_words("Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja")
['ministry', 'labour', 'employment', 'veteran', 'social']
>>> english_words("Ministry of Labour, Employment, Veteran and Social Affairs of Serbia", drop={"serbia"})
['ministry', 'labour', 'employment', 'veteran', 'social']
"""

from __future__ import annotations

import functools
import re

from analysis.curation.ingest.matching import fold

#: English word: the stems (folded: lower case, Latin, no diacritics) BCMS, Macedonian and Albanian write it with. A word is
#: read as the English word of the longest stem it opens with.
GLOSSARY = {
    "ministry": "ministarstv|ministerstv|ministri|ministrise|ministrine", "commission": "komisij|komision",
    "agency": "agencij|agjenci", "directorate": "direkcij|drejtori|uprav", "service": "sluzb|sherbim",
    "centre": "centar|centr|qend", "office": "kancelarij|ured|zyr", "bureau": "biro|byro", "institute": "zavod|institut",
    "institution": "institucij|institucion",
    "investigation": "hetim|istrag|istraz|istrazn", "court": "sud|suda|sudu|gjykat",
    "prosecutor": "tuzilast|tuzilac|tuzioc|tuzitelj|prokurori|obvinitel",
    "council": "savjet|savet|vijec|keshill|sovet", "fund": "fond", "association": "udruzenj|udrug|shoqat|zdruzen",
    "inspectorate": "inspektorat", "commissariat": "komesarijat", "police": "polic", "government": "vlad|qeveri",
    "assembly": "skupstin|kuvend|sobran", "authority": "autoritet", "team": "tim|tima|timu|ekip", "unit": "jedinic|njesi|edinic",
    "department": "odjel|odeljen|odsek|departament", "sector": "sektor", "academy": "akademij|akademi", "university": "univerzitet|universitet",
    "faculty": "fakultet", "administrative": "upravn", "coordinator": "koordinator", "national": "nacionaln|kombetar",
    "state": "drzavn|drzhavn|shteter", "public": "javn|publik", "interior": "unutrasnj|unutarnj|brendshm|vnatresn",
    "foreign": "spoljn|vanjsk|inostran|jashtm|nadvoresn", "justice": "pravd|pravosud|drejtesi", "labour": "rad|rada|trud|pune|punes",
    "employment": "zaposljav|zaposlen|punesim|vrabotuv", "social": "socijaln|sociale|social|drustven|shoqeror|opstestven", "veteran": "borack|borck",
    "human": "ljudsk|ljudi|ljudim|ljude|covek|njerez|njeri|luge|lugje", "rights": "prav|prava|drejta|drejtat",
    "minority": "manjin|pakic|malcinsk", "refugees": "izbjeglic|izbeglic|refugjat|begal", "migration": "migracij|migracion|migrim|migrant",
    "asylum": "azil", "foreigners": "stranc|stranac|stranim|strance|huaj", "border": "granic|kufi", "trafficking": "trgovin|trafikim|trafik|trgovij",
    "smuggling": "krijumcar|kriumcar|kontraband", "combating": "borb|lufte|suzbij|suzbijanj", "crime": "kriminal|krim",
    "organised": "organizovan|organiziran|organizuar|organiziran", "customs": "carin|dogan", "education": "obrazovanj|edukim|obrazovn|prosvet|arsim",
    "training": "obuk|trajnim|osposobljav", "protection": "zastit|zashtit|mbrojtj", "victims": "zrtv|zrtav|viktim",
    "european": "evropsk|europsk|evropian|europian", "integration": "integracij|integrim", "security": "bezbjednost|bezbednost|sigurnost|siguri",
    "health": "zdravlj|shendet", "finance": "finansij|financ", "cooperation": "saradnj|suradnj|bashkepunim|sorabotk",
    "regional": "regionaln|rajonal", "international": "medunarodn|medjunarodn|nderkombetar|megunarodn", "canton": "kanton",
    "ombudsman": "ombudsman|ombudsmen|zastitnik|avokat|pravobranil", "diaspora": "dijaspor|diaspor", "work": "rabot",
    "dialogue": "dijalog|dialog", "science": "nauk|shkenc", "technological": "tehnolosk|teknologj", "development": "razvoj|zhvillim",
    "illegal": "ilegal|iregular|nezakonit|paligjsh", "embassy": "ambasad|veleposlanstv", "prefecture": "prefektur",
    "committee": "komitet|odbor", "municipality": "opstin|opcin|bashki|komun", "welfare": "staranj|mireqenie|mireqenies",
    "citizen": "gradan|gradjan|gragan|qytetar", "judges": "sudij|sudii|sudac|sudaca|sudiju|gjyqtar",
    "policy": "politik",
}
#: words of no weight in a body's name, in the languages above and in English
_NOISE = frozenset([
    "protiv", "kunder", "za", "i", "u", "na", "od", "sa", "s", "so", "vo", "e", "te", "se", "me", "per", "dhe", "a", "kao", "of", "the", "and",
    "for", "in", "on", "against", "with", "to", "at", "republic", "republike", "republika", "republikes", "beings", "persons",
    "people", "qenie", "affairs", "poslova", "poslove", "poslovi", "pitanja", "ceshtje", "puneve", "rabotite", "rabota"
])
#: English variants read as one word
_SYNONYMS = {"internal": "interior", "home": "interior", "administration": "directorate", "organized": "organised", "center": "centre",
             "labor": "labour", "defense": "defence", "fight": "combating", "combatting": "combating", "suppression": "combating",
             "countering": "combating", "criminal": "crime", "migrants": "migration", "migrations": "migration", "migratory": "migration",
             "refugee": "refugees", "irregular": "illegal", "victim": "victims", "foreigner": "foreigners", "ministries": "ministry"}
_STEMS = sorted(((stem, en) for en, stems in GLOSSARY.items() for stem in stems.split("|")), key=lambda x: -len(x[0]))
_TYPES = frozenset(["ministry", "commission", "agency", "directorate", "service", "centre", "office", "bureau", "institute", "institution",
                    "court", "prosecutor", "council", "fund", "association", "inspectorate", "commissariat", "government", "assembly",
                    "authority", "team", "unit", "department", "academy", "university", "faculty", "police", "embassy", "prefecture",
                    "committee", "municipality"])


def english_words(name: str, drop: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The words of a body's name read into English (a word the glossary lacks stays as it is, marked with "?"); words of no
    weight and the words in ``drop`` (a country's name) are left out."""
    out: list[str] = []
    for w in re.findall(r"[a-z]+", fold(name)):
        if w in _NOISE or w in drop:
            continue
        if w in GLOSSARY or w in _SYNONYMS or (w.isascii() and w in _ENGLISH):
            en = _SYNONYMS.get(w, w)
        elif w.endswith("s") and w[:-1] in _ENGLISH:  # an English plural: "State Social Services"
            en = _SYNONYMS.get(w[:-1], w[:-1])
        else:
            en = next((e for stem, e in _STEMS if w.startswith(stem) and len(w) - len(stem) <= 6), f"?{w}")
        if en not in out:
            out.append(en)
    return out


#: English words of bodies' names, read as they are (not as a stem of the region's languages: "social", "national", "rights")
_ENGLISH = frozenset([*GLOSSARY, *_SYNONYMS.values(), "labour", "defence", "veterans", "equal", "opportunities", "family", "dialogue",
                      "judges"])


def record_words(g, oid: str) -> list[str]:
    """A record body's own name in English words, without its country and without a parent body after a comma ("Service for
    Combating Organised Crime, Ministry of Interior of Serbia" -> service, combating, organised, crime)."""
    name = g.org_full.get(oid, "")
    head, _, rest = name.partition(", ")
    if rest and english_words(rest)[:1] and english_words(rest)[0] in _TYPES:
        name = head
    own = fold(g.country_names.get(g.org_country.get(oid, ""), ""))
    place = _place_at_end(tuple(g.country_names.values())).search(name)
    return english_words(name[:place.start()] if place else name, frozenset(own.split()))


@functools.lru_cache(maxsize=4)
def _place_at_end(countries: tuple[str, ...]) -> re.Pattern:
    """The country a body's name ends on, as the body's country or seat: "... in Albania", "... (North Macedonia)"."""
    names = "|".join(re.escape(n) for n in sorted(countries, key=len, reverse=True) if n)
    return re.compile(rf"\s*(?:\(\s*(?:{names})\s*\)|\b(?:in|to|of|for)\s+(?:the\s+)?(?:{names}))\s*$", re.I)


def _by_country(g) -> dict[str, list[tuple[str, list[str], list[str]]]]:
    """The record's bodies by country: (id, kinds of body, other words of its name), worked out once per gazetteer."""
    index = getattr(g, "_glossary_index", None)
    if index is None:
        index = {}
        for oid, cc in g.org_country.items():
            words = record_words(g, oid)
            kinds = [w for w in words if w in _TYPES]
            if cc and kinds:
                index.setdefault(cc, []).append((oid, kinds, [w for w in words if w not in _TYPES]))
        object.__setattr__(g, "_glossary_index", index)
    return index


def _same(a: str, b: str) -> bool:
    """Two words of a name the same: equal, or two words the glossary lacks that differ only in a case ending ("?kukesit",
    "?kukes")."""
    if a == b:
        return True
    if not (a.startswith("?") and b.startswith("?")):
        return False
    short, long_ = sorted((a[1:], b[1:]), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def _shared(ours: list[str], theirs: list[str]) -> int:
    return sum(1 for w in set(ours) if any(_same(w, t) for t in theirs))


def match(name: str, cc: str | None, g, host: str | None = None) -> str | None:
    """The one body of country ``cc`` in the record whose English name the local ``name`` says: the same first kind of body
    (ministry, commission ...), and of the other words at least one shared, seven tenths of the record's and three quarters
    of the name's. An embassy named by its country alone is that country's embassy in ``host`` (the release's country)."""
    if not cc:
        return None
    words = english_words(name)
    kinds = [w for w in words if w in _TYPES]
    if not kinds:
        return None
    if kinds[0] == "embassy" and not [w for w in words if w not in _TYPES]:
        return _embassy(g, cc, host)
    best: list[tuple[float, str]] = []
    ours = [w for w in words if w not in _TYPES]
    for oid, their_kinds, their_content in _by_country(g).get(cc, []):
        if their_kinds[0] != kinds[0]:
            continue
        shared = _shared(ours, their_content)
        if shared and shared >= 0.7 * len(their_content) and shared >= 0.75 * len(ours):
            best.append((shared / len(their_content) + shared / len(ours), oid))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[1][0] == best[0][0]):
        return None
    return best[0][1]


def _embassy(g, cc: str, host: str | None) -> str | None:
    """Country ``cc``'s one embassy in ``host`` the record knows ("Ambasada e Shteteve të Bashkuara" on an Albanian page)."""
    where = fold(g.country_names.get(host or "", "")) if host else ""
    found = [o for o, c in g.org_country.items() if c == cc and fold(g.org_full.get(o, "")).startswith("embassy")
             and where and where in fold(g.org_full[o])]
    return found[0] if len(found) == 1 else None


def glossed_orgs(text: str, g, orgs: list[dict], countries: list[dict], home: str | None, place_country: str | None,
                 opens_with_place) -> list[dict]:
    """Record bodies named in the region's languages in a form the record does not list: {id, count, first, spans, glossed}.
    A name's country is the one named in or right after it ("... Republike Srbije"), else the release's own, else the venue's."""
    from analysis.curation.ingest.neworgs import _ALBANIAN_HEADS, MORE_ALBANIAN_HEADS, local_new_orgs

    taken = sorted((a, b) for h in orgs for a, b in h["spans"])
    known = {h["id"] for h in orgs}
    # the countries of the national bodies the release names: "Drejtoria për Migrim dhe të Huaj" beside the Kosovo Police is
    # Kosovo's, though the release is in Albanian (the language of Albania too)
    theirs = list(dict.fromkeys(g.org_country[h["id"]] for h in orgs if g.org_country.get(h["id"])
                                and g.org_kind.get(h["id"]) in ("government", "police")))
    hits: dict[str, dict] = {}
    for o in local_new_orgs(text, taken, opens_with_place, _ALBANIAN_HEADS + MORE_ALBANIAN_HEADS, run_on=True):
        inside = [c for c in countries if o["start"] < c["start"] <= o["end"] + 3]
        cc = inside[0]["key"].split("|")[-1] if inside else home or place_country
        name = text[o["start"]:inside[0]["start"] if inside else o["end"]]
        oid = match(name, cc, g, home or place_country)
        if not oid and "," in name:  # a name run on past a comma: "Drejtoria për migrim dhe të huaj, në bashkëpunim ..."
            name = name.split(",", 1)[0]
            oid = match(name, cc, g, home or place_country)
            o = {**o, "end": o["start"] + len(name)}
            inside = [c for c in inside if c["start"] <= o["end"] + 3]
        if not oid and not inside:
            oid = next((x for c in theirs if c != cc and (x := match(name, c, g, home or place_country))), None)
        if not oid or oid in known:
            continue
        h = hits.setdefault(oid, {"id": oid, "count": 0, "first": o["start"], "spans": [], "glossed": o["name"]})
        h["count"] += 1
        h["spans"].append((o["start"], inside[0]["end"] if inside else o["end"]))  # the name ends with its country
    return list(hits.values())
