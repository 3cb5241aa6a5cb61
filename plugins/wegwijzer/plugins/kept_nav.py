"""The site menu rendered once per folder for the pages that are not in it.

Material renders the whole menu (`partials/nav.html`) into every page. At 1,000
knelpunten that was a fifth of the build, and almost all of those pages – every
knelpunt, oplossing and factor – are not in the menu. For such a page nothing
in the menu depends on the page but its links, and those are relative to the
page's folder: MkDocs marks no menu item active, and shows no table of contents
in it. So its menu is rendered once per folder and the text reused; a page in
the menu, or with menu items below it, is rendered as always.

Only Material's own menu is kept so. When an organisation overrides one of its
templates in `overrides/`, that may show something of the page, and every page
gets its menu rendered. Replacing the template's render function is patch
`menu_once` of `patches.py`: off on a Material or Jinja it was not written for.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Iterator

import jinja2
import material

from . import patches

#: The templates the menu is made of; all must be Material's own for the menu to be kept.
MENU = ("partials/nav.html", "partials/nav-item.html", "partials/logo.html", "partials/source.html")
_MATERIAL = Path(material.__file__).resolve().parent / "templates"


def keep_menu(env: jinja2.Environment, nav) -> None:
    """Make `env` render the menu once per folder for the pages of `nav`'s site that are not in it."""
    try:
        templates = [env.get_template(name) for name in MENU]
    except jinja2.TemplateNotFound:
        return
    if not all(template.filename and Path(template.filename).resolve().is_relative_to(_MATERIAL) for template in templates):
        return
    menu = templates[0]
    in_menu = {id(page) for page in nav.pages}
    urls = list(_urls(nav.items))
    kept: dict[str, str] = {}

    def once_per_folder(render):
        def root_render_func(context) -> Iterator[str]:
            key = _folder(context.get("page"), in_menu, urls) if context.get("nav") is nav else None
            if key is None:
                yield from render(context)
            else:
                if key not in kept:
                    kept[key] = "".join(render(context))
                yield kept[key]

        return root_render_func

    patches.apply("menu_once", menu, once_per_folder)


def _folder(page, in_menu: set[int], urls: list[str]) -> str | None:
    """What the menu's links of a page depend on, or None when the menu is the page's own.

    MkDocs makes a link relative to the page's URL: 'knelpunten/a/' is a folder,
    'knelpunten/a.html' a file in one. Pages in the same folder, with the same
    kind of URL, get the same links, except to what lies below the page itself.
    """
    url = getattr(page, "url", None)
    if not url or id(page) in in_menu or any(target.startswith(url) for target in urls):
        return None
    if url.endswith("/"):
        return "folder:" + posixpath.dirname(url[:-1])
    if url.endswith(".html"):
        return "file:" + posixpath.dirname(url)
    return None


def _urls(items) -> Iterator[str]:
    """The URL of every page, section index and link in the menu."""
    for item in items:
        url = getattr(item, "url", None)
        if url:
            yield url
        yield from _urls(getattr(item, "children", None) or [])
