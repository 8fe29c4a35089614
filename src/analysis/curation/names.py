"""Matching names in text: normalisation, slugs, and look-up tables built from name + aliases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

_SPACE = re.compile(r"\s+")
_CYRILLIC = dict(zip(
    "абвгдѓђежзѕијклљмнњопрстќћуфхцчџшАБВГДЃЂЕЖЗЅИЈКЛЉМНЊОПРСТЌЋУФХЦЧЏШ",
    ["a", "b", "v", "g", "d", "gj", "dj", "e", "zh", "z", "dz", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s", "t",
     "kj", "c", "u", "f", "h", "c", "ch", "dzh", "sh"] * 2, strict=True))
# the letters of Bulgarian, Russian and Ukrainian that Serbian and Macedonian Cyrillic lack
_CYRILLIC |= dict(zip("яющъйьыэёєїіЯЮЩЪЙЬЫЭЁЄЇІ",
                      ["ja", "ju", "sht", "a", "j", "", "y", "e", "jo", "je", "ji", "i"] * 2, strict=True))
# Greek, letter by letter as in ELOT 743 (the digraphs are handled in _greek)
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f",
                   "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"], strict=True))
_GREEK |= {k.upper(): v.capitalize() for k, v in _GREEK.items() if len(k.upper()) == 1 and k.upper() != k}
_GREEK_DIGRAPH = re.compile(r"([ΟοΑαΕε])([υύΥΎ])(?=([θκξπστφχψΘΚΞΠΣΤΦΧΨ]|\b)?)")
_TRANSLIT = str.maketrans({"đ": "dj", "Đ": "Dj", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                           "ı": "i", **_CYRILLIC, **_GREEK})


def _greek(text: str) -> str:
    """ου as "ou", γγ as "ng"; αυ and ευ as "af"/"ef" before a voiceless consonant or at the end, else "av"/"ev" (ELOT 743)."""
    if not any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in text):
        return text
    text = text.replace("γγ", "ng").replace("Γγ", "Ng").replace("ΓΓ", "NG")

    def pair(m: re.Match) -> str:
        first = m.group(1)
        if first in "Οο":
            return first + "u"
        return first + ("f" if m.group(3) is not None else "v")
    return _GREEK_DIGRAPH.sub(pair, text)


def normalise(text: str) -> str:
    """Case-, accent- and space-insensitive form of a name.

    >>> normalise("  Tamara  Mugoša ")
    'tamara mugosa'
    >>> normalise("Đorđe") == normalise("Djordje")
    True
    >>> normalise("Скопје")
    'skopje'
    >>> normalise("Ελευθέριος Οικονόμου")
    'eleftherios oikonomou'
    """
    text = unicodedata.normalize("NFKD", _greek(text).translate(_TRANSLIT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACE.sub(" ", text).strip().casefold()


def slug(text: str) -> str:
    """Identifier form of a name.

    >>> slug("Banja Koviljača")
    'banja-koviljaca'
    >>> slug("İsmail Çataklı")
    'ismail-catakli'
    >>> slug("Румяна Бъчварова")
    'rumjana-bachvarova'
    >>> slug("Τάκης Θεοδωρικάκος"), slug("Ευάγγελος Αυγερινός")
    ('takis-theodorikakos', 'evangelos-avgerinos')
    """
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def split_aliases(value: object) -> list[str]:
    """The '|'-separated aliases of a cell; missing values (None, NaN, NA) give none.

    >>> split_aliases("Skopje| Shkup ")
    ['Skopje', 'Shkup']
    """
    if not isinstance(value, str):
        return []
    return [a.strip() for a in str(value).split("|") if a.strip()]


class Lookup:
    """Exact look-up of normalised names and aliases to ids (first declared wins)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self.index: dict[str, str] = {}
        for name, ident in pairs:
            self.index.setdefault(normalise(name), ident)

    @classmethod
    def from_frame(cls, df: pd.DataFrame, id_col: str, name_cols: Iterable[str], alias_col: str | None = "aliases") -> Lookup:
        pairs: list[tuple[str, str]] = []
        for row in df.itertuples(index=False):
            ident = getattr(row, id_col)
            pairs.append((ident, ident))
            for col in name_cols:
                value = getattr(row, col)
                if isinstance(value, str) and value:
                    pairs.append((value, ident))
            if alias_col:
                pairs.extend((a, ident) for a in split_aliases(getattr(row, alias_col)))
        return cls(pairs)

    def get(self, name: str) -> str | None:
        return self.index.get(normalise(name))
