"""A person's affiliation: the organisation the sentence ties them to, in their title ("X, Director of Y", "Y's Director X"),
in brackets, after "from"/"of"/"iz"/"од", by who leads whom ("a delegation led by X"), or through a country their title
names ("Macedonian Minister of Interior", "Ambassador of France"), or, for a minister named without a country, the country
of the site that published the release."""

from __future__ import annotations

import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.heads import head_body, local_head_body
from analysis.curation.ingest.lexicon import ENTITY_NAMES, LOCAL_DEMONYMS
from analysis.curation.ingest.matching import Folded, fold, form_words
from analysis.curation.ingest.text import Sentence
from analysis.curation.ingest.titles import is_role

_FROM = re.compile(r"^\s*(?:,\s*)?(?:(?:both|all|all three|each)\s+(?:(?:from|of|at|with)\s+)?|(?:from|of|at|with|iz|od|од|из|nga|prej)\s+)"
                   r"(?:the\s+)?$", re.I)
#: "from the Office for Migration of the Ministry ...": a unit the record does not know, of a body it knows
_FROM_UNIT_OF = re.compile(r"^\s*(?:,\s*)?(?:from|iz|od|од|из|nga)\s+(?:the\s+)?(?:(?:[A-ZČĆŠŽĐА-Я][\w'’-]*|for|and|&|za|i|и|за)\s+){1,6}"
                           r"(?:of|at|within|pri|при|u|у|në|të|e)\s+(?:the\s+)?$")
#: "iz Evropske kancelarije za podršku sistemu azila (EASO)": a body the record knows by the acronym in brackets, named in full
#: in a language or form it does not list
_FROM_GLOSSED = re.compile(r"^\s*(?:,\s*)?(?:from|iz|од|из|nga|prej)\s+(?:the\s+)?[A-ZČĆŠŽĐÇËА-ЯЃЌЅЉЊЏ][^\W\d_]*"
                           r"(?:[\s,-]+[^\W\d_]+){0,10}\s*\(\s*$")
#: "on behalf of" in the region's languages, before a body ("u ime Europske unije potpisali ..."), or after a name and before
#: a country ("... Filip Adžić u ime Crne Gore")
_BEHALF = re.compile(r"(?:\bu ime|у име|во име на|në emër të|\bon behalf of(?: the)?)\s+$", re.I)
_BEHALF_AFTER = re.compile(r"\s*,?\s*(?:u ime|у име|во име на|në emër të|on behalf of(?: the)?)\s+", re.I)
#: "X Directorate represented by <name>", "delegation led by <name>", "predvođena <name>"
_LED_BY = re.compile(r"(?:\s+[A-Z&][\w&/.-]*)*\s*,?\s*(?:represented|led|headed|chaired|accompanied) by\s*|"
                     r"[^.;]{0,40}?\b(?:predvođen\w*|predvoden\w*|предводен\w*)\s*(?:od\s+|од\s+)?(?:\w+\s+){0,3}|"
                     r"\s*,?\s*(?:na čelu sa?|na celu sa?|на челу са?|на чело со|me në krye|të kryesuar nga|kryesuar nga)\s+")


