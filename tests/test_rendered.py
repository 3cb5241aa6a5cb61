"""What a build keeps of the last one: each page's HTML (plugins/catalogus/rendered.py) and the
search index (search_index.py). What is kept must be what a build without it would make."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from wegwijzer import cache, search_index
from wegwijzer.plugins.catalogus.rendered import Rendered


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Pages a.md (links to b.md and to c.md, which is missing) and b.md; a cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache.choose(True)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nZie [B](b.md) en [C](c.md).\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n", encoding="utf-8")
    yield tmp_path
    cache.choose(True)


def build(tmp_path: Path, extensions=("toc",), pages=("a.md", "b.md"), rendered: Rendered | None = None,
          level: int = logging.INFO, draft: bool = False):
    """One build's reading of the pages, with a new `Rendered` (a new process) unless one is given, MkDocs
    logging at `level` (`-q`: ERROR), a.md a draft or not; (content of a.md, the pages rendered, what was said)."""
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Gids", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": list(extensions)})
    assert config.validate()[0] == []
    logger = logging.getLogger("mkdocs")
    before = logger.level
    logger.setLevel(level)
    kept = rendered or Rendered()
    kept.start(config)
    files = Files([File(name, config.docs_dir, config.site_dir, True) for name in pages])
    if draft:
        files.get_file_from_path("a.md").inclusion = InclusionLevel.DRAFT
    made, said = [], []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(f"{record.levelname}: {record.getMessage()}")
    logging.getLogger("mkdocs").addHandler(handler)
    real = Page.render
    Page.render = lambda page, config, files: (made.append(page.file.src_uri), real(page, config, files))[1]
    try:
        for file in files:
            page = Page(None, file, config)
            kept.wrap(page)
            page.read_source(config)
            page.render(config, files)
    finally:
        Page.render = real
        logger.removeHandler(handler)
        logger.setLevel(before)
    kept.built(previewing=False)
    return files.get_file_from_path("a.md").page.content, made, said


def test_an_unchanged_page_comes_back_from_disk_with_its_warnings(project):
    first, _, said_first = build(project)
    again, made, said_again = build(project)  # a new process: from the cache folder
    assert made == []
    assert again == first == '<h1 id="a">A</h1>\n<p>Zie <a href="../b/">B</a> en <a href="c.md">C</a>.</p>'
    broken = [line for line in said_first if "c.md" in line]
    assert broken and [line for line in said_again if "c.md" in line] == broken  # said again: --strict stops again


def test_a_changed_page_or_link_target_is_rendered_again(project):
    kept = Rendered()
    build(project, rendered=kept)
    (project / "docs" / "b.md").write_text("# B, anders\n", encoding="utf-8")
    _, made, _ = build(project, rendered=kept)
    assert made == ["b.md"]  # a.md's HTML does not hold b.md's text
    (project / "docs" / "c.md").write_text("# C\n", encoding="utf-8")
    content, _, said = build(project, pages=("a.md", "b.md", "c.md"), rendered=kept)
    assert '<a href="../c/">C</a>' in content  # its link now finds a page
    assert not [line for line in said if "c.md" in line]
    (project / "docs" / "a.md").write_text("# A\n\nNieuw.\n", encoding="utf-8")
    content, made, _ = build(project, pages=("a.md", "b.md", "c.md"), rendered=kept)
    assert content == '<h1 id="a">A</h1>\n<p>Nieuw.</p>' and made == ["a.md"]


def test_other_settings_render_again(project):
    build(project)
    content, _, _ = build(project, extensions=("toc", "attr_list"))
    assert content.startswith('<h1 id="a">A</h1>')
    (project / "docs" / "a.md").write_text("# A {: #eigen }\n", encoding="utf-8")
    assert build(project, extensions=("toc", "attr_list"))[0] == '<h1 id="eigen">A</h1>'
    assert build(project, extensions=("toc",))[0] == '<h1 id="a-eigen">A {: #eigen }</h1>'


def test_an_extension_that_reads_other_files_keeps_nothing(project, monkeypatch):
    (project / "docs" / "a.md").write_text("--8<-- \"stuk.txt\"\n", encoding="utf-8")
    (project / "stuk.txt").write_text("Eerste versie.\n", encoding="utf-8")
    snippets = ("pymdownx.snippets",)
    monkeypatch.chdir(project)  # snippets reads from the working folder
    assert "Eerste versie." in build(project, extensions=snippets)[0]
    (project / "stuk.txt").write_text("Tweede versie.\n", encoding="utf-8")
    assert "Tweede versie." in build(project, extensions=snippets)[0]


def test_a_quiet_or_draft_render_does_not_silence_a_later_strict_build(project):
    """A `-q` build logs no warnings, a draft's broken links are information: neither is what a later build says."""
    build(project, level=logging.ERROR)
    said = build(project)[2]
    assert [line for line in said if line.startswith("WARNING") and "c.md" in line]
    build(project, draft=True)
    said = build(project)[2]
    assert [line for line in said if line.startswith("WARNING") and "c.md" in line]


def test_what_other_threads_or_the_engines_own_logger_say_is_kept_apart(project):
    """Said again is only what this page's render said, also under ProperDocs' logger (which does not pass records on)."""
    import threading

    from wegwijzer.plugins.catalogus.rendered import _Said

    properdocs = logging.getLogger("properdocs.structure.pages")
    logging.getLogger("properdocs").propagate = False
    try:
        with _Said() as said:
            properdocs.warning("link naar 'c.md' vindt niets")
            other = threading.Thread(target=lambda: logging.getLogger("mkdocs.livereload").warning("een andere draad"))
            other.start()
            other.join()
    finally:
        logging.getLogger("properdocs").propagate = True
    assert said.records == [("properdocs.structure.pages", logging.WARNING, "link naar 'c.md' vindt niets")]


