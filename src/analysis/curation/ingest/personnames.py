"""People's names as releases write them: a BCMS name in an oblique case back in the nominative, and a person named
by surname only after a title ("Deputy Minister Hoxha", "Ambassador Delawie's remarks").

>>> nominative_name(["Aleksandra", "Grčića"]), nominative_name(["Draganom", "Kulićem"]), nominative_name(["Marka", "Jovića"])
('Aleksandar Grčić', 'Dragan Kulić', 'Marko Jović')
>>> nominative_name(["Ivanom", "Petrovim"]), nominative_name(["Иваном", "Марковићем"])
('Ivan Petrov', 'Иван Марковић')
>>> nominative_name(["Aleksandra", "Jović"]) is None  # a woman's name: nothing to undo
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.curation.ingest.matching import Folded
from analysis.curation.ingest.titles import is_role, nominative_title

if TYPE_CHECKING:
    from analysis.curation.ingest.gazetteer import Gazetteer

UP = "A-ZČĆŠŽĐÇËÅÄÖÜÉÁÍÓÚА-ЯЃЌЅЉЊЏЈЂЋ"
LOW = "a-zčćšžđçëàáâãäåèéêìíîïñòóôõöùúûüýÿа-яѓќѕљњџјђћ'’-"
WORD = rf"[{UP}][{LOW}]+"
PARTICLE = r"(?:von|van|de|di|da|del|der|bin|el)"
_NAME_WORD = rf"{WORD}(?:-[{UP}][{LOW}]+)*"  # a double-barrelled surname: "Petrović-Marković"
NAME_RE = re.compile(rf"(?<![\w{LOW}])({_NAME_WORD}(?:\s+(?:{PARTICLE}\s+|[{UP}]\.\s+)?{_NAME_WORD}){{1,8}})(?![\w])")  # "Agron M. Camaj"
HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E|Sir|Mag|mr|dr|doc|prof|gđa|gđica|gdin|g-din|g-đa|g-đica|g|z|znj|zj|"
                       r"Z|Zj|Znj|zoti|zonja|Zoti|Zonja|gospodin|gospođa|"
                       r"gospođica|H\.\s?E|otac|Otac|fra|Fra|don|Don|Father|Fr|Rev|pater|Pater)\.?|г-дин|г-ѓа|г-ца|г\.|господин|госпоѓа|"
                       r"госпођа|Његова Екселенција|м-р|д-р|мр\.|др\.|проф\.|отац|Отац)\s*$")  # also a priest's or friar's title
HONORIFIC_START = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.E|g|z|gđa|znj|Z|Zj|Znj|г-дин|г-ѓа|м-р|д-р)\.?\s+)+")
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
Section Sector Branch Field Department Programme Acting Head Customs Trafficking Visit Service Protection
Brendshëm Brendshem Brendshme Jashtëm Jashtem Jashtme Përgjithshëm Pergjithshem Përgjithshme Pergjithshme
Deployment Coordination Capacity Mechanisms Points Teams Refugees Sub-Directorate Senior Vice Europe
Republika Republike Ministarstvo Ministarstva Granična Granične Služba Službe Uprava Centar Vlada Vijeće Savjet Direkcija Policija
Policije Sektor Zajednički Zajedničke Evropska Europska Unija Unije Ured Kancelarija Agencija Agencije Bosne Bosna Hercegovine Crne
Gore Srbije Hrvatske Kundër Kunder Against Për Uprave Upravi Upravu Službi Sektora Direkcije Agencije Ministarstvu Vlade Vladi
Kancelarije Ureda Centra
Zapadni Zapadnog Zapadnom Zapadnoga Balkan Balkana Balkanu Jugoistočna Jugoistočne Jugoistočnu Jugoistočnoj Evropa Evrope Evropu Europa
Europe Europu Ballkani Ballkanit Ballkanin Perëndimor Perëndimore
Kombëtar Kombëtare Kombetar Kombetare Rajonal Rajonale Shoqëria Shoqërisë Civile Trafik Trafikut Komitetet Komiteti Komitetit
Srpska Srpske Srpskoj Srpsku Vojvodina Vojvodine Vojvodini Vojvodinu Distrikta Sectors Architecture
Савезне Савезна Савезној Savezne Savezna Saveznoj Републике Република Републици Републиком
Српска Српске Српској Војводина Војводине Војводини Југоисточна Југоисточне Европа Европе Западни Западног Балкан Балкана
Court Courts Administrative Borders Issues Rights House Studies Mapping Stakeholder Day Nations High Global Legal Social World Refugee
Canton Kanton Kantona Kantonu Komitet Komiteta Komitetu Кантон Кантона Комитет Комитетот Управувачки Управувачкиот Царинарница
Carinarnica Generalnog Generalni Direktorata Direktorat Crnoj Crnu Gori Goru
""".split())  # noqa: SIM905
CONNECT = frozenset("of for the to in on and & at i za u na sa s iz pri и за на во со од у при e të te së në per për dhe me a.i. a.i".split())  # noqa: SIM905

