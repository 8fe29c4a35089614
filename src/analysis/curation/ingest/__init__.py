"""``ingest``: a press release into a draft event for review, in stages.

:mod:`.text` (HTML to text, sentences) → :mod:`.dates` → :mod:`.entities` (kind, organisations
and roles, places, countries, topics, initiatives) and :mod:`.people` (names, titles,
affiliations), all matched against :mod:`.gazetteer` (what the record knows) → :mod:`.draft`.
"""

from analysis.curation.ingest.dates import find_dates
from analysis.curation.ingest.draft import extract
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.text import plain_text

#: the largest press release ``ingest`` reads (a long release is 20-50 kB, a page with its
#: navigation a few hundred kB; 1 MB takes about 1.8 s): larger input is refused with a message
MAX_INPUT_BYTES = 1_000_000

__all__ = ["MAX_INPUT_BYTES", "Gazetteer", "extract", "find_dates", "plain_text"]
