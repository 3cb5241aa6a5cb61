"""What HTML may reach a reader: an allowlist, applied after Markdown has been rendered.

Editors paste text from Word, e-mail and other websites, and Markdown passes a
lot through: raw HTML, and with `attr_list` any attribute on any element
(`{: onload=… }`). Checking the Markdown for dangerous patterns always misses a
trick, so the rendered HTML of every page, PDF fragment and search excerpt is
rebuilt from what this allowlist keeps (nh3, the Python binding of the
maintained Rust sanitizer ammonia):

- the elements Markdown, its extensions and our page templates produce, and
  nothing that runs or embeds (no script, style, iframe, object, embed, base,
  meta, link, template, math, noscript, or SVG beyond the theme's plain icon paths);
- per element the attributes those produce, never an event handler (`on…`), and
  only the `data-*` attributes our scripts read (`DATA`);
- link targets with the schemes http, https and mailto, or relative; images
  only from the site itself (a visitor's browser asks no other website);
- `style` only as the one custom property our world café sheets set;
- no `id` or `name` that would shadow what the theme's own scripts look up
  (DOM clobbering: `<img name="getElementById">` replaces a document method).

Our own templates pass this allowlist unchanged; `tests/test_hostile.py` holds
the attacks it stops.
"""

from __future__ import annotations

import re

import nh3

#: Elements that may appear in a page's content.
TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "i", "img", "input", "ins", "kbd", "label", "legend", "li", "mark", "nav", "ol",
    "optgroup", "option", "p", "path", "pre", "progress", "q", "s", "samp", "section", "select",
    "small", "span", "strong", "sub", "summary", "sup", "svg", "table", "tbody", "td", "textarea",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}

#: Removed with everything inside them: what they hold is code or a foreign document, never text.
REMOVED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noembed", "noframes", "noscript", "xmp", "title", "math"}

#: The data-* attributes our page templates and Markdown extensions write, and the theme's scripts read.
#: Not a prefix: data-pagefind-meta or data-pagefind-body in a text would rewrite the search results.
DATA = {
    "data-aanpak", "data-actie", "data-alle", "data-checklist", "data-deel", "data-een", "data-eenheid",
    "data-eisen", "data-factor", "data-filter", "data-groep", "data-huidig", "data-hulpbronnen", "data-kosten", "data-leeg", "data-leesroute",
    "data-minimum", "data-minuut", "data-mkb-stap", "data-niveau", "data-pagefind-filter", "data-pagefind-ignore",
    "data-soort", "data-stap", "data-tabs", "data-telt-checklists", "data-termijn", "data-totaal", "data-vak",
    "data-van", "data-veld", "data-vraag", "data-ww-zoek-open",
}
_EVERYWHERE = {"class", "id", "title", "lang", "dir", "hidden", "role", "tabindex", "style"} | DATA
_ATTRIBUTES = {
    "a": {"href", "hreflang", "download", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "progress": {"max", "value"},
    "button": {"type", "disabled", "name", "value"},
    "input": {"type", "name", "value", "checked", "disabled", "readonly", "placeholder", "accept", "multiple",
              "min", "max", "step", "size", "maxlength", "autocomplete", "required", "inputmode", "pattern"},
    "select": {"name", "disabled", "multiple", "required", "size", "autocomplete"},
    "textarea": {"name", "rows", "cols", "placeholder", "disabled", "readonly", "maxlength", "required", "autocomplete"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "label": {"for"},
    "form": {"autocomplete", "novalidate"},
    "fieldset": {"disabled"},
    "svg": {"viewBox", "xmlns", "width", "height", "fill", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"datetime"},
    "ins": {"datetime"},
}
ATTRIBUTES = {tag: _EVERYWHERE | _ATTRIBUTES.get(tag, set()) for tag in TAGS}

#: Link and image targets: the web and e-mail; anything without a scheme is relative and stays.
URL_SCHEMES = {"http", "https", "mailto"}

#: Names the theme's scripts and Material look up outside a page's content.
_RESERVED_IDS = {"ww-opslag", "ww-zoeken", "ww-zoekveld", "ww-zoekstatus", "ww-zoeken-kop"}
#: Material's own controls and data: __config, __drawer, __search, __toc, __consent, __palette_0, ...
_MATERIAL_ID = re.compile(r"__(config|drawer|search|toc|consent|palette|skip|md)")
#: An image source that names a scheme, and what browsers skip inside a URL.
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")
#: A custom property set to a colour: how the world café sheets colour each round.
_STYLE = re.compile(r"--[a-z][a-z-]*:\s*#[0-9a-fA-F]{3,8};?")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return value if _STYLE.fullmatch(value.strip()) else None
    if name == "id" and (value in _RESERVED_IDS or _MATERIAL_ID.match(value)):
        return None
    if tag == "img" and name == "src":
        target = _INVISIBLE.sub("", value).replace("\\", "/")  # browsers read /\\host and /<tab>/host as //host
        if _SCHEME.match(target) or target.startswith("//"):
            return None
    return value


_cleaner = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    generic_attribute_prefixes={"aria-"},
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
    attribute_filter=_attribute,
)


def clean_html(html: str) -> str:
    """`html` with only what the allowlist keeps."""
    return _cleaner.clean(html)
