"""Bodies the record does not know, named in the region's languages: a head noun ("Ministarstvo", "Управа", "Univerzitet",
"Agjencia") with the words that complete its name, read back in the nominative ("Управе за људске ресурсе" -> "Управа за
људске ресурсе", "Univerzitetom u Mastrihtu" -> "Univerzitet u Mastrihtu").

>>> [o["name"] for o in local_new_orgs("У организацији Управе за људске ресурсе и Министарства социјалног старања, бриге о "
...                                    "породици и демографије, уз подршку ГИЗ-а, данас је почела обука.", [], lambda w: False)]
['Управа за људске ресурсе', 'Министарство социјалног старања, бриге о породици и демографије']
"""

from __future__ import annotations

import bisect
import re

from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.matching import fold
from analysis.curation.ingest.text import Span, _line_of
from analysis.curation.names import normalise, slug

#: head nouns (folded stems) with their nominative in Latin and Cyrillic script
_HEADS = {
    "ministarstv": ("Ministarstvo", "Министарство"), "ministerstv": ("Ministerstvo", "Министерство"), "uprav": ("Uprava", "Управа"),
    "agencij": ("Agencija", "Агенција"), "direkcij": ("Direkcija", "Дирекција"), "sluzb": ("Služba", "Служба"),
    "zavod": ("Zavod", "Завод"), "centar": ("Centar", "Центар"), "kancelarij": ("Kancelarija", "Канцеларија"),
    "ured": ("Ured", "Уред"), "univerzitet": ("Univerzitet", "Универзитет"), "fakultet": ("Fakultet", "Факултет"),
    "institut": ("Institut", "Институт"), "komesarijat": ("Komesarijat", "Комесаријат"), "sekretarijat": ("Sekretarijat", "Секретаријат"),
    "komisij": ("Komisija", "Комисија"), "institucij": ("Institucija", "Институција"), "inspektorat": ("Inspektorat", "Инспекторат"),
}
_ALBANIAN_HEADS = ("ministria", "ministrise", "ministrine", "agjencia", "agjencise", "agjencine", "drejtoria", "drejtorise",
                   "drejtorine", "autoriteti", "autoritetit", "instituti", "institutit", "komisioni", "komisionit")
#: more Albanian heads, for reading a name the record may know (:mod:`.glossary`), not for proposing new bodies: their
#: names run on in the genitive, which is not read back into the nominative
MORE_ALBANIAN_HEADS = ("zyra", "zyres", "zyren", "prefektura", "prefektures", "prefekturen", "sherbimi", "sherbimit", "sherbimin",
                       "ambasada", "ambasades", "ambasaden", "qendra", "qendres", "qendren", "komiteti", "komitetit", "keshilli",
                       "keshillit", "departamenti", "departamentit", "prokuroria", "prokurorise")
