"""The project's one error type, and the problem records validation collects."""

from __future__ import annotations

from dataclasses import dataclass


class AnalysisError(Exception):
    """Any problem a user can act on: bad data, bad arguments, a failed report.

    The message says what is wrong and what to do; the command line prints it without a
    traceback and exits non-zero.
    """


@dataclass(frozen=True, order=True)
class Problem:
    """One failed check, located as precisely as the data allows."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str
    message: str
    #: "error" fails validation; "warning" is reported and lets the package pass
    severity: str = "error"

    def __str__(self) -> str:
        parts = [self.file if self.line is None else f"{self.file}:{self.line}"]
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"value {_show(self.value)}")
        return f"{', '.join(parts)}: [{self.rule}] {self.message}"


def _show(value: str, limit: int = 80) -> str:
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


class DataValidationError(AnalysisError):
    """The data package failed validation; ``problems`` lists every failure found."""

    def __init__(self, problems: list[Problem], max_shown: int = 50):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:max_shown])
        more = len(problems) - max_shown
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(problems)} problem(s) in the data package:\n{shown}{tail}")
