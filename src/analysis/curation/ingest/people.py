"""Stage 5, people: names, their titles and their affiliations, read from the sentence that names them.

The affiliation is the organisation the sentence ties to the person: in the title ("X, Director of Y",
"Y's Director X", "Y Director X"), in brackets ("X (Y)"), after "from"/"of"/"iz"/"од" ("X from Y"), or
shared along a list ("X and Z, of Y"); a minister or ambassador of a named country belongs to that
country's ministry or embassy. When the sentence states none, the affiliation stays empty: the nearest
organisation is not a guess worth making. Names in the region's languages are matched to the record in
any case form and script (:func:`.matching.same_name`).
"""

from __future__ import annotations

import bisect
import itertools
import re

from analysis.curation.ingest.affiliations import affiliation
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import Folded, fold, name_stem
from analysis.curation.ingest.personnames import POSSESSIVE, nominative_name, surname_mentions
from analysis.curation.ingest.text import Sentence, Span
from analysis.curation.ingest.titles import ROLE_STEMS, is_role, nominative_title, singular_title
from analysis.curation.names import normalise

_UP = "A-ZČĆŠŽĐÇËÅÄÖÜÉÁÍÓÚА-ЯЃЌЅЉЊЏЈЂЋ"
_LOW = "a-zčćšžđçëàáâãäåèéêìíîïñòóôõöùúûüýÿа-яѓќѕљњџјђћ'’-"
_WORD = rf"[{_UP}][{_LOW}]+"
_PARTICLE = r"(?:von|van|de|di|da|del|der|bin|el)"
NAME_RE = re.compile(rf"(?<![\w{_LOW}])({_WORD}(?:\s+(?:{_PARTICLE}\s+|[{_UP}]\.\s+)?{_WORD}){{1,8}})(?![\w])")  # "Agron M. Camaj"
HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E|Sir|Mag|mr|dr|doc|prof|gđa|gđica|gdin|g-din|g-đa|g-đica|g|z|znj|zj|"
                       r"Z|Zj|Znj|zoti|zonja|Zoti|Zonja|gospodin|gospođa|"
                       r"gospođica|H\.\s?E)\.?|г-дин|г-ѓа|г-ца|г\.|господин|госпоѓа|госпођа|Његова Екселенција)\s*$")
HONORIFIC_START = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|znj|Z|Zj|Znj|г-дин|г-ѓа)\.?\s+)+")
#: capitalised words that are not parts of people's names
NOT_NAME = frozenset("""
Agency Airport Asylum Border Bureau Cabinet Centre Center Command Committee Conference Council Crime Department Directorate
Division Embassy European Forum General Government Human Illegal Intelligence Interior International Justice Migration Ministry
Mission National Network Office Operations Police Presidency Programme Project Regional Republic Secretariat Security Services
State Unit Union Western Balkans The This These That During After Before On In At With For And Of Member Participants Initiative
Affairs Foreign Workshop Training Meeting Delegation Convention Process Agreement Memorandum Protocol Action Plan Task Force Working
Group Cooperation Bank Team Officers Parties Persons Countries States Members Representatives Local Liaison Contracting Federal
Against Beings Children Crimes Criminal Emerging Organized Organised People Smuggling Specialized Specialised Technology Tools
Mr Mrs Ms Miss Dr Prof Sir Colonel Major General Lieutenant Captain Commissioner Inspector Kolonel Madhor Nënkolonel Nenkolonel
Gjeneral Drejtor Drejtori Pukovnik Potpukovnik Brigadir Kapetan Inspektor Načelnik Direktor Ministar Ministri Ambasador Zoti Zonja
Section Sector Branch Field Department Programme Acting Head Customs Trafficking Visit
Deployment Coordination Capacity Mechanisms Points Teams Refugees Sub-Directorate Senior Vice Europe
Republika Republike Ministarstvo Ministarstva Granična Granične Služba Službe Uprava Centar Vlada Vijeće Savjet Direkcija Policija
Policije Sektor Zajednički Zajedničke Evropska Europska Unija Unije Ured Kancelarija Agencija Agencije Bosne Bosna Hercegovine Crne
Gore Srbije Hrvatske Kundër Kunder Against Për Uprave Upravi Upravu Službi Sektora Direkcije Agencije Ministarstvu Vlade Vladi
Kancelarije Ureda Centra
""".split())  # noqa: SIM905
_CONNECT = frozenset("of for the to in on and & at i za u na sa s iz и за на во со од e të te së në per për dhe me a.i. a.i".split())  # noqa: SIM905
_FROM_UNIT = re.compile(r"\s+from\s+(?:the\s+)?((?:[A-Z][\w&/.-]*\s+(?:(?:[A-Z][\w&/.-]*|of|for|and|&)\s+)*)?"
                        r"(?:Directorate|Division|Department|Unit|Sector|Service|Bureau|Office|Desk))\b")
