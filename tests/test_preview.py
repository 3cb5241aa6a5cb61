"""The preview (`scripts/serve`, i.e. `mkdocs serve --dirty`) redoes only what a save changed, and stays right.

The builds here run in this process exactly as `mkdocs serve` runs them: one
configuration per rebuild, plugins kept from `on_startup`, the serve URL as site URL.
After each save the preview's folder must equal a clean build of the same files,
page for page; and a save must leave pages that do not show the change alone.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, copy_project
from wegwijzer.plugins.print.plugin import pdf_folder

BASE = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk"

SERVE_URL = "http://127.0.0.1:8000/"
OLD, NEW = "De hele dag lawaai op de groep", "Altijd lawaai op de groep"


class Serve:
    """`mkdocs serve` on `project`, writing into `site`, without the web server."""

    def __init__(self, project: Path, site: Path, dirty: bool = True):
        self.project, self.site, self.dirty = project, site, dirty
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=dirty)
        self.plugins = config.plugins
        self.rebuild(config)

    def _config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self, config=None) -> float:
        start = time.perf_counter()
        build(config or self._config(), serve_url=SERVE_URL, dirty=self.dirty)
        return time.perf_counter() - start

    def stop(self) -> None:
        self.plugins.on_shutdown()


@pytest.fixture
def project(tmp_path, monkeypatch):
    return _project(tmp_path, monkeypatch, pdfs=False)


@pytest.fixture
def project_with_pdfs(tmp_path, monkeypatch):
    return _project(tmp_path, monkeypatch, pdfs=True)


def _project(tmp_path, monkeypatch, pdfs: bool):
    project = copy_project(tmp_path, pdfs=pdfs)
    monkeypatch.chdir(project)
    if not pdfs:  # with PDFs: the test session's cache, where the example's PDFs made for other folders are
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return project


def snapshot(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the site, but the search index: made in the background, like the PDFs, in a
    folder of its own that replaces `pagefind/` when it is done (search_index.py)."""
    return {str(p.relative_to(site)): (p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).parts[0].startswith(("pagefind", ".pagefind-"))}


def differences_from_a_clean_build(serve: Serve) -> list[str]:
    """Files that differ between the preview and a clean build (PDFs come later, in the background)."""
    clean = serve.site.parent / "clean"
    Serve(serve.project, clean, dirty=False).stop()
    a = {k: v[1] for k, v in snapshot(serve.site).items() if not k.endswith(".pdf")}
    b = {k: v[1] for k, v in snapshot(clean).items() if not k.endswith(".pdf")}
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))




