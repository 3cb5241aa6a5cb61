"""What an HR professional prints: the PDFs built with the site, and any page printed from Chromium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from playwright.sync_api import expect

import pytest

from conftest import ARTIFACTS, ROOT, copy_project, mkdocs_build

#: The full tier (tests/conftest.py): PDFs, the release or the large sites.
pytestmark = pytest.mark.volledig
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
A4 = (595.3, 841.9)


def text_of(pdf: Path) -> str:
    """The PDF's text with all whitespace as single spaces, so wrapped lines still match."""
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(round(float(w), 1), round(float(h), 1)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def words(markdown: str, n: int = 6) -> str:
    """The first words of a Markdown text as they read on paper."""
    plain = re.sub(r"\[\[[^\]|]+:([^\]|]+)(\|([^\]]+))?\]\]", lambda m: m.group(3) or "", markdown)
    plain = re.sub(r"[*_#>`]|^\s*[-\d.]+\s", " ", plain, flags=re.MULTILINE)
    return " ".join(plain.split()[:n])


def test_werksessie_kit(example_site):
    pdf = example_site / "pdf" / "werksessie-kit.pdf"
    text = text_of(pdf)
    sizes = page_sizes(pdf)
    landscape = [s for s in sizes if s == (A4[1], A4[0])]
    assert set(sizes) == {A4, (A4[1], A4[0])}  # all on A4, so the whole kit prints on any printer
    # the scoring table and the plan template lie on their side; the posters stand up
    assert len(landscape) == 2
    for ding in catalogus.werksessie.benodigdheden:
        assert ding in text
    for afspraak in catalogus.werksessie.afspraken:
        assert " ".join(afspraak.split()) in text
    for groep in catalogus.werkdrukmodel.groepen:
        assert groep.titel in text and all(f.titel in text for f in groep.factoren)
    for ronde in catalogus.werksessie.rondes:
        assert ronde.titel in text and ronde.kleur in text
    for deel, begin, eind in catalogus.werksessie.rooster():
        assert f"{begin}–{eind}" in text
    assert all(c.titel in text for c in catalogus.criteria.criteria)
    assert "Hoe weten we dat het werkt?" in text


def test_checklists_pdf_has_every_question(example_site):
    pdf = example_site / "pdf" / "checklists.pdf"
    text = text_of(pdf)
    assert set(page_sizes(pdf)) == {A4}
    missing = [q for s in catalogus.substappen for q in s.check if " ".join(q.split()) not in text]
    assert missing == []


def test_hr_route_pdf_has_contents_and_page_numbers(example_site):
    pdf = example_site / "pdf" / "hr-route.pdf"
    text = text_of(pdf)
    total = pages_of(pdf)
    assert set(page_sizes(pdf)) == {A4}
    assert text.startswith(catalogus.info.titel) and "Inhoud" in text
    assert f"Pagina 1 van {total}" in text and f"Pagina {total} van {total}" in text
    assert f"{catalogus.info.titel} · versie {catalogus.info.versie}" in text
    for substap in catalogus.substappen:
        assert substap.titel in text
        for field in (substap.wat_en_waarom, substap.hoe, substap.met_wie, substap.verandering):
            assert words(field) in text


def test_pdfs_are_offered_on_their_pages(example_site):
    assert 'href="../pdf/werksessie-kit.pdf"' in (example_site / "werksessie" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/hr-route.pdf"' in (example_site / "stappen" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/checklists.pdf"' in (example_site / "checklists" / "stap-1" / "index.html").read_text(encoding="utf-8")


def downloads(site: Path, page: str) -> list[tuple[str, Path]]:
    """The PDF buttons on a page, in order: their words and the file behind each."""
    folder = site / page
    html = (folder / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<a class="md-button ww-download" href="([^"]+)">([^<]+)</a>', html)
    return [(words, (folder / href).resolve()) for href, words in found]


def own_pdf(site: Path, page: str) -> Path:
    """What a visitor gets from the first "Download als PDF" on a page."""
    (words, pdf), *_ = downloads(site, page)
    assert words.startswith("Download als PDF")
    return pdf


A3 = (841.9, 1190.6)
SESSIE = catalogus.werksessie
GROEPEN = catalogus.werkdrukmodel.groepen


def test_posters_button_gives_the_posters_on_a3(example_site):
    (words, pdf), = downloads(example_site, "werksessie/posters")
    assert "A3" in words
    sizes = page_sizes(pdf)
    assert len(sizes) == len(GROEPEN)  # one poster per group, each standing A3 (842 x 1191 pt)
    assert all(abs(w - A3[0]) < 1 and abs(h - A3[1]) < 1 for w, h in sizes), sizes
    text = text_of(pdf)
    for groep in GROEPEN:
        assert groep.titel in text and all(f.titel in text for f in groep.factoren)
    # nothing else from the kit: no draaiboek, no world café
    assert "Draaiboek" not in text and not any(r.titel in text for r in SESSIE.rondes)


def test_poster_text_fills_the_sheet(example_site):
    """Large type: the factors reach at least a third down the page, the post-it field fills the rest."""
    pdf = own_pdf(example_site, "werksessie/posters")
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m[0]), float(m[1]), m[2]) for m in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', bbox)]
    heights = [y_max - y_min for y_min, y_max, _ in words]
    assert max(heights) > 60  # the title: over 60 pt high, readable across a room
    last_factor = GROEPEN[0].factoren[-1].titel.split()[-1]
    bottom_of_list = max(y_max for _, y_max, w in words if w == last_factor)
    assert bottom_of_list > A3[1] / 3


