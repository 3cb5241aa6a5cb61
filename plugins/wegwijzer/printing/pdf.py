"""Turning documents into PDF with WeasyPrint.

WeasyPrint needs Pango from the operating system. When it or Pango is missing
the site is still worth building, so `load_weasyprint` says what to install
instead of failing.
"""

from __future__ import annotations

import glob
import importlib.metadata
from datetime import date
import json
import sys
from pathlib import Path

from markupsafe import Markup, escape

from .. import cache
from ..css import css_string
from ..catalogus import model
from .documents import TEMPLATES, Document, Renderer, link_text

INSTALL_HINT = (
    "installeer WeasyPrint met 'pip install weasyprint' en de bibliotheken die het nodig heeft, "
    "op Debian/Ubuntu: 'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core' "
    "(of draai scripts/setup)"
)


class PdfToolMissing(Exception):
    """WeasyPrint or a library it needs cannot be loaded; the message says which."""


def no_pdfs_warning(reason: object) -> str:
    """What a build or the preview says when it cannot make PDFs: why, the fix, and that the rest is built."""
    return f"de PDF's worden niet gemaakt: {reason}. Oplossing: {INSTALL_HINT}. De rest van de site wordt wel gebouwd."


def load_weasyprint():
    """The weasyprint module, or the reason it cannot be used."""
    try:
        import weasyprint
    except ImportError:
        return None, "WeasyPrint is niet geïnstalleerd"
    except OSError as error:  # the Python package is there, Pango is not
        return None, f"WeasyPrint vindt een systeembibliotheek niet ({error})"
    return weasyprint, ""


def document_html(document: Document, catalogus: model.Catalogus, renderer: Renderer) -> str:
    info = catalogus.info
    parts = [Markup(renderer.render(part, pdf=True)) for part in document.parts]
    template = renderer.env.get_template("document.html")
    return template.render(
        titel=document.titel,
        titelblad=document.titelblad,
        info=info,
        delen=parts,
        css=Markup((TEMPLATES / "pdf.css").read_text(encoding="utf-8")),
        voettekst=css_string(f"{info.titel} · versie {info.versie}"),
    )


def pdf_link(in_document: set[str]):
    """How a `[[link]]` prints: a jump inside the PDF where the target is in it, else its title."""

    def render(link, entry) -> str:
        anchor = {"stap": f"stap-{getattr(entry, 'nummer', '')}", "substap": f"substap-{entry.id}"}.get(link.kind)
        text = escape(link_text(link, entry))
        if anchor in in_document:
            return f'<a href="#{anchor}">{text}</a>'
        return str(text)

    return render


#: How every PDF is written: tagged as PDF/UA-1 (a structure tree of headings, lists and tables in
#: reading order, the language, the title shown instead of the file name, headings as bookmarks),
#: so a screen reader and a PDF reader's outline follow the document. Part of the cache key.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def weasyprint_version() -> str:
    """WeasyPrint's version without importing it (the import alone takes a second)."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return "afwezig"


class PdfSource:
    """What goes into WeasyPrint for one document, and where its PDF is kept once made.

    Making a PDF takes seconds; a cached one milliseconds. The key is the whole HTML
    that goes into WeasyPrint, plus WeasyPrint's version and `PDF_OPTIONS`, so any change
    makes a new one (an untagged PDF from before tagging is never reused). `folder` is
    the project's folder in the store `pdf` of `cache.py`, which keeps one PDF per document.

    Working out that HTML takes a tenth of a build at 100 knelpunten, for fourteen PDFs
    that are mostly as before. So the folder also notes, per document, from which files
    its last PDF came (`recipe`: the files the catalogus was loaded from, this package's
    files and the libraries that write the HTML): when none of them changed, that PDF is
    the answer and the HTML is not worked out at all.
    """

    def __init__(self, document: Document, catalogus: model.Catalogus, folder: Path | None = None):
        self.document, self.catalogus, self.folder = document, catalogus, folder
        self.slug = document.slug
        self._html: str | None = None
        self.recipe = recipe(document.slug, catalogus) if folder else None
        known = _recipes(folder).get(self.recipe) if self.recipe else None
        if known is not None and (folder / known).is_file():
            self.cached = folder / known
        else:
            key = cache.key(weasyprint_version(), sorted(PDF_OPTIONS.items()), self.html)
            self.cached = folder / f"{self.slug}-{key[:KEY_LENGTH]}.pdf" if folder else None

    @property
    def html(self) -> str:
        """The HTML that goes into WeasyPrint, worked out when it is asked for."""
        if self._html is None:
            anchors = set()
            if any(part.template == "hr-route.html" for part in self.document.parts):
                anchors = {f"stap-{s.nummer}" for s in self.catalogus.stappen} | {f"substap-{s.id}" for s in self.catalogus.substappen}
            self._html = document_html(self.document, self.catalogus, Renderer(self.catalogus, pdf_link(anchors)))
        return self._html

    def from_cache(self) -> bytes | None:
        """The PDF made earlier from exactly this HTML, if there is one: in this project's folder,
        or in another project's of the store (a copy of the guide, a folder moved or cloned
        again), then kept in this one's too. The name holds the key, so the same name is the
        same HTML."""
        pdf = cache.read(self.cached)
        if pdf is None and self.cached:
            for other in self.cached.parent.parent.glob(f"*/{glob.escape(self.cached.name)}"):
                pdf = cache.read(other)
                if pdf is not None:
                    self.keep(pdf)
                    break
        elif pdf is not None:
            _note_recipe(self.folder, self.recipe, self.cached.name)
        return pdf

    def keep(self, pdf: bytes) -> None:
        """Store a made PDF in the cache, in place of this document's older one."""
        if self.cached:
            cache.write(self.cached, pdf, replaces=pdf_name(self.slug))
            _note_recipe(self.folder, self.recipe, self.cached.name)


