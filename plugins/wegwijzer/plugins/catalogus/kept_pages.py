"""A page that would be written as the last build wrote it is taken from that build's site.

Putting a page into the theme (Material's `base.html`) is half of `mkdocs build`
at 100 knelpunten, and after a save almost every page comes out as before.
What the theme shows of a page is known once every page is read (`on_env`): its
HTML, table of contents, front matter, title, neighbours, and what every page
shows (`preview.site_key`: the menu, the guide's name and footer, the theme). Here
that key is taken together with what the preview can leave out, because it stays
the same while the preview runs: the versions of MkDocs, Material and Jinja, this
package's files (`cache.package_state`) and the rest of the settings in mkdocs.yml.

A page whose key is the one the last build wrote it under, in the site that build
left (`atomic.py` builds beside it), is linked from there into the new site
(copied where the file system cannot link) and not rendered. Only when the file
is still as that build wrote it (a hash of its content), and only
when every plugin is one of this package's: another plugin or a hook may add to a
page in ways the key cannot see, or gather something from every page it writes
(an attack on this module found both). The keys are kept in the store `paginas`
(`cache.py`), one file per site folder.

Skipping the render replaces MkDocs' `_build_page` (patch `reuse_pages` of
`patches.py`): off on an MkDocs it was not written for, and then every page is
rendered. `tests/test_kept_pages.py` compares a build that reused pages with one
that kept nothing, byte for byte, after changes of several kinds.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
from pathlib import Path

from ... import cache
from .. import patches
from .preview import page_key, site_key

#: The libraries whose templates or code write a page besides this package.
LIBRARIES = ("mkdocs", "properdocs", "mkdocs-material", "jinja2", "markupsafe")
#: Settings in mkdocs.yml that are no part of what a page shows, or are in `site_key` already.
NOT_SHOWN = frozenset({"plugins", "nav", "site_dir", "config_file_path", "theme", "extra"})


class KeptPages:
    """For `mkdocs build`: `start` in on_config, `reuse` in on_env, `built` in on_post_build."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}  # dest_uri -> key, this build
        self.place: Path | None = None
        self.old_site: Path | None = None

    def start(self, site: Path) -> None:
        """The site folder the build will replace: where the last build's pages are."""
        self.old_site = site
        self.place = cache.path("paginas", cache.key(site.resolve())[:24] + ".json")
        self.keys = {}

    def reuse(self, nav, config, files, *shown) -> None:
        """Every page is read: link each page whose key is as last time from the last site, and note the keys."""
        if self.place is None or not _only_ours(config) or not patches.apply("reuse_pages", _build, _skipping):
            return
        last = _read(self.place)
        site = cache.key(_settings(config), repr(site_key(nav, config, *shown)))
        new_site = Path(config.site_dir)
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            uri = file.dest_uri
            key = cache.key(site, page.url, file.src_uri, str(file.inclusion), getattr(page, "edit_url", None),
                            page.canonical_url, repr(page_key((), page)))
            self.keys[uri] = key
            kept = last.get(uri)
            if kept is None or kept[0] != key:
                continue
            old = self.old_site / uri
            if _content(old) != kept[1] or not _link(old, new_site / uri):
                continue
            page.ww_uit_vorige_site = True  # `_build_page` leaves it be

    def built(self, site_dir: str) -> None:
        """The build succeeded: keep each page's key with the state of the file it was written to."""
        if self.place is None or not self.keys:
            return
        written = {}
        for uri, key in self.keys.items():
            content = _content(Path(site_dir) / uri)
            if content is not None:
                written[uri] = [key, content]
        cache.write(self.place, json.dumps(written).encode("utf-8"))
        self.keys = {}


def _content(path: Path) -> str | None:
    """A hash of the file at `path` (None when there is none): a page is taken only as the build wrote it,
    also when someone changed it in the site and put its time back (which an attack on this module tried)."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=20)).hexdigest()
    except OSError:
        return None


def _only_ours(config) -> bool:
    """Whether every plugin of the build is one of this package's: another plugin or a hook may put something of
    its own into a page, or gather something from every page it writes (Material's search, tags, blog), which a
    page taken from the last site would not give it."""
    return all(name.startswith("wegwijzer/") for name in config.plugins)


def _settings(config) -> str:
    """The versions and files that write pages, and the settings of mkdocs.yml beyond `site_key`."""
    versions = []
    for library in LIBRARIES:
        try:
            versions.append(f"{library} {importlib.metadata.version(library)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{library} -")
    settings = json.dumps({k: v for k, v in config.items() if k not in NOT_SHOWN}, default=str, sort_keys=True)
    settings = re.sub(r" at 0x[0-9a-fA-F]+", "", settings)  # a function's address changes every run
    engine = _build.__name__.split(".")[0]  # MkDocs or ProperDocs, whichever runs (engine.py)
    return cache.key(engine, *versions, cache.package_state(), settings)


def _read(place: Path) -> dict:
    kept = cache.read(place)
    try:
        found = json.loads(kept) if kept else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _link(old: Path, new: Path) -> bool:
    """`old` at `new` as a link (a copy where links cannot be made); False when neither works."""
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
    except OSError:
        return False
    return True


def _skipping(build_page):
    """Patch `reuse_pages`: MkDocs' `_build_page` for every page but those taken from the last site."""

    def _build_page(page, *args, **kwargs):
        if getattr(page, "ww_uit_vorige_site", False):
            return None
        return build_page(page, *args, **kwargs)

    _build_page.wegwijzer_patch = "reuse_pages"  # once per process: a module, not a page, is patched
    return _build_page


from mkdocs.commands import build as _build  # noqa: E402 - the module whose `_build_page` the patch replaces
