"""A page's front matter and title are text, and its HTML passes the allowlist.

Material puts a page's `title`, `description`, `author` and the like into its
HTML as they are, and the title of every page is in the menu of every other
page: a `title: <img src=x onerror=…>` in one hand-written page would run on
the whole site. So every text value of the front matter is escaped once here,
and the title taken from a page's first heading is reduced to its text. The
`scripts:` of a hand-written page may only name the Wegwijzer's own tool scripts.
"""

from __future__ import annotations

import html
from pathlib import Path

import nh3
from markupsafe import escape

from ...sanitize import clean_html

#: The browser tools' scripts a page may ask for in its front matter (`scripts: [scan]`).
SCRIPTS = frozenset(path.stem for path in (Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "wegwijzer").glob("*.js"))


def safe_meta(page, hand_written: bool) -> list[str]:
    """Escape the front matter's texts in place; what had to be left out, in Dutch."""
    problems = []
    for key, value in list(page.meta.items()):
        if isinstance(value, str):
            page.meta[key] = str(escape(html.unescape(value)))
    scripts = page.meta.get("scripts")
    if scripts is not None and hand_written:
        names = scripts if isinstance(scripts, list) else [scripts]
        allowed = [name for name in names if isinstance(name, str) and name in SCRIPTS]
        if len(allowed) != len(names):
            wrong = ", ".join(repr(name) for name in names if name not in allowed)
            problems.append(
                f"scripts: {wrong} is geen hulpmiddel van de Wegwijzer en wordt niet geladen "
                f"(kies uit {', '.join(sorted(SCRIPTS))}, of haal 'scripts:' weg)"
            )
        page.meta["scripts"] = allowed
    return problems


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
