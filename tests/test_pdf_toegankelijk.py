"""Accessible print: tagged PDFs (PDF/UA-1) whose bookmarks are their headings, and a checklist
printed from the browser with the visitor's own ticks."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

from playwright.sync_api import expect

import pytest

from conftest import ROOT

#: The full tier (tests/conftest.py): PDFs, the release or the large sites.
pytestmark = pytest.mark.volledig
from wegwijzer.catalogus import load_catalogus
from wegwijzer.printing import pdf as pdf_module
from wegwijzer.printing.documents import documents

catalogus = load_catalogus(ROOT / "catalogus")
INFO = catalogus.info
SESSIE = catalogus.werksessie
GROEPEN = catalogus.werkdrukmodel.groepen
DOCUMENTS = {d.slug: d for d in documents(catalogus)}


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def catalog_text(pdf: Path) -> bytes:
    """The PDF's bytes with every Flate stream inflated: its catalog sits in a compressed object stream."""
    data = pdf.read_bytes()
    parts = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[start.end():]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def outline(pdf: Path) -> list[tuple[str, list]]:
    """The bookmarks as a PDF reader shows them: [(title, [children...]), ...] (poppler's pdftohtml)."""
    xml = run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf))
    start, end = xml.find("<outline"), xml.rfind("</outline>")
    assert start != -1, f"{pdf.name} heeft geen bladwijzers"

    def tree(element) -> list[tuple[str, list]]:
        items = []
        for child in element:
            if child.tag == "item":
                items.append(("".join(child.itertext()).strip(), []))
            elif child.tag == "outline":
                items[-1][1].extend(tree(child))
        return items

    return tree(ET.fromstring(xml[start:end + len("</outline>")]))


def titles(items) -> list[str]:
    return [title for title, _ in items]


def heading_levels(pdf: Path) -> list[int]:
    """H1…H6 of the structure tree, in reading order."""
    return [int(level) for level in re.findall(r"^\s*H([1-6])\b", run("pdfinfo", "-struct", str(pdf)), flags=re.MULTILINE)]


def test_every_pdf_is_tagged_pdf_ua_with_its_title_and_dutch(example_site):
    pdfs = sorted((example_site / "pdf").glob("*.pdf"))
    assert {p.stem for p in pdfs} == set(DOCUMENTS)
    for pdf in pdfs:
        info = run("pdfinfo", str(pdf))
        assert re.search(r"^Tagged:\s+yes$", info, flags=re.MULTILINE), pdf.name
        assert re.search(r"^PDF version:\s+1\.7$", info, flags=re.MULTILINE), pdf.name
        title = re.search(r"^Title:\s+(.*)$", info, flags=re.MULTILINE).group(1)
        assert title == f"{DOCUMENTS[pdf.stem].titel} – {INFO.titel}", pdf.name  # the document's own title, no file name
        assert 'pdfuaid:part="1"' in run("pdfinfo", "-meta", str(pdf)), pdf.name
        catalog = catalog_text(pdf)
        assert b"/Lang (nl)" in catalog, pdf.name
        assert b"/DisplayDocTitle true" in catalog, pdf.name  # a reader's title bar shows the title, not the file name


def test_every_pdf_has_one_h1_first_and_no_skipped_heading_level(example_site):
    for pdf in sorted((example_site / "pdf").glob("*.pdf")):
        levels = heading_levels(pdf)
        assert levels[0] == 1 and levels.count(1) == 1, (pdf.name, levels[:5])
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (pdf.name, levels)


def test_bookmarks_are_the_documents_headings(example_site):
    folder = example_site / "pdf"

    def top(slug: str) -> tuple[str, list]:
        (root,) = outline(folder / f"{slug}.pdf")  # one h1: one top bookmark, the document's title
        assert root[0] == DOCUMENTS[slug].titel
        return root

    for stap in catalogus.stappen:
        _, substappen = top(f"checklists-stap-{stap.nummer}")
        assert titles(substappen) == [s.titel for s in stap.substappen]

    _, stappen = top("checklists")
    assert titles(stappen) == [f"Stap {s.nummer}: {s.titel}" for s in catalogus.stappen]
    assert titles(stappen[0][1]) == [s.titel for s in catalogus.stappen[0].substappen]

    _, hoofdstukken = top("hr-route")
    assert titles(hoofdstukken) == ["Inhoud"] + [f"Stap {s.nummer}: {s.titel}" for s in catalogus.stappen]
    eerste = catalogus.stappen[0]
    assert titles(hoofdstukken[1][1]) == [s.titel for s in eerste.substappen]
    assert titles(hoofdstukken[1][1][0][1])[:5] == ["Wat en waarom", "Hoe", "Met wie", "Check", "Verandering"]

    _, delen = top("toetsingsdossier")
    assert titles(delen) == [
        "1. Verklaring van de partijen", "2. Over deze arbocatalogus", "3. Hoe werkgevers de catalogus volgen",
        "4. Risico's en doelvoorschriften", "5. Maatregelen per knelpunt", "6. Artikelen en de maatregelen die ze invullen",
    ]
    assert "Versies" in titles(delen[1][1]) and "Arbowetgeving" in titles(delen[5][1])

    _, draaiboek = top("werksessie-draaiboek")
    assert titles(draaiboek) == ["Draaiboek"]
    onder = titles(draaiboek[0][1])
    assert onder[:2] == ["Tijdschema", "Afspraken om voor te lezen"] and onder[-1] == "Benodigdheden"
    assert any(t.startswith("Deel 1: ") for t in onder)

    sheets = {
        "werksessie-posters": [g.titel for g in GROEPEN],
        "werksessie-wereldcafe": [r.titel for r in SESSIE.rondes],
        "werksessie-prioriteren": ["Welke knelpunten pakken we aan?", "Oplossingen scoren met de lijst van criteria"],
        "werksessie-plan-van-aanpak": ["Plan van aanpak werkdruk"],
    }
    for slug, expected in sheets.items():  # no title page, yet an h1 (unseen) above the sheets
        _, children = top(slug)
        assert titles(children) == expected, slug

    _, kit = top("werksessie-kit")
    assert titles(kit) == ["Draaiboek", *sheets["werksessie-posters"], *sheets["werksessie-wereldcafe"],
                           *sheets["werksessie-prioriteren"], *sheets["werksessie-plan-van-aanpak"]]


