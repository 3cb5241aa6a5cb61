"""Benchmark: from saving one knelpunt to the reloaded page in the preview.

    .venv/bin/python bench/voorvertoning.py                 # the example guide, 100 and 1,000 knelpunten
    .venv/bin/python bench/voorvertoning.py voorbeeld 1000  # chosen guides
    .venv/bin/python bench/voorvertoning.py --mkdocs 100    # `mkdocs serve --dirty` instead
    .venv/bin/python bench/voorvertoning.py --schoon 100    # plain `mkdocs serve` (no --dirty), as before
    .venv/bin/python bench/voorvertoning.py --keer 2 1000   # two saves instead of five

It starts the preview an editor starts (`wegwijzer bekijken`, which `scripts/serve`
runs: MkDocs' `serve --dirty` in this package's server, told of a save by the
system at once; `mkdocs serve` looks for saved files every 0.15 s, 0.2 to 0.3 s
more at 1,000 knelpunten), opens a knelpunt page in Chromium, then changes that
knelpunt's title on disk REPEATS times. For each save it measures the seconds
until the page in the browser shows the new title (livereload included), and the
build time MkDocs reports. To measure another version of the package, put its
`plugins` folder first: `PYTHONPATH=/elders/plugins python bench/voorvertoning.py`.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from genereer import genereer  # noqa: E402

REPEATS = 5
#: A build's time as the preview logs it: a whole build (MkDocs', in English or Dutch) or a quick one (quick.py).
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds|(?:De site is gebouwd|De voorvertoning is bijgewerkt) in ([\d,]+) seconden")


def example(work: Path) -> Path:
    project = work / "voorbeeld"
    for name in ("catalogus", "content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "plugins" / "wegwijzer" / "start" / "mkdocs.yml", project / "mkdocs.yml")
    return project


def builds(log: Path) -> list[float]:
    return [float((a or b).replace(",", ".")) for a, b in BUILT.findall(log.read_text(encoding="utf-8", errors="replace"))]


def measure(project: Path, knelpunt: str, preview: str, repeats: int = REPEATS) -> dict:
    """`preview`: "bekijken" (`wegwijzer bekijken`), "dirty" (`mkdocs serve --dirty`) or "schoon" (`mkdocs serve`)."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "serve.log"
    command = ([sys.executable, "-m", "wegwijzer", "bekijken", "--poort", str(port)] if preview == "bekijken" else
               [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if preview == "dirty" else []), "-a", f"127.0.0.1:{port}"])
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    path = project / "catalogus" / "knelpunten" / f"{knelpunt}.yml"
    seen, built = [], []
    try:
        end = time.monotonic() + 1800
        while not builds(log):
            if server.poll() is not None or time.monotonic() > end:
                raise SystemExit(log.read_text()[-3000:])
            time.sleep(0.2)
        first = builds(log)[0]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/knelpunten/{knelpunt}/")
            time.sleep(2)  # livereload connected, PDFs of the first build settled
            for i in range(repeats):
                title = f"Proefmeting {i} van de voorvertoning"
                text = path.read_text(encoding="utf-8")
                text = re.sub(r"^titel: .*$", f"titel: {title}", text, count=1, flags=re.M)
                count = len(builds(log))
                start = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                page.wait_for_function("t => document.querySelector('h1') && document.querySelector('h1').textContent.includes(t)", arg=title, timeout=600_000, polling=50)
                seen.append(time.perf_counter() - start)
                time.sleep(1.5)
                if len(builds(log)) > count:  # MkDocs leaves out a line it logged before (DuplicateFilter)
                    built.append(builds(log)[count])
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"eerste_build_s": first, "gebouwd_s": statistics.median(built) if built else float("nan"), "ververst_s": statistics.median(seen),
            "ververst_max_s": max(seen)}


def main(argv: list[str]) -> int:
    preview = "schoon" if "--schoon" in argv else "dirty" if "--mkdocs" in argv else "bekijken"
    repeats = int(argv[argv.index("--keer") + 1]) if "--keer" in argv else REPEATS
    guides = [a for i, a in enumerate(argv) if not a.startswith("--") and not (i and argv[i - 1] == "--keer")] or ["voorbeeld", "100", "1000"]
    import wegwijzer

    shown = {"bekijken": "wegwijzer bekijken", "dirty": "mkdocs serve --dirty", "schoon": "mkdocs serve"}[preview]
    print(f"pakket: {Path(wegwijzer.__file__).parent}; preview: {shown}", flush=True)
    print("gids | knelpunten | eerste build s | herbouw s (mediaan) | opslaan → pagina ververst s (mediaan) | max s", flush=True)
    for guide in guides:
        with tempfile.TemporaryDirectory(prefix="wegwijzer-voorvertoning-") as work:
            work = Path(work)
            if guide == "voorbeeld":
                project, knelpunt = example(work), "lawaai-op-de-groep"
            else:
                project, knelpunt = genereer(int(guide), work / "gids"), "knelpunt-00000"
            os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # PDFs of this run only
            from wegwijzer.catalogus import load_catalogus
            n = len(load_catalogus(project / "catalogus").knelpunten)  # the base's included
            r = measure(project, knelpunt, preview, repeats)
            print(f"{guide} | {n} | {r['eerste_build_s']:.2f} | {r['gebouwd_s']:.2f} | {r['ververst_s']:.2f} | {r['ververst_max_s']:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
