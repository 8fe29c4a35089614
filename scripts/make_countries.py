"""Regenerate data/countries.csv (ISO 3166-1 alpha-2 reference list plus Kosovo as XK).

Run once when pycountry's ISO data changes: ``python scripts/make_countries.py``.
The MARRI Participants are flagged; everything else is the ISO standard as pycountry ships it.
"""

import csv
import os
import tempfile
from pathlib import Path

import pycountry

MARRI_PARTICIPANTS = {"AL", "BA", "XK", "ME", "MK", "RS"}
OUT = Path(__file__).resolve().parents[1] / "data" / "countries.csv"


def main() -> None:
    rows = [(c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    rows.append(("XK", "Kosovo*"))
    rows.sort()
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["country_code", "name", "marri_participant"])
        for code, name in rows:
            w.writerow([code, name, "true" if code in MARRI_PARTICIPANTS else "false"])
    os.replace(tmp, OUT)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
