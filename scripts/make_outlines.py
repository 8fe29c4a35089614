"""Write the country outlines the map report draws: a European extract of Natural Earth's
1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com/), read from the copy
that the pyogrio wheel ships among its test fixtures, so nothing is downloaded.

Maintainers only, when the extract should change:
    .venv/bin/pip install pyogrio==0.13.0 && .venv/bin/python scripts/make_outlines.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pycountry
import pyogrio
import pyogrio.raw

TARGET = Path(__file__).resolve().parents[1] / "src" / "analysis" / "reports" / "assets" / "countries-110m-europe.geojson"
BBOX = (-12.0, 33.0, 45.0, 62.0)  # Europe and its neighbours: every venue of the record's events in Europe


def main() -> None:
    source = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    meta, _, geometry, fields = pyogrio.raw.read(source, bbox=BBOX, return_fids=False)
    names, iso3 = fields[list(meta["fields"]).index("name")], fields[list(meta["fields"]).index("iso_a3")]
    iso2 = []
    for name, code in zip(names, iso3, strict=True):
        if name == "Kosovo":
            iso2.append("XK")
        else:
            country = pycountry.countries.get(alpha_3=code) if code != "-99" else pycountry.countries.get(name=name)
            iso2.append(country.alpha_2 if country else "")
    tmp = TARGET.with_suffix(".tmp.geojson")
    columns = [np.asarray(names, dtype=object), np.asarray(iso2, dtype=object)]
    pyogrio.raw.write(tmp, geometry, columns, ["name", "iso_a2"], driver="GeoJSON", geometry_type="MultiPolygon",
                      crs="EPSG:4326", layer_options={"COORDINATE_PRECISION": 3, "RFC7946": "YES"})
    doc = json.loads(tmp.read_text(encoding="utf-8"))
    tmp.unlink()
    doc["source"] = ("Natural Earth 1:110m Admin 0 - Countries (public domain), as shipped by pyogrio "
                     f"{pyogrio.__version__}; European extract, bbox {BBOX}")
    doc.pop("name", None)
    TARGET.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(doc['features'])} countries, {TARGET.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
