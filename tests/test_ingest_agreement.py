"""Scoring one person's facts against another's (benchmarks/eval_agreement.py): a set's facts agree fully with themselves,
and each kind of disagreement costs the field it is in."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from analysis.curation.ingest.evaluation import cases, facts_as_draft, score

ROOT = Path(__file__).resolve().parents[1] / "benchmarks"
RECORD = Path(__file__).resolve().parent / "fixtures" / "ingest-record"


@pytest.fixture(scope="module")
def set_g() -> list:
    found = [c for c in cases(ROOT / "ingest_eval") if c[1].startswith("blind/G/")]
    assert len(found) == 20
    return found


def _f1(t: list[int]) -> float:
    return 2 * t[0] / (t[1] + t[2]) if t[1] + t[2] else 1.0


def test_facts_agree_fully_with_themselves(set_g):
    totals = score(set_g, RECORD, show=lambda *_: None, drafts={c[1]: facts_as_draft(c[3]) for c in set_g})
    assert {f: _f1(t) for f, t in totals.items() if f != "affiliations"} == {f: 1.0 for f in totals if f != "affiliations"}
    assert totals["affiliations"][0] == totals["affiliations"][2] > 0


@pytest.mark.parametrize(("change", "field"), [
    (lambda f: f.update(place="belgrade" if f.get("place") != "belgrade" else "skopje"), "place"),
    (lambda f: f.update(organisations=[*(f.get("organisations") or []), "frontex"]), "organisations"),
    (lambda f: f.update(countries=[c for c in f.get("countries") or []][1:]), "countries"),
    (lambda f: f.update(date=None if f.get("date") else ["2001-01-01", "2001-01-01"]), "date"),
])
def test_a_disagreement_costs_its_field(set_g, change, field):
    first = next(c for c in set_g if c[3].get("countries") and "frontex" not in (c[3].get("organisations") or []))
    second = copy.deepcopy(first[3])
    change(second)
    totals = score([first], RECORD, show=lambda *_: None, drafts={first[1]: facts_as_draft(second)})
    assert _f1(totals[field]) < 1.0


def test_the_second_persons_facts_cover_the_same_releases():
    sets = sorted(p.stem for p in (ROOT / "ingest_agreement").glob("*.yaml"))
    assert sets == ["F", "G", "J", "O"]
    for name in sets:
        second = yaml.safe_load((ROOT / "ingest_agreement" / f"{name}.yaml").read_text(encoding="utf-8"))
        first = {c[1].split("/")[-1] for c in cases(ROOT / "ingest_eval") if c[1].startswith(f"blind/{name}/")}
        assert set(second) == first and len(first) == 20


def test_adjudicated_facts_cover_their_set_and_read_its_saved_texts():
    adjudicated = cases(ROOT / "ingest_adjudicated")
    assert len(adjudicated) == 20
    first = {c[1].split("/")[-1]: c[2] for c in cases(ROOT / "ingest_eval") if c[1].startswith("blind/O/")}
    assert {c[1].split("/")[-1] for c in adjudicated} == set(first)
    for _, name, text, _ in adjudicated:  # the very texts the blind set holds, not copies that could drift
        assert text.resolve() == first[name.split("/")[-1]].resolve()


def test_the_adjudicated_score_of_a_person_who_wrote_them_is_perfect():
    adjudicated = cases(ROOT / "ingest_adjudicated")
    totals = score(adjudicated, RECORD, show=lambda *_: None, drafts={c[1]: facts_as_draft(c[3]) for c in adjudicated})
    assert all(t[0] == t[1] == t[2] for f, t in totals.items() if f != "affiliations")
