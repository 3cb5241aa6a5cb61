"""What the Arbeidsinspectie toetst: norms that exist, both sides at the table, a validity, and the dossier."""

from __future__ import annotations

import csv
import datetime
import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from wegwijzer.catalogus import CatalogusError, load_catalogus
from wegwijzer.catalogus.kwaliteit import content_gaps
from wegwijzer.catalogus.loader import read_register
from wegwijzer.catalogus.normen import PACKAGE_REGISTER

example = load_catalogus(ROOT / "catalogus")
register, register_problems = read_register([PACKAGE_REGISTER])
OPLOSSING = MINIMAL["oplossingen/taken-herverdelen.yml"]


def problems_of(root: Path) -> list[str]:
    """The reported problems, with paths as an editor in the catalogus's parent folder sees them."""
    with pytest.raises(CatalogusError) as error:
        load_catalogus(root)
    return [str(p).removeprefix(f"{root.parent}/") for p in error.value.problems]


def test_the_register_itself_is_valid_and_holds_the_provisions_werkdruk_needs():
    assert register_problems == []
    for citation, label in [
        ("arbowet 3 lid 1 onder d", "Arbowet art. 3 lid 1 onder d"),  # eentonige en tempogebonden arbeid
        ("arbowet 3.2", "Arbowet art. 3 lid 2"),  # PSA-beleid
        ("arbowet 5", "Arbowet art. 5"),
        ("arbowet 8", "Arbowet art. 8"),
        ("arbowet 12", "Arbowet art. 12"),
        ("arbowet 13", "Arbowet art. 13"),
        ("arbowet 14", "Arbowet art. 14"),
        ("arbobesluit 2.15", "Arbobesluit art. 2.15"),
        ("atw 5:4", "Arbeidstijdenwet art. 5:4"),
        ("wor 27 lid 1 onder d", "WOR art. 27 lid 1 onder d"),
    ]:
        bepaling, problem, _ = register.resolve(citation)
        assert bepaling is not None, problem
        assert bepaling.label == label


@pytest.mark.parametrize("written", [
    "arbowet 3 lid 2", "arbowet 3.2", "Arbowet art. 3 lid 2", "art. 3 lid 2 Arbowet", "Arbowet artikel 3, tweede lid",
    "artikel 3 lid 2 van de Arbeidsomstandighedenwet", "ARBOWET 3(2)",
])
def test_the_common_spellings_of_one_provision_are_the_same_provision(written):
    bepaling, problem, _ = register.resolve(written)
    assert bepaling is not None, problem
    assert bepaling.label == "Arbowet art. 3 lid 2"


def test_the_register_spells_chapters_the_way_each_law_does():
    assert register.resolve("atw 5.4")[0].label == "Arbeidstijdenwet art. 5:4"
    assert register.resolve("wor 27.1.d")[0].label == "WOR art. 27 lid 1 onder d"
    assert register.resolve("Arbeidstijdenwet artikel 5:4")[0].label == "Arbeidstijdenwet art. 5:4"


def test_every_norm_the_example_cites_resolves_and_every_measure_cites_one():
    assert [o.id for o in example.oplossingen.values() if not o.grondslag] == []
    cited = {b for o in example.oplossingen.values() for b in o.grondslag}
    assert all(b.sleutel in example.normen.bepalingen for b in cited)
    # the provisions werkdruk hinges on are actually used
    labels = {b.label for b in cited}
    assert {"Arbowet art. 3 lid 2", "Arbobesluit art. 2.15", "Arbowet art. 5"} <= labels


