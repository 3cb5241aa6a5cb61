"""The `wegwijzer` command line, used as an editor uses it."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from wegwijzer.catalogus import load_catalogus

BASE = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk"


def wegwijzer(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wegwijzer", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def example(tmp_path) -> Path:
    """A copy of the example sector catalogus to work in."""
    shutil.copytree(ROOT / "catalogus", tmp_path / "catalogus")
    return tmp_path


def test_help_is_dutch(tmp_path):
    result = wegwijzer("--help", cwd=tmp_path)
    assert "opdrachten" in result.stdout and "toon deze hulp en stop" in result.stdout
    for command in ("check", "nieuw", "overzicht", "export", "import", "start", "schema"):
        assert command in result.stdout


def test_check_passes_the_example_and_scores_the_mkb_pages(example):
    result = wegwijzer("check", cwd=example)
    assert result.returncode == 0, result.stderr
    assert "Geen fouten in catalogus" in result.stdout
    assert result.stdout.count("stap ") >= 5 and "Flesch-Douma" in result.stdout


def test_check_reports_errors_and_warnings(example):
    knelpunt = example / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factor: taakonderbrekingen", "factor: taakonderbrekingenn"), encoding="utf-8")
    result = wegwijzer("check", cwd=example)
    assert result.returncode == 1
    assert "onbekende factor 'taakonderbrekingenn' (bedoelde je 'taakonderbrekingen'?)" in result.stderr

    knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factor: taakonderbrekingenn", "factor: taakonderbrekingen"), encoding="utf-8")
    oplossing = example / "catalogus" / "oplossingen" / "weinig-gebruikt.yml"
    oplossing.write_text(
        "titel: Iets wat niemand noemt\nomschrijving: Een test.\naanpak: bron\nniveau: [team]\ntermijn: kort\nkosten: laag\n"
        "invoeren: [Doe het.]\n",
        encoding="utf-8",
    )
    stap = example / "catalogus" / "stappen" / "1-signalen.yml"
    stap.parent.mkdir()
    text = (BASE / "stappen" / "1-signalen.yml").read_text(encoding="utf-8")
    long = "Dit is een heel lange zin die veel te veel woorden heeft voor een ondernemer die maar tien minuten heeft om alles te lezen wat er staat."
    stap.write_text(text.replace("mkb:\n  inleiding: |\n", f"mkb:\n  inleiding: |\n    {long}\n", 1), encoding="utf-8")
    result = wegwijzer("check", cwd=example)
    assert result.returncode == 0, result.stderr
    assert "oplossing 'weinig-gebruikt' wordt door geen enkel knelpunt genoemd" in result.stdout
    assert "oplossing 'weinig-gebruikt' noemt geen wettelijke grondslag" in result.stdout
    assert "oplossing 'weinig-gebruikt' noemt geen bron" in result.stdout
    assert "zin van 27 woorden: 'Dit is een heel lange zin" in result.stdout
    # lawaai-op-de-groep names no statement of the scan: the editor learns it can never rank
    assert "knelpunt 'lawaai-op-de-groep' komt nooit in de uitslag van de werkdrukscan" in result.stdout


def test_nieuw_writes_every_field_with_its_explanation(example):
    result = wegwijzer("nieuw", "knelpunt", "te-weinig-handen", cwd=example)
    assert result.returncode == 0, result.stderr
    path = example / "catalogus" / "knelpunten" / "te-weinig-handen.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    for field in ("titel", "factor", "omschrijving", "signalen", "oplossingen"):
        assert f"\n{field}:" in text
    assert "# De id van de factor uit het werkdrukmodel" in text
    # until it is filled in, check says exactly what is missing
    check = wegwijzer("check", cwd=example)
    assert check.returncode == 1 and "te-weinig-handen.yml" in check.stderr and "titel: is leeg" in check.stderr

    filled = text.replace("titel: ", "titel: Te weinig handen", 1).replace("factor: ", "factor: hoeveelheid-werk", 1)
    filled = filled.replace("omschrijving: |\n  ", "omschrijving: |\n  Er zijn te weinig mensen.", 1)
    filled = filled.replace("signalen:\n  - ", "signalen:\n  - Overuren", 1).replace("oplossingen:\n  - ", "oplossingen:\n  - taken-herverdelen\n  - flexibele-schil", 1)
    path.write_text(filled, encoding="utf-8")
    assert wegwijzer("check", cwd=example).returncode == 0
    assert wegwijzer("nieuw", "knelpunt", "te-weinig-handen", cwd=example).returncode == 1  # never overwrites
    assert "geen geldige id" in wegwijzer("nieuw", "oplossing", "Met Hoofdletters", cwd=example).stderr
    # the name of the site's list of all oplossingen: refused before a file is written
    refused = wegwijzer("nieuw", "oplossing", "alle", cwd=example)
    assert refused.returncode == 1 and "'alle' kan geen id zijn" in refused.stderr and not (example / "oplossingen" / "alle.yml").exists()


def test_overzicht_counts_and_shows_what_is_thin(example):
    result = wegwijzer("overzicht", cwd=example)
    assert result.returncode == 0
    catalogus = load_catalogus(example / "catalogus")
    assert re.search(rf"^  knelpunten\s+{len(catalogus.knelpunten)}$", result.stdout, re.MULTILINE)
    assert re.search(rf"^  oplossingen\s+{len(catalogus.oplossingen)}$", result.stdout, re.MULTILINE)
    assert "tijdsdruk" in result.stdout
    thin = [f.id for f in catalogus.factoren if len(f.knelpunten) < 2]
    assert "Dunne factoren (minder dan 2 knelpunten): " + ", ".join(thin) in result.stdout


def test_export_json_and_csv(example):
    result = wegwijzer("export", "--formaat", "json", cwd=example)
    data = json.loads(result.stdout)
    assert data["formaatversie"] == 1 and data["gids"]["sector"] == "Kinderopvang"
    assert len(data["oplossingen"]) == len(load_catalogus(example / "catalogus").oplossingen)
    assert wegwijzer("export", "--formaat", "csv", "--uit", "open-data", cwd=example).returncode == 0
    raw = (example / "open-data" / "oplossingen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["id", "titel", "omschrijving"] and len(rows) == len(data["oplossingen"]) + 1


def test_import_writes_good_rows_and_refuses_a_bad_one(example):
    (example / "knelpunten.csv").write_text(
        "id;titel;factor;omschrijving;signalen;oplossingen\n"
        "wachtlijst;Lange wachtlijst;hoeveelheid-werk;Ouders wachten lang op een plek.;Boze ouders | Druk op de planning;flexibele-schil | taken-herverdelen\n"
        "slecht;Een slechte rij;tijddruk;Deze factor bestaat niet.;Iets;flexibele-schil\n"
        ";Geen id maar wel een titel;tijdsdruk;De id komt uit de titel.;Haast;rooster-met-buffer | stille-uren\n",
        encoding="utf-8",
    )
    result = wegwijzer("import", "knelpunten.csv", cwd=example)
    assert result.returncode == 1
    assert "knelpunten.csv:3, kolom 'factor': onbekende factor 'tijddruk' (bedoelde je 'tijdsdruk'?)" in result.stderr
    assert "knelpunten.csv:3: deze rij is niet geïmporteerd" in result.stderr
    assert "2 knelpunten geschreven, 1 rij(en) geweigerd" in result.stdout
    folder = example / "catalogus" / "knelpunten"
    assert not (folder / "slecht.yml").exists()
    written = yaml.safe_load((folder / "wachtlijst.yml").read_text(encoding="utf-8"))
    assert written["signalen"] == ["Boze ouders", "Druk op de planning"]
    assert (folder / "geen-id-maar-wel-een-titel.yml").is_file()
    assert wegwijzer("check", cwd=example).returncode == 0

    # nothing is overwritten without --overschrijf
    (folder / "wachtlijst.yml").write_text((folder / "wachtlijst.yml").read_text(encoding="utf-8").replace("Lange wachtlijst", "Eigen titel"), encoding="utf-8")
    again = wegwijzer("import", "knelpunten.csv", cwd=example)
    assert "bestaat al en is niet overschreven" in again.stdout
    assert "Eigen titel" in (folder / "wachtlijst.yml").read_text(encoding="utf-8")
    wegwijzer("import", "knelpunten.csv", "--overschrijf", cwd=example)
    assert "Lange wachtlijst" in (folder / "wachtlijst.yml").read_text(encoding="utf-8")


def test_import_reads_back_what_export_wrote(example):
    from wegwijzer.catalogus.open_data import to_json

    before = to_json(load_catalogus(example / "catalogus"))
    wegwijzer("export", "--formaat", "csv", "--uit", "uit", cwd=example)
    for soort in ("oplossingen", "knelpunten"):
        result = wegwijzer("import", f"uit/{soort}.csv", "--overschrijf", cwd=example)
        assert result.returncode == 0, result.stderr
    after = to_json(load_catalogus(example / "catalogus"))
    assert after == before


def test_json_schema_accepts_every_example_file_and_rejects_a_wrong_one():
    jsonschema = pytest.importorskip("jsonschema")
    from wegwijzer.catalogus.json_schema import json_schemas, kind_of

    class Yaml12(yaml.SafeLoader):
        """Reads a file as the editor's YAML extension does: 2029-12-31 stays text (YAML 1.2)."""

    Yaml12.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"] for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    schemas = json_schemas()
    checked = 0
    register = ROOT / "plugins" / "wegwijzer" / "register"
    for root in (BASE, ROOT / "catalogus", register):
        for path in root.rglob("*.yml"):
            kind = kind_of(path.relative_to(root).as_posix())
            if kind:
                jsonschema.validate(yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12), schemas[kind])
                header = path.read_text(encoding="utf-8").splitlines()[0]
                assert header.startswith("# yaml-language-server: $schema=") and (path.parent / header.split("=", 1)[1]).resolve().is_file()
                checked += 1
    assert checked > 120
    wrong = yaml.safe_load((BASE / "oplossingen" / "stille-uren.yml").read_text(encoding="utf-8")) | {"termijn": "ooit", "kostn": "laag"}
    errors = list(jsonschema.Draft202012Validator(schemas["oplossing"]).iter_errors(wrong))
    assert {e.validator for e in errors} == {"enum", "additionalProperties"}


