"""`mkdocs build` takes a page that would come out as before from the last site (plugins/catalogus/kept_pages.py):
the site must be the site a build that keeps nothing writes, byte for byte, after changes of every kind
that reach a page's frame (the catalogus, mkdocs.yml, a template of the organisation's own)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build

#: Eleven builds of the example: the full tier.
pytestmark = pytest.mark.volledig

#: Left out of the comparison: the sitemap carries the day of the build, Pagefind names its files its own
#: way on every run (and the list of the site's files names those).
NOT_PAGES = ("sitemap.xml.gz", ".wegwijzer-site")


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in NOT_PAGES and "pagefind" not in p.relative_to(site).parts}


def inodes(site: Path) -> dict[str, int]:
    """The pages of `site` (404.html is the theme's, made every build) by the file each is."""
    return {str(p.relative_to(site)): p.stat().st_ino for p in site.rglob("*.html") if p.name != "404.html"}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: (what changed, the change): each reaches some pages or every page's frame.
CHANGES = [
    ("a knelpunt's title", lambda p: replace_in(p / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml", "titel: ", "titel: Altijd ")),
    ("a setting in mkdocs.yml that every page shows", lambda p: (p / "mkdocs.yml").write_text(
        (p / "mkdocs.yml").read_text(encoding="utf-8") + "\nrepo_url: https://example.org/sector/wegwijzer\n", encoding="utf-8")),
    ("a template of the organisation's own", lambda p: (p / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Een eigen mededeling{% endblock %}\n', encoding="utf-8")),
]


def test_a_page_taken_from_the_last_site_is_the_page_a_build_that_keeps_nothing_writes(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    kept = {"XDG_CACHE_HOME": str(tmp_path / "bewaard")}
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    for what, change in [("nothing", lambda p: None), *CHANGES]:
        change(project)
        before = inodes(site)
        result = mkdocs_build(project / "mkdocs.yml", site, env=kept)
        assert result.returncode == 0, result.stderr[-2000:]
        taken = sum(before.get(name) == ino for name, ino in inodes(site).items())
        fresh = tmp_path / f"vers-{len(what)}"
        result = mkdocs_build(project / "mkdocs.yml", fresh, env={"XDG_CACHE_HOME": str(tmp_path / f"leeg-{len(what)}")})
        assert result.returncode == 0, result.stderr[-2000:]
        got, expected = files_of(site), files_of(fresh)
        different = sorted(name for name in got.keys() | expected.keys() if got.get(name) != expected.get(name))
        assert not different, f"after {what}: {different[:10]}"
        if what == "nothing":
            assert taken == len(before), "an unchanged guide takes every page from its last site"
        elif what == "a knelpunt's title":
            assert 0 < taken < len(before)  # the pages that show the title are written anew, the rest taken
        else:
            assert taken == 0, f"after {what}, every page's frame changed"


def test_a_page_changed_in_the_site_by_hand_is_written_anew(tmp_path):
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    kept = {"XDG_CACHE_HOME": str(tmp_path / "bewaard")}
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    page = site / "werknemer" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<!-- met de hand --></body>"))
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    assert page.read_bytes() == original
