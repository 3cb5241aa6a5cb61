"""Changes to other libraries' behaviour, in one place, each checked against the version it was written for.

- MkDocs' preview server (`mkdocs serve`) puts an inline script into every page
  it serves, for the live reload. The page's Content-Security-Policy (`csp.py`)
  allows only the scripts it knows by hash, so the served page's policy is
  extended with the hash of exactly that script. Written against MkDocs 1.6's
  `LiveReloadServer._inject_js_into_html(content, epoch) -> bytes`.
- MkDocs' preview looks for changed files by polling (`server.observer`, a
  watchdog PollingObserver), every 0.5 s, then waits 0.1 s for more changes.
  `wegwijzer bekijken` gives it the operating system's own notice of a change
  instead (watchdog's native observer: inotify on Linux), falling back to
  polling where that cannot watch, and waits 0.05 s: a save shows sooner.
  Written against MkDocs 1.6's `LiveReloadServer.observer` and `build_delay`,
  set before the first `watch()`.
- Each rebuild lists every file of the theme (`Files.add_files_from_theme`
  through Jinja's `FileSystemLoader.list_templates`): some 15,000, mostly
  Material's icons, a tenth of a second each time. In the preview the listing of
  a folder inside an installed package (Material's, MkDocs') is kept: it does not
  change while the preview runs. The guide's own overrides and an editable
  theme are listed afresh. Written against Jinja 3's `list_templates()`.
"""

from __future__ import annotations

import os
import sysconfig

import jinja2
import mkdocs
from mkdocs.livereload import LiveReloadServer

from .csp import allow_script

#: MkDocs versions whose preview server these patches were written for.
MKDOCS_VERSIONS = ("1.6.",)


#: Seconds the preview waits after a change for more changes (MkDocs waits 0.1 s).
BUILD_DELAY = 0.05


def quick_rebuilds(server) -> bool:
    """Let the preview hear of a change at once and rebuild sooner; False on an unknown MkDocs (it polls then)."""
    if not mkdocs.__version__.startswith(MKDOCS_VERSIONS) or getattr(server, "_watched_paths", None) != {}:
        return False  # unknown, or folders are watched already: they stay with the observer that has them
    from watchdog.observers import Observer

    _keep_package_theme_listings()
    if isinstance(getattr(server, "build_delay", None), (int, float)):
        server.build_delay = min(server.build_delay, BUILD_DELAY)
    server.observer = _NativeOrPolling(server.observer, Observer())
    return True


#: Folders of installed packages: what is inside does not change while the preview runs.
_PACKAGES = tuple(os.path.realpath(p) + os.sep for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})


def _keep_package_theme_listings() -> None:
    listing = jinja2.FileSystemLoader.list_templates
    if getattr(listing, "wegwijzer", False) or not jinja2.__version__.startswith("3."):
        return
    kept: dict[tuple, list[str]] = {}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for path in self.searchpath:
            key = (os.fspath(path), self.followlinks)
            if key not in kept:
                names = listing(jinja2.FileSystemLoader([path], followlinks=self.followlinks))
                if not os.path.realpath(path).startswith(_PACKAGES):
                    found.update(names)
                    continue
                kept[key] = names
            found.update(kept[key])
        return sorted(found)

    list_templates.wegwijzer = True
    jinja2.FileSystemLoader.list_templates = list_templates


class _ChangesOnly:
    """Passes on a change to a file, not its being read: inotify also reports every file the build opens,
    and MkDocs would build again for each. Nor the editor's temporary file, renamed into place at once."""

    CHANGES = frozenset({"created", "modified", "moved", "deleted"})

    def __init__(self, handler) -> None:
        self.handler = handler

    def dispatch(self, event) -> None:
        name = os.path.basename(getattr(event, "dest_path", "") or event.src_path)
        if event.event_type in self.CHANGES and not name.startswith(".opslaan-"):
            self.handler.dispatch(event)


class _NativeOrPolling:
    """watchdog's native observer; a folder it cannot watch (no inotify watches left) goes to the polling one."""

    def __init__(self, polling, native) -> None:
        self.polling, self.native = polling, native
        self._timeout = polling.timeout  # read and set by the catalogus plugin for the polling folders

    def schedule(self, handler, path, recursive=True):
        if os.path.isdir(path):  # a single file (mkdocs.yml): inotify would watch its whole folder, logs and caches too
            try:
                return self.native.schedule(_ChangesOnly(handler), path, recursive=recursive)
            except OSError:
                pass
        self.polling._timeout = self._timeout
        return self.polling.schedule(handler, path, recursive=recursive)

    def unschedule(self, watch) -> None:
        for observer in (self.native, self.polling):
            try:
                observer.unschedule(watch)
                return
            except KeyError:
                continue

    def start(self) -> None:
        self.native.start()
        self.polling.start()

    def stop(self) -> None:
        self.native.stop()
        self.polling.stop()

    def join(self, timeout=None) -> None:
        self.native.join(timeout)
        self.polling.join(timeout)


def live_reload_under_policy() -> bool:
    """Let the preview's live reload script run under the page's policy; False if this MkDocs is unknown."""
    inject = getattr(LiveReloadServer, "_inject_js_into_html", None)
    if inject is None or not mkdocs.__version__.startswith(MKDOCS_VERSIONS):
        return False
    if getattr(inject, "wegwijzer", False):
        return True

    def injected(self, content: bytes, epoch: int) -> bytes:
        result = inject(self, content, epoch)
        start = result.rfind(b"<script>", 0, result.rfind(b"</body>") if b"</body>" in result else len(result))
        end = result.find(b"</script>", start)
        if start < 0 or end < 0:
            return result
        body = result[start + len(b"<script>"):end].decode("utf-8")
        return allow_script(result.decode("utf-8"), body).encode("utf-8")

    injected.wegwijzer = True
    LiveReloadServer._inject_js_into_html = injected
    return True
