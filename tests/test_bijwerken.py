"""`wegwijzer bijwerken`: old files brought up to date, and nothing an editor made lost on the way."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import MINIMAL
from wegwijzer.catalogus import load_catalogus
from wegwijzer.cli import bijwerken, main

OPLOSSING = MINIMAL["oplossingen/taken-herverdelen.yml"]
#: The minimal oplossing without its grondslag: each case adds its own old fields.
ZONDER = OPLOSSING.replace("grondslag: [arbowet 3 lid 2]\n", "")
NAAM = "oplossingen/taken-herverdelen.yml"


def run(root: Path, capsys) -> tuple[int, str]:
    code = main(["bijwerken", "--map", str(root)])
    return code, capsys.readouterr().out


# (what the editor wrote after the other fields, what it must become)
STYLES = {
    "block list at column 0": (
        "arbowet:\n- art. 3 lid 2\n- art. 5\n",
        "grondslag:\n- arbowet 3 lid 2\n- arbowet 5\n",
    ),
    "indented block list with comments": (
        "# waarom: zie de RI&E\narbowet:   # de wet\n  - art. 3 lid 2   # PSA\n  # en de RI&E\n  - art. 5\n\n# einde\n",
        "# waarom: zie de RI&E\ngrondslag:   # de wet\n  - arbowet 3 lid 2   # PSA\n  # en de RI&E\n  - arbowet 5\n\n# einde\n",
    ),
    "flow list": (
        "arbowet: [art. 3 lid 2, art. 5]  # twee\n",
        "grondslag: [arbowet 3 lid 2, arbowet 5]  # twee\n",
    ),
    "flow list over lines": (
        "arbowet: [\n    art. 3 lid 2,\n    art. 5,\n  ]\n",
        "grondslag: [\n    arbowet 3 lid 2,\n    arbowet 5,\n  ]\n",
    ),
    "quoted items": (
        "arbowet: ['art. 3 lid 2', \"art. 5\"]\n",
        "grondslag: ['arbowet 3 lid 2', \"arbowet 5\"]\n",
    ),
    "one article": (
        "arbowet: art. 5\n",
        "grondslag: arbowet 5\n",
    ),
    "without last line break": (
        "arbowet:\n  - art. 5",
        "grondslag:\n  - arbowet 5",
    ),
    "block strings around it": (
        "randvoorwaarden:\n  - |\n    Tijd om te praten:\n    - ook over rust\n\narbowet: [art. 5]\nonderbouwing:\n  soort: praktijk\n  toelichting: >\n    Werkt in teams\n    van elke grootte.\n",
        "randvoorwaarden:\n  - |\n    Tijd om te praten:\n    - ook over rust\n\ngrondslag: [arbowet 5]\nonderbouwing:\n  soort: praktijk\n  toelichting: >\n    Werkt in teams\n    van elke grootte.\n",
    ),
    "anchors and aliases elsewhere": (
        "randvoorwaarden: &tijd\n  - Tijd\narbowet: [art. 5]\npraktijk: []\n",
        "randvoorwaarden: &tijd\n  - Tijd\ngrondslag: [arbowet 5]\npraktijk: []\n",
    ),
    "bron indented two": (
        "bron:\n  naam: Arboportaal   # de site\n  url: https://www.arboportaal.nl\n",
        "bronnen:\n- titel: Arboportaal   # de site\n  link: https://www.arboportaal.nl\n",
    ),
    "bron indented four": (
        "bron:\n    naam: 'Arboportaal'\n    url: https://www.arboportaal.nl\n",
        "bronnen:\n  - titel: 'Arboportaal'\n    link: https://www.arboportaal.nl\n",
    ),
    "bron indented one": (
        "bron:\n naam: Arboportaal\n url: https://www.arboportaal.nl\n",
        "bronnen:\n- titel: Arboportaal\n  link: https://www.arboportaal.nl\n",
    ),
    "bron as flow": (
        "bron: {naam: Arboportaal, url: https://www.arboportaal.nl}\n",
        "bronnen: [{titel: Arboportaal, link: https://www.arboportaal.nl}]\n",
    ),
    "arbowet and bron": (
        "arbowet:\n- art. 3 lid 2\nbron:\n  naam: TNO\n",
        "grondslag:\n- arbowet 3 lid 2\nbronnen:\n- titel: TNO\n",
    ),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("style", list(STYLES))
def test_every_yaml_style_changes_only_the_old_fields(style, newline, make_catalogus, capsys):
    old, new = STYLES[style]
    root = make_catalogus({NAAM: ZONDER})
    path = root / NAAM
    path.write_bytes((ZONDER + old).replace("\n", newline).encode("utf-8"))
    code, out = run(root, capsys)
    assert code == 0, out
    assert f"bijgewerkt: {path}" in out
    written = path.read_bytes().decode("utf-8")
    assert written == (ZONDER + new).replace("\n", newline)  # every other byte as it was
    oplossing = load_catalogus(root).oplossingen["taken-herverdelen"]
    labels = [label for article, label in [("art. 3 lid 2", "Arbowet art. 3 lid 2"), ("art. 5", "Arbowet art. 5")] if article in old]
    assert [b.label for b in oplossing.grondslag] == labels
    if "bron" in old:
        assert [b.titel for b in oplossing.bronnen] == ["TNO" if "TNO" in old else "Arboportaal"]
    assert load_catalogus(root).waarschuwingen == []
    again, out = run(root, capsys)
    assert (again, path.read_bytes().decode("utf-8")) == (0, written)
    assert "0 bestand(en) bijgewerkt" in out


# A grondslag of another law than the Arbowetgeving, as guides wrote it before: (old, new,
# the grondslag afterwards, what is 'ook van belang' afterwards)
OOK_VAN_BELANG = {
    "flow list with a comment": (
        "grondslag: [arbowet 3 lid 2, atw 5:4]  # rust\n",
        "grondslag: [arbowet 3 lid 2]  # rust\nook_van_belang: [atw 5:4]\n",
        ["Arbowet art. 3 lid 2"], ["Arbeidstijdenwet art. 5:4"],
    ),
    "block list": (
        "grondslag:\n  - arbowet 3 lid 2\n  - Wazo artikel 5:1   # zorgverlof\n  - atw 5:4\npraktijk: []\n",
        "grondslag:\n  - arbowet 3 lid 2\nook_van_belang: [Wazo artikel 5:1, atw 5:4]\npraktijk: []\n",
        ["Arbowet art. 3 lid 2"], ["Wazo art. 5:1", "Arbeidstijdenwet art. 5:4"],
    ),
    "only another law": (
        "grondslag:\n  - atw 5:4\n",
        "ook_van_belang:\n  - atw 5:4\n",
        [], ["Arbeidstijdenwet art. 5:4"],
    ),
    "one article, not a list": (
        "grondslag: atw 5:4\n",
        "ook_van_belang: atw 5:4\n",
        [], ["Arbeidstijdenwet art. 5:4"],
    ),
    "ook_van_belang already there": (
        "grondslag: [arbobesluit 2.15, wazo 5:1]\nook_van_belang: [atw 5:4]\n",
        "grondslag: [arbobesluit 2.15]\nook_van_belang: [atw 5:4, wazo 5:1]\n",
        ["Arbobesluit art. 2.15"], ["Arbeidstijdenwet art. 5:4", "Wazo art. 5:1"],
    ),
    "all moved, ook_van_belang already there": (
        "grondslag:\n  - wazo 5:1\nook_van_belang:\n  - atw 5:4\n",
        "grondslag: []\nook_van_belang:\n  - atw 5:4\n  - wazo 5:1\n",
        [], ["Arbeidstijdenwet art. 5:4", "Wazo art. 5:1"],
    ),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("style", list(OOK_VAN_BELANG))
def test_another_law_than_the_arbowetgeving_moves_to_ook_van_belang(style, newline, make_catalogus, capsys):
    old, new, grondslag, ook = OOK_VAN_BELANG[style]
    root = make_catalogus({NAAM: ZONDER})
    path = root / NAAM
    path.write_bytes((ZONDER + old).replace("\n", newline).encode("utf-8"))
    assert main(["check", str(root)]) == 1
    assert "is geen Arbowetgeving" in capsys.readouterr().err
    code, out = run(root, capsys)
    assert code == 0, out
    assert "staat nu onder 'ook_van_belang'" in out
    assert path.read_bytes().decode("utf-8") == (ZONDER + new).replace("\n", newline)
    oplossing = load_catalogus(root).oplossingen["taken-herverdelen"]
    assert ([b.label for b in oplossing.grondslag], [b.label for b in oplossing.ook_van_belang]) == (grondslag, ook)
    assert load_catalogus(root).toetsingsfouten == []
    again, out = run(root, capsys)
    assert (again, "0 bestand(en) bijgewerkt" in out) == (0, True)


def test_a_guide_with_another_law_as_grondslag_still_builds_and_shows_it_as_ook_van_belang(make_catalogus):
    root = make_catalogus({NAAM: ZONDER + "grondslag: [arbowet 3 lid 2, atw 5:4]\n"})
    catalogus = load_catalogus(root)
    oplossing = catalogus.oplossingen["taken-herverdelen"]
    assert [b.label for b in oplossing.grondslag] == ["Arbowet art. 3 lid 2"]
    assert [b.label for b in oplossing.ook_van_belang] == ["Arbeidstijdenwet art. 5:4"]
    [fout] = catalogus.toetsingsfouten
    assert (fout.field, Path(fout.mark.path).name) == ("grondslag[2]", "taken-herverdelen.yml")


def test_a_byte_order_mark_and_a_comment_before_the_first_field_stay(make_catalogus, capsys):
    root = make_catalogus()
    info = root / "catalogus.yml"
    old = "\ufeff# onze gids\r\ntitel: Test Wegwijzer\r\nsector: Zorg & Welzijn\r\nuitgever: Testers\r\nversie: '1.0'"
    info.write_bytes(old.encode("utf-8"))
    code, out = run(root, capsys)
    assert code == 0, out
    assert info.read_bytes().decode("utf-8") == old.replace("titel:", "id: werkdruk-zorg-welzijn\r\ntitel:")
    assert "'id: werkdruk-zorg-welzijn' toegevoegd" in out and "verander je hem nooit meer" in out
    assert load_catalogus(root).info.id == "werkdruk-zorg-welzijn"


@pytest.mark.parametrize("weglaten, expected", [
    ("weglaten:\n- steeds-gestoord-tijdens-werk\n", "weglaten:\n- steeds-gestoord-tijdens-werk\n- stelling:vaak-gestoord\n"),
    ("weglaten:\n  - steeds-gestoord-tijdens-werk   # geen bureauwerk\n# en verder\n", "weglaten:\n  - steeds-gestoord-tijdens-werk   # geen bureauwerk\n  - stelling:vaak-gestoord\n# en verder\n"),
    ("weglaten: [steeds-gestoord-tijdens-werk]", "weglaten: [steeds-gestoord-tijdens-werk, stelling:vaak-gestoord]"),
], ids=["column 0", "indented with comments", "flow without last line break"])
def test_a_scan_statement_orphaned_by_weglaten_is_left_out_too(tmp_path, capsys, weglaten, expected):
    root = tmp_path / "catalogus"
    root.mkdir()
    head = "titel: Werkdruk Wegwijzer Test\nsector: Test\nuitgever: Testers\nversie: '1.0'\nbasis: werkdruk\n"
    (root / "catalogus.yml").write_text(head + weglaten, encoding="utf-8")
    code, out = run(root, capsys)
    assert code == 0, out
    assert (root / "catalogus.yml").read_text(encoding="utf-8") == "id: werkdruk-test\n" + head + expected
    assert "'stelling:vaak-gestoord' bij 'weglaten' gezet" in out
    catalogus = load_catalogus(root)
    assert "vaak-gestoord" not in {s.id for s in catalogus.scan.stellingen}


def test_a_standalone_scan_names_the_knelpunten_of_its_factor(make_catalogus, capsys):
    scan = textwrap.dedent("""\
        stellingen:
          - id: te-veel-werk
            tekst: Ik heb te veel werk.
            factor: tijdsdruk
            soort: eis
        """)
    root = make_catalogus({"scan.yml": scan})
    code, out = run(root, capsys)
    assert code == 0, out
    assert (root / "knelpunten" / "piekdrukte.yml").read_text(encoding="utf-8") == MINIMAL["knelpunten/piekdrukte.yml"] + "stellingen: [te-veel-werk]\n"
    assert [s.id for s in load_catalogus(root).knelpunten["piekdrukte"].stellingen] == ["te-veel-werk"]


def test_the_old_test_file_and_its_comments(make_catalogus, capsys):
    """The case the first `bijwerken` was written for: now with the comment on the article kept."""
    old = OPLOSSING.replace(
        "grondslag: [arbowet 3 lid 2]",
        "# waarom deze artikelen: zie de RI&E\narbowet:\n  - art. 3 lid 2   # PSA\n  - art. 5\nbron:\n  naam: Arboportaal\n  url: https://www.arboportaal.nl\n",
    )
    root = make_catalogus({NAAM: old})
    (root / NAAM).chmod(0o664)  # shared with the team
    done = subprocess.run([sys.executable, "-m", "wegwijzer", "bijwerken", "--map", str(root)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 bestand(en) bijgewerkt" in done.stdout
    assert (root / NAAM).stat().st_mode & 0o777 == 0o664  # colleagues can still read and write it
    assert (root / NAAM).read_text(encoding="utf-8") == OPLOSSING.replace(
        "grondslag: [arbowet 3 lid 2]",
        "# waarom deze artikelen: zie de RI&E\ngrondslag:\n  - arbowet 3 lid 2   # PSA\n  - arbowet 5\nbronnen:\n- titel: Arboportaal\n  link: https://www.arboportaal.nl\n",
    )
    catalogus = load_catalogus(root)
    assert catalogus.waarschuwingen == []
    assert [b.label for b in catalogus.oplossingen["taken-herverdelen"].grondslag] == ["Arbowet art. 3 lid 2", "Arbowet art. 5"]


# -- what it refuses, and how it says so ---------------------------------------------------

OLD = ZONDER + "arbowet: [art. 5]\n"


def refused(root: Path, capsys, *words: str) -> str:
    code, out = run(root, capsys)
    assert code == 1, out
    assert "Traceback" not in out
    for word in words:
        assert word in out, out
    return out


def test_a_read_only_file_is_refused(make_catalogus, capsys):
    root = make_catalogus({NAAM: OLD})
    (root / NAAM).chmod(0o444)
    refused(root, capsys, f"niet bijgewerkt: {root / NAAM}", "alleen-lezen", "chmod u+w")
    assert (root / NAAM).read_text(encoding="utf-8") == OLD
    assert (root / NAAM).stat().st_mode & 0o777 == 0o444


def test_a_read_only_folder_is_refused(make_catalogus, capsys):
    root = make_catalogus({NAAM: OLD})
    (root / "oplossingen").chmod(0o555)
    try:
        refused(root, capsys, f"niet bijgewerkt: {root / NAAM}", f"de map {root / 'oplossingen'} is alleen-lezen")
        assert (root / NAAM).read_text(encoding="utf-8") == OLD
        assert sorted(p.name for p in (root / "oplossingen").iterdir()) == ["rooster-met-buffer.yml", "taken-herverdelen.yml"]
    finally:
        (root / "oplossingen").chmod(0o755)


def test_a_folder_that_refuses_writing_is_a_sentence(make_catalogus, capsys, monkeypatch):
    root = make_catalogus({NAAM: OLD})

    def denied(path, write):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(bijwerken, "write_whole", denied)
    refused(root, capsys, "kan niet schrijven in de map", "Permission denied")
    assert (root / NAAM).read_text(encoding="utf-8") == OLD


def test_an_unreadable_folder_is_a_sentence(make_catalogus, capsys, monkeypatch):
    root = make_catalogus({NAAM: OLD})
    real = os.scandir

    def scandir(path="."):
        if Path(path) == root / "oplossingen":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(bijwerken.os, "scandir", scandir)
    refused(root, capsys, f"niet bijgewerkt: {root / 'oplossingen'}: de map kan niet gelezen worden", "chmod u+rx")
    monkeypatch.undo()
    assert (root / NAAM).read_text(encoding="utf-8") == OLD


def test_a_symbolic_link_stays_a_link(make_catalogus, capsys, tmp_path):
    root = make_catalogus()
    elders = tmp_path / "gedeeld" / "taken.yml"
    elders.parent.mkdir()
    elders.write_text(OLD, encoding="utf-8")
    (root / NAAM).unlink()
    (root / NAAM).symlink_to(elders)
    code, out = run(root, capsys)
    assert code == 0, out
    assert (root / NAAM).is_symlink() and Path(os.readlink(root / NAAM)) == elders
    assert elders.read_text(encoding="utf-8") == OLD.replace("arbowet: [art. 5]", "grondslag: [arbowet 5]")


def test_a_file_saved_during_the_run_is_not_overwritten(make_catalogus, capsys, monkeypatch):
    root = make_catalogus({NAAM: OLD})
    plan = bijwerken.migraties.plan

    def plan_and_save(*args):
        planned = plan(*args)
        with open(root / NAAM, "a", encoding="utf-8") as file:  # the editor saves meanwhile
            file.write("# net getypt\n")
        return planned

    monkeypatch.setattr(bijwerken.migraties, "plan", plan_and_save)
    refused(root, capsys, f"niet bijgewerkt: {root / NAAM}", "veranderd terwijl bijwerken liep")
    assert (root / NAAM).read_text(encoding="utf-8") == OLD + "# net getypt\n"


def test_a_latin_1_file_is_a_sentence_not_a_traceback(make_catalogus):
    root = make_catalogus()
    raw = (ZONDER.replace("Verdeel", "Verdeel café") + "arbowet: [art. 5]\n").encode("latin-1")
    (root / NAAM).write_bytes(raw)
    done = subprocess.run([sys.executable, "-m", "wegwijzer", "bijwerken", "--map", str(root)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{root / NAAM}: is geen UTF-8 (regel 2); sla het bestand op als UTF-8" in done.stdout
    assert (root / NAAM).read_bytes() == raw


def test_an_alias_into_the_old_field_is_left_to_the_editor(make_catalogus, capsys):
    old = ZONDER + "arbowet: &wet [art. 5]\nrandvoorwaarden: *wet\n"
    root = make_catalogus({NAAM: old})
    refused(root, capsys, "anker (&) of verwijzing (*)")
    assert (root / NAAM).read_text(encoding="utf-8") == old


def test_both_the_old_and_the_new_field_is_left_to_the_editor(make_catalogus, capsys):
    old = OPLOSSING + "arbowet: [art. 5]\n"
    root = make_catalogus({NAAM: old})
    refused(root, capsys, "heeft zowel 'arbowet' als 'grondslag'")
    assert (root / NAAM).read_text(encoding="utf-8") == old


def test_a_missing_or_empty_folder_is_a_sentence(tmp_path, capsys):
    code, out = run(tmp_path / "nergens", capsys)
    assert code == 1 and "bestaat niet" in out
    code, out = run(tmp_path, capsys)
    assert code == 1 and "staat geen catalogus.yml" in out


# -- crafted files --------------------------------------------------------------------------


def test_old_mac_line_endings_stay(make_catalogus, capsys):
    root = make_catalogus()
    text = (ZONDER + "arbowet:\n- art. 5\n").replace("\n", "\r")
    (root / NAAM).write_bytes(text.encode("utf-8"))
    code, out = run(root, capsys)
    assert code == 0, out
    assert (root / NAAM).read_bytes().decode("utf-8") == text.replace("arbowet:", "grondslag:").replace("art. 5", "arbowet 5")


@pytest.mark.parametrize("text, words", [
    (OLD + "arbowet: [art. 3]\n", ["was al geen geldige catalogus-YAML"]),  # a key twice: which one did the editor mean?
    (OLD + "titel: [\n", ["is geen geldige YAML"]),
    (OLD.replace("titel:", "titel:\t"), ["is geen geldige YAML"]),
    ("---\n" + OLD + "---\n" + OLD, ["is geen geldige YAML"]),
    ("- " + OLD.replace("\n", "\n  "), ["bestaat niet uit velden"]),
    ("[" * 5000 + "]" * 5000 + "\n", []),
], ids=["key twice", "broken", "tab", "two documents", "a list", "deep"])
def test_a_file_bijwerken_cannot_read_as_planned_is_left_as_it_is(make_catalogus, capsys, text, words):
    root = make_catalogus({NAAM: text})
    (root / NAAM).write_text(text, encoding="utf-8")
    refused(root, capsys, *words)
    assert (root / NAAM).read_text(encoding="utf-8") == text


def test_an_alias_bomb_in_catalogus_yml_does_not_blow_up(make_catalogus, capsys):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    text = MINIMAL["catalogus.yml"].replace("id: test-wegwijzer\n", "") + bomb
    root = make_catalogus({"catalogus.yml": text})
    code, out = run(root, capsys)
    assert "Traceback" not in out
    assert (root / "catalogus.yml").read_text(encoding="utf-8") == text  # the result would not load the same: left alone
    assert code == 1
