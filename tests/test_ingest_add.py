"""From press release to record: ingest drafts, add appends atomically and refuses duplicates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from analysis.curation import journal
from analysis.curation.append import add_drafts
from analysis.curation.ingest import extract, find_dates, plain_text
from analysis.errors import AnalysisError
from analysis.record.load import check, load
from conftest import rows, snapshot, write_rows

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
SEED = (FIXTURES / "marri-interpol-lyon.txt").read_text(encoding="utf-8")
SEED_URL = "http://marri-rc.org.mk/?p=19844"


@pytest.fixture(scope="module")
def seed_draft() -> dict:
    return extract(SEED, url=SEED_URL)


def test_seed_draft_has_every_required_fact(seed_draft):
    d = seed_draft
    assert {o["id"]: o["role"] for o in d["organisations"]} == {"marri": "partner", "interpol": "host"}
    assert d["place"]["id"] == "lyon"
    mentioned = " ".join(d["evidence"]["places_mentioned"])
    assert "Trebinje (BA)" in mentioned and "Plav (ME)" in mentioned
    people = {p["name"]: (p["title"], p["organisation"]) for p in d["people"]}
    assert len(people) == 9
    # affiliations only where the sentence states one ("MARRI Project Manager ...", "INTERPOL ... represented by"); the
    # others are left empty for the curator rather than guessed from the nearest organisation named
    assert people["Tamara Mugosa"] == ("Regional Centre Director Ambassador", "marri")
    # ... except a person the record knows, whose body the page names: the record's other rows give it, flagged for checking
    # (the seed's own row, ev-0001, is not among them: it would only repeat itself)
    assert people["Jürgen Stock"] == ("Secretary General", "interpol")
    assert any(line.startswith("Jürgen Stock: the page names no body") and "ev-0001" not in line for line in d["evidence"]["to_check"])
    assert people["Bozidar Popovic"] == ("Deployment Officer", "interpol")
    assert people["Selma Mehovic"] == ("Project Manager for Border Police Network", "marri")
    assert people["Dominic Suc"] == ("Assistant Director, IS/Services Sub-Directorate", None)
    assert people["Daniel Huguenin"] == ("Senior Operations Assistant", None)
    assert people["Hans Halvorse"] == ("Organized and Emerging Crime Directorate", None)
    assert people["Matthew Dompier"] == ("Criminal Intelligence Officer", None)
    assert people["Branislava Stojchevski"] == ("Regional Specialized Officer", None)
    assert "new_organisations" not in d, "a unit in a person's title is not a new organisation"
    assert {"border-security", "trafficking-in-human-beings", "migrant-smuggling", "crimes-against-children",
            "police-cooperation", "capacity-building", "information-exchange"} <= set(d["topics"])
    assert {"pcc-trebinje", "pcc-plav", "interpol-i247-extension"} <= set(d["initiatives"])
    (follow,) = d["follow_ups"]
    assert (follow["kind"], follow["status"]) == ("training", "planned")
    assert {"pcc-trebinje", "pcc-plav", "interpol-i247-extension"} <= set(follow["initiatives"])
    assert d["date_precision"] == "unknown" and "date_start" not in d, "the seed states no date; none is invented"
    assert d["countries"] == [], "countries in brackets only locate places"
    assert all("line" in o["evidence"] for o in d["organisations"])


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    pytest.param("The meeting was held on 2 October 2014 in Skopje.", "2014-10-02", "2014-10-02", "day", id="on-day"),
    pytest.param("It took place from the 11th to the 14th April 2014.", "2014-04-11", "2014-04-14", "span", id="ordinal-span"),
    pytest.param("Budva, 29-31 May 2023 - The workshop", "2023-05-29", "2023-05-31", "span", id="dash-span"),
    pytest.param("On 30 November - 2 December 2022 experts met", "2022-11-30", "2022-12-02", "span", id="cross-month"),
    pytest.param("Sarajevo, 28/02/2024 - meeting", "2024-02-28", "2024-02-28", "day", id="numeric"),
    pytest.param("held in November 2009 in Skopje", "2009-11", None, "month", id="month"),
    pytest.param("On June 5, 2019 the ministers", "2019-06-05", "2019-06-05", "day", id="us-order"),
])
def test_dates(text, start, end, precision):
    d = find_dates(text)[0]
    assert (d["date_start"], d["date_end"], d["date_precision"]) == (start, end, precision)


def test_text_without_dates_gets_no_date():
    d = extract("Skopje – MARRI and IOM discussed cooperation on readmission.")
    assert d["date_precision"] == "unknown" and "date_start" not in d
    assert any("no date found" in item for item in d["evidence"]["to_check"])
    assert find_dates("They met on 6 July to discuss the plan.") == [], "a day without a year dates nothing"


def test_html_input_gives_the_same_draft_as_text():
    html = "<html><head><style>p{}</style></head><body>" + "".join(
        f"<p>{line.replace('&', '&amp;')}</p>" for line in SEED.splitlines()) + "<script>var x=1;</script></body></html>"
    assert "var x" not in plain_text(html)
    a, b = extract(html, url=SEED_URL), extract(SEED, url=SEED_URL)
    for key in ("organisations", "topics", "initiatives", "countries"):
        assert [str(x.get("id", x)) if isinstance(x, dict) else x for x in a[key]] == \
               [str(x.get("id", x)) if isinstance(x, dict) else x for x in b[key]]
    assert [p["name"] for p in a["people"]] == [p["name"] for p in b["people"]]


def _unknown_town() -> str:
    """A real town of Bosnia and Herzegovina that the record has no place for (yet)."""
    known = {r[1] for r in rows(REPO / "data" / "places.csv")[1:]}
    return next(t for t in ("Zvornik", "Bratunac", "Kladanj", "Srebrenik", "Olovo", "Vareš") if t not in known)


def test_unknown_organisations_and_places_are_flagged_not_dropped():
    town = _unknown_town()
    text = (f"{town} – The Agency for Migration Studies (AMS) and MARRI held a workshop on 3 March 2021 with the "
            "Border Police of Bosnia and Herzegovina on readmission.")
    d = extract(text)
    assert d["place"] == {"name": town} or (d["place"]["name"] == town and "id" not in d["place"])
    assert town in d["evidence"]["new_places"]
    new = {o["id"]: o for o in d["new_organisations"]}
    assert "ams" in new and new["ams"]["name"] == "Agency for Migration Studies" and new["ams"]["new"] is True
    ids = {o["id"] for o in d["organisations"]}
    assert {"marri", "border-police-ba", "ams"} <= ids
    assert d["date_start"] == "2021-03-03" and d["kind"] == "workshop" and "readmission" in d["topics"]
    assert any(town in item for item in d["evidence"]["to_check"])


def _without_seed(pkg: Path) -> None:
    """Remove the seed event, its follow-up and their link rows from a package copy."""
    events = rows(pkg / "events.csv")
    url = events[0].index("source_url")
    gone = {r[0] for r in events[1:] if r[url] == SEED_URL}
    assert len(gone) == 2
    for name in ("events", "event_sources", "event_organisations", "event_people", "event_topics", "event_countries",
                 "event_initiatives"):
        table = rows(pkg / f"{name}.csv")
        write_rows(pkg / f"{name}.csv", [table[0]] + [r for r in table[1:] if r[0] not in gone])


def _reviewed(draft: dict) -> dict:
    """What a reviewer does to the seed draft: date it as the curation guide says, summarise it."""
    d = dict(draft)
    d.update(date_start="2017-05-30", date_end="2018-09-06", date_precision="window",
             date_note="Not dated on the page; between the Plav centre opening (30 May 2017) and Kocev as Director (6 Sep 2018).",
             summary="MARRI's director and INTERPOL's Secretary General discussed closer cooperation in Lyon.")
    return d


def test_ingest_then_add_gives_valid_rows(pkg: Path, tmp_path: Path, seed_draft):
    _without_seed(pkg)
    assert check(pkg).ok
    draft = tmp_path / "seed.yaml"
    draft.write_text(yaml.safe_dump({"events": [_reviewed(seed_draft)]}, allow_unicode=True), encoding="utf-8")
    result = add_drafts(draft, pkg)
    assert len(result.plan.rows["events"]) == 2
    assert check(pkg).ok
    rec = load(pkg)
    ev = rec.events[rec.events.source_url == SEED_URL]
    main = ev[ev.follow_up_of.isna()].iloc[0]
    assert main.date_precision == "window" and main.place_id == "lyon"
    assert len(rec.event_people[rec.event_people.event_id == main.event_id]) == 9
    follow = ev[ev.follow_up_of == main.event_id].iloc[0]
    assert follow.status == "planned" and follow.kind == "training"


def test_add_refuses_the_seed_on_the_real_package(pkg: Path, tmp_path: Path, seed_draft):
    draft = tmp_path / "seed.yaml"
    draft.write_text(yaml.safe_dump({"events": [seed_draft]}, allow_unicode=True), encoding="utf-8")
    before = snapshot(pkg)
    with pytest.raises(AnalysisError, match="duplicates ev-0001"):
        add_drafts(draft, pkg)
    assert snapshot(pkg) == before


def test_duplicate_by_date_place_and_organisations(pkg: Path, tmp_path: Path):
    rec = load(pkg)
    ev = rec.events_wide()
    known = ev[(ev.date_precision == "day") & ev.place_id.notna()].iloc[0]
    orgs = rec.event_organisations[rec.event_organisations.event_id == known.event_id]
    draft = {"title": "Same meeting reported elsewhere", "url": "https://example.org/other-report",
             "date_start": f"{known.date_start:%Y-%m-%d}", "place": known.place_id,
             "organisations": [{"id": o, "role": r} for o, r in zip(orgs.org_id, orgs.role, strict=True)]}
    path = tmp_path / "dup.yaml"
    path.write_text(yaml.safe_dump(draft), encoding="utf-8")
    with pytest.raises(AnalysisError, match="same dates, place and organisations"):
        add_drafts(path, pkg)


def test_a_draft_distinct_from_the_event_it_resembles_is_added_with_the_pair(pkg: Path, tmp_path: Path):
    """A second, undated activity on a page the record cites (a list page): refused as a repeat of the
    recorded event unless the draft names that event under ``distinct_from``, with the reason; then
    both duplicate checks (add's own and the record's rule) let it in and the pair is recorded."""
    rec = load(pkg)
    known = rec.events_wide().dropna(subset=["date_start"]).iloc[0]
    draft = {"title": "Another activity listed on the same page", "url": known.source_url, "kind": "meeting",
             "countries": ["AL"], "topics": ["border-security"]}
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump(draft), encoding="utf-8")
    with pytest.raises(AnalysisError, match=f"duplicates {known.event_id} \\(same source page; one of the two is undated\\)"):
        add_drafts(path, pkg)
    ev = rec.events_wide()
    on_page = sorted(ev.event_id[ev.source_url == known.source_url])
    draft["distinct_from"] = [{"event": e, "reason": "two activities on one list page"} for e in on_page]
    path.write_text(yaml.safe_dump(draft), encoding="utf-8")
    add_drafts(path, pkg)
    pairs = [p[1:] for p in rows(pkg / "distinct_events.csv")[1:]]
    assert on_page and all([e, "two activities on one list page"] in pairs for e in on_page)
    assert check(pkg).ok


def test_failure_half_way_leaves_every_file_unchanged(pkg: Path, tmp_path: Path, seed_draft, monkeypatch):
    _without_seed(pkg)
    draft = tmp_path / "seed.yaml"
    draft.write_text(yaml.safe_dump({"events": [_reviewed(seed_draft)]}, allow_unicode=True), encoding="utf-8")
    before = snapshot(pkg)
    real_replace = journal.os.replace
    calls = {"n": 0}

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (simulated)")
        return real_replace(src, dst)

    monkeypatch.setattr(journal.os, "replace", failing_replace)
    with pytest.raises(AnalysisError, match="every file was restored"):
        add_drafts(draft, pkg)
    assert calls["n"] >= 3
    assert snapshot(pkg) == before
    leftovers = [p for p in pkg.iterdir() if p.name.startswith(".") and p.name != ".add.lock"]
    assert not leftovers, "no staging or backup files left behind (the lock file is meant to stay)"


def test_draft_mistakes_are_named_and_nothing_is_added(pkg: Path, tmp_path: Path):
    draft = tmp_path / "bad.yaml"
    draft.write_text(yaml.safe_dump({"title": "x", "url": "https://example.org/x", "kind": "banquet",
                                     "topics": ["weather"], "organisations": [{"id": "acme", "role": "host"}], "colour": "red"}))
    before = snapshot(pkg)
    with pytest.raises(AnalysisError) as err:
        add_drafts(draft, pkg)
    assert "unknown key(s) colour" in str(err.value)
    assert snapshot(pkg) == before
    draft.write_text(yaml.safe_dump({"title": "x", "url": "https://example.org/x", "kind": "banquet",
                                     "topics": ["weather"], "organisations": [{"id": "acme", "role": "host"}]}))
    with pytest.raises(AnalysisError) as err:
        add_drafts(draft, pkg)
    message = str(err.value)
    assert "kind 'banquet'" in message and "unknown topic 'weather'" in message and "unknown organisation 'acme'" in message
    assert snapshot(pkg) == before


def test_new_place_without_country_is_refused_with_location(pkg: Path, tmp_path: Path):
    draft = tmp_path / "new.yaml"
    draft.write_text(yaml.safe_dump({"title": "Workshop in Zvornik", "url": "https://example.org/zvornik",
                                     "date_start": "2021-03-03", "place": {"name": "Zvornik"}}))
    with pytest.raises(AnalysisError, match=r"places.csv:\d+, column 'country_code'.*a city or site needs its country"):
        add_drafts(draft, pkg)


def test_cli_ingest_stdin_and_add(pkg: Path, tmp_path: Path):
    out = subprocess.run([sys.executable, "-m", "analysis", "ingest", "-", "--url", SEED_URL], input=SEED,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    draft = yaml.safe_load(out.stdout)["events"][0]
    assert draft["url"] == SEED_URL and len(draft["people"]) == 9
    path = tmp_path / "d.yaml"
    path.write_text(out.stdout)
    added = subprocess.run([sys.executable, "-m", "analysis", "--data", str(pkg), "add", str(path)], capture_output=True, text=True)
    assert added.returncode == 1 and "duplicates ev-0001" in added.stderr and "Traceback" not in added.stderr


def test_a_person_known_as_a_record_id_is_that_person_not_a_new_one(pkg: Path, tmp_path: Path):
    """ingest writes ``known_as`` for a person the record holds under another spelling ("Ilva Johanson" is
    ylva-johansson); add links that person instead of creating one under the page's spelling, and refuses an id the
    record does not hold."""
    rec = load(pkg)
    pid, name = rec.people.person_id.iloc[0], rec.people.name.iloc[0]
    draft = {"title": "A meeting naming a known person in another spelling", "url": "https://example.org/known-as",
             "kind": "meeting", "countries": ["AL"], "topics": ["border-security"], "date_start": "2001-02-03",
             "people": [{"name": f"{name}x", "title": "Director", "known_as": pid}]}
    path = tmp_path / "known.yaml"
    path.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    people_before = len(rows(pkg / "people.csv"))
    result = add_drafts(path, pkg)
    eid = result.plan.rows["events"][0]["event_id"]
    assert [r[1] for r in rows(pkg / "event_people.csv") if r[0] == eid] == [pid]
    assert len(rows(pkg / "people.csv")) == people_before
    draft.update(url="https://example.org/known-as-2", people=[{"name": "Nobody Known", "known_as": "no-such-person-id"}])
    path.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    before = snapshot(pkg)
    with pytest.raises(AnalysisError, match="known_as 'no-such-person-id' is no person_id"):
        add_drafts(path, pkg)
    assert snapshot(pkg) == before
