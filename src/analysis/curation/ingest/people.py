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

from analysis.curation.ingest.affiliations import ANAPHOR, affiliation, country_ministry
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.heads import head_body
from analysis.curation.ingest.matching import Folded, fold, name_stem
from analysis.curation.ingest.personnames import (
    HONORIFIC,
    NAME_RE,
    PARTICLE,
    POSSESSIVE,
    is_place,
    nominative_name,
    not_name,
    surname_mentions,
)
from analysis.curation.ingest.text import Sentence, Span
from analysis.curation.ingest.titles import is_role, nominative_title, singular_title
from analysis.curation.ingest.titlespans import title_after, title_before
from analysis.curation.names import normalise

_FROM_UNIT = re.compile(r"\s+from\s+(?:the\s+)?((?:[A-Z][\w&/.-]*\s+(?:(?:[A-Z][\w&/.-]*|of|for|and|&)\s+)*)?"
                        r"(?:Directorate|Division|Department|Unit|Sector|Service|Bureau|Office|Desk))\b")
_COMPOSED = re.compile(r"(?:composed of|consisting of|made up of|including|comprising|members?|koju su činili|koju čine|koja je činila|"
                       r"u sastavu|u kojoj su bili|në përbërje)\s*:?\s*$", re.I)
#: a verb of saying next to a name makes it a person's ("Kako objašnjava X", "X je izjavio", "said X", "X tha")
_SAYS_BEFORE = re.compile(r"\b(?:said|says|explained|stated|added|rekao|rekla|izjavio|izjavila|objašnjava|objasnio|objasnila|istakao|"
                          r"istakla|kazao|kazala|naglasio|naglasila|рече|изјави|истакна|објасни|tha|deklaroi|theksoi|shpjegoi)\s*$")
_SAYS_AFTER = re.compile(r"^\s*(?:,\s*)?(?:je\s+|has\s+)?(?:said|says|explained|stated|added|rekao|rekla|izjavio|izjavila|istakao|"
                         r"istakla|kazao|kazala|naglasio|naglasila|рече|изјави|истакна|tha|deklaroi|theksoi)\b")
#: a police or border unit named in the genitive, whose town follows it before a person's name (folded text)
_UNIT_BEFORE = re.compile(r"\b(?:uprave|stanice|jedinice|ispostave|odjeljenja|odeljenja|centra|policije)\s+$")
#: a locative preposition: the capitalised words after it open with a place ("u Crnoj Gori", "у Бањалуци")
_IN_BEFORE = re.compile(r"(?:^|\s)(?:u|na|iz)\s+$")
_DEPUTY = re.compile(r"^(?:deputy|assistant|acting|zamjenik|zamenik|pomocnik|pomoshnik|zevendes)")
#: a comma and a few lower-case words with "and" between two segments of one title ("..., а воедно и национална ...")
_ALSO = re.compile(r"\s*,\s*(?:[^\W\d_A-ZА-Я]+\s+){0,2}(?:и|i|a|а|and|dhe|also|edhe)\s+(?:[^\W\d_A-ZА-Я]+\s+){0,2}")
_AND = re.compile(r"^\s*(?:,\s*(?:and|i|и|dhe|&)?|and|i|и|dhe|&)\s*(?:(?:Mr|Mrs|Ms|Dr|g|gđa|Z|Zj|Znj|г-дин|г-ѓа)\.?\s+)?$")