def affiliation(text, t_start, start, end, t_end, s: Sentence, org_spans, g: Gazetteer, title: str, countries,
                places: list[str], home: str | None = None, present: frozenset[str] = frozenset(),
                venue: str | None = None) -> tuple[str | None, str]:
    """The organisation the sentence ties the person to, and how ('title', 'bracket', 'from', 'country'), or (None, '')."""
    inside = [(a, b, o) for a, b, o in org_spans if t_start <= a and b <= t_end and not (start <= a < end)]
    after = next(((a, b, o) for a, b, o in org_spans if a >= max(end, t_end) and a < s.end), None)
    if after and re.fullmatch(r"\s*\(\s*", text[max(end, t_end):after[0]]):
        return after[2], "bracket"
    if after and (_FROM.match(text[max(end, t_end):after[0]]) or _FROM_UNIT_OF.match(text[end:after[0]])
                  or _FROM_GLOSSED.match(text[max(end, t_end):after[0]])):
        return after[2], "from"
    led = next(((a, b, o) for a, b, o in org_spans if b <= t_start and _LED_BY.fullmatch(text[b:t_start])), None)
    if led:
        return led[2], "from"
    behalf = next(((a, b, o) for a, b, o in org_spans if b <= t_start and _BEHALF.search(text[max(0, a - 16):a])
                   and re.fullmatch(r"\s*(?:[^\W\d_A-ZА-Я]+\s+){0,3}", text[b:t_start])), None)
    if behalf:  # "u ime Europske unije potpisali povjerenica ... X": the first signatory after it
        return behalf[2], "from"
    on_behalf = _BEHALF_AFTER.match(text[end:end + 60])
    if on_behalf and title:  # "ministar unutarnjih poslova X u ime Crne Gore": the title's ministry of that country
        cc = next((c["code"] for c in countries if c["start"] == end + on_behalf.end()), None)
        ministry = _ministry(title, g, cc) if cc else None
        if ministry:
            return ministry, "country"
    # of two roles in a title, the last one's body: "potpredsjednik Vlade i ministar unutarnjih poslova Republike Srbije"
    roles = [t_start + w.start() for w in re.finditer(r"[^\s,;:()]+", text[t_start:max(t_end, end)])
             if not (start <= t_start + w.start() < end) and is_role(w.group(0))]
    last = [x for x in inside if roles and x[0] >= roles[-1]]
    if (last or inside) and all(_cabinet(g, o) for _, _, o in last or inside):
        # "Ministar unutrašnjih poslova u Vladi Republike Srbije": a minister in a government is of the ministry the title names
        ministry, via = _country_body(text, t_start, start, end, t_end, g, title, countries, places, home or venue, present)
        if via != "ministry":
            ministry = _ministry(title, g, g.org_country.get((last or inside)[0][2]), present)
        if ministry:
            return ministry, "country"
    if last or (inside and not roles):
        return min(last or inside, key=lambda x: (x[0], x[0] - x[1]))[2], "title"
    by_country, via = _country_body(text, t_start, start, end, t_end, g, title, countries, places, home or venue, present)
    if by_country and (via == "ministry" or not inside):  # "... i ministar unutarnjih poslova Republike Srbije"
        return by_country, "country"
    if inside:
        return min(inside, key=lambda x: (x[0], x[0] - x[1]))[2], "title"  # the first body named: "Head of X and Y"
    commissariat = _HEAD_OF_COMMISSARIAT.match(fold(title or ""))
    cc = commissariat and (next((c["code"] for c in countries if t_start <= c["start"] < max(t_end, end)), None) or home or venue)
    if commissariat and cc:  # "Komesarka za izbeglice i migracije": the head of the commissariat the title names
        from analysis.curation.ingest.glossary import match

        named = "Komesarijat " + commissariat.group(1)
        body = next((h["key"] for h in g.orgs.find(Folded(named)) if h["start"] == 0 and g.org_country.get(h["key"]) == cc), None)
        body = body or match(named, cc, g)
        if body:
            return body, "title"
    if title and _POLICE_WORD.search(fold(title)):  # "pomoćnik direktora za Sektor granične policije": a unit of the police
        cc = next((c["code"] for c in countries if t_start <= c["start"] < max(t_end, end)), None) or home or venue
        police = national_police(g, cc) if cc else None
        if police:
            return police, "country"
    return None, ""


def _cabinet(g: Gazetteer, oid: str) -> bool:
    """Is the body a country's government as a whole ("Government of Serbia", "Council of Ministers of BiH")?"""
    return bool(re.match(r"(?:Government|Council of Ministers)\b", g.org_full.get(oid, "")))


#: the head of a commissariat, named for its field ("Komesarka za izbeglice i migracije", "Commissioner for Refugees"): folded
_HEAD_OF_COMMISSARIAT = re.compile(r"^(?:(?:deputy|zamenik\w*|zamjenik\w*)\s+)?(?:komesar\w*|commissioner)\s+((?:za|for)\s+.+)$")
#: a police word in any of the region's languages and cases ("policije", "полицијата", "Policisë")
_POLICE_WORD = re.compile(r"\b(?:polic\w*|politsi\w*)\b")


def national_police(g: Gazetteer, cc: str) -> str | None:
    """The record's body for a country's police as a whole (its directorate or administration), not a border police."""
    for key in ("police directorate", "police administration", "state police", "police"):
        if cc in g.generic.get(key, {}):
            return g.generic[key][cc]
    named = [o for o, c in g.org_country.items() if c == cc and g.org_kind.get(o) == "police" and "Border" not in g.org_full.get(o, "")
             and re.match(r"(?:Police|State Police|National Police)\b", g.org_full.get(o, ""))]
    return named[0] if len(named) == 1 else None


