"""A file that is not UTF-8 is reported, not read: every bad line (up to 20) with the byte it
fails at, counted from 1, and the text around it, so the cell can be found in an editor."""

from __future__ import annotations

from pathlib import Path

from analysis.record.declaration import read_package
from analysis.record.reading import _invalid_utf8, read_raw


def test_each_bad_line_is_located_with_its_byte_and_context(pkg: Path):
    path = pkg / "topics.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"0123456789abcdefghij\xffklmnopqrstuvwxyz,a,b,c,d"
    lines[4] = b"\xe9t\xe9,a,b,c,d"  # Latin-1, as an old spreadsheet saves it
    path.write_bytes(b"\n".join(lines))
    raw = read_raw(read_package(pkg).resource("topics"), pkg)
    assert raw.table is None
    assert [(p.file, p.line, p.value, p.rule, p.message) for p in raw.problems] == [
        ("topics.csv", 3, "abcdefghij\ufffdklmnopqrs", "encoding", "not valid UTF-8 at byte 21 of the line; save the file as UTF-8"),
        ("topics.csv", 5, "\ufffdt\ufffd,a,b,c,", "encoding", "not valid UTF-8 at byte 1 of the line; save the file as UTF-8"),
    ]


def test_a_bad_byte_near_the_start_shows_what_there_is():
    assert _invalid_utf8(b"ok\nab\xffcd\n") == [(2, 3, "ab\ufffdcd")]


def test_at_most_twenty_lines_are_listed():
    data = b"\n".join([b"fine"] + [b"bad \xff"] * 30)
    found = _invalid_utf8(data)
    assert len(found) == 20
    assert [line for line, _, _ in found] == list(range(2, 22))
    assert _invalid_utf8(data, limit=3) == [(n, 5, "bad \ufffd") for n in (2, 3, 4)]


def test_a_line_both_ragged_and_not_utf8_is_reported_as_an_encoding_problem(pkg: Path):
    """It used to come back as 'cannot be read as CSV' with no line: Arrow fails decoding the row
    for its ragged-row handler before it reports the encoding."""
    path = pkg / "topics.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"caf\xe9 without the other fields"
    path.write_bytes(b"\n".join(lines))
    raw = read_raw(read_package(pkg).resource("topics"), pkg)
    assert [(p.line, p.rule) for p in raw.problems] == [(3, "encoding")]
