"""What the preview (`mkdocs serve`) keeps between rebuilds, so a save shows within a second.

After an editor saves one file, MkDocs builds the whole site again. Turning
Markdown into HTML is not redone for pages that did not change (`rendered.py`, in
builds too). Two more parts are redone needlessly for almost every page:

- writing the files plugins make (the tools' data: one file per knelpunt,
  oplossing and factor), which MkDocs writes on every build: here only those
  whose content differs from what was written there last;
- putting the HTML into the theme and writing it: with `mkdocs serve --dirty`
  (what `scripts/serve` runs), MkDocs asks `File.is_modified()` before writing a
  page. Generated pages always answer yes, and hand-written ones compare file
  times, which misses a changed title they link to. Here a page answers yes
  only when what the theme would show differs: its HTML, table of contents,
  front matter, title, previous and next page, or anything every page shows
  (the navigation with its titles, the reading routes, the guide's name, the footer, the theme).

Every page is still read on every rebuild, so the navigation's titles and the
search index stay whole; `is_modified()` answers "yes" until MkDocs starts
writing (`on_env`). Pages and files that are gone since the last build are
removed from the preview.

This replaces MkDocs' own method of a page (`write_changed` in `patches.py`): on
an MkDocs it was not written for, pages are written as MkDocs does, and
`wegwijzer bekijken` builds without `--dirty`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import material

from ... import cache
from .. import patches

MATERIAL = str(Path(material.__file__).resolve().parent)


class Preview:
    def __init__(self) -> None:
        self.written: dict[str, tuple] = {}  # abs_dest_path -> key of the page written there
        self.pending: dict[str, tuple] = {}  # written in this build, remembered once it succeeds
        self.dest_paths: set[str] = set()  # every file of the last successful build
        self.site_key: tuple = ()
        self.writing = False

    def new_build(self, files) -> None:
        """Before the pages are read (`on_nav`): this build's files, and pages that answer is_modified() from here."""
        self.writing = False
        self.pending = {}
        self.files = files
        for file in files:
            if file.is_documentation_page():
                check = functools.partial(self._is_modified, file)
            elif file.generated_by:  # the tools' data, open data, schemas: made afresh every build
                check = functools.partial(self._content_changed, file)
            else:
                continue  # a file of the theme or the docs folder: MkDocs compares the times itself
            if not patches.apply("write_changed", file, lambda is_modified: check):
                return  # an MkDocs it was not written for: the same for every file

    def start_writing(self, nav, config, *shown) -> None:
        """After every page is read (`on_env`): what every page shows is known now, also what plugins
        put into every page (`shown`: the reading routes)."""
        self.site_key = site_key(nav, config, *shown)
        self.writing = True

    def _is_modified(self, file) -> bool:
        if not self.writing:
            return True  # reading: every page, so titles and search stay whole
        key = page_key(self.site_key, file.page)
        dest = file.abs_dest_path
        self.pending[dest] = key
        return self.written.get(dest) != key or not os.path.isfile(dest)

    def _content_changed(self, file) -> bool:
        """A file a plugin made: written when its content differs from what was written there last."""
        key = hashlib.blake2b(file.content_bytes, digest_size=16).digest()
        dest = file.abs_dest_path
        self.pending[dest] = key
        return self.written.get(dest) != key or not os.path.isfile(dest)

    def built(self, files, site_dir: str) -> None:
        """The build succeeded (`on_post_build`): remember what was written, remove what is gone."""
        self.written.update(self.pending)
        current = {file.abs_dest_path for file in files}
        for gone in self.dest_paths - current:
            self.written.pop(gone, None)
            try:
                os.remove(gone)
                folder = os.path.dirname(gone)
                while folder != site_dir and not os.listdir(folder):  # a page's own folder goes with it
                    os.rmdir(folder)
                    folder = os.path.dirname(folder)
            except OSError:
                pass
        self.dest_paths = current

    def failed(self) -> None:
        """A build stopped halfway: some pages may be new, some old; write them all next time."""
        self.written = {}
        self.pending = {}


def site_key(nav, config, *shown) -> tuple:
    """What every page shows besides its own parts: the menu with its titles, the guide's name and footer,
    the theme and its settings, and what plugins put into every page (`shown`)."""
    return (
        *shown,
        _nav_key(nav.items),
        config.site_name, config.site_description, config.copyright, config.site_url,
        json.dumps(dict(config.theme), default=str, sort_keys=True),
        json.dumps(config.extra, default=str, sort_keys=True),
        tuple(map(str, config.extra_css)), tuple(_script(script) for script in config.extra_javascript),
        _theme_stamp(config.theme.dirs),
    )


def page_key(site: tuple, page) -> tuple:
    """What the theme shows of `page`, with `site` (`site_key`): equal keys, the same written page."""
    return (
        site,
        page.content,
        _toc_key(page.toc),
        repr(page.meta),
        page.title,
        _neighbour(page.previous_page), _neighbour(page.next_page),
    )


#: What Material's menu shows of a page's front matter besides its title (`partials/nav-item.html`).
NAV_META = ("icon", "subtitle", "status")


def _nav_key(items) -> tuple:
    return tuple((item.title, getattr(item, "url", None), tuple(repr((getattr(item, "meta", None) or {}).get(name)) for name in NAV_META),
                  _nav_key(getattr(item, "children", None) or [])) for item in items)


def _toc_key(toc) -> tuple:
    return tuple((item.title, item.id, item.level, _toc_key(item.children)) for item in toc or [])


def _neighbour(page) -> tuple | None:
    return (page.title, page.url) if page is not None else None


def _script(script) -> str:
    """An `extra_javascript` entry with its attributes (`type: module`, `async`, `defer`), as the theme writes it."""
    return repr(sorted(dict(script).items())) if hasattr(script, "items") else str(script)


def _theme_stamp(dirs) -> tuple:
    """The theme folders one can edit (overrides, the Wegwijzer's theme), and every file in them with its state:
    an override added, removed or renamed with an older time changes it too. Material's own change with its version."""
    return tuple(state for folder in dirs if not os.path.realpath(folder).startswith(MATERIAL)
                 for state in cache.folder_state(Path(folder), [str(folder)]))
