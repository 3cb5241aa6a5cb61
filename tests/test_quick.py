"""A save in the catalogus reaches the preview without the whole build (plugins/catalogus/quick.py):
what it writes must be exactly what the whole build writes.

The example, on a base of its own, is built as `mkdocs serve --dirty` builds it, in this
process. Then each edit of `test_dependencies.EDITS` is made, the preview's builder runs
(quickly, where it can), and the site is read. The whole build then runs as well, and
writes every page and file again: they must be the same, byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import copy_project
from test_dependencies import BASE, EDITS, change
from wegwijzer.catalogus import load_catalogus

#: Twenty-eight builds of the example: the full tier.
pytestmark = pytest.mark.volledig

SERVE_URL = "http://127.0.0.1:8000/"
LONG_AGO = 1577872800  # 1 January 2020
#: Made by the whole build only, and left out of the comparison: the sitemap carries the build's date.
WHOLE_ONLY = ("sitemap.xml", "sitemap.xml.gz")


class Preview:
    """The preview of `project`, built in this process the way `mkdocs serve --dirty` builds it."""

    def __init__(self, project: Path, site: Path) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        self.site = site

        def whole() -> None:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
            config.site_url = SERVE_URL
            build(config, serve_url=SERVE_URL, dirty=True)

        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugins = config.plugins
        whole()
        self.catalogus = config.plugins["wegwijzer/catalogus"]
        self.whole = whole
        self.builder = self.catalogus._quick_or_whole(whole)  # what on_serve gives the server
        self.get = served(site, self.catalogus)

    def read(self) -> dict[str, bytes]:
        """The site as a visitor gets it: the data files as the preview serves them (made when asked for)."""
        found = {str(path.relative_to(self.site)): path.read_bytes() for path in sorted(self.site.rglob("*"))
                 if path.is_file() and path.name not in WHOLE_ONLY and "pagefind" not in path.parts}
        return {**found, **{uri: self.get("/" + uri) for uri in self.catalogus.data_paths}}

    def close(self) -> None:
        self.plugins.on_shutdown()


def served(site: Path, catalogus_plugin):
    """get(path) -> body from the preview's guard (preview_server.py) in front of `site`, with what the
    catalogus plugin's on_serve gives the server."""
    from wegwijzer.preview_server import guard

    class Server:  # what guard() uses of MkDocs' LiveReloadServer
        server_address, root, builder = ("127.0.0.1", 8000), str(site), None
        wegwijzer_fresh = staticmethod(catalogus_plugin.fresh_data)

        def get_app(self):
            def files(environ, start_response):
                start_response("200 OK", [])
                return [(site / environ["PATH_INFO"].lstrip("/")).read_bytes()]
            return files

        def set_app(self, app):
            self.app = app

    server = Server()
    guard(server)
    return lambda path: b"".join(server.app({"HTTP_HOST": "127.0.0.1:8000", "PATH_INFO": path, "REQUEST_METHOD": "GET"}, lambda *_: None))


@pytest.fixture
def preview(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("  - wegwijzer/search ", "  - wegwijzer/search:\n      zoeken: false\n   ", 1), encoding="utf-8")
    shutil.copytree(BASE, tmp_path / "basis")
    change(project / "catalogus" / "catalogus.yml", lambda d: d.update(basis=str(tmp_path / "basis")))
    # a page of the organisation's own that shows every quote as a block (not a link): a quote's words are on it
    quotes = "\n\n".join(f"[[praktijk:{path.stem}]]" for path in sorted((project / "catalogus" / "praktijk").glob("*.yml")))
    (project / "content" / "verhalen.md").write_text(f"# Verhalen\n\n{quotes}\n", encoding="utf-8")
    # a page of its own whose title is a link: the title follows the knelpunt's, in the menu too
    (project / "content" / "over-lawaai.md").write_text("# Over [[knelpunt:lawaai-op-de-groep]]\n\nTekst.\n", encoding="utf-8")
    (tmp_path / "basis" / "paginas" / "plaatje.svg").write_text(svg(1), encoding="utf-8")  # a picture beside the base's pages
    for path in [*project.rglob("*"), *(tmp_path / "basis").rglob("*")]:  # saved long ago: a save shows a new date
        os.utime(path, (LONG_AGO, LONG_AGO))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(project)
    shown = Preview(project, tmp_path / "site")
    yield shown, {"eigen": project / "catalogus", "basis": tmp_path / "basis"}
    shown.close()


def svg(size: int) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg"><rect width="{size}" height="{size}"/></svg>\n'