def find_people(f: Folded, g: Gazetteer, orgs: list[dict], sentences: list[Sentence], countries: list[dict],
                places: list[str] = (), home: str | None = None, venue: str | None = None) -> list[dict]:
    """Everyone the text names with a title, an honorific or a tie to a body; ``home``: the publishing site's country,
    ``venue``: the event's (a minister whose title names no country, on a site of none, is the host's)."""
    text = f.original
    org_spans = sorted((a, b, h["id"]) for h in orgs for a, b in h["spans"])
    people: dict[str, dict] = {}
    found: list[dict] = []
    all_spans, starts = org_spans, [a for a, _, _ in org_spans]
    present = frozenset(o for _, _, o in org_spans)
    for s in sentences:
        done_upto = s.start
        org_spans = all_spans[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end + 1)]  # this sentence's
        for m in NAME_RE.finditer(s.text):
            tokens = m.group(1).split()
            lead = 0
            if len(tokens) > 2 and POSSESSIVE.search(tokens[0]):  # "Bosnia's Security Minister Selmo Cikotic": the name after
                lead, tokens = len(tokens[0]) + 1, tokens[1:]
            cut = next((k for k, t in enumerate(tokens) if POSSESSIVE.search(t)), None)
            if cut is not None:  # a possessive ends the name: "Delawie’s Remarks", "Contact Points’ meeting"
                tokens = tokens[:cut + 1] if re.search(r"['’]s$", tokens[cut]) and cut else []
                tokens[-1:] = [re.sub(r"['’]s$", "", t) for t in tokens[-1:]]
            while tokens and (not_name(tokens[0], g) or (len(tokens) > 2 and is_place(tokens[0], g))):
                lead += len(tokens[0]) + 1
                tokens.pop(0)
            before = fold(s.text[max(0, m.start(1) + lead - 30):m.start(1) + lead])
            if len(tokens) == 3 and not lead and not re.fullmatch(r"\w\.", tokens[1]) and _UNIT_BEFORE.search(before):
                lead += len(tokens[0]) + 1  # "Полицијске станице Брод Жарко Кузмановић": the unit's town, then the name
                tokens.pop(0)
            while len(tokens) > 2 and _IN_BEFORE.search(before):  # "u Crnoj Gori Rikardo Seri": the place, then the name
                lead += len(tokens[0]) + 1
                tokens.pop(0)
            while tokens and not_name(tokens[-1], g):
                tokens.pop()
            inner = [k for k, t in enumerate(tokens) if not_name(t, g)]
            if inner and len(tokens) - inner[-1] - 1 >= 2:  # "Integrated Expert Christoph von Harsdorf": the name after the title
                lead += len(" ".join(tokens[: inner[-1] + 1])) + 1
                tokens = tokens[inner[-1] + 1:]
            if len(tokens) < 2 or len(tokens) > 4 or any(not_name(t, g) for t in tokens if not re.fullmatch(PARTICLE, t)):
                continue
            after = re.match(r"\s+(\w+)", s.text[m.end(1):])
            phrase = f"{' '.join(tokens)} {after.group(1)}" if after else ""
            if phrase and any(h["start"] == 0 and h["end"] == len(phrase) for h in g.countries.find(Folded(phrase))):
                continue  # "Sjedinjenih Američkih država": a country whose last word is written in lower case
            start = s.start + m.start(1) + m.group(1).index(tokens[0], lead)
            while len(tokens) > 2 and any(a <= start < b for a, b, _ in org_spans):  # "Ministrinë e Brendshme Alma Bime"
                start = text.index(tokens[1], start + len(tokens[0]))
                tokens = tokens[1:]
            while len(tokens) > 2 and re.search(r"(?<![\w-])(?:së|të|se|te|me|për)\s+$", text[max(s.start, start - 5):start]):
                start = text.index(tokens[1], start + len(tokens[0]))  # "të Brendshme Oliver Spasovski": the name after the body
                tokens = tokens[1:]
            if re.search(r"(?<![\w-])(?:së|të|se|te|me|për)\s+$", text[max(s.start, start - 5):start]):  # not "RKS-së"
                continue  # an Albanian genitive or object ("Byrosë së Sigurisë Publike", "me Qenie Njerëzore"), not a name
            written = " ".join(tokens)
            end = start + len(written)
            if start < done_upto:
                continue  # inside the title read for the name before ("..., Zëvendësdrejtoresha e ... Operacioneve Ndërkombëtare")
            if any(a <= start < b or a < end <= b for a, b, _ in org_spans):
                continue  # a name inside an organisation's name ("Pro Bono Foundation")
            before = text[max(done_upto, start - 160):start]
            honorific = bool(HONORIFIC.search(before))
            t_start, pre_title = title_before(text, max(done_upto, s.start), start, org_spans)
            if (lead_in := _lead_in(pre_title)) and not any(t_start <= a < t_start + lead_in for a, _, _ in org_spans):
                t_start, pre_title = t_start + lead_in, pre_title[lead_in:]  # "Mektić i ambasador Švajcarske ..."
            post_title, t_end = title_after(text, end, s.end, org_spans, g)
            if not post_title:
                unit = _FROM_UNIT.match(text[end:s.end])
                if unit and not any(end <= a < end + unit.end() for a, _, _ in org_spans) and \
                        not re.match(r"\s+(?:for|of)\s", text[end + unit.end():]):  # "from the Office for Migration": a name cut
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
                name = nominative_name(tokens, pre_title) or name
            aff, how = affiliation(text, t_start, start, end, t_end, s, org_spans, g, title, countries, places, home, present,
                                    venue)
            if aff is None and (back := re.search(r"\b(?:of|at|in) the ([A-Z][a-z]+)$", title)):  # "Deputy Director of the Service"
                named = {o for a, b, o in all_spans if a < start and re.match(rf"(?:the\s+)?{back.group(1)}\b", text[a:b])}
                aff, how = (named.pop(), "title") if len(named) == 1 else (None, "")
            title = ANAPHOR.sub("", title)  # the country it points back to is the affiliation's, not part of the title
            person = {"name": name, "written": written, "title": title or None, "organisation": aff, "how": how,
                      "start": start, "t_start": min(t_start, start), "t_end": max(end, t_end), "known_as": pid,
                      "pre": pre_title, "post": post_title,
                      "signal": bool(title or honorific or pid or aff or _SAYS_BEFORE.search(text[max(s.start, start - 30):start])
                                     or _SAYS_AFTER.match(text[end:end + 30]))}
            person["evidence"] = str(Span(s.line, text[max(s.start, t_start - 10):min(s.end, t_end + 40)].strip()))
            found.append(person)
    _titles_before_names(text, found, all_spans)
    for p in found:  # a head's title left alone once the list's titles are shared out: "kryeministri i Kosovës, A, zëvendës..."
        named = [c for c in countries if p["t_start"] <= c["start"] < p["t_end"] and not p["start"] <= c["start"] < p["start"] + len(p["written"])]
        if p["organisation"] is None and p["title"] and len({c["code"] for c in named}) == 1:
            head = head_body(p["title"], g, named[0]["code"], [text[c["start"]:c["end"]] for c in named])
            p["organisation"], p["how"] = head, ("country" if head else "")
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
            _respectively(text, g, a, b, [c for c in countries if a["t_start"] <= c["start"] < a["start"]])
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
    for a, b in itertools.pairwise(found):  # "director of Y A, deputy director B", "... A i pomoćnik direktora B": Y's too
        if b["organisation"] is None and a["organisation"] and b["title"] and _DEPUTY.match(fold(b["title"])) and \
                re.fullmatch(r"\s*(?:,|(?:,\s*)?(?:and|i|и|dhe|a)\s)\s*[^,.;]*", HONORIFIC.sub("", text[a["start"] + len(a["written"]):b["start"]])):
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
    found += _surname_only(f, g, sentences, all_spans, found, countries, home)
    for p in found:
        if not p["signal"] or g.countries.find(Folded(p["written"])) or \
                any(m["start"] == 0 for m in g.place_matcher.find(Folded(p["written"]))):  # not "Ditera Romana" for "Roma"
            continue  # capitalised words without a title are more often things ("Contracting Parties") than people
        key = p["known_as"] or normalise(p["name"])
        key = _spelled_otherwise(people, key, p) or key
        if key in people:
            old = people[key]
            if p["known_as"] and not old.get("known_as"):  # the record's spelling names the person
                old.update(name=p["name"], known_as=p["known_as"])
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


