"""Which pages the catalogus becomes, each rendered from a template.

A `.md` template gives a page in Markdown; an `.html` template an HTML frame with
Markdown pieces for the text (`stukken.py`), for the pages a guide has by the
thousand (knelpunten and oplossingen), whose structure needs no Markdown.

This is the page layer: it needs the model and Jinja, not MkDocs, so another engine
(ProperDocs, Zensical, a frame of our own) can take the same pages
(docs/ontwikkelaars.md). The MkDocs plugin (`plugins/catalogus/plugin.py`) only
hands them to MkDocs.

Templates write references as `[[kind:id]]`, exactly as editors do; the plugin
expands those on every page in one place, so generated and hand-written pages
link the same way.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import importlib.util

import jinja2
from markupsafe import Markup, escape

from ..catalogus import dossier, model
from ..catalogus.leestijd import teken
from ..catalogus.paginainfo import contact_van
from ..jinja_cache import CompiledTemplates
from . import bronnen, stukken
from .dependencies import RecordingEnvironment
from .routes import PAGINA_PATHS, VASTE_PATHS, alle_path_of, html_href, link_text, mkb_path_of, path_of, relative

#: Cards on the first view of the knelpunten and oplossingen lists. A longer list keeps the
#: rest on its page alle/, which the filter fetches when it is used: a list of thousands
#: would otherwise send hundreds of kilobytes to every visitor who opens it. A factor's
#: page shows as many of its knelpunten and oplossingen, and links to the filtered list.
LIJST_MAX = 50

#: The toetsingsdossier as a table, beside the open data.
DOSSIER_CSV = "data/toetsingsdossier.csv"

TEMPLATES = Path(__file__).parent / "templates"
#: The icon set the pages draw from: Material's (also Zensical's), found without importing the theme.
ICONS = Path(importlib.util.find_spec("material").origin).parent / "templates" / ".icons"

#: Each step has one icon wherever it appears: overview, route pages, navigation.
STAP_ICONEN = {
    1: "material/bell-ring-outline",
    2: "material/magnify",
    3: "material/lightbulb-on-outline",
    4: "material/hammer-wrench",
    5: "material/flag-checkered",
}


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    template: str
    context: dict[str, Any]
    #: The catalogus files the page is made of (bronnen.py), for its "Laatst gewijzigd".
    bronnen: bronnen.Bronnen = ()


def _list_pages(kind: str, kaarten: list, made_of: bronnen.Bronnen) -> Iterator[PageSpec]:
    """The list of `kind` with its first LIJST_MAX cards, and the page with all of them when there are more."""
    meer = len(kaarten) > LIJST_MAX
    alle = alle_path_of(kind)  # its address from the list's own: the folder beside it (a URL in the HTML frame)
    yield PageSpec(PAGINA_PATHS[kind], f"{kind}.html", {"kaarten": kaarten[:LIJST_MAX], "totaal": len(kaarten), "alle": f"{posixpath.basename(posixpath.dirname(alle))}/" if meer else None}, made_of)
    if meer:
        yield PageSpec(alle, "alle.html", {"soort": kind, "kaarten": kaarten}, made_of)


def page_specs(catalogus: model.Catalogus) -> Iterator[PageSpec]:
    """Every generated page, in reading order."""
    alle_stappen = bronnen.stappen(catalogus)
    # The reading time is counted from the step pages once they are rendered: placeholders here (plugin.on_env).
    yield PageSpec(PAGINA_PATHS["korte-route"], "mkb.md", {"woorden": teken("woorden_korte_route"), "minuten": teken("minuten_korte_route")}, alle_stappen)
    for stap in catalogus.stappen:
        yield PageSpec(mkb_path_of(stap), "mkb-stap.md", {"stap": stap}, bronnen.stap(stap))
    yield PageSpec(PAGINA_PATHS["uitgebreide-route"], "stappen.md", {"minuten": teken("minuten_korte_route")}, alle_stappen)
    substappen = catalogus.substappen
    for stap in catalogus.stappen:
        yield PageSpec(path_of("stap", stap), "stap.md", {"stap": stap}, bronnen.stap(stap))
    for i, substap in enumerate(substappen):
        neighbours = {
            "vorige": substappen[i - 1] if i > 0 else None,
            "volgende": substappen[i + 1] if i + 1 < len(substappen) else None,
        }
        # its quotes and the instruments on its cards too
        made_of = (*bronnen.stap(substap.stap), *bronnen.praktijk(substap), *bronnen.van("instrument", (i.id for i in substap.instrumenten)))
        yield PageSpec(path_of("substap", substap), "substap.md", {"substap": substap, **neighbours}, made_of)
    yield PageSpec(PAGINA_PATHS["werkdrukmodel"], "werkdrukmodel.md", {}, ("werkdrukmodel.yml",))
    for factor in catalogus.factoren:
        yield PageSpec(path_of("factor", factor), "factor.md", {"factor": factor}, ("werkdrukmodel.yml", *bronnen.van("knelpunt", (k.id for k in factor.knelpunten))))
    yield from _list_pages("knelpunten", [(factor, k) for factor in catalogus.factoren for k in factor.knelpunten],
                           ("werkdrukmodel.yml", *bronnen.van("knelpunt", catalogus.knelpunten)))
    for knelpunt in catalogus.knelpunten.values():
        yield PageSpec(path_of("knelpunt", knelpunt), "knelpunt.html", {"knelpunt": knelpunt}, (*bronnen.van("knelpunt", [knelpunt.id]), *bronnen.praktijk(knelpunt)))
    yield from _list_pages("oplossingen", sorted(catalogus.oplossingen.values(), key=lambda o: o.titel), bronnen.van("oplossing", catalogus.oplossingen))
    for oplossing in catalogus.oplossingen.values():
        yield PageSpec(path_of("oplossing", oplossing), "oplossing.html", {"oplossing": oplossing}, (*bronnen.van("oplossing", [oplossing.id]), *bronnen.praktijk(oplossing)))
    yield PageSpec(VASTE_PATHS["instrumenten"], "instrumenten.md", {}, bronnen.van("instrument", catalogus.instrumenten))
    yield PageSpec(VASTE_PATHS["praktijk"], "praktijk.md", {}, bronnen.van("praktijk", catalogus.entries("praktijk")))
    verantwoording = VASTE_PATHS["verantwoording"]
    yield PageSpec(verantwoording, "verantwoording.md", {
        "normen": dossier.normtabel(catalogus),
        "ook_van_belang": dossier.ook_van_belang(catalogus),
        "bronnen": dossier.alle_bronnen(catalogus),
        "csv": relative(DOSSIER_CSV, verantwoording),
    }, ("catalogus.yml", "normen.yml", *(naam for kind in ("knelpunt", "oplossing", "instrument") for naam in bronnen.van(kind, catalogus.entries(kind)))))
    # An organisation replaces these with a page of the same name (handpaginas.EIGEN_VERSIE_MOGELIJK).
    yield PageSpec(VASTE_PATHS["toegankelijkheid"], "toegankelijkheid.md", {}, ("catalogus.yml",))
    yield PageSpec(VASTE_PATHS["privacy"], "privacy.md", {}, ("catalogus.yml",))


@functools.lru_cache(maxsize=None)
def environment(*folders: Path) -> jinja2.Environment:
    """The page templates of this plugin, and those of `folders` (other plugins' pages).

    One per process: its templates are compiled once, not again on every rebuild of the preview.
    """
    env = RecordingEnvironment(  # what a page reads, for the preview (dependencies.py)
        loader=jinja2.FileSystemLoader([*folders, TEMPLATES]),
        extensions=["jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # Every value from the catalogus is HTML-escaped, also in Markdown: Markdown passes raw
        # HTML through, and catalogus text must never become markup in a reader's browser.
        autoescape=True,
        bytecode_cache=CompiledTemplates(),  # also kept on disk for the next build
    )
    env.filters["quote"] = lambda text: Markup("\n".join(f"> {escape(line)}".rstrip() for line in text.splitlines()))
    env.filters["labels"] = lambda values, labels: ", ".join(labels[v] for v in values)
    env.filters["eerste_zin"] = _first_sentence
    env.filters["linktekst"] = lambda text: Markup(link_text(text))
    env.filters["link"] = web_link
    env.filters["contact"] = contact_link
    stukken.filters(env)  # md, md_regel, md_kop: the Markdown pieces of an HTML frame
    env.globals["front_matter"] = _front_matter
    env.globals.update(
        AANPAK=model.AANPAK,
        NIVEAU=model.NIVEAU,
        TERMIJN=model.TERMIJN,
        KOSTEN=model.KOSTEN,
        ONDERBOUWING=model.ONDERBOUWING,
        KANT=model.KANT,
        datum=model.datum_nl,
        STAP_ICONEN=STAP_ICONEN,
        LIJST_MAX=LIJST_MAX,
        icoon=_icon_svg,
    )
    return env


#: A link from a structured field may go to the web or to an e-mail address, nowhere else.
_WEB = re.compile(r"^(?:https?://|mailto:)[^\s\x00-\x1f]+$", re.IGNORECASE)


def web_link(text: str, url: str | None) -> Markup:
    """`text` linked to `url` (a source's or instrument's `link`, a provision's `url`).

    Built as HTML from escaped parts, never glued into Markdown: a title holding
    `](javascript:…)` or a link ending in `){: onclick=… }` stays text.
    """
    if not url or not _WEB.match(url):
        return escape(text)
    return Markup('<a href="{}">{}</a>').format(url, text)


def contact_link(contact: str | None) -> Markup:
    """`contact` of catalogus.yml as a link when it is an e-mail address or website, else as text (paginainfo.py)."""
    found = contact_van(contact)
    if found is None:
        return Markup("")
    if found.href is None:
        return escape(found.tekst)
    return Markup('<a href="{}">{}</a>').format(found.href, found.tekst)


#: A character beyond the Basic Multilingual Plane as JSON writes it: two \\u escapes (a surrogate pair).
_SURROGATE_PAIR = re.compile(r"\\ud([89ab][0-9a-f]{2})\\ud([c-f][0-9a-f]{2})")


def _yaml_string(value) -> Markup:
    """`value` as a double-quoted YAML string, for a page's front matter.

    JSON's escapes are YAML's, except for a character beyond the BMP (an emoji pasted
    into a title): YAML refuses its surrogate pair, MkDocs then drops the whole front
    matter and shows it as text at the top of the page. YAML's `\\U` escape takes it whole."""
    text = json.dumps(str(value))  # ASCII only: nothing YAML would find unprintable
    return Markup(_SURROGATE_PAIR.sub(lambda m: "\\U%08x" % (0x10000 + ((int(m[1], 16) - 0x800) << 10) + int(m[2], 16) - 0xC00), text))


def _first_sentence(text: str) -> str:
    """The opening sentence of a text, for a card that must stay short."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


@functools.lru_cache(maxsize=None)
def _icon_svg(name: str) -> str:
    """An icon of the theme as inline SVG (icon fonts print as text), hidden from screen readers."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(f'<span class="ww-icoon" aria-hidden="true">{svg}</span>')


def render(env: jinja2.Environment, spec: PageSpec, catalogus: model.Catalogus, use_directory_urls: bool = True) -> stukken.Opgemaakt:
    """One page: its Markdown, and for an HTML template the frame its Markdown's HTML goes into.

    `use_directory_urls` as the site has it: the frame's own links are addresses, as MkDocs makes them."""
    template = env.get_template(spec.template)
    voorwerk = _Voorwerk()
    if spec.template.endswith(".html"):
        adres = lambda kind, entry: html_href(path_of(kind, entry), spec.src_uri, use_directory_urls)  # noqa: E731
        page = stukken.maak(template, catalogus=catalogus, voorwerk=voorwerk, adres=adres, **spec.context)
    else:
        page = stukken.Opgemaakt(template.render(catalogus=catalogus, voorwerk=voorwerk, **spec.context))
    return dataclasses.replace(page, voorwerk=voorwerk.tekst, meta=voorwerk.meta)


@dataclass
class _Voorwerk:
    """A page's front matter as its template wrote it (`front_matter`), and the values it holds."""

    tekst: str | None = None
    meta: dict | None = None


@jinja2.pass_context
def _front_matter(context, title, icon=None, hide=()) -> Markup:
    """A generated page's front matter: its title, and its icon and the parts Material hides, if any.

    The values go beside the text (`Opgemaakt.meta`), so the engine need not parse the YAML
    back (`Opgemaakt.tekst_en_meta`): at 1,000 knelpunten that was 0.6 s of every build.
    A test checks that MkDocs' own reading gives the same."""
    title = str(escape(title))
    lines, meta = ["---", f"title: {_yaml_string(title)}"], {"title": title}
    if icon:
        meta["icon"] = str(escape(icon))
        lines.append(f"icon: {meta['icon']}")
    if hide:
        meta["hide"] = [str(escape(part)) for part in hide]
        lines.append(f"hide: [{', '.join(meta['hide'])}]")
    lines.append("---")
    text = "\n".join(lines)
    voorwerk = context.get("voorwerk")
    if isinstance(voorwerk, _Voorwerk):
        voorwerk.tekst, voorwerk.meta = text, meta
    return Markup(text)


def render_quote(verhaal: model.Praktijk) -> str:
    """A quote as a block, the way the step pages show it (with its example marking)."""
    return str(environment().get_template("_macros.md").module.citaat(verhaal))


def render_sources(bronnen: list[model.Bron]) -> str:
    """A page's sources as a Markdown section (for hand-written pages with `bronnen:` in front matter)."""
    return _sources_template().render(items=bronnen)


@functools.lru_cache(maxsize=None)
def _sources_template() -> jinja2.Template:
    return environment().from_string('{% from "_macros.md" import bronnen as lijst %}{{ lijst(items) }}')