def test_world_cafe_button_gives_its_sheets(example_site):
    pdf = own_pdf(example_site, "werksessie/wereldcafe")
    text = text_of(pdf)
    assert pages_of(pdf) == len(SESSIE.rondes)  # one sheet per round, no title page
    assert all(r.titel in text and r.vraag in text for r in SESSIE.rondes)
    assert not any(g.titel in text for g in GROEPEN) and "Draaiboek" not in text


def test_prioritising_and_plan_buttons_give_their_sheets(example_site):
    prioriteren = text_of(own_pdf(example_site, "werksessie/prioriteren"))
    assert "Welke knelpunten pakken we aan?" in prioriteren
    assert all(c.titel in prioriteren for c in catalogus.criteria.criteria)
    assert "Draaiboek" not in prioriteren and "Hoe weten we dat het werkt?" not in prioriteren
    plan = own_pdf(example_site, "werksessie/plan-van-aanpak")
    assert page_sizes(plan) == [(A4[1], A4[0])]
    assert "Hoe weten we dat het werkt?" in text_of(plan) and "Stippen" not in text_of(plan)


def test_werksessie_page_gives_its_draaiboek_and_the_whole_kit(example_site):
    (own_words, draaiboek), (kit_words, kit) = downloads(example_site, "werksessie")
    assert kit.name == "werksessie-kit.pdf" and "kit" in kit_words
    text = text_of(draaiboek)
    assert all(" ".join(a.split()) in text for a in SESSIE.afspraken)
    assert all(ding in text for ding in SESSIE.benodigdheden)
    assert not any(g.titel in text for g in GROEPEN)
    # the kit is every part, page for page
    parts = [draaiboek] + [own_pdf(example_site, f"werksessie/{p}") for p in ("posters", "wereldcafe", "prioriteren", "plan-van-aanpak")]
    assert pages_of(kit) == sum(pages_of(p) for p in parts)


def test_checklist_page_gives_its_step_and_all_steps(example_site):
    for stap in catalogus.stappen:
        (_, own), (words, alle) = downloads(example_site, f"checklists/stap-{stap.nummer}")
        assert alle.name == "checklists.pdf" and "alle" in words
        text = text_of(own)
        assert all(" ".join(q.split()) in text for s in stap.substappen for q in s.check)
        others = [s for s in catalogus.substappen if s.stap is not stap]
        assert not any(s.titel in text for s in others)


def test_schedule_follows_another_start_time(tmp_path):
    """The kit's PDF as the build makes it (`write_pdf`), of a sector whose session starts at 13:30: only that
    PDF is made (the build's other thirteen are looked at by the tests above)."""
    from wegwijzer.catalogus import load_catalogus
    from wegwijzer.printing.documents import documents
    from wegwijzer.printing.pdf import write_pdf

    project = copy_project(tmp_path, pdfs=True)
    # the sector replaces the base's werksessie.yml with its own copy, starting at 13:30
    base = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "werksessie.yml"
    (project / "catalogus" / "werksessie.yml").write_text(base.read_text(encoding="utf-8") + "\nstarttijd: '13:30'\n", encoding="utf-8")
    sector = load_catalogus(project / "catalogus")
    kit = next(document for document in documents(sector) if document.slug == "werksessie-kit")

    (tmp_path / "kit.pdf").write_bytes(write_pdf(kit, sector))

    text = text_of(tmp_path / "kit.pdf")
    schedule = sector.werksessie.rooster("13:30")
    assert schedule[0][1] == "13:30"
    for deel, begin, eind in schedule:
        assert f"{begin}–{eind}" in text
    assert "09:00" not in text


def test_start_time_chosen_on_the_page(open_page, server):
    page = open_page(1280)
    page.goto(server + "/werksessie/")
    page.get_by_label("Begintijd van jullie sessie:").fill("10:15")
    times = page.locator("table.ww-rooster time").all_inner_texts()
    expected = [t for _, begin, eind in catalogus.werksessie.rooster("10:15") for t in (begin, eind)]
    assert times == expected