def _respectively(text: str, g: Gazetteer, a: dict, b: dict, named: list[dict]) -> None:
    """"Ministri unutrašnjih poslova Srbije i Poljske A i B": of two countries in a plural title before two names, the first is
    the first one's, the second the second's (title and ministry)."""
    if len(named) != 2 or not re.fullmatch(r"\s+(?:i|и|and|dhe|e)\s+", text[named[0]["end"]:named[1]["start"]]):
        return
    both = text[named[0]["start"]:named[1]["end"]]
    for p, c in ((a, named[0]), (b, named[1])):
        p["title"] = p["title"].replace(both, text[c["start"]:c["end"]])
        p["organisation"] = country_ministry(p["title"], g, c["code"]) or (p["organisation"] if p is a and c is named[0] else None)
        p["how"] = "title" if p["organisation"] else ""


def _titles_before_names(text: str, found: list[dict], org_spans: list) -> None:
    """In a list written "Title A, Rank A Name, Title B, Ms B Name, ..." the segment after A's name is B's title: when A has a
    title before the name too and B has none, and only a comma (and an honorific) stands between A's segment and B."""
    for a, b in itertools.pairwise([p for p in found if p["signal"]]):
        # or B's title goes on from A's segment: "..., Name A, state secretary in X, and also national coordinator ..., Name B"
        also = bool(b.get("pre")) and _ALSO.fullmatch(text[a["t_end"]:b["t_start"]])
        if not (a.get("pre") and a.get("post") and (not b.get("pre") or also)):
            continue
        if not also and not re.fullmatch(r"\s*,\s*(?:(?:Mr|Mrs|Ms|Dr|z|znj|zj|Z|Znj|Zj|g|gđa|gdin|г-дин|г-ѓа)\.?\s*)?(?:[A-ZÇË][\w-]+\s+){0,2}",
                                         text[a["t_end"]:b["start"]], re.I):
            continue
        name_end = a["start"] + len(a["written"])
        a["title"] = nominative_title(a["pre"])
        b["title"] = nominative_title(text[a["t_end"] - len(a["post"]):b["t_end"] if b.get("post") else b["t_start"] + len(b["pre"])]
                                      if also else a["post"])
        moved = [o for x, y, o in org_spans if name_end <= x < a["t_end"]]
        kept = [o for x, y, o in org_spans if a["t_start"] <= x < a["start"]]
        if a["organisation"] and a["how"] == "title" and a["organisation"] in moved:
            a["organisation"] = kept[0] if kept else None
        if b["organisation"] is None and moved:
            b["organisation"], b["how"] = moved[0], "title"
        b["t_start"], a["t_end"] = name_end, name_end
        b["pre"], a["post"] = a["post"], ""  # b now has a title before its name: the chain goes on


