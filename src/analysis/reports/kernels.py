"""Running a report's notebook in a Jupyter kernel (papermill): one warm kernel per worker
process, reset before each report, and started again when it died or never started.

Starting a kernel and importing pandas, matplotlib and the record into it costs about 2 s of CPU,
more than many reports take to compute. A worker therefore keeps its kernel between reports and
gives each notebook what a new kernel would show it: an empty namespace (``%reset -f``), no open
figure, the project's modules imported afresh (the libraries beneath stay loaded), the
notebook's folder as working directory, the report's ``WBCOOP_*`` variables (output folder,
data package) and cell numbers counting from 1. A kernel that died (a crashing notebook) is
replaced before the next report; a worker stops its kernel when it exits, and a forked child
never uses its parent's.

A new kernel is waited for (up to a minute) while its process lives: on a loaded machine it can
take seconds to answer. Kernels launched together (the runner's workers, the tests' shared
kernels) now and then race for their ports, and one dies before it answers: a start-up failure,
not the notebook's. It is started again; a notebook's own failure (a cell's error) is never rerun.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from pathlib import Path

#: the kernel every report notebook runs in
KERNEL = "python3"

#: how a kernel that never started shows itself (jupyter_client)
KERNEL_START_FAILURES = ("Kernel died before replying to kernel_info", "Kernel didn't respond in")

#: the papermill engine that runs notebooks in the worker's warm kernel
ENGINE = "wbcoop-warm"

#: the environment a report reads (its output folder, the data package): set anew for each report
ENV_PREFIX = "WBCOOP_"

#: what a notebook finds when it starts in a kernel that ran another one before
RESET = ("%reset -f\n"
         "def _fresh(cwd, env):\n"
         "    import os, sys\n"
         "    if 'matplotlib.pyplot' in sys.modules:\n"
         "        sys.modules['matplotlib.pyplot'].close('all')\n"
         "    for name in [m for m in sys.modules if m == 'analysis' or m.startswith('analysis.')]:\n"
         "        del sys.modules[name]\n"
         "    for key in [k for k in os.environ if k.startswith({prefix!r})]:\n"
         "        del os.environ[key]\n"
         "    os.environ.update(env)\n"
         "    os.chdir(cwd)\n"
         "    get_ipython().execution_count = 1\n"
         "_fresh({cwd!r}, {env!r})\n"
         "del _fresh\n")


def reset_code(cwd: str | Path) -> str:
    """The code that gives a kernel which ran a notebook before what a new kernel would show the
    next one, in ``cwd``, with this process's ``WBCOOP_*`` variables (the report's folder and data).
    The runner's warm kernels and the tests' shared kernel both run it."""
    env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    return RESET.format(prefix=ENV_PREFIX, cwd=str(cwd), env=env)


#: how many kernels to start before giving up when a new one dies before it answers
START_ATTEMPTS = 3


class WarmKernel:
    """This process's kernel for report notebooks (:data:`WARM`)."""

    def __init__(self) -> None:
        self.km = None  # jupyter_client.KernelManager
        self.pid = 0  # the process that started it
        self.started = 0
        self.finalized_in = 0  # the process whose exit stops it (a forked child starts with none)

    def manager(self, kernel_name: str, cwd: str):
        """The kernel's manager, ready for a notebook in ``cwd``: started if there is none (or it
        died, or belongs to the parent of a fork), else reset."""
        if self.km is not None and self.pid != os.getpid():
            self.km = None  # the parent's kernel, inherited by fork: not ours to use or stop
        if self.km is not None and not run_sync(self.km.is_alive)():
            self.stop()
        if self.km is not None:
            self._run(reset_code(cwd))
            return self.km
        for attempt in range(1, START_ATTEMPTS + 1):
            self._start(kernel_name, cwd)
            try:
                self._run(reset_code(cwd))  # for a new kernel, also the wait until it answers
                return self.km
            except BaseException as exc:
                # jupyter_client picks free ports and the kernel binds them later: a kernel started at the same
                # moment in another process can take one first, and this kernel dies before it answers
                # (jupyter/jupyter_client#154, nteract/papermill#511). A fresh kernel gets fresh ports.
                self.stop()
                if attempt == START_ATTEMPTS or not isinstance(exc, Exception):
                    raise
        raise AssertionError("not reached: the last attempt returns or raises")

    def _start(self, kernel_name: str, cwd: str) -> None:
        from jupyter_client.manager import AsyncKernelManager

        km = AsyncKernelManager(kernel_name=kernel_name)  # nbclient's kind: its client notices a kernel that died
        read, write = os.pipe()
        try:
            # the kernel's own output (start-up warnings, a crash) goes to whatever fd 2 is when it
            # comes: the runner points fd 2 at the current report's log
            run_sync(km.start_kernel)(cwd=str(cwd), stdout=write, stderr=write)
        except BaseException:
            os.close(read)
            raise
        finally:
            os.close(write)
        threading.Thread(target=_forward, args=(read,), name="kernel-output", daemon=True).start()
        self.km, self.pid = km, os.getpid()
        self.started += 1
        if self.finalized_in != self.pid:
            import multiprocessing.util

            multiprocessing.util.Finalize(self, self.stop, exitpriority=10)  # a pool's worker runs it at exit
            self.finalized_in = self.pid

    def _run(self, code: str) -> None:
        from jupyter_client.blocking import BlockingKernelClient

        # parent=km: the client asks the kernel's process whether it lives. Without one it asks the heartbeat, which
        # counts a kernel not yet listening after a second as dead: on a loaded machine every start then "died"
        kc = BlockingKernelClient(parent=self.km)
        kc.load_connection_info(self.km.get_connection_info())
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            # store_history=False: the reset does not count as a cell; its output (there is none) is not printed
            reply = kc.execute_interactive(code, store_history=False, timeout=60, output_hook=lambda _msg: None)
        finally:
            kc.stop_channels()
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"resetting the report kernel failed: {content.get('ename')}: {content.get('evalue')}")

    def stop(self) -> None:
        """Stop the kernel, if this process started one."""
        km, self.km = self.km, None
        if km is not None and self.pid == os.getpid():
            with contextlib.suppress(Exception):  # already gone
                run_sync(km.shutdown_kernel)(now=True)


