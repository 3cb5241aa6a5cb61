"""Every kind of mistake an editor makes gets a Dutch message with file, line and field."""

from __future__ import annotations

import os

import pytest

from wegwijzer.catalogus import CatalogusError, load_catalogus


def problems_of(root) -> list[str]:
    """The reported problems, with paths relative to the catalogus folder's parent."""
    os.chdir(root.parent)
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(root)
    return [str(p) for p in raised.value.problems]


def test_minimal_catalogus_is_valid(make_catalogus):
    catalogus = load_catalogus(make_catalogus())
    assert [s.nummer for s in catalogus.stappen] == [1, 2, 3, 4, 5]
    # the reverse link is derived, never typed
    assert [k.id for k in catalogus.oplossingen["taken-herverdelen"].knelpunten] == ["piekdrukte"]


def test_yaml_syntax_error_names_line_and_column(make_catalogus):
    root = make_catalogus({"knelpunten/piekdrukte.yml": "titel: Piek: drukte\nfactor: tijdsdruk\n"})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:1:12: YAML-fout: hier mag geen dubbele punt staan "
        "(zet tekst met ': ' tussen aanhalingstekens of gebruik |)"
    ]


def test_missing_required_field(make_catalogus):
    text = "titel: Piekdrukte\nfactor: tijdsdruk\nsignalen: [Wachtrijen]\noplossingen: [rooster-met-buffer, taken-herverdelen]\n"
    root = make_catalogus({"knelpunten/piekdrukte.yml": text})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:1:1: omschrijving: verplicht veld 'omschrijving' ontbreekt (voeg 'omschrijving:' toe)"
    ]


def test_unknown_field_suggests_the_right_name(make_catalogus):
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": MINIMAL_OPLOSSING.replace("kosten:", "kostn:")})
    assert problems_of(root) == [
        "catalogus/oplossingen/taken-herverdelen.yml:1:1: kosten: verplicht veld 'kosten' ontbreekt (voeg 'kosten:' toe)",
        "catalogus/oplossingen/taken-herverdelen.yml:6:1: kostn: onbekend veld 'kostn' (bedoelde je 'kosten'?)",
    ]


def test_wrong_type(make_catalogus):
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": MINIMAL_OPLOSSING.replace("niveau: [team]", "niveau: {team: ja}")})
    assert problems_of(root) == [
        "catalogus/oplossingen/taken-herverdelen.yml:4:9: niveau: verwacht een lijst, maar dit is een groep velden "
        "(begin elk item op een nieuwe regel met '- ')"
    ]


def test_value_outside_allowed_set(make_catalogus):
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": MINIMAL_OPLOSSING.replace("termijn: quick-win", "termijn: quickwin")})
    assert problems_of(root) == [
        "catalogus/oplossingen/taken-herverdelen.yml:5:10: termijn: 'quickwin' is geen toegestane waarde (bedoelde je 'quick-win'?)"
    ]


def test_unknown_reference_suggests_the_closest_id(make_catalogus):
    text = MINIMAL_KNELPUNT.replace("- rooster-met-buffer", "- rooster-buffer")
    root = make_catalogus({"knelpunten/piekdrukte.yml": text})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:7:5: oplossingen[1]: onbekende oplossing 'rooster-buffer' (bedoelde je 'rooster-met-buffer'?)"
    ]


def test_duplicate_substap_id(make_catalogus):
    from conftest import _stap

    root = make_catalogus({"stappen/2-stap.yml": _stap(2).replace("id: substap-2", "id: substap-1").replace("meer: substap-2", "meer: substap-1")})
    assert problems_of(root) == [
        "catalogus/stappen/2-stap.yml:12:9: substappen[1].id: de id 'substap-1' komt twee keer voor "
        "(elke substap heeft een eigen id; de eerste staat op catalogus/stappen/1-stap.yml:12:9)"
    ]