def test_an_old_arbowet_field_still_builds_with_a_dutch_warning(make_catalogus):
    old = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "arbowet: [art. 3 lid 2, art. 5]\nbron:\n  naam: Arboportaal\n  url: https://www.arboportaal.nl\n")
    catalogus = load_catalogus(make_catalogus({"oplossingen/taken-herverdelen.yml": old}))
    oplossing = catalogus.oplossingen["taken-herverdelen"]
    assert [b.label for b in oplossing.grondslag] == ["Arbowet art. 3 lid 2", "Arbowet art. 5"]
    assert [(b.titel, b.link) for b in oplossing.bronnen] == [("Arboportaal", "https://www.arboportaal.nl")]
    warnings = [str(w).removeprefix(f"{catalogus.info.origin.path.rsplit('/catalogus/', 1)[0]}/") for w in catalogus.waarschuwingen]
    assert warnings == [
        "catalogus/oplossingen/taken-herverdelen.yml:9:1: arbowet: het veld 'arbowet' heet nu 'grondslag' (schrijf 'grondslag: [arbowet 3 lid 2]', of laat 'wegwijzer bijwerken' je bestanden omzetten)",
        "catalogus/oplossingen/taken-herverdelen.yml:10:1: bron: het veld 'bron' heet nu 'bronnen' (een lijst) (schrijf 'bronnen:' met '- titel:' en 'link:', of laat 'wegwijzer bijwerken' je bestanden omzetten)",
    ]
    assert catalogus.waarschuwingen[0] in content_gaps(catalogus)  # and `wegwijzer check` says it too


def test_a_sector_adds_a_cao_article_to_the_register(make_catalogus):
    normen = textwrap.dedent("""\
        wetten:
          - id: cao-test
            naam: Cao Testsector
            afkorting: Cao Test
            url: https://example.org/cao
        bepalingen:
          - wet: cao-test
            artikel: "4.3"
            onderwerp: Werkdruk bespreken in het werkoverleg
        """)
    oplossing = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "grondslag: [arbowet 3 lid 2, cao-test 4.3]")
    catalogus = load_catalogus(make_catalogus({"normen.yml": normen, "oplossingen/taken-herverdelen.yml": oplossing}))
    assert [b.label for b in catalogus.oplossingen["taken-herverdelen"].grondslag] == ["Arbowet art. 3 lid 2", "Cao Test art. 4.3"]

    broken = normen.replace("wet: cao-test", "wet: cao-tset").replace('artikel: "4.3"', 'artikel: "vier"')
    problems = problems_of(make_catalogus({"normen.yml": broken}))
    assert problems == ["catalogus/normen.yml:7:5: wet: onbekende wet 'cao-tset' (bedoelde je 'cao-test'?)"]


def test_one_side_only_or_an_expired_validity_is_a_warning(make_catalogus):
    info = MINIMAL["catalogus.yml"] + textwrap.dedent("""\
        partijen:
          - {naam: Werkgevers Test, kant: werkgevers}
        geldig_tot: 2025-12-31
        toetsing: {status: positief-getoetst, datum: 2023-03-01, kenmerk: AI-2023-17}
        """)
    catalogus = load_catalogus(make_catalogus({"catalogus.yml": info}))
    gaps = [str(p) for p in content_gaps(catalogus, today=datetime.date(2026, 11, 24))]
    assert any("partijen: de partijen zijn niet van beide kanten (nu: werkgevers); de Arbeidsinspectie toetst deze catalogus zo niet" in g for g in gaps)
    assert any("geldig_tot: de geldigheid is verlopen op 31 december 2025" in g for g in gaps)

    both = info.replace("  - {naam: Werkgevers Test, kant: werkgevers}\n", "  - {naam: Werkgevers Test, kant: werkgevers}\n  - {naam: Bond Test, kant: werknemers}\n")
    both = both.replace("2025-12-31", "2028-12-31")
    catalogus = load_catalogus(make_catalogus({"catalogus.yml": both}))
    gaps = [str(p) for p in content_gaps(catalogus, today=datetime.date(2026, 11, 24))]
    assert not any("partijen" in g or "geldig_tot" in g or "toetsing" in g for g in gaps)
    assert catalogus.info.toetsing.tekst == "Positief getoetst door de Arbeidsinspectie op 1 maart 2023 (kenmerk AI-2023-17)"


def test_a_quote_shown_as_real_needs_a_source_and_consent(make_catalogus):
    quote = "citaat: Het werkt.\nwie: Een teamleider\nsoort: echt\n"
    problems = problems_of(make_catalogus({"praktijk/teamleider.yml": quote}))
    assert problems == ["catalogus/praktijk/teamleider.yml:1:1: soort: een echt citaat heeft een bron en toestemming nodig (vul 'bron:' in en 'toestemming: ja', of maak er 'soort: illustratie' van)"]


