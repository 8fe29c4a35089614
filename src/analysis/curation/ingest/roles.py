"""Stage 5, roles: did an organisation or a country take part, or is it only mentioned? Each answer
comes with the sentence that shows it and the reason ("organised by", "delegations of", "funded by",
"as an example of", "hosted by", ...).

The cue nearest before a mention in its sentence decides; a mention without a cue takes part
(press releases name who was there), unless the name only qualifies something else ("EU standards",
"migrants from Afghanistan") or the sentence speaks of another time or a wish ("thanked ... for its
past support", "hoped that the EU would"). A thing takes part when any of its mentions does.

>>> s = "The workshop was organised by MARRI; the EU standards were discussed."
>>> classify_mention(s, s.index("MARRI"), s.index("MARRI") + 5), classify_mention(s, s.index("EU"), s.index("EU") + 2)
((True, 'organiser', 'organised by'), (False, None, "qualifies 'standards'"))
"""

from __future__ import annotations

import re

from analysis.curation.ingest.matching import fold
from analysis.curation.ingest.text import Sentence, Span, sentence_at

#: cues of taking part, in English and folded BCMS, Macedonian (Latin after folding) and Albanian: (role, pattern)
TAKING_PART = [
    ("organiser", r"co-?organi[sz]ed by|organi[sz]ed by|organi[sz]ers?\b|in organi[sz]ation of|"
                  r"u organizacij\w+|u suorganizacij\w+|organizira\w*|organizova\w*|organizuar nga|vo organizacij\w+"),
    # the codebook: a body under whose auspices or patronage an event is held is `named` (a chair among them is the host)
    ("named", r"under the (?:auspices|aegis|patronage) of|pod pokrovitelj\w*|nen patronazh\w*|pod pokroviteljstv\w*"),
    ("host", r"hosted by|host(?:ed|s)?\b|at the invitation of|domacin\w*|domakin\w*|nikoqir\w*|"  # the codebook: a chair is the host
             r"chaired by|presided by|presidency|chairmanship|chair(?:ed)?\b|predsjedava\w*|predsedava\w*|"
             r"presidency-in-office|chairmanship-in-office"),
    ("donor", r"funded by|financed by|co-?funded by|co-?financed by|sponsored by|supported by|"
              r"with (?:the )?(?:financial |generous |kind )?support (?:of|from)|"
              r"thanks to the (?:financial )?support of|donated by|donor|grant from|funding (?:and support )?from|-funded|-financed|"
              r"finansir\w*|financir\w*|sufinansir\w*|sufinancir\w*|podrsk\w*|poddrsk\w*|mbeshtet\w*|financuar|finansiran\w*"),
    ("trainer", r"trainers? (?:from|of)|delivered by|lecturers? (?:from|of)|experts? from|predavac\w*|trener\w*"),
    ("partner", r"discuss\w* with|talks with|between|together with|in co-?operation with|in partnership with|met with|"
                r"jointly|zajedno sa|u saradnji sa|"
                r"u suradnji s|vo sorabotka so|ne bashkepunim me"),
    ("participant", r"\bwith(?: the)?\s*$|gathered|brought together|representing|stakeholders|okupi\w*|okupil\w*|sobra\w*|delegations? (?:of|"
                    r"from)|representatives? (?:of|from)|participants? (?:of|from)|attended by|attendance|took part|"
                    r"participat\w*|joined by|with the participation of|opened by|welcomed|received|primio|primila|primil\w*|"
                    r"ucestv\w*|ucesn\w*|sudjel\w*|prisustv\w*|delegacij\w*|pretstavnic\w*|predstavni\w*|"
                    r"uchestv\w*|prisustvuv\w*|morën pjese|moren pjese|delegacion\w*|perfaqesues\w*|speakers?\b|addressed|welcome speech"),
]
#: cues that a name is only mentioned: (reason, pattern)
MENTIONED = [
    ("as an example of", r"as an? (?:good |best )?(?:example|model) of|as an example|good practices? (?:of|from)|example of|"
                         r"following the example|primjer\w*|primer\w*|shembull\w*"),
    ("thanked for support", r"thank\w*|gratitude|grateful|appreciat\w*|zahval\w*|blagodar\w*|falenderoj\w*|falenderim\w*"),
    ("a hope or plan", r"in the (?:next|coming) (?:months?|weeks?|years?)|\bbice\b|ce biti|hope[sd]?\b|expects?\b|expected to|"
                       r"would like|wish\w*|invit\w* to join|will be asked|potential|future support|"
                       r"nad\w* se|ocekuj\w*|(?:next|further|future) steps?|(?:iduc|sljedec|slijedec|sledec|naredn|dalj)\w* kora[kc]\w*|"
                       r"(?:buduc|naredn)\w* (?:saradnj|suradnj)\w*|future co-?operation|hapat e ardhsh\w*"),
    ("the release's source", r"kako sto (?:soopst|izjav|informira)\w*|according to|as (?:announced|stated|reported) by|"
                             r"prema (?:saopc|saopst|priopc|informacij)\w*|saopst\w* (?:je|su) iz|priopc\w* (?:je|su) iz|sipas|"
                             r"navodi se u (?:saopst|priopc)\w*"),
    ("another time", r"previous\w*|in the past|earlier|last year|former|(?:was|were) (?:signed|adopted|established) in|in (?:19|20)\d\d,|"
                     r"since (?:19|20)\d\d|prethodn\w*|ranije"),
    ("subject of discussion", r"discuss\w*(?: the)?|regarding(?: the)?|concerning(?: the)?|about the|"
                              r"(?:meeting|conference|workshop|seminar|discussion|talks|session|debate) on(?: the)?\s*$|\bon(?: the)?\s*$|"
                              r"state-of-play of|razgovara\w* o|raspravlja\w* o|diskut\w* o|"
                              r"(?:co-?operation between|s[au]radnj\w* (?:\w+ )?izmedu|bashkepunim\w* (?:\w+ )?(?:mes|ndermjet)|"
                              r"sorabotk\w* (?:\w+ )?megu)(?: the)?(?: [^.;]{0,80}(?:,| and| i| dhe| и))?\s*(?:the\s+)?"
                              r"(?:republi\w*\s+(?:(?:of|e|se|te|na)\s+)?)?$"),
    ("beneficiary of a project", r"aim\w* to (?:help|assist|support)|pomogn\w*|pomoc\w* zemlj\w*|help(?:s|ing)? (?:the )?countries|"
                                 r"beneficiar\w*|intended for"),
    ("in line with", r"in line with|in accordance with|aligned? with|harmoni[sz]\w* with|compl(?:y|ies|ied|iance) with(?: the)?\s*|standards of|"
                     r"accession to|integration into|"
                     r"membership|u skladu sa|uskladjen\w*|(?:part|members?) of the\s*$|non-|enlargement|prosirenj\w*|"
                     r"zgjerim\w*|pristupanj\w*|anetaresim\w*"),
    ("migrants' origin or route", r"migrants? from|refugees? from|nationals? of|citizens? of|countries of origin|country of origin|"
                                  r"(?:coming|arriving|travell?ing) (?:from|through|via)|route through|transit (?:through|countries)|"
                                  r"along the|(?:borders?|(?:its|their) border) (?:with|between)(?: the)?\s*|migranti iz|drzavljan\w*|"
                                  r"granic\w* (?:sa|s|prema|izmedu)\b|"
                                  # a smuggling or migration route: "krijumčarenja ilegalnih migranata iz Srbije u BiH", "кои преку
                                  # Македонија, Грција и Србија илегално биле префрлени"
                                  r"(?:migran|izbeglic|izbjeglic|ilegal|krijumcar|kriumcar|smuggl|trafik)\w*[^.;]{0,80}?"
                                  r"\b(?:preko|preku|kroz|permes|neper|via|through)\s+(?:[^.;]{0,60}(?:,|\si|\sand|\sdhe)\s+)?$|"
                                  r"(?:migran|izbeglic|izbjeglic|ilegal|krijumcar|kriumcar|smuggl|trafik)\w*[^.;]{0,200}?"
                                  r"\b(?:preko|preku|kroz|permes|neper|via|through)\s+[^.;]{0,40}?\b(?:u|vo|into|to|na|ne|ka|kon)\s+$|"
                                  r"\b(?:iz|from|nga|od) (?:pravca|smjera|smera|the direction of|drejtimit te)\s+$"),
]
_TAKING = [(role, re.compile(p)) for role, p in TAKING_PART]
_MENTIONED = [(reason, re.compile(p)) for reason, p in MENTIONED]
#: words after a name that make it a qualifier of a thing, not an actor ("EU standards", "Austrian model")
QUALIFIED = re.compile(r"^[\s-]*(?:standards?|acquis|accession|integration|membership|member states?|candidate|legislation|law|"
                       r"regulations?|directives?|values|agenda|path|requirements|model|practices?|borders?|visa|citizens?|nationals?|"
                       r"territory|soil|route|funds?|policy|policies|strategy|programmes?|countries|states|level|"
                       r"and non-\w+ countries)\b", re.I)
