"""The built example guide: a page for every entry, every link resolving, no foreign requests."""

from __future__ import annotations

import re

from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from wegwijzer.catalogus import load_catalogus


@pytest.fixture(scope="module")
def catalogus():
    return load_catalogus(ROOT / "catalogus")


class _Page(HTMLParser):
    """Collects what a browser would follow or fetch, and the anchors a page offers."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.fetches.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.fetches.append(attrs["href"])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_for(site: Path, url_path: str) -> Path:
    return site / url_path.strip("/") / "index.html"


def test_every_entry_has_a_page(example_site, catalogus):
    expected = ["stappen", "werkdrukmodel", "knelpunten", "oplossingen", "werksessie", "instrumenten", "praktijk"]
    expected += [f"stappen/stap-{s.nummer}" for s in catalogus.stappen]
    expected += [f"stappen/stap-{s.stap.nummer}/{s.id}" for s in catalogus.substappen]
    expected += [f"knelpunten/{k}" for k in catalogus.knelpunten]
    expected += [f"oplossingen/{o}" for o in catalogus.oplossingen]
    expected += [f"werkdrukmodel/{f.id}" for f in catalogus.factoren]
    missing = [url for url in expected if not page_for(example_site, url).is_file()]
    assert not missing
    assert len(expected) > 130


def test_every_internal_link_resolves(example_site):
    pages = {path: parse(path) for path in example_site.rglob("*.html")}
    broken = []
    checked = 0
    for path, page in pages.items():
        base = "/" + path.relative_to(example_site).as_posix()
        for href in page.links:
            url = urlparse(urljoin(base, href))
            if url.scheme or url.netloc:
                continue  # external: not ours to check offline
            target = example_site / unquote(url.path).lstrip("/")
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{base}: {href}")
            elif url.fragment and target.suffix == ".html" and url.fragment not in pages[target].ids:
                broken.append(f"{base}: {href} (anker ontbreekt)")
            checked += 1
    assert not broken
    assert checked > 5000


class _Menu(HTMLParser):
    """The links of the site menu (Material's primary navigation) and which one is marked current."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside the menu: how many <nav> elements deep
        self.links: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (attrs.get("class") or "")):
            self.depth += 1
        elif self.depth and tag == "a" and attrs.get("href") and not attrs["href"].startswith("#"):
            self.links.append(attrs["href"])
            if "md-nav__link--active" in (attrs.get("class") or ""):
                self.current.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def test_the_menu_leads_to_the_same_pages_from_every_page(example_site):
    """The menu is rendered once per folder for the pages that are not in it (kept_nav.py):
    from every page its links lead to the same pages, and it marks the page you are on only
    when that page is in the menu."""
    places, current = {}, {}
    for path in sorted(example_site.rglob("index.html")):
        menu = _Menu()
        menu.feed(path.read_text(encoding="utf-8"))
        base = "/" + path.relative_to(example_site).as_posix()
        if base == "/admin/index.html":
            continue  # the editor's own page, without the site around it
        places[base] = tuple(urljoin(base, href) for href in menu.links)
        current[base] = [urljoin(base, href) for href in menu.current]
    assert len(places) > 130
    assert len(set(places.values())) == 1, "het menu leidt niet overal naar dezelfde pagina's"
    in_menu = set(next(iter(places.values())))
    for base, marked in current.items():
        page = base.removesuffix("index.html")
        assert marked == ([page] if page in in_menu else []), base
    assert "/knelpunten/" in in_menu and not any(url.startswith("/knelpunten/") and url != "/knelpunten/" for url in in_menu)


