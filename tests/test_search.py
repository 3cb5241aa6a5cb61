"""Search (Pagefind): a visitor finds a knelpunt by the words of its text, an oplossing by
the words of its steps, with the keyboard alone, at any size of guide, fetching little."""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT, axe_violations, mkdocs_build, search_results_shown, serve_folder, without_pdfs

#: The full tier (tests/conftest.py): PDFs, the release or the large sites.
pytestmark = pytest.mark.volledig

sys.path.insert(0, str(ROOT / "bench"))
from genereer import genereer  # noqa: E402

WORD = re.compile(r"[a-zà-ÿ]{8,}")


def rare_word(site: Path, text: str) -> str:
    """The word of `text` that the fewest pages of `site` contain, so the page it is from must show."""
    pages = [p.read_text(encoding="utf-8").lower() for p in site.rglob("index.html")]
    counts = Counter({w: sum(w in page for page in pages) for w in set(WORD.findall(text.lower()))})
    return min(counts, key=lambda w: (counts[w], w))


def search(page, words: str) -> list[str]:
    box = page.locator(".pagefind-ui__search-input")
    if box.input_value() != words:  # not typed already
        box.fill(words)
    page.wait_for_function(  # "3 resultaten voor <words>": the results of this search, not the last one
        "w => /resulta/.test(document.querySelector('.pagefind-ui__message')?.textContent || '') && document.querySelector('.pagefind-ui__message').textContent.includes(w)",
        arg=words, timeout=15000)
    search_results_shown(page)
    for _ in range(5):  # "Meer resultaten laden", a few times at most
        if not page.locator(".pagefind-ui__button").is_visible():
            break
        page.locator(".pagefind-ui__button").click()
        search_results_shown(page)
    return page.locator(".pagefind-ui__result-link").all_inner_texts()


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    """A generated guide of 1,000 knelpunten (twice as many oplossingen), with one rare word in a
    knelpunt's text and one in an oplossing's steps; built and indexed. (The example guide, the
    daily size, is searched by the tests above; 100 knelpunten added nothing between the two.)"""
    n = 1000
    work = tmp_path_factory.mktemp(f"groot-{n}")
    project = without_pdfs(genereer(n, work / "gids"))
    knelpunt = project / "catalogus" / "knelpunten" / f"knelpunt-{n // 2:05d}.yml"
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("omschrijving: ", "omschrijving: De klokkenluidersregeling is onbekend. ", 1), encoding="utf-8")
    oplossing = project / "catalogus" / "oplossingen" / f"oplossing-{n + 34:05d}.yml"
    oplossing.write_text(oplossing.read_text(encoding="utf-8").replace("invoeren:\n- ", "invoeren:\n- Regel een parkeervergunning voor invallers. ", 1), encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", work / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site", knelpunt.stem, oplossing.stem


def open_search_with_keyboard(page) -> None:
    """Tab to the search button and press Enter, as someone without a mouse does."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ww-zoekknop')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-haspopup')") == "dialog"
    page.keyboard.press("Enter")
    page.locator(".pagefind-ui__search-input").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")


def test_every_result_excerpt_reads_as_separate_words(example_site):
    """What Pagefind shows under a result is the page's text as it stored it. Table cells
    written without a space between them came out as "MaatregelWieWanneer"."""
    glued = {}
    for fragment in (example_site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        page = json.loads(data[data.index(b"{"):])
        html = (example_site / page["url"].strip("/") / "index.html").read_text(encoding="utf-8")
        for word in re.findall(r"\w*[a-zà-ÿ][A-Z]\w*", page["content"]):
            if word not in html:  # "WhatsApp" in the text itself is no mistake
                glued[word] = page["url"]
    assert glued == {}


@pytest.mark.parametrize("width", [360, 1280])
def test_search_by_keyboard_finds_a_knelpunt_and_an_oplossing(open_page, server, example_site, width):
    knelpunt = yaml.safe_load((ROOT / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml").read_text(encoding="utf-8"))
    oplossing = yaml.safe_load((ROOT / "catalogus" / "oplossingen" / "invalpool-in-de-regio.yml").read_text(encoding="utf-8"))
    page = open_page(width)
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(server + "/oplossingen/")
    assert not [u for u in fetched if "/pagefind/" in u]  # nothing of search loads before it is used

    open_search_with_keyboard(page)

    assert knelpunt["titel"] in search(page, rare_word(example_site, knelpunt["omschrijving"]))
    titles = search(page, rare_word(example_site, " ".join(oplossing["invoeren"])))
    assert oplossing["titel"] in titles
    assert re.fullmatch(rf"{len(titles)} (resultaat|resultaten) voor \S+", page.locator("#ww-zoekstatus").inner_text())  # heard, not only seen
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []

    # filters read as words, one value each
    page.locator("#ww-zoeken summary", has_text="Aanpak").click()
    labels = [re.sub(r" \(\d+\)$", "", label) for label in page.locator(".pagefind-ui__filter-label").all_inner_texts() if label]
    assert "Bron aanpakken" in labels and "Belastbaarheid vergroten" in labels  # with the number of results each
    assert not [label for label in labels if re.search(r"[a-z][A-Z]", label)]

    page.keyboard.press("Escape")
    assert not page.locator("#ww-zoeken").evaluate("d => d.open")
    page.wait_for_function("document.activeElement.classList.contains('ww-zoekknop')")  # back where they were
    assert {urlparse(u).netloc for u in fetched} == {urlparse(server).netloc}


@pytest.mark.parametrize("width", [360, 1280])
def test_a_large_guide_finds_its_pages_and_fetches_small_index_files(open_page, big_site, width):
    site, knelpunt_id, oplossing_id = big_site
    with serve_folder(site) as base:
        page = open_page(width)
        sizes = {}

        def response(r):
            if "/pagefind/" in r.url and r.ok:
                sizes[r.url] = len(r.body())

        page.on("response", response)
        page.goto(base + "/")
        page.locator(".ww-zoekknop").wait_for()  # shown once its script runs
        open_search_with_keyboard(page)
        title = lambda kind, id_: re.search(r"<h1[^>]*>(.*?)<", (site / kind / id_ / "index.html").read_text(encoding="utf-8")).group(1).strip()  # noqa: E731
        page.keyboard.type("klokkenluidersregeling")
        assert search(page, "klokkenluidersregeling")[0] == title("knelpunten", knelpunt_id)
        page.keyboard.press("Control+A")
        page.keyboard.type("parkeervergunning")
        assert search(page, "parkeervergunning")[0] == title("oplossingen", oplossing_id)
        # the result reads as a title and an excerpt with the word, nothing glued together
        excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
        assert "parkeervergunning" in excerpt.lower() and not re.search(r"[a-z][A-Z]", excerpt)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []
        index_files = {u: n for u, n in sizes.items() if re.search(r"\.pf_(index|meta|fragment)$", u)}
        assert index_files and max(index_files.values()) <= 100_000, index_files
