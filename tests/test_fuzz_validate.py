"""Property: whatever happens to the files of a valid package (bytes inserted or lost, rows
duplicated or dropped, columns moved or removed, another encoding, cells full of quotes, NULs,
newlines or formulas), ``validate`` exits 0 or 1 without a traceback, every problem it reports
names its file (and a line wherever the file could be read), and no file changes."""

from __future__ import annotations

import contextlib
import io
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import cli
from analysis.record.declaration import read_package
from analysis.record.load import check
from conftest import DATA

FILES = sorted(p.name for p in DATA.glob("*.csv"))
#: problems about a whole file, which have no line to point at
FILE_LEVEL = {"missing-file", "empty-file", "encoding", "csv", "missing-column", "unknown-column", "duplicate-column"}


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


MUTATIONS = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("duplicate-line"), st.integers(0, 10**6)),
    st.tuples(st.just("drop-line"), st.integers(0, 10**6)),
    st.tuples(st.just("swap-header"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("drop-header-field"), st.integers(0, 50)),
    st.tuples(st.just("encoding"), st.sampled_from(["latin-1", "utf-16", "cp1250"])),
    st.tuples(st.just("truncate"), st.integers(0, 10**6)),
    st.tuples(st.just("bom-crlf"), st.booleans()),
    st.tuples(st.just("cell"), st.integers(1, 10**6), st.integers(0, 50),
              st.text(alphabet=st.sampled_from(list('",\n\r\x00=+-@<>;|é ђ')), max_size=12)),
)


def _mutate(data: bytes, mutation: tuple) -> bytes:
    kind, *args = mutation
    size = max(len(data), 1)
    if kind == "insert":
        at = args[0] % size
        return data[:at] + args[1] + data[at:]
    if kind == "delete":
        at = args[0] % size
        return data[:at] + data[at + args[1]:]
    if kind == "truncate":
        return data[: args[0] % size]
    lines = _lines(data)
    if kind == "duplicate-line":
        i = args[0] % len(lines)
        return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1:]])
    if kind == "drop-line":
        i = args[0] % len(lines)
        return b"\n".join(lines[:i] + lines[i + 1:])
    if kind in ("swap-header", "drop-header-field"):
        header = lines[0].split(b",")
        i = args[0] % len(header)
        if kind == "swap-header":
            j = args[1] % len(header)
            header[i], header[j] = header[j], header[i]
        else:
            del header[i]
        return b"\n".join([b",".join(header), *lines[1:]])
    if kind == "encoding":
        return data.decode("utf-8").encode(args[0], errors="replace")
    if kind == "bom-crlf":
        body = data.replace(b"\n", b"\r\n") if args[0] else data
        return b"\xef\xbb\xbf" + body
    if kind == "cell":
        i = 1 + args[0] % max(len(lines) - 1, 1)
        cells = lines[i].split(b",") if i < len(lines) else [b""]
        cells[args[1] % len(cells)] = args[2].encode("utf-8")
        lines[i:i + 1] = [b",".join(cells)]
        return b"\n".join(lines)
    raise AssertionError(kind)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(FILES), mutation=MUTATIONS)
def test_validate_survives_any_damage(tmp_path_factory, small_record, file: str, mutation: tuple):
    # the small valid record (every table, a few events) damaged: as telling as the full one, faster to copy and check
    pkg = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(small_record, pkg)
    target = pkg / file
    target.write_bytes(_mutate(target.read_bytes(), mutation))
    before = {p.name: p.read_bytes() for p in pkg.iterdir()}

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["--data", str(pkg), "validate"])
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()
    assert {p.name: p.read_bytes() for p in pkg.iterdir()} == before

    read_package.cache_clear()
    checked = check(pkg)
    assert (code == 0) == checked.ok
    for problem in checked.problems:
        assert problem.file and problem.rule and problem.message, problem
        if problem.rule not in FILE_LEVEL and not problem.message.startswith("... and"):
            assert problem.line is not None or problem.file == "datapackage.json", problem
