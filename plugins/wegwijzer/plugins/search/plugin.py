"""The `wegwijzer/search` plugin: every page findable, with a small download, by Pagefind.

Material's search sends its whole index to a visitor on the first page, so large
guides had to leave pages out of it. Pagefind splits the index into chunks and a
visitor's browser fetches only those a query needs, so every knelpunt, oplossing,
factor, substep and page can be in it at any size.

- `on_post_build`: index the written site (`pagefind --site`), into `pagefind/`.
  Pagefind reads `<html lang="nl">` and stems Dutch ("planning" finds "planningen").
  It indexes each page's article only; what is left out and the filters (soort,
  aanpak, niveau, termijn, kosten) come from `data-pagefind-*` attributes in the
  theme (`main.html`) and the page templates.
- Under `mkdocs serve` the index is made after the preview is shown, so a save
  is not held up by it (`plugins/catalogus/preview.py` keeps the rest quick).

The search box itself is in the theme: `partials/header.html` and `zoeken.js`.
"""

from __future__ import annotations

import os
import subprocess
import threading

import pagefind_bin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .config import SearchConfig

log = get_plugin_logger(__name__)

#: Where the index and Pagefind's scripts go, below the site.
FOLDER = "pagefind"


class SearchPlugin(BasePlugin[SearchConfig]):
    serving = False

    def on_startup(self, command, dirty):
        # Having on_startup keeps this plugin object across the preview's rebuilds.
        self.serving = command == "serve"
        self.lock = threading.Lock()

    def on_config(self, config):
        config.extra["wegwijzer_zoeken"] = self.config.zoeken  # the theme shows the search box only with an index
        return config

    def on_post_build(self, config):
        if not self.config.zoeken:
            return
        if self.serving:
            threading.Thread(target=self._index_quietly, args=(config.site_dir, config.use_directory_urls), daemon=True).start()
            return
        result = _index(config.site_dir, config.use_directory_urls)
        if result.returncode:
            raise PluginError(f"de zoekindex kon niet gemaakt worden (Pagefind): {_last_line(result)}. "
                              "Installeer het programma opnieuw (pip install arbo-wegwijzer), of zet 'zoeken: false' bij wegwijzer/search in mkdocs.yml.")
        log.debug(result.stdout)

    def _index_quietly(self, site_dir: str, directory_urls: bool) -> None:
        with self.lock:  # one index at a time; a later save indexes again
            result = _index(site_dir, directory_urls, nice=True)
        if result.returncode:
            log.warning(f"de zoekindex van de voorvertoning is niet bijgewerkt: {_last_line(result)}")


def _index(site_dir: str, directory_urls: bool, nice: bool = False) -> subprocess.CompletedProcess:
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


def _last_line(result: subprocess.CompletedProcess) -> str:
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"afgebroken met code {result.returncode}"
