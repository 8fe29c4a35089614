"""``ingest``: a press release into a draft event for review, in stages.

:mod:`.text` (HTML to text, sentences) → :mod:`.dates` → :mod:`.entities` (kind, organisations
and roles, places, countries, topics, initiatives) and :mod:`.people` (names, titles,
affiliations), all matched against :mod:`.gazetteer` (what the record knows) → :mod:`.draft`.
"""

from analysis.curation.ingest.dates import find_dates
from analysis.curation.ingest.draft import extract
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.text import plain_text

__all__ = ["Gazetteer", "extract", "find_dates", "plain_text"]
