"""Role words and titles in English and the region's languages: is a phrase a title ("Director", "ravnatelja",
"Drejtori", "министер"), and a BCMS title back in the nominative ("s direktorom" -> "direktor")."""

from __future__ import annotations

import re

from analysis.curation.ingest.matching import fold

#: stems (folded) of words that make a phrase a role or title, in English and the region's languages
ROLE_STEMS = tuple("""
ambassador adviser advisor analyst assistant chair chief coordinator commander commissioner consul counsellor delegate deputy
director head inspector liaison manager minister officer president prime representative secretary specialist expert
spokes rapporteur attache prosecutor judge governor mayor professor lecturer trainer charge
direktor ministar ravnatelj nacelnik sef pomocnik zamjenik zamenik savjetnik savetnik ambasador predsjednik predsednik sekretar
koordinator komesar inspektor glavn drzavn vodj voditelj komandant zapovjednik veleposlanik potpredsjedn potpredsedn premijer
ministrom ministra ministru predstavnik pretstavnik gradonacelnik gradonachalnik kmet
ministe pomoshnik sovetnik pretsedatel shef sluzbenik sluzbenic oficir rukovodilac rukovodioc rukovoditelj rakovoditel
drejtor zevendes kryetar drejtues komisioner ministri ambasadori udheheq zyrtar kryeministr perfaqesuesi keshilltar
ministrj ministres ministren menadz menaxher pripadnik pripadnic povjerenik povjerenic poverenik poverenic
sudij sudac sutkinj gjyqtar tuzilac tuzioc tuzitelj obvinitelk prokuror ombuds zastitnik
""".split())  # noqa: SIM905 (a word list reads better as text)
#: degrees, which count as a title only as whole words ("MBA", not "mbahet")
_DEGREES = frozenset(["m.a.", "m.a", "phd", "ph.d.", "mba"])


#: BCMS role nouns in the nominative (folded), for titles written in another case ("s direktorom" -> "direktor")
_NOMINATIVE = ("direktor", "ravnatelj", "zamjenik", "zamenik", "nacelnik", "pomocnik", "savjetnik", "savetnik", "ambasador",
               "predsjednik", "predsednik", "sekretar", "koordinator", "komesar", "inspektor", "sef", "tajnik", "voditelj",
               "komandant", "zapovjednik", "ministr", "veleposlanik", "potpredsjednik", "potpredsednik", "premijer", "predstavnik",
               "oficir", "sluzbenik", "povjerenik", "poverenik", "gradonacelnik")
#: BCMS feminine role nouns and "sudija" (folded stems before the nominative -a), for the same ("s komesarkom" -> "komesarka")
_NOMINATIVE_A = ("komesark", "direktoric", "direktork", "ministric", "savjetnic", "savetnic", "pomocnic", "zamjenic", "zamenic",
                 "predsjednic", "predsednic", "potpredsjednic", "potpredsednic", "nacelnic", "koordinatoric", "koordinatork",
                 "ambasadork", "sekretark", "predstavnic", "povjerenic", "poverenic", "inspektork", "gradonacelnic", "sudij",
                 "tuziteljic", "tuzilj")


def nominative_title(title: str) -> str:
    """A title with its inflected BCMS role nouns in the nominative (each of them: "potpredsjednikom Vlade i ministrom ...").

    >>> nominative_title("direktorom Granične policije BiH"), nominative_title("ministra sigurnosti"), nominative_title("Director")
    ('direktor Granične policije BiH', 'ministar sigurnosti', 'Director')
    >>> nominative_title("potpredsjednikom Vlade i ministrom unutarnjih poslova"), nominative_title("drejtoreshës për Politikat")
    ('potpredsjednik Vlade i ministar unutarnjih poslova', 'drejtoresha për Politikat')
    >>> nominative_title("drejtorin e përgjithshëm të IOM-it")
    'drejtori i përgjithshëm i IOM-it'
    """
    title = _leading_adjectives(title)
    # the first word and a word after "i"/"and" head their phrase; the others are rightly inflected ("zamjenik direktora")
    return _albanian_nominative(re.sub(r"(?:^|(?<=\bi )|(?<=\band )|(?<=\bи ))[^\W\d_]+", lambda m: _nominative_word(m.group(0)), title))


#: Albanian role nouns (folded, indefinite nominative) heading a title; their definite forms are the noun with -i (nominative),
#: -in (accusative), -it (genitive/dative); the feminine in -eshë: -esha, -eshën, -eshës
_ALBANIAN_ROLES = ("drejtor", "zevendesdrejtor", "kryetar", "koordinator", "sekretar", "komisioner", "zyrtar", "ministr",
                   "kryeministr", "zevendesministr", "zevendeskryeministr", "shef", "perfaqesues", "ambasador", "keshilltar",
                   "komandant", "prokuror", "inspektor", "president", "udheheqes", "drejtues")
#: Albanian linking articles in the oblique cases, and a lower-case adjective of the head between them ("e përgjithshëm")
_OBLIQUE_ARTICLE = ("e", "të", "së")


def _albanian_head(word: str) -> tuple[str, str] | None:
    """An Albanian role noun in the accusative or genitive/dative, in the definite nominative, with the gender of its
    article ("i" or "e"): "ministrin" -> ("ministri", "i"), "drejtoreshës" -> ("drejtoresha", "e"), else None."""
    low = fold(word)
    for noun in _ALBANIAN_ROLES:
        if low in (noun + "in", noun + "it"):
            return word[:-1], "i"
        if low in (noun + "eshen", noun + "eshes"):
            return word[:-2] + "a", "e"
    return None


