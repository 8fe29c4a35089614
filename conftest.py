"""Settings for every test run (tests/, doctests in src/, nbval over notebooks/)."""

import os
import tempfile

import pytest

# nbval compares stored outputs: plain tables, not ITables' (which carry random ids and the
# DataTables bundle); see analysis.reports.interactive. Kernels inherit this environment.
os.environ.setdefault("WBCOOP_STATIC_TABLES", "1")
# compiled gazetteers of the many small records tests build go to a scratch cache, not the user's ~/.cache
os.environ.setdefault("WBCOOP_CACHE", tempfile.mkdtemp(prefix="wbcoop-cache-"))

#: pytester: a test may run pytest (nbval) on a notebook of its own, in process
pytest_plugins = ["pytester"]


class SharedKernel:
    """One Jupyter kernel per test process for the notebooks the tests run one after another
    (nbval's, one file at a time; test_notebooks.py's): a kernel starts and imports pandas,
    matplotlib and the rest once, not once a notebook (about 1.2 s of CPU each time).

    Before each notebook :meth:`fresh` runs the reset the runner's warm kernels run
    (:func:`analysis.reports.kernels.reset_code`): an empty namespace, no figure, the project's own
    modules imported afresh (the libraries beneath stay loaded), the notebook's folder, this
    process's ``WBCOOP_*`` variables, cells numbered from 1. A kernel that died or
    was stopped (nbval stops one on a timeout) is replaced by a new one."""

    def __init__(self):
        self.kernel = None  # nbval.kernel.RunningKernel
        self.started = 0
        self.lent = False  # a client of its own (papermill's) has used the kernel since ours last did

    def alive(self) -> bool:
        return self.kernel is not None and self.kernel.is_alive()

    def get(self, cwd: str):
        """The kernel, started if need be, reset for a notebook in ``cwd``."""
        from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel

        if not self.alive():
            self.kernel = RunningKernel(CURRENT_ENV_KERNEL_NAME, cwd=cwd)
            self.started += 1
        elif self.lent:  # the other client took over the channels' identity (the session's): a new client
            self.kernel.kc.stop_channels()
            self.kernel.kc = self.kernel.km.client()
            self.kernel.kc.start_channels()
            self.kernel.kc.wait_for_ready(timeout=60)
        self.lent = False
        self.fresh(os.path.abspath(cwd))
        return self.kernel

    def manager(self, cwd: str):
        """The kernel's manager, reset for a notebook in ``cwd``, for a client of its own
        (``papermill.execute_notebook(..., km=...)``)."""
        km = self.get(cwd).km
        self.lent = True
        return km

    def fresh(self, cwd: str) -> None:
        outputs = []
        from analysis.reports.kernels import reset_code

        reply = self.kernel.kc.execute_interactive(reset_code(cwd), store_history=False, timeout=60,
                                                  output_hook=lambda msg: outputs.append(msg)
                                                  if msg["msg_type"] in ("stream", "error", "display_data") else None)
        content = reply["content"]
        if content["status"] != "ok" or outputs:
            raise RuntimeError(f"resetting the shared kernel failed: {content.get('ename')}: {content.get('evalue')} "
                               f"{[m['content'] for m in outputs]}"[:2000])

    def stop(self) -> None:
        if self.alive():
            self.kernel.stop()
        self.kernel = None


#: this process's shared kernel (pytest-xdist: one per worker; --dist loadfile keeps a notebook on one)
SHARED_KERNEL = SharedKernel()


@pytest.fixture(scope="session")
def shared_kernel() -> SharedKernel:
    return SHARED_KERNEL


def _share_nbval_kernel():
    """nbval starts a kernel for every notebook and stops it after the last cell; here each
    notebook gets the process's shared kernel, reset (:class:`SharedKernel`), instead. Only for
    ``--nbval-current-env`` (what every run here asks for); with another kernel named, or coverage
    of the kernel asked for (``--cov``), nbval keeps its own kernels."""
    from nbval.plugin import IPyNbFile

    setup, teardown = IPyNbFile.setup, IPyNbFile.teardown

    def shared_setup(self):
        option = self.parent.config.option
        if getattr(option, "cov_source", None) or not option.nbval_current_env:
            return setup(self)
        self.kernel = SHARED_KERNEL.get(str(self.fspath.dirname))
        self.setup_sanitize_files()

    def shared_teardown(self):
        if self.kernel is SHARED_KERNEL.kernel:
            return  # left running for the next notebook; a dead one is replaced then
        teardown(self)

    IPyNbFile.setup, IPyNbFile.teardown = shared_setup, shared_teardown
    return lambda: setattr(IPyNbFile, "setup", setup) or setattr(IPyNbFile, "teardown", teardown)


_restore = {}


def pytest_configure(config):
    """pytest-xdist hands out the files with the most tests first unless told not to; the order
    that counts is time (tests/conftest.py: SLOW_FIRST), so the files go out as sorted there.
    With nbval, its notebooks share one kernel per process (:func:`_share_nbval_kernel`)."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
    if getattr(config.option, "nbval", False) and not _restore:
        _restore[config] = _share_nbval_kernel()


def pytest_unconfigure(config):
    if config in _restore:
        SHARED_KERNEL.stop()
        _restore.pop(config)()
