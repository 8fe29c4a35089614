"""Matching names as the region writes them: one folded, Latin form of the text, and names matched
word by word in it, tolerant of case endings and plurals.

The text is transliterated (Serbian and Macedonian Cyrillic to Latin) and folded (lower case, no
diacritics) into a :class:`Folded` text that remembers, for every character, where it came from,
so a match is always reported on the original text. A name's words match a text's words when they
are equal or share the name word's stem (``Granična policija`` finds ``Granične policije``,
``migration`` finds ``migrations``, ``Ministry`` finds ``Ministries``).

>>> f = Folded("Директорот на БЈБ Горанче Савовски")
>>> f.text
'direktorot na bjb gorance savovski'
>>> f.span(*f.find_words("Goranče Savovski"))
'Горанче Савовски'
>>> same_name("Mirka Kuprešakovića", "Mirko Kuprešaković"), same_name("Marko Vujević", "Mirko Kuprešaković")
(True, False)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from analysis.curation.ingest.lexicon import LOCAL_DEMONYMS

_CYR = dict(zip(
    "абвгдѓђежзѕијклљмнњопрстќћуфхцчџш",
    ["a", "b", "v", "g", "d", "g", "d", "e", "z", "z", "dz", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s",
     "t", "k", "c", "u", "f", "h", "c", "c", "dz", "s"], strict=True))  # the official Latin letters (ч = č, ќ = ḱ ...), folded
#: Latin letters folded to one plain letter (beyond what Unicode decomposition strips)
_LATIN = {"đ": "d", "ł": "l", "ø": "o", "ß": "s", "æ": "a", "œ": "o", "ı": "i"}
#: endings of inflected (BCMS) and plural (English) word forms, longest first
ENDINGS = ("ovima", "evima", "ama", "ima", "ove", "om", "em", "og", "oj", "ih", "im", "ies", "es", "a", "e", "i", "o", "u", "y", "s")
#: what may follow a stem in an inflected or plural form
_SUFFIXES = frozenset([*ENDINGS, "", "je", "ja", "ji", "ju", "jom", "ije", "iji", "ija", "iju", "ov", "ovi", "ova", "ovo", "ovog", "oga",
                       "ome", "omu", "ega", "emu", "ama", "ami", "ah", "ach", "ite", "ot", "ta", "to", "te", "ot", "ve", "ve", "n", "na",
                       "ne", "ni", "no", "nu", "ns", "ies", "s", "es",
                       # Albanian (folded ë): Ministri-a / -në / -së, Kosov-ës, Policis-ë; Macedonian articles: Министерство-то
                       "se", "ise", "ine", "it", "in", "ve", "t", "oto", "ata", "iot"])
#: case endings after a whole name word (not "-n": "Serbia-n" is the adjective): "Fronteks-a", "Делегација-та"
_WHOLE_ENDINGS = frozenset(["a", "u", "om", "em", "e", "i", "ot", "ta", "to", "te", "se", "it", "ja", "je", "ju", "jom", "ve"])
#: BCMS case endings of a three-letter noun ("sud": suda, sudu, sudom, sudovi)
_SHORT_ENDINGS = frozenset(["a", "u", "om", "ovi", "ova", "ove", "ovima"])
#: Albanian linking articles (folded), one word in a name's every case
_ARTICLES = frozenset(["e", "i", "te", "se"])
_TOKEN = re.compile(r"[a-z0-9]+|&")
_STOP = frozenset(["the"])


def fold_char(ch: str) -> str:
    """One character, lower-cased, transliterated and without diacritics (possibly several letters, or none)."""
    low = ch.lower()
    if low in _CYR:
        return _CYR[low]
    if low in _LATIN:
        return _LATIN[low]
    if low.isascii():
        return low
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if base.isascii() else low


class _FoldTable(dict):
    """str.translate table filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = out = fold_char(chr(code))
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """The text lower-cased, transliterated and without diacritics.

    >>> fold("Ministarstvo unutrašnjih poslova Crne Gore")
    'ministarstvo unutrasnjih poslova crne gore'
    """
    return text.translate(_TABLE)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A folded word without its ending, kept at least four letters long.

    >>> [stem(w) for w in ("policija", "policije", "migrations", "ministry", "ministries", "iom")]
    ['polici', 'polici', 'migration', 'ministr', 'ministr', 'iom']
    """
    if len(word) < 5 or word.isdigit():
        return word
    for end in ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            word = word[: -len(end)]
            break
    if word.endswith("ij") and len(word) > 5:
        word = word[:-1]  # policij-a, policij-e
    return word


@functools.lru_cache(maxsize=262144)
def words_match(form_word: str, text_word: str) -> bool:
    """Is ``text_word`` an inflected or plural form of ``form_word`` (both folded)?"""
    if form_word == text_word:
        return True
    if form_word in _ARTICLES and text_word in _ARTICLES:
        return True  # the Albanian linking article follows the case of the word before it: Ministria e / Ministrisë së
    if len(form_word) == 3 and form_word.isalpha() and text_word.startswith(form_word) and text_word[3:] in _SHORT_ENDINGS:
        return True  # a short noun's BCMS case: "Upravnog suda", "sudu"
    if len(form_word) < 4 or form_word.isdigit():
        return False
    if form_word.endswith("ja") and text_word[len(form_word) - 2:] in ("se", "ne", "n", "s") and text_word.startswith(form_word[:-2]):
        return True  # an Albanian definite noun in -ja: Byroja, Byrosë, Byronë
    if text_word.startswith(form_word) and text_word[len(form_word):] in _WHOLE_ENDINGS:
        return True  # the whole word with a case ending: "Fronteks-a", whose stem would lose the -s
    s = stem(form_word)
    return text_word.startswith(s) and text_word[len(s):] in _SUFFIXES and (text_word != s or s == form_word)


@dataclass
class Folded:
    """A text's folded form with, for each folded character, the index of the original character."""

    original: str
    text: str = ""
    origin: list[int] = field(default_factory=list)
    tokens: list[tuple[str, int, int]] = field(default_factory=list)  # (word, start, end) in the folded text

    def __post_init__(self):
        self.text = fold(self.original)
        if len(self.text) == len(self.original):
            self.origin = list(range(len(self.original)))
        else:
            origin: list[int] = []
            for i, ch in enumerate(self.original):
                origin.extend([i] * len(_TABLE[ord(ch)]))
            self.origin = origin
        self.tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(self.text) if m.group(0) not in _STOP]

    def orig(self, a: int, b: int) -> tuple[int, int]:
        """The original span of folded span [a, b)."""
        if a >= len(self.origin):
            return len(self.original), len(self.original)
        return self.origin[a], (self.origin[b - 1] + 1) if b > a else self.origin[a]

    def span(self, a: int, b: int) -> str:
        s, e = self.orig(a, b)
        return self.original[s:e]

    def find_words(self, phrase: str) -> tuple[int, int]:
        """Folded span of the first place the phrase's words occur in a row (-1, -1 if nowhere)."""
        words = [w for w in _TOKEN.findall(fold(phrase)) if w not in _STOP]
        for k in range(len(self.tokens) - len(words) + 1):
            if all(words_match(w, self.tokens[k + j][0]) for j, w in enumerate(words)):
                return self.tokens[k][1], self.tokens[k + len(words) - 1][2]
        return -1, -1