def not_name(word: str, g: Gazetteer) -> bool:
    word = re.sub(r"['’]s$", "", word)  # "Mission’s"
    return word in NOT_NAME or word in g.place_words or is_role(word) or word.startswith(("Anti-", "Counter-")) or \
        (len(word) >= 8 and word.endswith("ing"))  # "Protecting Vulnerable Persons"


def is_place(word: str, g: Gazetteer) -> bool:
    """A place or country in any case form ("Bihaća", "Srbije")."""
    f = Folded(word)
    return bool(g.place_matcher.find(f) or g.countries.find(f))


#: a possessive ending: the name stops there ("Delawie’s Remarks", "National Contact Points’ meeting")
POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_VOWELS = set("aeiouаеиоу")


def nominative_name(tokens: list[str], title: str = "") -> str | None:
    """The nominative of a man's BCMS name written in the instrumental ("Draganom Kulićem", "Alfredom Stripollijem": the j
    between a stem in -i and the ending goes too) or the genitive/accusative ("Aleksandra Grčića": a surname in -ića is a
    man's in an oblique case; "direktora Predraga Novikova": a name after a man's title in the genitive is in it too), else None.

    >>> nominative_name(["Predraga", "Novikova"], "direktora Fonda"), nominative_name(["Šandora", "Egerešija"], "predsednika")
    ('Predrag Novikov', 'Šandor Egereši')
    >>> nominative_name(["Ivana", "Novikova"], "direktorica"), nominative_name(["Marku", "Egerešiju"], "direktoru")
    (None, None)
    >>> nominative_name(["Ditera", "Romana"], "Savjetu EU i direktora Savezne policije")
    'Diter Roman'
    """
    if len(tokens) >= 2 and all(len(t) > 5 and re.search(r"(?:om|em|ом|ем)$", t) for t in tokens):
        return " ".join([*(t[:-2] for t in tokens[:-1]), re.sub(r"(?<=i)j$", "", tokens[-1][:-2])])
    inflected = [w for w in title.split() if nominative_title(w) != w]  # the role noun next to the name ("... i direktora X")
    head = inflected[-1] if inflected else title.split()[0] if title.strip() else ""
    if len(tokens) >= 2 and re.search(r"[aа]$", head) and nominative_title(head) != head and \
            all(len(t) > 3 and t[-1:] in "aа" for t in tokens):  # "direktora Predraga Novikova", "predsednika Šandora Egerešija"
        last = tokens[-1][:-2] if re.search(r"[iи][jј][aа]$", tokens[-1]) else tokens[-1][:-1]
        return " ".join([*(_first_name(t[:-1]) for t in tokens[:-1]), last])
    if len(tokens) >= 2 and re.search(r"(?:ov|ev|in|ов|ев|ин)(?:im|им)$", tokens[-1]) and \
            all(len(t) > 5 and re.search(r"(?:om|em|ом|ем)$", t) for t in tokens[:-1]):
        return " ".join([*(t[:-2] for t in tokens[:-1]), tokens[-1][:-2]])  # a Slavic surname in -ov/-ev/-in: "Ivanom Petrovim"
    if len(tokens) >= 2 and re.search(r"(?:ić|ič|ић)[aа]$", tokens[-1]) and all(t[-1:] in "aа" for t in tokens[:-1]):
        return " ".join([*(_first_name(t[:-1]) for t in tokens[:-1]), tokens[-1][:-1]])
    return None