#: a project's or an event's quoted title beginning with a name ("Projekta „EU: regionalna potpora ...“")
_QUOTED = re.compile(r"\b(?:proje[ck]t\w*|programme|program\w*|titled|entitled|called|nazivom|naziv\w*|conference|konferencij\w*|"
                     r"campaign|kampanj\w*)\s*[„“\"«‘]\s*$", re.I)
#: a modal right after a name: a plan, not a part taken ("the EU will continue to provide support")
_MODAL = re.compile(r"^\s*(?:will|would|should|could|shall|is expected to|ce|će|do të)\b", re.I)


#: migrants or smugglers "from" a place, then "into" another (folded): a route
_FROM_INTO = re.compile(r"(?:migran|izbeglic|izbjeglic|ilegal|krijumcar|kriumcar|smuggl|trafik)\w*[^.;]{0,40}?\b(?:iz|from|nga|od)\s+$")
_ORIGIN_AFTER = re.compile(r"\s+(?:citizens?|nationals?|migrants?|refugees?|passports?|asylum[- ]seekers?|origin)\b", re.I)
_ORIGIN_BEFORE = re.compile(r"(?:migrants?|refugees?|nationals?|citizens?|asylum[- ]seekers?|passports?) (?:from|of)\s+$")


def origin_only(text: str, start: int, end: int) -> bool:
    """Is this mention of a country only the origin of people ("Turkish citizens", "migrants from Afghanistan")?"""
    return bool(_ORIGIN_AFTER.match(text, end) or _ORIGIN_BEFORE.search(fold(text[max(0, start - 40):start])))


