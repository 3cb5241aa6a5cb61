"""Safe by construction (issue 25): output never replaces sources, CSV never runs a formula,
reads stay inside the project, and every failure is Dutch, with no traceback.

Hostile inputs throughout: output folders on top of the sources, symbolic links out of the
project, crafted files (Latin-1, 200 MB, deep nesting, a long CSV cell), wrong paths. Each
test asserts the Dutch message, a non-zero exit, no "Traceback" and that nothing was written.
Unreadable folders: these tests run as root in CI, and chmod 000 does not stop root, so
they make os.scandir refuse instead (monkeypatch); the real chmod test is skipped as root.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from wegwijzer.catalogus import CatalogusError, load_catalogus
from wegwijzer.catalogus.dossier import to_csv as dossier_csv
from wegwijzer.catalogus.handpaginas import docs_folder_problems, logo_problems
from wegwijzer.catalogus.loader import display_path
from wegwijzer.catalogus.open_data import read_spreadsheet_cell, spreadsheet_cell, to_csv
from wegwijzer.catalogus.yaml_source import read_yaml
from wegwijzer.cli import main
from wegwijzer.output_folder import DOSSIER, SITE, project_sources, refusal

SCRIPTS = ROOT / "plugins" / "wegwijzer" / "theme" / "assets" / "javascripts" / "wegwijzer"
HOSTILE = ["=1+2", "+31 6 1234", "-2+3", "@SUM(A1)", "\tverborgen", "\rterug", "=HYPERLINK(\"http://x\";\"klik\")", "'=al gequote", "''-twee"]


@pytest.fixture
def project(make_catalogus, monkeypatch):
    """The minimal catalogus in a project: mkdocs.yml, content/, overrides/; the current folder."""
    root = make_catalogus()
    project = root.parent
    (project / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: content\ntheme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - wegwijzer/catalogus\n", encoding="utf-8")
    (project / "content").mkdir()
    (project / "content" / "over-ons.md").write_text("# Over ons\n", encoding="utf-8")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def refused(capsys, *argv: str) -> str:
    """Run `wegwijzer argv` in this process; it must fail in Dutch, without a traceback."""
    assert main(list(argv)) == 1
    out = capsys.readouterr()
    text = out.err + out.out
    assert "Traceback" not in text and "Error" not in text
    return text


# -- 1. Output never replaces sources --------------------------------------------


@pytest.mark.parametrize("uit, expected", [
    ("catalogus", "--uit catalogus: hier staat de catalogus. De site komt in de plaats van de hele map."),
    ("content", "--uit content: hier staat de map met je eigen pagina's (docs_dir)."),
    ("overrides", "--uit overrides: hier staat de map overrides."),
    (".", "--uit .: dit is de map van je project (met mkdocs.yml)."),
    ("..", "--uit ..: in deze map staat je project"),
    (".git", "--uit .git: hier staat de geschiedenis van git (.git)."),
    ("mkdocs.yml", "--uit mkdocs.yml: dit is een bestand, geen map."),
    ("catalogus/knelpunten", "--uit catalogus/knelpunten: deze map ligt in de catalogus"),
    ("notities", "--uit notities: deze map is niet leeg en is geen eerder gebouwde site (er staat bijvoorbeeld 'boodschappen.txt' in, dat de build niet maakte)."),
    ("mkdocs.yml/site", "is een bestand, geen map, dus hier kan geen map komen."),
])
def test_bouwen_refuses_every_source_before_mkdocs_starts(project, capsys, uit, expected):
    (project / ".git").mkdir()
    (project / "notities").mkdir()
    (project / "notities" / "boodschappen.txt").write_text("melk\n", encoding="utf-8")
    before = snapshot(project)
    text = refused(capsys, "bouwen", "--uit", uit)
    assert expected in text
    assert "Er is niets geschreven. Kies een eigen map, bijvoorbeeld --uit site." in text
    assert snapshot(project) == before
    assert not [p for p in project.iterdir() if "-bouw-" in p.name]


def test_an_earlier_site_or_an_empty_folder_may_be_replaced(tmp_path):
    project = tmp_path / "project"
    (project / "catalogus").mkdir(parents=True)
    sources = project_sources(project)
    site = project / "site"
    assert refusal(site, SITE, project, sources, "--uit site") is None  # not there yet
    site.mkdir()
    assert refusal(site, SITE, project, sources, "--uit site") is None  # empty
    (site / "index.html").write_text("<html>", encoding="utf-8")
    assert "geen eerder gebouwde site" in refusal(site, SITE, project, sources, "--uit site")
    (site / "404.html").write_text("<html>", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "huisstijl.css").write_text(":root {}", encoding="utf-8")
    assert refusal(site, SITE, project, sources, "--uit site") is None  # a site a Wegwijzer build made
    (site / ".git").mkdir()  # a gh-pages checkout: replacing it would throw away its history
    assert "in deze map staat een git-map (.git)" in refusal(site, SITE, project, sources, "--uit site")
    # a folder reached by a link is judged by where it leads
    (tmp_path / "link").symlink_to(project / "catalogus")
    assert "hier staat de catalogus" in refusal(tmp_path / "link", SITE, project, sources, "--uit ../link")


def fake_config(project: Path, site_dir: Path, catalogus=None):
    """What AtomicSite.start reads of MkDocs' config."""
    plugin = SimpleNamespace(folder=str(project / "catalogus"), catalogus=catalogus)
    return SimpleNamespace(
        site_dir=str(site_dir), config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "content"),
        theme=SimpleNamespace(custom_dir=str(project / "overrides")), plugins={"wegwijzer/catalogus": plugin},
    )


