"""Settings for every test run (tests/, doctests in src/, nbval over notebooks/)."""

import os

# nbval compares stored outputs: plain tables, not ITables' (which carry random ids and the
# DataTables bundle); see analysis.reports.interactive. Kernels inherit this environment.
os.environ.setdefault("WBCOOP_STATIC_TABLES", "1")
