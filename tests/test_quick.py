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

    def read(self) -> dict[str, bytes]:
        return {str(path.relative_to(self.site)): path.read_bytes() for path in sorted(self.site.rglob("*"))
                if path.is_file() and path.name not in WHOLE_ONLY and "pagefind" not in path.parts}

    def close(self) -> None:
        self.plugins.on_shutdown()


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
    for path in [*project.rglob("*"), *(tmp_path / "basis").rglob("*")]:  # saved long ago: a save shows a new date
        os.utime(path, (LONG_AGO, LONG_AGO))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(project)
    shown = Preview(project, tmp_path / "site")
    yield shown, {"eigen": project / "catalogus", "basis": tmp_path / "basis"}
    shown.close()


def test_a_quick_rebuild_writes_what_the_whole_build_writes(preview, caplog):
    shown, folders = preview
    quick = 0
    for what, where, edit in EDITS:
        edit(folders[where])
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
    assert quick >= len(EDITS) // 2, f"only {quick} of {len(EDITS)} edits were shown by a quick rebuild"