@pytest.mark.parametrize("site_dir", ["catalogus", "content", "overrides", ".", "..", "catalogus/oplossingen"])
def test_the_build_itself_refuses_site_dir_on_a_source(project, site_dir):
    """`mkdocs build -d X` and `site_dir: X` in mkdocs.yml both reach AtomicSite.start."""
    from mkdocs.exceptions import PluginError
    from wegwijzer.plugins.catalogus.atomic import AtomicSite

    before = snapshot(project)
    config = fake_config(project, project / site_dir, load_catalogus(project / "catalogus"))
    with pytest.raises(PluginError) as raised:
        AtomicSite().start(config)
    message = str(raised.value)
    assert message.startswith(f"de map voor de site ({project / site_dir}): ")
    assert "Er is niets geschreven. Kies een eigen map, bijvoorbeeld site (site_dir: site in mkdocs.yml, of wegwijzer bouwen --uit site)." in message
    assert config.site_dir == str(project / site_dir)  # not pointed at a folder of its own
    assert snapshot(project) == before
    assert not [p for p in project.parent.rglob(".*-bouw-*")]


def test_mkdocs_build_into_the_catalogus_changes_nothing(tmp_path):
    """The one real build of the guard: exit 1, Dutch, the catalogus as it was."""
    project = copy_project(tmp_path)
    before = snapshot(project)
    result = mkdocs_build(project / "mkdocs.yml", project / "catalogus", env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert "hier staat de catalogus. De site komt in de plaats van de hele map. Er is niets geschreven." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before
    assert sorted(p.name for p in project.iterdir()) == ["catalogus", "content", "mkdocs.yml", "overrides"]


@pytest.mark.parametrize("argv, expected", [
    (["export", "--uit", "mkdocs.yml"], "--uit mkdocs.yml: hier staat mkdocs.yml. De export zou het overschrijven."),
    (["export", "--uit", "catalogus/catalogus.json"], "--uit catalogus/catalogus.json: dit bestand ligt in de catalogus"),
    (["export", "--uit", "content"], "--uit content: dit is een map; hier hoort een bestandsnaam."),
    (["export", "--uit", "notities/boodschappen.txt"], "dit bestand bestaat al en is geen eerdere export"),
    (["export", "--formaat", "csv", "--uit", "catalogus"], "--uit catalogus: hier staat de catalogus."),
    (["export", "--formaat", "csv", "--uit", "content/data"], "--uit content/data: deze map ligt in de map met je eigen pagina's"),
    (["export", "--formaat", "csv", "--uit", "notities"], "knelpunten.csv bestaat al en is geen eerdere export"),
    (["export", "--formaat", "csv", "--uit", "mkdocs.yml/x"], "mkdocs.yml is een bestand, geen map"),
    (["dossier", "--uit", "."], "--uit .: dit is de map van je project (met mkdocs.yml). Het toetsingsdossier zou daar bestanden bij zetten."),
    (["dossier", "--uit", "overrides"], "--uit overrides: hier staat de map overrides."),
    (["dossier", "--uit", "notities"], "--uit notities: in deze map staan andere bestanden dan het toetsingsdossier (bijvoorbeeld 'boodschappen.txt')."),
    (["dossier", "--uit", "mkdocs.yml"], "--uit mkdocs.yml: dit is een bestand, geen map."),
    (["dossier", "--uit", ".."], "--uit ..: in deze map staat je project"),
])
def test_export_and_dossier_refuse_sources_and_foreign_files(project, capsys, argv, expected):
    (project / "notities").mkdir()
    (project / "notities" / "boodschappen.txt").write_text("melk\n", encoding="utf-8")
    (project / "notities" / "knelpunten.csv").write_text("mijn eigen lijst\n", encoding="utf-8")
    before = snapshot(project)
    text = refused(capsys, *argv)
    assert expected in text
    assert "Er is niets geschreven. Kies een eigen" in text
    assert snapshot(project) == before


def test_export_replaces_its_own_earlier_files_and_the_dossier_its_own_folder(project, capsys):
    assert main(["export", "--formaat", "csv"]) == 0  # the documented default: this folder
    assert main(["export", "--formaat", "csv"]) == 0  # again: they are earlier exports
    assert main(["export", "--uit", "export/catalogus.json"]) == 0
    assert main(["export", "--uit", "export/catalogus.json"]) == 0
    assert json.loads((project / "export" / "catalogus.json").read_text(encoding="utf-8"))["formaat"] == "wegwijzer-catalogus"
    assert refusal(project / "dossier", DOSSIER, project, project_sources(project), "--uit dossier") is None
    (project / "dossier").mkdir()
    (project / "dossier" / "toetsingsdossier.csv").write_text("oud", encoding="utf-8")
    assert refusal(project / "dossier", DOSSIER, project, project_sources(project), "--uit dossier") is None


def test_a_killed_build_is_cleaned_up_and_a_running_one_left_alone(tmp_path):
    import fcntl

    from wegwijzer.plugins.catalogus import atomic

    out = tmp_path / "uit"
    dead, running, legacy = out / ".site-bouw-dood", out / ".site-bouw-loopt", out / ".site-bouw-oud"
    for folder in (dead, running, legacy):
        (folder / "knelpunten").mkdir(parents=True)
    Path(f"{dead}.lock").touch()  # its build was killed: nobody holds the lock
    Path(f"{running}.lock").touch()
    held = os.open(f"{running}.lock", os.O_RDWR)
    fcntl.flock(held, fcntl.LOCK_EX)  # a build that is still writing
    (out / ".site-bouw-half.lock").touch()  # killed between making its lock and its folder
    try:
        found = sorted(p.name for p in atomic._abandoned(out, "site"))
        assert found == [".site-bouw-dood", ".site-bouw-dood.lock", ".site-bouw-half.lock", ".site-bouw-oud", ".site-bouw-oud.lock"]
        atomic._delete_later([out / name for name in found])
        for _ in range(100):
            if sorted(p.name for p in out.iterdir()) == [".site-bouw-loopt", ".site-bouw-loopt.lock"]:
                break
            import time

            time.sleep(0.05)
        assert sorted(p.name for p in out.iterdir()) == [".site-bouw-loopt", ".site-bouw-loopt.lock"]
    finally:
        os.close(held)
        for handle in atomic._TAKEN:
            os.close(handle)
        atomic._TAKEN.clear()


def test_a_build_holds_its_lock_until_its_folder_is_swapped_in(tmp_path):
    from wegwijzer.plugins.catalogus.atomic import AtomicSite, _abandoned

    project = tmp_path / "project"
    for name in ("catalogus", "content", "overrides"):
        (project / name).mkdir(parents=True)
    build = AtomicSite()
    config = fake_config(project, project / "site")
    build.start(config)
    staging = Path(config.site_dir)
    assert staging.name.startswith(".site-bouw-") and Path(f"{staging}.lock").exists()
    assert _abandoned(project, "site") == []  # another build leaves it be
    (staging / "404.html").write_text("x", encoding="utf-8")
    build.built()
    build.finish()
    assert sorted(p.name for p in project.iterdir()) == ["catalogus", "content", "overrides", "site"]



def test_a_site_folder_that_is_a_link_stays_one_and_leads_to_the_new_site(tmp_path):
    """A link from `site` to the folder a web server serves: the served folder gets the new site; before,
    the link was swapped for the new site in the project, the served one stayed old, and the link lay behind."""
    import time

    from wegwijzer.output_folder import mark_site
    from wegwijzer.plugins.catalogus.atomic import AtomicSite

    project = tmp_path / "project"
    for name in ("catalogus", "content", "overrides"):
        (project / name).mkdir(parents=True)
    served = tmp_path / "www" / "gids"
    served.mkdir(parents=True)
    for name in ("404.html", "sitemap.xml", "index.html"):
        (served / name).write_text("oud", encoding="utf-8")
    mark_site(served)  # an earlier build's
    (project / "site").symlink_to(served)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "van iemand.txt").write_text("blijft", encoding="utf-8")
    (project / ".site-oud-vorige").symlink_to(elsewhere)  # a link an earlier version left behind
    build = AtomicSite()
    config = fake_config(project, project / "site")
    build.start(config)
    assert Path(config.site_dir).parent == served.parent
    for name in ("404.html", "sitemap.xml", "index.html"):
        (Path(config.site_dir) / name).write_text("nieuw", encoding="utf-8")
    build.built()
    build.finish()
    assert (project / "site").is_symlink() and (project / "site").resolve() == served
    assert (served / "index.html").read_text(encoding="utf-8") == "nieuw"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (len(list(served.parent.iterdir())) > 1 or os.path.lexists(project / ".site-oud-vorige")):
        time.sleep(0.05)
    assert sorted(p.name for p in served.parent.iterdir()) == ["gids"]  # the old site is thrown away
    assert sorted(p.name for p in project.iterdir()) == ["catalogus", "content", "overrides", "site"]
    assert (elsewhere / "van iemand.txt").read_text(encoding="utf-8") == "blijft"  # a link is removed, not where it leads

