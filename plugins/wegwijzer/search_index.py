"""The search index of a written site: Pagefind over its pages, into `pagefind/`.

A plain function of the site folder, without MkDocs: the search plugin
(`plugins/search/`) runs it after a build (in the background while previewing),
and another engine would run it the same way on the site it wrote.
Pagefind reads `<html lang="nl">` and stems Dutch ("planning" finds
"planningen"). It indexes each page's article only; what is left out and the
filters (soort, aanpak, niveau, termijn, kosten) come from `data-pagefind-*`
attributes in the theme (`main.html`) and the page templates.

Pagefind has no way to index only what changed, and at 1,000 knelpunten it takes
about 4.5 s. So the index of a site is kept (`cache.py`, store `zoekindex`),
under a key of every page Pagefind reads, byte for byte, and of its own version
and options: a build whose pages are all as before gets the kept index (reading
the pages and linking the files take well under a second there); any other runs
Pagefind.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pagefind_bin

from . import cache

#: Where the index and Pagefind's scripts go, below the site.
FOLDER = "pagefind"


#: The return code of an index that `stop` ended (as a process ended by SIGTERM).
STOPPED = -15


def index(site_dir: str, directory_urls: bool, nice: bool = False, stop: threading.Event | None = None) -> subprocess.CompletedProcess:
    """Index every page of the site in `site_dir`; `nice`: at low priority (the preview, in the background).
    `stop` set meanwhile ends Pagefind and leaves the last index as it was (return code STOPPED)."""
    try:  # the program itself: `python -m pagefind` would first spend 70 ms starting Python
        program = str(pagefind_bin.get_executable())
    except FileNotFoundError as error:
        return subprocess.CompletedProcess([], 127, "", f"het programma Pagefind ontbreekt ({error})")
    options = ["--quiet",
               "--root-selector", "article.md-content__inner",  # the page's own text, not menu or footer
               "--exclude-selectors", ".headerlink"]  # the ¶ after every heading is no part of its words
    if directory_urls:
        options += ["--glob", "**/index.html"]  # every page, and not 404.html
    site = Path(site_dir)
    # Into a new folder, swapped in whole when done: Pagefind writes some files of an existing
    # index in place, which would change a kept index its files are linked to (and half an index
    # would be served meanwhile by the preview).
    fresh = site / f".{FOLDER}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(fresh, ignore_errors=True)
    kept = cache.path("zoekindex", _pages_key(site, directory_urls, options))
    if kept is not None and _copy(kept, fresh):
        _swap(fresh, site / FOLDER)
        return subprocess.CompletedProcess([program], 0, "", "")
    command = [program, "--site", site_dir, "--output-path", str(fresh.resolve()), *options]
    result = _run(command, (lambda: os.nice(10)) if nice and hasattr(os, "nice") else None, stop)
    if result.returncode:
        shutil.rmtree(fresh, ignore_errors=True)
        return result
    if kept is not None:
        _keep(fresh, kept)
    _swap(fresh, site / FOLDER)
    return result


def _run(command: list[str], preexec, stop: threading.Event | None) -> subprocess.CompletedProcess:
    """Run Pagefind; ended when `stop` is set (a newer build of the preview indexes its own pages)."""
    if stop is None:
        return subprocess.run(command, capture_output=True, text=True, preexec_fn=preexec)
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec) as process:
        while True:
            try:
                out, err = process.communicate(timeout=0.05)
                return subprocess.CompletedProcess(command, process.returncode, out, err)
            except subprocess.TimeoutExpired:
                if stop.is_set():
                    process.terminate()
                    out, err = process.communicate()
                    return subprocess.CompletedProcess(command, STOPPED, out, err)


def _pages_key(site: Path, directory_urls: bool, options: list[str]) -> str:
    """A key of every file Pagefind reads (its path and content) and of how it runs (not where: each build has its own folder)."""
    digest = hashlib.blake2b(digest_size=20)
    wanted = "index.html" if directory_urls else ".html"
    for root, folders, files in os.walk(site):
        folders[:] = sorted(f for f in folders if not (root == str(site) and (f == FOLDER or f.startswith(f".{FOLDER}-"))))
        for name in sorted(files):
            if name.endswith(wanted) and not (root == str(site) and name == "404.html" and directory_urls):
                path = os.path.join(root, name)
                digest.update(os.path.relpath(path, site).encode("utf-8", "surrogateescape") + b"\0")
                with open(path, "rb") as file:
                    digest.update(file.read())
    # Pagefind also reads its settings from a file in the working folder and from PAGEFIND_ variables
    settings = [(name, cache.read(Path(name))) for name in ("pagefind.json", "pagefind.yml", "pagefind.yaml", "pagefind.toml")]
    settings += sorted((name, value) for name, value in os.environ.items() if name.startswith("PAGEFIND_"))
    return cache.key(importlib.metadata.version("pagefind_bin"), options, settings, digest.hexdigest())


def _copy(source: Path, target: Path) -> bool:
    """The kept index into `target`, linked where the file system allows; False when none is kept.

    Links are safe: no index is ever written into an existing folder (`index`)."""
    if not (source / "pagefind.js").is_file():
        return False
    try:
        shutil.copytree(source, target, copy_function=_link_or_copy)
        os.utime(source)  # most recently used: pruned last
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def _keep(output: Path, place: Path) -> None:
    """Keep the index Pagefind wrote, whole or not at all (another build may be reading the store)."""
    temporary = place.with_name(f".{place.name}-{os.getpid()}-{threading.get_ident()}")
    try:
        shutil.copytree(output, temporary, copy_function=_link_or_copy)
        os.replace(temporary, place)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)
        return
    cache.prune(place.parent, cache.KEEP["zoekindex"])


def _swap(fresh: Path, output: Path) -> None:
    """Put the new index in the place of the old one: a moment without an index, never half of one."""
    old = output.with_name(f"{fresh.name}-oud")
    try:
        os.replace(output, old)
    except FileNotFoundError:
        pass
    os.replace(fresh, output)
    shutil.rmtree(old, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def last_line(result: subprocess.CompletedProcess) -> str:
    """What Pagefind said last, for a Dutch message around it."""
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"afgebroken met code {result.returncode}"
