"""Titles written around a person's name: before it ("Direktor Granične policije BiH Mirko K.", "zëvendës kryeministrin e parë
çek dhe ministrin e ..., Vit R."), after it (", Programme Manager, ICMPD Vienna"), and whether a phrase names someone else."""

from __future__ import annotations

import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded, fold
from analysis.curation.ingest.personnames import CONNECT, HONORIFIC, HONORIFIC_START, NAME_RE, UP, WORD, not_name
from analysis.curation.ingest.titles import ROLE_STEMS, is_role

#: a BCMS or Macedonian adjective (folded), also with the Macedonian article: "državni", "policijski", "националната"; not a
#: time adverb ("денеска") nor a verb in -kna ("истакна")
_ADJECTIVE = re.compile(r"^(?!(?:deneska|denes|danas|vcera|juce|jucer|utre|sutra|sega|sada)$)(?!.*kna$)\w{3,}(?:sk|ck|n)"
                        r"(?:i|a|o|e|og|oga|oj|om|ih|im|u)(?:ta|to|te|ot)?$")
#: endings of an adjective before a role: BCMS in the oblique cases, Macedonian with its article ("јавната обвинителка")
_ADJ_END = re.compile(r"(?<!e|a)n?(?:i|og|om|oj)$|k(?:i|og|om|oj)$|(?:n|sk|ck)(?:ata|iot|oto|ite)$")
#: words that make a role another role ("Prime Minister", "Vice President", "Chief Inspector")
_RANK = frozenset({"prime", "vice", "deputy", "chief", "first"})
_LINK = re.compile(r"\b(?:by|with|to|that|which|who)\b\s*,?\s*")


def _after_link(phrase: str, names: list[str]) -> str:
    """The phrase after its last linking word ("represented by", "met with"), unless the word is inside a body's name
    ("Head of the Delegation of the European Union to Bosnia and Herzegovina")."""
    inside = [(m.start(), m.start() + len(n)) for n in names for m in re.finditer(re.escape(n), phrase)]
    cuts = [m.end() for m in _LINK.finditer(phrase) if not any(a <= m.start() < b for a, b in inside)]
    return phrase[cuts[-1]:] if cuts else phrase


