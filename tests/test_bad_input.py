"""Bad input and operating-system failures: one clear line naming the path or value, exit 1,
no traceback, and no file of the package changed."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import run_forked, snapshot

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "marri-interpol-lyon.txt"
RELEASE = "Skopje – MARRI and IOM held a workshop on readmission on 3 March 2021 with delegations of Albania and Serbia.\n"


def run(*args: str, stdin: bytes | None = None, preexec=None, fork: bool = True) -> subprocess.CompletedProcess:
    """``python -m analysis *args``: by default a fork of this process (conftest.run_forked: no
    Python start-up, no pandas import), or a new one (``fork=False``, where a limit on the
    address space would hit what this process has already mapped)."""
    if not fork:
        return subprocess.run([sys.executable, "-m", "analysis", *args], input=stdin, capture_output=True, timeout=120,
                              preexec_fn=preexec)
    return run_forked(*args, stdin=stdin, preexec=preexec)


def _one_clear_line(out: subprocess.CompletedProcess, *needles: str) -> str:
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 1, (out.returncode, err)
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, err)
    return lines[0]


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def test_ingest_output_into_a_missing_folder(release: Path, tmp_path: Path):
    target = tmp_path / "missing" / "draft.yaml"
    _one_clear_line(run("ingest", str(release), "-o", str(target)), str(target), "does not exist")
    assert not target.parent.exists()


def test_ingest_output_onto_a_folder(release: Path, tmp_path: Path):
    _one_clear_line(run("ingest", str(release), "-o", str(tmp_path)), str(tmp_path), "is a folder")


def test_ingest_output_onto_a_pipe_writes_into_it_and_keeps_the_pipe(release: Path, tmp_path: Path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    out = run("ingest", str(release), "-o", str(pipe))
    reader.join(timeout=60)
    assert out.returncode == 0, out.stderr
    assert b"MARRI" in got[0] and b"title:" in got[0]
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the pipe was replaced by a file"


def test_ingest_a_folder_as_the_release(tmp_path: Path):
    _one_clear_line(run("ingest", str(tmp_path)), str(tmp_path), "is a folder")


def test_ingest_refuses_invalid_utf8_on_stdin_with_its_position():
    line = _one_clear_line(run("ingest", "-", stdin=b"first line\nsecond \xff line\n"), "standard input")
    assert "line 2, column 8" in line


def test_ingest_refuses_nul_bytes(tmp_path: Path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"Skopje\n\x00\x01")
    _one_clear_line(run("ingest", str(path)), str(path), "NUL byte at line 2, column 1")


def test_ingest_refuses_input_above_the_documented_size(tmp_path: Path):
    from analysis.curation.ingest import MAX_INPUT_BYTES

    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_INPUT_BYTES + 1))
    _one_clear_line(run("ingest", str(path)), str(path), f"{MAX_INPUT_BYTES:,}")


def test_draft_with_a_yaml_alias_bomb_is_refused_without_expanding(pkg: Path, tmp_path: Path):
    bomb = tmp_path / "bomb.yaml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(pkg)

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # an expanded bomb would need far more

    _one_clear_line(run("--data", str(pkg), "add", str(bomb), preexec=limit_memory, fork=False), str(bomb), "aliases")
    assert snapshot(pkg) == before


def test_add_past_a_file_size_limit_changes_nothing(pkg: Path, tmp_path: Path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(json.dumps({"title": "Workshop on readmission in Skopje", "url": "https://example.org/fsize",
                                 "kind": "workshop", "date_start": "2003-03-03", "topics": ["readmission"]}), encoding="utf-8")
    before = snapshot(pkg)

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    _one_clear_line(run("--data", str(pkg), "add", str(draft), preexec=small_files), str(pkg), "nothing was added")
    assert snapshot(pkg) == before
    assert not [p for p in pkg.iterdir() if p.name.startswith(".add-")]


def test_data_option_pointing_at_a_file(tmp_path: Path):
    path = tmp_path / "events.csv"
    path.write_text("x\n", encoding="utf-8")
    _one_clear_line(run("--data", str(path), "validate"), str(path))


@pytest.mark.parametrize("where", ["../../etc/passwd", "/etc/passwd", "https://example.org/events.csv"])
def test_resource_paths_must_stay_inside_the_package(pkg: Path, where: str):
    descriptor = pkg / "datapackage.json"
    raw = json.loads(descriptor.read_text(encoding="utf-8"))
    raw["resources"][0]["path"] = where
    descriptor.write_text(json.dumps(raw), encoding="utf-8")
    line = _one_clear_line(run("--data", str(pkg), "validate"), "leaves the package folder", where)
    assert "root:" not in line


def test_multipart_resource_path_is_refused(pkg: Path):
    descriptor = pkg / "datapackage.json"
    raw = json.loads(descriptor.read_text(encoding="utf-8"))
    raw["resources"][0]["path"] = ["countries-1.csv", "countries-2.csv"]
    descriptor.write_text(json.dumps(raw), encoding="utf-8")
    _one_clear_line(run("--data", str(pkg), "validate"), "multipart")


def test_nul_byte_in_a_field_is_located(pkg: Path):
    data = (pkg / "events.csv").read_bytes()
    at = data.index(b"\n", data.index(b"\n") + 1) + 1 + 3  # the 4th character of the second data row
    (pkg / "events.csv").write_bytes(data[:at] + b"\x00" + data[at:])
    out = run("--data", str(pkg), "validate")
    assert out.returncode == 1
    report = out.stdout.decode() + out.stderr.decode()
    assert "events.csv:3: [nul-byte] a NUL byte at character 4" in report


def test_validate_warns_about_formula_like_cells_but_passes(pkg: Path):
    from conftest import set_cell

    set_cell(pkg / "events.csv", 2, "title", "=HYPERLINK(\"http://evil.example\")")
    out = run("--data", str(pkg), "validate")
    err = out.stderr.decode()
    assert out.returncode == 0, err
    assert "warning: events.csv:4, column 'title'" in err and "[formula-like]" in err
    assert "1 warning(s)" in out.stdout.decode()


def test_a_five_megabyte_field_is_reported_not_fatal(pkg: Path):
    import csv

    table = list(csv.reader((pkg / "organisations.csv").open(encoding="utf-8", newline="")))
    table[3][1] = "x" * 5_000_000
    with (pkg / "organisations.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    out = run("--data", str(pkg), "validate")
    report = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in report
    assert "organisations.csv:4, column 'name'" in report and "[max-length]" in report
    ingest = run("--data", str(pkg), "ingest", "-", stdin=RELEASE.encode())
    assert ingest.returncode == 0, ingest.stderr.decode()


def test_a_header_name_with_spaces_is_named(pkg: Path):
    text = (pkg / "events.csv").read_text(encoding="utf-8")
    (pkg / "events.csv").write_text(text.replace("title,", "title ,", 1), encoding="utf-8")
    out = run("--data", str(pkg), "validate")
    report = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in report and "internal error" not in report
    assert "events.csv:1, column 'title'" in report and "spaces around it" in report


def test_plain_pandas_reads_namibia_as_a_code_with_the_documented_call():
    import pandas as pd

    from analysis.record.declaration import read_package

    package = read_package()
    raw = json.loads(package.descriptor_path.read_text(encoding="utf-8"))
    assert all(r["schema"].get("missingValues") == [""] for r in raw["resources"])
    countries = pd.read_csv(package.data_dir / "countries.csv", dtype=str, keep_default_na=False, na_values=[""])
    assert "NA" in set(countries.country_code)
    assert "keep_default_na=False" in (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("errno_name", "words"), [("EROFS", "Read-only"), ("ENOSPC", "No space")])
def test_add_on_a_read_only_or_full_disk_says_so_and_changes_nothing(pkg: Path, tmp_path: Path, monkeypatch,
                                                                      errno_name, words):
    import errno
    import os

    from analysis.curation import append
    from analysis.errors import AnalysisError

    draft = tmp_path / "draft.yaml"
    draft.write_text(json.dumps({"title": "Workshop on asylum in Skopje", "url": "https://example.org/ro",
                                 "date_start": "2003-03-04", "topics": ["asylum"]}), encoding="utf-8")
    before = snapshot(pkg)
    code = getattr(errno, errno_name)

    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(append.tempfile, "mkdtemp", refuse)
    with pytest.raises(AnalysisError, match=f"{pkg}.*{words}.*nothing was added"):
        append.add_drafts(draft, pkg)
    assert snapshot(pkg) == before


@pytest.mark.parametrize("fmt", ["xlsx", "sqlite", "duckdb", "parquet", "stata"])
def test_export_past_a_file_size_limit_names_the_target_and_keeps_the_old_file(tmp_path: Path, fmt: str):
    # a full disk, as a file-size limit: the message names the target, nothing half-written is left
    # and an earlier export under the same name is untouched (xlsx used to print a zipfile traceback,
    # sqlite and duckdb an "internal error")
    target = tmp_path / f"record.{fmt}"
    earlier = target / f"events.{'parquet' if fmt == 'parquet' else 'dta'}"  # a file an earlier export wrote
    if fmt in ("parquet", "stata"):
        target.mkdir()
        earlier.write_text("earlier export", encoding="utf-8")
    else:
        target.write_text("earlier export", encoding="utf-8")

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    line = _one_clear_line(run("export", "--format", fmt, "-o", str(target), preexec=small_files), str(target),
                           "nothing was changed")
    assert "File too large" in line or "full" in line or "write" in line
    kept = earlier if fmt in ("parquet", "stata") else target
    assert kept.read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_output_past_a_file_size_limit_names_standard_output(tmp_path: Path):
    # `info > file` past a file-size limit said "error: File too large" without saying which file
    out = tmp_path / "info.txt"

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000, 2_000))

    with out.open("w") as fh:
        done = subprocess.run([sys.executable, "-m", "analysis", "info"], stdout=fh, stderr=subprocess.PIPE, timeout=120,
                              preexec_fn=small_files)
    _one_clear_line(done, "standard output", "File too large")
