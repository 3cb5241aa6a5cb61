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
    found = {}
    for folder, subfolders, names in os.walk(site):
        if folder == str(site):  # not even looked into: a finished index replaces the old one meanwhile
            subfolders[:] = [name for name in subfolders if not name.startswith(("pagefind", ".pagefind-"))]
        for name in names:
            path = Path(folder) / name
            found[str(path.relative_to(site))] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


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


def wait_for(condition, seconds: float = 120) -> bool:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.2)
    return condition()


def is_pdf(path: Path) -> bool:
    return path.read_bytes()[:5] == b"%PDF-"


def test_pdfs_follow_in_the_background_and_the_old_one_is_offered_meanwhile(project_with_pdfs, tmp_path):
    project = project_with_pdfs
    serve = Serve(project, tmp_path / "preview")
    dossier = serve.site / "pdf" / "toetsingsdossier.pdf"
    try:
        pdfs = lambda: sorted((serve.site / "pdf").glob("*.pdf"))  # noqa: E731
        assert wait_for(lambda: len(pdfs()) == 14 and all(is_pdf(p) for p in pdfs()))
        assert OLD in pdf_text(dossier)
        replace(project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml", OLD, NEW)
        seconds = serve.rebuild()
        assert OLD in pdf_text(dossier)  # the rebuild did not wait for WeasyPrint
        assert wait_for(lambda: NEW in pdf_text(dossier)), f"na {seconds:.1f} s en 2 minuten wachten nog de oude PDF"
        cached = list(pdf_folder(project).glob("toetsingsdossier-*.pdf"))
        assert len(cached) == 1 and NEW in pdf_text(cached[0])
        mtime = os.stat(dossier).st_mtime_ns
        serve.rebuild()  # the next rebuild takes the new PDF from the cache
        assert NEW in pdf_text(dossier) and os.stat(dossier).st_mtime_ns >= mtime
    finally:
        serve.stop()


def test_the_first_preview_waits_for_no_pdf_and_a_save_lets_the_one_being_made_finish(project_with_pdfs, tmp_path, monkeypatch):
    from wegwijzer.plugins.print.background import NOT_YET_MADE

    # a WeasyPrint that takes a minute for every PDF, as the toetsingsdossier of a large guide does
    fake_weasyprint(tmp_path / "fake", "import time\n"
                                       "class HTML:\n"
                                       "    def __init__(self, **kwargs): pass\n"
                                       "    def write_pdf(self, **kwargs): time.sleep(60)\n", monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no PDF of this guide made before
    serve = Serve(project_with_pdfs, tmp_path / "preview")
    worker = serve.plugins["wegwijzer/print"].background
    try:
        # the pages are there, each links to its PDFs, and a PDF's address holds the stand-in meanwhile
        assert '"../pdf/toetsingsdossier.pdf"' in (serve.site / "verantwoording" / "index.html").read_text(encoding="utf-8")
        assert [p.read_bytes() for p in (serve.site / "pdf").glob("*.pdf")] == [NOT_YET_MADE] * 14
        assert served(serve.site)("/pdf/toetsingsdossier.pdf")[0].startswith("503")
        assert wait_for(lambda: worker.process is not None, 30)
        making = worker.process
        serve.rebuild()  # a save meanwhile lets the PDF being made finish: the next round may need it
        assert making.poll() is None and worker.process is making
    finally:
        serve.stop()
    assert making.wait(10) is not None  # the worker ends with the preview


def fake_weasyprint(folder: Path, code: str, monkeypatch) -> None:
    """A WeasyPrint of `code` that the preview's PDF worker process finds first."""
    folder.mkdir()
    (folder / "weasyprint.py").write_text(code, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(folder))


def served(site: Path):
    """get(path) -> (status, headers, body) from the preview's guard in front of `site`, as MkDocs' server has it."""
    from wegwijzer.preview_server import guard

    class Server:  # what guard() uses of MkDocs' LiveReloadServer
        server_address, root, builder = ("127.0.0.1", 8000), str(site), None

        def get_app(self):
            def files(environ, start_response):
                data = (site / environ["PATH_INFO"].lstrip("/")).read_bytes()
                start_response("200 OK", [("Content-Type", "application/pdf")])
                return [data]
            return files

        def set_app(self, app):
            self.app = app

    server = Server()
    guard(server)

    def get(path):
        answer = {}
        body = b"".join(server.app({"HTTP_HOST": "127.0.0.1:8000", "PATH_INFO": path, "REQUEST_METHOD": "GET"},
                                   lambda code, headers: answer.update(code=code, headers=dict(headers))))
        return answer["code"], answer["headers"], body

    return get


def test_a_pdf_not_made_yet_gets_a_dutch_page_that_looks_again(tmp_path):
    from wegwijzer.plugins.print.background import NOT_YET_MADE

    site = tmp_path / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "pdf" / "toetsingsdossier.pdf").write_bytes(NOT_YET_MADE)
    (site / "pdf" / "hr-route.pdf").write_bytes(b"%PDF-1.7 made")
    get = served(site)

    code, headers, body = get("/pdf/toetsingsdossier.pdf")
    text = body.decode("utf-8")
    assert code.startswith("503") and headers["Retry-After"] == "5" and headers["Content-Type"].startswith("text/html")
    assert "De PDF wordt nog gemaakt" in text and 'http-equiv="refresh" content="5"' in text and 'lang="nl"' in text
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert get("/pdf/hr-route.pdf")[2] == b"%PDF-1.7 made"  # a made PDF is served as it is


def test_a_preview_that_cannot_make_pdfs_says_why_and_stops_offering_them(project_with_pdfs, tmp_path, monkeypatch):
    # as WeasyPrint does when Pango is missing: its help on standard output first, then the error
    fake_weasyprint(tmp_path / "fake", "print('WeasyPrint could not import some external libraries.' * 200)\n"
                                       "raise OSError(\"cannot load library 'libpango-1.0-0'\")\n", monkeypatch)
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no PDF kept from other tests
    serve = Serve(project_with_pdfs, tmp_path / "preview")
    background = serve.plugins["wegwijzer/print"].background
    try:
        assert wait_for(lambda: background.missing is not None, 60)
        code, _, body = served(serve.site)("/pdf/werksessie-kit.pdf")
        text = body.decode("utf-8")
        assert code.startswith("500") and "Deze PDF kan hier niet gemaakt worden" in text
        assert "WeasyPrint vindt een systeembibliotheek niet" in text and "apt-get install libpango-1.0-0" in text
        assert "refresh" not in text  # nothing to wait for
        serve.rebuild()
        assert "Download als PDF" not in (serve.site / "werksessie" / "index.html").read_text(encoding="utf-8")
    finally:
        serve.stop()


def test_a_pdf_whose_making_failed_says_why_instead_of_asking_to_wait(project_with_pdfs, tmp_path, monkeypatch, caplog):
    fake_weasyprint(tmp_path / "fake", "import os, signal\n"
                                       "class HTML:\n"
                                       "    def __init__(self, **kwargs): pass\n"
                                       "    def write_pdf(self, **kwargs): os.kill(os.getpid(), signal.SIGKILL)  # out of memory\n", monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    serve = Serve(project_with_pdfs, tmp_path / "preview")
    try:
        kit = serve.site / "pdf" / "werksessie-kit.pdf"
        assert wait_for(lambda: b"kon niet" in kit.read_bytes(), 60)
        code, _, body = served(serve.site)("/pdf/werksessie-kit.pdf")
        text = body.decode("utf-8")
        assert code.startswith("500") and "Deze PDF kon niet gemaakt worden" in text and "stopte onverwacht (code -9)" in text
        assert "refresh" not in text and "probeert het opnieuw na je volgende wijziging" in text
        assert "werksessie-kit.pdf kon niet gemaakt worden: het maken van PDF's stopte onverwacht" in caplog.text
    finally:
        serve.stop()


def test_one_worker_process_makes_pdf_after_pdf_and_says_why_when_it_cannot(monkeypatch):
    import io

    from wegwijzer.printing import pdf_worker
    from wegwijzer.printing.pdf import PdfToolMissing

    def requests(*pages: str) -> io.BytesIO:
        return io.BytesIO(b"".join(len(p.encode()).to_bytes(8, "big") + p.encode() for p in pages))

    def answers(stream: io.BytesIO) -> list[tuple[int, bytes]]:
        stream.seek(0)
        found = []
        while head := pdf_worker.read_exactly(stream, 9):
            found.append((head[0], pdf_worker.read_exactly(stream, int.from_bytes(head[1:], "big"))))
        return found

    out = io.BytesIO()
    pdf_worker.serve(requests("<html lang=nl><p>één</p>", "<html lang=nl><p>twee</p>"), out)
    made = answers(out)
    assert [kind for kind, _ in made] == [pdf_worker.MADE] * 2 and all(pdf[:5] == b"%PDF-" for _, pdf in made)

    def missing(html):
        raise PdfToolMissing("WeasyPrint is niet geïnstalleerd")

    monkeypatch.setattr(pdf_worker, "make_pdf", missing)
    out = io.BytesIO()
    pdf_worker.serve(requests("<p>drie</p>"), out)
    assert answers(out) == [(pdf_worker.TOOL_MISSING, "WeasyPrint is niet geïnstalleerd".encode())]


def test_garbage_of_a_build_is_collected_after_it_not_kept_frozen(monkeypatch):
    """memory.py: after a build what is held is frozen, so the next rebuild's collections skip it;
    what a build left behind as garbage is still collected at the tidy-up after the next one."""
    import gc
    import weakref

    from wegwijzer.plugins.catalogus import memory

    monkeypatch.setattr(memory, "TIDY_AFTER", 0.05)

    class Node:
        pass

    def garbage_cycle():
        a, b = Node(), Node()
        a.other, b.other = b, a
        return weakref.ref(a)

    tidy = memory.Tidy()
    try:
        held = [Node() for _ in range(100)]
        left_behind = garbage_cycle()  # garbage, yet alive until the cyclic collector finds it
        tidy.soon()
        tidy.soon()  # two builds in a row: one tidy-up
        deadline = time.monotonic() + 5
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.get_freeze_count() > 0  # what is held now is skipped by the next rebuild's collections
        assert left_behind() is None  # collected before freezing
        frozen_garbage = garbage_cycle()
        gc.freeze()  # as if it were frozen with the rest: it became garbage during the next build
        tidy.now()
        assert frozen_garbage() is None  # the next tidy-up collects it
        assert len(held) == 100
    finally:
        tidy.stop()
    assert gc.get_freeze_count() == 0


def test_a_quick_rebuild_collects_no_garbage_and_leaves_it_to_the_tidy_up_after_it():
    """memory.py: a full collection among the million objects a quick rebuild makes at 1,000 knelpunten took
    a quarter of it, and the first collection after it looked at all of them; the tidy-up collects instead."""
    import gc
    import weakref

    from wegwijzer.plugins.catalogus import memory

    class Node:
        pass

    started = []
    noted = lambda phase, info: phase == "start" and started.append(info["generation"])  # noqa: E731
    gc.callbacks.append(noted)
    try:
        with memory.paused():
            made = [[i] for i in range(50_000)]  # enough to start collections
            a, b = Node(), Node()
            a.other, b.other = b, a
            garbage = weakref.ref(a)
            del a, b
        assert started == []
        assert gc.isenabled() and gc.get_freeze_count() >= len(made)  # frozen: no collection looks at it
        assert garbage() is not None
        with pytest.raises(RuntimeError), memory.paused():
            raise RuntimeError("kapot")
        assert gc.isenabled()
        memory.Tidy().now()  # the tidy-up after the rebuild
        assert garbage() is None
    finally:
        gc.callbacks.remove(noted)
        gc.unfreeze()


def test_no_tidy_up_runs_in_the_middle_of_a_build(monkeypatch):
    """memory.py: a save within a second of the last build got the tidy-up's full collection (0.3 s at 1,000
    knelpunten) in the middle of its rebuild; it waits for the end of the build now."""
    import gc

    from wegwijzer.plugins.catalogus import memory
    from wegwijzer.plugins.catalogus.plugin import CatalogusPlugin

    monkeypatch.setattr(memory, "TIDY_AFTER", 0.2)
    plugin = CatalogusPlugin()
    plugin.on_startup(command="serve", dirty=True)
    full = []
    noted = lambda phase, info: phase == "start" and info["generation"] == 2 and full.append(time.monotonic())  # noqa: E731
    gc.callbacks.append(noted)
    try:
        plugin.tidy.soon()  # the last build ended a moment ago
        during = []
        plugin._quick_or_whole(lambda: (time.sleep(0.6), during.extend(full)))()  # a save: a build of 0.6 s
        assert during == []
        plugin.tidy.soon()  # its end
        assert wait_for(lambda: full, 5)
    finally:
        gc.callbacks.remove(noted)
        plugin.tidy.stop()


def test_a_rebuild_stops_the_waiting_pdf_round_and_a_failed_one_lets_it_go_on(monkeypatch):
    """background.py: the work of a PDF round holds Python's lock, so a save stops it until the rebuild
    is written; a rebuild that fails starts the last good build's round again, or its PDFs would never come."""
    from wegwijzer.plugins.print import background
    from wegwijzer.plugins.print.plugin import PrintPlugin

    worked = []

    class Source:  # what a round works out for each PDF: recorded, and found in the cache
        def __init__(self, document, catalogus, cache):
            worked.append(document.slug)

        def from_cache(self):
            return b"%PDF-"

    monkeypatch.setattr(background, "PdfSource", Source)
    monkeypatch.setattr(background, "QUIET_SECONDS", 0.3)
    monkeypatch.setattr(background, "_write_if_changed", lambda path, pdf: None)
    plugin = PrintPlugin()
    plugin.on_startup(command="serve", dirty=True)
    try:
        from types import SimpleNamespace
        documents = [SimpleNamespace(slug=slug, pdf_path=f"pdf/{slug}.pdf") for slug in ("dossier", "checklist")]
        plugin.last_round = (documents, None, None, "site")
        plugin.background.refresh(*plugin.last_round)  # after a build: waits for a quiet moment
        plugin.on_pre_build(config=None)  # a save comes within it
        time.sleep(0.6)
        assert worked == []  # the rebuild had the machine
        plugin.on_build_error(RuntimeError("kapot"))
        assert wait_for(lambda: worked == ["dossier", "checklist"], 5)
    finally:
        plugin.on_shutdown()


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGSTOP") or not Path("/proc/self/stat").exists(), reason="holds a process by a POSIX signal, read in /proc")
def test_the_pdf_worker_is_held_while_the_preview_rebuilds_and_goes_on_after(tmp_path):
    """background.py: a WeasyPrint at work beside a rebuild made it half as long again; the worker is held
    from the moment the preview's builder starts (the outermost one: the print plugin's on_serve is last)
    to its end, also when the build fails, and a held worker still ends when the preview stops."""
    import sys
    from types import SimpleNamespace

    from wegwijzer.plugins.print.plugin import PrintPlugin

    def state(process) -> str:  # R running, S sleeping, T stopped; the field after the name in brackets
        return Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]

    plugin = PrintPlugin()
    plugin.on_startup(command="serve", dirty=True)
    worker = plugin.background.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])  # a worker at work
    seen = []
    held = lambda: wait_for(lambda: state(worker) == "T", 2) and "T"  # a signal is delivered soon, not at once
    try:
        server = SimpleNamespace(builder=lambda: seen.append(held()))
        server.builder.wegwijzer_quick = True  # the catalogus plugin's wrapper: its mark is kept
        plugin.on_serve(server, config=None, builder=None)
        assert server.builder.wegwijzer_quick
        assert wait_for(lambda: state(worker) == "R", 5)
        server.builder()
        assert seen == ["T"]  # held during the rebuild
        assert wait_for(lambda: state(worker) == "R", 5)  # and on its way again after it

        def failing():
            seen.append(held())
            raise RuntimeError("kapot")

        with pytest.raises(RuntimeError):
            plugin.background.held_during(failing)()
        assert seen[-1] == "T" and wait_for(lambda: state(worker) == "R", 5)

        plugin.background._hold()  # the preview stops in the middle of a rebuild
    finally:
        plugin.on_shutdown()
    try:
        worker.wait(timeout=10)  # ended, not left stopped
    finally:
        worker.kill()
    assert plugin.background.held is worker


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGSTOP") or not Path("/proc/self/stat").exists(), reason="holds a process by a POSIX signal, read in /proc")
def test_a_preview_killed_while_it_holds_the_pdf_worker_leaves_no_held_worker_behind(tmp_path):
    """A held process whose parent is killed stays held for good, unless the system ends it: the worker
    is in a process group of its own, so the system does (a preview killed in the middle of a rebuild)."""
    import signal
    import sys

    preview = subprocess.Popen([sys.executable, "-c", (
        "import threading, time\n"
        "from wegwijzer.plugins.print.background import BackgroundPdfs\n"
        "pdfs = BackgroundPdfs()\n"
        "threading.Thread(target=pdfs._make_elsewhere, args=(pdfs.round, '<p>een</p>'), daemon=True).start()\n"
        "while pdfs.process is None: time.sleep(0.01)\n"
        "pdfs._hold()\n"
        "print(pdfs.process.pid, flush=True)\n"
        "time.sleep(120)\n"
    )], stdout=subprocess.PIPE, text=True)
    worker = int(preview.stdout.readline())

    def fields(pid: int) -> list[str]:  # state, parent, group, session
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[:4]
        except OSError:
            return ["weg", "0", "0", "0"]

    state = lambda: fields(worker)[0]  # noqa: E731
    try:
        assert wait_for(lambda: state() == "T", 10)
        preview.kill()
        preview.wait()
        if not wait_for(lambda: state() in ("Z", "weg"), 10):
            _, parent, group, session = fields(worker)
            if fields(int(parent))[3] == session and fields(int(parent))[2] != group:
                pytest.skip("the process that took the worker over is in its session: the system ends no held process then")
            raise AssertionError(f"the worker is still held ({state()})")  # ended is a zombie until it is reaped
    finally:
        preview.kill()
        try:
            os.kill(worker, signal.SIGKILL)
        except OSError:
            pass


