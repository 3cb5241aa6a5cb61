"""Benchmark: from "Publiceer nu" in the browser editor to the change on the page, in the preview.

    .venv/bin/python bench/editor_opslaan.py            # the example guide, 3 saves of each kind
    .venv/bin/python bench/editor_opslaan.py --keer 5

It starts the preview as an editor does (`wegwijzer bekijken`) on a copy of the
example, opens the editor (/admin/) in one Chromium tab and, in a second tab, the
page where the change must appear. Each save goes through the editor page's own
connection to the preview (the request Decap CMS sends when you click "Publiceer
nu": `persistEntry` to the local backend), so the time counted is: the save, the
rebuild, the live reload of the second tab, and that tab showing the new text.
Kinds: a changed knelpunt title, a new knelpunt, a new oplossing, a changed
oplossing, a new own page, and a changed guide title (on every page).
Prints a table and writes the figures under "editor_opslaan" in bench/resultaten.json.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "resultaten.json"
API = "/_wegwijzer/api/v1"

PAGINA = """---
title: {titel}
---

# {titel}

Een eigen pagina uit de editor, voor de meting.
"""


def example(work: Path) -> Path:
    project = work / "voorbeeld"
    for name in ("catalogus", "content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "plugins" / "wegwijzer" / "start" / "mkdocs.yml", project / "mkdocs.yml")
    return project


def kinds(project: Path):
    """(name, the page that shows it, a function n -> (path, text, the words to wait for))."""
    knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
    original_knelpunt = knelpunt.read_text(encoding="utf-8")
    oplossing = next((project / "catalogus" / "oplossingen").glob("*.yml"))
    original_oplossing = oplossing.read_text(encoding="utf-8")
    info = project / "catalogus" / "catalogus.yml"
    original_info = info.read_text(encoding="utf-8")

    def changed_title(n):
        words = f"Lawaai op de groep, meting {n}"
        return "catalogus/knelpunten/lawaai-op-de-groep.yml", _replace_first(original_knelpunt, "titel:", f"titel: {words}"), words

    # a new entry is a copy of an existing one under a new title, as an editor fills in every required field
    def new_knelpunt(n):
        words = f"Nieuw knelpunt voor de meting {n}"
        return f"catalogus/knelpunten/nieuw-knelpunt-meting-{n}.yml", _replace_first(original_knelpunt, "titel:", f"titel: {words}"), words

    def new_oplossing(n):
        words = f"Nieuwe oplossing voor de meting {n}"
        return f"catalogus/oplossingen/nieuwe-oplossing-meting-{n}.yml", _replace_first(original_oplossing, "titel:", f"titel: {words}"), words

    def changed_oplossing(n):
        words = f"Veranderde oplossing, meting {n}"
        return f"catalogus/oplossingen/{oplossing.name}", _replace_first(original_oplossing, "titel:", f"titel: {words}"), words

    def new_page(n):
        words = f"Eigen pagina voor de meting {n}"
        return f"content/meting-{n}.md", PAGINA.format(titel=words), words

    def guide_title(n):
        words = f"Werkdruk Wegwijzer Meting {n}"
        return "catalogus/catalogus.yml", _replace_first(original_info, "titel:", f"titel: {words}"), words

    oplossing_page = f"/oplossingen/{oplossing.stem}/"
    return [
        ("knelpunt veranderd (titel)", "/knelpunten/lawaai-op-de-groep/", changed_title),
        ("nieuw knelpunt", "/knelpunten/", new_knelpunt),
        ("nieuwe oplossing", "/oplossingen/", new_oplossing),
        ("oplossing veranderd (titel)", oplossing_page, changed_oplossing),
        ("nieuwe eigen pagina", "/", new_page),
        ("titel van de gids (elke pagina)", "/stappen/stap-3/", guide_title),
    ]


def _replace_first(text: str, start: str, line: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, current in enumerate(lines):
        if current.startswith(start):
            lines[i] = line + "\n"
            break
    return "".join(lines)


def measure(project: Path, repeats: int) -> dict:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    log = (project / "bekijken.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "wegwijzer", "bekijken", "--poort", str(port)], cwd=project, stdout=log, stderr=subprocess.STDOUT)
    results = {}
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/_wegwijzer/status", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            editor = browser.new_page(viewport={"width": 1280, "height": 900})
            editor.goto(base + "/admin/")
            editor.get_by_role("button", name="Inloggen").wait_for()
            watcher = browser.new_page(viewport={"width": 1280, "height": 900})
            n = 0
            for name, page_path, make in kinds(project):
                times = []
                for _ in range(repeats):
                    n += 1
                    path, text, words = make(n)
                    watcher.goto(base + page_path)
                    watcher.wait_for_load_state("load")
                    watcher.wait_for_timeout(300)  # its live reload asks the preview
                    start = time.monotonic()
                    editor.evaluate(
                        """([url, path, raw]) => fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                             body: JSON.stringify({action: "persistEntry", params: {branch: "main", entry: {path, raw, slug: "x"}, assets: []}})})
                             .then(r => { if (!r.ok) throw new Error(r.status); })""",
                        [base + API, path, text],
                    )
                    watcher.wait_for_function("words => document.body && document.body.textContent.includes(words)", arg=words, timeout=60000, polling=20)
                    times.append(time.monotonic() - start)
                results[name] = {"mediaan_s": round(statistics.median(times), 2), "max_s": round(max(times), 2), "keer": repeats}
                print(f"{name:34} mediaan {results[name]['mediaan_s']:.2f} s   hoogst {results[name]['max_s']:.2f} s", flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    return results


def main(argv: list[str]) -> None:
    repeats = int(argv[argv.index("--keer") + 1]) if "--keer" in argv else 3
    with tempfile.TemporaryDirectory() as work:
        project = example(Path(work))
        results = measure(project, repeats)
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data["editor_opslaan"] = {
        "gemeten": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "wat": "seconden van opslaan in de editor tot de verandering zichtbaar is in een open tabblad van de voorvertoning (voorbeeldgids)",
        "resultaten": results,
    }
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
