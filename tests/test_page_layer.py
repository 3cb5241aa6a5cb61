"""The page layer (wegwijzer.pages) makes every generated page without MkDocs.

MkDocs 1.x is unmaintained and Material reaches its end of life in May 2027: the
pages must not depend on either, so another engine can take them
(docs/ontwikkelaars.md). These tests run the layer with MkDocs made impossible to
import, and check that the URLs it works out itself are the ones MkDocs makes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest
import yaml
from conftest import ROOT
from test_paginainfo import Tree, text

from wegwijzer.pages.routes import relative_url, site_url

#: Runs in a fresh interpreter in which `import mkdocs` fails, as where it is not installed.
WITHOUT_MKDOCS = textwrap.dedent("""
    import importlib.abc, json, sys

    class NoMkDocs(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "mkdocs" or name.startswith("mkdocs."):
                raise ModuleNotFoundError(f"No module named {name!r}")
            return None

    sys.meta_path.insert(0, NoMkDocs())
    from wegwijzer.catalogus import load_catalogus
    from wegwijzer.pages.generated import environment, page_specs, render
    from wegwijzer.pages.leesroutes import leesroutes, voor_javascript
    from wegwijzer.pages.routes import path_of, site_url
    from wegwijzer.printing.documents import Renderer, documents, link_text, print_pages
    from wegwijzer.printing.pdf import document_html
    from wegwijzer.pages.tooldata import data_files
    import wegwijzer.search_index  # the Pagefind run after a build

    import markdown

    catalogus = load_catalogus(sys.argv[1])
    specs = list(page_specs(catalogus))
    env = environment()
    pages = {spec.src_uri: render(env, spec, catalogus) for spec in specs}
    routes = voor_javascript(leesroutes(catalogus, lambda path: True), lambda path: site_url(path, True))
    # an HTML frame takes the HTML of its Markdown from any Python-Markdown, as another engine would give it
    framed = {uri: page.vul(markdown.markdown(page.markdown.split("---", 2)[2], extensions=["toc"]))
              for uri, page in pages.items() if page.frame is not None}
    # what is printed: every document's HTML, as the print plugin and `wegwijzer dossier` make it
    renderer = Renderer(catalogus, lambda link, entry: link_text(link, entry))
    printed = {d.slug: document_html(d, catalogus, renderer) for d in documents(catalogus)}
    print(json.dumps({
        "printed": {slug: len(html) for slug, html in printed.items()},
        "tool_data": sorted(data_files(catalogus, lambda kind, entry: site_url(path_of(kind, entry), True))),
        "dossier": printed.get("toetsingsdossier", ""),
        "pages": {uri: page.markdown[:400] for uri, page in pages.items()},
        "framed": framed,
        "routes": routes,
        # the catalogus files each page is made of, as its maker names them (for "Laatst gewijzigd")
        "bronnen": {**{spec.src_uri: spec.bronnen for spec in specs},
                    **{page.src_uri: page.bronnen for page in print_pages(catalogus)}},
        "lagen": catalogus.lagen,
        "mkdocs_loaded": [name for name in sys.modules if name.split(".")[0] in ("mkdocs", "material")],
    }))
""")


@pytest.fixture(scope="module")
def without_mkdocs():
    result = subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS, str(ROOT / "catalogus")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_every_generated_page_is_made_without_mkdocs(without_mkdocs, example_site):
    pages = without_mkdocs["pages"]
    assert without_mkdocs["mkdocs_loaded"] == []
    # every page the build makes from the catalogus, no more and no fewer
    built = {path.relative_to(example_site).as_posix() for path in example_site.rglob("index.html")}
    for uri in pages:
        assert site_url(uri, True) + "index.html" in built, uri
    assert len(pages) > 60
    # each with its title as a heading, and the catalogus' own words in it
    for uri, text in pages.items():
        assert text.lstrip().startswith(("# ", "---", "{", "<")) or "\n# " in text, uri
    assert "Tijdsdruk" in pages["werkdrukmodel/tijdsdruk.md"]


def test_a_knelpunt_page_is_html_with_its_text_from_markdown_without_mkdocs(without_mkdocs):
    """The pages a guide has by the thousand are HTML the page layer writes (pages/stukken.py);
    only their text is Markdown, which any engine's Python-Markdown turns into HTML."""
    knelpunt = yaml.safe_load((ROOT / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml").read_text(encoding="utf-8"))
    framed = without_mkdocs["framed"]
    assert len(framed) >= 80 and set(framed) >= {"knelpunten/lawaai-op-de-groep.md", "oplossingen/invalpool-in-de-regio.md"}
    html = framed["knelpunten/lawaai-op-de-groep.md"]
    assert "<!--ww-stuk" not in html  # every piece found its place
    page = Tree(html)
    assert [text(h) for h in page.find("h1")] == [knelpunt["titel"]]
    signalen = page.find("ul")[0]  # the first list, under "Zo herken je het"
    assert [text(li) for li in page.find("li") if li["parents"][-1] is signalen] == [" ".join(s.split()) for s in knelpunt["signalen"]]
    cards = page.find("li", "ww-kaart")
    assert len(cards) == len(knelpunt["oplossingen"])
    for card in cards:
        inside = [e for e in page.elements if card in e["parents"]]
        assert [(e["tag"], e["attrs"].get("class")) for e in inside if e["parents"][-1] is card] == [("h3", "ww-kaart__titel"), ("p", "ww-kaart__labels")]
    assert text(page.find("p", "ww-label")[0]).startswith("Factor: ")


def test_what_is_printed_and_the_tools_data_are_made_without_mkdocs(without_mkdocs):
    """The documents behind the PDFs (printing/) and the tools' data (pages/tooldata.py) are plain
    functions of the model: the plugins call them in a build, `wegwijzer dossier` without one,
    another engine the same way; the search index is one of the site folder (search_index.py)."""
    printed = without_mkdocs["printed"]
    assert without_mkdocs["mkdocs_loaded"] == []
    assert {"werksessie-kit", "checklists-stap-1", "toetsingsdossier"} <= set(printed) and all(size > 500 for size in printed.values()), printed
    assert "Arbobesluit art. 2.15" in without_mkdocs["dossier"]  # the provision the measures fill in
    # and the browser tools' data files, from the same model
    assert {"data/scan.json", "data/plan.json", "data/versies.json"} <= set(without_mkdocs["tool_data"])


def test_the_reading_routes_are_made_without_mkdocs(without_mkdocs):
    routes = without_mkdocs["routes"]
    assert list(routes) == ["mkb", "hr", "werknemer"]
    assert [halte["url"] for halte in routes["mkb"]["haltes"]][:2] == ["mkb/", "mkb/stap-1/"]


PATHS = ["index.md", "README.md", "a.md", "a/index.md", "a/b.md", "a/README.md", "a/b.markdown", "a/b.MD",
         "werkdrukmodel/index.md#tijdsdruk", "pagina met spatie.md", "data/scan.json", "assets/x.css", "a/b.c.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_urls_are_the_ones_mkdocs_makes(directory_urls):
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    def mkdocs_url(target):
        path, _, anchor = target.partition("#")
        url = File(path, src_dir=None, dest_dir="", use_directory_urls=directory_urls).url
        return f"{url}#{anchor}" if anchor else url

    for path in PATHS:
        assert site_url(path, directory_urls) == mkdocs_url(path), path
    urls = [site_url(path.partition("#")[0], directory_urls) for path in PATHS] + ["", "/", "a/../b/", "../x/", "a/b/c.html"]
    for url in urls:
        for other in urls:
            assert relative_url(url, other) == get_relative_url(url, other), (url, other)


#: Pages of the example and the kind a searcher filters them by, written down by hand.
SEARCH_KINDS = {
    "knelpunten/agressie-van-klanten/index.html": "Knelpunt",
    "oplossingen/omgaan-met-agressie/index.html": "Oplossing",
    "werkdrukmodel/index.html": "Werkdrukmodel",
    "stappen/stap-1/index.html": "Uitgebreide route",
    "mkb/stap-2/index.html": "Korte route",
    "scan/index.html": "Hulpmiddel",
    "scan/team/index.html": "Hulpmiddel",
    "plan/index.html": "Hulpmiddel",
    "werksessie/index.html": "Werksessie",
    "checklists/stap-1/index.html": "Checklist",
    "index.html": "Pagina",
    "werknemer/index.html": "Pagina",
}


@pytest.mark.parametrize("path", sorted(SEARCH_KINDS))
def test_every_page_is_filed_under_the_kind_a_searcher_filters_on(example_site, path):
    html = (example_site / path).read_text(encoding="utf-8")
    assert f'data-pagefind-filter="Soort:{SEARCH_KINDS[path]}"' in html


def test_the_browser_tools_find_their_pages_by_the_table_of_routes(example_site):
    """Every page tells the scripts where the scan, team result and planhulp are, and the pattern of
    a knelpunt's and an oplossing's address (#ww-paden, from pages/routes.py): each leads to a page."""
    html = (example_site / "oplossingen" / "invalpool-in-de-regio" / "index.html").read_text(encoding="utf-8")
    paden = json.loads(re.search(r'<script id="ww-paden" type="application/json">(.*?)</script>', html).group(1))
    assert set(paden) == {"werkdrukscan", "teamuitslag", "planhulp", "knelpunt", "oplossing", "paginanamen"}
    for naam in ("werkdrukscan", "teamuitslag", "planhulp"):
        assert (example_site / paden[naam] / "index.html").is_file(), naam
    assert (example_site / paden["knelpunt"].format(id="lawaai-op-de-groep") / "index.html").is_file()
    assert (example_site / paden["oplossing"].format(id="invalpool-in-de-regio") / "index.html").is_file()
    # the site's own pages beside the entries' (the list of all is made above LIJST_MAX entries): no entry's id
    assert (example_site / paden["knelpunt"].format(id="index").replace("index/", "") / "index.html").is_file()
    assert set(paden["paginanamen"]) == {"index", "alle"}


def test_every_page_names_catalogus_files_it_is_made_of_that_exist(without_mkdocs):
    """"Laatst gewijzigd" under a page is the newest change of the files its maker names: a wrong
    folder or file name there would leave a page without a date, or with a stale one."""
    from pathlib import Path

    bronnen, lagen = without_mkdocs["bronnen"], [Path(laag) for laag in without_mkdocs["lagen"]]
    from wegwijzer.catalogus import normen
    from wegwijzer.catalogus.loader import SINGLE_FILES

    # an entry's file is there; a file of the catalogus itself may be left out (normen.yml: only a sector's own provisions)
    missing = {uri: naam for uri, namen in bronnen.items() for naam in namen
               if not any((laag / naam).is_file() for laag in lagen) and ("/" in naam or naam not in {*SINGLE_FILES, normen.FILE_NAME})}
    assert missing == {}
    without = sorted(uri for uri, namen in bronnen.items() if not namen)
    assert without == ["werksessie/plan-van-aanpak.md"], without  # a blank form: made of no catalogus text
    for uri, namen in bronnen.items():
        kind, _, rest = uri.partition("/")
        if kind in ("knelpunten", "oplossingen") and rest not in ("index.md", "alle/index.md"):
            assert f"{kind}/{rest.removesuffix('.md')}.yml" in namen, uri


def test_a_generated_pages_canonical_url_is_the_one_mkdocs_makes():
    """framed.py makes it without urljoin for plain addresses; for every other, MkDocs' own is used."""
    from urllib.parse import urljoin, urlsplit

    from wegwijzer.plugins.catalogus.framed import canonical

    bases = ["https://example.org/", "https://example.org", "http://example.org/gids/", "https://example.org/a/b",
             "https://example.org/a/../b/", "https://example.org/?q=1", "https://user@example.org:8080/x/",
             "http://127.0.0.1:8000/", "https://example.org/a%20b/", None, ""]
    urls = ["", "knelpunten/", "knelpunten/x/", "a/index.html", "../x/", "./x/", "/x/", "a/./b/", "x?y", "x#y",
            "mailto:x", "a/.b/", "caf%C3%A9/", "a b/", "a\\\\b/"]
    for base in bases:
        for url in urls:
            found = canonical(base, url)
            if found is None:
                continue
            full = base if base.endswith("/") else base + "/"
            assert found == (urljoin(full, url), urlsplit(urljoin(full, url)).path), (base, url)
    assert canonical("https://example.org/", "knelpunten/x/") is not None  # the plain case is the fast one
