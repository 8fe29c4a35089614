"""Defer a start-up cost that is not ours: the IRI grammar ``jsonschema`` builds with every ``nbformat``.

``nbformat`` imports ``jsonschema``, which imports ``rfc3987_syntax`` (when installed, as Jupyter's
own dependencies install it) for its ``iri`` format check, and that module builds three Earley
parsers from its grammar on import: about 1.2 s of CPU in every process that reads or writes a
notebook (``analysis reports``, papermill, nbval), although no notebook schema has an ``iri``
field. :func:`install` (run when :mod:`analysis` is imported, and first thing in a pytest run, see
``addopts`` in pyproject.toml) puts a stand-in for ``rfc3987_syntax`` in ``sys.modules`` that
imports the real parsers the first time anything asks for them: ``jsonschema`` still checks
``iri`` formats, exactly as before, only the cost moves to the first such check. Nothing is
changed when the module is not installed or was imported already.

>>> import sys
>>> install()
>>> module = sys.modules.get("rfc3987_syntax")
>>> module is None or callable(module.is_valid_syntax)
True
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

NAME = "rfc3987_syntax"
#: the submodule that builds the parsers on import and defines everything the package exports
HELPERS = f"{NAME}.syntax_helpers"


class _Deferred(types.ModuleType):
    """``rfc3987_syntax`` until first use: its submodules import as usual (its ``__path__`` is the
    real one); ``is_valid_syntax`` (what ``jsonschema`` imports) and every other name the package
    exports come from the real helpers, imported on first use."""

    @staticmethod
    def is_valid_syntax(term: str, value: str) -> bool:
        return importlib.import_module(HELPERS).is_valid_syntax(term, value)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return getattr(importlib.import_module(HELPERS), name)
        except AttributeError:
            raise AttributeError(f"module {NAME!r} has no attribute {name!r}") from None


def install() -> None:
    """Put the stand-in in place, unless ``rfc3987_syntax`` is missing or imported already."""
    if NAME in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(NAME)
    except (ImportError, ValueError):
        return
    if spec is None or not spec.submodule_search_locations:
        return
    module = _Deferred(NAME, "rfc3987_syntax, its parsers built on first use (analysis.deferred)")
    module.__spec__ = spec
    module.__file__ = spec.origin
    module.__path__ = list(spec.submodule_search_locations)
    module.__package__ = NAME
    sys.modules[NAME] = module


install()