def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_title_reaches_every_page_that_shows_it_and_only_those_are_written(project, tmp_path):
    serve = Serve(project, tmp_path / "preview")
    try:
        before = snapshot(serve.site)
        showing = {k for k, (_, data) in before.items() if k.endswith(".html") and OLD.encode() in data}
        assert len(showing) >= 5, showing  # the knelpunt, the lists, its factor, its oplossingen, ...

        replace(project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml", OLD, NEW)
        serve.rebuild()
        after = snapshot(serve.site)
        pages = [k for k in after if k.endswith(".html")]
        still_old = [k for k in pages if OLD.encode() in after[k][1]]
        assert still_old == []
        assert all(NEW.encode() in after[k][1] for k in showing)
        rewritten = {k for k in pages if after[k][0] != before[k][0]}
        assert showing <= rewritten
        assert len(rewritten) < len(pages) / 4, f"{len(rewritten)} van {len(pages)} pagina's opnieuw geschreven"
        # the tools' data files: written again only where the title is in them (plugins make them every build)
        data = [k for k in after if k.startswith("data/")]
        changed = {k for k in data if after[k][1] != before[k][1]}
        assert changed and {k for k in data if after[k][0] != before[k][0]} == changed

        assert differences_from_a_clean_build(serve) == []
    finally:
        serve.stop()


def test_a_change_shown_only_in_a_pages_html_frame_reaches_that_page(project, tmp_path):
    """A knelpunt's page is an HTML frame with Markdown pieces (pages/stukken.py). An oplossing's costs
    show on the card on that page, outside its Markdown: the page must not come back as it was."""
    serve = Serve(project, tmp_path / "preview")
    try:
        page = serve.site / "knelpunten" / "lawaai-op-de-groep" / "index.html"
        card = '<span class="ww-visueel-verborgen">Kosten: </span>{}</span></p>'
        assert card.format("Gemiddelde kosten") in page.read_text(encoding="utf-8")
        replace(project / "catalogus" / "oplossingen" / "geluid-dempen-op-de-groep.yml", "kosten: midden", "kosten: hoog")
        serve.rebuild()
        assert card.format("Hoge kosten") in page.read_text(encoding="utf-8")
        assert differences_from_a_clean_build(serve) == []
    finally:
        serve.stop()


def test_a_title_in_the_menu_rewrites_every_page(project, tmp_path):
    serve = Serve(project, tmp_path / "preview")
    try:
        # the sector takes over step 2 from the base, with another title
        text = (BASE / "stappen" / "2-oorzaken.yml").read_text(encoding="utf-8")
        titel = next(line for line in text.splitlines() if line.startswith("titel: "))
        (project / "catalogus" / "stappen").mkdir()
        (project / "catalogus" / "stappen" / "2-oorzaken.yml").write_text(text.replace(titel, "titel: Waar komt de werkdruk vandaan, en waarom?"), encoding="utf-8")
        before = snapshot(serve.site)
        serve.rebuild()
        after = snapshot(serve.site)
        pages = [k for k in after if k.endswith(".html") and k != "404.html" and not k.startswith("admin/")]  # admin/: the editor, no menu
        unchanged = [k for k in pages if after[k][0] == before[k][0]]
        assert unchanged == []  # the menu on every page shows step titles
        assert "Waar komt de werkdruk vandaan, en waarom?" in (serve.site / "index.html").read_text(encoding="utf-8")

        assert differences_from_a_clean_build(serve) == []
    finally:
        serve.stop()


def test_an_entry_removed_leaves_the_preview_and_a_new_one_appears(project, tmp_path):
    serve = Serve(project, tmp_path / "preview")
    try:
        oplossingen = project / "catalogus" / "oplossingen"
        nieuw = (oplossingen / "geluid-dempen-op-de-groep.yml").read_text(encoding="utf-8").replace("titel: ", "titel: Kopie van ", 1)
        (oplossingen / "geluid-dempen-kopie.yml").write_text(nieuw, encoding="utf-8")
        serve.rebuild()
        assert (serve.site / "oplossingen" / "geluid-dempen-kopie" / "index.html").is_file()

        (oplossingen / "geluid-dempen-kopie.yml").unlink()
        serve.rebuild()
        assert not (serve.site / "oplossingen" / "geluid-dempen-kopie").exists()
        assert differences_from_a_clean_build(serve) == []
    finally:
        serve.stop()


def pdf_text(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


def test_pdfs_follow_in_the_background_and_the_old_one_is_offered_meanwhile(project_with_pdfs, tmp_path):
    project = project_with_pdfs
    serve = Serve(project, tmp_path / "preview")
    dossier = serve.site / "pdf" / "toetsingsdossier.pdf"
    try:
        assert OLD in pdf_text(dossier)
        replace(project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml", OLD, NEW)
        seconds = serve.rebuild()
        assert OLD in pdf_text(dossier)  # the rebuild did not wait for WeasyPrint
        end = time.monotonic() + 120
        while NEW not in pdf_text(dossier) and time.monotonic() < end:
            time.sleep(0.5)
        assert NEW in pdf_text(dossier), f"na {seconds:.1f} s en 2 minuten wachten nog de oude PDF"
        cached = list(pdf_folder(project).glob("toetsingsdossier-*.pdf"))
        assert len(cached) == 1 and NEW in pdf_text(cached[0])
        mtime = os.stat(dossier).st_mtime_ns
        serve.rebuild()  # the next rebuild takes the new PDF from the cache
        assert NEW in pdf_text(dossier) and os.stat(dossier).st_mtime_ns >= mtime
    finally:
        serve.stop()
