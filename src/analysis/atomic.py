"""Writing files so that readers see the old version or the new one, never half of one."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from analysis.errors import AnalysisError


def umask() -> int:
    """The process's file-creation mask (read without changing it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place; on failure
    ``path`` is untouched and the error names ``path`` (not the temporary file)."""
    path = Path(path)
    if path.is_dir():
        raise AnalysisError(f"{path}: is a folder; give a file name to write")
    if not path.parent.is_dir():
        raise AnalysisError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not path.is_file():  # a device or pipe (/dev/stdout, a fifo): write to it, never replace it
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise AnalysisError(f"{path}: could not be written ({exc.strerror or exc})") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise AnalysisError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise AnalysisError(f"{path}: could not be written ({exc.strerror or exc}); the file was left as it was") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_csv_atomic(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """A table in the given column order (header first, LF line ends), written whole or not at all."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomic(path, out.getvalue())
