"""The reports: selecting events, views and figures over them, publishing from notebooks, and the runner.

Notebooks under ``notebooks/`` call :mod:`.select`, :mod:`.views`, :mod:`.figures` and
:mod:`.publish`; :mod:`.runner` executes them with papermill into ``reports/``.
"""