# -- 2. CSV cells never start a formula -----------------------------------------


def test_spreadsheet_cell_quotes_formulas_and_reading_gives_the_text_back():
    for text in HOSTILE:
        cell = spreadsheet_cell(text)
        assert cell.startswith("'"), text
        assert read_spreadsheet_cell(cell) == text
    for text in ["Rustig werken", "'gewoon een quote", "3 - 2", "", "e-mail", "a=b"]:
        assert spreadsheet_cell(text) == text
        assert read_spreadsheet_cell(text) == text


def test_every_python_csv_protects_its_cells(make_catalogus):
    knelpunt = textwrap.dedent("""\
        titel: "=HYPERLINK(\\"http://kwaad\\";\\"klik\\")"
        factor: tijdsdruk
        omschrijving: "@SUM(1+1)*cmd|' /C calc'!A0"
        signalen:
          - "-2+3"
        oplossingen: [rooster-met-buffer, taken-herverdelen]
        """)
    root = make_catalogus({"knelpunten/piekdrukte.yml": knelpunt})
    path = root / "oplossingen" / "rooster-met-buffer.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Rooster met buffer", "titel: '+31 bellen'"), encoding="utf-8")
    catalogus = load_catalogus(root)
    cells = []
    for text in (to_csv(catalogus, "knelpunten"), to_csv(catalogus, "oplossingen"), dossier_csv(catalogus)):
        cells += [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";") for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://kwaad\";\"klik\")" in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert "'+31 bellen" in cells


