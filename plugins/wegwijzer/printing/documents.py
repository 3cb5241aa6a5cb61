"""The printable parts of the guide: which exist, and how they become HTML.

Each printable part is an HTML fragment rendered from the catalogus. The same
fragment appears on a page of the site and, joined with others, in a PDF; only
the way links are written differs (a URL on the site, a place in the PDF, or
plain text where the PDF has no such place).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import jinja2
import markdown as markdown_lib
from markupsafe import Markup, escape

from ..catalogus import dossier, model
from ..catalogus.links import Link, expand_links
from ..sanitize import clean_html
from ..pages import bronnen
from ..pages.routes import PAGINA_PATHS, VASTE_PATHS, checklist_path_of, relative, title_of
from ..jinja_cache import CompiledTemplates

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
    """A PDF, made of parts; `landscape` parts get their own page size.

    `titelblad`: the guide's name and the document's title open the first page. Sheets
    that each fill a page of their own (posters, world café, forms) go without.
    `knop`: the words on the button that offers it.
    """

    slug: str
    titel: str
    parts: list[Part]
    toc: bool = False
    titelblad: bool = True
    knop: str = "Download als PDF"

    @property
    def pdf_path(self) -> str:
        return f"pdf/{self.slug}.pdf"


@dataclass(frozen=True)
class PrintPage:
    """A page of the site that shows parts and offers the PDFs they belong to.

    `pdfs` are slugs of Documents: the first holds just what the page shows,
    any others hold more (the whole kit, all checklists).
    `print_knop`: the words on a button that prints the page as the visitor filled it in
    (the ticks they made, which no PDF has); none when empty.
    """

    src_uri: str
    titel: str
    parts: list[Part]
    pdfs: tuple[str, ...]
    intro: str = ""
    print_knop: str = ""
    #: The catalogus files the page is made of (pages/bronnen.py), for its "Laatst gewijzigd".
    bronnen: tuple[str, ...] = ()


def werksessie_parts(catalogus: model.Catalogus, poster_formaat: str = "A4") -> dict[str, Part]:
    """The parts of the werksessie kit; posters on A4 (the kit) or A3 (to hang on the wall)."""
    sessie = catalogus.werksessie
    return {
        "draaiboek": Part("draaiboek.html", {"sessie": sessie, "rooster": sessie.rooster()}),
        "benodigdheden": Part("benodigdheden.html", {"sessie": sessie}),
        "posters": Part("posters.html", {"groepen": catalogus.werkdrukmodel.groepen, "formaat": poster_formaat}),
        "wereldcafe": Part("wereldcafe.html", {"rondes": sessie.rondes}),
        "prioriteren": Part("prioriteren.html", {"groepen": catalogus.werkdrukmodel.groepen, "criteria": catalogus.criteria, "max_knelpunten": MAX_STIPPEN}),
        "plan": Part("plan.html", {}),
    }


def checklists_titel(stap: model.Stap) -> str:
    return f"Checklists stap {stap.nummer}: {stap.titel}"


#: Above each step's checklists: the ticks stay on this device, the button prints them, the PDF is blank.
CHECKLIST_INTRO = (
    "Vink aan wat je al gedaan hebt. Je vinkjes blijven alleen in deze browser op dit apparaat. "
    "Met de knop **Print je checklist** print je de lijst met jouw vinkjes. "
    "De PDF is een lege checklist, om op papier in te vullen."
)


def print_pages(catalogus: model.Catalogus) -> list[PrintPage]:
    pages = []
    if catalogus.werksessie:
        kit = werksessie_parts(catalogus)
        naar = lambda pagina: relative(VASTE_PATHS[pagina], PAGINA_PATHS["werksessie"])  # noqa: E731
        pages += [
            PrintPage(PAGINA_PATHS["werksessie"], catalogus.werksessie.titel, [kit["draaiboek"], kit["benodigdheden"]],
                      ("werksessie-draaiboek", "werksessie-kit"),
                      "Alles voor een werksessie met je team. Hieronder staat het draaiboek. Print ook de "
                      f"[posters]({naar('werksessie-posters')}), de [werkbladen voor de world café]({naar('werksessie-wereldcafe')}), het "
                      f"[blad om te prioriteren]({naar('werksessie-prioriteren')}) en het [plan van aanpak]({naar('werksessie-plan-van-aanpak')}). "
                      "Of download de hele kit: alles in één PDF.", bronnen=("werksessie.yml",)),
            PrintPage(VASTE_PATHS["werksessie-posters"], "Posters van het werkdrukmodel", [werksessie_parts(catalogus, "A3")["posters"]],
                      ("werksessie-posters",),
                      "Eén poster per groep uit het werkdrukmodel. Print de posters op A3 en hang ze aan de muur. "
                      "Dan kan iedereen ze goed lezen en is er plek voor post-its.", bronnen=("werkdrukmodel.yml",)),
            PrintPage(VASTE_PATHS["werksessie-wereldcafe"], "Werkbladen world café", [kit["wereldcafe"]], ("werksessie-wereldcafe",), bronnen=("werksessie.yml",)),
            PrintPage(VASTE_PATHS["werksessie-prioriteren"], "Prioriteren: knelpunten en criteria", [kit["prioriteren"]], ("werksessie-prioriteren",),
                      bronnen=("werkdrukmodel.yml", "criteria.yml", *bronnen.van("knelpunt", catalogus.knelpunten))),
            PrintPage(VASTE_PATHS["werksessie-plan-van-aanpak"], "Invulblad plan van aanpak", [kit["plan"]], ("werksessie-plan-van-aanpak",)),
        ]
    for stap in catalogus.stappen:
        pages.append(PrintPage(checklist_path_of(stap), checklists_titel(stap),
                               [Part("checklists.html", {"stappen": [stap]})], (f"checklists-stap-{stap.nummer}", "checklists"),
                               CHECKLIST_INTRO, print_knop="Print je checklist", bronnen=bronnen.stap(stap)))
    return pages


def documents(catalogus: model.Catalogus) -> list[Document]:
    """Every PDF: each printable page's own part, and the collections (kit, all checklists, HR-route)."""
    docs = []
    if catalogus.werksessie:
        titel = catalogus.werksessie.titel
        kit = werksessie_parts(catalogus)
        docs += [
            Document("werksessie-kit", titel, list(kit.values()), knop="Download de hele kit als PDF"),
            Document("werksessie-draaiboek", f"{titel}: draaiboek", [kit["draaiboek"], kit["benodigdheden"]]),
            Document("werksessie-posters", "Posters van het werkdrukmodel", [werksessie_parts(catalogus, "A3")["posters"]],
                     titelblad=False, knop="Download als PDF (A3)"),
            Document("werksessie-wereldcafe", "Werkbladen world café", [kit["wereldcafe"]], titelblad=False),
            Document("werksessie-prioriteren", "Prioriteren: knelpunten en criteria", [kit["prioriteren"]], titelblad=False),
            Document("werksessie-plan-van-aanpak", "Invulblad plan van aanpak", [kit["plan"]], titelblad=False),
        ]
    # The checklist PDFs are blank forms: the visitor's ticks live in their browser (`print_knop` prints those).
    docs.append(Document("checklists", "Alle checklists", [Part("checklists.html", {"stappen": catalogus.stappen})],
                         knop="Download alle lege checklists (PDF)"))
    for stap in catalogus.stappen:
        docs.append(Document(f"checklists-stap-{stap.nummer}", checklists_titel(stap), [Part("checklists.html", {"stappen": [stap]})],
                             knop="Download lege checklist (PDF)"))
    docs.append(Document("hr-route", "De uitgebreide route", [Part("hr-route.html", {"stappen": catalogus.stappen})], toc=True))
    docs.append(toetsingsdossier(catalogus))
    return docs