def title_before(text: str, floor: int, start: int, org_spans: list) -> tuple[int, str]:
    """Where the title written before a name starts, and the title ("Head of PCC SEE Secretariat, Mr.",
    "Direktor Granične policije BiH", "Assistant Director, IS/Services Sub-Directorate"); an organisation's name is taken whole."""
    seg = text[floor:start]
    end = floor + len(HONORIFIC.sub("", seg.rstrip()).rstrip(" ,"))
    p = end
    while p > floor:
        org = next((a for a, b, _ in org_spans if a >= floor and (b == p or (b < p and not text[b:p].strip(" '’s")))), None)
        if org is not None:
            p = org
            continue
        m = re.search(r"([\w.&/'’-]+)(\s*,?\s*)$", text[floor:p])
        if not m:
            break
        w = m.group(1)
        if w[:1].isupper() or w.lower() in CONNECT or is_role(w) or re.fullmatch(_ACTING, w + " ", re.I) or \
                (not m.group(2).strip() and _ADJECTIVE.search(fold(w)) and re.search(_ADJ_END, fold(w))
                 and is_role(text[p:p + 30].split(" ")[0])):
            p = floor + m.start(1)  # also a role's adjective: "zamjenik izvršnog direktora"
        else:
            break
    p = _joined_role(text, floor, p)
    segments = [x.strip() for x in text[p:end].split(",")]
    while segments and not (is_role(segments[0]) or any(p <= a < end for a, _, _ in org_spans if text[a:end].startswith(segments[0][:5]))):
        p += len(text[p:end]) - len(text[p:end].split(",", 1)[-1]) if len(segments) > 1 else len(text[p:end])
        segments.pop(0)
    phrase = ", ".join(segments)
    phrase = _after_link(phrase, [text[a:b] for a, b, _ in org_spans if p <= a < end])  # "X Directorate represented by, <title>"
    phrase = re.sub(rf"^(?:(?:{'|'.join(map(re.escape, CONNECT))})\s+)+", "", phrase.strip(" ,"), flags=re.I)
    if not is_role(phrase):  # a title in lower case, as the region's languages write it ("ministri unutrašnjih poslova Srbije,")
        words = list(re.finditer(r"[^\s,;:]+", text[floor:end]))[-14:]
        roles = [w for k, w in enumerate(words) if is_role(w.group(0)) and not (k and _COUNCIL.match(fold(words[k - 1].group(0))))]
        if roles:
            first = roles[-1]
            for w in reversed(roles[:-1]):  # two roles joined: "potpredsjednikom Vlade i ministrom ...", "director and head of ..."
                between = text[floor + w.end():floor + first.start()]
                if (re.fullmatch(r"(?:\s+[\w.-]+){0,3}?\s+(?:i|and|и|dhe|e|-|–)\s+", between) and not re.search(r"[,;:]", between)) \
                        or (w.group(0)[:1].islower() and re.fullmatch(r"\s+(?:\S+\s+){0,2}", between)
                            and all(_ADJECTIVE.search(fold(x)) for x in between.split())):
                    first = w  # also "заменик - министер", and a role before a role in the genitive: "zamjenik izvršnog direktora"
            k = words.index(first)
            while k > 0 and words[k - 1].end() + 1 == first.start() and (
                    fold(words[k - 1].group(0)) in _RANK or (_ADJECTIVE.search(fold(words[k - 1].group(0))) and
                    (words[k - 1].group(0)[:1].islower() or not text[floor:floor + words[k - 1].start()].strip()))):
                k, first = k - 1, words[k - 1]  # the role's adjectives: "parlamentarni državni sekretar", "Националната координаторка"
            p = floor + _title_prefix(text[floor:floor + first.start()])  # "в.д. секретара ...", "U.S. Charge d'Affaires"
            phrase = _after_link(text[p:end].strip(" ,"), [text[a:b] for a, b, _ in org_spans if p <= a < end])
    dateline = re.match(r"([^\W\d_]{3,})\s*[-–—]\s+", phrase)  # "NjUJORK- Predsjedavajući ...": a dateline glued to the title
    if dateline and sum(c.isupper() for c in dateline.group(1)) >= 0.75 * len(dateline.group(1)):  # "NjUJORK": a digraph's j
        phrase = phrase[dateline.end():]
    if not is_role(phrase) or re.search(r"\b(?:from|iz|nga|од|из)$", phrase.strip()):  # "operators from <X>": X is where they are from
        org_only = next((a for a, b, _ in org_spans if p <= a and b <= start), None)
        return (org_only if org_only is not None else start), ""
    return start - len(text[start - len(phrase) - (start - end):start]) if phrase else start, phrase


#: a council whose name holds a role word: "u Savjetu ministara" is the Council of Ministers, not a minister (folded)
_COUNCIL = re.compile(r"(?:savjet|savet|vijec|vec|keshill|sovet)\w*$")


#: what opens a title before its role word: an acting holder's mark ("в.д.", "u.d.", "vršilac dužnosti", "acting"), and a
#: country's initials before it ("U.S. Charge d'Affaires", "u.d. Drejtori"); in that order ("U.S. acting Ambassador")
_ACTING = r"(?:в\.\s?д\.|v\.\s?d\.|u\.\s?d\.|a\.i\.|acting|vd|vr[sš]ilac\s+du[zž]nosti|vr[sš]iteljica\s+du[zž]nosti|ushtruesi\s+i\s+detyr[eë]s)\s+"
_PREFIX = re.compile(rf"(?:(?<![\w.])(?:U\.\s?S\.|U\.\s?K\.|US|UK)\s+)?(?:{_ACTING})?$", re.I)


def _title_prefix(before: str) -> int:
    """Where a title starts whose role word starts at the end of ``before``: back over an acting mark and a country's initials.

    >>> b = "ceremony, U.S. "; b[_title_prefix(b):], "za to u.d. "[_title_prefix("za to u.d. "):]
    ('U.S. ', 'u.d. ')
    """
    m = _PREFIX.search(before)
    return m.start() if m else len(before)


