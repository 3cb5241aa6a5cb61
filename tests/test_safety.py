"""Nothing an editor writes can run code in a reader's browser or make it fetch from elsewhere."""

from __future__ import annotations

import subprocess
from urllib.parse import urlparse

import pytest

from conftest import copy_project, mkdocs_build, search_results_shown, serve_folder, watched_tab
from test_hostile import harmful
from test_validation import MINIMAL_KNELPUNT, problems_of
from wegwijzer.catalogus.safety import unsafe_targets


@pytest.mark.parametrize(
    "text, scheme",
    [
        ("[klik](javascript:alert(1))", "javascript"),
        ("[klik](JavaScript:alert(1))", "javascript"),
        ("[klik](java&#115;cript:alert(1))", "javascript"),
        ("[klik](&#106;avascript:alert(1))", "javascript"),
        ("[klik]( <javascript:alert(1)>)", "javascript"),
        ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "data"),
        ("[klik](vbscript:msgbox)", "vbscript"),
        ("[klik](file:///etc/passwd)", "file"),
        ("Zie <javascript:alert(1)>.", "javascript"),
        ("[x]: javascript:alert(1)\n\nZie [x].", "javascript"),
    ],
)
def test_unsafe_link_schemes_are_refused(text, scheme):
    [found] = list(unsafe_targets(text))
    assert found.message == f"een link naar '{scheme}:' is niet toegestaan"


@pytest.mark.parametrize("text", ["![plaatje](https://elders.example/p.png)", "![plaatje](//elders.example/p.png)"])
def test_images_from_other_websites_are_refused(text):
    [found] = list(unsafe_targets(text))
    assert "afbeelding van een andere website" in found.message


@pytest.mark.parametrize(
    "text",
    ["[site](https://www.arboportaal.nl/)", "[mail](mailto:werkdruk@example.org)", "[pagina](../knelpunten/)",
     "[[oplossing:stille-uren|rust]]", "![schema](../assets/model.png)", "Een dubbele punt: gewoon tekst."],
)
def test_safe_targets_pass(text):
    assert list(unsafe_targets(text)) == []


def test_the_loader_names_file_line_and_column_of_an_unsafe_link(make_catalogus):
    text = MINIMAL_KNELPUNT.replace("omschrijving: Op vaste momenten is het te druk.", "omschrijving: |\n  Druk.\n  Zie [dit](javascript:alert(1)).")
    root = make_catalogus({"knelpunten/piekdrukte.yml": text})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:5:13: omschrijving: een link naar 'javascript:' is niet toegestaan "
        "(gebruik een webadres (https://...), een e-mailadres (mailto:...) of een [[soort:id]]-link)"
    ]


INJECTIE = {
    "knelpunten/injectie.yml": """\
titel: <img src=x onerror="window.__xss='titel'"> & "aanhalingstekens"
factor: tijdsdruk
omschrijving: |
  <script>window.__xss='script'</script> Tekst met <iframe src="https://evil.example/frame"></iframe>
  en <a href="javascript:window.__xss='a'">een link</a> en **vet**.
signalen:
  - </li><script>window.__xss='signaal'</script>
oplossingen: [stille-uren, injectie-oplossing]
""",
    "oplossingen/injectie-oplossing.yml": """\
titel: '"><svg onload="window.__xss=''attr''">'
omschrijving: |
  Zie [[knelpunt:injectie|<b onmouseover="window.__xss='label'">hier</b>]] en [veilig](https://example.org/).
aanpak: bron
niveau: [team]
termijn: kort
kosten: laag
invoeren: ['<img src="https://evil.example/pixel.png">']
grondslag: [arbowet 3 lid 2]
""",
    "praktijk/injectie-citaat.yml": "citaat: </blockquote><script>window.__xss='citaat'</script>\nwie: <b>Iemand</b>\n",
}


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("injectie"), pdfs=True)  # its PDFs are checked too
    for name, text in INJECTIE.items():
        (project / "catalogus" / name).write_text(text, encoding="utf-8")
    info = project / "catalogus" / "catalogus.yml"
    text = info.read_text(encoding="utf-8").replace("titel: Werkdruk Wegwijzer Kinderopvang", "titel: \"Gids </title><script>window.__xss='gids'</script>\"")
    info.write_text(text, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", project / "site", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_injection_attempts_stay_text_in_the_browser(injected_site, browser):
    with serve_folder(injected_site) as base:
        _look_for_injections(browser, base)


def _look_for_injections(browser, base):
    with watched_tab(browser) as (page, requests, dialogs):
        for url in ["/knelpunten/injectie/", "/knelpunten/", "/oplossingen/injectie-oplossing/", "/oplossingen/",
                    "/praktijk/", "/werkdrukmodel/tijdsdruk/", "/", "/werksessie/prioriteren/"]:
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__xss") is None, url
        page.goto(base + "/knelpunten/injectie/")
        assert page.locator("h1").inner_text().startswith('<img src=x onerror="window.__xss=\'titel\'"> & "aanhalingstekens"')
        assert "<script>window.__xss='script'</script>" in page.locator("article").inner_text()
        page.goto(base + "/plan/")
        page.get_by_label("Of kies zelf een knelpunt").select_option("injectie")
        page.get_by_role("button", name="Toevoegen").click()
        page.locator(".ww-plan__knelpunten input[value='injectie-oplossing']").check()
        assert page.evaluate("window.__xss") is None
        # search: the index holds the titles as text, and showing them runs nothing
        page.goto(base + "/")
        page.locator(".ww-zoekknop").click()
        page.locator(".pagefind-ui__search-input").fill("img src")
        search_results_shown(page)  # every result's fragment fetched and shown
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
        assert {urlparse(u).netloc for u in requests} == {urlparse(base).netloc}


def test_injection_attempts_stay_text_in_the_pdfs_and_data(injected_site):
    text = subprocess.run(["pdftotext", str(injected_site / "pdf" / "werksessie-kit.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert '<img src=x onerror="window.__xss=\'titel\'">' in " ".join(text.split())
    css = (injected_site / "assets" / "stylesheets" / "huisstijl.css").read_text(encoding="utf-8")
    assert "</title>" not in css and "<script" not in css  # the guide's name lands in a CSS string, escaped
    html = (injected_site / "knelpunten" / "injectie" / "index.html").read_text(encoding="utf-8")
    assert harmful(html) == []  # parsed: the attacks are text, not elements or attributes
    assert "&lt;script&gt;window.__xss" in html and "&lt;iframe" in html