def form_words(form: str) -> tuple[str, ...]:
    return tuple(w for w in _TOKEN.findall(fold(form)) if w not in _STOP)


#: what may stand between two words of a name: spaces, punctuation, and "the", which names drop or keep ("Ministry of (the) Interior")
_GAP = re.compile(r"[\s,.'’\-–—/()]*(?:\bthe\b[\s,.'’\-–—/()]*)?")


class Matcher:
    """Names (with an id each) found word by word in a folded text; the longest name wins where names overlap.

    ``case``: acronyms (all capitals) must be capitals in the text too; other names must start with a capital.
    """

    def __init__(self) -> None:
        self.forms: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
        self._opening: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}  # text word: names it can open

    def add(self, form: str, key: str, words: tuple[str, ...] | None = None) -> None:
        """Add a name; ``words``: its folded words when the caller has them already (a faster load)."""
        words = words or form_words(form)
        if not words:
            return
        acronym = len(words) <= 3 and form.replace("-", "").replace(" ", "").isupper()
        entry = (words, key, form, acronym)
        self.forms.setdefault(words[0][:3], []).append(entry)
        self._opening.clear()

    def _names_opened_by(self, word: str) -> list[tuple[tuple[str, ...], str, str, bool]]:
        """The names whose first word ``word`` (folded) is, as written or inflected: worked out once per word."""
        names = self._opening.get(word)
        if names is None:
            names = [e for e in self.forms.get(word[:3], ()) if (word == e[0][0] if e[3] else words_match(e[0][0], word))]
            self._opening[word] = names
        return names

    def find(self, f: Folded, *, capitalised: bool = True) -> list[dict]:
        """Every match: {key, form, start, end (original offsets), text}; overlapping shorter matches dropped."""
        toks = f.tokens
        hits = []
        for k, (word, a, _) in enumerate(toks):
            left = len(toks) - k
            for words, key, form, acronym in self._names_opened_by(word):
                if len(words) > left:
                    continue
                ok = True
                for j, w in enumerate(words[1:], 1):
                    t = toks[k + j]
                    if not (t[0] == w if acronym else words_match(w, t[0])):
                        ok = False
                        break
                    gap = f.text[toks[k + j - 1][2]:t[1]]
                    if gap != " " and (not _GAP.fullmatch(gap) or ". " in gap):  # no name runs over the end of a sentence
                        ok = False
                        break
                if not ok:
                    continue
                end = toks[k + len(words) - 1][2]
                s, e = f.orig(a, end)
                raw = f.original[s:e]
                if acronym and not _acronym_case(raw, form):
                    continue
                if acronym and not raw.isupper() and raw != form and _common_word(f, raw, s):
                    continue  # "Help", "Care": a word, not the acronym HELP
                if capitalised and not acronym and not raw[:1].isupper() and not raw[:1].isdigit() and \
                        sum(w[:1].isupper() for w in raw.split()[1:]) < 2 and not _with_demonym(form, raw):
                    continue  # "departamentit për Kufirin dhe Migracionin": a lower-case head before a capitalised name
                hits.append({"key": key, "form": form, "start": s, "end": e, "text": raw})
        hits.sort(key=lambda h: (h["start"], -(h["end"] - h["start"])))
        out, reach = [], -1
        for h in hits:
            if out and (h["start"], h["end"]) == (out[-1]["start"], out[-1]["end"]) and h["key"] != out[-1]["key"]:
                out[-1].setdefault("alts", []).append(h["key"])  # one form, several names ("ICS"): the caller decides
                continue
            if h["start"] < reach:
                continue  # inside a longer name found at an earlier or the same start
            out.append(h)
            reach = h["end"]
        return out


