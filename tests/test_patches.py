"""Every patch of another library (plugins/wegwijzer/plugins/patches.py), one test each.

Each test shows that the patch does what its docstring says on the versions it
was written for, and that on a version it was not written for it leaves the
library alone and says so once, in Dutch. No site is built: the patched
function is called directly.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from wegwijzer.plugins import kept_nav, patches
from wegwijzer.plugins.catalogus.plugin import POLL_SECONDS, _poll_often
from wegwijzer.plugins.catalogus.preview import Preview
from wegwijzer.plugins.catalogus.rendered import Rendered
from wegwijzer.plugins.csp import script_hash, with_policy
from wegwijzer.plugins.material_markup import without_autocomplete
from wegwijzer.plugins.patches import PATCHES, quick_rebuilds


class _Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def said(monkeypatch):
    """What the patches say, from a registry that has checked and said nothing yet in this test."""
    monkeypatch.setattr(patches, "_verdicts", {})
    monkeypatch.setattr(patches, "_warned", set())
    handler = _Said()
    patches.log.logger.addHandler(handler)
    yield handler.lines
    patches.log.logger.removeHandler(handler)


def installed_as(monkeypatch, distribution: str, version: str) -> None:
    """Pretend `distribution` is installed at `version`, and that no patch has been checked yet."""
    real = patches._installed
    monkeypatch.setattr(patches, "_installed", lambda name: version if name == distribution else real(name))
    monkeypatch.setattr(patches, "_verdicts", {})


def off(said: list[str], title: str, why: str) -> None:
    assert len(said) == 1, said
    assert said[0].startswith(f"wegwijzer: De aanpassing '{title}' is uitgeschakeld: {why}"), said[0]


def test_every_patch_is_described_in_the_module_docstring():
    for key in PATCHES:
        assert f"- `{key}` (" in patches.__doc__, key


def test_dutch_abort(monkeypatch, said, capsys):
    monkeypatch.setattr(Abort, "show", Abort.show)  # put back after the test
    assert patches.dutch_abort()
    Abort("Aborted with a BuildError!").show()
    Abort("Aborted with 2 warnings in strict mode!").show()
    assert capsys.readouterr().err == (
        "\nDe site is niet gebouwd: los de fouten hierboven op.\n"
        "\nDe site is niet gebouwd: 2 waarschuwingen met --strict (zie hierboven).\n"
    )
    assert said == []

    installed_as(monkeypatch, "click", "9.0.0")
    untouched = lambda self, *args, **kwargs: None  # noqa: E731  MkDocs' own, as before any patch
    monkeypatch.setattr(Abort, "show", untouched)
    assert not patches.dutch_abort() and not patches.dutch_abort()
    assert Abort.show is untouched
    off(said, "Nederlandse slotregel bij een mislukte bouw", "die is geschreven voor click 8.x en hier staat 9.0.0.")


def test_live_reload_csp(monkeypatch, said):
    monkeypatch.setattr(LiveReloadServer, "_inject_js_into_html", LiveReloadServer._inject_js_into_html)
    page = with_policy("<!doctype html><html><head></head><body><p>Tekst</p></body></html>").encode("utf-8")
    original = LiveReloadServer._inject_js_into_html
    assert patches.live_reload_under_policy() and patches.live_reload_under_policy()
    served = LiveReloadServer._inject_js_into_html(None, page, 7).decode("utf-8")
    script = served[served.rindex("<script>") + len("<script>"):served.rindex("</script>")]
    assert script_hash(script) in served[:served.index("</head>")]  # the reload script is allowed, once
    assert served.count(script_hash(script)) == 1

    monkeypatch.setattr(LiveReloadServer, "_inject_js_into_html", original)
    installed_as(monkeypatch, "mkdocs", "1.7.0")
    assert not patches.live_reload_under_policy() and not patches.live_reload_under_policy()
    assert LiveReloadServer._inject_js_into_html is original
    off(said, "veiligheidsregels in de voorvertoning", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def _server() -> SimpleNamespace:
    """What `quick_rebuilds` and `_poll_often` see of MkDocs' LiveReloadServer before the first watch()."""
    return SimpleNamespace(observer=PollingObserver(timeout=60), build_delay=0.1, _watched_paths={})