def test_an_entry_may_not_take_the_name_of_a_page_the_site_has_beside_it(make_catalogus):
    """knelpunten/index.yml would be the list of knelpunten, alle.yml the list of all of them; a factor
    'index' the page of the werkdrukmodel, a substap 'index' its step's page (and 'alle' everywhere): refused, with the fix."""
    from conftest import MINIMAL, _stap

    root = make_catalogus({
        "knelpunten/index.yml": MINIMAL_KNELPUNT.replace("titel: Piekdrukte", "titel: Index").replace("factor: tijdsdruk", "factor: index"),
        "knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT.replace("factor: tijdsdruk", "factor: index"),
        "oplossingen/alle.yml": MINIMAL["oplossingen/taken-herverdelen.yml"],
        "werkdrukmodel.yml": MINIMAL["werkdrukmodel.yml"].replace("id: tijdsdruk", "id: index"),
        "stappen/2-stap.yml": _stap(2).replace("id: substap-2", "id: alle").replace("meer: substap-2", "meer: alle"),
    })
    taken = "kan geen id zijn: de site gebruikt die naam al voor een pagina van zichzelf"
    assert problems_of(root) == [
        f"catalogus/knelpunten/index.yml:1:1: de bestandsnaam 'index' {taken} (kies een naam die zegt waar het over gaat, bijvoorbeeld 'index-werkdruk.yml')",
        f"catalogus/oplossingen/alle.yml:1:1: de bestandsnaam 'alle' {taken} (kies een naam die zegt waar het over gaat, bijvoorbeeld 'alle-werkdruk.yml')",
        f"catalogus/stappen/2-stap.yml:12:9: substappen[1].id: 'alle' {taken} (kies een naam die zegt waar het over gaat, bijvoorbeeld 'alle-werkdruk')",
        f"catalogus/werkdrukmodel.yml:8:13: groepen[1].factoren[1].id: 'index' {taken} (kies een naam die zegt waar het over gaat, bijvoorbeeld 'index-werkdruk')",
    ]


def test_duplicate_key_in_one_file(make_catalogus):
    root = make_catalogus({"knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT + "titel: Nog een titel\n"})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:9:1: titel: dit veld staat er twee keer (het eerste staat op regel 1; houd er één)"
    ]


def test_broken_link_in_markdown_points_at_the_link(make_catalogus):
    text = MINIMAL_KNELPUNT.replace(
        "omschrijving: Op vaste momenten is het te druk.",
        "omschrijving: |\n  Op vaste momenten is het te druk.\n  Zie ook [[oplossing:rooster-bufer]].",
    )
    root = make_catalogus({"knelpunten/piekdrukte.yml": text})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:5:11: omschrijving: link naar onbekende oplossing 'rooster-bufer' "
        "(bedoelde je 'rooster-met-buffer'?)"
    ]


def test_link_of_unknown_kind(make_catalogus):
    text = MINIMAL_KNELPUNT.replace("Op vaste momenten is het te druk.", "Zie [[oplosing:taken-herverdelen]].")
    root = make_catalogus({"knelpunten/piekdrukte.yml": text})
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:3:19: omschrijving: onbekende soort link 'oplosing' in "
        "[[oplosing:taken-herverdelen]] (bedoelde je 'oplossing'?)"
    ]


def test_step_missing_and_step_doubled(make_catalogus):
    from conftest import _stap

    root = make_catalogus({"stappen/3-stap.yml": _stap(2).replace("substap-2", "substap-3")})
    assert problems_of(root) == [
        "catalogus/stappen:1:1: nummer: stap 3 ontbreekt (maak stappen/3-....yml met 'nummer: 3')",
        "catalogus/stappen/3-stap.yml:1:9: nummer: stap 2 staat er twee keer "
        "(stap 2 staat ook in catalogus/stappen/2-stap.yml; geef elke stap een eigen nummer)",
    ]


def test_all_problems_are_reported_at_once(make_catalogus):
    root = make_catalogus(
        {
            "oplossingen/taken-herverdelen.yml": MINIMAL_OPLOSSING.replace("aanpak: bron", "aanpak: bronnen"),
            "knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT.replace("factor: tijdsdruk", "factor: tijddruk"),
            "werksessie.yml": "titel: [niet af\n",
        }
    )
    problems = problems_of(root)
    assert len(problems) == 3
    assert {p.split(":")[0] for p in problems} == {
        "catalogus/oplossingen/taken-herverdelen.yml",
        "catalogus/knelpunten/piekdrukte.yml",
        "catalogus/werksessie.yml",
    }


def test_unknown_file_and_wrong_extension(make_catalogus):
    root = make_catalogus({"werksesie.yml": "titel: x\n", "knelpunten/extra.yaml": "titel: x\n"})
    assert problems_of(root) == [
        "catalogus/knelpunten/extra.yaml:1:1: dit bestand wordt niet gelezen (hernoem het naar .yml)",
        "catalogus/werksesie.yml:1:1: onbekend bestand of onbekende map in de catalogus (bedoelde je 'werksessie.yml'?)",
    ]


