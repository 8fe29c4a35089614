"""Cells that spreadsheets would run: text beginning with ``=``, ``+``, ``-``, ``@`` (or a tab or
carriage return) is read by Excel, LibreOffice and Google Sheets as a formula. Exported tables
neutralise such cells as OWASP advises (a leading apostrophe), and ``validate`` warns about them.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-"), neutralise("Skopje")
('\\'=HYPERLINK("http://x")', "'-", 'Skopje')
"""

from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` with a leading apostrophe when it is text a spreadsheet would treat as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells are safe to open in a spreadsheet (numbers are left as numbers)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
        elif isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype(object).map(neutralise)
    return out