def test_package_schemas_are_generated_from_the_model(tmp_path):
    assert wegwijzer("schema", "--uit", str(tmp_path), cwd=tmp_path).returncode == 0
    package = ROOT / "plugins" / "wegwijzer" / "schema"
    for path in tmp_path.glob("*.json"):
        assert path.read_text(encoding="utf-8") == (package / path.name).read_text(encoding="utf-8"), f"{path.name}: draai 'wegwijzer schema'"


def test_import_refuses_what_a_file_would_be_refused_for(example):
    """`import` checks a row with the loader's own checks: a link that runs a script in a cell is
    refused at import (it used to be written, and refused only by the next `check`)."""
    (example / "knelpunten.csv").write_text(
        "id;titel;factor;omschrijving;signalen;oplossingen\n"
        "verstopt;Een verstopte link;tijdsdruk;Lees [dit](javascript:alert(1)) eerst.;Haast;flexibele-schil\n"
        "goed;Een gewone rij;tijdsdruk;Lees [[knelpunt:verstopt]] niet.;Haast;flexibele-schil\n"
        ";Alle;tijdsdruk;Een titel die de naam van de lijst van alle knelpunten zou worden.;Haast;flexibele-schil\n",
        encoding="utf-8",
    )
    result = wegwijzer("import", "knelpunten.csv", cwd=example)
    assert result.returncode == 1
    assert "knelpunten.csv:2, kolom 'omschrijving':" in result.stderr and "knelpunten.csv:2: deze rij is niet geïmporteerd" in result.stderr
    assert "knelpunten.csv:3, kolom 'omschrijving': link naar onbekende knelpunt 'verstopt'" in result.stderr
    folder = example / "catalogus" / "knelpunten"
    assert "knelpunten.csv:4, kolom 'titel': de id uit deze titel: 'alle' kan geen id zijn" in result.stderr
    assert not (folder / "verstopt.yml").exists() and not (folder / "goed.yml").exists() and not (folder / "alle.yml").exists()
    assert wegwijzer("check", cwd=example).returncode == 0


def test_no_command_imports_plugin_code_or_the_engine():
    """The commands use the model, the page layer and printing (docs/ontwikkelaars.md): another engine
    than MkDocs replaces the adapter and leaves them as they are. `bouwen` and `bekijken` start the
    engine in a process of its own."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import wegwijzer.cli as cli\n"
        "for module in pkgutil.iter_modules(cli.__path__): importlib.import_module('wegwijzer.cli.' + module.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('wegwijzer.plugins') or n.split('.')[0] in ('mkdocs', 'material', 'properdocs')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr[-2000:]
