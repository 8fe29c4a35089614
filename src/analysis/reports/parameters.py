"""Report parameters as people pass them: papermill's ``-p kinds training`` gives a string where
a list is meant, case varies (``-p country rs``), and a typo must say what would have worked.

>>> as_list("training")
['training']
>>> as_list("training, workshop")
['training', 'workshop']
>>> as_list(None), as_list(["MARRI"])
([], ['MARRI'])
>>> choose(["rs", "XK"], ["RS", "XK", "BA"], "country code")
['RS', 'XK']
>>> choose(["atlantis"], ["RS", "XK"], "country code")
Traceback (most recent call last):
...
analysis.errors.AnalysisError: unknown country code 'atlantis'; valid values: RS, XK
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.errors import AnalysisError

#: how many valid values an error message lists before it says "..."
SHOWN = 40


def as_list(value: object) -> list[str]:
    """A list parameter from a list, a tuple, one string, or a comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, Iterable):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def choose(values: Iterable[str], valid: Iterable[str], what: str) -> list[str]:
    """``values`` mapped to the valid spelling, ignoring case where that is unambiguous."""
    valid = [str(v) for v in valid]
    exact = set(valid)
    folded: dict[str, list[str]] = {}
    for v in valid:
        folded.setdefault(v.casefold(), []).append(v)
    out = []
    for value in values:
        if value in exact:
            out.append(value)
            continue
        matches = folded.get(str(value).casefold(), [])
        if len(matches) == 1:
            out.append(matches[0])
            continue
        shown = ", ".join(sorted(valid)[:SHOWN]) + (", ..." if len(valid) > SHOWN else "")
        raise AnalysisError(f"unknown {what} {value!r}; valid values: {shown}")
    return out


def one(value: object, valid: Iterable[str], what: str) -> str:
    """A single-valued parameter (``country``), checked like :func:`choose`."""
    values = as_list(value)
    if len(values) != 1:
        raise AnalysisError(f"{what}: give exactly one value, got {value!r}")
    return choose(values, valid, what)[0]
