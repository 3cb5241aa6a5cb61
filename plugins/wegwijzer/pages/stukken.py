"""A generated page as an HTML frame with Markdown pieces in it: Markdown only where text is Markdown.

The structure of a knelpunt's or oplossing's page (its cards, labels and list of
features) is HTML that the page layer writes itself. What an editor wrote, with
the headings around it, stays Markdown: the guide's own Markdown extensions
apply to it, and the headings get their anchors and table of contents from the
guide's own `toc` settings. Python-Markdown's `md_in_html`, which the templates
needed for Markdown inside HTML, took most of a page's Markdown time; the frame
needs none of it.

A template marks a piece with a filter block: `{% filter md %}` for text (one
or more paragraphs, lists, headings), `{% filter md_regel %}` for one line
inside an HTML element (its paragraph left off), `{% filter md_kop("klasse") %}`
for a heading that carries a class. The page's Markdown is its pieces in order,
each after a marker; the engine converts it in one go (its link checks and
table of contents see the whole page) and `Opgemaakt.vul` puts each piece's HTML
where its marker stands in the frame. Values are escaped in a piece as in any
template, so an editor's text can never write a marker.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup, escape

#: Under 'mkdocs', whose messages a build shows (and ProperDocs' too, engine.logger); no import of it.
_log = logging.getLogger("mkdocs.plugins.wegwijzer.stukken")

#: Stands in the frame where a piece's HTML goes, and in the Markdown before that piece.
MARKER = "<!--ww-stuk-{}-->"
_IN_FRAME = re.compile(r"<!--ww-stuk-(\d+)-->")
#: Python-Markdown writes a comment on a line of its own as it is, each block on its own line.
_IN_HTML = re.compile(r"<!--ww-stuk-(\d+)-->\n?")
#: What makes a line a block when it starts one (heading, list item, rule, fenced code,
#: admonition): in a "regel" piece it is text. (`>` needs no escape: values reach a piece
#: escaped, as `&gt;`.)
_BLOCK_START = re.compile(r"^(#|[*+-](?=\s|$)|\d+(?=\.(?:\s|$))|([-*_])(?=[ \t]*\2[ \t]*\2)|!!!|\?\?\?|```|~~~)")


def _as_text(opening: re.Match) -> str:
    """The opening of a line as text: a backslash after a number or before its first character,
    or that character as an entity where Markdown has no backslash escape for it (`?`, `~`)."""
    first, rest = opening[0][0], opening[0][1:]
    if first.isdigit():
        return opening[0] + "\\"
    if first in "?~":
        return f"&#{ord(first)};{rest}"
    return "\\" + opening[0]


@dataclass(frozen=True)
class Stuk:
    markdown: str
    soort: str  # "tekst", "regel" (without its paragraph) or "kop" (a heading with a class)
    klasse: str = ""


@dataclass
class Stukken:
    """The pieces of one page, collected while its template renders."""

    lijst: list[Stuk] = field(default_factory=list)
    voorwerk: str = ""  # the front matter, before every piece

    def begin(self, voorwerk: str) -> str:
        """The page's front matter (`{% do stukken.begin(front_matter(...)) %}`)."""
        self.voorwerk = str(voorwerk)
        return ""

    def voeg_toe(self, markdown: Markup | str, soort: str, klasse: str = "") -> Markup:
        text = str(escape(markdown)).strip("\n")
        if soort == "regel":  # one line inside an element: text that starts like a heading or list stays text
            text = _BLOCK_START.sub(_as_text, text.lstrip())
        self.lijst.append(Stuk(text, soort, klasse))
        return Markup(MARKER.format(len(self.lijst) - 1))

    def markdown(self) -> str:
        return self.voorwerk + "".join(f"\n\n{MARKER.format(i)}\n\n{stuk.markdown}\n" for i, stuk in enumerate(self.lijst))


@dataclass(frozen=True)
class Opgemaakt:
    """A page in two parts: `markdown` for the engine (front matter, then the pieces) and the HTML `frame`.

    Without a frame, `markdown` is the whole page (a page written in Markdown only)."""

    markdown: str
    frame: str | None = None
    stukken: tuple[Stuk, ...] = ()
    #: The front matter `markdown` starts with, and what it holds (generated.py, `front_matter`).
    voorwerk: str | None = None
    meta: dict | None = None

    def tekst_en_meta(self, source: str) -> tuple[str, dict] | None:
        """`source` as MkDocs reads a page (its Markdown after the front matter, and the front matter's
        values), without parsing the YAML again, when `source` is this page's own Markdown; else None."""
        if self.voorwerk is None or self.meta is None or source != self.markdown or not source.startswith(self.voorwerk + "\n"):
            return None
        return source[len(self.voorwerk) + 1:].lstrip("\n"), copy.deepcopy(self.meta)

    def vul(self, html: str) -> str:
        """The frame with each piece's HTML (`html`, what the engine made of `markdown`) in its place."""
        if self.frame is None:
            return html
        parts = _IN_HTML.split(html)
        made = {int(parts[i]): parts[i + 1].strip("\n") for i in range(1, len(parts), 2)}
        if len(made) != len(self.stukken):  # an extension took a marker away: say so, never drop text unseen
            lost = sorted(set(range(len(self.stukken))) - set(made))
            _log.warning("Stukken %s van een pagina zijn onderweg door Markdown hun plaats kwijtgeraakt; "
                         "hun tekst ontbreekt op de pagina. Meld dit aan de makers van de Wegwijzer.", lost)
        # ending as Python-Markdown ends a page: at its last element, whatever the template ends with
        return _IN_FRAME.sub(lambda m: self._vorm(int(m[1]), made.get(int(m[1]), "")), self.frame).rstrip("\n")

    def _vorm(self, i: int, html: str) -> str:
        stuk = self.stukken[i] if i < len(self.stukken) else None
        if stuk is None:
            return ""
        if stuk.soort == "regel" and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        if stuk.soort == "kop":
            return re.sub(r"^<(h[1-6])\b", lambda m: f'<{m[1]} class="{escape(stuk.klasse)}"', html, count=1)
        return html


def filters(env: jinja2.Environment) -> None:
    """The filters with which a template marks its Markdown pieces (see the module's docstring)."""

    @jinja2.pass_context
    def md(context, value):
        return context["stukken"].voeg_toe(value, "tekst")

    @jinja2.pass_context
    def md_regel(context, value):
        return context["stukken"].voeg_toe(value, "regel")

    @jinja2.pass_context
    def md_kop(context, value, klasse):
        return context["stukken"].voeg_toe(value, "kop", klasse)

    env.filters.update(md=md, md_regel=md_regel, md_kop=md_kop)


def maak(template: jinja2.Template, **context) -> Opgemaakt:
    """Render `template` (an HTML frame with pieces) into its Markdown and frame."""
    stukken = Stukken()
    frame = template.render(stukken=stukken, **context)
    return Opgemaakt(stukken.markdown(), frame, tuple(stukken.lijst))
