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
from wegwijzer.catalogus.normen import ARBOWETGEVING, PACKAGE_REGISTER
from wegwijzer.cli import main

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
    # (issue 27: the PSA measures cite 2.15 lid 1; the RI&E cycle is filled in by the plan van aanpak
    # (5 lid 3) and the evaluation (3 lid 4), not by citing art. 5 on measures that are no RI&E)
    assert {"Arbowet art. 3 lid 2", "Arbobesluit art. 2.15 lid 1", "Arbowet art. 3 lid 4", "Arbowet art. 5 lid 3"} <= labels
    # only the Arbowetgeving is a grondslag; the other laws are 'ook van belang'
    assert all(b.wet.arbowetgeving for o in example.oplossingen.values() for b in o.grondslag)


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
    oplossing = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "grondslag: [arbowet 3 lid 2]\nook_van_belang: [cao-test 4.3]")
    catalogus = load_catalogus(make_catalogus({"normen.yml": normen, "oplossingen/taken-herverdelen.yml": oplossing}))
    taken = catalogus.oplossingen["taken-herverdelen"]
    assert ([b.label for b in taken.grondslag], [b.label for b in taken.ook_van_belang]) == (["Arbowet art. 3 lid 2"], ["Cao Test art. 4.3"])

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
    both = both.replace("2025-12-31", "2028-12-31") + "vastgesteld: 2023-01-05\npublicatie: https://werkdruk.test.example\n"
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
    for heading in ("1. Verklaring van de partijen", "2. Over deze arbocatalogus", "3. Hoe werkgevers de catalogus volgen",
                    "4. Risico's en doelvoorschriften", "5. Maatregelen per knelpunt", "6. Artikelen en de maatregelen die ze invullen"):
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


# --- grondslag: only the Arbowetgeving -------------------------------------------------


@pytest.mark.parametrize("citation, label", [
    ("atw 5:4", "Arbeidstijdenwet art. 5:4"),
    ("wor 27 lid 1 onder b", "WOR art. 27 lid 1 onder b"),
    ("wazo 5:1", "Wazo art. 5:1"),
])
def test_check_refuses_another_law_than_the_arbowetgeving_as_grondslag(citation, label, make_catalogus, capsys):
    oplossing = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", f"grondslag: [arbowet 3 lid 2, {citation}]")
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": oplossing})
    assert main(["check", str(root)]) == 1
    [line] = [line for line in capsys.readouterr().err.splitlines() if label in line]
    assert line.strip().startswith(f"{root}/oplossingen/taken-herverdelen.yml:9:")
    assert f"grondslag[2]: {label} is geen Arbowetgeving" in line
    assert f"zet '{citation}' onder 'ook_van_belang:'" in line and "wegwijzer bijwerken" in line
    # written under ook_van_belang, check is content with it
    fixed = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", f"grondslag: [arbowet 3 lid 2]\nook_van_belang: [{citation}]")
    assert main(["check", str(make_catalogus({"oplossingen/taken-herverdelen.yml": fixed}))]) == 0


def test_the_base_and_the_example_cite_only_the_arbowetgeving_as_grondslag():
    assert example.toetsingsfouten == []
    assert {b.wet.id for o in example.oplossingen.values() for b in o.grondslag} <= set(ARBOWETGEVING)
    assert {w.id for w in register.wetten.values() if w.arbowetgeving} == {"arbowet", "arbobesluit", "arboregeling"}
    # the duties the Inspectie looks for are each filled in by a measure of the base
    cited = {b.label for o in example.oplossingen.values() for b in o.grondslag}
    assert {"Arbowet art. 3 lid 4", "Arbowet art. 5 lid 3", "Arbobesluit art. 2.15 lid 2"} <= cited


# --- a dossier ready to submit ------------------------------------------------------------

KLAAR = MINIMAL["catalogus.yml"] + textwrap.dedent("""\
    partijen:
      - {naam: Werkgevers Test, kant: werkgevers, ondertekenaar: 'A. Jansen, voorzitter'}
      - {naam: Bond Test, kant: werknemers}
    geldig_tot: 2030-06-30
    vastgesteld: 2026-11-02
    publicatie: https://werkdruk.test.example
    toetsing: {status: ingediend}
    """)
BRON = "bronnen:\n  - {titel: Testbron, uitgever: Testinstituut, jaar: 2024}\n"


