"""Regenerate data/countries.csv (ISO 3166-1 alpha-2 reference list plus Kosovo as XK).

Run once when pycountry's ISO data changes: ``python scripts/make_countries.py``.
The MARRI Participants are flagged; everything else is the ISO standard as pycountry ships it.
"""

import csv
import io
from pathlib import Path

import pycountry

from analysis.atomic import write_text_atomic

MARRI_PARTICIPANTS = {"AL", "BA", "XK", "ME", "MK", "RS"}
#: Names, adjectives and local-language names that press releases of the region use.
ALIASES = {
    "AL": "Albanian|Shqipëri|Shqipëria|Republic of Albania",
    "BA": "BiH|Bosnia|Bosnian|B&H|Bosna i Hercegovina|Bosne i Hercegovine",
    "XK": "Kosovo|Kosova|Kosovar",
    "ME": "Montenegrin|Crna Gora|Crne Gore|Republic of Montenegro",
    "MK": "Macedonia|Macedonian|Republic of Macedonia|Republic of North Macedonia|Северна Македонија|FYROM",
    "RS": "Serbian|Srbija|Srbije|Republic of Serbia",
    "HR": "Croatian|Hrvatska|Republic of Croatia",
    "SI": "Slovenian|Slovene|Slovenija",
    "BG": "Bulgarian",
    "RO": "Romanian",
    "HU": "Hungarian",
    "GR": "Greek|Hellenic Republic",
    "AT": "Austrian",
    "DE": "German",
    "CZ": "Czech Republic|Czech",
    "IT": "Italian",
    "CH": "Swiss",
    "MD": "Moldova|Moldovan",
    "TR": "Turkey|Turkish",
}
OUT = Path(__file__).resolve().parents[1] / "data" / "countries.csv"


def main() -> None:
    rows = [(c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    rows.append(("XK", "Kosovo*"))
    rows.sort()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["country_code", "name", "marri_participant", "aliases"])
    for code, name in rows:
        w.writerow([code, name, "true" if code in MARRI_PARTICIPANTS else "false", ALIASES.get(code, "")])
    write_text_atomic(OUT, buf.getvalue())
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
