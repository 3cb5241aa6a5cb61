"""Shared fixtures: a tiny valid catalogus to break on purpose, and the built example site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Fixtures that put a test in the full tier: Chromium, and the generated large guides.
#: `scripts/test snel` runs the rest (unit, model, CLI and the shared example build), in a few minutes.
FULL_TIER_FIXTURES = frozenset({"browser", "open_page", "long_guide"})


def pytest_collection_modifyitems(config, items):
    """Mark every test of the full tier `volledig`: by the fixtures it uses, or marked in its file
    (PDFs, the release, the large sites)."""
    for item in items:
        if FULL_TIER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.volledig)
    # The longest files first: the workers take whole files in this order (scripts/test), and a long
    # file left for last keeps one worker busy while the others have nothing left to do.
    first = {name: i for i, name in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: first.get(item.path.name, len(first)))


#: Test files that take longest (a timeline of `scripts/test` on 2 cores), longest first.
LONGEST_FILES = (
    # the second needs no example site: while the first worker builds it (made_once), the second has work
    "test_tools.py", "test_nieuwe_gids.py", "test_reading.py", "test_print.py", "test_search.py",
    "test_leesroutes.py", "test_hostile_storage.py", "test_doelen.py", "test_berichten.py", "test_team.py",
    "test_preview.py", "test_quick.py", "test_editor.py", "test_hostile.py", "test_filter.py", "test_journeys.py",
    "test_phone.py", "test_publishing.py", "test_release.py", "test_site.py", "test_keyboard.py", "test_safety.py",
    "test_kept_pages.py",
)


def _stap(n: int) -> str:
    return textwrap.dedent(
        f"""\
        nummer: {n}
        titel: Vraag van stap {n}?
        kort: Stap {n}
        duur: enkele weken
        mkb:
          inleiding: Kort over stap {n}.
          acties:
            - titel: Doe iets
              tekst: Een korte actie.
              meer: substap-{n}
        substappen:
          - id: substap-{n}
            titel: Substap {n}
            resultaat: Je weet meer.
            wat_en_waarom: Waarom dit telt.
            hoe: Zo doe je het.
            met_wie: Met het team.
            check:
              - Heb je het gedaan?
            verandering: Begin klein.
        """
    )


MINIMAL = {
    "catalogus.yml": "id: test-wegwijzer\ntitel: Test Wegwijzer\nsector: Test\nuitgever: Testers\nversie: '1.0'\n",
    "werkdrukmodel.yml": textwrap.dedent(
        """\
        inleiding: Werkdruk is een disbalans.
        groepen:
          - id: taakeisen
            titel: Taakeisen
            soort: eis
            omschrijving: Wat het werk vraagt.
            factoren:
              - id: tijdsdruk
                titel: Tijdsdruk
                omschrijving: Te weinig tijd.
        """
    ),
    **{f"stappen/{n}-stap.yml": _stap(n) for n in range(1, 6)},
    "knelpunten/piekdrukte.yml": textwrap.dedent(
        """\
        titel: Piekdrukte
        factor: tijdsdruk
        omschrijving: Op vaste momenten is het te druk.
        signalen:
          - Lange wachtrijen
        oplossingen:
          - rooster-met-buffer
          - taken-herverdelen
        """
    ),
    "oplossingen/rooster-met-buffer.yml": textwrap.dedent(
        """\
        titel: Rooster met buffer
        omschrijving: Plan ruimte in voor pieken.
        aanpak: bron
        niveau: [team]
        termijn: kort
        kosten: laag
        invoeren:
          - Kijk wanneer de pieken zijn.
        grondslag: [arbowet 3 lid 2]
        """
    ),
    "oplossingen/taken-herverdelen.yml": textwrap.dedent(
        """\
        titel: Taken herverdelen
        omschrijving: Verdeel het werk eerlijk.
        aanpak: bron
        niveau: [team]
        termijn: quick-win
        kosten: laag
        invoeren:
          - Maak een lijst van taken.
        grondslag: [arbowet 3 lid 2]
        """
    ),
}


@pytest.fixture
def make_catalogus(tmp_path):
    """Write the minimal catalogus, with some files replaced (text) or removed (None)."""

    def make(changes: dict[str, str | None] | None = None) -> Path:
        root = tmp_path / "catalogus"
        files = {**MINIMAL, **(changes or {})}
        for name, text in files.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


def mkdocs_build(config: Path, site: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as an editor would, in the config's folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site), *extra],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"], **(env or {})},
    )


def copy_project(tmp_path: Path, pdfs: bool = False) -> Path:
    """A copy of the example project to change and build; with its PDFs only for a test that looks at them
    (making them is most of a build: 13.5 s against 2 to 4.6 s)."""
    import shutil

    project = tmp_path / "project"
    for name in ("catalogus", "content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    # the repository's mkdocs.yml inherits the template a sector project gets as its own
    shutil.copy(ROOT / "plugins" / "wegwijzer" / "start" / "mkdocs.yml", project / "mkdocs.yml")
    return project if pdfs else without_pdfs(project)


def without_pdfs(project: Path) -> Path:
    """A generated guide for a test that looks at pages only: its toetsingsdossier alone is a minute of WeasyPrint."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "      pdf: false\n" in text:
        return project
    assert "  - wegwijzer/print " in text
    config.write_text(text.replace("  - wegwijzer/print ", "  - wegwijzer/print:\n      pdf: false\n   ", 1), encoding="utf-8")
    return project


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder `make(folder)` fills once per test run, shared by the xdist workers: the first worker
    that asks makes it, another waits for it, and neither makes it twice (a build of the example
    with its PDFs is 13 s of CPU). What is made here is only read by the tests."""
    import fcntl
    import shutil

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, made = root / name, root / f"{name}.gemaakt"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example guide of this repository, built once with --strict."""

    def build(site: Path) -> None:
        result = mkdocs_build(ROOT / "mkdocs.yml", site, "--strict")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "voorbeeld", build)


CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"

#: Resolves once no transition or animation runs and the page has not scrolled for three frames.
_AT_REST = """() => new Promise((klaar) => {
    let vorige = null, stil = 0;
    const kijk = () => {
        const nu = [scrollX, scrollY].join();
        const bezig = document.getAnimations().some((a) => a.playState === "running");
        stil = !bezig && nu === vorige ? stil + 1 : 0;
        vorige = nu;
        if (stil >= 3) klaar(true);
        else requestAnimationFrame(kijk);
    };
    requestAnimationFrame(kijk);
})"""


#: The rules axe checks: WCAG 2.1 A and AA; only what fails is described in full (what passes is not read).
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}


def at_rest(page) -> None:
    """Wait until what moves on the page (a drawer sliding in, a smooth scroll) has stopped: a
    condition, not a guess at how long it takes."""
    page.evaluate(_AT_REST)


def search_results_shown(page, timeout: float = 15000) -> None:
    """Wait until Pagefind shows results and every one of them is filled in. Pagefind first draws a
    grey placeholder per result and fills it when that page's fragment has arrived; a test that
    reads the results before then reads nothing (CI did, under load)."""
    page.wait_for_function("""() => {
        const results = document.querySelectorAll('.pagefind-ui__result');
        return results.length > 0 && !document.querySelector('.pagefind-ui__result .pagefind-ui__loading');
    }""", timeout=timeout)


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    # no hover and no running transition: axe judges the colours a reader sees at rest
    page.mouse.move(1, page.viewport_size["height"] - 1)
    at_rest(page)
    found = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """The test session keeps what builds make (`wegwijzer/cache.py`) in a folder of its own, one per
    xdist worker, so no test reads the user's cache or leaves its projects' PDFs there."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.getbasetemp() / "cache")


@pytest.fixture(scope="session", autouse=True)
def artifacts_folder():
    """Screenshots for review land in tests/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def data(example_site):
    """The scan's data of the example, whole (test_ranking.full_data)."""
    from test_ranking import full_data
    return full_data(example_site)


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A built site on a local port, as a static web host would serve it; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(example_site):
    with serve_folder(example_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which never downloads a browser here)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: draai scripts/setup --test")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        _watch_policy(browser)
        yield browser
        browser.close()


