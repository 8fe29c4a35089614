"""Heads of state and government and a union's commissioners, tied to the body they lead or sit in: a prime minister (or a
Swiss federal councillor) to the government of the country the title names, a president of a country to the office of the
president of that country, a European commissioner to the EU. Only a title that is the head's role and its country: a
president of anything else ("predsjednik Skupštine", "President of IPA") is not a head of state."""

from __future__ import annotations

import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import fold

#: a prime minister in English and the region's languages, any case, with "deputy", "first", "acting" and the Albanian and
#: Macedonian articles ("kryeministri në detyrë", "zëvendëskryeministri", "премиерот", "predsjednik Vlade")
_PRIME = re.compile(r"(?:deputy |vice |first |acting )*(?:prime minister|premier|premijer\w*|zevendes ?kryeministr\w*|kryeministr\w*|"
                    r"potpredsjedni\w* vlade|potpredsedni\w* vlade|predsjedni\w* vlade|predsedni\w* vlade|"
                    r"pretsedatel\w* na vladata|federal councillor|federal council(?:l)?or|bundesrat\w*)"
                    r"(?: (?:ne detyre|in office|a\.i\.|i pare|e pare))?")
#: a president of the country, not of a body ("President of the Republic of Serbia", "Presidenti i Kosovës", "претседателот")
_PRESIDENT = re.compile(r"(?:deputy |vice )?(?:president|predsjedni\w*|predsedni\w*|presidenti?\w*|pretsedatel\w*)")
#: a European commissioner in any of the languages and cases ("evropskom komesarkom", "EU Commissioner", "eurokomesar")
_COMMISSIONER = re.compile(r"\b(?:(?:european|evropsk\w*|europsk\w*|evropian\w*|europian\w*|eu)\s+(?:union\s+)?"
                           r"(?:commissioner|komesar\w*|povjereni\w*|poverenic\w*|komisioner\w*)|eurokomesar\w*|"
                           r"(?:commissioner|komesar\w*|komisioner\w*)\s+(?:of the european|evropsk\w*|europsk\w*|"
                           r"e bashkimit evropian\w*))")
#: words that may stand around the role and its country in a head's title: articles, "of the Republic", "of", "the"
_FILLER = re.compile(r"\b(?:of|the|republic|republike|republika|republikes|republikës|republiken|republikën|republ\w*|i|e|te|se|"
                     r"na|od|u|in|its|his|her|country)\b")


def head_body(title: str, g: Gazetteer, cc: str | None, country_words: list[str] = ()) -> str | None:
    """The body a head's title ties them to, or None. ``country_words`` are the title's words naming country ``cc`` (cut out
    before the title is read as the role alone).

    >>> g = Gazetteer.load()
    >>> head_body("kryeministri në detyrë i Kosovës", g, "XK", ["Kosovës"]), head_body("evropska komesarka za unutrašnje poslove", g, None)
    ('government-of-kosovo', 'eu')
    >>> head_body("predsjednik Skupštine", g, "RS", []) is None
    True
    """
    folded = fold(title)
    if _COMMISSIONER.search(folded):
        return "eu" if "eu" in g.org_full else None
    if not cc:
        return None
    rest = folded
    for w in sorted(country_words, key=len, reverse=True):
        rest = rest.replace(fold(w), " ")
    rest = re.sub(r"\s+", " ", _FILLER.sub(" ", re.sub(r"[^\w. ]+", " ", rest))).strip()
    if _PRIME.fullmatch(rest):
        return g.generic.get("government", {}).get(cc) if cc != "US" else None
    if _PRESIDENT.fullmatch(rest):
        return g.generic.get("office of president", {}).get(cc)
    return None


#: the head of a government below the state, or of a city ("Prime Minister of the Una-Sana Canton", "Bihac Mayor",
#: "gradonačelnik Bihaća", "kryetari i Komunës së Prizrenit"); not "načelnik", which is also a police chief's title
_LOCAL_PRIME = re.compile(r"\b(?:prime minister|premijer\w*|premier)\b")
_MAYOR = re.compile(r"\b(?:mayor\w*|gradonacelni\w*|gradonacalni\w*|kryetar\w* (?:i |e )?(?:komun|bashki)\w*)")
_LOCAL_BODY = {"prime": re.compile(r"^government of (?:the )?(.+?)$"),
               "mayor": re.compile(r"^(?:city|municipality|town) of (?:the )?(.+?)$")}
#: per gazetteer: for each kind of head, the bodies it may lead with the words of their unit ("una", "sana", "canton")
_UNITS: dict[int, tuple[Gazetteer, dict[str, list[tuple[str, list[str]]]]]] = {}


def _units(g: Gazetteer) -> dict[str, list[tuple[str, list[str]]]]:
    cached = _UNITS.get(id(g))
    if cached and cached[0] is g:
        return cached[1]
    countries = {fold(n) for n in g.country_names.values()}
    out: dict[str, list[tuple[str, list[str]]]] = {kind: [] for kind in _LOCAL_BODY}
    for oid, full in g.org_full.items():
        if g.org_kind.get(oid) != "government":
            continue
        for kind, pattern in _LOCAL_BODY.items():
            m = pattern.match(fold(full))
            unit = re.findall(r"\w+", m.group(1)) if m and m.group(1) not in countries else []
            if unit and not (len(unit) == 1 and len(unit[0]) < 4):
                out[kind].append((oid, unit))
    _UNITS[id(g)] = (g, out)
    return out


def local_head_body(title: str, g: Gazetteer) -> str | None:
    """The government of a canton, entity or district whose prime minister the title names, or the city whose mayor it
    names, when exactly one body the record knows fits; None for a country's prime minister (that is :func:`head_body`).

    >>> g = Gazetteer.load()
    >>> local_head_body("Prime Minister of the northwestern Una-Sana Canton (USK)", g), local_head_body("Bihac Mayor", g)
    ('government-of-una-sana-canton', 'city-of-bihac')
    >>> local_head_body("Prime Minister of Serbia", g) is None, local_head_body("Mayor", g) is None
    (True, True)
    >>> local_head_body("načelnik Policijske uprave Bihać", g) is None  # a police chief, not the mayor
    True
    """
    folded = fold(title)
    kind = "prime" if _LOCAL_PRIME.search(folded) else "mayor" if _MAYOR.search(folded) else None
    if kind is None:
        return None
    words = re.findall(r"\w+", folded)
    # every word of the unit in the title, or a word of the title beginning with it (the region's cases: "Bihaća")
    found = {oid for oid, unit in _units(g)[kind]
             if all(any(w == u or (w.startswith(u) and len(w) - len(u) <= 3) for w in words) for u in unit)}
    return found.pop() if len(found) == 1 else None
