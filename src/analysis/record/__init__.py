"""The record: its declaration (``datapackage.json``), reading, checks, typed load, codebook and coverage.

Data flow: :mod:`.declaration` describes the tables once; :mod:`.reading` reads the CSVs
as text; :mod:`.checks` and :mod:`.rules` validate them; :mod:`.load` types them into a
:class:`~analysis.record.load.Record`; :mod:`.codebook` and :mod:`.coverage` describe it.
"""