def toetsingsdossier(catalogus: model.Catalogus, today: date | None = None) -> Document:
    """The dossier for the Arbeidsinspectie (see `catalogus/dossier.py`), as one document."""
    today = today or date.today()
    context = _WhenRead(lambda: {
        "vandaag": today,
        "per_knelpunt": dossier.per_knelpunt(catalogus),
        "normen": dossier.normtabel(catalogus),
        "risicotabel": dossier.risicotabel(catalogus),
        "ook_van_belang": dossier.ook_van_belang(catalogus),
        "uit_de_basis": dossier.uit_de_basis(catalogus),
        "open_punten": dossier.open_punten(catalogus, today),
    })
    return Document("toetsingsdossier", "Toetsingsdossier arbocatalogus", [Part("dossier.html", context)], knop="Download het toetsingsdossier (PDF)")


#: The print templates, compiled once for every Renderer and kept (`jinja_cache`).
COMPILED = CompiledTemplates()


class _WhenRead(Mapping):
    """A part's context worked out when the PDF is made: the dossier's takes seconds on a large guide,
    and a page that only offers the PDF (or the preview, which makes PDFs later) does not need it."""

    def __init__(self, make: Callable[[], dict]):
        self._make = make

    @functools.cached_property
    def _values(self) -> dict:
        return self._make()

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


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
            bytecode_cache=COMPILED,
        )
        self.env.filters["md"] = self.markdown
        self.env.filters["kleur"] = lambda naam: KLEUREN.get(naam.strip().lower(), "#757575")
        self.env.globals.update(catalogus=catalogus, info=catalogus.info, KOSTEN=model.KOSTEN, KANT=model.KANT, datum=model.datum_nl)

    def markdown(self, text: str, inline: bool = False) -> Markup:
        """Markdown text as HTML. Raw HTML in the text is escaped (it has no place in print), and the result cleaned."""
        links: list[Link] = []

        def placeholder(link: Link) -> str:
            links.append(link)
            return f"\ue000{len(links) - 1}\ue001"

        html = markdown_lib.markdown(expand_links(text, placeholder).replace("<", "&lt;"), extensions=["sane_lists"])
        html = re.sub("\ue000(\\d+)\ue001", lambda m: self._link_html(links[int(m.group(1))]), html)
        html = clean_html(html)
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
