"""The `wegwijzer/print` plugin: what an HR professional prints and takes into the room.

- `on_files`: build the PDFs from the catalogus and add them to the site: one per
  printable page with just what that page shows (draaiboek, posters on A3, world
  café, ...), and the collections (the whole werksessie kit, all checklists, the
  HR-route). Then the printable pages: the werksessie kit and one checklist page
  per step, each offering its own PDF first.
- `on_page_markdown`: put "Download als PDF" on the pages a PDF belongs to.
- Under `mkdocs serve`, a rebuild offers the PDFs made last time and `on_post_build`
  has them brought up to date after the preview is shown (`background.py`); the first
  preview of a guide shows its pages before any PDF is made.

It reads the catalogus the `wegwijzer/catalogus` plugin loaded, so it must come
after that plugin in mkdocs.yml.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .. import catalogus_plugin as required_catalogus
from ... import cache
from ...pages.routes import PAGINA_PATHS, VASTE_PATHS, html_href, path_of, relative
from ..pagina_bestand import gemaakte_pagina
from .config import PrintConfig
from ...printing.documents import PrintPage, Renderer, documents, link_text, print_pages
from .background import NOT_YET_MADE, BackgroundPdfs, latest_pdf
from ...printing.pdf import PdfToolMissing, no_pdfs_warning, write_pdf

log = get_plugin_logger(__name__)

#: Pages that offer a PDF made elsewhere, and which one.
DOWNLOADS = {PAGINA_PATHS["uitgebreide-route"]: "hr-route", VASTE_PATHS["verantwoording"]: "toetsingsdossier"}


class PrintPlugin(BasePlugin[PrintConfig]):
    background = None  # under `mkdocs serve`: PDFs are made after the preview is shown
    refresh_later = None  # the PDF cache, when this build left the PDFs to the background
    first_round = False  # some PDF was never made: the background starts at once
    last_round = None  # what the background last made PDFs of: again after a failed rebuild

    def on_startup(self, command, dirty):
        # Having on_startup keeps this plugin object, and its background work, across rebuilds.
        self.background = BackgroundPdfs() if command == "serve" else None
        # MkDocs hands the same object to the next command in this process (a test run builds after a preview)
        self.refresh_later = self.last_round = None

    def on_shutdown(self):
        if self.background:
            self.background.shutdown()

    def on_files(self, files: Files, config) -> Files:
        catalogus_plugin = required_catalogus(config, "wegwijzer/print")
        self.catalogus = catalogus_plugin.catalogus
        self.documents = {document.slug: document for document in documents(self.catalogus)}
        self.pdfs = self._build_pdfs(files, config) if self.config.pdf else {}
        for page in print_pages(self.catalogus):
            files.append(gemaakte_pagina(config, page.src_uri, self._page_markdown(page, config), page.bronnen))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        slug = DOWNLOADS.get(page.file.src_uri)
        if slug not in self.pdfs:
            return markdown
        heading_end = markdown.find("\n", markdown.find("\n# ") + 1)
        return markdown[:heading_end] + "\n\n" + self._download(slug, page.file.src_uri) + "\n" + markdown[heading_end:]

    @event_priority(-100)  # after the other plugins' on_serve: its builder is the outermost
    def on_serve(self, server, config, builder):
        if self.background:  # from the moment a save is seen, the rebuild has the processor to itself
            server.builder = self.background.held_during(server.builder)
        return server

    def on_pre_build(self, config):
        if self.background:  # a save: the rebuild goes first, the PDFs follow it
            self.background.pause()

    def on_post_build(self, config):
        if self.refresh_later:  # the preview is written; now the PDFs catch up
            self.last_round = (list(self.documents.values()), self.catalogus, self.refresh_later, config.site_dir)
            self.background.refresh(*self.last_round, wait=not self.first_round)

    def on_build_error(self, error):
        if self.background and self.last_round:  # the PDFs of the last good build, which the pause stopped
            self.background.refresh(*self.last_round, wait=False)

    def _build_pdfs(self, files: Files, config) -> dict[str, str]:
        folder = pdf_folder(Path(config.config_file_path).parent)
        self.refresh_later = None
        if self.background and self.background.missing:
            log.warning(no_pdfs_warning(self.background.missing))
            return {}
        if self.background and folder:
            # the preview never waits for WeasyPrint, not even the first time (a minute or two on a
            # large guide): it offers what was made last; a PDF not made yet follows, and until then
            # the preview answers its address with a Dutch page that says so (preview_server.py)
            self.first_round = False
            for document in self.documents.values():
                pdf = latest_pdf(folder, document.slug)
                if pdf is None:
                    pdf, self.first_round = NOT_YET_MADE, True
                files.append(File.generated(config, document.pdf_path, content=pdf))
            self.refresh_later = folder
            return {slug: document.pdf_path for slug, document in self.documents.items()}
        built = {}  # `mkdocs build`: made now
        for document in self.documents.values():
            start = time.monotonic()
            try:
                pdf = write_pdf(document, self.catalogus, folder)
            except PdfToolMissing as missing:
                log.warning(no_pdfs_warning(missing))
                return {}
            files.append(File.generated(config, document.pdf_path, content=pdf))
            log.debug(f"{document.pdf_path} gemaakt in {time.monotonic() - start:.1f} s")
            built[document.slug] = document.pdf_path
        return built

    def _download(self, slug: str, from_page: str) -> str:
        knop = self.documents[slug].knop
        return f"[{knop}]({relative(self.pdfs[slug], from_page)}){{ .md-button .ww-download }}"

    def _page_markdown(self, page: PrintPage, config) -> str:
        def site_link(link, entry) -> str:
            href = html_href(path_of(link.kind, entry), page.src_uri, config.use_directory_urls)
            return f'<a href="{escape(href)}">{escape(link_text(link, entry))}</a>'

        renderer = Renderer(self.catalogus, site_link)
        html = "\n".join(renderer.render(part, pdf=False) for part in page.parts)
        download = " ".join(self._download(slug, page.src_uri) for slug in page.pdfs if slug in self.pdfs)
        if page.print_knop:  # shown and wired by checklists.js: without a script it could not print
            download = f'<button type="button" class="md-button md-button--primary ww-print-knop" hidden>{escape(page.print_knop)}</button> {download}'
        titel = escape(page.titel)  # catalogus text: never markup
        return f'---\ntitle: {json.dumps(str(titel))}\n---\n\n# {titel}\n\n{page.intro}\n\n{download}\n\n<div class="ww-afdruk">\n{html}\n</div>\n'


def pdf_folder(project: Path) -> Path | None:
    """This project's folder in the store `pdf` (`cache.py`); None when nothing is kept: the PDFs are made every time."""
    project = project.resolve()
    return cache.path("pdf", f"{project.name}-{cache.key(project)[:16]}")
