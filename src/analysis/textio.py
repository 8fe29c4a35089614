"""Reading text people hand to the workbook (press releases, drafts): bounded in size, UTF-8
checked with line and column, NUL bytes refused, every failure one clear message.

>>> decode(b"ok\\n", "x.txt")
'ok\\n'
>>> decode(b"line one\\nbad \\xff byte", "x.txt")
Traceback (most recent call last):
...
analysis.errors.AnalysisError: x.txt: not UTF-8 text at line 2, column 5; save it as UTF-8
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from analysis.errors import AnalysisError


def _where(data: bytes, pos: int) -> tuple[int, int]:
    return data.count(b"\n", 0, pos) + 1, pos - (data.rfind(b"\n", 0, pos) + 1) + 1


def decode(data: bytes, label: str) -> str:
    """``data`` as text, or an error naming the line and column of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _where(data, exc.start)
        raise AnalysisError(f"{label}: not UTF-8 text at line {line}, column {col}; save it as UTF-8") from None
    nul = data.find(b"\0")
    if nul != -1:
        line, col = _where(data, nul)
        raise AnalysisError(f"{label}: a NUL byte at line {line}, column {col}; this is not a text file")
    return text.removeprefix(codecs.BOM_UTF8.decode())


def read_text(source: Path | str, *, limit: int, what: str = "text") -> tuple[str, str]:
    """(text, label) of a file, or of standard input when ``source`` is ``-``; at most ``limit`` bytes."""
    if str(source) == "-":
        label, data = "standard input", sys.stdin.buffer.read(limit + 1)
    else:
        label = str(source)
        try:
            with open(source, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError:
            raise AnalysisError(f"{label}: no such file") from None
        except IsADirectoryError:
            raise AnalysisError(f"{label}: is a folder; give the {what} file") from None
        except OSError as exc:
            raise AnalysisError(f"{label}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise AnalysisError(f"{label}: larger than {limit:,} bytes, the limit for a {what}; "
                            "split it or pass only the part that matters")
    return decode(data, label), label