def _first_name(stem: str) -> str:
    """A man's first name from its oblique stem: Aleksandr-a → Aleksandar, Mark-a → Marko, Ivan-a → Ivan."""
    low = stem.lower()
    if low.endswith(("k", "к")):
        return stem + ("о" if stem[-1] == "к" else "o")  # Marko, Darko, Mirko
    if len(low) >= 3 and low[-1] in "rр" and low[-2] not in _VOWELS:
        return stem[:-1] + ("а" if stem[-1] == "р" else "a") + stem[-1]  # Petar, Aleksandar
    return stem


#: honorifics that name a person by surname alone after them ("z. Hoti", "Mr Hill"), written with or without the dot
_HONORIFIC_WORD = re.compile(r"(?:Mr|Mrs|Ms|z|znj|zj|Z|Znj|Zj|zoti|zonja|gospodin|gospođa|gospodina|gospođe|г-дин|г-ѓа|господин|госпоѓа)\.?")
_MODIFIERS = frozenset(["general", "deputy", "vice", "senior", "chief", "acting", "assistant", "first", "special", "regional"])


def surname_mentions(sentence: str, is_title_word, is_name_word) -> list[tuple[int, int, str]]:
    """(start, end, title) of single capitalised words right after a title that names a person by surname only:
    "Deputy Minister Hoxha", "General Director Maxhuni", "Ambassador Delawie’s". A word followed by another capitalised
    word is a full name (or not a name) and left to the full-name reader."""
    out = []
    for m in re.finditer(r"(?<![\w’'-])([^\W\d_][^\W\d_]+)(['’]s\b)?(?![\w-])", sentence):
        if not (m.group(1)[0].isupper() and m.group(1)[1:].islower()):
            continue
        honorific = list(re.finditer(r"[\w.-]+", sentence[max(0, m.start() - 12):m.start()]))[-1:]
        if honorific and _HONORIFIC_WORD.fullmatch(honorific[0].group(0)) and honorific[0].end() >= len(sentence[max(0, m.start() - 12):
                m.start()]) - 1 and is_name_word(m.group(1)) and not re.match(r"\s+\(?[A-ZÇËČŠŽĆĐА-Я]", sentence[m.end():]):
            out.append((m.start(1), m.end(1), ""))  # "z. Sveçla,", "z. Hoti si dhe", "Mr Hill said": a person by surname
            continue
        if not m.group(2) and re.match(r"\s+(?:(?:von|van|de|di|da|del|der|bin|el)\s+)?[^\W\d_]", sentence[m.end():]) and \
                not re.match(r"\s+(?:[a-z]+ed|said|and|to|on|in|at|is|was|who|has|had)\b", sentence[m.end():]):
            continue  # a capitalised word after it (a full name), or a word that makes it an adjective ("Kombëtare për")
        before = list(re.finditer(r"[\w.-]+", sentence[:m.start()]))[-4:]
        # a capitalised title ("Minister Hoxha"); after a lower-case one the word is as often a body's ("načelnikom Terenske ...")
        if not before or before[-1].end() < m.start() - 1 or not is_title_word(before[-1].group(0)) or before[-1].group(0).islower() \
                or not is_name_word(m.group(1)):
            continue
        first = len(before) - 1
        while first > 0 and (is_title_word(before[first - 1].group(0)) or before[first - 1].group(0).lower() in _MODIFIERS) \
                and before[first - 1].end() >= before[first].start() - 2:
            first -= 1
        out.append((m.start(1), m.end(1), sentence[before[first].start():before[-1].end()]))
    return out