def test_missing_weasyprint_is_explained_and_the_rest_is_built(tmp_path):
    project = copy_project(tmp_path, pdfs=True)
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")

    # a cache of its own: a PDF of this guide kept from an earlier build would need no WeasyPrint
    missing = {"PYTHONPATH": str(fake), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = mkdocs_build(project / "mkdocs.yml", project / "site", env=missing)

    assert result.returncode == 0, result.stderr
    assert "de PDF's worden niet gemaakt: WeasyPrint vindt een systeembibliotheek niet" in result.stderr
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert (project / "site" / "werksessie" / "index.html").is_file()
    assert not (project / "site" / "pdf").exists()
    assert "Download als PDF" not in (project / "site" / "werksessie" / "index.html").read_text(encoding="utf-8")
    strict = mkdocs_build(project / "mkdocs.yml", project / "site2", "--strict", env=missing)
    assert strict.returncode == 1


def test_a_substep_printed_from_chromium_has_all_five_tabs(open_page, server, tmp_path):
    substap = catalogus.substappen[2]
    page = open_page(1280)
    page.goto(server + f"/stappen/stap-{substap.stap.nummer}/{substap.id}/")
    pdf = tmp_path / "substap.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = text_of(pdf)
    for title in ("Wat en waarom", "Hoe", "Met wie", "Check", "Verandering"):
        assert title in text
    for field in (substap.wat_en_waarom, substap.hoe, substap.met_wie, substap.verandering):
        assert words(field) in text
    assert all(" ".join(q.split()) in text for q in substap.check)
    assert f"{catalogus.info.titel} · versie {catalogus.info.versie}" in text
    assert "Pagina 1 van" in text
    assert "Zoeken" not in text  # no search box or navigation on paper


def test_pdf_pages_rendered_for_review(example_site):
    """PNGs of every kind of PDF page in tests/artifacts, to look at (pdftoppm)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("werksessie-kit", "werksessie-posters", "checklists", "hr-route", "toetsingsdossier"):
        prefix = ARTIFACTS / f"pdf-{name}"
        for old in ARTIFACTS.glob(f"pdf-{name}-*.png"):  # from an earlier run, when the PDF had more pages
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "45", "-png", str(example_site / "pdf" / f"{name}.pdf"), str(prefix)], check=True)
        pngs = list(ARTIFACTS.glob(f"pdf-{name}-*.png"))
        assert len(pngs) == pages_of(example_site / "pdf" / f"{name}.pdf")


def printed(page, pdf: Path) -> list[str]:
    """The page as Chromium prints it (A4, print styles), as the text of each sheet, without whitespace."""
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return ["".join(sheet.split()) for sheet in text.split("\f") if sheet.strip()]


def show_scan_result(page, server):
    """Answer every statement of the scan (heavy work, little support) and show the result."""
    page.goto(server + "/scan/")
    soort = {s.id: s.soort for s in catalogus.scan.stellingen}
    for name in page.eval_on_selector_all("input[type=radio][value='1']", "els => els.map(e => e.name)"):
        page.locator(f"input[name='{name}'][value='{5 if soort[name] == 'eis' else 1}']").check()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    page.locator("#ww-uitslag").wait_for()


KNELPUNT = next(iter(catalogus.knelpunten.values()))
EXTERN = next(o for o in catalogus.oplossingen.values() if any(b.link for b in o.bronnen))
PRINTED_PAGES = {
    "start": "/",
    "MKB step": "/mkb/stap-1/",
    "HR overview": "/stappen/",
    "substep": f"/stappen/stap-{catalogus.substappen[2].stap.nummer}/{catalogus.substappen[2].id}/",
    "knelpunt": f"/knelpunten/{KNELPUNT.id}/",
    "oplossing with an outside link": f"/oplossingen/{EXTERN.id}/",
    "oplossingen": "/oplossingen/",
    "factor": f"/werkdrukmodel/{catalogus.factoren[0].id}/",
    "werkdrukmodel": "/werkdrukmodel/",
    "werksessie": "/werksessie/",
    "checklists": "/checklists/stap-1/",
    "instrumenten": "/instrumenten/",
    "scan result": "scan",
}


def test_printed_pages_spell_out_only_addresses_of_other_sites(open_page, server, tmp_path):
    page = open_page(1280)
    outside = {}
    for name, path in PRINTED_PAGES.items():
        page.emulate_media(media="screen")
        show_scan_result(page, server) if path == "scan" else page.goto(server + path)
        sheets = printed(page, tmp_path / "page.pdf")
        text = "".join(sheets)
        assert "127.0.0.1" not in text and "localhost" not in text, name
        # what each visible link adds after itself on paper
        after = page.eval_on_selector_all(
            ".md-content a[href]",
            "els => els.filter(a => a.getClientRects().length)"
            "  .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
            "  .filter(([href, c]) => c !== 'none' && c !== 'normal' && c !== '\"\"')",  # an empty overlay (a card's whole-card link) adds nothing
        )
        assert [href for href, _ in after if not href.startswith(("http://", "https://"))] == [], name
        for href, _ in after:  # a link to another site shows where it goes
            assert f"({href})" in text, (name, href)
        outside[name] = [href for href, _ in after]
    assert next(b.link for b in EXTERN.bronnen if b.link) in outside["oplossing with an outside link"]
    assert all(i.url in outside["instrumenten"] for i in catalogus.instrumenten.values() if i.url)


BOXES = ".ww-kaart, .admonition, .ww-kwadrant, .ww-checklist > li, .ww-vinklijst > li, .ww-werkvorm, blockquote"

#: Marks the top and the bottom of every box with a word in tiny white type, placed absolutely
#: so the layout stays as it is; on paper both words of a box must be on the same sheet.
MARK_BOXES = """selector => {
  const boxes = [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length);
  boxes.forEach((box, i) => {
    if (getComputedStyle(box).position === "static") box.style.position = "relative";
    for (const [end, place] of [["top", "top:0"], ["bottom", "bottom:0"]]) {
      const mark = document.createElement("span");
      mark.textContent = ` wwbox${i}${end} `;
      mark.style.cssText = `position:absolute;left:0;${place};font-size:2px;line-height:1;color:#fff`;
      box.append(mark);
    }
  });
  return boxes.map(b => b.className || b.tagName);
}"""


def test_printed_boxes_are_never_cut_in_two(open_page, server, tmp_path):
    """Every card, tip, quadrant advice and checklist question starts and ends on the same sheet."""
    page = open_page(1280)
    kinds = set()
    for name, path in PRINTED_PAGES.items():
        page.emulate_media(media="screen")
        show_scan_result(page, server) if path == "scan" else page.goto(server + path)
        page.emulate_media(media="print")
        boxes = page.evaluate(MARK_BOXES, BOXES)
        sheets = printed(page, tmp_path / "boxes.pdf")
        sheet_of = {m.group(0): n for n, sheet in enumerate(sheets) for m in re.finditer(r"wwbox\d+(top|bottom)", sheet)}
        assert len(sheet_of) == 2 * len(boxes), name  # every mark made it onto paper
        cut = [(boxes[i], sheet_of.get(f"wwbox{i}top"), sheet_of.get(f"wwbox{i}bottom")) for i in range(len(boxes))
               if sheet_of.get(f"wwbox{i}top") != sheet_of.get(f"wwbox{i}bottom")]
        assert cut == [], name
        kinds |= {b.split()[0] for b in boxes}
    assert {"ww-kaart", "admonition", "ww-kwadrant", "LI"} <= kinds


def test_timetable_reads_on_a_phone(open_page, server):
    """At 360 px every part of the session is a block of its own: the times on one line, nothing cut off."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (360, 1280):
        page = open_page(width)
        page.goto(server + "/werksessie/")
        table = page.locator("table.ww-rooster")
        table.screenshot(path=str(ARTIFACTS / f"werksessie-tijdschema-{width}.png"))
        rows = table.locator("tbody tr")
        assert rows.count() == len(SESSIE.rooster())
        for i, (deel, begin, eind) in enumerate(SESSIE.rooster()):
            row = rows.nth(i)
            text = " ".join(row.inner_text().split())
            assert f"{begin}–{eind}" in text and deel.titel in text and f"{deel.minuten} min" in text
            if deel.leiding:
                assert deel.leiding in text
            van, tot = (row.locator("time").nth(n).bounding_box() for n in (0, 1))
            assert van["y"] == tot["y"]  # "09:00–09:30" never wraps
            if width == 360:
                box = row.bounding_box()
                assert box["width"] > 0.8 * width  # a full-width block, not a squeezed column
                assert "Leiding:" in text or not deel.leiding  # the last cell says what it is
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    # on a long phone page a part of the timetable leads to its instructions
    page = open_page(360)
    page.goto(server + "/werksessie/")
    deel = SESSIE.delen[2]  # the third part (the schedule also has the breaks between parts)
    page.locator("table.ww-rooster").get_by_role("link", name=deel.titel).click()
    expect(page.get_by_role("heading", name=f"Deel 3: {deel.titel}")).to_be_in_viewport()
    page = open_page(1280)
    page.goto(server + "/werksessie/")
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "werksessie-print-1280.png"), full_page=True)
