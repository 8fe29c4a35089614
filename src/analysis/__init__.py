"""Helper library of the Western Balkans migration and border-security cooperation workbook.

Where data enters: :func:`analysis.record.load` reads ``data/`` (described by
``data/datapackage.json``); where it is checked: :mod:`analysis.record.checks`; where reports are
made: :mod:`analysis.reports.runner` and ``notebooks/``.

>>> import analysis
>>> rec = analysis.load()
>>> rec.events.shape[0] > 0
True
"""

import csv

from analysis import deferred  # noqa: F401  (nbformat's IRI grammar built on first use, not on import)
from analysis.errors import AnalysisError, DataValidationError

# a field of several MB is a problem validate reports (max-length), not a reason for the csv
# module to stop reading with its default 128 kB limit
csv.field_size_limit(2**31 - 1)

__all__ = ["AnalysisError", "DataValidationError", "Record", "Selection", "__version__", "load", "select"]
__version__ = "0.3.0"


def __getattr__(name: str):
    # pandas and pyarrow load only when the record is needed, so light commands start fast
    if name in ("load", "Record"):
        from analysis.record import load

        return getattr(load, name)
    if name in ("select", "Selection"):
        from analysis.reports import select

        return getattr(select, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