def test_non_utf8_file(make_catalogus, tmp_path):
    root = make_catalogus()
    (root / "knelpunten" / "piekdrukte.yml").write_bytes(MINIMAL_KNELPUNT.replace("Piekdrukte", "Piekdrukte caf\xe9").encode("latin-1"))
    [problem] = problems_of(root)
    assert problem.startswith("catalogus/knelpunten/piekdrukte.yml:1:22: dit bestand is geen UTF-8")


def test_unknown_lid_law_and_article_are_refused_with_file_and_line(make_catalogus):
    oplossing = MINIMAL_OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "grondslag: [arbowet 3 lid 7, arbowett 3, arbobesluit 2.99, art. 3 lid 2]")
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": oplossing})
    problems = problems_of(root)
    where = "catalogus/oplossingen/taken-herverdelen.yml:9:"
    assert len(problems) == 4
    assert problems[0].startswith(f"{where}13: grondslag[1]: Arbowet art. 3 heeft geen lid 7 in het register (bekend: lid 1, lid 2")
    assert problems[1] == f"{where}30: grondslag[2]: onbekende wet 'arbowett' in 'arbowett 3' (bedoelde je 'arbowet'?)"
    assert problems[2].startswith(f"{where}42: grondslag[3]: Arbobesluit art. 2.99 staat niet in het register (bekend: art. 2.15, ")
    assert problems[2].endswith("staat het artikel wel in de wet, voeg het dan toe aan normen.yml)")
    assert problems[3] == f"{where}60: grondslag[4]: 'art. 3 lid 2' noemt geen wet (begin met de wet, bijvoorbeeld 'arbowet 3 lid 2' of 'arbobesluit 2.15' (bekend: arbobesluit, arboregeling, arbowet, atw, wazo, wor))"


from conftest import MINIMAL  # noqa: E402

MINIMAL_OPLOSSING = MINIMAL["oplossingen/taken-herverdelen.yml"]
MINIMAL_KNELPUNT = MINIMAL["knelpunten/piekdrukte.yml"]


def test_house_colour_must_carry_white_text(make_catalogus):
    root = make_catalogus({"catalogus.yml": MINIMAL["catalogus.yml"] + "huisstijl:\n  kleur: '#7fd3c7'\n"})
    assert problems_of(root) == [
        "catalogus/catalogus.yml:7:10: huisstijl.kleur: de kleur #7fd3c7 is te licht voor witte tekst "
        "(contrast 1.7:1, minimaal 4.5:1) (kies een donkerdere tint)"
    ]


def test_unquoted_colour_is_not_silently_ignored(make_catalogus):
    root = make_catalogus({"catalogus.yml": MINIMAL["catalogus.yml"] + "huisstijl:\n  kleur: #c0392b\n"})
    [problem] = problems_of(root)
    assert problem.startswith("catalogus/catalogus.yml:7:9: huisstijl.kleur: is leeg")
    assert "tussen aanhalingstekens" in problem


def test_a_sector_on_a_base_reports_problems_in_its_own_files(make_catalogus, tmp_path):
    make_catalogus()  # the base: tmp_path/catalogus
    sector = tmp_path / "sector"
    (sector / "knelpunten").mkdir(parents=True)
    (sector / "catalogus.yml").write_text(
        "id: sector\ntitel: Sector\nsector: Test\nuitgever: Testers\nversie: '1'\nbasis: ../catalogus\nweglaten: [rooster-met-bufer]\n", encoding="utf-8"
    )
    (sector / "knelpunten" / "eigen.yml").write_text(
        "titel: Eigen\nfactor: tijdsdruk\nomschrijving: Iets.\nsignalen: [x]\noplossingen: [taken-herverdelen, rooster-met-buffer]\n", encoding="utf-8"
    )
    assert problems_of(sector) == [
        "sector/catalogus.yml:7:12: weglaten[1]: 'rooster-met-bufer' staat niet in de basis (bedoelde je 'rooster-met-buffer'?)"
    ]
    (sector / "catalogus.yml").write_text((sector / "catalogus.yml").read_text().replace("bufer", "buffer"), encoding="utf-8")
    catalogus = load_catalogus(sector)
    assert set(catalogus.knelpunten) == {"piekdrukte", "eigen"}
    assert "rooster-met-buffer" not in catalogus.oplossingen
    assert [o.id for o in catalogus.knelpunten["eigen"].oplossingen] == ["taken-herverdelen"]  # the left-out one drops out
    assert catalogus.link_title("oplossing", "rooster-met-buffer") == "Rooster met buffer"