def test_native_observer(monkeypatch, said, tmp_path):
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", jinja2.FileSystemLoader.list_templates)
    server = _server()
    assert quick_rebuilds(server)
    assert server.build_delay == patches.BUILD_DELAY
    seen = threading.Event()
    server.observer.schedule(SimpleNamespace(dispatch=lambda event: seen.set()), str(tmp_path), recursive=True)
    server.observer.start()
    try:
        (tmp_path / "stap.yml").write_text("titel: nieuw\n", encoding="utf-8")
        assert seen.wait(5)  # the polling observer would look only after a minute
    finally:
        server.observer.stop()
        server.observer.join(5)

    installed_as(monkeypatch, "watchdog", "8.0.0")
    server = _server()
    polling = server.observer
    assert not quick_rebuilds(server) and not quick_rebuilds(_server())
    assert server.observer is polling and server.build_delay == 0.1
    off(said, "wijzigingen meteen zien in de voorvertoning", "die is geschreven voor watchdog 7.x en hier staat 8.0.0.")


def test_theme_listing(monkeypatch, said, tmp_path):
    listed: list[str] = []
    real = jinja2.FileSystemLoader.list_templates

    def counted(self):
        listed.extend(map(str, self.searchpath))
        return real(self)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    material = str(kept_nav._MATERIAL)
    own = tmp_path / "overrides"
    own.mkdir()
    assert patches.apply("theme_listing", jinja2.FileSystemLoader, patches._kept_package_listings)
    loader = jinja2.FileSystemLoader([str(own), material])
    first = loader.list_templates()
    (own / "eigen.html").write_text("{% extends 'main.html' %}\n", encoding="utf-8")
    second = loader.list_templates()
    assert listed.count(material) == 1 and listed.count(str(own)) == 2  # Material's listed once, the guide's each time
    assert "partials/nav.html" in first and set(second) - set(first) == {"eigen.html"}

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    installed_as(monkeypatch, "jinja2", "4.0.0")
    for _ in range(2):
        assert not patches.apply("theme_listing", jinja2.FileSystemLoader, patches._kept_package_listings)
    assert jinja2.FileSystemLoader.list_templates is counted
    off(said, "themabestanden één keer opzoeken", "die is geschreven voor jinja2 3.x en hier staat 4.0.0.")


def test_poll_often(monkeypatch, said, tmp_path):
    catalogus = SimpleNamespace(knelpunten={}, oplossingen={}, praktijk={}, instrumenten={})
    server = _server()
    _poll_often(server, catalogus)
    watch = server.observer.schedule(FileSystemEventHandler(), str(tmp_path))
    assert [emitter.timeout for emitter in server.observer.emitters] == [POLL_SECONDS]
    server.observer.unschedule(watch)

    installed_as(monkeypatch, "watchdog", "8.0.0")
    server = _server()
    _poll_often(server, catalogus)
    _poll_often(server, catalogus)
    assert server.observer.timeout == 60
    off(said, "vaker kijken of de catalogus is gewijzigd", "die is geschreven voor watchdog 7.x en hier staat 8.0.0.")


class _MaterialMenu:
    """An environment whose menu templates count as Material's own, and count their renders."""

    def __init__(self) -> None:
        self.renders = 0
        env = jinja2.Environment()
        env.globals["tick"] = self.tick
        self.templates = {}
        for name in kept_nav.MENU:
            self.templates[name] = env.from_string("menu {{ tick() }}")
            self.templates[name].filename = str(kept_nav._MATERIAL / name)

    def tick(self) -> str:
        self.renders += 1
        return "gemaakt"

    def get_template(self, name):
        return self.templates[name]


def test_menu_once(monkeypatch, said):
    nav = SimpleNamespace(pages=[], items=[])
    env = _MaterialMenu()
    kept_nav.keep_menu(env, nav)
    menu = env.get_template("partials/nav.html")
    for url in ("knelpunten/a/", "knelpunten/b/"):
        assert menu.render(page=SimpleNamespace(url=url), nav=nav) == "menu gemaakt"
    assert env.renders == 1  # once for the folder
    menu.render(page=SimpleNamespace(url="oplossingen/c/"), nav=nav)
    assert env.renders == 2

    installed_as(monkeypatch, "mkdocs-material", "10.0.0")
    for _ in range(2):  # two builds, one warning
        env = _MaterialMenu()
        kept_nav.keep_menu(env, nav)
        menu = env.get_template("partials/nav.html")
        for url in ("knelpunten/a/", "knelpunten/b/"):
            assert menu.render(page=SimpleNamespace(url=url), nav=nav) == "menu gemaakt"
        assert env.renders == 2
    off(said, "menu één keer per map", "die is geschreven voor mkdocs-material 9.x en hier staat 10.0.0.")


