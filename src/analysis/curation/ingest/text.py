"""Stage 2, sentences: plain text (a fallback for HTML without an article), sentences with their offsets, evidence spans."""

from __future__ import annotations

import bisect
import html.parser
import re
from dataclasses import dataclass
from typing import ClassVar


@dataclass
class Span:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r}"


class _TextOnly(html.parser.HTMLParser):
    BLOCK: ClassVar[set[str]] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "head"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "head") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(raw: str) -> str:
    """Press-release text; HTML is reduced to its visible text, one block per line.

    >>> plain_text("<html><head><title>x</title></head><body><p>Skopje &ndash; met</p><script>s()</script></body></html>")
    'Skopje – met'
    """
    if re.search(r"<(html|body|p|div|br|span|h\d)\b", raw, re.I):
        parser = _TextOnly()
        parser.feed(raw)
        raw = "".join(parser.parts)
    lines = [_GLUED_TIME.sub(r"\1 ", re.sub(r"[ \t\u00a0]+", " ", line).strip()) for line in raw.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


#: a page's time stamp glued to the first word of the text ("27.06.2023. | 12:58Direktor Granične policije ..."): a space
#: goes between, so the word opens a title rather than ending a number
_GLUED_TIME = re.compile(r"(\b\d{1,2}[:.]\d{2})(?=[A-ZČĆŠŽĐÇËÄÖÜА-ЯЃЌЅЉЊЏЈЂЋ][a-zčćšžđçëäöüа-яѓќѕљњџјђћ])")


_ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "m.a", "b.a", "h.e", "e.g", "i.e", "approx", "vs",
                            "g", "gđa", "gđica", "gdin", "z", "znj", "г", "г-дин", "г-ѓа", "г-ца", "gosp", "doc", "mag", "ing",
                            "u.s", "u.k", "a.i", "u.d", "v.d"])  # "U.S. Charge d'Affaires a.i. X", "u.d. Drejtori": no sentence ends
_UPPER = "A-ZČĆŠŽĐÇËÄÖÜА-ЯЃЌЅЉЊЏЈЂЋ"
_END = re.compile(rf"[.!?]+(?=\s+[\"“‘(„«]?[{_UPPER}]|\s*$)")


@dataclass
class Sentence:
    line: int
    start: int  # offset in the text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> list[Sentence]:
    """Every sentence with its line and offset. A full stop after a title, an honorific or an initial
    ("Ms.", "g.", "M.A.", "J.") does not end a sentence; a line break always does.

    >>> [s.text for s in sentences("Mr. J. Smith met g. Petrović. They talked.\\nSkopje")]
    ['Mr. J. Smith met g. Petrović.', 'They talked.', 'Skopje']
    """
    out = []
    offset = 0
    for n, line in enumerate(text.split("\n"), start=1):
        start = 0
        for m in _END.finditer(line):
            word = re.search(r"(\S+)$", line[start:m.start()])
            token = (word.group(1) if word else "").lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            chunk = line[start:m.end()]
            if chunk.strip():
                out.append(Sentence(n, offset + start + len(chunk) - len(chunk.lstrip()), chunk.strip()))
            start = m.end()
        rest = line[start:]
        if rest.strip():
            out.append(Sentence(n, offset + start + len(rest) - len(rest.lstrip()), rest.strip()))
        offset += len(line) + 1
    return out


_STARTS: dict[int, tuple[list[Sentence], list[int]]] = {}


def sentence_at(sents: list[Sentence], pos: int) -> Sentence | None:
    """The sentence holding offset ``pos`` (the offsets of a list are indexed once: many look-ups stay fast)."""
    cached = _STARTS.get(id(sents))
    if cached is None or cached[0] is not sents or len(cached[1]) != len(sents):
        _STARTS.clear()
        cached = _STARTS[id(sents)] = (sents, [s.start for s in sents])
    k = bisect.bisect_right(cached[1], pos) - 1
    return sents[k] if k >= 0 and pos < sents[k].end + 1 else None


def language_country(text: str) -> str | None:
    """The country whose language alone writes the text: Macedonian has letters no other language of the region uses
    (ѓ, ќ, ѕ); the region's other languages are written in more than one country, and give None.

    >>> language_country("Министерот ќе ја пречека делегацијата и ќе оствари средба"), language_country("Ministar unutrašnjih poslova")
    ('MK', None)
    """
    return "MK" if len(re.findall(r"[ѓќѕЃЌЅ]", text)) >= 2 else None


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1