_COMPOSED = re.compile(r"(?:composed of|consisting of|made up of|including|comprising|members?|koju su činili|koju čine|koja je činila|"
                       r"u sastavu|u kojoj su bili|në përbërje)\s*:?\s*$", re.I)
_DEPUTY = re.compile(r"^(?:deputy|assistant|acting|zamjenik|zamenik|pomocnik|pomoshnik|zevendes)")
_AND = re.compile(r"^\s*(?:,\s*(?:and|i|и|dhe|&)?|and|i|и|dhe|&)\s*(?:(?:Mr|Mrs|Ms|Dr|g|gđa|Z|Zj|Znj|г-дин|г-ѓа)\.?\s+)?$")


def _not_name(word: str, g: Gazetteer) -> bool:
    word = re.sub(r"['’]s$", "", word)  # "Mission’s"
    return word in NOT_NAME or word in g.place_words or is_role(word) or word.startswith(("Anti-", "Counter-")) or \
        (len(word) >= 8 and word.endswith("ing"))  # "Protecting Vulnerable Persons"


def _is_place(word: str, g: Gazetteer) -> bool:
    """A place or country in any case form ("Bihaća", "Srbije")."""
    f = Folded(word)
    return bool(g.place_matcher.find(f) or g.countries.find(f))


def find_people(f: Folded, g: Gazetteer, orgs: list[dict], sentences: list[Sentence], countries: list[dict],
                places: list[str] = (), home: str | None = None) -> list[dict]:
    """Everyone the text names with a title, an honorific or a tie to a body; ``home``: the publishing site's country."""
    text = f.original
    org_spans = sorted((a, b, h["id"]) for h in orgs for a, b in h["spans"])
    people: dict[str, dict] = {}
    found: list[dict] = []
    all_spans, starts = org_spans, [a for a, _, _ in org_spans]
    for s in sentences:
        done_upto = s.start
        org_spans = all_spans[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end + 1)]  # this sentence's
        for m in NAME_RE.finditer(s.text):
            tokens = m.group(1).split()
            cut = next((k for k, t in enumerate(tokens) if POSSESSIVE.search(t)), None)
            if cut is not None:  # a possessive ends the name: "Delawie’s Remarks", "Contact Points’ meeting"
                tokens = tokens[:cut + 1] if re.search(r"['’]s$", tokens[cut]) and cut else []
                tokens[-1:] = [re.sub(r"['’]s$", "", t) for t in tokens[-1:]]
            lead = 0
            while tokens and (_not_name(tokens[0], g) or (len(tokens) > 2 and _is_place(tokens[0], g))):
                lead += len(tokens[0]) + 1
                tokens.pop(0)
            while tokens and _not_name(tokens[-1], g):
                tokens.pop()
            inner = [k for k, t in enumerate(tokens) if _not_name(t, g)]
            if inner and len(tokens) - inner[-1] - 1 >= 2:  # "Integrated Expert Christoph von Harsdorf": the name after the title
                lead += len(" ".join(tokens[: inner[-1] + 1])) + 1
                tokens = tokens[inner[-1] + 1:]
            if len(tokens) < 2 or len(tokens) > 4 or any(_not_name(t, g) for t in tokens if not re.fullmatch(_PARTICLE, t)):
                continue
            start = s.start + m.start(1) + m.group(1).index(tokens[0], lead)
            while len(tokens) > 2 and any(a <= start < b for a, b, _ in org_spans):  # "Ministrinë e Brendshme Alma Bime"
                start = text.index(tokens[1], start + len(tokens[0]))
                tokens = tokens[1:]
            while len(tokens) > 2 and re.search(r"\b(?:së|të|se|te|me|për)\s+$", text[max(s.start, start - 5):start]):
                start = text.index(tokens[1], start + len(tokens[0]))  # "të Brendshme Oliver Spasovski": the name after the body
                tokens = tokens[1:]
            if re.search(r"\b(?:së|të|se|te|me|për)\s+$", text[max(s.start, start - 5):start]):
                continue  # an Albanian genitive or object ("Byrosë së Sigurisë Publike", "me Qenie Njerëzore"), not a name
            written = " ".join(tokens)
            end = start + len(written)
            if start < done_upto:
                continue  # inside the title read for the name before ("..., Zëvendësdrejtoresha e ... Operacioneve Ndërkombëtare")
            if any(a <= start < b or a < end <= b for a, b, _ in org_spans):
                continue  # a name inside an organisation's name ("Pro Bono Foundation")
            before = text[max(done_upto, start - 160):start]
            honorific = bool(HONORIFIC.search(before))
            t_start, pre_title = _title_before(text, max(done_upto, s.start), start, org_spans)
            post_title, t_end = _title_after(text, end, s.end, org_spans, g)
            if not post_title:
                unit = _FROM_UNIT.match(text[end:s.end])
                if unit and not any(end <= a < end + unit.end() for a, _, _ in org_spans):
                    post_title, t_end = unit.group(1).strip(" ,"), end + unit.end()
            lead_org = next((b for a, b, _ in org_spans if a == t_start and text[a:b].isupper()), None)
            if lead_org and is_role(pre_title[lead_org - t_start:]):
                pre_title = pre_title[lead_org - t_start:].strip(" ,")  # "MARRI Project Manager": MARRI is the employer
            title = nominative_title(", ".join(x for x in (pre_title, post_title) if x))
            done_upto = max(end, t_end)
            pid = g.person(written)
            known = g.person_names.get(pid) if pid else None
            name = written if (known is None or normalise(known) == normalise(written)) else known
            if known is None:  # a BCMS name in the instrumental or genitive ("s Draganom Kulićem", "Aleksandra Grčića")
                name = nominative_name(tokens) or name
            aff, how = affiliation(text, t_start, start, end, t_end, s, org_spans, g, title, countries, places, home)
            person = {"name": name, "written": written, "title": title or None, "organisation": aff, "how": how,
                      "start": start, "t_start": min(t_start, start), "t_end": max(end, t_end), "known_as": pid,
                      "pre": pre_title, "post": post_title,
                      "signal": bool(title or honorific or pid or aff)}
            person["evidence"] = str(Span(s.line, text[max(s.start, t_start - 10):min(s.end, t_end + 40)].strip()))
            found.append(person)
    _titles_before_names(text, found, all_spans)
    # lists: "X and Z, of Y" / "X i Z iz Y": an affiliation stated once holds for the names listed before it
    for i in range(len(found) - 1, 0, -1):
        a, b = found[i - 1], found[i]
        if a["organisation"] is None and b["organisation"] and b["how"] in ("from", "bracket", "list") and \
                (_AND.match(text[a["start"] + len(a["written"]):b["start"]]) or _AND.match(text[a["t_end"]:b["start"]])):
            a["organisation"], a["how"] = b["organisation"], "list"
    for a, b in itertools.pairwise(found):  # "Potpredsednici NS IPA Srbije A i B": a plural title before a list is each one's
        if a["title"] and not b["title"] and a["t_end"] <= a["start"] + len(a["written"]) and \
                _AND.match(text[a["start"] + len(a["written"]):b["start"]]) and (single := singular_title(a["title"])):
            a["title"] = b["title"] = single
            if not re.search(r"\s(?:i|и|and|dhe)\s", a["title"]):  # "Ministri ... Srbije i Mađarske": two bodies, not one
                b["organisation"], b["how"] = b["organisation"] or a["organisation"], b["how"] or "list"
    for i, p in enumerate(found):  # "a delegation of Y (...), composed of A, B and C": the list belongs to Y
        if p["organisation"] is None:
            prior = [(a, b, o) for a, b, o in all_spans if b <= p["start"] and text.count(".", b, p["start"]) == 0]
            if prior and _COMPOSED.search(text[prior[-1][1]:p["start"]]):
                p["organisation"], p["how"] = prior[-1][2], "list"
                for q in found[i + 1:]:
                    if q["organisation"] is None and _AND.match(text[found[found.index(q) - 1]["start"] +
                                                                     len(found[found.index(q) - 1]["written"]):q["start"]]):
                        q["organisation"], q["how"] = prior[-1][2], "list"
                    else:
                        break
    for a, b in itertools.pairwise(found):  # "director of Y A, deputy director B": the deputy is Y's too
        if b["organisation"] is None and a["organisation"] and b["title"] and _DEPUTY.match(fold(b["title"])) and \
                re.fullmatch(r"\s*,\s*[^,.;]*", HONORIFIC.sub("", text[a["start"] + len(a["written"]):b["start"]])):
            b["organisation"], b["how"] = a["organisation"], "list"
    run: list[dict] = []
    for p in found:  # three or more names in one list are people ("composed of X, Y and Z")
        if run and _AND.match(text[run[-1]["start"] + len(run[-1]["written"]):p["start"]]):
            run.append(p)
        else:
            run = [p]
        if len(run) >= 3:
            for q in run:
                q["signal"] = True
    for i in range(1, len(found)):  # a list of names shares what marks one of them as people ("X, Y and Z, members of ...")
        a, b = found[i - 1], found[i]
        if _AND.match(text[a["start"] + len(a["written"]):b["start"]]) and (a["signal"] or b["signal"]):
            a["signal"] = b["signal"] = True
    for i in range(len(found) - 2, 0, -1):
        a, b = found[i], found[i + 1]
        if _AND.match(text[a["start"] + len(a["written"]):b["start"]]) and b["signal"]:
            a["signal"] = True
    found += _surname_only(f, g, sentences, all_spans, found)
    for p in found:
        if not p["signal"] or g.countries.find(Folded(p["written"])) or g.place_matcher.find(Folded(p["written"])):
            continue  # capitalised words without a title are more often things ("Contracting Parties") than people
        key = p["known_as"] or normalise(p["name"])
        if key in people:
            old = people[key]
            old["title"] = old["title"] or p["title"]
            old["organisation"] = old["organisation"] or p["organisation"]
            continue
        out = {"name": p["name"], "title": p["title"], "organisation": p["organisation"], "evidence": p["evidence"],
               "_title_span": (p["t_start"], p["t_end"])}  # for the draft; not part of the person
        if p["written"] != p["name"]:
            out["written"] = p["written"]
        if p["known_as"]:
            out["known_as"] = p["known_as"]
        people[key] = out
    return list(people.values())


