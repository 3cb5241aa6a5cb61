"""Lighthouse (mobile) on one page of every page type of a built site.

    .venv/bin/python bench/lighthouse.py /tmp/site            # after `wegwijzer bouwen --uit /tmp/site`

Serves the site on localhost with gzip, the way a web host would, and runs the
`lighthouse` command (npm: `npm install -g lighthouse`) against Debian's Chromium
(CHROME_PATH=/usr/bin/chromium). Prints a Markdown table: the four category
scores, CLS, TBT, the bytes transferred and the number of DOM nodes.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: One page of each page type; the first existing directory in a folder is taken for `*`.
PAGE_TYPES = {
    "Start": "",
    "MKB-route": "mkb/",
    "MKB-stap": "mkb/stap-1/",
    "HR-substap": "stappen/stap-1/*",
    "Knelpunten (lijst)": "knelpunten/",
    "Knelpunt": "knelpunten/*",
    "Oplossingen (lijst)": "oplossingen/",
    "Oplossing": "oplossingen/*",
    "Werkdrukfactor": "werkdrukmodel/*",
    "Werkdrukscan": "scan/",
    "Teamscan": "scan/team/",
    "Checklist": "checklists/*",
    "Plan van aanpak": "plan/",
    "Werknemer/OR": "werknemer/",
    "Werksessie": "werksessie/",
}

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".mjs", ".wasm"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on the fly for the types a host would compress."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def pick(site: Path, pattern: str) -> str | None:
    if not pattern.endswith("*"):
        return pattern if (site / pattern / "index.html").is_file() or not pattern else None
    folder = site / pattern[:-1]
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if child.is_dir() and (child / "index.html").is_file():
            return f"{pattern[:-1]}{child.name}/"
    return None


def lighthouse(url: str, out: Path) -> dict:
    subprocess.run(
        ["lighthouse", url, "--quiet", "--output=json", f"--output-path={out}", "--form-factor=mobile",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True,
    )
    report = json.loads(out.read_text())
    audits = report["audits"]
    score = lambda name: round(100 * (report["categories"][name]["score"] or 0))  # noqa: E731
    return {
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "best-practices": score("best-practices"),
        "seo": score("seo"),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "nodes": audits["dom-size"].get("numericValue"),
        "failed": [k for k, a in audits.items() if a.get("score") == 0 and a.get("scoreDisplayMode") == "binary"],
    }


def main(argv: list[str]) -> int:
    site = Path(argv[0]).resolve()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    rows = ["| pagina | performance | accessibility | best practices | SEO | CLS | TBT ms | bytes (gzip) | DOM-nodes |", "|---|---|---|---|---|---|---|---|---|"]
    try:
        with tempfile.TemporaryDirectory() as work:
            for name, pattern in PAGE_TYPES.items():
                path = pick(site, pattern)
                if path is None:
                    continue
                r = lighthouse(f"http://127.0.0.1:{httpd.server_port}/{path}", Path(work) / "report.json")
                rows.append(f"| {name} (`/{path}`) | {r['performance']} | {r['accessibility']} | {r['best-practices']} | {r['seo']} | "
                            f"{r['cls']:.3f} | {r['tbt']:.0f} | {r['bytes'] / 1024:.1f} KB | {r['nodes']:.0f} |")
                print(rows[-1] + (f"  failed: {', '.join(r['failed'])}" if r["failed"] else ""), flush=True)
    finally:
        httpd.shutdown()
    print("\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