def _albanian_nominative(title: str) -> str:
    """The heads of an Albanian title in the nominative, with the articles that agree with them: "ministrin e Punëve" ->
    "ministri i Punëve", "drejtorin e përgjithshëm të IOM-it" -> "drejtori i përgjithshëm i IOM-it", "drejtoreshës për
    Politikat" -> "drejtoresha për Politikat". A head is the first word, the word after a leading "zëvendës", or a word after
    "dhe" ("kryeministrin e parë dhe ministrin e ..."); a genitive further in ("Sekretariatit të ...") keeps its case."""
    words = title.split(" ")
    k = 0
    while k < len(words):
        head = k == 0 or (k == 1 and fold(words[0]) == "zevendes") or (k > 0 and (words[k - 1] == "dhe" or words[k - 1].endswith(",")))
        nominative = _albanian_head(words[k]) if head else None
        if nominative is None:
            k += 1
            continue
        words[k], article = nominative
        j = k + 1
        if j < len(words) and words[j] in _OBLIQUE_ARTICLE:  # the head's own article: "ministrin e" -> "ministri i"
            words[j] = article
            j += 1
        while j < len(words) and words[j][:1].islower() and words[j] not in _OBLIQUE_ARTICLE and words[j] not in ("dhe", "për") \
                and not _albanian_head(words[j]):
            j += 1  # adjectives of the head: "e përgjithshëm", "malazez", "e parë çek"
            if j < len(words) and words[j] == "e" and j + 1 < len(words) and words[j + 1][:1].islower():
                words[j] = article
                j += 1
        if j > k + 1 and j + 1 < len(words) and words[j] in ("të", "së") and words[j + 1][:1].isupper():
            words[j] = article  # the genitive after the head's adjective: "drejtori i përgjithshëm i IOM-it"
        k = j
    return " ".join(words)


#: one or two BCMS adjectives in the instrumental or genitive (masculine) opening a title: "izvršnim", "kantonalnog"
_OBLIQUE_ADJECTIVES = re.compile(r"^((?:[^\W\d_]{3,}(?:im|og|им|ог)\s+){1,2})([^\W\d_]+)")


def _leading_adjectives(title: str) -> str:
    """A title opening with adjectives in the case of its role noun, in the nominative: "izvršnim direktorom Frontexa" ->
    "izvršni direktor Frontexa", "kantonalnog premijera" -> "kantonalni premijer"; any other title as it is.

    >>> _leading_adjectives("državnim ministrom za sigurnost"), _leading_adjectives("zamjenik izvršnog direktora")
    ('državni ministar za sigurnost', 'zamjenik izvršnog direktora')
    """
    m = _OBLIQUE_ADJECTIVES.match(title)
    if not m or _nominative_word(m.group(2)) == m.group(2):
        return title
    adjectives = re.sub(r"(?:im|og)(?=\s)", "i", re.sub(r"(?:им|ог)(?=\s)", "и", m.group(1)))
    return adjectives + _nominative_word(m.group(2)) + title[m.end():]


def _nominative_word(word: str) -> str:
    """One BCMS role noun in the nominative ("direktorom" -> "direktor", "komesarkom" -> "komesarka", "повереником" ->
    "повереник"), in the script it is written in; any other word as it is."""
    low = fold(word)
    for end in ("om", "em", "a", "u", "e"):
        if low.endswith(end) and low[: -len(end)] in _NOMINATIVE:
            stem = word[: -len(end)]
            return stem[:-1] + ("ар" if _CYRILLIC.search(word) else "ar") if low[: -len(end)] == "ministr" else stem
    for end in ("om", "oj", "e", "u"):  # not "-i": "potpredsednici" is also the masculine plural
        if low.endswith(end) and low[: -len(end)] in _NOMINATIVE_A:
            return word[: -len(end)] + ("а" if _CYRILLIC.search(word) else "a")
    return word


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


_UNITS = ("directorat", "direktorat", "drejtoria", "drejtorise", "drejtorine", "drejtorit", "direkcij",
          "ministarstv", "ministerstv", "ministria", "ministris", "ministrine")  # bodies, not roles ("ministrin" is the minister)


def is_role(phrase: str) -> bool:
    """Does the phrase hold a role word ("Director", "ravnatelja", "Drejtori") and not only a unit ("Directorate")?"""
    return any(((w := fold(x).strip(",()")).rstrip(".").startswith(ROLE_STEMS) and not w.startswith(_UNITS)) or w in _DEGREES
               for x in phrase.split())


def singular_title(title: str) -> str | None:
    """A title whose first word is a plural role noun, with that word in the singular; None when it is not plural.

    >>> singular_title("Potpredsednici NS IPA Srbije"), singular_title("Ministri unutrašnjih poslova"), singular_title("direktor")
    ('Potpredsednik NS IPA Srbije', 'Ministar unutrašnjih poslova', None)
    """
    first, _, rest = title.partition(" ")
    low = fold(first)
    if low.endswith("nici") and low.startswith(ROLE_STEMS):
        return f"{first[:-2]}k {rest}".strip()
    if low in ("ministri", "ministers", "direktori", "directors", "ambasadori", "ambassadors"):
        stem = first[:-1]
        a = "а" if re.search(r"[\u0400-\u04FF]", first) else "a"
        return f"{stem[:-1]}{a}{stem[-1]} {rest}".strip() if low == "ministri" else f"{stem} {rest}".strip()
    return None
