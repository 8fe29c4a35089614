"""Open published pages in a real browser (headless Chromium, through the DevTools protocol) and
say what a reader would hit: console errors, failed requests, requests that leave the page's own
folder, images that do not render or carry nbconvert's default alt text, links to files that do
not exist, tables that the site's script did not make searchable. Used by the browser test; needs the
``chromium`` Debian package (``.ci/run`` installs it).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_ALT = "No description has been provided for this image"
_PAGE_FACTS = """(() => ({
  images: [...document.images].map(i => ({src: i.src, alt: i.alt, ok: i.complete && i.naturalWidth > 0})),
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  tables: document.querySelectorAll('table.wb').length,
  interactive: document.querySelectorAll('table.wb.dataTable').length,
}))()"""
_TABLES_READY = "document.documentElement.getAttribute('data-tables') === 'ready' || !document.querySelector('table.wb')"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageReport:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    default_alt: list[str] = field(default_factory=list)
    dead_links: list[str] = field(default_factory=list)
    static_tables: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"{kind}: {item}" for kind in ("console_errors", "failed_requests", "outside_requests", "broken_images",
                                               "default_alt", "dead_links", "static_tables") for item in getattr(self, kind)]


class Browser:
    """One headless Chromium, driven over its DevTools websocket."""

    def __init__(self, executable: str | None = None, timeout: float = 30):
        import websocket

        exe = executable or find_chromium()
        if exe is None:
            raise RuntimeError("no Chromium found: install the Debian package 'chromium' (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="wb-chromium-")
        args = [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={self.profile}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if not port_file.exists():
            self.close()
            raise RuntimeError("Chromium did not start its DevTools endpoint")
        port = port_file.read_text().split()[0]
        targets = json.loads(_http_get(f"http://127.0.0.1:{port}/json"))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout)
        self.timeout = timeout
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                return msg.get("result", {})
            self.events.append(msg)

    def open(self, path: Path) -> PageReport:
        self.events = []
        url = path.resolve().as_uri()
        report = PageReport(url)
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                report.console_errors.append(f"the page did not finish loading within {self.timeout:.0f} s")
                break
            self.events.append(json.loads(self.ws.recv()))
        while not self.call("Runtime.evaluate", expression=_TABLES_READY, returnByValue=True)["result"].get("value"):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        facts = self.call("Runtime.evaluate", expression=_PAGE_FACTS, returnByValue=True)["result"]["value"]
        folder = path.resolve().parent
        for msg in self.events:
            method, p = msg.get("method"), msg.get("params", {})
            if method == "Runtime.consoleAPICalled" and p.get("type") == "error":
                report.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                report.console_errors.append(p.get("exceptionDetails", {}).get("text", "exception"))
            elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                report.console_errors.append(p["entry"].get("text", ""))
            elif method == "Network.loadingFailed":
                report.failed_requests.append(p.get("errorText", "") + " " + p.get("requestId", ""))
            elif method == "Network.requestWillBeSent":
                target = p.get("request", {}).get("url", "")
                if not _inside(target, folder):
                    report.outside_requests.append(target)
        if facts["interactive"] < facts["tables"]:
            report.static_tables.append(f"{facts['tables'] - facts['interactive']} of {facts['tables']} tables "
                                        "not searchable (assets/tables.js did not start)")
        for img in facts["images"]:
            if not img["ok"]:
                report.broken_images.append(img["src"])
            if not img["alt"] or DEFAULT_ALT in img["alt"]:
                report.default_alt.append(img["src"])
        for href in facts["links"]:
            if href.startswith("file:"):
                target = Path(unquote(urlsplit(href).path))
                if not target.exists():
                    report.dead_links.append(href)
        return report

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _inside(url: str, folder: Path) -> bool:
    """A request stays inside the site when it is a file under the site's folder (or inline data)."""
    if url.startswith(("data:", "about:", "blob:")):
        return True
    if not url.startswith("file:"):
        return False
    target = Path(unquote(urlsplit(url).path)).resolve()
    site = folder.parent if (folder.parent / "index.html").exists() else folder
    return os.path.commonpath([target, site]) == str(site)


def _http_get(url: str) -> str:
    from urllib.request import urlopen

    with urlopen(url, timeout=10) as resp:
        return resp.read().decode("utf-8")
