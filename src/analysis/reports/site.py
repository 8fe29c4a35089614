"""The published site: report pages exported without code or outside requests, one shared
stylesheet, the Kosovo* footnote wherever the name appears, and the index of reports."""

from __future__ import annotations

import html
import json
from pathlib import Path

from analysis.atomic import write_text_atomic
from analysis.reports import interactive

TEMPLATES = Path(__file__).resolve().parent / "templates"
KOSOVO_NOTE = ("*This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 "
               "and the ICJ Opinion on the Kosovo declaration of independence.")

#: the workbook's own rules, after JupyterLab's: readable tables, figures that fit a phone
SITE_CSS = """
body { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
nav.site { font-family: system-ui, sans-serif; font-size: .9rem; padding: .6rem 0; }
.jp-RenderedHTMLCommon table.wb { border-collapse: collapse; font-size: .85rem; table-layout: auto; }
.jp-RenderedHTMLCommon table.wb th, .jp-RenderedHTMLCommon table.wb td { text-align: left; vertical-align: top; }
.jp-RenderedHTMLCommon table.wb td.num, .jp-RenderedHTMLCommon table.wb th.num { text-align: right;
  font-variant-numeric: tabular-nums; }
.jp-RenderedHTMLCommon table.wb td.date { white-space: nowrap; }
.jp-RenderedHTMLCommon table.wb caption { caption-side: top; text-align: left; font-weight: 600; padding: .3rem 0; }
.wb-files { font-size: .8rem; margin: .2rem 0 1rem; }
figure.wb { margin: 1rem 0; } figure.wb img { max-width: 100%; height: auto; }
figure.wb figcaption { font-size: .8rem; color: #555; }
footer.site { font-size: .8rem; color: #555; border-top: 1px solid #ddd; margin-top: 2rem; padding: .5rem 0 2rem; }
@media (max-width: 40rem) { .jp-RenderedHTMLCommon table.wb { display: block; overflow-x: auto; } }
"""


def _lab_css() -> str:
    """JupyterLab's page CSS as nbconvert ships it (light theme)."""
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("nbconvert", "templates"):
        static = Path(base) / "lab" / "static"
        if (static / "index.css").is_file():
            return (static / "index.css").read_text(encoding="utf-8") + (static / "theme-light.css").read_text(encoding="utf-8")
    return ""


def write_stylesheet(reports: Path) -> Path:
    """``reports/assets/report.css``, the one stylesheet every page links to (rewritten only if it changed)."""
    target = reports / "assets" / "report.css"
    target.parent.mkdir(parents=True, exist_ok=True)
    css = _lab_css() + SITE_CSS
    if not target.exists() or target.read_text(encoding="utf-8") != css:
        write_text_atomic(target, css)
    return target


def footer(body: str) -> str:
    """The page footer: the source line, and the Kosovo* footnote when the page names Kosovo."""
    note = f"<p>{html.escape(KOSOVO_NOTE)}</p>" if "Kosovo" in body else ""
    return ('<footer class="site"><p>Every event links to the public page it comes from; the record and its codebook '
            f"are in the workbook's data/ folder.</p>{note}</footer>")


def export_page(executed: Path, target: Path, title: str) -> None:
    """The executed notebook as a page without code that loads nothing from outside its site."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="workbook", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    body = body.replace("</main>", footer(body) + "</main>", 1)
    target.write_text(body, encoding="utf-8")


def write_index(rows: list[dict], data_version: str, reports: Path) -> None:
    """``reports/index.html`` from one row per report: link, notebook, parameters, version, build time, state, error."""
    write_stylesheet(reports)
    interactive.write_script(reports)
    lines = []
    for r in rows:
        link = f'<a href="{html.escape(r["name"])}/index.html">{html.escape(r["title"])}</a>' if r["built"] else html.escape(r["title"])
        err = f'<div class="err">{html.escape(r["error"])}</div>' if r["error"] else ""
        lines.append(f"<tr class=\"{'failed' if r['error'] else 'ok'}\"><td>{link}</td><td><code>{html.escape(r['notebook'])}"
                     f"</code></td><td>{html.escape(r['parameters'])}</td><td>{html.escape(r['data_version'])}</td>"
                     f"<td class=\"date\">{html.escape(r['built_at'])}</td><td>{html.escape(r['state'])}{err}</td></tr>")
    table = "\n".join(lines)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Western Balkans cooperation reports</title><link rel="stylesheet" href="assets/report.css">
<script src="assets/tables.js" defer></script>
<style>tr.failed td{{background:#fff3f0}}.err{{color:#a33;font-family:monospace;font-size:.8rem;white-space:pre-wrap}}</style></head>
<body class="jp-Notebook"><main class="jp-RenderedHTMLCommon">
<h1>Migration and border-security cooperation in the Western Balkans: reports</h1>
<p>Data version <code>{html.escape(data_version)}</code>. Every event in these reports links to the public page it
comes from. Built by <code>python -m analysis reports</code> from <code>reports.yaml</code>.</p>
<table class="wb" data-page-length="100"><caption>The reports, their parameters and when they were last built</caption>
<thead><tr><th>Report</th><th>Notebook</th><th>Parameters</th><th>Data version</th><th>Built</th><th>Status</th></tr></thead>
<tbody>
{table}
</tbody></table>
{footer(table)}</main></body></html>
"""
    write_text_atomic(reports / "index.html", page)


def load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