def _country_body(text, t_start, start, end, t_end, g: Gazetteer, title: str, countries, places: list[str],
                  home: str | None = None, present: frozenset[str] = frozenset()) -> tuple[str | None, str]:
    """"Macedonian Minister of Interior", "Ambassador of France": the country's ministry or embassy, and which of the two. A
    minister whose title names no country ("Ministar unutarnjih poslova" on mup.gov.hr) is the publishing site's country's."""
    if not title:
        return None, ""
    cc = next((c["code"] for c in countries if t_start <= c["start"] < max(t_end, end)), None) or \
        adjective_country(text[max(0, t_start - 30):t_start].split()[-1:]) or \
        next((c for w in title.split()[:2] if (c := adjective_country([w]))), None)  # "немачки амбасадор у Београду"
    if cc is None and ANAPHOR.search(title):  # "ministar unutrašnjih poslova te zemlje": the country named last before
        cc = next((c["code"] for c in reversed(countries) if c["end"] <= t_start), None)
    ministry = _ministry(title, g, cc or home, present)
    if ministry:
        return ministry, "ministry"
    named = [text[c["start"]:c["end"]] for c in countries if t_start <= c["start"] < max(t_end, end) and c["code"] == cc]
    head = head_body(title, g, cc, named + [w for w in title.split() if cc and adjective_country([w]) == cc]) or \
        local_head_body(title, g)
    if head:  # "kryeministri në detyrë i Kosovës", "evropska komesarka za unutrašnje poslove"
        return head, "head"
    if cc and re.search(r"ambassador|ambasador|charge d.affaires|chargee d.affaires|embassy|ambasad|veleposlanstv|amabasad", fold(title)):
        embassy = sorted({o for f, o in zip(g.org_forms, g.org_form_ids, strict=True) if "embassy" in f and g.org_country.get(o) == cc})
        host = [fold(p) for p in places if fold(p) != fold(g.country_names.get(cc, ""))]  # where the embassy is, not whose
        here = [o for o in embassy if any(p in fold(g.org_full.get(o, "")) for p in host)]
        elsewhere = [c["code"] for c in countries if t_start <= c["start"] < max(t_end, end) and c["code"] != cc]
        if elsewhere and len(here) > 1:  # "Ambassador of France in Serbia": of its embassies on the page, the one in Serbia
            in_title = [o for o in here if _in_country(g, g.org_full.get(o, ""), set(elsewhere))]
            here = in_title or here
        if elsewhere and not here and not any(fold(g.country_names.get(x, "")) in fold(g.org_full.get(o, "")) for x in elsewhere
                                               for o in embassy):
            return None, ""  # "ambasadorka Republike Češke u Srbiji": the record knows no Czech embassy in Serbia
        if len(here) == 1 or len(embassy) == 1:
            return (here or embassy)[0], "embassy"
        # no host place on the page: the country's embassy the record names by no host country ("US Embassy"),
        # not its embassy in Montenegro
        unplaced = [o for o in embassy if not any(fold(n) in fold(g.org_full.get(o, "")) for c, n in g.country_names.items()
                                                  if n and c != cc)]
        if not here and len(unplaced) == 1:
            return unplaced[0], "embassy"
    return None, ""


def _in_country(g: Gazetteer, name: str, codes: set[str]) -> bool:
    """Does a body's name place it in one of the countries ``codes``, by the country's name or by a town of it the record
    knows ("Embassy of France in Belgrade" is in Serbia)?"""
    folded = fold(name)
    return any(fold(g.country_names.get(c, "")) in folded for c in codes if g.country_names.get(c)) or \
        any(p["country_code"] in codes and re.search(rf"\b{re.escape(fold(p['name']))}\b", folded) for p in g.places.values())


def adjective_country(words: list[str]) -> str | None:
    """The country whose BCMS or Macedonian adjective the (last) word is, in any gender and case ("немачки", "srpskog").

    >>> adjective_country(["немачки"]), adjective_country(["srpskog"]), adjective_country(["novi"])
    ('DE', 'RS', None)
    """
    word = fold(words[-1]) if words else ""
    return next((cc for cc, (before, _) in LOCAL_DEMONYMS.items() for adj in before.split("|")
                 if adj and len(word) > 4 and word[:-1].startswith(fold(adj)[:-1]) and word[len(fold(adj)) - 1:].isalpha()
                 and len(word) - len(fold(adj)) <= 2), None)


#: "of that country" closing a title: the country is the one named before ("ministar unutrašnjih poslova te zemlje")
ANAPHOR = re.compile(r"\s+(?:te|ove|that|this|të atij|на таа|на оваа)\s+(?:zemlje|države|drzave|country|vendi|земја|држава)$")
#: a minister's word in any language and case ("Minister", "ministrom", "Zëvendësministër", "министер"), with an Albanian article
_MINISTER = re.compile(r"^.*?\b\w*minist(?:er|ers|erot|erkata|ar|ri|ra|rom|ru|rot|rite|re|rja|ria|rica|rici|ricu|ricom|rka)\b"
                       r"(?:\s+(?:i|e|te|se)\b)?")


#: English names the minister after the field ("Interior Minister", "Foreign Minister"): the ministry is "of" the field
_FIELD_FIRST = re.compile(r"\b(interior|foreign|justice|security|defen[cs]e|finance|labour|labor|health|education)\s+minister\b")
_FIELDS = {"foreign": "foreign affairs", "defense": "defence", "labor": "labour"}
#: the minister of police, as the region's press calls an interior minister ("ministar policije", "ministri i policisë")
_POLICE_MINISTER = re.compile(r"\b(\w*minist\w*)\s+(?:i\s+|e\s+)?polic\w*\b")