def dossier_text(root: Path) -> str:
    from wegwijzer.printing.documents import toetsingsdossier
    from wegwijzer.printing.pdf import write_pdf

    catalogus = load_catalogus(root)
    pdf = root.parent / "dossier.pdf"
    pdf.write_bytes(write_pdf(toetsingsdossier(catalogus, datetime.date(2026, 12, 1)), catalogus))
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_dossier_with_nothing_open_has_the_declaration_address_navolging_and_risks(make_catalogus, capsys):
    root = make_catalogus({
        "catalogus.yml": KLAAR,
        "oplossingen/rooster-met-buffer.yml": MINIMAL["oplossingen/rooster-met-buffer.yml"] + BRON,
        "oplossingen/taken-herverdelen.yml": OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "grondslag: [arbowet 3 lid 1 onder a]\nook_van_belang: [atw 5:4]\n" + BRON),
    })
    assert main(["toetsklaar", "--map", str(root)]) == 0
    assert "Klaar om in te dienen" in capsys.readouterr().out
    text = dossier_text(root)
    flat = " ".join(text.split())
    assert "CONCEPT" not in text and "Concept." not in text and "open" not in flat.lower().replace("openbaar", "")
    # the declaration: both parties with their side and a line for name, signature and date each
    assert "Werkgevers Test, namens de werkgevers" in flat and "Bond Test, namens de werknemers" in flat
    assert flat.count("Handtekening") == 2 and flat.count("Datum en plaats") == 2 and "A. Jansen, voorzitter" in flat
    assert "Vastgesteld op 2 november 2026" in flat and "stellen zij de hele inhoud vast" in flat
    assert flat.count("https://werkdruk.test.example") == 2  # on the declaration and in the facts
    assert "Wie de catalogus volgt, voldoet aan de wet" in flat and "minstens even goed beschermen" in flat
    assert "De RI&E en het plan van aanpak zijn het kader" in flat and "Deze catalogus geldt tot 30 juni 2030" in flat
    # the risks-and-provisions table: the knelpunt, the union of its measures' grondslag, the measures
    risks = flat[flat.index("4. Risico's en doelvoorschriften"):flat.index("5. Maatregelen per knelpunt")]
    assert "Risico Doelvoorschrift Maatregelen Piekdrukte Arbowet art. 3 lid 1 onder a Arbowet art. 3 lid 2 Rooster met buffer; Taken herverdelen Tijdsdruk" in risks, risks
    assert "Rooster met buffer" in risks and "Taken herverdelen" in risks and "Arbeidstijdenwet" not in risks
    # another law stays beside the grondslag, never in it
    assert "Ook van belang: Arbeidstijdenwet art. 5:4" in flat


def test_a_dossier_with_open_points_says_concept_on_every_page_and_does_not_print_them(make_catalogus, capsys):
    root = make_catalogus({"catalogus.yml": KLAAR.replace("vastgesteld: 2026-11-02\n", "").replace("publicatie: https://werkdruk.test.example\n", "")})
    assert main(["check", str(root)]) == 1  # submitted without an address to read it: refused
    assert "publicatie: een ingediende catalogus noemt het adres waar iedereen hem gratis kan lezen" in capsys.readouterr().err
    assert main(["toetsklaar", "--map", str(root)]) == 1
    listed = capsys.readouterr().out
    assert "Nog niet klaar om in te dienen: 4 punten staan open" in listed
    for missing in ("vastgesteld:", "publicatie:", "oplossing 'rooster-met-buffer' noemt geen bron", "oplossing 'taken-herverdelen' noemt geen bron"):
        assert missing in listed
    text = dossier_text(root)
    pages = text.split("\f")[:-1]
    assert len(pages) >= 4 and all("CONCEPT – nog niet klaar om in te dienen" in page for page in pages)
    assert "Er staan nog 4 punten open" in " ".join(text.split())
    assert "noemt geen bron" not in text and "vastgesteld:" not in text


def test_a_sector_provision_the_package_register_now_holds_too_still_builds_in_its_own_words(make_catalogus):
    own = textwrap.dedent("""\
        bepalingen:
          - {wet: arbowet, artikel: "3", lid: 2, onderwerp: Werkdruk voorkomen in onze sector}
        """)
    catalogus = load_catalogus(make_catalogus({"normen.yml": own}))
    assert catalogus.oplossingen["taken-herverdelen"].grondslag[0].onderwerp == "Werkdruk voorkomen in onze sector"
    twice = own + '  - {wet: arbowet, artikel: "3", lid: 2, onderwerp: Nog een keer}\n'
    [problem] = problems_of(make_catalogus({"normen.yml": twice}))
    assert problem.startswith("catalogus/normen.yml:3:5: Arbowet art. 3 lid 2 staat al in het register (zie ") and problem.endswith("normen.yml:2:5; haal er een weg)")


def test_an_oplossing_page_shows_the_grondslag_apart_from_what_is_ook_van_belang(example_site):
    oplossing = next(o for o in example.oplossingen.values() if o.ook_van_belang and o.grondslag)
    html = (example_site / "oplossingen" / oplossing.id / "index.html").read_text(encoding="utf-8")
    sections = {}
    for heading, body in re.findall(r'<h2 id="[^"]*">(.*?)</h2>(.*?)(?=<h2|</article>)', html, flags=re.S):
        sections[re.sub(r"<a [^>]*>.*?</a>|<[^>]+>", "", heading).strip()] = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    wet, ook = sections["Wat de wet vraagt"], sections["Ook van belang"]
    assert all(b.label in wet for b in oplossing.grondslag) and not any(b.label in wet for b in oplossing.ook_van_belang)
    assert all(b.label in ook for b in oplossing.ook_van_belang) and "toetst de catalogus er niet aan" in ook
    assert "Arbowetgeving" in wet
