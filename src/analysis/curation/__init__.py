"""Curation: from a press release to a reviewed draft (:mod:`.ingest`), drafts into rows
(:mod:`.drafts`), rows appended to the record (:mod:`.append`), and name matching (:mod:`.names`).
"""
