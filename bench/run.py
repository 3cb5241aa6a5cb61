"""Benchmark: the Wegwijzer against plain mkdocs-material at 100, 1,000 and 5,000 knelpunten.

    .venv/bin/python bench/run.py                # all three sizes (about a quarter of an hour)
    .venv/bin/python bench/run.py 100 1000       # chosen sizes

For each size it generates a sector catalogus (bench/genereer.py), then measures,
alternating between the two: the full build of the guide and of the floor (plain
mkdocs-material, its search on, one Markdown page per generated page with the same
text, the same small navigation); the guide's first build has nothing kept yet
(its PDFs are made), the second keeps what did not change (`cache.py`), and a
third follows a change to one knelpunt; loading and validating the catalogus alone; a
rebuild under `mkdocs serve` after touching one knelpunt; and the sizes that reach
a visitor: the site, the search index, the tools' data and the first view of
every page type (bench/lighthouse.py names them). Prints tables and writes
bench/resultaten.json.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from genereer import genereer  # noqa: E402
from lighthouse import PAGE_TYPES, pick  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
REPEATS = 2


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build van {config} mislukt:\n{result.stderr[-3000:]}")
    # Our build leaves the old site to be deleted after it has ended; let that finish
    # before the next build is timed, so it does not slow the floor down.
    while any(site.parent.glob(f".{site.name}-oud-*")):
        time.sleep(0.1)
    return seconds


def make_floor(project: Path, work: Path) -> Path:
    """A plain mkdocs-material project with our generated pages as Markdown files."""
    floor = work / "floor"
    docs = floor / "docs"
    ours = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    hooked = project / "mkdocs-dump.yml"
    hooked.write_text((project / "mkdocs.yml").read_text(encoding="utf-8") + f"\nhooks:\n  - {HERE / 'dump_hook.py'}\n", encoding="utf-8")
    # with a cache of its own: what it keeps must not make the guide's first timed build look warm
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(hooked), "-d", str(work / "dump-site")],
                   env={**ENV, "WEGWIJZER_DUMP": str(docs), "XDG_CACHE_HOME": str(work / "dump-cache")}, check=True, capture_output=True)
    config = {
        "site_name": "Floor",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}],
        "markdown_extensions": ours["markdown_extensions"],
        "nav": ours["nav"],
    }
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return floor


def load_times(catalogus: Path) -> dict[str, float]:
    """Loading and validating the catalogus alone, in seconds, each in a new process as a
    `mkdocs build` or `wegwijzer` command is, except the preview's (`mkdocs serve` loads again
    in the process it runs in)."""
    knelpunt = next((catalogus / "knelpunten").glob("*.yml"))
    timed = "t=time.perf_counter(); l({catalogus!r}); print(time.perf_counter()-t)\n".format(catalogus=str(catalogus))
    touch = f"os.utime({str(knelpunt)!r})\n"
    head = "import os,sys,time; from wegwijzer.catalogus import load_catalogus as l\n"
    with tempfile.TemporaryDirectory() as cache:
        env = {**ENV, "XDG_CACHE_HOME": cache}

        def run(code: str) -> list[float]:
            return [float(x) for x in subprocess.run([PYTHON, "-c", head + code], env=env, capture_output=True, text=True, check=True).stdout.split()]

        cold, preview = run(timed + touch + timed)  # nothing kept yet; then one saved file in the same process
        changed = run(touch + timed)[0]  # a new process after one saved file: the other files are kept
        unchanged = run(timed)[0]  # no file changed: every file kept; the model is written now
        model = run(timed)[0]  # no file changed again: the whole model comes from the cache
    return {"koud": cold, "na_wijziging": changed, "preview": preview, "ongewijzigd": unchanged, "model": model}


def serve_rebuild(project: Path) -> tuple[float, float]:
    """(first build, rebuild after one touched knelpunt) in seconds, as the preview reports them."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "serve.log"
    with log.open("w") as out:
        # as `wegwijzer bekijken` runs it: only changed pages are written again
        server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
                                  cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
    built = re.compile(r"(?:Documentation built in|De site is gebouwd in|De voorvertoning is bijgewerkt in) ([\d.,]+) seconde?n?s?")
    try:
        def wait(count: int) -> list[float]:
            end = time.monotonic() + 1800
            while time.monotonic() < end:
                found = [float(x.replace(",", ".")) for x in built.findall(log.read_text())]
                if len(found) >= count:
                    return found
                if server.poll() is not None:
                    raise SystemExit(log.read_text()[-3000:])
                time.sleep(0.5)
            raise SystemExit("mkdocs serve bouwde niet op tijd")

        first = wait(1)[0]
        time.sleep(2)
        knelpunt = project / "catalogus" / "knelpunten" / "knelpunt-00000.yml"
        knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("titel: ", "titel: Aangepast ", 1), encoding="utf-8")
        return first, wait(2)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)