def test_the_example_names_both_sides_a_validity_and_labels_its_quotes():
    info = example.info
    assert info.beide_kanten and info.geldig_tot and info.toetsing and info.wijzigingen
    assert all(p.soort == "illustratie" for p in example.praktijk.values())
    assert "eerlijke-beloning" not in example.oplossingen  # pay is a cao matter, not an arbo measure
    assert example.knelpunten["lawaai-op-de-groep"].factor.groep.soort == "eis"


# --- the built site -------------------------------------------------------------------


def test_the_built_example_has_a_verantwoording_page_and_footer(example_site):
    html = (example_site / "verantwoording" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for partij in example.info.partijen:
        assert partij.naam in text
    assert "Geldig tot:" in text and example.info.toetsing.tekst in text
    assert "Arbobesluit art. 2.15" in text
    assert "toetsingsdossier.pdf" in html and "toetsingsdossier.csv" in html
    # the footer of any page names the parties and the status, and links here
    start = (example_site / "index.html").read_text(encoding="utf-8")
    footer = start[start.index('class="md-copyright"'):]
    assert all(p.naam in footer for p in example.info.partijen)
    assert example.info.toetsing.tekst in footer and "verantwoording/" in footer


def test_the_dossier_lists_every_oplossing_with_its_norm(example_site):
    rows = list(csv.DictReader(io.StringIO((example_site / "data" / "toetsingsdossier.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    by_id = {}
    for row in rows:
        by_id.setdefault(row["oplossing_id"], row)
    assert set(by_id) == set(example.oplossingen)
    for oplossing in example.oplossingen.values():
        assert sorted(by_id[oplossing.id]["grondslag"].split(" | ")) == sorted(b.label for b in oplossing.grondslag)
        assert by_id[oplossing.id]["grondslag"], oplossing.id
    # one row per measure per knelpunt
    assert len(rows) == sum(len(k.oplossingen) for k in example.knelpunten.values())

    pdf = example_site / "pdf" / "toetsingsdossier.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for heading in ("1. Over deze arbocatalogus", "2. Maatregelen per knelpunt", "3. Wetsbepalingen en de maatregelen die ze invullen", "4. Open punten"):
        assert heading in text
    for oplossing in example.oplossingen.values():
        assert " ".join(oplossing.titel.split()) in text, oplossing.id
    assert all(p.naam in text for p in example.info.partijen)


def test_wegwijzer_dossier_writes_the_same_pdf_and_csv(tmp_path, example_site):
    done = subprocess.run([sys.executable, "-m", "wegwijzer", "dossier", "--uit", str(tmp_path / "uit")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "uit" / "toetsingsdossier.csv").read_bytes() == (example_site / "data" / "toetsingsdossier.csv").read_bytes()
    assert (tmp_path / "uit" / "toetsingsdossier.pdf").read_bytes().startswith(b"%PDF")


def test_the_start_page_shows_the_guides_own_introduction(example_site):
    html = (example_site / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    first_words = " ".join(example.info.inleiding.split()[:8])
    assert "Over deze Wegwijzer" in text and first_words in text
    assert text.index("Ik ben MKB") < text.index(first_words)  # the choice of route comes first


def test_a_sector_quote_hangs_off_its_own_knelpunt_labelled_as_an_example(example_site):
    verhaal = example.praktijk["pedagogisch-medewerker-overdracht"]
    assert example.knelpunten["overdracht-met-onderbrekingen"] in verhaal.knelpunten
    html = (example_site / "knelpunten" / "overdracht-met-onderbrekingen" / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert " ".join(verhaal.citaat.split()[:6]) in text
    assert "Voorbeeld" in text and "geen echte uitspraak" in text


def test_a_quote_nothing_uses_is_a_warning(make_catalogus):
    root = make_catalogus({"praktijk/los-citaat.yml": "citaat: Het werkt.\nwie: Een teamleider\n"})
    gaps = [str(p) for p in content_gaps(load_catalogus(root))]
    assert any("het citaat 'los-citaat' staat alleen op de pagina met alle citaten" in g for g in gaps)