def test_the_unseen_title_of_a_sheet_document_leaves_its_sheets_as_they_were(example_site):
    """The posters' h1 is for screen readers and bookmarks: the sheet's own words come first on the page and stay whole."""
    pdf = example_site / "pdf" / "werksessie-wereldcafe.pdf"
    lines = [line.strip() for line in run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-").splitlines() if line.strip()]
    assert lines[0] == "Werkbladen world café"  # the unseen h1, above the sheet
    assert lines[1] == f"World café · ronde 1 van {len(SESSIE.rondes)}"


def test_the_pdf_cache_key_changes_with_the_way_pdfs_are_written(tmp_path, monkeypatch):
    """A PDF cached before tagging (same HTML, other options) is never taken for a tagged one."""
    document = DOCUMENTS["werksessie-plan-van-aanpak"]
    tagged = pdf_module.PdfSource(document, catalogus, tmp_path).cached
    monkeypatch.setattr(pdf_module, "PDF_OPTIONS", {})
    untagged = pdf_module.PdfSource(document, catalogus, tmp_path).cached
    assert tagged != untagged and tagged.name.startswith("werksessie-plan-van-aanpak-")
    assert pdf_module.PDF_OPTIONS == {} and "pdf/ua-1" not in str(untagged)


def test_a_pdf_made_for_a_copy_of_the_guide_is_not_made_again(tmp_path):
    """A second folder with the same guide (a copy, a fresh clone, a moved folder) takes the PDF
    made for the first, and keeps it in its own folder; other HTML is never taken for it."""
    document = DOCUMENTS["werksessie-plan-van-aanpak"]
    first = pdf_module.PdfSource(document, catalogus, tmp_path / "pdf" / "gids-a")
    first.keep(b"%PDF-1.7 made once")
    copy = pdf_module.PdfSource(document, catalogus, tmp_path / "pdf" / "gids-b")
    assert copy.from_cache() == b"%PDF-1.7 made once"
    assert copy.cached.read_bytes() == b"%PDF-1.7 made once"  # kept here too: pruning one folder leaves the other's
    other = pdf_module.PdfSource(DOCUMENTS["werksessie-posters"], catalogus, tmp_path / "pdf" / "gids-c")
    assert other.from_cache() is None


def test_a_pdf_whose_files_did_not_change_is_found_without_working_out_its_html(tmp_path, monkeypatch):
    """The recipe of a PDF (printing/pdf.py): while no file of the catalogus' layers or of the package
    changed, its last PDF is taken without its HTML; after a save the HTML is worked out and decides."""
    from conftest import copy_project

    project = copy_project(tmp_path)
    own = load_catalogus(project / "catalogus")
    document = next(d for d in documents(own) if d.slug == "toetsingsdossier")
    folder = tmp_path / "pdf" / "gids"
    worked_out = []
    real = pdf_module.document_html
    monkeypatch.setattr(pdf_module, "document_html", lambda *args: worked_out.append(1) or real(*args))
    pdf_module.PdfSource(document, own, folder).keep(b"%PDF-1.7 the first")
    assert len(worked_out) == 1

    again = pdf_module.PdfSource(document, own, folder)
    assert again.from_cache() == b"%PDF-1.7 the first" and len(worked_out) == 1  # no HTML: its files are as they were

    knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("titel:", "titel: Altijd", 1), encoding="utf-8")
    changed = load_catalogus(project / "catalogus")
    document = next(d for d in documents(changed) if d.slug == "toetsingsdossier")
    after = pdf_module.PdfSource(document, changed, folder)
    assert len(worked_out) == 2 and after.from_cache() is None  # the dossier lists the knelpunt: a new PDF
    after.keep(b"%PDF-1.7 the second")
    assert pdf_module.PdfSource(document, changed, folder).from_cache() == b"%PDF-1.7 the second" and len(worked_out) == 2

    # a template, style or code file of the package changes the recipe as well
    package = tmp_path / "pakket"
    (package / "templates").mkdir(parents=True)
    (package / "templates" / "dossier.html").write_text("een", encoding="utf-8")
    monkeypatch.setattr(pdf_module.cache, "_PACKAGE", package)
    before = pdf_module.recipe("toetsingsdossier", load_catalogus(project / "catalogus"))
    (package / "templates" / "dossier.html").write_text("twee", encoding="utf-8")
    assert pdf_module.recipe("toetsingsdossier", load_catalogus(project / "catalogus")) != before

    # and the day: the toetsingsdossier says when it was made, and what has expired by then
    import datetime

    class LaterDay(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(2099, 1, 1)

    today = pdf_module.recipe("toetsingsdossier", changed)
    monkeypatch.setattr(pdf_module, "date", LaterDay)
    assert pdf_module.recipe("toetsingsdossier", changed) != today


def test_checklist_pdf_buttons_say_the_pdf_is_blank(example_site):
    html = (example_site / "checklists" / "stap-1" / "index.html").read_text(encoding="utf-8")
    buttons = re.findall(r'<a class="md-button ww-download" href="[^"]+">([^<]+)</a>', html)
    assert buttons == ["Download lege checklist (PDF)", "Download alle lege checklists (PDF)"]


# --- printing the checklist from the browser ----------------------------------------------------------

def stub_print(page) -> None:
    """Count calls of window.print instead of opening the dialog (which a test browser cannot close)."""
    page.evaluate("window.__geprint = 0; window.print = () => { window.__geprint += 1; }; null")  # a function would be called


def printed_text(page, pdf: Path) -> str:
    page.pdf(path=str(pdf), format="A4")
    return " ".join(run("pdftotext", str(pdf), "-").split())


def test_checklist_prints_with_the_visitors_ticks_on_a_phone(open_page, server, tmp_path):
    stap = catalogus.stappen[0]
    substap = stap.substappen[0]
    vragen = [" ".join(v.split()) for _, v in substap.vragen]
    page = open_page(360)
    page.goto(server + "/checklists/stap-1/")
    knop = page.get_by_role("button", name="Print je checklist")
    expect(knop).to_be_visible()
    assert knop.evaluate("k => k.tagName") == "BUTTON"
    box = knop.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size

    boxes = page.locator(f"[data-checklist='{substap.id}'] input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(2).check()

    # keyboard: Tab reaches the button, Enter prints
    stub_print(page)
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ww-print-knop')"):
            break
    else:
        raise AssertionError("de printknop is niet met Tab te bereiken")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__geprint") == 1

    page.emulate_media(media="print")
    expect(knop).to_be_hidden()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".ww-download", ".ww-wis-vinkjes"):
        assert all(not el.is_visible() for el in page.locator(chrome).all()), chrome
    labels = page.locator(f"[data-checklist='{substap.id}'] label")
    tekens = [labels.nth(i).evaluate("l => getComputedStyle(l, '::before').content") for i in range(3)]
    assert tekens == ['"☑"', '"☐"', '"☑"']
    assert not boxes.nth(0).is_visible()  # the real box gives way to the sign that prints in any ink

    text = printed_text(page, tmp_path / "checklist.pdf")
    assert f"☑ {vragen[0]}" in text and f"☐ {vragen[1]}" in text and f"☑ {vragen[2]}" in text
    assert text.count("☑") == 2
    assert "Print je checklist" not in text.replace("knop Print je checklist", "")  # the intro names it; the button is gone
    assert "Download lege checklist" not in text


def test_a_substep_prints_only_its_checklist_with_the_ticks(open_page, server, tmp_path):
    substap = catalogus.substappen[0]
    vragen = [" ".join(v.split()) for _, v in substap.vragen]
    page = open_page(1280)
    page.goto(server + f"/stappen/stap-{substap.stap.nummer}/{substap.id}/")
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    page.locator(f"[data-checklist='{substap.id}'] input").nth(1).check()
    stub_print(page)
    knop = page.locator(f"[data-checklist='{substap.id}'] + .ww-print-knop")
    expect(knop).to_have_text("Print je checklist")
    knop.click()
    assert page.evaluate("window.__geprint") == 1

    text = printed_text(page, tmp_path / "substap.pdf")
    assert substap.titel in text and f"☑ {vragen[1]}" in text and f"☐ {vragen[0]}" in text
    assert "Wat en waarom" not in text and "Verandering" not in text  # the other tabs stay off this print
    # once printed, the page prints whole again
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "Wat en waarom" in printed_text(page, tmp_path / "heel.pdf")
