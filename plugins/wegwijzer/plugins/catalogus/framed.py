"""A page the page layer made (`pages/generated.py`), as MkDocs' page.

MkDocs lets a plugin give a file its own page object (`File.page`, a `Page`
subclass, as Material's blog plugin does).

- `GeneratedPage` takes its front matter's values from the page layer, which wrote
  them, instead of parsing the YAML back (`Opgemaakt.tekst_en_meta`); a page whose
  source another plugin replaced is read as MkDocs reads any page.
- `FramedPage` is one with an HTML frame (`pages/stukken.py`): MkDocs renders its
  Markdown as for any page, with the guide's extensions, link checks and table of
  contents; the frame then takes that HTML in. Every plugin after this one sees the
  finished page, as for a page written in Markdown.

A page MkDocs gets so keeps it when `nav:` names its file; a title `nav:` gives it
is set in the catalogus plugin's `on_nav` (`nav_titles`), as MkDocs does for its own.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ...pages.stukken import Opgemaakt


class GeneratedPage(Page):
    def __init__(self, file, config, opgemaakt: Opgemaakt) -> None:
        super().__init__(None, file, config)
        self.opgemaakt = opgemaakt  # the preview compares it too (preview.py): a frame can change while its text does not

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        self.markdown, self.meta = self.opgemaakt.tekst_en_meta(source) or get_data(source)


class FramedPage(GeneratedPage):
    def render(self, config, files) -> None:
        self.render_markdown(config, files)
        self.fill_frame()

    def render_markdown(self, config, files) -> None:
        """MkDocs' render of the page's Markdown: each piece's HTML after its marker. It does not depend on
        the frame, so `rendered.py` keeps this part (a new title in a list of 1,000 cards changes only its frame)."""
        super().render(config, files)

    def fill_frame(self) -> None:
        self.content = self.opgemaakt.vul(self.content)


def nav_titles(config_nav, files) -> None:
    """Give each page made here the title `nav:` in mkdocs.yml gives its file (`- Knelpunten: knelpunten/index.md`).

    MkDocs sets such a title on the pages it makes itself, but keeps a page a plugin made as it is."""

    def walk(item, title=None):
        if isinstance(item, str) and title is not None:
            file = files.get_file_from_path(item)
            if file is not None and isinstance(file.page, GeneratedPage):
                file.page.title = title
        elif isinstance(item, dict):
            for key, value in item.items():
                walk(value, key)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config_nav or [])


def quick_canonical_url(original):
    """Patch `canonical_url` (patches.py) of `GeneratedPage`: its canonical address as MkDocs makes it, without
    `urljoin` for a plain address (a tenth of a second of every rebuild at 3,000 pages); any other goes to `original`."""

    def set_canonical_url(self, base: str | None) -> None:
        found = canonical(base, self.url)
        if found is None:
            original(self, base)
        else:
            self.canonical_url, self.abs_url = found

    return set_canonical_url


#: A site address whose path `urljoin` leaves as it is: scheme, host, a path without dot segments.
_BASE = re.compile(r"^https?://[^/?#\\]+(?:/[^?#\\]*)?$")


def canonical(base: str | None, url: str) -> tuple[str, str] | None:
    """(canonical URL, its path) of a page at `url` under the site address `base`, as MkDocs' `Page` makes
    them with `urljoin`; None for a base or address that is not plain (MkDocs' own is used then)."""
    if not base or not _plain(url) or not _BASE.match(base) or "/." in base:
        return None
    if not base.endswith("/"):
        base += "/"
    return base + url, _path(base) + url


def _plain(url: str) -> bool:
    return not url.startswith(("/", ".")) and "/." not in url and not any(c in url for c in ":?#\\")


@functools.lru_cache(maxsize=16)
def _path(base: str) -> str:
    return urlsplit(base).path