def test_a_menu_an_organisation_made_its_own_is_rendered_for_every_page(tmp_path, catalogus):
    """A menu template in overrides/ may show something of the page: then no page gets another's menu."""
    project = copy_project(tmp_path)
    logo = project / "overrides" / "partials" / "logo.html"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_text('<span class="eigen-logo">{{ page.title }}</span>\n', encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    for knelpunt in list(catalogus.knelpunten.values())[:3]:
        html = page_for(site, f"knelpunten/{knelpunt.id}").read_text(encoding="utf-8")
        menu = html[html.index('class="md-nav md-nav--primary"'):]
        assert menu.startswith('class="md-nav md-nav--primary"')
        assert f'<span class="eigen-logo">{escape(knelpunt.titel)}' in menu[:menu.index("</label>")]


def test_a_title_the_menu_gives_a_generated_page_is_its_title(tmp_path):
    """`- Wat speelt er?: knelpunten/index.md` in nav: the menu says so, as for any page MkDocs reads itself
    (the page layer hands the generated pages over as pages of their own: framed.nav_titles)."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in (("  - Knelpunten: knelpunten/index.md", "  - Wat speelt er?: knelpunten/index.md"),
                     ("  - Wat is werkdruk?: werkdrukmodel/index.md", "  - Het model: werkdrukmodel/index.md")):
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    menu = html[html.index('class="md-nav md-nav--primary"'):]
    for title, href in (("Wat speelt er?", "knelpunten/"), ("Het model", "werkdrukmodel/")):
        assert re.search(rf'<a href="{href}" class="md-nav__link">(?:(?!</a>).)*?<span class="md-ellipsis">\s*{re.escape(title)}\s*</span>', menu, re.S), title


def test_no_request_to_another_origin(example_site):
    foreign = []
    for path in example_site.rglob("*.html"):
        foreign += [f"{path.name}: {src}" for src in parse(path).fetches if urlparse(src).netloc]
    for css in example_site.rglob("*.css"):
        if "fonts.googleapis" in css.read_text(encoding="utf-8"):
            foreign.append(str(css))
    assert not foreign


def test_references_link_both_ways(example_site, catalogus):
    knelpunt = max(catalogus.knelpunten.values(), key=lambda k: len(k.oplossingen))
    oplossing = knelpunt.oplossingen[-1]
    knelpunt_page = parse(page_for(example_site, f"knelpunten/{knelpunt.id}"))
    oplossing_page = parse(page_for(example_site, f"oplossingen/{oplossing.id}"))
    factor_page = parse(page_for(example_site, f"werkdrukmodel/{knelpunt.factor.id}"))
    assert f"../../oplossingen/{oplossing.id}/" in knelpunt_page.links
    assert f"../../knelpunten/{knelpunt.id}/" in oplossing_page.links  # derived, never typed
    assert f"../../knelpunten/{knelpunt.id}/" in factor_page.links
    assert f"../../werkdrukmodel/{knelpunt.factor.id}/" in knelpunt_page.links


def test_links_in_hand_written_pages_get_the_entry_title(example_site, catalogus):
    html = page_for(example_site, "ontwikkelingen").read_text(encoding="utf-8")
    titel = catalogus.oplossingen["mantelzorgbeleid"].titel
    assert f'href="../oplossingen/mantelzorgbeleid/">{titel}</a>' in html
    assert "[[" not in html


def test_navigation_stays_small(example_site, catalogus):
    """Every page carries the whole navigation; it must not list each knelpunt."""
    html = page_for(example_site, "knelpunten").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>", html.index('<nav class="md-nav md-nav--primary"'))]
    assert nav.count("md-nav__link") < 40
    assert not any(f"/knelpunten/{k}/" in nav for k in catalogus.knelpunten)


def test_broken_catalogus_stops_the_build_with_dutch_errors(tmp_path):
    project = copy_project(tmp_path)
    knelpunt = next((project / "catalogus" / "knelpunten").glob("*.yml"))
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factor:", "factr:", 1), encoding="utf-8")
    oplossing = next((project / "catalogus" / "oplossingen").glob("*.yml"))
    text = oplossing.read_text(encoding="utf-8")
    oplossing.write_text(text.replace("kosten: ", "kosten: gratis-", 1), encoding="utf-8")
    site = project / "site"

    result = mkdocs_build(project / "mkdocs.yml", site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "De catalogus bevat 3 fouten" in result.stderr
    line = next(i for i, text in enumerate(knelpunt.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("factr:"))
    assert f"catalogus/knelpunten/{knelpunt.name}:{line}:1: factr: onbekend veld 'factr' (bedoelde je 'factor'?)" in result.stderr
    assert f"catalogus/oplossingen/{oplossing.name}" in result.stderr
    assert not site.exists()


def test_broken_link_in_a_content_page_names_the_page(tmp_path):
    project = copy_project(tmp_path)
    (project / "content" / "extra.md").write_text("# Extra\n\nZie\n[[knelpunt:bestaat-niet]].\n", encoding="utf-8")

    result = mkdocs_build(project / "mkdocs.yml", project / "site")

    assert result.returncode == 1
    assert "content/extra.md:4:1: link naar onbekende knelpunt 'bestaat-niet'" in result.stderr
    assert "Traceback" not in result.stderr


def test_reading_time_of_the_mkb_route_is_shown_and_guarded(tmp_path, example_site):
    from wegwijzer.catalogus.leestijd import mkb_leestijd

    words, minutes = mkb_leestijd(load_catalogus(ROOT / "catalogus"))
    html = page_for(example_site, "mkb").read_text(encoding="utf-8")
    # counted from the five step pages as rendered (test_paginainfo.py): at least the MKB texts themselves
    shown = re.search(r"Leestijd van de hele route: ongeveer (\d+) minuten \(([\d.]+) woorden\)", html)
    assert shown and int(shown.group(1)) >= minutes and int(shown.group(2).replace(".", "")) >= words

    project = copy_project(tmp_path)
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8").replace("mkb_leestijd_max: 10", "mkb_leestijd_max: 1"), encoding="utf-8")
    loose = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert loose.returncode == 0
    assert f"de MKB-route kost ongeveer {minutes} minuten om te lezen" in loose.stderr
    strict = mkdocs_build(project / "mkdocs.yml", project / "site-strict", "--strict")
    assert strict.returncode == 1


def test_name_colour_and_logo_come_from_the_catalogus(tmp_path):
    project = copy_project(tmp_path)
    info = project / "catalogus" / "catalogus.yml"
    text = re.sub(r"(?m)^titel: .*$", "titel: Werkdruk Wegwijzer Kinderopvang", info.read_text(encoding="utf-8"))
    info.write_text(text + "huisstijl:\n  kleur: '#7b1fa2'\n  logo: assets/logo.svg\n", encoding="utf-8")
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")

    result = mkdocs_build(project / "mkdocs.yml", project / "site")

    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Is de Wegwijzer iets voor mij? - Werkdruk Wegwijzer Kinderopvang</title>" in html
    assert 'src="assets/logo.svg"' in html
    assert "--md-primary-fg-color: #7b1fa2;" in (project / "site" / "assets" / "stylesheets" / "huisstijl.css").read_text()
    assert "Arbocatalogus van Voorbeeld Branchevereniging Kinderopvang (werkgeversorganisatie)" in html


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    site = project / "site"
    assert mkdocs_build(project / "mkdocs.yml", site, "--strict").returncode == 0
    before = _snapshot(site)

    # fails late: a changed page is written, then --strict aborts on the reading-time warning
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8").replace("mkb_leestijd_max: 10", "mkb_leestijd_max: 1"), encoding="utf-8")
    knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("De hele dag lawaai", "Nieuwe titel, lawaai"), encoding="utf-8")
    late = mkdocs_build(project / "mkdocs.yml", site, "--strict")
    assert late.returncode == 1
    assert _snapshot(site) == before

    # fails early: the catalogus itself is wrong
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factor:", "factr:"), encoding="utf-8")
    early = mkdocs_build(project / "mkdocs.yml", site)
    assert early.returncode == 1
    assert _snapshot(site) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []  # no leftovers

    # and a good build replaces it
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factr:", "factor:"), encoding="utf-8")
    assert mkdocs_build(project / "mkdocs.yml", site).returncode == 0
    assert "Nieuwe titel, lawaai op de groep" in (site / "knelpunten" / "lawaai-op-de-groep" / "index.html").read_text(encoding="utf-8")
