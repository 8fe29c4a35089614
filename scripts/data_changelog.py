"""Write the change-log section of a data release: every row added, changed (with its fields)
and removed (with the reason), table by table, against the data of an earlier git revision.

    python scripts/data_changelog.py --since v0.1-commit --reasons curation/reviews/removed-*.json > section.md
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.record.diff import diff, markdown


def _export(rev: str, folder: Path) -> Path:
    """The data/ folder as it was at ``rev`` (git archive into ``folder``)."""
    archive = subprocess.run(["git", "archive", rev, "data"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--since", required=True, help="git revision of the previous release")
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--reasons", type=Path, nargs="*", default=[], help="JSON files mapping removed ids to their reason")
    ap.add_argument("--default-reason", default="", help="reason for removed rows the files do not name")
    args = ap.parse_args()
    reasons: dict[str, str] = {}
    for path in args.reasons:
        reasons.update(json.loads(path.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        old = _export(args.since, Path(tmp))
        sys.stdout.write(markdown(diff(old, args.data), reasons, default_reason=args.default_reason))
    return 0


if __name__ == "__main__":
    sys.exit(main())
