"""A page's front matter and title are text, and its HTML passes the allowlist.

Material puts a page's `title`, `description`, `author`, `subtitle` and `status`
into its HTML as they are, and the title of every page is in the menu of every
other page: a `title: <img src=x onerror=…>` in one hand-written page would run
on the whole site, and outside the article, where the Content-Security-Policy
trusts the theme's inline scripts. So:

- every text in the front matter is escaped once here, in lists and mappings too;
- the keys Material prints must be text (a list would print as Python's
  `['…']`, unescaped); `icon`, `template` and `hide` must name what exists;
- the title taken from a page's first heading is reduced to its text, and given
  as the page's `title`, so `<title>` never runs it through `striptags` (which
  turns `&lt;` back into `<`);
- the `scripts:` of a hand-written page may only name the Wegwijzer's tool scripts.

What is refused is left out, with a Dutch warning naming the key.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nh3
from markupsafe import escape

from ...sanitize import clean_html

#: The browser tools' scripts a page may ask for in its front matter (`scripts: [scan]`).
SCRIPTS = frozenset(path.stem for path in (Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "wegwijzer").glob("*.js"))
#: Front matter Material prints into the page as it is.
TEXT_KEYS = ("title", "description", "author", "subtitle", "status")
#: What `hide:` may hide (Material's parts of a page).
HIDE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
_ICON = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)+")
#: Front matter is a few values; YAML aliases can make a small file a huge or endless structure.
MAX_NODES = 1000


def page_templates(custom_dir: str | None) -> frozenset[str]:
    """What `template:` may name: the theme's page template, or one of the organisation's own in overrides/.

    Never Material's others: `redirect.html` sends a visitor to the `location:` of the front
    matter, and a partial fails the build with Jinja's English error.
    """
    own = {path.name for path in Path(custom_dir).glob("*.html")} if custom_dir and Path(custom_dir).is_dir() else set()
    return frozenset({"main.html"} | (own - {"404.html", "redirect.html", "base.html"}))


def safe_meta(page, hand_written: bool, theme_dirs: list[str] = (), templates: frozenset[str] = frozenset({"main.html"})) -> list[str]:
    """Make the front matter safe in place; what had to be left out, in Dutch."""
    meta, problems = page.meta, []

    def refuse(key: str, why: str) -> None:
        problems.append(f"{key}: {why}; het veld wordt niet gebruikt")
        del meta[key]

    for key, value in list(meta.items()):
        if not _small(value):
            refuse(key, f"dit is te groot of verwijst naar zichzelf (hooguit {MAX_NODES} waarden)")

    for key in TEXT_KEYS:
        if key in meta and not isinstance(meta[key], (str, int, float)):
            refuse(key, "hier hoort gewone tekst, geen lijst of blok")
    if "icon" in meta and not (isinstance(meta["icon"], str) and _ICON.fullmatch(meta["icon"])
                               and any((Path(d) / ".icons" / f"{meta['icon']}.svg").is_file() for d in theme_dirs)):
        refuse("icon", "dit icoon bestaat niet (bijvoorbeeld material/lightbulb-on-outline)")
    if "template" in meta and meta["template"] not in templates:
        refuse("template", f"kies {' of '.join(sorted(templates))} (een eigen sjabloon zet je in overrides/)")
    if "hide" in meta and not (isinstance(meta["hide"], list) and all(isinstance(part, str) and part in HIDE for part in meta["hide"])):
        refuse("hide", f"kies een lijst uit {', '.join(sorted(HIDE))}")
    for key, value in list(meta.items()):
        meta[key] = _escaped(value)
    scripts = meta.get("scripts")
    if scripts is not None and hand_written:
        names = scripts if isinstance(scripts, list) else [scripts]
        allowed = [name for name in names if isinstance(name, str) and name in SCRIPTS]
        if len(allowed) != len(names):
            wrong = ", ".join(repr(html.unescape(str(name))) for name in names if name not in allowed)
            problems.append(
                f"scripts: {wrong} is geen hulpmiddel van de Wegwijzer en wordt niet geladen "
                f"(kies uit {', '.join(sorted(SCRIPTS))}, of haal 'scripts:' weg)"
            )
        meta["scripts"] = allowed
    return problems


def _small(value) -> bool:
    """Whether `value` is a tree of at most MAX_NODES values, without a value that holds itself."""
    count, pending = 0, [(value, frozenset())]
    while pending:
        item, above = pending.pop()
        count += 1
        if count > MAX_NODES:
            return False
        if isinstance(item, (list, dict)):
            if id(item) in above:
                return False
            inner = above | {id(item)}
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, inner) for child in children)
    return True


def _escaped(value):
    """Every text in `value` HTML-escaped, however deep; numbers, booleans and dates as they are."""
    if isinstance(value, str):
        return str(escape(html.unescape(value)))
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {_escaped(key) if isinstance(key, str) else key: _escaped(item) for key, item in value.items()}
    return value


def _text(title: str) -> str:
    """A title from rendered Markdown as text: its words, with any markup dropped and escaped."""
    return nh3.clean(title, tags=set())


class CleanPages:
    """Cleans each page's HTML; the preview keeps the cleaned HTML of a page whose HTML is the same as last time."""

    def __init__(self, keep: bool) -> None:
        self.kept: dict[str, tuple[str, str]] | None = {} if keep else None

    def page(self, page, content: str, trusted: bool = False) -> str:
        """The page's HTML as it may reach a reader; `trusted` (eigen_html in mkdocs.yml) leaves it as written."""
        if "title" not in page.meta and page.title:
            page.title = _text(page.title)
            if not page.is_homepage:  # Material's <title> runs a title without it through striptags
                page.meta["title"] = page.title
        if trusted:
            return content
        if self.kept is None:
            return clean_html(content)
        uri = page.file.src_uri
        last = self.kept.get(uri)
        if last is not None and last[0] is content:
            return last[1]
        cleaned = clean_html(content)
        self.kept[uri] = (content, cleaned)
        return cleaned