def _ministry(title: str, g: Gazetteer, cc: str | None, present: frozenset[str] = frozenset()) -> str | None:
    """The ministry a minister's title names, of country ``cc``: the title's minister word read as each language's word for
    "ministry" ("ministar unutarnjih poslova" -> "ministarstvo unutarnjih poslova"). Without a country, the one such ministry
    the release names (``present``: "ministri i Punëve të Brendshme" where "Ministria e Punëve të Brendshme" organised)."""
    folded = _FIELD_FIRST.sub(lambda m: f"minister of {_FIELDS.get(m.group(1), m.group(1))}", " ".join(form_words(title)))
    folded = _POLICE_MINISTER.sub(lambda m: m.group(1) + " of interior", folded)  # "ministar policije": the interior minister
    entity = _entity_named(title)
    if not _MINISTER.search(folded) or not (cc or present or entity):
        return None
    keys = sorted((k for k, per in g.generic.items() if (cc in per if cc and not entity else True)), key=len, reverse=True)
    for word in ("ministry", "ministarstvo", "ministerstvo", "ministria e"):
        phrase = _MINISTER.sub(word, folded, count=1)
        if word == "ministria e":  # the adjective agrees with the feminine "ministria": "ministri i Brendshëm" -> "e Brendshme"
            phrase = re.sub(r"(?<=^ministria e )(\w+)(sh|t)em\b", r"\1\2me", phrase)
        key = next((k for k in keys if k in phrase and k.startswith(word.split()[0][:6])), None)
        if key and entity:
            return _entity_ministry(entity, g, key)
        if key and cc:
            return g.generic[key][cc]
        here = {o for o in g.generic[key].values() if o in present} if key else set()
        if len(here) == 1:
            return here.pop()
    if not cc:
        return None
    return _ministry_by_words(_MINISTER.sub("ministry", folded, count=1), g, cc) or _ministry_glossed(title, g, cc)


def _ministry_glossed(title: str, g: Gazetteer, cc: str) -> str | None:
    """The ministry a title in the region's languages names by its portfolio, read through the glossary: "Ministrica za
    ljudska prava i izbjeglice" -> the Ministry for Human Rights and Refugees, "ministar pravosuđa" -> the Ministry of Justice."""
    from analysis.curation.ingest.glossary import match

    local = re.sub(r"(?i)^.*?\b\w*minist\w*", "Ministarstvo", title, count=1)
    local = re.sub(r"(?i)\s+(?:of\s+the\s+)?(?:Republi\w+|Kraljevin\w+|Kingdom)\b.*$", "", local)  # "... Republike Grčke"
    return match(local, cc, g) if local.startswith("Ministarstvo") else None


def _ministry_by_words(phrase: str, g: Gazetteer, cc: str) -> str | None:
    """The one ministry of country ``cc`` whose English name holds every word of the portfolio a title names ("Minister of
    Labour, Family and Social Affairs" -> the "Ministry of Labour, Family, Social Affairs and Equal Opportunities")."""
    portfolio = re.match(r"ministry of (?:the )?(.+)", phrase)
    words = set(portfolio.group(1).split()) - {"and", "the", "of", "for"} if portfolio else set()
    if len(words) < 2:
        return None
    found = [o for o, c in g.org_country.items() if c == cc and g.org_full.get(o, "").startswith("Ministry")
             and words <= set(form_words(g.org_full[o]))]
    return found[0] if len(found) == 1 else None


def _entity_named(title: str) -> str | None:
    """The entity of a country a title names in the region's languages ("... Republike Srpske" -> "Republika Srpska")."""
    folded = fold(title)
    return next((entity for entity, local in ENTITY_NAMES.items()
                 if any(fold(form) in folded for form in local.split("|") if not form.isupper())), None)


def _entity_ministry(entity: str, g: Gazetteer, key: str) -> str | None:
    """The ministry of one of a country's entities a minister's title names ("Министар унутрашњих послова Републике Српске" ->
    the Ministry of Interior of Republika Srpska, not Serbia's): the portfolio's English name with the entity's."""
    for oid in g.generic[key].values():
        country = g.country_names.get(g.org_country.get(oid, ""), "")
        full = g.org_full.get(oid, "")
        if country and full.endswith(f" of {country}"):
            wanted = f"{full[: -len(country) - 4]} of {entity}"
            found = [o for o, name in g.org_full.items() if name == wanted]
            return found[0] if len(found) == 1 else None
    return None


def country_ministry(title: str, g: Gazetteer, cc: str) -> str | None:
    """The ministry of country ``cc`` a minister's title names ("ministar unutrašnjih poslova Poljske" -> Poland's), else None."""
    return _ministry(title, g, cc)