#: The library versions the HTML of a PDF depends on, besides this package's own files.
_LIBRARIES = ("jinja2", "markupsafe", "markdown", "pymdown-extensions", "nh3")
#: The file in a project's folder of the store `pdf` with the recipes of its PDFs.
RECIPES = "recepten.json"


def recipe(slug: str, catalogus: model.Catalogus) -> str | None:
    """A key of everything the HTML of document `slug` is made from: the files the catalogus was loaded from
    (`model_cache.py`), this package's files (templates, styles and code), the libraries' versions and the day.
    None for a catalogus whose files are not known (the cache is off)."""
    loaded_from = getattr(catalogus, "_invoer", None)
    # the day too: the toetsingsdossier says when it was made, and what has expired by then
    return None if loaded_from is None else cache.key(slug, loaded_from, _package_state(catalogus), date.today().isoformat())


#: The catalogus last asked about, and this package's state then: the same for each of a build's PDFs.
_asked: tuple = (None, "")


def _package_state(catalogus: model.Catalogus) -> str:
    global _asked
    if _asked[0] is catalogus:
        return _asked[1]
    lines = [sys.version, weasyprint_version(), repr(sorted(PDF_OPTIONS.items()))]
    for library in _LIBRARIES:
        try:
            lines.append(f"{library} {importlib.metadata.version(library)}")
        except importlib.metadata.PackageNotFoundError:
            lines.append(f"{library} -")
    state = cache.key(*lines, cache.package_state())
    _asked = (catalogus, state)
    return state


def _recipes(folder: Path) -> dict[str, str]:
    """recipe -> the name of the PDF made from it, in `folder` (a damaged file counts as none)."""
    kept = cache.read(folder / RECIPES)
    try:
        found = json.loads(kept) if kept else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _note_recipe(folder: Path | None, recipe: str | None, name: str) -> None:
    """Note that the PDF `name` was made from `recipe`; recipes whose PDF is gone are forgotten."""
    if folder is None or recipe is None:
        return
    recipes = _recipes(folder)
    if recipes.get(recipe) == name:
        return
    recipes = {r: n for r, n in recipes.items() if (folder / n).is_file() and n != name}
    recipes[recipe] = name
    cache.write(folder / RECIPES, json.dumps(recipes, indent=1).encode("utf-8"))


#: Characters of the key in a kept PDF's name.
KEY_LENGTH = 20


def pdf_name(slug: str) -> str:
    """The pattern of the kept PDFs of document `slug`, and of no other ("checklists" is no "checklists-stap-1")."""
    return f"{slug}-{'?' * KEY_LENGTH}.pdf"


def made_before(folder: Path, slug: str) -> list[Path]:
    """The PDFs of document `slug` in `folder` (one, normally), oldest first."""
    return sorted(folder.glob(pdf_name(slug)), key=lambda p: p.stat().st_mtime)


def make_pdf(html: str) -> bytes:
    """WeasyPrint's PDF of `html` (a module-level function, so a worker process can run it)."""
    weasyprint, reason = load_weasyprint()
    if weasyprint is None:
        raise PdfToolMissing(reason)
    return weasyprint.HTML(string=html, base_url=str(TEMPLATES), url_fetcher=_refusing_fetcher(weasyprint)).write_pdf(**PDF_OPTIONS)


def refuse_fetch(url: str, *args, **kwargs):
    """WeasyPrint fetches nothing: a PDF's styles are in it and its fonts are the system's.

    An image path in an editor's text (`![](/home/…/private.png)`) or a web address
    would otherwise be read from this computer or the internet into the PDF.
    """
    raise ValueError(f"de PDF haalt niets op: {url[:80]}")


def _refusing_fetcher(weasyprint):
    """`refuse_fetch` in the form this WeasyPrint takes: a URLFetcher (70 and later) or a function."""
    base = getattr(getattr(weasyprint, "urls", None), "URLFetcher", None)
    if base is None:
        return refuse_fetch

    class Refusing(base):
        def fetch(self, url, headers=None):
            refuse_fetch(url)

    return Refusing()


def write_pdf(document: Document, catalogus: model.Catalogus, folder: Path | None = None) -> bytes:
    """The PDF of `document`: from `folder` when one with exactly this content was made before."""
    source = PdfSource(document, catalogus, folder)
    pdf = source.from_cache()
    if pdf is None:
        pdf = make_pdf(source.html)
        source.keep(pdf)
    return pdf