def _titles_before_names(text: str, found: list[dict], org_spans: list) -> None:
    """In a list written "Title A, Rank A Name, Title B, Ms B Name, ..." the segment after A's name is B's title: when A has a
    title before the name too and B has none, and only a comma (and an honorific) stands between A's segment and B."""
    for a, b in itertools.pairwise([p for p in found if p["signal"]]):
        if not (a.get("pre") and a.get("post") and not b.get("pre")):
            continue
        if not re.fullmatch(r"\s*,\s*(?:(?:Mr|Mrs|Ms|Dr|z|znj|zj|Z|Znj|Zj|g|gđa|gdin|г-дин|г-ѓа)\.?\s*)?(?:[A-ZÇË][\w-]+\s+){0,2}",
                            text[a["t_end"]:b["start"]], re.I):
            continue
        name_end = a["start"] + len(a["written"])
        a["title"], b["title"] = nominative_title(a["pre"]), nominative_title(a["post"])
        moved = [o for x, y, o in org_spans if name_end <= x < a["t_end"]]
        kept = [o for x, y, o in org_spans if a["t_start"] <= x < a["start"]]
        if a["organisation"] and a["how"] == "title" and a["organisation"] in moved:
            a["organisation"] = kept[0] if kept else None
        if b["organisation"] is None and moved:
            b["organisation"], b["how"] = moved[0], "title"
        b["t_start"], a["t_end"] = name_end, name_end
        b["pre"], a["post"] = a["post"], ""  # b now has a title before its name: the chain goes on


