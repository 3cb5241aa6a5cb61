"""What each page's render made, kept so that a page that did not change is not rendered again.

MkDocs turns every page's Markdown into HTML on every build; at 1,000 knelpunten
that is about 40 % of a build (issue 30), nearly all of it for pages that did not
change since the last build. A page gets its previous HTML back when

- its final Markdown, the kinds of its pieces (`pages/stukken.py`), its address and whether
  it is a draft are as last time (a page with an HTML frame keeps the HTML of its Markdown,
  and its frame, cheap to fill, is filled anew: a new title in a list of cards changes the
  frame only, and the 1,000 pieces of a list of all knelpunten are not rendered again),
- each link it looked up finds the same file as last time (or again none), and
- the Markdown extensions, their settings, the code that runs them, the engine and
  how much it logs are the same (the key of the store; see `_settings_key`).

With it come the page's table of contents, title, anchors, its links to other
pages' anchors (so MkDocs checks those again on every build) and what its render
logged: said again, so a build with `--strict` stops on the same warnings, and an
editor sees a broken link on every build, not only the first.

Kept in memory between the preview's rebuilds, and in the cache folder between
builds (`cache.py`, store `html`, one file per set of settings). Only for extensions that
read nothing but the page's text (`PURE`), with no function of one's own in their
settings (`KNOWN_CODE`): one that reads other files (snippets, Material's icons)
or code whose version is unknown could change a page while its Markdown stays the
same, so then every page is rendered as MkDocs does.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import re
import sys
import threading
from pathlib import Path

from mkdocs.structure.pages import Page

from ... import cache
from .. import patches

#: Markdown extensions whose HTML depends on the page's text alone (and the versions in `_settings_key`).
#: Not `pymdownx.emoji`: with Material's icons it reads SVG files, which can change between builds.
PURE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "legacy_attrs", "legacy_em",
    "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.blocks.admonition", "pymdownx.blocks.details",
    "pymdownx.blocks.html", "pymdownx.blocks.tab", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
    "pymdownx.escapeall", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
    "pymdownx.magiclink", "pymdownx.mark", "pymdownx.saneheaders", "pymdownx.smartsymbols",
    "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
})
#: Where functions named in the extensions' settings may come from: the libraries in `LIBRARIES`.
#: A function of one's own (`!!python/name:eigen.slug`) can change without any version changing.
KNOWN_CODE = ("markdown", "pymdownx", "pygments", "mkdocs", "properdocs", "material")
#: The libraries whose versions a kept render depends on.
LIBRARIES = ("markdown", "pymdown-extensions", "pygments", "mkdocs", "properdocs", "mkdocs-material")
_PACKAGE = Path(__file__).resolve().parents[2]
#: Change when what an entry holds changes shape (2: a framed page's HTML without its frame).
FORMAT = 2

log = logging.getLogger("mkdocs.plugins.wegwijzer.catalogus")


class Rendered:
    """The renders of one project's pages: `wrap` each page before MkDocs reads it, `built` after a build."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple] = {}  # src_uri -> (page key, what its links found, content, toc, title, anchors, anchor links, log)
        self.settings: str | None = None  # the key the entries were made under
        self.place: Path | None = None
        self.loaded_from: Path | None = None
        self.changed = False
        self.seen: set[str] = set()
        self._files = None  # the build's files, and what links found among them (`_found`)
        self._lookups: dict[str, tuple | None] = {}
        self._writer: threading.Thread | None = None

    def start(self, config) -> None:
        """Before the pages are read (`on_nav`): this build's settings, and the renders kept under them."""
        self.seen = set()
        self.changed = False
        settings = _settings_key(config) if patches.enabled("reuse_html") else None
        if settings is None:  # every page is rendered as MkDocs does
            self.entries, self.settings = {}, None
            return
        if settings != self.settings:
            self.entries, self.settings = {}, settings
        # one file per set of settings, not per project: a copy of a guide (a branch checked out
        # elsewhere, a test's folder) finds the renders of its pages, which depend on nothing else
        self.place = cache.path("html", settings[:24] + ".pickle")
        if self.place is not None and self.loaded_from != self.place:
            self.loaded_from = self.place
            self.entries = _read(self.place, settings) or self.entries

    def wrap(self, page) -> None:
        """Give `page` a render that reuses the last result when nothing it depends on changed."""
        if self.settings is None:
            return
        uri = page.file.src_uri
        self.seen.add(uri)
        if getattr(page, "ww_rendered", None) is self:
            return  # read again by a quick rebuild of the preview (quick.py): wrapped already
        page.ww_rendered = self

        def reusing(original):
            framed = getattr(page, "render_markdown", None)  # a frame is filled after its Markdown's HTML (framed.py)

            def render(config, files):
                markdown_render(config, files)
                if framed is not None:
                    page.fill_frame()

            def markdown_render(config, files):
                key = _page_key(page)
                hit = self.entries.get(uri)
                if hit and hit[0] == key and all(self._found(files, path) == found for path, found in hit[1].items()):
                    page.content, page.toc, page._title_from_render, page.present_anchor_ids = hit[2:6]
                    page.links_to_anchors = {file: links for path, links in hit[6].items() if (file := files.get_file_from_path(path)) is not None}
                    for name, level, message in hit[7]:
                        logging.getLogger(name).log(level, "%s", message)
                    return
                lookups = _Lookups(files)
                with _Said() as said:
                    (framed or original)(config, lookups)
                anchors = {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()}
                self.entries[uri] = (key, lookups.found, page.content, page.toc, page._title_from_render, page.present_anchor_ids, anchors, said.records)
                self.changed = True

            return render

        patches.apply("reuse_html", page, reusing)

    def _found(self, files, path: str) -> tuple | None:
        """What a link to `path` finds among this build's `files`, looked up once per build: pages share
        their links (every knelpunt links to the same oplossingen), and a lookup normalises its path."""
        if self._files is not files:
            self._files, self._lookups = files, {}
        if path not in self._lookups:
            self._lookups[path] = _found(files.get_file_from_path(path))
        return self._lookups[path]

    def built(self, previewing: bool) -> None:
        """The build succeeded (`on_post_build`): forget pages that are gone, keep the rest on disk when something changed.

        The preview keeps its renders in memory and writes them once, after its first build, in
        the background: writing them after every save would hold up the next one, for the few
        pages a save changes."""
        self._files, self._lookups = None, {}  # the build's files go with it
        if self.settings is None:
            return
        gone = self.entries.keys() - self.seen
        for uri in gone:
            del self.entries[uri]
        if not (self.changed or gone) or self.place is None or (previewing and self._writer is not None):
            return
        content = (self.settings, dict(self.entries))
        if previewing:
            self._writer = threading.Thread(target=_write, args=(self.place, content), daemon=True)
            self._writer.start()
        else:
            _write(self.place, content)

    def failed(self) -> None:
        """A build stopped halfway: its renders are right, but keep nothing on disk from it."""
        self.changed = False
        self._files, self._lookups = None, {}