def test_the_search_index_follows_the_last_of_quick_saves_not_each(monkeypatch):
    """plugins/search: indexing reads every page, so the preview waits for a quiet moment after a rebuild;
    a save within it leaves the indexing to the rebuild it starts."""
    import subprocess
    from types import SimpleNamespace

    from wegwijzer.plugins.search import plugin as search

    indexed = []
    monkeypatch.setattr(search, "QUIET_SECONDS", 0.3)
    monkeypatch.setattr(search, "index", lambda site_dir, urls, **how: indexed.append(site_dir) or subprocess.CompletedProcess([], 0, "", ""))
    plugin = search.SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    config = SimpleNamespace(site_dir="site", use_directory_urls=True)
    for save in range(3):  # three saves in quick succession
        plugin.on_pre_build(config)
        plugin.on_post_build(config)
        time.sleep(0.05)
    assert wait_for(lambda: indexed, 5)
    time.sleep(0.5)
    assert indexed == ["site"]  # once, after the last


def test_a_save_ends_an_index_under_way_and_the_last_index_stays(monkeypatch, tmp_path):
    """search_index.py: Pagefind takes seconds at 1,000 knelpunten and would take the processor from the
    rebuild after a save; a rebuild ends it (the plugin's on_pre_build), and the last index is served meanwhile."""
    import threading

    import pagefind_bin

    from wegwijzer import search_index
    from wegwijzer.plugins.search import plugin as search

    slow = tmp_path / "pagefind"
    slow.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: slow)
    monkeypatch.setattr(search_index.cache, "path", lambda *parts: None)  # nothing kept: Pagefind must run
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text("// the last index", encoding="utf-8")
    (site / "index.html").write_text("<html lang=nl><article class=md-content__inner>Hallo</article></html>", encoding="utf-8")

    plugin = search.SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    stop = plugin.stop = threading.Event()
    started = time.monotonic()
    threading.Timer(0.3, plugin.on_pre_build, args=(None,)).start()  # a save, while Pagefind runs
    result = search_index.index(str(site), True, nice=True, stop=stop)
    assert result.returncode == search_index.STOPPED and time.monotonic() - started < 5
    assert (site / "pagefind" / "pagefind.js").read_text(encoding="utf-8") == "// the last index"
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "pagefind"]  # no half index left


def test_a_build_holds_what_it_keeps_out_of_its_collections_and_lets_go_at_the_end(project, tmp_path, monkeypatch):
    """memory.py: a build freezes what it keeps to its end (collections skip it), and unfreezes when it ends,
    also when it fails, so a process that builds twice (a test run, a tool) keeps nothing frozen."""
    import gc

    from wegwijzer.plugins.catalogus import memory

    held = []
    monkeypatch.setattr(memory, "hold", lambda: (held.append(1), gc.freeze()))
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert len(held) == 2 and gc.get_freeze_count() == 0
    # a build that fails after the pages are read (in on_env, where "Laatst gewijzigd" is filled in)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site2"))
    config.plugins.on_startup(command="build", dirty=False)
    monkeypatch.setattr(type(config.plugins["wegwijzer/catalogus"]), "_last_changed", lambda self, files: 1 / 0)
    try:
        with pytest.raises(Exception):
            build(config)
    finally:
        config.plugins.on_shutdown()
    assert len(held) == 4 and gc.get_freeze_count() == 0
