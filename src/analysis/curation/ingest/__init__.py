"""``ingest``: a press release into a draft event for review, in stages.

:mod:`.fetch` (URL or file, main text of a page) → :mod:`.text` (sentences) → :mod:`.dates` → :mod:`.entities` (kind, organisations
and roles, places, countries, topics, initiatives), :mod:`.neworgs` (bodies the record lacks, in the region's languages) and
:mod:`.people` (names, with :mod:`.personnames`; titles, with :mod:`.titles`; affiliations, with :mod:`.affiliations`), all
matched against :mod:`.gazetteer` (what the record knows) → :mod:`.draft`.
"""

from analysis.curation.ingest.dates import find_dates
from analysis.curation.ingest.draft import extract
from analysis.curation.ingest.fetch import MAX_INPUT_BYTES, Page, load
from analysis.curation.ingest.gazetteer import Gazetteer
from analysis.curation.ingest.text import plain_text

__all__ = ["MAX_INPUT_BYTES", "Gazetteer", "Page", "extract", "find_dates", "load", "plain_text"]
