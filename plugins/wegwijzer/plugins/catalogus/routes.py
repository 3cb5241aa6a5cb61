"""Where each catalogus entry lives in the site, and how a `[[link]]` points there.

Paths are Markdown source paths (`knelpunten/tijdsdruk.md`); MkDocs turns them
into URLs and checks them, so a route that leads nowhere fails `--strict`.
"""

from __future__ import annotations

import functools
import posixpath

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ...catalogus import model
from ...catalogus.links import Link


def path_of(kind: str, entry) -> str:
    """The docs-relative source path (with #anchor for entries on a shared page)."""
    if kind == "stap":
        return f"stappen/stap-{entry.nummer}/index.md"
    if kind == "substap":
        return f"stappen/stap-{entry.stap.nummer}/{entry.id}.md"
    if kind == "knelpunt":
        return f"knelpunten/{entry.id}.md"
    if kind == "oplossing":
        return f"oplossingen/{entry.id}.md"
    if kind == "factor":
        return f"werkdrukmodel/{entry.id}.md"
    if kind == "groep":
        return f"werkdrukmodel/index.md#{entry.id}"
    if kind == "instrument":
        return f"instrumenten/index.md#{entry.id}"
    if kind == "praktijk":
        return f"praktijk/index.md#{entry.id}"
    if kind == "pagina":
        return PAGINA_PATHS[entry.id]
    raise KeyError(kind)


#: Where the guide's own pages ([[pagina:id]]) live.
PAGINA_PATHS = {
    "werkdrukscan": "scan/index.md",
    "teamuitslag": "scan/team/index.md",
    "planhulp": "plan/index.md",
    "knelpunten": "knelpunten/index.md",
    "oplossingen": "oplossingen/index.md",
    "snelle-oplossingen": "oplossingen/index.md?termijn=quick-win&kosten=laag",  # the filter, already set
    "werksessie": "werksessie/index.md",
    "checklists": "checklists/stap-1.md",
    "werkdrukmodel": "werkdrukmodel/index.md",
    "korte-route": "mkb/index.md",
    "uitgebreide-route": "stappen/index.md",
    "werknemer": "werknemer.md",
}


def mkb_path_of(stap) -> str:
    """The page of a step in the short MKB-route."""
    return f"mkb/stap-{stap.nummer}.md"


def title_of(kind: str, entry) -> str:
    if kind == "stap":
        return f"Stap {entry.nummer}: {entry.titel}"
    if kind == "praktijk":
        return f"Uit de praktijk: {entry.wie}"
    return entry.titel


def quote_in_a_sentence(verhaal) -> str:
    """A quote linked from running text: its first words, marked as an example unless it is real."""
    words = verhaal.citaat.split()
    short = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return f"„{short}”" + ("" if verhaal.soort == "echt" else " (voorbeeld)")


def relative(target: str, from_page: str) -> str:
    """`target` (docs-relative, may carry #anchor) as seen from page `from_page`."""
    path, _, anchor = target.partition("#")
    folder, name = posixpath.split(path)
    link = posixpath.join(_relative_folder(folder, posixpath.dirname(from_page)), name)
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, start: str) -> str:
    """relpath between two folders; a handful of folders, tens of thousands of links."""
    return posixpath.relpath(folder or ".", start or ".")


def markdown_link(catalogus: model.Catalogus, link: Link, from_page: str) -> str:
    """Render one `[[kind:id]]` as a Markdown link relative to `from_page` (plain text if left out)."""
    entry = catalogus.entries(link.kind).get(link.id)
    text = link.label or (title_of(link.kind, entry) if entry else catalogus.link_title(link.kind, link.id))
    if link.kind == "praktijk" and entry is not None and not link.label:
        text = quote_in_a_sentence(entry)
    text = str(escape(text)).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    if entry is None:  # left out of the base: there is no page, the words remain
        return text
    if link.kind == "stap" and from_page.startswith("mkb/"):  # the short route stays in the short route
        return f"[{text}]({relative(mkb_path_of(entry), from_page)})"
    return f"[{text}]({relative(path_of(link.kind, entry), from_page)})"


def site_url(target: str, use_directory_urls: bool) -> str:
    """`target` (docs-relative source path, may carry #anchor) as a URL from the site's root."""
    path, _, anchor = target.partition("#")
    url = File(path, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url
    return f"{url}#{anchor}" if anchor else url


def html_href(target: str, from_page: str, use_directory_urls: bool) -> str:
    """`target` as a URL relative to page `from_page`, for HTML that MkDocs does not rewrite."""
    path, _, anchor = site_url(target, use_directory_urls).partition("#")
    href = get_relative_url(path, site_url(from_page, use_directory_urls))
    return f"{href}#{anchor}" if anchor else href