_ENDINGS = ("om", "oj", "e", "a", "u", "i", "o", "", "ta", "ata", "ot", "te", "ite")  # with the Macedonian article
#: words after a comma that open a new clause, not the rest of a name
_CLAUSE = frozenset([
    "uz", "уз", "a", "а", "te", "те", "kao", "као", "koji", "који", "koja", "која", "koje", "које", "što", "што", "dok", "док", "kako",
    "како", "čime", "чиме", "i", "и", "and", "which", "who", "dhe", "qe", "që", "si", "me", "čije", "čiji", "čija", "чије", "чији", "чија",
    "koju", "коју", "gdje", "gde", "где", "kur", "ku"
])
_LINKS = frozenset([
    "u", "za", "na", "od", "iz", "izmedu", "izmedju", "pri", "sa", "s", "v", "vo", "na", "во", "за", "на", "од", "при", "со", "per", "për",
    "e", "të", "i", "se", "të"
])
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: words (folded) that end a BCMS or Macedonian name: a verb, an auxiliary, an adverb, an honorific ("Centar je prošlo",
#: "Центар за управување со кризи се одржа", "... м-р Агрон"); a masculine past participle by its ending ("primio",
#: "povećao"). Not a relative: "Direkcija za prihvat stranaca koji traže međunarodnu zaštitu" is a name
_VERB = frozenset(["je", "su", "se", "ce", "bi", "nije", "nisu", "ima", "imaju", "imao", "imala", "biti", "bio", "bila", "bilo",
                   "bili", "jos", "vec", "danas", "juce", "sada", "sto", "kao", "dok", "kada", "kad", "bese", "ke", "ne", "m-r",
                   "d-r", "g-din", "g-da", "g-ca"])
_PARTICIPLE = re.compile(r"[aeiu]o$")


def _head(word: str, albanian: tuple[str, ...] = _ALBANIAN_HEADS) -> tuple[str, str] | None:
    """(nominative, stem) of a head noun in any case form, or None."""
    low = fold(word)
    if low in albanian:
        return word, low
    if low in ("centra", "centru", "centrom"):  # not the English "Centre"
        return ("Центар" if re.search(r"[\u0400-\u04FF]", word) else "Centar"), "centar"
    for stem, (latin, cyrillic) in _HEADS.items():
        if low.startswith(stem) and low[len(stem):] in _ENDINGS:
            return (cyrillic if re.search(r"[\u0400-\u04FF]", word) else latin), stem
    return None


def local_new_orgs(text: str, known_spans: list[tuple[int, int]], is_place, albanian: tuple[str, ...] = _ALBANIAN_HEADS,
                   run_on: bool = False) -> list[dict]:
    """{name, start, end} of every body named with a head noun in the region's languages and not inside a known body's name.
    ``is_place(text)`` tells whether a text opens with a country or place ("Crne Gore i Republike Srbije" go on with a name);
    ``albanian``: the Albanian head nouns to read; ``run_on``: an Albanian name goes on with its capitalised adjectives."""
    out = []
    for m in _WORD.finditer(text):
        head = _head(m.group(0), albanian)
        if head is None or any(a <= m.start() < b for a, b in known_spans):
            continue
        start = m.start()
        lead = re.search(r"((?:[A-ZČĆŠŽĐА-Я][\w]+ ){1,2})$", text[max(0, start - 40):start])
        nominative = fold(m.group(0)) == fold(head[0])
        if lead and (nominative or fold(lead.group(1)).rstrip().endswith("ta")) and \
                all(fold(w).endswith(("ki", "ka", "ko", "ni", "na", "no", "ji", "ta")) for w in lead.group(1).split()):
            # (a Macedonian adjective takes the article: "Националната комисија" in any case)
            start -= len(lead.group(1))  # "Zajednički centar ...": an adjective opening the name (both in the nominative)
        elif not m.group(0)[:1].isupper():
            continue
        words, pos = [], m.end()
        while len(words) < 12:
            nxt = re.match(r"(\s*,\s*|\s+)([^\s,.;:()]+)", text[pos:])
            if not nxt or "\n" in nxt.group(1):
                break
            w = nxt.group(2)
            comma = "," in nxt.group(1)
            if w.strip("-–.").isdigit() or w in ("-", "–") or (not words and fold(w) in ("i", "и", "and", "dhe")):
                break  # a number, a dash or an "and" right after the head ends it ("Institucija 26", "Direkcija i izazovima")
            place = is_place(text[pos + len(nxt.group(1)):pos + len(nxt.group(1)) + 40])
            if place:  # a country or place goes on with the name whole ("... između BiH, Crne Gore i Republike Srbije")
                words.append(text[pos:pos + len(nxt.group(1)) + place])
                pos += len(nxt.group(1)) + place
                continue
            segment = re.match(r"[^.;:()]{0,80}", text[pos + nxt.end():]).group(0).split(",")  # the enumeration's rest
            segment = next((x for x in segment if re.search(r"\s(?:i|и|and|dhe)\s", f" {x} ")), segment[0])
            here = text[pos + len(nxt.group(1)):pos + len(nxt.group(1)) + 40]
            if comma and not is_place(here) and (w.lower() in _CLAUSE or not w[:1].islower() or
                                              not re.search(r"\s(?:i|и|and|dhe)\s", f" {segment} ")):
                break  # after a comma only the rest of an enumeration ("..., бриге о породици и демографије")
            prev = fold(words[-1].strip(" ,")) if words else fold(m.group(0))
            if w[:1].isupper() and not w.isupper() and not is_place(here) and prev not in _LINKS and not (run_on and head[1] in albanian):
                # (an Albanian name goes on with its capitalised adjectives: "Zyra e Koordinatorit Kombëtar")
                break  # a capitalised word goes on with a name only after a preposition ("Univerzitet u Mastrihtu")
            if w.lower() in ("i", "и", "and", "dhe", "e", "te") and not comma and not (run_on and fold(w) in ("e", "i", "te", "se")):
                # (in Albanian "e", "i", "të" link a noun to its genitive: "Zyra e Koordinatorit")
                after = re.match(r"\s+([^\s,.;:()]+)", text[pos + nxt.end():])
                if after and after.group(1)[:1].isupper() and not is_place(text[pos + nxt.end():].lstrip()[:40]):
                    break  # "... ресурсе и Министарства ...": the next body
            if w[:1].isupper() and _head(w):
                break
            if head[1] not in albanian and w[:1].islower() and (fold(w) in _VERB or (len(w) > 4 and _PARTICIPLE.search(fold(w)))):
                break  # a verb ends the name ("Centar je ...", "Prihvatni centar u Divljani primio ...")
            if run_on and head[1] in albanian and w[:1].islower() and fold(w) not in ("e", "i", "te", "se", "per", "kunder", "dhe", "mbi", "me"):
                break  # an Albanian name is written in capitals but for its links ("Trafikimit me Qenie Njerëzore"; not "më datë")
            words.append(nxt.group(0))
            pos += nxt.end()
        acronym = re.match(r"\s*\(([A-ZА-Я]{2,8})\)", text[pos:])
        if acronym:
            pos += acronym.end()
        while words and fold(words[-1].strip(" ,")) in ("i", "u", "za", "na", "od", "iz", "and", "of", "dhe", "e", "te", "se", "per", "me"):
            pos -= len(words.pop())
        if len(words) < 1:
            continue
        if sum(b - a for a, b in known_spans if start <= a and b <= pos) >= 0.4 * (pos - start):
            continue  # mostly a known body's name: its office or unit ("Канцеларија на Меѓународната организација за миграции")
        raw = text[start:pos].strip()
        nom = head[0] if m.group(0)[:1].isupper() else head[0].lower()
        name = raw[:m.start() - start] + nom + raw[m.end() - start:]
        out.append({"name": name.strip(), "start": start, "end": pos, "acronym": acronym.group(1) if acronym else ""})
    return out


def new_organisations(text: str, g: Gazetteer, orgs: list[dict], opens_with_place) -> list[dict]:
    """Organisations the record does not know: 'the X Agency/Ministry/... (ACR)' and the like; a name close to one the
    record knows (rapidfuzz) is that organisation, not a new one; ``opens_with_place`` tells how long a place name opening
    a text is (0 if none)."""
    from rapidfuzz import fuzz, process

    known_spans = sorted((a, b) for h in orgs for a, b in h["spans"])
    known_starts = [a for a, _ in known_spans]
    known_ids = {h["id"] for h in orgs}
    out, seen = [], set()
    pattern = re.compile(
        r"\b((?:[A-Z][\w'’-]+\s+){0,4}(?:Agency|Ministry|Organi[sz]ation|Association|Foundation|Institute|University|Embassy|"
        r"Council|Commission|Directorate|Office)\b(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w'’-]+){1,5})?)"
        r"(?:\s*\(([A-Z][A-Za-z&]{2,9})\))?")
    for m in pattern.finditer(text):
        k = bisect.bisect_right(known_starts, m.end())
        near = known_spans[max(0, k - 12):k]
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in near):
            continue
        if any(0 <= m.start() - b <= 25 for a, b in near):  # a unit of a known organisation ("INTERPOL IS & ... Directorate")
            continue
        name = m.group(1).strip()
        if name.split()[0] in ("The", "This"):
            name = " ".join(name.split()[1:])
        name = name.split("\n")[0].rstrip()  # a name does not run over a line break
        words = name.split(" ")
        cut = next((i for i in range(1, len(words) - 1) if g.person(" ".join(words[i:i + 2]))), len(words))
        name = " ".join(words[:cut])  # "Ministry of the Interior Dejan Lukovic": the body ends where a person's name begins
        if len(name.split()) < 2:
            continue
        close = process.extractOne(normalise(name), g.org_forms, scorer=fuzz.token_sort_ratio, score_cutoff=90)
        if close and close[2] is not None and g.org_form_ids[close[2]] in known_ids:
            continue  # a variant of an organisation already found
        oid = slug(m.group(2) or name)[:40]
        if oid in seen:
            continue
        seen.add(oid)
        out.append({"id": oid, "name": name, "acronym": m.group(2) or "", "kind": "other", "country": None, "new": True,
                    "evidence": str(Span(_line_of(text, m.start()), m.group(0)))})
    taken = [(o_a, o_b) for o_a, o_b in known_spans]
    for o in local_new_orgs(text, taken, opens_with_place):
        close = process.extractOne(normalise(o["name"]), g.org_forms, scorer=fuzz.token_sort_ratio, score_cutoff=90)
        oid = slug(o["acronym"] or o["name"])[:40]
        if (close and close[2] is not None and g.org_form_ids[close[2]] in known_ids) or oid in seen or oid in known_ids:
            continue  # also a known body named in full with its acronym in brackets ("... за дрога и криминал (UNODC)")
        seen.add(oid)
        shorter = next((x for x in out if o["name"].startswith(x["name"]) or x["name"].startswith(o["name"])), None)
        if shorter:  # the same body named in full further down: keep the fuller name
            if len(o["name"]) > len(shorter["name"]):
                shorter.update(id=oid, name=o["name"], acronym=o["acronym"] or shorter["acronym"])
            continue
        out.append({"id": oid, "name": o["name"], "acronym": o["acronym"], "kind": "other", "country": None, "new": True,
                    "evidence": str(Span(_line_of(text, o["start"]), text[o["start"]:o["end"]]))})
    return out