def _page_key(page) -> bytes:
    """What the HTML of a page's Markdown depends on besides its links and the settings: its Markdown, the kinds
    of its pieces, its address and whether it is a draft (whose broken links MkDocs says as information)."""
    digest = hashlib.blake2b(digest_size=20)
    frame = getattr(page, "opgemaakt", None)  # its pieces' text is in the Markdown; their kinds and classes are not
    shape = "" if frame is None else "".join(f"{stuk.soort}\1{stuk.klasse}\2" for stuk in frame.stukken)
    for part in (page.markdown, shape, page.file.url, str(page.file.inclusion)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.digest()


def _settings_key(config) -> str | None:
    """The key of every render in a build: extensions and their settings, the versions and code that run them.

    None when an extension may read more than the page's text (`PURE`)."""
    names = [name if isinstance(name, str) else None for name in config.markdown_extensions]
    if not all(name in PURE for name in names) or not _known_code(config.mdx_configs):
        return None
    versions = []
    for library in LIBRARIES:
        try:
            versions.append(importlib.metadata.version(library))
        except importlib.metadata.PackageNotFoundError:
            versions.append("-")
    code = []
    for root, folders, files in os.walk(_PACKAGE):
        folders[:] = sorted(f for f in folders if f not in ("node_modules", "__pycache__", "npm"))
        for name in sorted(files):
            if name.endswith(".py"):
                try:
                    code.append(f"{name}\0{cache.file_state(os.stat(os.path.join(root, name)))}")
                except OSError:
                    continue
    settings = repr((names, sorted((config.mdx_configs or {}).items()), config.use_directory_urls, config.validation))
    settings = re.sub(r" at 0x[0-9a-fA-F]+", "", settings)  # a function's address changes every run
    # What a render logs depends on how much is logged (`-q`, `-v`; with `-v` MkDocs does not even
    # collect links to anchors), and the engine logs under its own name: keep each apart.
    engine = Page.__module__.split(".")[0]
    levels = [logging.getLogger(name).getEffectiveLevel() for name in ("mkdocs", "properdocs")]
    return cache.key(FORMAT, settings, versions, sys.version, engine, levels, *code)


def _known_code(value) -> bool:
    """Whether every function in the extensions' settings comes from a library whose version is in the key."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return all(_known_code(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_known_code(v) for v in value)
    if isinstance(value, functools.partial):
        return _known_code(value.func) and _known_code(value.args) and _known_code(value.keywords)
    if callable(value):
        return (getattr(value, "__module__", None) or "").split(".")[0] in KNOWN_CODE
    return True


def _read(place: Path, settings: str) -> dict | None:
    try:
        with place.open("rb") as file:
            if pickle.load(file) != settings:  # the key is stored first, so stale renders are not unpickled
                return None
            entries = pickle.load(file)
    except Exception:  # missing, damaged, or from other code: render again
        return None
    return entries if isinstance(entries, dict) else None


def _write(place: Path, content: tuple) -> None:
    settings, entries = content

    def dump(file) -> None:
        pickle.dump(settings, file, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(entries, file, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        cache.write(place, dump)
    except Exception as error:  # an extension's odd table of contents, a full disk: it only costs time
        log.debug("weergaven niet bewaard: %s", error)


class _Said(logging.Handler):
    """What is logged while a page renders (its broken links), to say again when its render is reused."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self._thread:  # the preview's other threads (search index, reloads) log meanwhile
            return
        if record is not self._last:  # where the engine's logger passes records on to the root, both hand it here
            self._last = record
            self.records.append((record.name, record.levelno, record.getMessage()))

    def __enter__(self) -> "_Said":
        self._last = None
        self._thread = threading.get_ident()
        for name in _LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for name in _LOGGERS:
            logging.getLogger(name).removeHandler(self)


#: The engine's logger (which its command line keeps from passing records on: MkDocs' or ProperDocs')
#: and the root (every other library's).
_LOGGERS = ("mkdocs", "properdocs", "")


class _Lookups:
    """The site's files as a page's render sees them, noting what each of its links looked up and found.

    MkDocs resolves a page's links through `files.get_file_from_path` only (its
    `_RelativePathTreeprocessor`); what that finds (its URL, whether it is left out
    of the site) is all the page's HTML takes from the other files.
    """

    def __init__(self, files) -> None:
        self._files = files
        self.found: dict[str, tuple | None] = {}

    def get_file_from_path(self, path: str):
        file = self._files.get_file_from_path(path)
        self.found[path] = _found(file)
        return file

    def __getattr__(self, name: str):
        return getattr(self._files, name)


def _found(file) -> tuple | None:
    return None if file is None else (file.url, file.inclusion)
