"""Figures and tables label a body by its acronym only where the acronym names that body alone: "BMI" (two interior
ministries) and "MUP" (the interior ministry of every country of the former Yugoslavia) give way to the name."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.record.labels import GENERIC_ACRONYMS, ambiguous, label, org_labels
from analysis.record.load import load


@pytest.fixture(scope="module")
def record():
    return load()


def test_no_two_bodies_of_the_record_share_a_label_taken_from_an_acronym(record):
    orgs = record.organisations
    labels = org_labels(orgs)
    from_acronym = labels[[isinstance(acr, str) and lab == acr for lab, acr in zip(labels, orgs.acronym.astype(object), strict=True)]]
    assert len(from_acronym) > 100  # most bodies with an acronym keep it
    assert not from_acronym.duplicated().any()
    assert not set(labels) & GENERIC_ACRONYMS


def test_the_two_interior_ministries_called_bmi_are_told_apart(record):
    labels = org_labels(record.organisations)
    assert labels["at-bmi"] != labels["de-bmi"] and "BMI" not in (labels["at-bmi"], labels["de-bmi"])
    assert labels["iom"] == "IOM"


def test_event_lists_use_the_same_labels(record):
    events = record.organisations.merge(record.event_organisations, on="org_id")
    eid = events[events.org_id == "mi-hr"].event_id.iloc[0]
    listed = record.events_wide(pd.Series([eid])).organisations.iloc[0]
    assert "Ministry of the Interior of Croatia" in listed and "MUP" not in listed.split("; ")


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("IOM", "International Organization for Migration", "IOM"),
    (None, "Hilfswerk International", "Hilfswerk International"),
    (" ", "Hilfswerk International", "Hilfswerk International"),
    ("MUP", "Ministry of the Interior of Croatia", "Ministry of the Interior of Croatia"),
    ("BMI", "Austrian Federal Ministry of the Interior", "Austrian Federal Ministry of the Interior"),
])
def test_label(acronym, name, expected):
    assert label(acronym, name, ambiguous(["BMI", "BMI", "IOM", float("nan")])) == expected


def test_org_labels_is_indexed_by_org_id():
    orgs = pd.DataFrame({"org_id": ["a", "b"], "name": ["Alpha", "Beta"], "acronym": ["A", None]})
    assert org_labels(orgs).to_dict() == {"a": "A", "b": "Beta"}


def test_profile_pages_are_titled_with_the_same_labels():
    from analysis.reports import runner

    titles = {s.name: s.title for s in runner.load_config() if s.name.startswith("profile-")}
    assert titles["profile-at-bmi"] == "Profile: Austrian Federal Ministry of the Interior"
    assert titles["profile-de-bmi"] == "Profile: Federal Ministry of the Interior of Germany"
    assert titles["profile-mi-hr"] == "Profile: Ministry of the Interior of Croatia"
    assert titles["profile-iom"] == "Profile: IOM"