def _surname_only(f: Folded, g: Gazetteer, sentences: list[Sentence], org_spans: list, found: list[dict]) -> list[dict]:
    """People named by surname only after a title ("Deputy Minister Hoxha") whom no full name in the text names."""
    surnames = {name_stem(w) for p in found for w in (*p["name"].split(), *p["written"].split())}
    out = []
    for s in sentences:
        for a, b, title in surname_mentions(s.text, is_role, lambda w: not _not_name(w, g) and not _is_place(w, g)):
            word, start = s.text[a:b], s.start + a
            if name_stem(word) in surnames or any(x <= start < y for x, y, _ in org_spans):
                continue
            surnames.add(name_stem(word))
            out.append({"name": word, "written": word, "title": title, "organisation": None, "how": "", "start": start,
                        "t_start": start, "t_end": s.start + b, "known_as": g.person(word), "signal": True,
                        "evidence": str(Span(s.line, s.text[max(0, a - len(title) - 10):b + 40].strip()))})
    return out


_LINK = re.compile(r"\b(?:by|with|to|that|which|who)\b\s*,?\s*")


def _after_link(phrase: str, names: list[str]) -> str:
    """The phrase after its last linking word ("represented by", "met with"), unless the word is inside a body's name
    ("Head of the Delegation of the European Union to Bosnia and Herzegovina")."""
    inside = [(m.start(), m.start() + len(n)) for n in names for m in re.finditer(re.escape(n), phrase)]
    cuts = [m.end() for m in _LINK.finditer(phrase) if not any(a <= m.start() < b for a, b in inside)]
    return phrase[cuts[-1]:] if cuts else phrase


