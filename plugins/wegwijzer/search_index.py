"""The search index of a written site: Pagefind over its pages, into `pagefind/`.

A plain function of the site folder, without MkDocs: the search plugin
(`plugins/search/`) runs it after a build (in the background while previewing),
and another engine would run it the same way on the site it wrote.
Pagefind reads `<html lang="nl">` and stems Dutch ("planning" finds
"planningen"). It indexes each page's article only; what is left out and the
filters (soort, aanpak, niveau, termijn, kosten) come from `data-pagefind-*`
attributes in the theme (`main.html`) and the page templates.
"""

from __future__ import annotations

import os
import subprocess

import pagefind_bin

#: Where the index and Pagefind's scripts go, below the site.
FOLDER = "pagefind"


def index(site_dir: str, directory_urls: bool, nice: bool = False) -> subprocess.CompletedProcess:
    """Index every page of the site in `site_dir`; `nice`: at low priority (the preview, in the background)."""
    try:  # the program itself: `python -m pagefind` would first spend 70 ms starting Python
        program = str(pagefind_bin.get_executable())
    except FileNotFoundError as error:
        return subprocess.CompletedProcess([], 127, "", f"het programma Pagefind ontbreekt ({error})")
    command = [program, "--site", site_dir, "--output-subdir", FOLDER, "--quiet",
               "--root-selector", "article.md-content__inner",  # the page's own text, not menu or footer
               "--exclude-selectors", ".headerlink"]  # the ¶ after every heading is no part of its words
    if directory_urls:
        command += ["--glob", "**/index.html"]  # every page, and not 404.html
    return subprocess.run(command, capture_output=True, text=True, preexec_fn=(lambda: os.nice(10)) if nice and hasattr(os, "nice") else None)


def last_line(result: subprocess.CompletedProcess) -> str:
    """What Pagefind said last, for a Dutch message around it."""
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"afgebroken met code {result.returncode}"