def classify_mention(sentence: str, start: int, end: int) -> tuple[bool, str | None, str]:
    """(takes part, role or None, reason) for the name at [start, end) of a sentence."""
    after = sentence[end:end + 30]
    if re.fullmatch(r"\s*[-–—|•]\s*", sentence[:start]) and not sentence[end:].strip():
        return False, None, "the site's name"  # a page header "<title> - Vlada Crne Gore" split over lines
    if _QUOTED.search(sentence[max(0, start - 30):start]):
        return False, None, "in a title"
    if QUALIFIED.match(after) and not re.match(r"^[\s-]*funded|^[\s-]*financed", after):
        return False, None, f"qualifies '{QUALIFIED.match(after).group(0).strip(' -')}'"
    before = fold(sentence[:start])
    best: tuple[int, bool, str | None, str] | None = None
    for role, pattern in _TAKING:
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), True, role, m.group(0))
    for reason, pattern in _MENTIONED:
        for m in pattern.finditer(before):
            if best is None or m.end() >= best[0]:
                best = (m.end(), False, None, reason)
    if _FROM_INTO.search(before) and re.match(r"\s+(?:u|into|to|ne|në|vo|во|na)\s", after):
        return False, None, "migrants' origin or route"  # "krijumčarenja ilegalnih migranata iz Srbije u BiH"
    if best is None and _MODAL.match(after):
        return False, None, "a hope or plan"
    if best is None:
        # a cue right after the name counts too ("MARRI organised", "Austria hosted", "UNHCR thanked")
        tail = fold(sentence[end:end + 40])
        for reason, pattern in _MENTIONED[:3]:
            if re.match(rf"^[\s,]*(?:was|were|is)?\s*(?:{pattern.pattern})", tail):
                return False, None, reason
        return True, None, "named"
    return best[1], best[2], best[3]


def classify(text: str, sentences: list[Sentence], spans: list[tuple[int, int]]) -> dict:
    """Take part or mentioned, over every mention of one thing: {taking_part, role, reason, evidence}."""
    verdicts = []
    for a, b in spans:
        s = sentence_at(sentences, a)
        if s is None:
            continue
        part, role, reason = classify_mention(s.text, a - s.start, b - s.start)
        verdicts.append((part, role, reason, str(Span(s.line, s.text[:240]))))
    if not verdicts:
        return {"taking_part": True, "role": None, "reason": "named", "evidence": ""}
    cued = [v for v in verdicts if v[0] and v[1]]
    taking = [v for v in verdicts if v[0]]
    pick = cued[0] if cued else taking[0] if taking else verdicts[0]
    return {"taking_part": pick[0], "role": pick[1], "reason": pick[2], "evidence": pick[3]}


def compound_countries(text: str) -> list[tuple[str, int]]:
    """(country, offset) of each country a BCMS or Macedonian compound adjective names: "srpsko-makedonska granica",
    "македонско-грчката граница", "mađarsko-austrijsko-srpski tim". A border or a team of several countries names them, not
    a country that takes part itself.

    >>> compound_countries("na srpsko-makedonskoj granici"), compound_countries("македонско-грчката граница")
    ([('RS', 3), ('MK', 10)], [('MK', 0), ('GR', 11)])
    >>> compound_countries("bosansko-hercegovački"), compound_countries("jugo-istok")
    ([('BA', 0)], [])
    """
    from analysis.curation.ingest.affiliations import adjective_country

    out = []
    for m in re.finditer(r"(?<![\w-])(?:[^\W\d_]+[oо]-)+[^\W\d_]+", text):
        at = m.start()
        for part in m.group(0).split("-"):
            cc = adjective_country([part[:-1] + "a" if part[-1:] in "oо" else part])
            if cc and cc not in [c for c, _ in out[-3:]]:
                out.append((cc, at))
            at += len(part) + 1
    return out