def replace_in(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def copy_of_base(own: Path, name: str) -> None:
    """The base's file `name` in the guide's own catalogus, as it is: the same entry, from a file saved now."""
    (own / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(own.parent.parent / "basis" / name, own / name)


#: Beyond those of test_dependencies: what only the pages and files of a build show (found by an attack on quick.py).
MORE_EDITS = [
    ("a page of the base edited", "basis", lambda f: replace_in(f / "paginas" / "werknemer.md", "werkgever", "baas")),
    ("a picture beside the base's pages changed", "basis", lambda f: (f / "paginas" / "plaatje.svg").write_text(svg(2), encoding="utf-8")),
    ("a knelpunt of the base copied into the guide as it is", "eigen", lambda f: copy_of_base(f, "knelpunten/eentonig-werk.yml")),
    ("a step of the base copied into the guide as it is", "eigen", lambda f: copy_of_base(f, "stappen/4-aan-de-slag.yml")),
    ("a normen.yml of the guide's own", "eigen", lambda f: (f / "normen.yml").write_text("wetten: []\nbepalingen: []\n", encoding="utf-8")),
    ("the title of a knelpunt a page's heading links to, again", "eigen",
     lambda f: change(f / "knelpunten" / "lawaai-op-de-groep.yml", lambda d: d.update(titel="Altijd herrie"))),
]


def test_a_quick_rebuild_writes_what_the_whole_build_writes(preview, caplog):
    shown, folders = preview
    quick = 0
    for what, where, edit in [*EDITS, *MORE_EDITS]:
        edit(folders[where])
        load_catalogus(folders["eigen"])  # an edit an editor can save: the catalogus loads (else the whole build runs)
        caplog.clear()
        with caplog.at_level("INFO"):
            shown.builder()
        quick += any("De voorvertoning is bijgewerkt in" in r.getMessage() for r in caplog.records)
        after_quick = shown.read()
        shown.plugins.on_startup(command="serve", dirty=True)  # the whole build keeps nothing: renders and writes all
        shown.whole()
        after_whole = shown.read()
        different = sorted(name for name in after_quick.keys() | after_whole.keys() if after_quick.get(name) != after_whole.get(name))
        assert not different, f"after {what}, the quick rebuild left these files unlike the whole build: {different[:10]}"
    assert quick >= len(EDITS) // 2, f"only {quick} of {len(EDITS) + len(MORE_EDITS)} edits were shown by a quick rebuild"


def test_a_commit_between_saves_dates_the_pages_of_its_files_anew(preview, tmp_path):
    """"Laatst gewijzigd" is the day of a file's last commit: a commit changes it without a file being saved."""
    import subprocess

    shown, folders = preview
    when = {"GIT_AUTHOR_DATE": "2020-01-01T12:00:00", "GIT_COMMITTER_DATE": "2020-01-01T12:00:00"}
    git = lambda *args, **env: subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,  # noqa: E731
                                              env={**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
                                                   "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org", **env})
    git("init", "-q")
    (tmp_path / ".gitignore").write_text("cache/\nsite/\n", encoding="utf-8")  # what the preview writes meanwhile
    git("add", "-A")
    git("commit", "-q", "-m", "eerste versie", **when)
    shown.whole()  # the pages dated by their commits
    edits = [lambda: change(folders["eigen"] / "knelpunten" / "lawaai-op-de-groep.yml", lambda d: d.update(titel="Altijd lawaai")),
             lambda: git("commit", "-q", "-am", "een nieuwe titel"),  # today: no file is saved
             lambda: change(next((folders["eigen"] / "knelpunten").glob("z*.yml")), lambda d: d.update(titel="Een andere titel"))]
    for edit in edits:
        edit()
        shown.builder()
    after_quick = shown.read()
    shown.plugins.on_startup(command="serve", dirty=True)
    shown.whole()
    after_whole = shown.read()
    different = sorted(name for name in after_quick.keys() | after_whole.keys() if after_quick.get(name) != after_whole.get(name))
    assert not different, different[:10]
    assert "datetime=\"2020-01-01\"" not in (shown.site / "knelpunten" / "lawaai-op-de-groep" / "index.html").read_text(encoding="utf-8")


def test_the_open_data_is_made_when_asked_for_and_a_later_whole_build_writes_it_again(preview):
    """The quick rebuild leaves the open data and the dossier's table to the moment one is asked for; what the
    preview serves is always made of the catalogus it shows, also after a whole build that finds it as before."""
    shown, folders = preview
    knelpunt = folders["eigen"] / "knelpunten" / "observaties-op-de-groep.yml"
    before = knelpunt.read_text(encoding="utf-8")
    change(knelpunt, lambda d: d.update(titel="Altijd herrie"))
    shown.builder()
    assert shown.catalogus.data_for is not shown.catalogus.catalogus  # a quick rebuild: left to the first request
    for odd in ("/data//catalogus.json", "/data/./toetsingsdossier.csv"):  # the same files, as MkDocs reads a path
        assert "Altijd herrie" in shown.get(odd).decode("utf-8-sig")
    info = folders["eigen"] / "catalogus.yml"
    good_info = info.read_text(encoding="utf-8")
    change(knelpunt, lambda d: d.update(titel="Nooit gebouwd"))  # loads, but the build fails on a logo that is not there
    info.write_text(good_info + "huisstijl:\n  logo: assets/bestaat-niet.svg\n", encoding="utf-8")
    with pytest.raises(Exception):  # the preview's guard shows it on every page
        shown.builder()
    assert "Nooit gebouwd" not in (shown.site / "knelpunten" / "observaties-op-de-groep" / "index.html").read_text(encoding="utf-8")
    for uri in ("/data/catalogus.json", "/data/toetsingsdossier.csv"):  # as the pages: the last good version
        data = shown.get(uri).decode("utf-8-sig")
        assert "Altijd herrie" in data and "Nooit gebouwd" not in data
    info.write_text(good_info, encoding="utf-8")
    change(knelpunt, lambda d: d.update(titel="Altijd herrie"))
    shown.builder()
    settings = folders["eigen"].parent / "mkdocs.yml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good + "\nplugins: [\n", encoding="utf-8")  # the next build fails: the preview shows the last good one
    with pytest.raises(Exception):
        shown.builder()
    assert "Altijd herrie" in shown.get("/data/catalogus.json").decode("utf-8")
    assert "Altijd herrie" in shown.get("/data/toetsingsdossier.csv").decode("utf-8-sig")
    settings.write_text(good, encoding="utf-8")
    knelpunt.write_text(before, encoding="utf-8")  # undone, and built whole: the data files are as after the first build
    shown.whole()
    for uri in ("data/catalogus.json", "data/toetsingsdossier.csv"):
        assert "Altijd herrie" not in (shown.site / uri).read_text(encoding="utf-8-sig")
        assert "Altijd herrie" not in shown.get("/" + uri).decode("utf-8-sig")
