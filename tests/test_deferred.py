"""The IRI grammar jsonschema loads with nbformat is built on first use (analysis.deferred), and
jsonschema's ``iri`` check still goes through it."""

from __future__ import annotations

import subprocess
import sys
import types

from analysis import deferred


def test_a_command_reads_notebooks_without_building_the_iri_parsers():
    code = f"import analysis, nbformat, sys; print({deferred.HELPERS!r} in sys.modules, {deferred.NAME!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"], out.stdout + out.stderr


def test_the_stand_in_is_in_place_before_nbval_imports_nbformat():
    """pytest loads analysis.deferred before its plugins (addopts), so this process's nbformat
    took the stand-in's check too."""
    from jsonschema import _format

    assert isinstance(sys.modules[deferred.NAME], deferred._Deferred)
    assert _format._rfc3987_is_valid_syntax is deferred._Deferred.is_valid_syntax


def test_iri_checks_go_through_the_real_parsers(monkeypatch):
    from jsonschema import FormatChecker

    calls = []
    helpers = types.ModuleType(deferred.HELPERS)
    helpers.is_valid_syntax = lambda term, value: calls.append((term, value)) or value == "good"
    helpers.grammar = "the grammar"
    monkeypatch.setitem(sys.modules, deferred.HELPERS, helpers)
    checker = FormatChecker()
    assert checker.conforms("good", "iri") and not checker.conforms("bad", "iri")
    assert calls == [("iri", "good"), ("iri", "bad")]
    assert sys.modules[deferred.NAME].grammar == "the grammar"  # every other name, from the real helpers too
