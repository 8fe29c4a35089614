"""Settings for every test run (tests/, doctests in src/, nbval over notebooks/)."""

import os

# nbval compares stored outputs: plain tables, not ITables' (which carry random ids and the
# DataTables bundle); see analysis.reports.interactive. Kernels inherit this environment.
os.environ.setdefault("WBCOOP_STATIC_TABLES", "1")

#: pytester: a test may run pytest (nbval) on a notebook of its own, in process
pytest_plugins = ["pytester"]


def pytest_configure(config):
    """pytest-xdist hands out the files with the most tests first unless told not to; the order
    that counts is time (tests/conftest.py: SLOW_FIRST), so the files go out as sorted there."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