SCAN = """\
stellingen:
  - id: haasten
    tekst: Ik moet haasten.
    factor: tijdsdruk
    soort: eis
  - id: pieken
    tekst: Er zijn pieken.
    factor: tijdsdruk
    soort: eis
"""


def test_every_scan_statement_points_at_a_knelpunt_and_back(make_catalogus):
    root = make_catalogus({
        "scan.yml": SCAN,
        "knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT + "stellingen: [haasten, piekken]\n",
    })
    assert problems_of(root) == [
        "catalogus/knelpunten/piekdrukte.yml:9:23: stellingen[2]: onbekende stelling 'piekken' (bedoelde je 'pieken'?)",
        "catalogus/scan.yml:6:9: stellingen[2].id: de stelling 'pieken' wijst geen knelpunt aan "
        "(zet 'pieken' bij 'stellingen:' van het knelpunt dat deze stelling meet, of haal de stelling weg)",
    ]
    root = make_catalogus({"scan.yml": SCAN, "knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT + "stellingen: [haasten, pieken]\n"})
    catalogus = load_catalogus(root)
    assert [s.id for s in catalogus.knelpunten["piekdrukte"].stellingen] == ["haasten", "pieken"]
    assert catalogus.scan.stellingen[0].knelpunten == [catalogus.knelpunten["piekdrukte"]]
    assert catalogus.scan.minimum_groep == 5


def test_leaving_out_a_base_knelpunt_names_the_statement_it_orphans(make_catalogus, tmp_path):
    make_catalogus({"scan.yml": SCAN, "knelpunten/piekdrukte.yml": MINIMAL_KNELPUNT + "stellingen: [haasten, pieken]\n"})
    sector = tmp_path / "sector"
    (sector / "knelpunten").mkdir(parents=True)
    info = "id: sector\ntitel: Sector\nsector: Test\nuitgever: Testers\nversie: '1'\nbasis: ../catalogus\nweglaten: [piekdrukte]\n"
    (sector / "catalogus.yml").write_text(info, encoding="utf-8")
    (sector / "knelpunten" / "eigen.yml").write_text(
        "titel: Eigen\nfactor: tijdsdruk\nomschrijving: Iets.\nsignalen: [x]\noplossingen: [taken-herverdelen]\nstellingen: [haasten]\n", encoding="utf-8"
    )
    assert problems_of(sector) == [
        "sector/catalogus.yml:7:12: weglaten[1]: zonder 'piekdrukte' wijst de stelling 'pieken' uit de werkdrukscan geen knelpunt meer aan "
        "(laat de stelling ook weg (zet 'stelling:pieken' bij weglaten), of noem hem bij 'stellingen:' van een eigen knelpunt)"
    ]
    (sector / "catalogus.yml").write_text(info.replace("[piekdrukte]", "[piekdrukte, 'stelling:pieken']"), encoding="utf-8")
    catalogus = load_catalogus(sector)
    assert [s.id for s in catalogus.scan.stellingen] == ["haasten"]


def test_a_guide_needs_a_stable_id_and_distinct_checklist_questions(make_catalogus):
    from conftest import MINIMAL

    stap = MINIMAL["stappen/1-stap.yml"].replace("      - Heb je het gedaan?\n", "      - Heb je het gedaan?\n      - Heb je het  gedaan?\n")
    root = make_catalogus({"catalogus.yml": MINIMAL["catalogus.yml"].replace("id: test-wegwijzer\n", ""), "stappen/1-stap.yml": stap})
    assert problems_of(root) == [
        "catalogus/catalogus.yml:1:1: id: verplicht veld 'id' ontbreekt (voeg 'id:' toe)",
        "catalogus/stappen/1-stap.yml:20:9: substappen[1].check[2]: deze vraag staat al eerder in de lijst "
        "(dezelfde woorden als item 1; haal er een weg of maak ze verschillend)",
    ]