def _title_before(text: str, floor: int, start: int, org_spans: list) -> tuple[int, str]:
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
        if w[:1].isupper() or w.lower() in _CONNECT or is_role(w):
            p = floor + m.start(1)
        else:
            break
    segments = [x.strip() for x in text[p:end].split(",")]
    while segments and not (is_role(segments[0]) or any(p <= a < end for a, _, _ in org_spans if text[a:end].startswith(segments[0][:5]))):
        p += len(text[p:end]) - len(text[p:end].split(",", 1)[-1]) if len(segments) > 1 else len(text[p:end])
        segments.pop(0)
    phrase = ", ".join(segments)
    phrase = _after_link(phrase, [text[a:b] for a, b, _ in org_spans if p <= a < end])  # "X Directorate represented by, <title>"
    phrase = re.sub(rf"^(?:(?:{'|'.join(map(re.escape, _CONNECT))})\s+)+", "", phrase.strip(" ,"), flags=re.I)
    if not is_role(phrase):  # a title in lower case, as the region's languages write it ("ministri unutrašnjih poslova Srbije,")
        words = list(re.finditer(r"[^\s,;:]+", text[floor:end]))[-10:]
        roles = [w for w in words if is_role(w.group(0))]
        if roles:
            first = roles[-1]
            for w in reversed(roles[:-1]):  # two roles joined: "potpredsjednikom Vlade i ministrom ...", "director and head of ..."
                between = text[floor + w.end():floor + first.start()]
                if re.fullmatch(r"(?:\s+[\w.-]+){0,3}?\s+(?:i|and|и|dhe|e|-|–)\s+", between) and not re.search(r"[,;:]", between):
                    first = w  # also "заменик - министер"
            acting = re.search(r"(?:в\.\s?д\.|v\.\s?d\.|a\.i\.|acting|vd)\s+$", text[floor:floor + first.start()], re.I)
            p = floor + (acting.start() if acting else first.start())  # "в.д. секретара ...": the acting holder's title
            phrase = _after_link(text[p:end].strip(" ,"), [text[a:b] for a, b, _ in org_spans if p <= a < end])
    if not is_role(phrase) or re.search(r"\b(?:from|iz|nga|од|из)$", phrase.strip()):  # "operators from <X>": X is where they are from
        org_only = next((a for a, b, _ in org_spans if p <= a and b <= start), None)
        return (org_only if org_only is not None else start), ""
    return start - len(text[start - len(phrase) - (start - end):start]) if phrase else start, phrase


