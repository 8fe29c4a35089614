"""Short labels for organisations in figures and tables: the acronym where it names one body only, else the name.

Two bodies of the record share "BMI" (the Austrian and the German interior ministries), and "MUP" is the word for the interior
ministry in every country of the former Yugoslavia: a chart bar labelled "BMI" or "MUP" does not say whose. Such acronyms give way
to the body's name.

>>> import pandas as pd
>>> labels = org_labels(pd.DataFrame({"org_id": ["at", "de", "hr", "iom"], "name": ["Austrian BMI", "German BMI", "Croatian MoI",
...     "International Organization for Migration"], "acronym": ["BMI", "BMI", "MUP", "IOM"]}))
>>> labels.to_dict()
{'at': 'Austrian BMI', 'de': 'German BMI', 'hr': 'Croatian MoI', 'iom': 'IOM'}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report runner reads labels without loading pandas
    import pandas as pd

#: acronyms that name a kind of body, not one body ("Ministarstvo unutrašnjih poslova", "Министерство за внатрешни работи")
GENERIC_ACRONYMS = frozenset({"MUP", "МУП", "MVR", "МВР", "MPB", "MoI", "MOI", "MI", "MFA", "MPJ", "MSP"})


def ambiguous(acronyms: Iterable[object]) -> frozenset[str]:
    """The acronyms that do not name one body: those two bodies share, and the generic ones."""
    counts = Counter(str(a).strip() for a in acronyms if isinstance(a, str) and a.strip())
    return frozenset(a for a, n in counts.items() if n > 1) | GENERIC_ACRONYMS


def label(acronym: object, name: object, unclear: frozenset[str]) -> str:
    """The acronym when it is given and clear, else the name."""
    if isinstance(acronym, str) and acronym.strip() and acronym.strip() not in unclear:
        return acronym.strip()
    return str(name)


def org_labels(orgs: pd.DataFrame) -> pd.Series:
    """A label per organisation, indexed by ``org_id``."""
    import pandas as pd

    unclear = ambiguous(orgs.acronym)
    return pd.Series([label(a, n, unclear) for a, n in zip(orgs.acronym, orgs.name, strict=True)], index=orgs.org_id.to_numpy(),
                     dtype=object)
