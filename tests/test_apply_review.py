"""scripts/apply_review.py, the tool that applies a reviewer's fixes: a person tied to a body the same review adds, by a
placeholder, is tied to that body; a placeholder that matches none stops the run with one line instead of making a body
named after the placeholder (a review of 2026-11-30 had made bodies called "scip" and "dcpp")."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("apply_review", ROOT / "scripts" / "apply_review.py")
apply_review = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(apply_review)

NEW_BODY = {"org": "NEW", "id_hint": "NEW-scip", "name": "International Police Cooperation Service (Italy)", "acronym": "SCIP",
            "kind": "police", "country_code": "IT", "role": "partner", "evidence": "..."}


@pytest.fixture
def tables(tmp_path) -> apply_review.Tables:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return apply_review.Tables(data)


@pytest.mark.parametrize("ref", ["NEW-scip", "NEW: International Police Cooperation Service"])
def test_a_placeholder_resolves_to_the_body_the_review_adds(tables, ref):
    before = {o["org_id"] for o in tables.rows["organisations"]}
    oid = tables.org_ref(ref, {"orgs_add": [NEW_BODY]})
    body = next(o for o in tables.rows["organisations"] if o["org_id"] == oid)
    assert body["name"] == "International Police Cooperation Service (Italy)" and body["acronym"] == "SCIP"
    assert {o["org_id"] for o in tables.rows["organisations"]} - before <= {oid}


def test_a_placeholder_that_matches_no_new_body_stops_the_run(tables):
    before = len(tables.rows["organisations"])
    with pytest.raises(SystemExit, match="no new body of this review matches this placeholder"):
        tables.org_ref("NEW-dcpp", {"orgs_add": [NEW_BODY]})
    assert len(tables.rows["organisations"]) == before


def test_a_named_new_body_without_an_entry_is_still_made_under_its_name(tables):
    oid = tables.org_ref("NEW: Central Directorate of Prevention Police (Italy)", {})
    assert next(o for o in tables.rows["organisations"] if o["org_id"] == oid)["name"] == \
        "Central Directorate of Prevention Police (Italy)"


def test_a_person_s_new_body_given_as_org_name_is_the_body_the_review_adds(tables):
    spec = {"name": "Dafina Peci", "org": "NEW", "org_name": "International Police Cooperation Service"}
    oid = tables.org_ref(apply_review._person_org(spec), {"orgs_add": [NEW_BODY]})
    assert next(o for o in tables.rows["organisations"] if o["org_id"] == oid)["acronym"] == "SCIP"
    assert apply_review._person_org({"org": "marri"}) == "marri"


def test_norway_unquoted_in_a_review_is_norway(tables):
    eid = tables.rows["events"][0]["event_id"]
    apply_review.apply_fixes(tables, eid, {"countries_add": [False, "de"]})  # `countries_add: [NO, de]` as YAML reads it
    codes = {r["country_code"] for r in tables.rows["event_countries"] if r["event_id"] == eid}
    assert {"NO", "DE"} <= codes and "FALSE" not in codes


def test_a_kind_given_in_the_from_to_form_takes_the_new_kind(tables):
    # a review of 2026-11-30 wrote `kind: {from: study-visit, to: meeting}`, and the dict was stored as the kind
    eid = tables.rows["events"][0]["event_id"]
    apply_review.apply_fixes(tables, eid, {"kind": {"from": tables.event(eid)["kind"], "to": "signing"}})
    assert tables.event(eid)["kind"] == "signing"
    apply_review.apply_fixes(tables, eid, {"kind": "training"})
    assert tables.event(eid)["kind"] == "training"


def test_a_person_s_body_given_as_an_unknown_slug_stops_the_run_unless_the_review_adds_it(tables):
    # reviews of 2026-11-30 tied people to "the-body-in-orgs-add" and "the-new-libe-committee-id": bodies were made
    # under those names
    before = len(tables.rows["organisations"])
    with pytest.raises(SystemExit, match=r"not an org_id of organisations\.csv"):
        tables.org_ref("the-body-in-orgs-add", {"orgs_add": [NEW_BODY]})
    assert len(tables.rows["organisations"]) == before
    oid = tables.org_ref("international-police-cooperation-service-italy", {"orgs_add": [NEW_BODY]})
    assert next(o for o in tables.rows["organisations"] if o["org_id"] == oid)["acronym"] == "SCIP"
    assert tables.org_ref("marri", {}) == "marri"


def _run(tmp_path, review: list, reasons: Path) -> subprocess.CompletedProcess:
    path = tmp_path / f"review-{len(list(tmp_path.glob('review-*.yaml')))}.yaml"
    path.write_text(yaml.safe_dump(review), encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "apply_review.py"), str(path), "--data", str(tmp_path / "data"),
                           "--reasons", str(reasons)], capture_output=True, text=True)


def test_a_second_run_keeps_the_reasons_the_first_wrote(tables, tmp_path):
    """Applying a release's reviews one by one into one reasons file had kept only the last run's reasons."""
    first, second = (r["event_id"] for r in tables.rows["events"][:2])
    reasons = tmp_path / "removed.json"
    for eid, why in ((first, "no border angle"), (second, "a statement")):
        done = _run(tmp_path, [{"event_id": eid, "verdict": "out-of-scope", "scope_reason": why}], reasons)
        assert done.returncode == 0, done.stderr
    kept = json.loads(reasons.read_text(encoding="utf-8"))
    assert kept == {first: "out of scope: no border angle", second: "out of scope: a statement"}


def test_a_reasons_file_that_is_not_a_json_object_stops_the_run_before_any_change(tables, tmp_path):
    reasons = tmp_path / "removed.json"
    reasons.write_text("[1, 2]", encoding="utf-8")
    before = (tmp_path / "data" / "events.csv").read_bytes()
    done = _run(tmp_path, [{"event_id": tables.rows["events"][0]["event_id"], "verdict": "out-of-scope"}], reasons)
    assert done.returncode == 1 and "not a JSON object" in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "data" / "events.csv").read_bytes() == before and reasons.read_text(encoding="utf-8") == "[1, 2]"


@pytest.mark.parametrize("key", ["extra_sources_add", "extra_sources", "countries_add"])
def test_a_fix_written_beside_fixes_stops_the_run_instead_of_being_dropped(tables, tmp_path, key):
    """Two reviews of 2026-12-02 (and one of 2026-11-30) wrote extra_sources_add beside `fixes:`; the pages were dropped unread."""
    first, second = (r["event_id"] for r in tables.rows["events"][:2])
    value = ["DE"] if key == "countries_add" else [{"url": "https://example.org/r", "publisher": "Ex", "relation": "report"}]
    before = {name: (tmp_path / "data" / name).read_bytes() for name in ("events.csv", "event_sources.csv", "event_countries.csv")}
    reasons = tmp_path / "removed.json"
    entries = [{"event_id": first, "verdict": "fix", "fixes": {"countries_add": ["FR"]}},
               {"event_id": second, "verdict": "ok", key: value, "fixes": {}}]
    done = _run(tmp_path, entries, reasons)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{second}: {key} written beside `fixes:`" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert {name: (tmp_path / "data" / name).read_bytes() for name in before} == before, "not even the first entry's fix lands"
    entries[1] = {"event_id": second, "verdict": "ok", "fixes": {key: value}}
    assert _run(tmp_path, entries, reasons).returncode == 0


def test_a_spelling_given_as_alias_add_becomes_an_alias_and_the_name_stays(tables):
    # reviews of the eighth session wrote `people_fix: [{person_id, name, alias_add}]` for a page's spelling the record lacked
    link = tables.rows["event_people"][0]
    person = next(p for p in tables.rows["people"] if p["person_id"] == link["person_id"])
    name, before = person["name"], apply_review.split_aliases(person["aliases"])
    apply_review.apply_fixes(tables, link["event_id"], {"people_fix": [{"person_id": person["person_id"], "name": name,
                                                                        "alias_add": "Zzyzx Spelling"}]})
    assert person["name"] == name
    assert apply_review.split_aliases(person["aliases"]) == [*before, "Zzyzx Spelling"]
    apply_review.apply_fixes(tables, link["event_id"], {"people_fix": [{"person_id": person["person_id"], "alias_add": name}]})
    assert apply_review.split_aliases(person["aliases"]) == [*before, "Zzyzx Spelling"]  # the name itself is no alias


def _retired(tmp_path) -> dict[str, dict]:
    with (tmp_path / "data" / "retired_events.csv").open(encoding="utf-8", newline="") as fh:
        return {r["event_id"]: r for r in csv.DictReader(fh)}


def test_a_removed_or_merged_row_retires_its_id_and_the_record_stays_valid(tables, tmp_path):
    """An id that leaves the record is listed in retired_events.csv (with the row it went into), so it is never reused."""
    a, b, c = (r["event_id"] for r in tables.rows["events"][5:8])
    reasons = tmp_path / "removed.json"
    done = _run(tmp_path, [{"event_id": a, "verdict": "out-of-scope", "scope_reason": "a statement"},
                           {"event_id": b, "verdict": "duplicate", "fixes": {"duplicate_of": c}}], reasons)
    assert done.returncode == 0, done.stderr
    retired = _retired(tmp_path)
    assert (retired[a]["merged_into"], retired[a]["reason"]) == ("", "out of scope: a statement")
    assert retired[b]["merged_into"] == c and retired[b]["date_removed"]
    # the row b went into is merged in turn: b now points where c went
    d = next(r["event_id"] for r in tables.rows["events"][9:] if r["event_id"] not in (a, b, c))
    done = _run(tmp_path, [{"event_id": c, "verdict": "duplicate", "fixes": {"duplicate_of": d}}], reasons)
    assert done.returncode == 0, done.stderr
    retired = _retired(tmp_path)
    assert retired[b]["merged_into"] == d and retired[c]["merged_into"] == d
    check = subprocess.run([sys.executable, "-m", "analysis", "--data", str(tmp_path / "data"), "validate"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_chain_of_merges_in_one_run_points_every_retired_id_at_the_survivor(tables, tmp_path):
    a, b, c = (r["event_id"] for r in tables.rows["events"][20:23])
    done = _run(tmp_path, [{"event_id": a, "verdict": "duplicate", "fixes": {"duplicate_of": b}},
                           {"event_id": b, "verdict": "duplicate", "fixes": {"duplicate_of": c}}], tmp_path / "removed.json")
    assert done.returncode == 0, done.stderr
    retired = _retired(tmp_path)
    assert retired[a]["merged_into"] == c and retired[b]["merged_into"] == c


def test_a_person_added_with_the_record_s_id_is_that_person_whatever_the_spelling(tables):
    person = tables.rows["people"][3]
    eid = next(r["event_id"] for r in tables.rows["events"] if not any(
        p["person_id"] == person["person_id"] for p in tables.links("event_people", r["event_id"])))
    before = len(tables.rows["people"])
    apply_review.apply_fixes(tables, eid, {"people_add": [{"name": person["name"] + " (spelled otherwise)",
                                                           "person_id": person["person_id"], "role": "Adviser"}]})
    assert len(tables.rows["people"]) == before
    assert any(p["person_id"] == person["person_id"] for p in tables.links("event_people", eid))


def test_a_new_main_page_keeps_the_old_one_as_a_report_and_is_not_listed_twice(tables):
    # a second check of 2026-12-01 found the meeting's own statement where the row rested on a later one that recalls it
    eid = tables.rows["events"][0]["event_id"]
    old_url, old_publisher = tables.event(eid)["source_url"], tables.event(eid)["source_publisher"]
    new_url = "https://www.unhcr.org/publications/statement-of-the-day-itself"
    tables.add_link("event_sources", {"event_id": eid, "url": new_url, "publisher": "UNHCR", "relation": "dating"})
    apply_review.apply_fixes(tables, eid, {"source_url": new_url, "source_publisher": "UNHCR"})
    assert tables.event(eid)["source_url"] == new_url and tables.event(eid)["source_publisher"] == "UNHCR"
    extra = [(r["url"], r["publisher"], r["relation"]) for r in tables.links("event_sources", eid)]
    assert (old_url, old_publisher, "report") in extra
    assert all(url != new_url for url, _, _ in extra)


def test_removing_one_role_of_a_body_keeps_its_other_role(tables):
    # review NF3 (2026-12-01) moved the donor role of a house to the UK Government and kept the British Office as
    # a visiting participant; dropping every link of the office orphaned its officer's affiliation
    eid = tables.rows["events"][0]["event_id"]
    oid = tables.rows["organisations"][0]["org_id"]
    tables.drop_links("event_organisations", lambda r: r["event_id"] == eid and r["org_id"] == oid)
    for role in ("donor", "participant"):
        tables.add_link("event_organisations", {"event_id": eid, "org_id": oid, "role": role})
    apply_review.apply_fixes(tables, eid, {"orgs_remove": [{"org": oid, "role": "donor"}]})
    assert [r["role"] for r in tables.links("event_organisations", eid) if r["org_id"] == oid] == ["participant"]
    apply_review.apply_fixes(tables, eid, {"orgs_remove": [oid]})
    assert not [r for r in tables.links("event_organisations", eid) if r["org_id"] == oid]


def test_a_person_s_body_given_empty_is_cleared_and_left_alone_when_not_given(tables):
    # second check DL2 (2026-12-01): no page of the event said whose director the person was; the review wrote
    # `org: ''` and the link kept its body, which then failed validation once the body itself was dropped
    link = next(r for r in tables.rows["event_people"] if r["org_id"])
    eid, pid, org = link["event_id"], link["person_id"], link["org_id"]
    apply_review.apply_fixes(tables, eid, {"people_fix": [{"person_id": pid, "role": "Director"}]})
    assert link["org_id"] == org and link["role"] == "Director"
    apply_review.apply_fixes(tables, eid, {"people_fix": [{"person_id": pid, "org": ""}]})
    assert link["org_id"] == ""


@pytest.mark.parametrize("given", [["Spelling One", "Spelling Two"], "Spelling One|Spelling Two"])
def test_alias_add_as_a_list_or_a_piped_string_adds_each_spelling(tables, given):
    link = next(r for r in tables.rows["event_people"])
    pid = link["person_id"]
    apply_review.apply_fixes(tables, link["event_id"], {"people_fix": [{"person_id": pid, "alias_add": given}]})
    aliases = next(p for p in tables.rows["people"] if p["person_id"] == pid)["aliases"].split("|")
    assert "Spelling One" in aliases and "Spelling Two" in aliases
    assert not any("[" in a or "'" in a for a in aliases), "a list is never written as its Python text"


def test_follow_up_of_links_another_event_and_refuses_one_the_record_lacks(tables):
    first, second = (r["event_id"] for r in tables.rows["events"][:2])
    apply_review.apply_fixes(tables, second, {"follow_up_of": first})
    assert tables.event(second)["follow_up_of"] == first
    with pytest.raises(SystemExit, match="ev-9999"):
        apply_review.apply_fixes(tables, second, {"follow_up_of": "ev-9999"})
    assert tables.event(second)["follow_up_of"] == first
    apply_review.apply_fixes(tables, second, {"follow_up_of": ""})
    assert tables.event(second)["follow_up_of"] == ""


def test_people_fix_merge_into_folds_one_person_into_the_other(tables):
    links = tables.rows["event_people"]
    a = links[0]
    b = next(r for r in links if r["person_id"] != a["person_id"] and r["event_id"] != a["event_id"])
    old, new, eid = a["person_id"], b["person_id"], a["event_id"]
    gone = next(p for p in tables.rows["people"] if p["person_id"] == old)["name"]
    apply_review.apply_fixes(tables, eid, {"people_fix": [{"person_id": old, "merge_into": new}]})
    assert old not in {p["person_id"] for p in tables.rows["people"]}
    kept = next(p for p in tables.rows["people"] if p["person_id"] == new)
    assert gone in kept["aliases"].split("|")
    assert any(r["event_id"] == eid and r["person_id"] == new for r in tables.rows["event_people"])
    assert not any(r["person_id"] == old for r in tables.rows["event_people"])
    with pytest.raises(SystemExit, match="no-such-person"):
        apply_review.apply_fixes(tables, eid, {"people_fix": [{"person_id": new, "merge_into": "no-such-person"}]})


def test_a_fix_key_the_tool_does_not_know_stops_the_run_instead_of_passing_unread(tables):
    eid = tables.rows["events"][0]["event_id"]
    before = [dict(r) for r in tables.rows["event_countries"]]
    with pytest.raises(SystemExit, match="sources_removed"):
        apply_review.apply_fixes(tables, eid, {"countries_add": ["DE"], "sources_removed": ["https://example.org/x"]})
    assert tables.rows["event_countries"] == before, "no fix of the entry is applied"


def test_other_spellings_reviewers_wrote_are_applied_not_dropped(tables):
    eid = tables.rows["events"][0]["event_id"]
    url = "https://example.org/report-of-the-meeting"
    apply_review.apply_fixes(tables, eid, {"extra_sources": [{"url": url, "publisher": "Example", "relation": "report"}]})
    assert any(r["url"] == url for r in tables.links("event_sources", eid))
    apply_review.apply_fixes(tables, eid, {"sources_relation": [{"url": url, "from": "report", "to": "copy"}]})
    assert next(r for r in tables.links("event_sources", eid) if r["url"] == url)["relation"] == "copy"
    link = next(r for r in tables.rows["event_people"])
    apply_review.apply_fixes(tables, link["event_id"], {"people_fix": [{"person_id": link["person_id"], "add_alias": "Qwerty Form"}]})
    assert "Qwerty Form" in next(p for p in tables.rows["people"] if p["person_id"] == link["person_id"])["aliases"].split("|")


def test_sources_remove_drops_a_listed_page_but_never_the_event_s_own_page(tables):
    eid = next(r["event_id"] for r in tables.rows["event_sources"])
    url = next(r["url"] for r in tables.links("event_sources", eid))
    apply_review.apply_fixes(tables, eid, {"sources_remove": [{"url": url, "reason": "the court's home page"}]})
    assert not any(r["url"] == url for r in tables.links("event_sources", eid))
    own = tables.event(eid)["source_url"]
    apply_review.apply_fixes(tables, eid, {"sources_remove": [own]})
    assert tables.event(eid)["source_url"] == own, "the event's own page is never removed"


def test_a_namesake_is_a_new_person_and_a_plain_name_stays_the_record_s_person(tables):
    """A review that adds a person of the same name as one the record holds links that person, unless it says the page shows
    someone else (``namesake: true``): ev-3822's consultant had been linked to the labour ministry's official of his name."""
    person = next(p for p in tables.rows["people"] if " " in p["name"])
    eid = next(r["event_id"] for r in tables.rows["events"] if not any(
        p["person_id"] == person["person_id"] for p in tables.links("event_people", r["event_id"])))
    before = len(tables.rows["people"])
    apply_review.apply_fixes(tables, eid, {"people_add": [{"name": person["name"], "role": "Adviser"}]})
    assert len(tables.rows["people"]) == before
    apply_review.apply_fixes(tables, eid, {"people_add": [{"name": person["name"], "role": "Consultant", "namesake": True}]})
    assert len(tables.rows["people"]) == before + 1
    new = tables.rows["people"][-1]
    assert new["name"] == person["name"] and new["person_id"] != person["person_id"]
    linked = {p["person_id"]: p["role"] for p in tables.links("event_people", eid)}
    assert linked[person["person_id"]] == "Adviser" and linked[new["person_id"]] == "Consultant"


@pytest.mark.parametrize(("spec", "kind"), [
    ({"name": "Palace of Congresses, Tirana", "country_code": "AL", "kind": "site"}, "site"),
    ({"name": "Hofburg Redoutensaal, Vienna", "country_code": "AT"}, "site"),  # a building named with its city
    ({"name": "Kutina", "country_code": "HR", "kind": "city"}, "city"),
    ({"name": "Kutina", "country_code": "HR"}, "city"),
    ({"name": "Blace crossing", "country_code": "MK", "kind": "mountain"}, "site"),  # an unknown word falls back to the guess
])
def test_a_new_venue_takes_the_kind_the_review_gives_and_a_guess_only_without_one(tables, spec, kind):
    pid = tables.place_id(spec)
    assert next(p for p in tables.rows["places"] if p["place_id"] == pid)["kind"] == kind


def test_a_merged_row_s_page_is_a_report_of_the_kept_row_unless_it_is_the_same_site(tables):
    """A duplicate row entered from another site's page is another report of the event, not a copy of the kept page
    (the codebook: `copy` is the same post at another address); a page of the kept page's own site stays a copy."""
    rows = tables.rows["events"]
    site = apply_review._site
    keep = rows[30]
    other = next(r for r in rows[31:] if site(r["source_url"]) != site(keep["source_url"]))
    twin = next(r for r in rows if r is not keep and r["source_url"] != keep["source_url"]
                and site(r["source_url"]) == site(keep["source_url"]))
    apply_review.merge_into(tables, other["event_id"], keep["event_id"], "duplicate")
    apply_review.merge_into(tables, twin["event_id"], keep["event_id"], "duplicate")
    relation = {s["url"]: s["relation"] for s in tables.links("event_sources", keep["event_id"])}
    assert relation[other["source_url"]] == "report"
    assert relation[twin["source_url"]] == "copy"
    assert apply_review._site("https://www.Example.org/a?b") == apply_review._site("http://example.org/c") == "example.org"


@pytest.mark.parametrize(("new_role", "kept"), [("participant", {"partner"}), ("named", {"partner"}),
                                                 ("host", {"partner", "host"}), ("donor", {"partner", "donor"})])
def test_a_fix_that_links_a_body_again_keeps_one_statement_of_its_part(tables, new_role, kept):
    """A reviewer's orgs_add for a body the event already links as partner: `participant` and `named` repeat it and go
    (rule one-body-one-part); a role that says more (host, donor) stays beside it."""
    link = next(r for r in tables.rows["event_organisations"] if r["role"] == "partner")
    eid, org = link["event_id"], link["org_id"]
    apply_review.apply_fixes(tables, eid, {"orgs_add": [{"org": org, "role": new_role, "evidence": "..."}]})
    assert {r["role"] for r in tables.links("event_organisations", eid) if r["org_id"] == org} == kept