def first_view_bytes(site: Path) -> dict[str, int]:
    """Per page type (bench/lighthouse.py): the bytes (gzip) Chromium fetches for a first view, empty cache."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    sizes = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-background-networking"])
            for name, pattern in PAGE_TYPES.items():
                path = pick(site, pattern)
                if path is None:
                    continue
                context = browser.new_context(viewport={"width": 360, "height": 740})
                page = context.new_page()
                fetched: list[str] = []
                page.on("request", lambda r: fetched.append(r.url))
                page.goto(f"http://127.0.0.1:{httpd.server_port}/{path}")
                page.wait_for_load_state("networkidle")
                context.close()
                total = 0
                for url in fetched:
                    local = re.sub(r"^http://127\.0\.0\.1:\d+/", "", url).split("?")[0].split("#")[0]
                    file = site / (local + "index.html" if local.endswith("/") or not local else local)
                    if file.is_file():
                        total += len(gzip.compress(file.read_bytes(), 6))
                sizes[name] = total
            browser.close()
    finally:
        httpd.shutdown()
    return sizes


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(n: int, work: Path) -> dict:
    print(f"\n== {n} knelpunten ==", flush=True)
    # A cache of this size's own, empty: the first build keeps nothing (the user's cache may hold this
    # very guide's PDFs and renders from an earlier run), and a change finds nothing made before.
    ENV["XDG_CACHE_HOME"] = str(work / "cache")
    project = genereer(n, work / "gids")
    floor = make_floor(project, work)
    pages_floor = len(list((floor / "docs").rglob("*.md")))
    ours, base = [], []
    for _ in range(REPEATS):  # alternating, so load on the machine hits both alike
        base.append(build(floor / "mkdocs.yml", work / "site-floor"))
        ours.append(build(project / "mkdocs.yml", work / "site"))
        print(f"  floor {base[-1]:.1f} s, wegwijzer {ours[-1]:.1f} s", flush=True)
    # after one saved knelpunt: that page and the pages that list it are made again, and the search index
    knelpunt = project / "catalogus" / "knelpunten" / "knelpunt-00000.yml"
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("titel: ", "titel: Gewijzigd ", 1), encoding="utf-8")
    after_change = build(project / "mkdocs.yml", work / "site")
    print(f"  wegwijzer na 1 gewijzigd knelpunt {after_change:.1f} s", flush=True)
    site = work / "site"
    pages = len(list(site.rglob("index.html"))) - 1
    load = load_times(project / "catalogus")
    serve_first, serve_again = serve_rebuild(project)
    first_views = first_view_bytes(site)
    return {
        "knelpunten": n,
        "oplossingen": 2 * n,
        "paginas": pages,
        "paginas_floor": pages_floor,
        "build_s": min(ours),
        "build_s_eerste": ours[0],
        "floor_s": min(base),
        "verhouding": round(min(ours) / min(base), 2),
        "build_s_na_wijziging": after_change,  # one knelpunt changed since the last build
        "verhouding_na_wijziging": round(after_change / min(base), 2),
        "ms_per_pagina": round(1000 * min(ours) / pages, 2),
        "floor_ms_per_pagina": round(1000 * min(base) / pages_floor, 2),
        "laden_koud_s": round(load["koud"], 2),  # nothing kept on disk
        "laden_na_wijziging_s": round(load["na_wijziging"], 2),  # a new process, one file changed
        "laden_preview_s": round(load["preview"], 2),  # the same process, one file changed
        "laden_ongewijzigd_s": round(load["ongewijzigd"], 2),  # a new process, no file changed since the last
        "laden_cache_s": round(load["model"], 2),  # and again: the model itself is kept
        "serve_eerste_build_s": serve_first,
        "serve_rebuild_s": serve_again,
        "site_bytes": folder_size(site),
        "knelpunt_pagina_bytes": (site / "knelpunten" / "knelpunt-00000" / "index.html").stat().st_size,
        "zoekindex_bytes": folder_size(site / "pagefind"),
        "tooldata_plan_bytes": (site / "data" / "plan.json").stat().st_size,  # before a knelpunt is chosen
        "tooldata_plan_knelpunt_bytes": (site / "data" / "plan" / "knelpunten" / "knelpunt-00000.json").stat().st_size,
        "tooldata_scan_bytes": (site / "data" / "scan.json").stat().st_size,
        "eerste_weergave_gzip_bytes": first_views,
        "grootste_eerste_weergave": max(first_views.items(), key=lambda item: item[1]),
    }


def table(rows: list[dict]) -> str:
    columns = [
        ("knelpunten", "knelpunten"), ("paginas", "pagina's"), ("build_s", "build s"), ("floor_s", "floor s"),
        ("verhouding", "verhouding"), ("build_s_na_wijziging", "build na 1 wijziging s"), ("verhouding_na_wijziging", "verhouding na 1 wijziging"),
        ("build_s_eerste", "eerste build s"), ("ms_per_pagina", "ms/pagina"), ("laden_koud_s", "laden koud s"),
        ("laden_na_wijziging_s", "laden na 1 wijziging s"), ("laden_preview_s", "idem in preview s"),
        ("laden_ongewijzigd_s", "laden ongewijzigd s"), ("laden_cache_s", "laden uit cache s"), ("serve_rebuild_s", "serve rebuild s"), ("site_bytes", "site B"),
        ("knelpunt_pagina_bytes", "knelpunt B"), ("zoekindex_bytes", "zoekindex B"), ("tooldata_scan_bytes", "scan-data B"),
        ("tooldata_plan_bytes", "plan-data B"), ("tooldata_plan_knelpunt_bytes", "per knelpunt B"),
    ]
    lines = [" | ".join(title for _, title in columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(f"{row[key]:.2f}" if isinstance(row[key], float) else str(row[key]) for key, _ in columns) for row in rows]
    kinds = list(rows[0]["eerste_weergave_gzip_bytes"]) if rows else []
    lines += ["", "Eerste weergave, KB gzip (360 px, lege cache)", "", " | ".join(["pagina"] + [str(row["knelpunten"]) for row in rows]), " | ".join("---" for _ in range(len(rows) + 1))]
    lines += [" | ".join([kind] + [f"{row['eerste_weergave_gzip_bytes'].get(kind, 0) / 1024:.1f}" for row in rows]) for kind in kinds]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [100, 1000, 5000]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"wegwijzer-bench-{n}-") as work:
            rows.append(measure(n, Path(work)))
    machine = {"processor": platform.processor() or platform.machine(), "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}
    print("\n" + table(rows))
    print(f"\nMachine: {machine}")
    (HERE / "resultaten.json").write_text(json.dumps({"machine": machine, "resultaten": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"Geschreven: {HERE / 'resultaten.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
