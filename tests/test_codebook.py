"""The codebook documents every table, field and vocabulary value, and is in step with the package."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.record.codebook import codebook_path, render
from analysis.record.declaration import read_package


def test_codebook_is_current():
    package = read_package()
    assert codebook_path(package).read_text(encoding="utf-8") == render(package), \
        "data/README.md is stale: run `python -m analysis codebook`"


def test_codebook_documents_every_field_and_value():
    package = read_package()
    text = codebook_path(package).read_text(encoding="utf-8")
    fields = values = 0
    for res in package.resources:
        assert f"`{res.path}`" in text
        for f in res.fields:
            assert f"| `{f.name}` |" in text, (res.name, f.name)
            assert f.description, f"{res.name}.{f.name} has no description"
            fields += 1
            if f.enum:
                described = dict(f.enum_descriptions)
                assert set(described) == set(f.enum), f"{res.name}.{f.name}: every value needs a meaning"
                for value in f.enum:
                    assert f"- `{value}`: {described[value]}" in text
                    values += 1
    assert fields > 60 and values > 40


def test_a_changed_declaration_makes_the_codebook_stale(pkg: Path):
    descriptor = pkg / "datapackage.json"
    d = json.loads(descriptor.read_text(encoding="utf-8"))
    d["resources"][0]["schema"]["fields"][0]["description"] = "A changed description."
    descriptor.write_text(json.dumps(d), encoding="utf-8")
    package = read_package(pkg)
    assert "A changed description." in render(package)
    assert render(package) != codebook_path(package).read_text(encoding="utf-8")
