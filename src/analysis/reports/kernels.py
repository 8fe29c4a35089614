"""Running a report's notebook in a Jupyter kernel (papermill), and starting again a kernel that
died before it started.

Kernels launched together (the runner's workers, the tests' shared kernels) now and then race
for their ports, and one dies before it answers: a start-up failure, not the notebook's. It is
started once more; a notebook's own failure (a cell's error) is never rerun.
"""

from __future__ import annotations

import os
from pathlib import Path

#: the kernel every report notebook runs in
KERNEL = "python3"

#: how a kernel that never started shows itself (jupyter_client)
KERNEL_START_FAILURES = ("Kernel died before replying to kernel_info", "Kernel didn't respond in")


def execute(notebook: Path, executed: Path, parameters: dict, cwd: Path, attempts: int = 2) -> None:
    """Run ``notebook`` with ``parameters`` into ``executed``; papermill's errors pass through, but a
    kernel that dies before it starts is started again (``attempts`` in all), noted on stderr (fd 2:
    the runner points it at the report's log)."""
    import papermill

    for attempt in range(1, attempts + 1):
        try:
            papermill.execute_notebook(str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL,
                                       cwd=str(cwd), progress_bar=False, log_output=False, report_mode=False)
            return
        except RuntimeError as exc:
            if attempt == attempts or not str(exc).startswith(KERNEL_START_FAILURES):
                raise
            os.write(2, f"kernel start failed ({exc}); starting it again\n".encode())