def run_sync(coroutine_function):
    """jupyter_core's: call an async kernel manager's method from plain code."""
    from jupyter_core.utils import run_sync as wrap

    return wrap(coroutine_function)


def _forward(fd: int) -> None:
    with os.fdopen(fd, "rb", buffering=0) as pipe:
        while chunk := pipe.read(65536):
            with contextlib.suppress(OSError):
                os.write(2, chunk)


#: this process's warm kernel (a runner worker, or a process building reports itself)
WARM = WarmKernel()


@functools.cache
def _register_engine() -> None:
    """Papermill's nbclient engine, given :data:`WARM`'s kernel instead of starting one; the
    client's channels are closed after each notebook (the kernel stays)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class WarmEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            km = WARM.manager(kernel_name, os.getcwd())  # papermill has moved into the notebook's folder
            kwargs = remove_args(["input_path", "timeout", "startup_timeout", "km"], **kwargs)
            client = PapermillNotebookClient(nb_man, km=km, **merge_kwargs(
                kwargs, timeout=execution_timeout, startup_timeout=start_timeout, kernel_name=kernel_name, log=logger,
                log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file))
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register(ENGINE, WarmEngine)


def execute(notebook: Path, executed: Path, parameters: dict, cwd: Path, attempts: int = 2) -> None:
    """Run ``notebook`` with ``parameters`` into ``executed`` in this process's warm kernel;
    papermill's errors pass through, but a kernel that dies before it starts is started again
    (``attempts`` in all), noted on stderr (fd 2: the runner points it at the report's log)."""
    import papermill

    _register_engine()
    for attempt in range(1, attempts + 1):
        try:
            papermill.execute_notebook(str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL,
                                       engine_name=ENGINE, cwd=str(cwd), progress_bar=False, log_output=False,
                                       report_mode=False)
            return
        except RuntimeError as exc:
            if attempt == attempts or not str(exc).startswith(KERNEL_START_FAILURES):
                raise
            os.write(2, f"kernel start failed ({exc}); starting it again\n".encode())
