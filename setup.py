"""Build hook: the wheel ships the data package, the notebooks and the report configuration.

They live at the top of the repository (where analysts and curators work on them); a wheel
carries them inside the package as ``analysis/_shipped/`` so that an installed workbook finds
its data and can build its reports from any folder (see ``analysis.locations``). All other
metadata is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = {"data": ("*.json", "*.csv", "*.md"), "notebooks": ("*.ipynb", "*.cfg")}


class BuildWithWorkbook(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "analysis" / "_shipped"
        for folder, patterns in SHIPPED.items():
            (target / folder).mkdir(parents=True, exist_ok=True)
            for pattern in patterns:
                for path in (ROOT / folder).glob(pattern):
                    shutil.copy2(path, target / folder / path.name)
        shutil.copy2(ROOT / "reports.yaml", target / "reports.yaml")


setup(cmdclass={"build_py": BuildWithWorkbook})
