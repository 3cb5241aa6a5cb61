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


def add_to(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def rename(path: Path, new: str) -> None:
    path.rename(path.with_name(new))  # its time stays: only the folder's list of files changes


HOOK = "def on_post_page(output, page, config):\n    return output.replace('</body>', '<!-- een eigen hook --></body>')\n"

#: (what changed, the change, how many pages the build may take from the last site: all, some or none).
#: Beside the first three, what an attack on kept_pages.py found.
CHANGES = [
    ("nothing", lambda p: None, "all"),
    ("a knelpunt's title", lambda p: replace_in(p / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml", "titel: ", "titel: Altijd "), "some"),
    ("a setting in mkdocs.yml that every page shows", lambda p: add_to(p / "mkdocs.yml", "\nrepo_url: https://example.org/sector/wegwijzer\n"), "none"),
    ("a template of the organisation's own", lambda p: (p / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Een eigen mededeling{% endblock %}\n', encoding="utf-8"), "none"),
    ("that template renamed, its time kept", lambda p: rename(p / "overrides" / "main.html", "main.html.uit"), "none"),
    ("a page of its own in the menu", lambda p: (p / "content" / "extra.md").write_text("# Extra\n\nTekst.\n", encoding="utf-8"), "none"),
    ("that page's subtitle, which the menu shows", lambda p: (p / "content" / "extra.md").write_text(
        "---\nsubtitle: Iets kleins\n---\n# Extra\n\nTekst.\n", encoding="utf-8"), "none"),
    ("a script of the guide's own", lambda p: add_to(p / "mkdocs.yml", "\nextra_javascript:\n  - assets/javascripts/filter.js\n"), "none"),
    ("that script as a module", lambda p: replace_in(p / "mkdocs.yml", "  - assets/javascripts/filter.js\n",
                                                     "  - path: assets/javascripts/filter.js\n    type: module\n"), "none"),
    ("a hook of the organisation's own", lambda p: ((p / "hook.py").write_text(HOOK, encoding="utf-8"), add_to(p / "mkdocs.yml", "\nhooks:\n  - hook.py\n")), "none"),
    ("nothing, with a hook: it may add to pages in ways no key sees", lambda p: None, "none"),
]


def test_a_page_taken_from_the_last_site_is_the_page_a_build_that_keeps_nothing_writes(tmp_path):
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    kept = {"XDG_CACHE_HOME": str(tmp_path / "bewaard")}
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    for number, (what, change, expected) in enumerate(CHANGES):
        change(project)
        before = inodes(site)
        result = mkdocs_build(project / "mkdocs.yml", site, env=kept)
        assert result.returncode == 0, result.stderr[-2000:]
        taken = sum(before.get(name) == ino for name, ino in inodes(site).items())
        assert {"all": taken == len(before), "some": 0 < taken < len(before), "none": taken == 0}[expected], (what, taken, len(before))
        if taken == 0:
            continue  # every page was put into the theme anew: nothing of the last site to compare
        fresh = tmp_path / f"vers-{number}"
        result = mkdocs_build(project / "mkdocs.yml", fresh, env={"XDG_CACHE_HOME": str(tmp_path / f"leeg-{number}")})
        assert result.returncode == 0, result.stderr[-2000:]
        got, wanted = files_of(site), files_of(fresh)
        different = sorted(name for name in got.keys() | wanted.keys() if got.get(name) != wanted.get(name))
        assert not different, f"after {what}: {different[:10]}"


def test_a_page_changed_in_the_site_by_hand_is_written_anew(tmp_path):
    """Also one of the same size, with its time put back (what an attack tried)."""
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    kept = {"XDG_CACHE_HOME": str(tmp_path / "bewaard")}
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    page = site / "werknemer" / "index.html"
    original, state = page.read_bytes(), page.stat()
    page.unlink()
    page.write_bytes(original.replace(b"<body", b"<BODY", 1))
    os.utime(page, ns=(state.st_atime_ns, state.st_mtime_ns))
    assert mkdocs_build(project / "mkdocs.yml", site, env=kept).returncode == 0
    assert page.read_bytes() == original
