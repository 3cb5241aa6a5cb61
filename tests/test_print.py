"""What an HR professional prints: the PDFs built with the site, and any page printed from Chromium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


from conftest import ARTIFACTS, ROOT, copy_project, mkdocs_build
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
    assert set(sizes) == {A4, (A4[1], A4[0])}
    # five posters, the scoring table and the plan template lie on their side
    assert len(landscape) == len(catalogus.werkdrukmodel.groepen) + 2
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


def test_schedule_follows_another_start_time(tmp_path):
    project = copy_project(tmp_path)
    # the sector replaces the base's werksessie.yml with its own copy, starting at 13:30
    base = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "werksessie.yml"
    (project / "catalogus" / "werksessie.yml").write_text(base.read_text(encoding="utf-8") + "\nstarttijd: '13:30'\n", encoding="utf-8")

    result = mkdocs_build(project / "mkdocs.yml", project / "site")

    assert result.returncode == 0, result.stderr
    text = text_of(project / "site" / "pdf" / "werksessie-kit.pdf")
    schedule = catalogus.werksessie.rooster("13:30")
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
    project = copy_project(tmp_path)
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")

    result = mkdocs_build(project / "mkdocs.yml", project / "site", env={"PYTHONPATH": str(fake)})

    assert result.returncode == 0, result.stderr
    assert "de PDF's worden niet gemaakt: WeasyPrint vindt een systeembibliotheek niet" in result.stderr
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert (project / "site" / "werksessie" / "index.html").is_file()
    assert not (project / "site" / "pdf").exists()
    assert "Download als PDF" not in (project / "site" / "werksessie" / "index.html").read_text(encoding="utf-8")
    strict = mkdocs_build(project / "mkdocs.yml", project / "site2", "--strict", env={"PYTHONPATH": str(fake)})
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
    for name in ("werksessie-kit", "checklists", "hr-route"):
        prefix = ARTIFACTS / f"pdf-{name}"
        subprocess.run(["pdftoppm", "-r", "45", "-png", str(example_site / "pdf" / f"{name}.pdf"), str(prefix)], check=True)
        pngs = list(ARTIFACTS.glob(f"pdf-{name}-*.png"))
        assert len(pngs) == pages_of(example_site / "pdf" / f"{name}.pdf")