def _surname_only(f: Folded, g: Gazetteer, sentences: list[Sentence], org_spans: list, found: list[dict], countries=(),
                  home: str | None = None) -> list[dict]:
    """People named by surname only after a title ("Deputy Minister Hoxha") whom no full name in the text names."""
    surnames = {name_stem(w) for p in found for w in (*p["name"].split(), *p["written"].split())}
    out = []
    for s in sentences:
        for a, b, title in surname_mentions(s.text, is_role, lambda w: not not_name(w, g) and not is_place(w, g)):
            word, start = s.text[a:b], s.start + a
            if any(x <= start < y for x, y, _ in org_spans):
                continue
            bare = next((q for q in out if name_stem(q["name"]) == name_stem(word) and not q["title"]), None)
            if bare and title:  # "Mr Hoxha and Minister Hoxha": the titled mention gives the title
                bare["title"] = title
            if name_stem(word) in surnames:
                continue
            surnames.add(name_stem(word))
            t_start, aff = start, None
            if not title:  # after an honorific: the title before it ("Ministri i Punëve të Brendshme z. Sveçla")
                t_start, pre = title_before(f.original, s.start, start, org_spans)
                title = nominative_title(pre)
                aff = affiliation(f.original, t_start, start, s.start + b, s.start + b, s, org_spans, g, title, countries, [], home,
                                  frozenset(o for _, _, o in org_spans))[0] if title else None
            out.append({"name": word, "written": word, "title": title or None, "organisation": aff, "how": "title" if aff else "",
                        "start": start, "t_start": t_start, "t_end": s.start + b, "known_as": g.person(word), "signal": True,
                        "evidence": str(Span(s.line, s.text[max(0, a - len(title) - 10):b + 40].strip()))})
    return out


def _spelled_otherwise(people: dict[str, dict], key: str, p: dict) -> str | None:
    """The key of a person already found whose name the page spells with one letter more, less or other ("Mihai Ghergel" and
    "Mihai Gherghel" in one release), unless the record knows them as two people."""
    from rapidfuzz.distance import Levenshtein

    words = normalise(p["name"]).split()
    for k, old in people.items():
        theirs = normalise(old["name"]).split()
        if k == key or len(theirs) != len(words) or (p["known_as"] and old.get("known_as") and p["known_as"] != old["known_as"]):
            continue
        differ = [(a, b) for a, b in zip(words, theirs, strict=True) if a != b]
        if len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= 5 and Levenshtein.distance(*differ[0]) == 1:
            return k
    return None


#: a capitalised word and "and" before a title in lower case: the surname of the person named before ("Mektić i ambasador
#: Švajcarske")
_SURNAME_AND = re.compile(r"^([A-ZČĆŠŽĐ][^\W\d_]+)\s+(?:i|and|dhe|и)\s+(?=[^\W\d_A-ZČĆŠŽĐА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ])")


def _lead_in(title: str) -> int:
    """How many characters at the head of a title written before a name belong to the sentence, not to the title."""
    m = _SURNAME_AND.match(title)
    return m.end() if m and not is_role(m.group(1)) else 0
