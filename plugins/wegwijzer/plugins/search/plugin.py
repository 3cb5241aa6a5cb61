"""The `wegwijzer/search` plugin: every page findable, with a small download, by Pagefind.

Material's search sends its whole index to a visitor on the first page, so large
guides had to leave pages out of it. Pagefind splits the index into chunks and a
visitor's browser fetches only those a query needs, so every knelpunt, oplossing,
factor, substep and page can be in it at any size.

- `on_post_build`: index the written site into `pagefind/` (`search_index.py`,
  a plain function of the site folder).
- Under `mkdocs serve` the index is made after the preview is shown, so a save
  is not held up by it (`plugins/catalogus/preview.py` keeps the rest quick); a
  save while Pagefind runs ends it (the last index stays), and the rebuild it
  starts is indexed instead.

The search box itself is in the theme: `partials/header.html` and `zoeken.js`.
"""

from __future__ import annotations

import threading
import time

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from ...search_index import STOPPED, index, last_line
from .config import SearchConfig

log = get_plugin_logger(__name__)

#: How long the preview waits after a rebuild before it brings the search index up to date.
QUIET_SECONDS = 1.0


class SearchPlugin(BasePlugin[SearchConfig]):
    serving = False
    indexing = None

    def on_startup(self, command, dirty):
        # Having on_startup keeps this plugin object across the preview's rebuilds.
        self.serving = command == "serve"
        self.lock = threading.Lock()
        self.builds = 0  # rebuilds started: an index waits for a quiet moment after the last one
        self.stop = threading.Event()  # set when a rebuild starts: an index of an older build ends
        self.indexing: threading.Thread | None = None  # the last index of the preview, made in the background

    def on_pre_build(self, config):
        self.builds += 1
        self.stop.set()  # Pagefind gives way to the rebuild; its index follows the rebuild instead

    def on_shutdown(self):
        """The preview stops: an index under way ends with it, not after it (Pagefind outlived it)."""
        self.builds += 1
        self.stop.set()
        if self.indexing is not None:
            self.indexing.join(timeout=10)

    def on_config(self, config):
        config.extra["wegwijzer_zoeken"] = self.config.zoeken  # the theme shows the search box only with an index
        return config

    def on_post_build(self, config):
        if not self.config.zoeken:
            return
        if self.serving:
            self.indexing = threading.Thread(target=self._index_quietly, args=(config.site_dir, config.use_directory_urls, self.builds), daemon=True)
            self.indexing.start()
            return
        result = index(config.site_dir, config.use_directory_urls)
        if result.returncode:
            raise PluginError(f"de zoekindex kon niet gemaakt worden (Pagefind): {last_line(result)}. "
                              "Installeer het programma opnieuw (pip install arbo-wegwijzer), of zet 'zoeken: false' bij wegwijzer/search in mkdocs.yml.")
        log.debug(result.stdout)

    def _index_quietly(self, site_dir: str, directory_urls: bool, build: int) -> None:
        """After a quiet moment: reading every page to see whether the index is still right takes the
        processor from the next rebuild (and the open page's reload), and a later save indexes again."""
        time.sleep(QUIET_SECONDS)
        with self.lock:  # one index at a time
            if build != self.builds:
                return  # a newer rebuild: its own index follows
            self.stop = stop = threading.Event()
            if build != self.builds:  # a rebuild began just now, and set the event before this one
                return
            result = index(site_dir, directory_urls, nice=True, stop=stop)
        if result.returncode == STOPPED:
            return  # a newer rebuild began meanwhile: its own index follows
        if result.returncode:
            log.warning(f"de zoekindex van de voorvertoning is niet bijgewerkt: {last_line(result)}")