@pytest.fixture
def site(tmp_path):
    """An MkDocs configuration and two pages, as a build has them."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nZie [B](b.md).\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Gids", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])

    def build():
        files = Files([File(name, str(docs), config.site_dir, True) for name in ("a.md", "b.md")])
        for file in files:
            Page(None, file, config).read_source(config)
        return files

    return config, build


def test_reuse_html(monkeypatch, said, site):
    config, build = site
    kept = Rendered()
    rendered = []
    real = Page.render
    monkeypatch.setattr(Page, "render", lambda self, config, files: rendered.append(self.file.src_uri) or real(self, config, files))
    for _ in range(2):
        files = build()
        page = files.get_file_from_path("a.md").page
        kept.start(config)
        kept.wrap(page)
        page.render(config, files)
        assert page.content == '<h1 id="a">A</h1>\n<p>Zie <a href="../b/">B</a>.</p>'
    assert rendered == ["a.md"]  # the second time its HTML came back

    installed_as(monkeypatch, "mkdocs", "1.7.0")
    for _ in range(2):
        files = build()
        page = files.get_file_from_path("a.md").page
        kept.start(config)
        kept.wrap(page)
        assert "render" not in vars(page)
        page.render(config, files)
    assert rendered == ["a.md"] * 3
    off(said, "ongewijzigde pagina's niet opnieuw maken", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def test_write_changed(monkeypatch, said, site):
    config, build = site
    preview = Preview()

    def written_twice(title: str) -> list[bool]:
        """What is_modified() answers for page a.md in two rebuilds; its link to b.md shows `title` the second time."""
        answers = []
        for rebuild in range(2):
            files = build()
            preview.new_build(files)
            for file in files:
                file.page.render(config, files)
            if rebuild:
                files.get_file_from_path("b.md").page.title = title
            preview.start_writing(SimpleNamespace(items=[]), config)
            file = files.get_file_from_path("a.md")
            file.page.next_page = files.get_file_from_path("b.md").page
            answers.append(file.is_modified())
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(file.abs_dest_path).write_text("geschreven", encoding="utf-8")
            preview.built(files, config.site_dir)
        return answers

    assert written_twice("B") == [True, False]  # unchanged: not written again
    assert written_twice("Een nieuwe titel") == [False, True]  # the next page's title changed: written

    installed_as(monkeypatch, "mkdocs", "1.7.0")
    for _ in range(2):
        files = build()
        preview.new_build(files)
        assert "is_modified" not in vars(files.get_file_from_path("a.md"))
    assert not patches.enabled("write_changed")  # `wegwijzer bekijken` then builds without --dirty
    off(said, "alleen gewijzigde pagina's opnieuw schrijven", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def test_toggles(monkeypatch, said):
    page = ('<html><head></head><body dir="ltr">'
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<header></header><p>autocomplete="off"</p></body></html>')
    assert without_autocomplete(page) == page.replace(' autocomplete="off">', ">", 2)

    installed_as(monkeypatch, "mkdocs-material", "10.0.0")
    assert without_autocomplete(page) == page and without_autocomplete(page) == page
    off(said, "menu en zoeken zonder autocomplete", "die is geschreven voor mkdocs-material 9.x en hier staat 10.0.0.")


def test_under_properdocs_its_own_version_counts(monkeypatch, said):
    """With `WEGWIJZER_MOTOR=properdocs`, `import mkdocs` loads ProperDocs (engine.py): its version is checked."""
    properdocs = pytest.importorskip("properdocs")
    monkeypatch.setitem(sys.modules, "mkdocs", properdocs)
    assert patches.enabled("write_changed")
    installed_as(monkeypatch, "properdocs", "1.7.0")
    assert not patches.enabled("write_changed")
    off(said, "alleen gewijzigde pagina's opnieuw schrijven", "die is geschreven voor properdocs 1.6.x en hier staat 1.7.0.")


def test_a_missing_attribute_switches_a_patch_off(said):
    """A library of the right version that no longer has the attribute is left alone too."""
    page = SimpleNamespace(render=lambda config, files: None)  # no _title_from_render and the like
    assert not patches.apply("reuse_html", page, lambda render: None)
    assert page.render is not None
    off(said, "ongewijzigde pagina's niet opnieuw maken", "in mkdocs 1.6.")
    assert "ontbreekt wat die gebruikt (_title_from_render, present_anchor_ids, links_to_anchors)." in said[0]


def test_canonical_url(monkeypatch, said):
    """A generated page's canonical address as MkDocs makes it; off, MkDocs' own method stays."""
    from urllib.parse import urljoin, urlsplit

    from wegwijzer.plugins.catalogus.framed import quick_canonical_url

    class Made:  # a class of pages as GeneratedPage, with MkDocs' own method
        _set_canonical_url = Page._set_canonical_url

    assert patches.apply("canonical_url", Made, quick_canonical_url)
    for base, url in [("https://example.org/gids", "knelpunten/x/"), ("https://example.org/a/../b/", "x/"), (None, "x/")]:
        page = Made()
        page.url = url
        page._set_canonical_url(base)
        expected = urljoin(base + "/" if base and not base.endswith("/") else base, url) if base else None
        assert (page.canonical_url, page.abs_url) == (expected, urlsplit(expected).path if expected else None)

    class Other:
        _set_canonical_url = Page._set_canonical_url

    installed_as(monkeypatch, "mkdocs", "1.7.0")
    assert not patches.apply("canonical_url", Other, quick_canonical_url)
    assert Other._set_canonical_url is Page._set_canonical_url
    off(said, "adressen van gemaakte pagina's snel bepalen", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def test_quick_rebuild(monkeypatch, said):
    """The preview calls two private functions of MkDocs' build (plugins/catalogus/quick.py); without them,
    or on an MkDocs it was not written for, every save builds the whole site (tests/test_quick.py shows it working)."""
    from mkdocs.commands import build as mkdocs_build

    from wegwijzer.plugins.catalogus import quick

    assert patches.usable("quick_rebuild", mkdocs_build)
    assert not patches.usable("quick_rebuild", SimpleNamespace(_populate_page=None))  # no _build_page
    off(said, "alleen de gewijzigde pagina's bijwerken in de voorvertoning", "in mkdocs 1.6.")
    assert "ontbreekt wat die gebruikt (_build_page)." in said[0]

    said.clear()
    monkeypatch.setattr(patches, "_warned", set())
    installed_as(monkeypatch, "mkdocs", "1.7.0")
    assert quick.rebuild(SimpleNamespace(last=object())) == "deze versie van MkDocs"
    off(said, "alleen de gewijzigde pagina's bijwerken in de voorvertoning", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def test_wait_for_build(monkeypatch, said):
    """The preview's guard waits, as MkDocs does before it serves a file, for a build under way to end before it
    makes a download a quick rebuild left (CatalogusPlugin.fresh_data); on another MkDocs it does not wait."""
    import threading

    from wegwijzer.preview_server import wait_for_build

    server = SimpleNamespace(_epoch_cond=threading.Condition(), _visible_epoch=1, _wanted_epoch=2)  # a build runs
    waited = threading.Thread(target=wait_for_build, args=(server,))
    waited.start()
    waited.join(0.3)
    assert waited.is_alive()  # still waiting
    with server._epoch_cond:
        server._visible_epoch = 2
        server._epoch_cond.notify_all()
    waited.join(5)
    assert not waited.is_alive()
    assert said == []

    installed_as(monkeypatch, "mkdocs", "1.7.0")
    server._wanted_epoch = 3
    wait_for_build(server)  # returns at once
    off(said, "downloads in de voorvertoning pas na het bouwen maken", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")


def test_reuse_pages(monkeypatch, said):
    """MkDocs' `_build_page` leaves a page taken from the last site be (plugins/catalogus/kept_pages.py) and builds
    every other; on another MkDocs it stays MkDocs' own (tests/test_kept_pages.py shows the whole build)."""
    from mkdocs.commands import build as mkdocs_build

    from wegwijzer.plugins.catalogus.kept_pages import _skipping

    built = []
    monkeypatch.setattr(mkdocs_build, "_build_page", lambda page, *args: built.append(page.name))
    assert patches.apply("reuse_pages", mkdocs_build, _skipping)
    assert patches.apply("reuse_pages", mkdocs_build, _skipping)  # once: a second build in this process adds no layer
    taken, other = SimpleNamespace(name="taken", ww_uit_vorige_site=True), SimpleNamespace(name="other")
    for page in (taken, other):
        mkdocs_build._build_page(page)
    assert built == ["other"] and said == []

    monkeypatch.setattr(mkdocs_build, "_build_page", lambda page, *args: built.append(page.name))
    installed_as(monkeypatch, "mkdocs", "1.7.0")
    assert not patches.apply("reuse_pages", mkdocs_build, _skipping)
    mkdocs_build._build_page(taken)
    assert built == ["other", "taken"]
    off(said, "ongewijzigde pagina's uit de vorige site nemen", "die is geschreven voor mkdocs 1.6.x en hier staat 1.7.0.")