@contextlib.contextmanager
def watched_tab(browser):
    """A new tab that notes every request it makes and dismisses (and notes) every dialog: (page, requests, dialogs)."""
    context = browser.new_context()
    page = context.new_page()
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        yield page, requests, dialogs
    finally:
        context.close()


#: What Chromium refused under a page's Content-Security-Policy during the running test.
POLICY_VIOLATIONS: list[str] = []


def _note_violation(message) -> None:
    if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
        POLICY_VIOLATIONS.append(f"{message.location.get('url', '')}: {message.text}")


def _watch_policy(browser) -> None:
    """Every tab of every browser test reports a refused script, style or request (csp.py)."""
    new_context, new_page = browser.new_context, browser.new_page

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.on("console", _note_violation)
        return context

    def watched_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        page.on("console", _note_violation)
        return page

    browser.new_context, browser.new_page = watched_context, watched_page


@pytest.fixture(autouse=True)
def no_policy_violations():
    """No browser test may see the page's own policy refuse something: every tool works under it."""
    POLICY_VIOLATIONS.clear()
    yield
    assert POLICY_VIOLATIONS == [], "\n".join(POLICY_VIOLATIONS)


@pytest.fixture(scope="session")
def kept_tabs(browser):
    """The open tabs of this worker that `open_page` hands out again (tabs.py says when)."""
    from tabs import KeptTabs

    tabs = KeptTabs(browser)
    yield tabs
    tabs.close()


_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Note a failed (or expected to fail) test: its tabs are closed, not handed to the next test."""
    report = yield
    if report.failed or hasattr(report, "wasxfail"):
        item.stash[_FAILED] = True
    return report


@pytest.fixture
def open_page(kept_tabs, request):
    """A browser tab at a given width, new to this test, that records every request it makes
    (`page.requests`). It may be a tab of an earlier test, put back as new (tabs.py)."""
    tabs = []

    def open_page(width: int = 360, javascript: bool = True, *, height: int | None = None, scale: float = 1, init_script: str = ""):
        """`scale`: device pixels per CSS pixel; `init_script`: runs before every page's own scripts."""
        tab = kept_tabs.open(width, height or (800 if width < 600 else 900), javascript, scale, init_script)
        tabs.append(tab)
        return tab.page

    yield open_page
    # not after a failed test, nor after a refusal by the page's policy (which fails the test after this)
    for tab in tabs:
        kept_tabs.put_back(tab, keep=not request.node.stash.get(_FAILED, False) and not POLICY_VIOLATIONS)


#: The factor that gets more knelpunten in `long_guide` than a list shows at once.
DRUKKE_FACTOR = "tijdsdruk"


@pytest.fixture(scope="session")
def long_guide(tmp_path_factory):
    """A generated guide of 100 knelpunten (and the base's), more than a list shows at once,
    60 of them at one factor; built. Returns (catalogus, site folder)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from genereer import genereer
    from wegwijzer.catalogus import load_catalogus

    def build(work: Path) -> None:
        project = without_pdfs(genereer(100, work / "gids"))
        for path in sorted((project / "catalogus" / "knelpunten").glob("*.yml"))[:60]:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            path.write_text("".join(f"factor: {DRUKKE_FACTOR}\n" if line.startswith("factor:") else line for line in lines), encoding="utf-8")
        result = mkdocs_build(project / "mkdocs.yml", work / "site")
        assert result.returncode == 0, result.stderr[-3000:]

    work = made_once(tmp_path_factory, "lang", build)
    return load_catalogus(work / "gids" / "catalogus"), work / "site"