def _title_after(text: str, end: int, limit: int, org_spans: list, g: Gazetteer) -> tuple[str, int]:
    """The title written after a name: one comma-separated segment with a role word in it, cut at the first word that
    cannot be part of a title (", Criminal Intelligence Officer informed on ..."); a following segment that is an
    organisation's name stays with it (", Programme Manager, ICMPD Vienna")."""
    m = re.match(r"\s*(?:,|\(|–|-)\s*([^,;:()–]+?)(?=\s*(?:[,;:()–]|\.(?=\s|$)|$))", text[end:limit])
    if not m or not is_role(m.group(1)):
        return "", end
    segment = m.group(1)
    for conj in re.finditer(rf"\s+(?:i|and|и|dhe|te|as well as)\s+(?=[{_UP}])", segment):
        rest = segment[conj.end():]
        if _starts_with_name(rest, g) and not re.match(rf"{_WORD}\s+{_WORD}\s+(?:në|e|të|së|za|na|во|u)\s", rest):
            segment = segment[:conj.start()]  # "..., director of X and Y Z, ...": Y Z is the next person
            break
    ends_in_honorific = re.search(r"(?<!\band)(?<!\bi)(?<!\bdhe)\s+(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|znj|Z|Zj|Znj)\s*$", segment)
    if _has_name(segment, g) or (segment == m.group(1) and ends_in_honorific):
        return "", end  # "A, Austrian Ambassador B", "A, deputy director Mr. B": the segment is B's title
    segment = re.sub(r"\s+(?:and|i|и|dhe)\s+(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|г-дин|г-ѓа)\.?$", "", segment)
    words = segment.split()
    lower_title = fold(words[0]).startswith(ROLE_STEMS) and words[0][:1].islower()
    kept: list[str] = []
    for w in words:
        pos = end + m.start(1) + len(" ".join([*kept, w]))
        in_org = any(a < pos <= b for a, b, _ in org_spans)
        after_article = bool(kept) and kept[-1] in ("e", "të", "së")  # Albanian: "Drejtor për Hetimet e rasteve të ..."
        if w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECT or is_role(w) or in_org or (lower_title and len(kept) < 8) \
                or after_article:
            kept.append(w)
        else:
            break
    while kept and kept[-1].lower() in _CONNECT:
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


def _continues(title: str, segment: str, at: int, org_spans: list, g: Gazetteer) -> bool:
    """Does the comma-separated segment after a title go on with it: the rest of an enumeration the title's last phrase opened
    ("Director for Citizenship, Asylum and Migration", "šef Sekcije za pravosuđe, unutarnje poslove i reformu javne uprave"),
    or a phrase opening with a preposition ("Kryetare e ASHDMF, për Trafiqet e Paligjshme")?"""
    if is_role(segment) or _has_name(segment, g) or len(segment.split()) > 14 or re.match(r"(?:who|which|that|and|i|dhe)\b", segment):
        return False
    if re.match(rf"{_PREPOSITION}\s+[{_UP}]", segment):
        return True
    enumeration = re.search(r"\s(?:and|i|и|dhe)\s", segment) and re.search(rf"\b{_PREPOSITION}\s+\S+(?:\s+\S+){{0,3}}$", title)
    return bool(enumeration) and (segment[:1].isupper() or any(at <= a < at + len(segment) for a, _, _ in org_spans) or
                                  segment[:1].islower())


def _starts_with_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase begin with a person's name (after an honorific)?"""
    m = NAME_RE.match(HONORIFIC_START.sub("", phrase))
    tokens = m.group(1).split() if m else []
    return len(tokens) >= 2 and not _not_name(tokens[0], g) and not _not_name(tokens[1], g)


def _has_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase contain what looks like another person's name?"""
    bodies = [(x["start"], x["end"]) for x in g.orgs.find(Folded(phrase)) + g.generic_orgs.find(Folded(phrase))]
    for m in NAME_RE.finditer(phrase):
        runs = re.split(r"\s*\x00\s*", " ".join(t if not _not_name(t, g) else "\x00" for t in m.group(1).split()))
        for run in runs:  # two name words in a row ("Kundër" between two capitalised words of a title breaks them)
            tokens = run.split()
            before = phrase[:phrase.find(run, m.start())].split()[-1:]
            if before and before[0].lower() in _CONNECT:
                continue  # words after "of", "me", "për" are a title's object ("... Trafikimit me Qenie Njerëzore"), not a name
            at = phrase.find(run, m.start())
            if any(a < at + len(run) and at < b for a, b in bodies):
                continue  # a body's name ("Delegacije Evropske unije")
            if len(tokens) >= 2 and not g.orgs.find(Folded(" ".join(tokens))):
                return True
    return False