def test_import_takes_the_protecting_quote_off_again(project, capsys):
    assert main(["export", "--formaat", "csv", "--uit", "export"]) == 0
    text = (project / "export" / "oplossingen.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    rows = [rows[0], [*rows[1]]]
    rows[1][0] = "nieuwe-oplossing"
    rows[1][1] = spreadsheet_cell("=Eerst dit, dan dat")
    rows[1][2] = spreadsheet_cell("-- een omschrijving die met streepjes begint")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    (project / "nieuw").mkdir()
    (project / "nieuw" / "oplossingen.csv").write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    assert main(["import", "nieuw/oplossingen.csv"]) == 0, capsys.readouterr().err
    written = (project / "catalogus" / "oplossingen" / "nieuwe-oplossing.yml").read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(written)
    assert data["titel"] == "=Eerst dit, dan dat"
    assert data["omschrijving"] == "-- een omschrijving die met streepjes begint"


def test_the_planhulp_csv_protects_its_cells_in_javascript():
    if not shutil.which("node"):
        pytest.fail("Node.js ontbreekt: draai scripts/setup --test")
    script = f"""
        import {{ csv, csvVeld }} from "{(SCRIPTS / 'export.js').as_uri()}";
        const data = {{
          knelpunten: [{{ id: "k", titel: "=1+2" }}], criteria: [1, 2],
          oplossingen: [{{ id: "o", titel: "@SUM(A1)", termijn: "kort", kosten: "laag" }}],
          labels: {{ termijn: {{ kort: "-kort" }}, kosten: {{ laag: "+laag" }} }},
        }};
        const plan = {{ knelpunten: [{{ id: "k", oplossingen: ["o"] }}], scores: {{ o: [1] }},
                        afspraken: {{ o: {{ wie: "\\tTab", start: "\\rCR", klaar: "'=al", hoe: "gewoon; met \\"quotes\\"" }} }} }};
        const cellen = {json.dumps(HOSTILE)}.map(csvVeld);
        process.stdout.write(JSON.stringify({{ cellen, gewoon: ["Rustig", "3 - 2", "'quote"].map(csvVeld), bestand: csv(data, plan) }}));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    out = json.loads(result.stdout)
    python = [spreadsheet_cell(text) for text in HOSTILE]
    assert [cell.strip('"').replace('""', '"') for cell in out["cellen"]] == python  # the same rule in both languages
    assert out["gewoon"] == ["Rustig", "3 - 2", "'quote"]
    rows = list(csv.reader(io.StringIO(out["bestand"].lstrip("\ufeff"), newline=""), delimiter=";"))
    assert rows[1][1:] == ["'=1+2", "'@SUM(A1)", "1 van 2", "'-kort", "'+laag", "'\tTab", "'\rCR", "''=al", 'gewoon; met "quotes"']


# -- 3. Reads stay inside the project ------------------------------------------


def test_links_out_of_the_project_are_refused_in_content_and_catalogus(project, capsys):
    outside = project.parent / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("wachtwoord\n", encoding="utf-8")
    (outside / "knelpunt.yml").write_text((project / "catalogus" / "knelpunten" / "piekdrukte.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "content" / "wachtwoorden.md").symlink_to("/etc/passwd")
    (project / "content" / "plaatje.png").symlink_to(outside / "geheim.txt")
    (project / "content" / "map").symlink_to(outside)
    (project / "content" / "binnen.md").symlink_to(project / "content" / "over-ons.md")  # inside: fine
    (project / "content" / "kring").symlink_to(project / "content")  # a loop inside: walked once
    text = refused(capsys, "check", "catalogus")
    assert "content/wachtwoorden.md:1:1: deze link wijst naar /etc/passwd, buiten het project" in text
    assert f"content/plaatje.png:1:1: deze link wijst naar {outside / 'geheim.txt'}, buiten het project ({project})" in text
    assert f"content/map:1:1: deze link wijst naar {outside}" in text
    assert "binnen.md" not in text and "kring" not in text
    assert "zet het bestand zelf in het project, of haal de link weg" in text

    (project / "catalogus" / "knelpunten" / "extra.yml").symlink_to(outside / "knelpunt.yml")
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(project / "catalogus")
    assert f"catalogus/knelpunten/extra.yml:1:1: deze link wijst naar {outside / 'knelpunt.yml'}, buiten het project ({project})" in raised.value.report()


@pytest.mark.parametrize("logo, expected", [
    ("//etc/passwd", "het logo '//etc/passwd' moet een pad binnen de map content/ zijn, geen pad vanaf de schijf of een webadres"),
    ("../../etc/passwd", "het logo '../../etc/passwd' ligt buiten de map content/"),
    ("assets/../../mkdocs.yml", "het logo 'assets/../../mkdocs.yml' ligt buiten de map content/"),
    ("https://kwaad.example/logo.svg", "het logo 'https://kwaad.example/logo.svg' moet een pad binnen de map content/ zijn, geen pad vanaf de schijf of een webadres"),
    ('logo" onerror="alert(1).svg', "het logo 'logo\" onerror=\"alert(1).svg' bevat tekens die niet in een bestandsnaam horen ('\"')"),
    ("<script>.svg", "het logo '<script>.svg' bevat tekens die niet in een bestandsnaam horen ('<', '>')"),
    ("assets\\logo.svg", "het logo 'assets\\\\logo.svg' bevat tekens die niet in een bestandsnaam horen ('\\\\')"),
    ("logo\x07.svg", "het logo 'logo\\x07.svg' bevat tekens die niet in een bestandsnaam horen (code 7)"),
])
def test_the_logo_is_a_plain_file_inside_the_docs_folder(project, capsys, logo, expected):
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8") + f"huisstijl:\n  logo: {json.dumps(logo)}\n", encoding="utf-8")
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    text = refused(capsys, "check", "catalogus")
    assert "catalogus/catalogus.yml:7:9: huisstijl.logo: " + expected in text
    assert "zet het logo in de map content/" in text


def test_a_logo_inside_the_docs_folder_is_fine(project):
    catalogus = load_catalogus(project / "catalogus")
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    catalogus.info.huisstijl.logo = "assets/logo.svg"
    assert logo_problems(catalogus, project / "content", display_path) == []


# -- 4. Every failure in Dutch ---------------------------------------------------


def test_a_latin1_page_is_found_by_check_as_by_the_build(project, capsys):
    (project / "content" / "oud.md").write_bytes("# Oud\n\nDit is een caf\xe9.\n".encode("latin-1"))
    (project / "catalogus" / "paginas").mkdir()
    (project / "catalogus" / "paginas" / "start.md").write_bytes("# Start\n\xfcber\n".encode("latin-1"))
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(project / "catalogus")
    assert "catalogus/paginas/start.md:2:1: dit bestand is geen UTF-8" in raised.value.report()
    (project / "catalogus" / "paginas" / "start.md").write_text("# Start\n", encoding="utf-8")
    text = refused(capsys, "check", "catalogus")
    assert "content/oud.md:3:15: dit bestand is geen UTF-8 (sla het op als UTF-8" in text


def test_the_build_stops_in_dutch_on_a_latin1_page_and_a_link_out(tmp_path):
    """The one real build of the reads: before MkDocs reads content/, which would raise."""
    project = copy_project(tmp_path)
    (project / "content" / "oud.md").write_bytes("# Oud\n\ncaf\xe9\n".encode("latin-1"))
    (project / "content" / "wachtwoorden.md").symlink_to("/etc/passwd")
    result = mkdocs_build(project / "mkdocs.yml", project / "site", env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert "bevat 2 fouten:" in result.stderr  # as 'wegwijzer check' says it: the build reports through the same page_problems
    assert "content/oud.md:3:4: dit bestand is geen UTF-8" in result.stderr
    assert "content/wachtwoorden.md:1:1: deze link wijst naar /etc/passwd" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists() and not [p for p in project.iterdir() if p.name.startswith(".site")]


def refuse_listing(monkeypatch, folder: Path):
    """os.scandir refuses `folder`, as chmod 000 would for anyone but root."""
    real = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_in_the_catalogus_or_content_is_named(project, monkeypatch, capsys):
    refuse_listing(monkeypatch, project / "catalogus" / "oplossingen")
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(project / "catalogus")
    assert "catalogus/oplossingen:1:1: kan deze map niet lezen (geen toestemming) (geef iedereen die de site bouwt leesrechten" in raised.value.report()
    monkeypatch.undo()
    monkeypatch.chdir(project)
    (project / "content" / "assets").mkdir()
    refuse_listing(monkeypatch, project / "content" / "assets")
    problems = [str(p) for p in docs_folder_problems(project / "content", display_path)]
    assert problems == ["content/assets:1:1: kan deze map niet lezen (geen toestemming) (geef iedereen die de site bouwt leesrechten, bijvoorbeeld met 'chmod -R a+rX' op de map)"]
    refuse_listing(monkeypatch, project / "catalogus")
    text = refused(capsys, "check", "catalogus")
    assert "catalogus:1:1: kan deze map niet lezen (geen toestemming)" in text


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod 000 does not stop root; the test above simulates it")
def test_an_unreadable_folder_for_real(project, capsys):
    folder = project / "content" / "prive"
    folder.mkdir()
    (folder / "x.md").write_text("# X\n", encoding="utf-8")
    folder.chmod(0)
    try:
        text = refused(capsys, "check", "catalogus")
        assert "content/prive:1:1: kan deze map niet lezen (geen toestemming)" in text
    finally:
        folder.chmod(0o755)


def test_a_huge_yaml_file_is_refused_before_it_is_read(project, monkeypatch):
    huge = project / "catalogus" / "knelpunten" / "groot.yml"
    with huge.open("wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing them
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    source, problems = read_yaml(huge, "catalogus/knelpunten/groot.yml", keep=False)
    assert [str(p) for p in problems] == ["catalogus/knelpunten/groot.yml:1:1: het bestand is te groot (200 MB; hooguit 5 MB) (een catalogusbestand is een paar KB; controleer of dit het goede bestand is)"]


@pytest.mark.parametrize("text", ["factor: " + "[" * 5000 + "]" * 5000, "factor:\n" + "".join(" " * i + "- \n" for i in range(2000))])
def test_deep_nesting_is_reported_in_dutch(project, text):
    (project / "catalogus" / "knelpunten" / "diep.yml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(project / "catalogus")
    report = raised.value.report()
    assert "catalogus/knelpunten/diep.yml:" in report
    assert "de lijsten en groepen in dit bestand zijn te diep in elkaar genest" in report
    assert "nesting" not in report and "recursion" not in report


def test_import_of_a_very_long_cell_is_refused_in_dutch(project, capsys):
    (project / "nieuw").mkdir()
    (project / "nieuw" / "oplossingen.csv").write_text("id;titel;omschrijving\nkort;Kort;Goed\nlang;Lang;\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    before = snapshot(project / "catalogus")
    text = refused(capsys, "import", "nieuw/oplossingen.csv")
    assert "nieuw/oplossingen.csv:3: een cel is langer dan 131.072 tekens. Er is niets geïmporteerd." in text
    assert snapshot(project / "catalogus") == before
    assert "dit is een map, geen bestand" in refused(capsys, "import", "nieuw", "--soort", "knelpunten")
    assert snapshot(project / "catalogus") == before


@pytest.mark.parametrize("config, expected", [
    ("site_name: Test\nplugins:\n  - wegwijzer/catalogus\n  - search: {a: 1\n", "mkdocs.yml:5:1: YAML-fout"),
    ("site_name: Test\ntheme:\n  name: material\nplugins:\n  - wegwijzer/catalogus\n  - wegwijzer/catalgus\n",
     "mkdocs.yml:6:5: plugins[2]: de plugin 'wegwijzer/catalgus' bestaat niet of is niet geïnstalleerd (bedoelde je 'wegwijzer/catalogus'?)"),
    ("site_name: Test\ntheme:\n  name: materiaal\n", "mkdocs.yml:3:9: theme.name: het thema 'materiaal' bestaat niet of is niet geïnstalleerd (bedoelde je 'material'?)"),
    ("INHERIT: basis.yml\nsite_name: Test\n", "mkdocs.yml:1:10: INHERIT: het bestand basis.yml bestaat niet"),
    ("site_name: Test\nnav: " + "[" * 3000 + "]" * 3000 + "\n", "mkdocs.yml:1:1: de instellingen zijn te diep in elkaar genest"),
    ("site_name: Test\n\tdocs_dir: content\n", "mkdocs.yml:2:1: YAML-fout: er staat een tab; YAML wil spaties"),
])
def test_a_broken_mkdocs_yml_is_reported_in_dutch_before_mkdocs_starts(project, capsys, config, expected):
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for command in (["bouwen"], ["bekijken"]):
        text = refused(capsys, *command)
        assert "mkdocs.yml bevat 1 fout; de site is niet gebouwd:" in text
        assert expected in text
    assert not (project / "site").exists()


def test_bouwen_stops_on_content_it_cannot_read_safely(project, capsys):
    (project / "content" / "oud.md").write_bytes("caf\xe9\n".encode("latin-1"))
    text = refused(capsys, "bouwen")
    assert "De map met je eigen pagina's bevat 1 fout:\n  content/oud.md:1:4: dit bestand is geen UTF-8" in text
    assert not (project / "site").exists()


@pytest.mark.parametrize("argv, expected", [
    (["start", "mkdocs.yml", "--sector", "X", "--uitgever", "Y"], "mkdocs.yml: dit is een bestand, geen map. Kies een nieuwe of lege map."),
    (["start", "mkdocs.yml/gids", "--sector", "X", "--uitgever", "Y"], "mkdocs.yml is een bestand, geen map. Kies een andere map."),
    (["start", "/proc/bestaat-niet/gids", "--sector", "X", "--uitgever", "Y"], "kan de map /proc/bestaat-niet/gids niet maken (een map erboven kan er niet komen)."),
    (["bouwen", "--config", "content"], "content: dit is een map, geen bestand."),
    (["bouwen", "--uit", "catalogus/catalogus.yml"], "--uit catalogus/catalogus.yml: dit is een bestand, geen map."),
    (["dossier", "--uit", "catalogus/catalogus.yml/x"], "catalogus.yml is een bestand, geen map, dus hier kan geen map komen."),
    (["check", "mkdocs.yml"], "mkdocs.yml:1:1: dit is een bestand, geen map (geef de map met catalogus.yml op)"),
])
def test_wrong_paths_are_named_in_dutch(project, capsys, argv, expected):
    before = snapshot(project)
    assert expected in refused(capsys, *argv)
    assert snapshot(project) == before


def test_a_folder_that_does_not_exist_yet_is_made_with_its_parents(project, capsys):
    assert main(["export", "--formaat", "csv", "--uit", "uit/nieuw/export"]) == 0
    assert (project / "uit" / "nieuw" / "export" / "knelpunten.csv").is_file()
    assert main(["export", "--uit", "uit/json/catalogus.json"]) == 0
    assert (project / "uit" / "json" / "catalogus.json").is_file()


def test_an_unreadable_file_in_the_catalogus_or_content_is_named(project, monkeypatch, capsys):
    """Simulated like the folders above: root may read any file."""
    from wegwijzer.catalogus import reads

    locked = project / "catalogus" / "oplossingen" / "taken-herverdelen.yml"
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied")) if self == locked else real_read_bytes(self))
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(project / "catalogus")
    assert "catalogus/oplossingen/taken-herverdelen.yml:1:1: kan het bestand niet lezen: geen toestemming" in raised.value.report()
    monkeypatch.undo()
    monkeypatch.chdir(project)
    (project / "content" / "logo.png").write_bytes(b"\x89PNG")
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith(("logo.png", "over-ons.md")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reads, "open", refusing_open, raising=False)
    text = refused(capsys, "check", "catalogus")
    assert "content/logo.png:1:1: kan het bestand niet lezen (geen toestemming) (geef iedereen die de site bouwt leesrechten, bijvoorbeeld met 'chmod a+r' op het bestand)" in text
    assert "content/over-ons.md:1:1: kan het bestand niet lezen (geen toestemming)" in text
