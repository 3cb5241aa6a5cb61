"""Invalid HTML in mkdocs-material's base.html, taken out of each written page.

base.html writes its two hidden checkboxes (the menu drawer and Material's search)
with `autocomplete="off"`, so Firefox does not restore them as ticked when a visitor
comes back to a page. HTML allows `autocomplete` on text-like inputs only (vnu:
"Attribute autocomplete is only allowed when the input type is …"), and the tags are
not in a block a theme extension can override; forking base.html for one attribute
would freeze the whole template. So the attribute is removed from exactly these two
tags, and assets/javascripts/wegwijzer/menu.js unticks both toggles whenever a page
is shown (`pageshow`, also from the back-forward cache), which is what the attribute
was for. Written against mkdocs-material 9.8.2; if Material writes the tags
differently, nothing is replaced and tests/test_markup.py reports the error again.
This is patch `toggles` of `patches.py`: off on another major version of Material.
"""

from __future__ import annotations

from . import patches

#: The toggles exactly as Material's base.html writes them, and as they are written instead.
TOGGLES = {
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">':
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">'
    for name in ("drawer", "search")
}


def without_autocomplete(html: str) -> str:
    """`html` (a whole page) with Material's two toggles written without `autocomplete`."""
    body = html.find("<body")
    if body < 0 or not patches.enabled("toggles"):
        return html
    # the toggles come right after <body>: never touch what follows (the page's own text)
    end = html.find("<header", body)
    end = end if end >= 0 else len(html)
    top = html[body:end]
    for old, new in TOGGLES.items():
        top = top.replace(old, new, 1)
    return html[:body] + top + html[end:]
