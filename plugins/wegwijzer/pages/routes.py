"""Where each catalogus entry lives in the site, and how a `[[link]]` points there.

Paths are Markdown source paths (`knelpunten/tijdsdruk.md`); MkDocs turns them
into URLs and checks them, so a route that leads nowhere fails `--strict`. The
URL of a path is worked out here the way MkDocs does it (`site_url`, tested
against MkDocs in tests/test_page_layer.py), so the page layer needs no MkDocs.
"""

from __future__ import annotations

import functools
import posixpath
import re
from typing import Any, Callable
from urllib.parse import quote

from markupsafe import escape

from ..catalogus import model
from ..catalogus.links import Link
from ..catalogus.schema import PAGINANAMEN


#: Where each kind of entry lives: its docs-relative source path (with #anchor for entries on a shared page).
ROUTES = {
    "stap": "stappen/stap-{e.nummer}/index.md",
    "substap": "stappen/stap-{e.stap.nummer}/{e.id}.md",
    "knelpunt": "knelpunten/{e.id}.md",
    "oplossing": "oplossingen/{e.id}.md",
    "factor": "werkdrukmodel/{e.id}.md",
    "groep": "werkdrukmodel/index.md#{e.id}",
    "instrument": "instrumenten/index.md#{e.id}",
    "praktijk": "praktijk/index.md#{e.id}",
}


def path_of(kind: str, entry) -> str:
    """The docs-relative source path of `entry` (ROUTES; a page of the guide by PAGINA_PATHS)."""
    if kind == "pagina":
        return PAGINA_PATHS[entry.id]
    return ROUTES[kind].format(e=entry)


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

#: The guide's other pages at a place of their own, made by the page layer, the tools and printing
#: (no [[pagina:id]] leads to them: they are reached from the pages above, the menu or the footer).
VASTE_PATHS = {
    "instrumenten": "instrumenten/index.md",
    "praktijk": "praktijk/index.md",
    "verantwoording": "verantwoording.md",
    "toegankelijkheid": "toegankelijkheid.md",
    "privacy": "privacy.md",
    "presentatie": "scan/presentatie/index.md",
    "werksessie-posters": "werksessie/posters.md",
    "werksessie-wereldcafe": "werksessie/wereldcafe.md",
    "werksessie-prioriteren": "werksessie/prioriteren.md",
    "werksessie-plan-van-aanpak": "werksessie/plan-van-aanpak.md",
}


def alle_path_of(kind: str) -> str:
    """The page with every card of the list PAGINA_PATHS[kind] (`knelpunten/alle/index.md`), beside that list."""
    return posixpath.join(posixpath.dirname(PAGINA_PATHS[kind]), PAGINANAMEN[1], "index.md")


def checklist_path_of(stap) -> str:
    """The page with a step's checklists (the first is PAGINA_PATHS["checklists"])."""
    return f"checklists/stap-{stap.nummer}.md"


def _map(path: str) -> str:
    return path.split("/")[0]


#: What a searcher filters on (Pagefind's "Soort"), by a page's top folder, which ROUTES and
#: PAGINA_PATHS give; a page in any other folder is a "Pagina".
ZOEKSOORTEN = {
    **{_map(ROUTES[kind]): soort for kind, soort in [("knelpunt", "Knelpunt"), ("oplossing", "Oplossing"), ("factor", "Werkdrukmodel")]},
    **{_map(PAGINA_PATHS[pagina]): soort for pagina, soort in [
        ("uitgebreide-route", "Uitgebreide route"), ("korte-route", "Korte route"), ("werkdrukscan", "Hulpmiddel"),
        ("planhulp", "Hulpmiddel"), ("werksessie", "Werksessie"), ("checklists", "Checklist"),
    ]},
}


def zoeksoort(url: str) -> str:
    """The kind of the page at `url` (site-relative) for the search's filter."""
    return ZOEKSOORTEN.get(_map(url), "Pagina")


class _Plaats:
    """Stands in for an entry in ROUTES, so a route gives its pattern: `knelpunten/{id}.md`."""

    id = "{id}"


