"""The published pages as a reader's browser meets them (headless Chromium): no console error,
no failed request, no request leaving the site, every image rendered with real alt text, every
link to a file resolving, and the figure check's verdict recorded by the runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.reports import runner
from analysis.reports.browser import Browser, find_chromium
from conftest import SITE_PAGES, site_pages

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def browser():
    if find_chromium() is None:
        message = "no Chromium here: run 'apt-get install chromium' (as .ci/run does), then 'make test'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with Browser() as b:
        yield b


#: the pages opened: one report of every notebook locally, every page in CI (conftest.site_pages)
PAGES = SITE_PAGES
_wanted = site_pages


def test_the_browser_test_covers_every_report_notebook():
    specs = runner.load_config()
    assert {s.notebook for s in specs if s.name in PAGES} == {s.notebook for s in specs}
    assert {s.name for s in specs} >= set(PAGES)


@pytest.fixture(scope="module")
def site(site_build) -> Path:
    """The reports built once per session (conftest.site_build), shared with test_runner.py."""
    return site_build["reports"]


def test_every_page_is_clean_in_a_browser(browser, site: Path):
    pages = [site / "index.html", *sorted(site.glob("*/index.html"))]
    assert len(pages) == len(_wanted()) + 1
    for page in pages:
        report = browser.open(page)
        assert report.problems() == [], (page, report.problems())


def test_pages_carry_the_kosovo_footnote_where_they_name_kosovo(site: Path):
    page = (site / "country-xk" / "index.html").read_text(encoding="utf-8")
    assert "UNSCR 1244/1999" in page and "ICJ Opinion" in page


def test_the_browser_check_finds_what_a_reader_would_hit(browser, tmp_path: Path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html><head><script src="https://cdn.example.org/x.js"></script></head><body>'
                   '<img src="missing.png" alt="No description has been provided for this image">'
                   '<a href="nowhere.csv">data</a><script>console.error("boom")</script></body></html>', encoding="utf-8")
    report = browser.open(bad)
    assert report.outside_requests and report.broken_images and report.default_alt and report.dead_links
    assert any("boom" in e for e in report.console_errors)


def test_the_figure_check_found_no_overlapping_tick_labels(site: Path):
    import json

    checks = sorted(site.glob("*/figures/checks.json"))
    assert len(checks) == len(_wanted())
    verdicts = {f"{p.parent.parent.name}/{name}": v for p in checks for name, v in json.loads(p.read_text()).items()}
    assert len(verdicts) >= 8
    assert {k: v for k, v in verdicts.items() if v["overlapping_tick_labels"]} == {}
