"""Where data enters: read one resource's CSV into an Arrow table of strings.

Nothing is typed here; :mod:`analysis.record.checks` checks the strings against the declaration and
:mod:`analysis.record.load` converts them. Files are only ever read, never modified. UTF-8 with or
without a byte-order mark and CRLF line ends are accepted; values may contain quoted newlines.
"""

from __future__ import annotations

import codecs
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from analysis.errors import Problem
from analysis.record.declaration import Resource


@dataclass
class RawTable:
    """A resource's rows as strings (empty string = missing), with what went wrong reading it."""

    resource: Resource
    path: Path
    table: pa.Table | None
    problems: list[Problem] = field(default_factory=list)
    _lines: list[int] | None = None

    @property
    def label(self) -> str:
        return self.path.name

    def line_of(self, row: int) -> int:
        """Line number (1-based, header is line 1) where data row ``row`` (0-based) starts."""
        if self._lines is None:
            self._lines = record_lines(self.path, len(self.resource.field_names) if self.table is None else self.table.num_columns)
        if row < len(self._lines):
            return self._lines[row]
        return row + 2


def _records(path: Path):
    """(start line, fields) of every CSV record, header included, as Python's csv module reads them."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.reader(fh)
        line = 1
        for rec in reader:
            start, line = line, reader.line_num + 1
            yield start, rec


def record_lines(path: Path, ncols: int) -> list[int]:
    """Start line of each well-formed data record, as the Arrow reader keeps them.

    Only computed when a problem must be located, so the fast path never pays for it.
    Blank lines and rows with the wrong number of fields are skipped, as the reader skips them.
    """
    records = _records(path)
    next(records, None)  # the header
    return [start for start, rec in records if rec and len(rec) == ncols]


def _quiet_row_handler_failures(hook=sys.unraisablehook):
    """Arrow decodes a ragged row's text before calling ``read_raw``'s row handler and, when the
    row is not UTF-8, reports the failure as an "exception ignored" and then raises ArrowInvalid,
    which ``read_raw`` turns into an encoding problem with its line. The first report is noise."""

    def quiet(unraisable) -> None:
        if getattr(unraisable.object, "__qualname__", "") != "read_raw.<locals>.on_invalid":
            hook(unraisable)

    return quiet


sys.unraisablehook = _quiet_row_handler_failures()


def read_raw(resource: Resource, data_dir: Path) -> RawTable:
    path = Path(data_dir) / resource.path
    raw = RawTable(resource=resource, path=path, table=None)
    label = path.name
    if not path.exists():
        raw.problems.append(Problem(label, None, None, None, "missing-file", f"file not found at {path}"))
        return raw
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    text_start = 3 if head.startswith(codecs.BOM_UTF8) else 0
    if not head[text_start:].strip():
        raw.problems.append(Problem(label, None, None, None, "empty-file", "the file is empty; it needs at least the header line"))
        return raw
    first_line = head[text_start:].split(b"\n", 1)[0].rstrip(b"\r")
    try:
        header = next(csv.reader([first_line.decode("utf-8")]))
    except UnicodeDecodeError:
        return _encoding_problems(raw)
    padded = [h for h in header if h != h.strip()]
    if padded:
        for h in padded:
            raw.problems.append(Problem(label, 1, h.strip(), h, "header", f"the column name {h!r} has spaces around it; "
                                        f"write it as {h.strip()!r}"))
        return raw
    expected = resource.field_names
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    for c in missing:
        raw.problems.append(Problem(label, 1, c, None, "missing-column", f"required column '{c}' is not in the header"))
    for c in unknown:
        raw.problems.append(
            Problem(label, 1, c, c, "unknown-column", f"column '{c}' is not declared in datapackage.json (expected: {', '.join(expected)})")
        )
    dupes = {c for c in header if header.count(c) > 1}
    for c in sorted(dupes):
        raw.problems.append(Problem(label, 1, c, c, "duplicate-column", f"column '{c}' appears more than once in the header"))
    if missing or unknown or dupes:
        return raw

    nul = _nul_bytes(path)
    if nul:
        for line, col in nul:
            raw.problems.append(Problem(label, line, None, None, "nul-byte",
                                        f"a NUL byte at character {col} of the line; remove it (it is not text)"))
        return raw

    invalid: list[tuple[int, int]] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        invalid.append((row.expected_columns, row.actual_columns))
        return "skip"

    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=True, block_size=8 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:
        # a row that is both ragged and not UTF-8 fails in the row handler, not as an encoding error
        if "utf8" in str(exc).lower() or _invalid_utf8(path.read_bytes(), limit=1):
            return _encoding_problems(raw)
        raw.problems.append(Problem(label, None, None, None, "csv", f"cannot be read as CSV: {exc}"))
        return raw
    raw.table = table.select(expected)
    if invalid:
        for line, n in _ragged_lines(path, len(header)):
            raw.problems.append(
                Problem(label, line, None, None, "field-count", f"row has {n} fields, the header has {len(header)}; check quoting and commas")
            )
    return raw


def _nul_bytes(path: Path, limit: int = 20) -> list[tuple[int, int]]:
    """(line, column) of NUL bytes in the file, found with one memchr pass (mmap)."""
    import mmap

    out: list[tuple[int, int]] = []
    if path.stat().st_size == 0:
        return out
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        pos = data.find(b"\0")
        if pos == -1:
            return out
        text = data[:]  # only files that hold a NUL are read whole, to count their lines
    while pos != -1 and len(out) < limit:
        line_start = text.rfind(b"\n", 0, pos) + 1
        out.append((text.count(b"\n", 0, pos) + 1, pos - line_start + 1))
        pos = text.find(b"\0", pos + 1)
    return out


def _ragged_lines(path: Path, ncols: int) -> list[tuple[int, int]]:
    return [(start, len(rec)) for start, rec in _records(path) if rec and len(rec) != ncols]


def _encoding_problems(raw: RawTable) -> RawTable:
    for line, col, snippet in _invalid_utf8(raw.path.read_bytes()):
        raw.problems.append(Problem(raw.label, line, None, snippet, "encoding",
                                    f"not valid UTF-8 at byte {col} of the line; save the file as UTF-8"))
    return raw


def _invalid_utf8(data: bytes, limit: int = 20) -> list[tuple[int, int, str]]:
    out = []
    for n, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.append((n, exc.start + 1, line[max(0, exc.start - 10) : exc.start + 10].decode("utf-8", "replace")))
            if len(out) >= limit:
                break
    return out