def _joined_role(text: str, floor: int, p: int) -> int:
    """Where a title starts that another role joins with "and" before it: "zëvendës kryeministrin e parë çek dhe ministrin ...",
    "Deputy Prime Minister and Minister of ...": the first role word of up to five words before the "and" (no comma between)."""
    lead = re.match(r"(?:dhe|and|и)\s+", text[p:p + 5])  # the walk back stopped on the "and"
    q = p + lead.end() if lead else p
    m = re.search(r"((?:[^\s,;:()]+\s+){1,5})(?:dhe|and|и)\s+$", text[floor:q])
    if not m or not is_role(text[q:q + 40].split(" ")[0]):
        return p
    words = list(re.finditer(r"\S+", m.group(1)))
    first = next((w for w in words if is_role(w.group(0))), None)
    return floor + m.start(1) + first.start() if first else p


def title_after(text: str, end: int, limit: int, org_spans: list, g: Gazetteer) -> tuple[str, int]:
    """The title written after a name: one comma-separated segment with a role word in it, cut at the first word that
    cannot be part of a title (", Criminal Intelligence Officer informed on ..."); a following segment that is an
    organisation's name stays with it (", Programme Manager, ICMPD Vienna")."""
    m = re.match(r"\s*(?:,|\(|–|-)\s*([^,;:()–]+?)(?=\s*(?:[,;:()–]|\.(?=\s|$)|$))", text[end:limit])
    if not m or not is_role(m.group(1)) or _WITH.match(m.group(1)):
        return "", end  # ", me ministrin ..., Y": "with" opens the next person's title
    segment = m.group(1)
    for conj in re.finditer(rf"\s+(?:i|and|и|dhe|te|as well as)\s+(?=[{UP}])", segment):
        rest = segment[conj.end():]
        if _starts_with_name(rest, g) and not re.match(rf"{WORD}\s+{WORD}\s+(?:në|e|të|së|za|na|во|u)\s", rest):
            segment = segment[:conj.start()]  # "..., director of X and Y Z, ...": Y Z is the next person
            break
    ends_in_honorific = re.search(r"(?<!\band)(?<!\bi)(?<!\bdhe)\s+(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|znj|Z|Zj|Znj)\s*$", segment)
    if _has_name(segment, g) or (segment == m.group(1) and ends_in_honorific):
        return "", end  # "A, Austrian Ambassador B", "A, deputy director Mr. B": the segment is B's title
    segment = re.sub(r"\s+(?:and|i|и|dhe)\s+(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|г-дин|г-ѓа)\.?$", "", segment)
    words = segment.split()
    # a title in lower case, also after a lower-case modifier or two ("policijski službenik Granične policije")
    # and in English after an article (", the interior minister, said")
    art = 1 if len(words) > 1 and words[0] in ("the", "a", "an") else 0
    role_at = next((k for k, w in enumerate(words[art:art + 3]) if fold(w).startswith(ROLE_STEMS)), None)
    lower_title = role_at is not None and (bool(art) or (words[0][:1].islower() and all(
        re.search(r"(?:sk|ck|n|j|k|c|al)[iaoe]$|al$", fold(w)) for w in words[:role_at])))  # adjectives, not "zajedno sa"
    kept: list[str] = []
    for w in words:
        pos = end + m.start(1) + len(" ".join([*kept, w]))
        in_org = any(a < pos <= b for a, b, _ in org_spans)
        after_article = bool(kept) and kept[-1] in ("e", "të", "së")  # Albanian: "Drejtor për Hetimet e rasteve të ..."
        if w[:1].isupper() or w[:1].isdigit() or w.lower() in CONNECT or is_role(w) or in_org or (lower_title and len(kept) < 8) \
                or after_article:
            kept.append(w)
        else:
            break
    while kept and kept[-1].lower() in CONNECT:
        kept.pop()
    article = ""
    while kept and kept[0].lower() in ("the", "a", "an"):
        article += kept.pop(0) + " "  # ", the Acting Chief of ..."
    title = " ".join(kept)
    if not is_role(title) or _has_name(title, g):
        return "", end  # a segment naming someone else is that person's title ("A, Director, Assistant Minister B")
    stop = end + m.start(1) + len(article) + len(title)
    if len(kept) == len(words):
        nxt = re.match(r"\s*,\s*([^,;:()]+?)(?=\s*(?:[,;:()]|\.(?=\s|$)|$))", text[stop:limit])
        if nxt and _continues(title, nxt.group(1).strip(), stop + nxt.start(1), org_spans, g):
            title, stop = f"{title}, {nxt.group(1).strip()}", stop + nxt.end(1)
            nxt = re.match(r"\s*,\s*([^,;:()]+?)(?=\s*(?:[,;:()]|\.(?=\s|$)|$))", text[stop:limit])
        body = re.sub(r"\s+(?:and|i|и|dhe)\s+(?:Mr|Mrs|Ms|Dr|Prof|g|z|gđa|znj|Z|Zj|Znj)$", "", nxt.group(1)) if nxt else ""
        if nxt and any(stop + nxt.start(1) <= a and b <= stop + nxt.start(1) + len(body) + 1 for a, b, _ in org_spans) and not is_role(body) \
                and not _has_name(body, g) and body[:1].isupper() and len(body.split()) <= 6:
            title, stop = f"{title}, {body.strip()}", stop + nxt.start(1) + len(body)
    return title, stop