#: The pages the browser tools link to or recognise, for JavaScript (`#ww-paden`, site.js).
PADEN_VOOR_JAVASCRIPT = {
    "werkdrukscan": PAGINA_PATHS["werkdrukscan"],
    "teamuitslag": PAGINA_PATHS["teamuitslag"],
    "planhulp": PAGINA_PATHS["planhulp"],
    "knelpunt": ROUTES["knelpunt"].format(e=_Plaats),
    "oplossing": ROUTES["oplossing"].format(e=_Plaats),
}


def paden_voor_javascript(use_directory_urls: bool) -> dict[str, str | list[str]]:
    """PADEN_VOOR_JAVASCRIPT as URLs from the site's root; an entry's with `{id}` where its id goes.

    With `paginanamen`: the names of the site's own pages beside the entries (knelpunten/alle/), no entry's id."""
    # site_url writes a path as a URL, braces escaped; the placeholder stays readable for site.js
    paden = {naam: site_url(pad, use_directory_urls).replace("%7Bid%7D", "{id}") for naam, pad in PADEN_VOOR_JAVASCRIPT.items()}
    return {**paden, "paginanamen": list(PAGINANAMEN)}


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


#: A line break with the spaces around it; other white space (a non-breaking space) stays.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def markdown_link(catalogus: model.Catalogus, link: Link, from_page: str, read: Callable[[Any], None] | None = None) -> str:
    """Render one `[[kind:id]]` as a Markdown link relative to `from_page` (plain text if left out).

    `read(entry)` is told the entry it points to (None when there is none), for the preview (dependencies.py)."""
    entry = catalogus.entries(link.kind).get(link.id)
    if read is not None:
        read(entry)
    text = link.label or (title_of(link.kind, entry) if entry else catalogus.link_title(link.kind, link.id))
    if link.kind == "praktijk" and entry is not None and not link.label:
        text = quote_in_a_sentence(entry)
    text = link_text(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    if entry is None:  # left out of the base: there is no page, the words remain
        return text
    if link.kind == "stap" and from_page.startswith("mkb/"):  # the short route stays in the short route
        return f"[{text}]({relative(mkb_path_of(entry), from_page)})"
    return f"[{text}]({relative(path_of(link.kind, entry), from_page)})"


def link_text(text: str) -> str:
    """A title as the text of a link, escaped: on one line, as a title typed over two lines
    must not end a heading or start a block halfway."""
    return str(escape(_LINE_BREAK.sub(" ", text).strip()))


def site_url(target: str, use_directory_urls: bool) -> str:
    """`target` (docs-relative source path, may carry #anchor) as a URL from the site's root.

    As MkDocs' `File.url`: `a/index.md` and `a/README.md` become `a/`, `a/b.md` `a/b/`
    (or `a/b.html` without directory URLs); any other file keeps its path."""
    path, _, anchor = target.partition("#")
    url = _url(path, use_directory_urls)
    return f"{url}#{anchor}" if anchor else url


@functools.lru_cache(maxsize=8192)
def _url(path: str, use_directory_urls: bool) -> str:
    parent, filename = posixpath.split(path)
    stem = posixpath.splitext(filename)[0]
    if path.endswith(_MARKDOWN):
        stem = "index" if stem == "README" else stem
        if use_directory_urls and stem != "index":
            path = posixpath.join(parent, stem, "index.html")
        else:
            path = posixpath.join(parent, stem + ".html")
    folder, name = posixpath.split(path)
    if use_directory_urls and name == "index.html":
        path = (folder or ".") + "/"
    return quote(path)


#: What MkDocs reads as a Markdown page (`mkdocs.utils.markdown_extensions`).
_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other` (both from the site's root), as MkDocs' `get_relative_url`:
    the last part of `other` is left off when it names a file (holds a dot)."""
    folder, _, name = other.rpartition("/")
    if "." in name:
        other = folder
    start, target = _parts(other), _parts(url)
    common = 0
    for a, b in zip(start, target):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    return link + "/" if url.endswith("/") else link


@functools.lru_cache(maxsize=None)
def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


def html_href(target: str, from_page: str, use_directory_urls: bool) -> str:
    """`target` as a URL relative to page `from_page`, for HTML that MkDocs does not rewrite."""
    path, _, anchor = site_url(target, use_directory_urls).partition("#")
    href = relative_url(path, site_url(from_page, use_directory_urls))
    return f"{href}#{anchor}" if anchor else href