def _with_demonym(form: str, raw: str) -> bool:
    """Does a form open with a country adjective before a capitalised name ("nemačkog Ministarstva unutrašnjih poslova"), or
    close with an Albanian one, which writes the body in lower case ("qeveria kosovare")? It names the country's body; a BCMS
    adjective before a lower-case noun is a description ("crnogorske granične policije")."""
    words, written = form.split(), raw.split()
    return len(words) > 1 and len(written) > 1 and (fold(words[-1]) in _DEMONYM_WORDS or
                                                    (fold(words[0]) in _DEMONYM_WORDS and written[1][:1].isupper()))


def _common_word(f: Folded, raw: str, start: int) -> bool:
    """Is a title-case word an ordinary one: written in lower case elsewhere in the text, opening a sentence, or a word of a
    longer capitalised name ("Association for Help and Development")?"""
    before, after = f.original[max(0, start - 30):start], f.original[start + len(raw):start + len(raw) + 30]
    return bool(re.search(rf"(?<!\w){re.escape(raw.lower())}(?!\w)", f.original)) or \
        bool(re.search(r"(?:^|[.!?:]\s+|\n\s*)$", before)) or \
        bool(re.search(r"[A-Z][\w’']*\s+(?:(?:for|of|and|the)\s+)?$", before)) or bool(re.match(r"\s+(?:(?:for|of|and|the)\s+)?[A-Z]", after))


def _acronym_case(raw: str, form: str) -> bool:
    """An acronym in capitals, as the record writes it, or of four letters or more in title case ("Cepol", "Ni-Co", "Frontex")."""
    letters = [c for c in raw if c.isalpha()]
    title = len(letters) >= 4 and all(w[:1].isupper() and w[1:].islower() for w in re.split(r"[-\s.]+", raw) if w)
    return bool(letters) and (all(c.isupper() for c in letters) or raw == form or title)


#: endings of BCMS personal names in the oblique cases (Mirk-a, Kuprešakovića, Laket-u, Žark-om)
_NAME_ENDINGS = ("ovoj", "oj", "om", "em", "u", "a", "e", "i", "o")


def name_stem(word: str) -> str:
    w = fold(word)
    if w.endswith("ica") and len(w) > 5:
        return w[:-1]  # -ić in the genitive (Kuprešakovića) keeps its -ić; names in -ica keep the stem too
    for end in _NAME_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            return w[: -len(end)]
    return w


def same_name(a: str, b: str) -> bool:
    """Are two written names the same person's, up to case endings, diacritics and script?"""
    x, y = fold(a).split(), fold(b).split()
    if x == y:
        return True
    return len(x) == len(y) and all(p == q or name_stem(p) == name_stem(q) for p, q in zip(x, y, strict=True))


_DEMONYM_WORDS = frozenset(fold(a) for pair in LOCAL_DEMONYMS.values() for a in "|".join(pair).split("|") if a)
