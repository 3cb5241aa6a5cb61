"""The printable parts of the guide: which exist, and how they become HTML.

Each printable part is an HTML fragment rendered from the catalogus. The same
fragment appears on a page of the site and, joined with others, in a PDF; only
the way links are written differs (a URL on the site, a place in the PDF, or
plain text where the PDF has no such place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
import markdown as markdown_lib
from markupsafe import Markup, escape

from ...catalogus import model
from ...catalogus.links import Link, expand_links
from ..catalogus.routes import title_of

TEMPLATES = Path(__file__).parent / "templates"

#: Post-it and marker colours by their Dutch names, for the world café sheets.
KLEUREN = {
    "geel": "#f2c200", "blauw": "#1565c0", "rood": "#c62828", "groen": "#2e7d32",
    "oranje": "#ef6c00", "roze": "#d81b60", "paars": "#6a1b9a", "grijs": "#757575",
}


#: Most knelpunten listed on the prioritising sheet; beyond that the sheet lists the factors.
MAX_STIPPEN = 60


@dataclass(frozen=True)
class Part:
    """One fragment: a template and what it shows."""

    template: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A PDF, made of parts; `landscape` parts get their own page size."""

    slug: str
    titel: str
    parts: list[Part]
    toc: bool = False

    @property
    def pdf_path(self) -> str:
        return f"pdf/{self.slug}.pdf"


@dataclass(frozen=True)
class PrintPage:
    """A page of the site that shows parts and offers the PDF they belong to."""

    src_uri: str
    titel: str
    parts: list[Part]
    pdf: str  # slug of the Document
    intro: str = ""


def werksessie_parts(catalogus: model.Catalogus) -> dict[str, Part]:
    sessie = catalogus.werksessie
    return {
        "draaiboek": Part("draaiboek.html", {"sessie": sessie, "rooster": sessie.rooster()}),
        "benodigdheden": Part("benodigdheden.html", {"sessie": sessie}),
        "posters": Part("posters.html", {"groepen": catalogus.werkdrukmodel.groepen}),
        "wereldcafe": Part("wereldcafe.html", {"rondes": sessie.rondes}),
        "prioriteren": Part("prioriteren.html", {"groepen": catalogus.werkdrukmodel.groepen, "criteria": catalogus.criteria, "max_knelpunten": MAX_STIPPEN}),
        "plan": Part("plan.html", {}),
    }


def print_pages(catalogus: model.Catalogus) -> list[PrintPage]:
    pages = []
    if catalogus.werksessie:
        kit = werksessie_parts(catalogus)
        pages += [
            PrintPage("werksessie/index.md", catalogus.werksessie.titel, [kit["draaiboek"], kit["benodigdheden"]], "werksessie-kit",
                      "Alles voor een werksessie met je team. Hieronder staat het draaiboek. Print ook de "
                      "[posters](posters.md), de [werkbladen voor de world café](wereldcafe.md), het "
                      "[blad om te prioriteren](prioriteren.md) en het [plan van aanpak](plan-van-aanpak.md)."),
            PrintPage("werksessie/posters.md", "Posters van het werkdrukmodel", [kit["posters"]], "werksessie-kit"),
            PrintPage("werksessie/wereldcafe.md", "Werkbladen world café", [kit["wereldcafe"]], "werksessie-kit"),
            PrintPage("werksessie/prioriteren.md", "Prioriteren: knelpunten en criteria", [kit["prioriteren"]], "werksessie-kit"),
            PrintPage("werksessie/plan-van-aanpak.md", "Plan van aanpak", [kit["plan"]], "werksessie-kit"),
        ]
    for stap in catalogus.stappen:
        pages.append(PrintPage(f"checklists/stap-{stap.nummer}.md", f"Checklists stap {stap.nummer}: {stap.titel}",
                               [Part("checklists.html", {"stappen": [stap]})], "checklists"))
    return pages


def documents(catalogus: model.Catalogus) -> list[Document]:
    docs = []
    if catalogus.werksessie:
        docs.append(Document("werksessie-kit", catalogus.werksessie.titel, list(werksessie_parts(catalogus).values())))
    docs.append(Document("checklists", "Alle checklists", [Part("checklists.html", {"stappen": catalogus.stappen})]))
    docs.append(Document("hr-route", "De uitgebreide route", [Part("hr-route.html", {"stappen": catalogus.stappen})], toc=True))
    return docs


class Renderer:
    """Renders parts to HTML; `link` decides what a `[[link]]` becomes."""

    def __init__(self, catalogus: model.Catalogus, link: Callable[[Link, object], str]):
        self.catalogus = catalogus
        self.link = link
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["md"] = self.markdown
        self.env.filters["kleur"] = lambda naam: KLEUREN.get(naam.strip().lower(), "#757575")
        self.env.globals.update(catalogus=catalogus, KOSTEN=model.KOSTEN)

    def markdown(self, text: str, inline: bool = False) -> Markup:
        """Markdown text as HTML. Raw HTML in the text is escaped: it has no place in print."""
        links: list[Link] = []

        def placeholder(link: Link) -> str:
            links.append(link)
            return f"\ue000{len(links) - 1}\ue001"

        html = markdown_lib.markdown(expand_links(text, placeholder).replace("<", "&lt;"), extensions=["sane_lists"])
        html = re.sub("\ue000(\\d+)\ue001", lambda m: self._link_html(links[int(m.group(1))]), html)
        if inline:
            html = re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.DOTALL)
        return Markup(html)

    def _link_html(self, link: Link) -> str:
        entry = self.catalogus.entries(link.kind).get(link.id)
        if entry is None:  # left out of the base: no page, only the words
            return str(escape(link.label or self.catalogus.link_title(link.kind, link.id)))
        return self.link(link, entry)

    def render(self, part: Part, **extra) -> str:
        return self.env.get_template(part.template).render(**part.context, **extra)


def link_text(link: Link, entry) -> str:
    """The words a link shows: its own label, or the entry's title."""
    return link.label or title_of(link.kind, entry)
