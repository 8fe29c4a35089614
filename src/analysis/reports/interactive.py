"""Tables readers can search, sort and filter, offline, with ITables (DataTables).

On the published pages every table is written as plain HTML (readable without JavaScript, and
small); one shared script, ``reports/assets/tables.js``, carries the DataTables bundle that the
installed ``itables`` package ships and turns every ``table.wb`` into an interactive table (pages of 25 rows, or of the table's
``data-page-length``). It is
loaded from the site's own folder and starts DataTables from a ``blob:`` URL, so pages work from a
USB stick (``file://``) with no request leaving the site. In JupyterLab, :func:`show` uses ITables'
offline notebook mode. Runs that compare stored outputs (nbval, ``notebooks-refresh``) set
``WBCOOP_STATIC_TABLES=1`` and get the plain tables, which are deterministic.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.atomic import write_text_atomic

if TYPE_CHECKING:  # the runner imports this module; pandas would cost its start-up 0.4 s
    import pandas as pd

STATIC_ENV = "WBCOOP_STATIC_TABLES"
SCRIPT = "tables.js"

#: DataTables options for every table: no initial re-ordering (the page's order is meaningful),
#: pages of 25 rows, a search box per column and the global search box
OPTIONS = {
    "order": [],
    "pageLength": 25,
    "lengthMenu": [10, 25, 100, -1],
    "columnControl": ["order", ["orderAsc", "orderDesc", "spacer", "search"]],
    "autoWidth": False,
}


def _bundle() -> tuple[str, str, str]:
    """The DataTables JavaScript and CSS that ``itables`` ships, and its version (found without
    importing itables, which would import pandas into every run of the report runner)."""
    from importlib.metadata import version
    from importlib.util import find_spec

    spec = find_spec("itables")
    if spec is None or not spec.submodule_search_locations:
        from analysis.errors import AnalysisError

        raise AnalysisError("itables is not installed: run 'make install' (it ships the tables' script)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "html"
    return ((folder / "dt_bundle.js").read_text(encoding="utf-8"), (folder / "dt_bundle.css").read_text(encoding="utf-8"),
            version("itables"))


def script() -> str:
    """The shared script: add the bundle's CSS, import the bundle from a ``blob:`` URL (a module
    import from ``file://`` would be refused), then make every ``table.wb`` interactive."""
    js, css, version = _bundle()
    # "</" cannot end a script element early here (the text is in its own file), but keep the
    # JSON strings free of it anyway so the same text can be inlined if ever needed.
    js_text, css_text = (json.dumps(t).replace("</", "<\\/") for t in (js, css))
    return f"""// DataTables for the workbook's report pages: the bundle shipped by itables {version}
// (https://github.com/mwouts/itables, MIT; DataTables (c) SpryMedia Ltd, MIT), loaded offline.
(function () {{
  "use strict";
  var css = {css_text};
  var js = {js_text};
  var options = {json.dumps(OPTIONS)};
  function start() {{
    var style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
    var url = URL.createObjectURL(new Blob([js], {{type: "text/javascript"}}));
    import(url).then(function (dt) {{
      URL.revokeObjectURL(url);
      document.querySelectorAll("table.wb").forEach(function (table) {{
        var length = Number(table.getAttribute("data-page-length")) || options.pageLength;
        new dt.ITable(table, Object.assign({{}}, options, {{pageLength: length, paging: table.tBodies[0].rows.length > length}}));
      }});
      document.documentElement.setAttribute("data-tables", "ready");
    }}, function (err) {{
      console.error("interactive tables could not start: " + err);
    }});
  }}
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
}})();
"""


def write_script(reports: Path) -> Path:
    """``reports/assets/tables.js`` (rewritten only when the installed bundle changed)."""
    target = reports / "assets" / SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    text = script()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        write_text_atomic(target, text)
    return target


def wanted() -> bool:
    """Interactive tables in a notebook session, unless stored outputs are being compared."""
    return not os.environ.get(STATIC_ENV)


_started = False


def show(df: pd.DataFrame, caption: str) -> None:
    """An interactive table in JupyterLab (ITables offline mode: the bundle is embedded in the
    first table's output, so the notebook keeps working without a network)."""
    global _started
    import itables

    if not _started:
        itables.init_notebook_mode(all_interactive=False, connected=False)
        _started = True
    itables.show(df, caption=caption, **{k: v for k, v in OPTIONS.items() if k != "autoWidth"})