def eigen_slug(value, separator):
    return "eigen-" + value.lower()


def test_a_function_of_ones_own_in_the_settings_keeps_nothing(project):
    """Its code can change while its name stays: every page is rendered again."""
    extensions = lambda: [{"toc": {"slugify": eigen_slug}}]  # MkDocs takes the settings out of what it is given
    assert build(project, extensions=extensions())[0].startswith('<h1 id="eigen-a">')
    assert build(project, extensions=extensions())[1] == ["a.md", "b.md"]


def test_a_damaged_cache_file_is_read_past(project):
    first, _, _ = build(project)
    for kept in (project / "cache" / "wegwijzer" / "html").iterdir():
        kept.write_bytes(kept.read_bytes()[:100])
    again, made, _ = build(project)
    assert again == first and "a.md" in made


def site_of(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        place = folder / name / "index.html"
        place.parent.mkdir(parents=True, exist_ok=True)
        place.write_text(f'<!doctype html><html lang="nl"><head><title>{name}</title></head><body>'
                         f'<article class="md-content__inner"><h1>{name}</h1><p>{text}</p></article></body></html>', encoding="utf-8")
    return folder


def test_the_search_index_of_the_same_pages_is_kept(project, monkeypatch):
    runs = []
    real = search_index.subprocess.run
    monkeypatch.setattr(search_index.subprocess, "run", lambda *a, **k: runs.append(1) or real(*a, **k))
    one = site_of(project / "een", {"werkdruk": "Taken verdelen", "rust": "Pauzes nemen"})
    assert search_index.index(str(one), True).returncode == 0
    two = site_of(project / "twee", {"werkdruk": "Taken verdelen", "rust": "Pauzes nemen"})
    assert search_index.index(str(two), True).returncode == 0
    assert len(runs) == 1  # the same pages in another folder: the kept index
    names = lambda site: sorted(str(p.relative_to(site)) for p in (site / "pagefind").rglob("*"))
    assert names(two) == names(one) and (two / "pagefind" / "pagefind.js").is_file()
    three = site_of(project / "drie", {"werkdruk": "Taken anders verdelen", "rust": "Pauzes nemen"})
    assert search_index.index(str(three), True).returncode == 0
    assert len(runs) == 2  # one word changed: Pagefind runs


def test_indexing_one_folder_again_and_again_leaves_every_kept_index_whole(project):
    """The preview indexes into the same folder after every save; a save undone gets a kept index that works."""
    import json

    site = project / "site"
    for text in ("Taken verdelen", "Taken anders verdelen", "Taken verdelen"):
        site_of(site, {"werkdruk": text})
        assert search_index.index(str(site), True).returncode == 0
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        for language in entry["languages"].values():
            assert (site / "pagefind" / f"pagefind.{language['hash']}.pf_meta").is_file()


def test_a_framed_page_whose_frame_alone_changed_keeps_the_html_of_its_markdown(project):
    """A page with an HTML frame (a list of cards): a new title is in its frame, not in its Markdown pieces.
    Its pieces are not rendered again (1,000 of them on the list of all knelpunten), yet the page shows
    the new frame; a changed piece is rendered again."""
    import jinja2

    from wegwijzer.pages.stukken import filters, maak
    from wegwijzer.plugins.catalogus.framed import FramedPage

    env = jinja2.Environment(autoescape=True)
    filters(env)
    template = env.from_string('<ul><li><a href="#">{{ titel }}</a> {% filter md_regel %}{{ zin }}{% endfilter %}</li></ul>')

    def render(titel: str, zin: str, kept: Rendered) -> tuple[str, list[str]]:
        config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
        config.load_dict({"site_name": "Gids", "docs_dir": str(project / "docs"), "site_dir": str(project / "site")})
        assert config.validate()[0] == []
        kept.start(config)
        made = maak(template, titel=titel, zin=zin)
        (project / "docs" / "lijst.md").write_text(made.markdown, encoding="utf-8")
        file = File("lijst.md", config.docs_dir, config.site_dir, True)
        files = Files([file])
        page = FramedPage(file, config, made)
        converted = []
        real = Page.render
        Page.render = lambda page, config, files: (converted.append(page.file.src_uri), real(page, config, files))[1]
        try:
            kept.wrap(page)
            page.markdown, page.meta = made.markdown, {}  # as read_source gives it
            page.render(config, files)
        finally:
            Page.render = real
        kept.built(previewing=False)
        return page.content, converted

    kept = Rendered()
    first, converted = render("Oude titel", "Een **zin**.", kept)
    assert first == '<ul><li><a href="#">Oude titel</a> Een <strong>zin</strong>.</li></ul>' and converted == ["lijst.md"]
    again, converted = render("Nieuwe titel", "Een **zin**.", kept)
    assert again == '<ul><li><a href="#">Nieuwe titel</a> Een <strong>zin</strong>.</li></ul>' and converted == []
    again, converted = render("Nieuwe titel", "Een *andere* zin.", kept)
    assert again == '<ul><li><a href="#">Nieuwe titel</a> Een <em>andere</em> zin.</li></ul>' and converted == ["lijst.md"]
    again, converted = render("Nieuwe titel", "Een *andere* zin.", Rendered())  # a new process: from the cache folder
    assert again == '<ul><li><a href="#">Nieuwe titel</a> Een <em>andere</em> zin.</li></ul>' and converted == []
