"""Page text: HTML to plain text, sentences, line numbers; the evidence span."""

from __future__ import annotations

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
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


# --- what the record knows ------------------------------------------------------------------



_ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "m.a", "b.a", "h.e", "e.g", "i.e", "approx", "vs"])


def _sentences(text: str) -> list[tuple[int, int, str]]:
    """(line, offset in text, sentence) for every sentence. A full stop after a title or an
    initial ("Ms.", "M.A.", "J.") does not end a sentence."""
    out = []
    offset = 0
    for n, line in enumerate(text.split("\n"), start=1):
        start = 0
        for m in re.finditer(r"[.!?]+(?=\s+[A-Z\"“‘(]|\s*$)", line):
            word = re.search(r"(\S+)$", line[start:m.start()])
            token = (word.group(1) if word else "").lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            sentence = line[start:m.end()].strip()
            if sentence:
                out.append((n, offset + start + (len(line[start:m.end()]) - len(line[start:m.end()].lstrip())), sentence))
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append((n, offset + start + (len(line[start:]) - len(line[start:].lstrip())), rest))
        offset += len(line) + 1
    return out


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1