_PREPOSITION = r"(?:for|of|on|za|për|per|o|na|за|на|во|од)"
#: "with" and "and" opening a segment after a name: the next person comes ("..., Vit Rakushan, me ministrin ..., Filip Axhiq")
_WITH = re.compile(r"(?:me|with|sa|so|со|са|dhe|and|as well as)\s", re.I)


def _continues(title: str, segment: str, at: int, org_spans: list, g: Gazetteer) -> bool:
    """Does the comma-separated segment after a title go on with it: the rest of an enumeration the title's last phrase opened
    ("Director for Citizenship, Asylum and Migration", "šef Sekcije za pravosuđe, unutarnje poslove i reformu javne uprave"),
    or a phrase opening with a preposition ("Kryetare e ASHDMF, për Trafiqet e Paligjshme")?"""
    if is_role(segment) or _has_name(segment, g) or len(segment.split()) > 14 or re.match(r"(?:who|which|that|and|i|dhe)\b", segment):
        return False
    if re.match(rf"{_PREPOSITION}\s+[{UP}]", segment):
        return True
    enumeration = re.search(r"\s(?:and|i|и|dhe)\s", segment) and re.search(rf"\b{_PREPOSITION}\s+\S+(?:\s+\S+){{0,3}}$", title)
    return bool(enumeration) and (segment[:1].isupper() or any(at <= a < at + len(segment) for a, _, _ in org_spans) or
                                  segment[:1].islower())


def _starts_with_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase begin with a person's name (after an honorific)?"""
    m = NAME_RE.match(HONORIFIC_START.sub("", phrase))
    tokens = m.group(1).split() if m else []
    return len(tokens) >= 2 and not not_name(tokens[0], g) and not not_name(tokens[1], g)


def _has_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase contain what looks like another person's name?"""
    bodies = [(x["start"], x["end"]) for x in g.orgs.find(Folded(phrase)) + g.generic_orgs.find(Folded(phrase))]
    for m in NAME_RE.finditer(phrase):
        runs = re.split(r"\s*\x00\s*", " ".join(t if not not_name(t, g) else "\x00" for t in m.group(1).split()))
        for run in runs:  # two name words in a row ("Kundër" between two capitalised words of a title breaks them)
            tokens = run.split()
            before = phrase[:phrase.find(run, m.start())].split()[-1:]
            if before and before[0].lower() in CONNECT:
                continue  # words after "of", "me", "për" are a title's object ("... Trafikimit me Qenie Njerëzore"), not a name
            at = phrase.find(run, m.start())
            if any(a < at + len(run) and at < b for a, b in bodies):
                continue  # a body's name ("Delegacije Evropske unije")
            if len(tokens) >= 2 and not g.orgs.find(Folded(" ".join(tokens))):
                return True
    return False
