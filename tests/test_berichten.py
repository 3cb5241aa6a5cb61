"""Messages an editor reads: Dutch, at the right file:line:column, with a hint that tells the fix."""

from __future__ import annotations

import os
import stat
import textwrap
import time
from pathlib import Path

import pytest

from conftest import MINIMAL, copy_project, mkdocs_build

MINIMAL_OPLOSSING = MINIMAL["oplossingen/taken-herverdelen.yml"]
from wegwijzer.catalogus import CatalogusError, load_catalogus
from wegwijzer.catalogus.handpaginas import docs_dir_of
from wegwijzer.catalogus.kwaliteit import content_gaps
from wegwijzer.catalogus.layers import from_base
from wegwijzer.catalogus.problems import Mark, Problem, did_you_mean
from wegwijzer.catalogus.yaml_source import parse_yaml
from wegwijzer.cli import main
from wegwijzer.cli.importeren import _in_column

KNELPUNT = "titel: Piekdrukte\nfactor: tijdsdruk\nomschrijving: Druk.\nsignalen:\n{signalen}oplossingen: [rooster-met-buffer, taken-herverdelen]\n"


def problems_of(root: Path, monkeypatch) -> list[str]:
    monkeypatch.chdir(root.parent)
    with pytest.raises(CatalogusError) as raised:
        load_catalogus(root)
    return [str(p) for p in raised.value.problems]


def yaml_problems(text: str) -> list[str]:
    return [str(p) for p in parse_yaml(text, "f.yml")[1]]


# -- 1 and 4a/b: check finds what the build finds ------------------------------


def test_check_reports_content_links_clashes_and_logo_at_once(make_catalogus, monkeypatch, capsys):
    info = "id: test-wegwijzer\ntitel: Test\nsector: Test\nuitgever: Testers\nversie: '1.0'\nhuisstijl:\n  logo: content/assets/logo.svg\n"
    root = make_catalogus({"catalogus.yml": info})
    project = root.parent
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", encoding="utf-8")
    (project / "content" / "assets").mkdir(parents=True)
    (project / "content" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (project / "content" / "over-ons.md").write_text("# Over ons\n\nLees [[oplossing:taken-herverdeln]].\n", encoding="utf-8")
    (project / "content" / "knelpunten").mkdir()
    (project / "content" / "knelpunten" / "index.md").write_text("# Eigen\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "catalogus"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "De catalogus bevat 3 fouten:",
        "  catalogus/catalogus.yml:7:9: huisstijl.logo: het logo 'content/assets/logo.svg' staat niet in content "
        "(het pad gaat al uit van de map content/: laat 'content/' weg en schrijf 'logo: assets/logo.svg')",
        "  content/knelpunten/index.md:1:1: deze pagina botst met een pagina die uit de catalogus wordt gemaakt (geef het bestand een andere naam)",
        "  content/over-ons.md:3:6: link naar onbekende oplossing 'taken-herverdeln' (bedoelde je 'taken-herverdelen'?)",
    ]


def test_missing_logo_is_reported_at_its_own_line(make_catalogus, monkeypatch, capsys):
    info = "id: test-wegwijzer\ntitel: Test\nsector: Test\nuitgever: Testers\nversie: '1.0'\nhuisstijl:\n  kleur: '#1d5b79'\n  logo: assets/logo.svg\n"
    root = make_catalogus({"catalogus.yml": info})
    monkeypatch.chdir(root.parent)
    assert main(["check", "catalogus"]) == 1
    assert capsys.readouterr().err.splitlines()[1] == (
        "  catalogus/catalogus.yml:8:9: huisstijl.logo: het logo 'assets/logo.svg' staat niet in content "
        "(zet het bestand in die map, bijvoorbeeld content/assets/logo.svg, en schrijf 'logo: assets/logo.svg')"
    )


def test_docs_dir_comes_from_mkdocs_yml_and_its_inherit(tmp_path):
    (tmp_path / "basis.yml").write_text("docs_dir: pagina-map\ntheme:\n  name: material\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: basis.yml\nsite_name: !ENV [NAAM, x]\n", encoding="utf-8")
    assert docs_dir_of(tmp_path / "catalogus") == (tmp_path / "pagina-map").resolve()
    (tmp_path / "mkdocs.yml").unlink()
    assert docs_dir_of(tmp_path / "catalogus") == tmp_path.resolve() / "content"


# -- 2, 3 and 8: the build of a project -----------------------------------------


def test_build_lists_own_pages_speaks_dutch_and_leaves_a_servable_site(tmp_path):
    project = copy_project(tmp_path, pdfs=True)
    (project / "content" / "over-ons.md").write_text("# Over ons\n\nWij zijn de branche.\n", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "uit" / "site", env=env)
    assert result.returncode == 0, result.stderr
    for english in ("Building documentation", "Cleaning site directory", "not included in the", "Documentation built", "-bouw-"):
        assert english not in result.stderr
    assert f"De site wordt gebouwd in {tmp_path / 'uit' / 'site'}" in result.stderr
    # the page is in the menu, under Achtergrond, with its own heading as title
    start = (tmp_path / "uit" / "site" / "index.html").read_text(encoding="utf-8")
    section = start.index("Achtergrond")
    assert section < start.index('href="verantwoording/"') < start.index('href="over-ons/"')
    assert "Over ons" in start[start.index('href="over-ons/"'):][:400]
    # nothing left behind in the project; the PDFs are kept in the user's cache
    assert not (project / ".cache").exists()
    assert list((tmp_path / "cache" / "wegwijzer" / "pdf").glob("*/*.pdf"))
    # a web server may read the site: the ordinary permissions, not those of a temporary folder
    mask = os.umask(0o022)
    os.umask(mask)
    site = tmp_path / "uit" / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~mask
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o666 & ~mask


def test_a_new_build_replaces_the_site_whole_and_a_failed_one_leaves_it_be(tmp_path):
    project = copy_project(tmp_path)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = tmp_path / "uit"
    site = out / "site"
    assert mkdocs_build(project / "mkdocs.yml", site, env=env).returncode == 0
    cut_off = out / ".site-oud-afgebroken"  # an earlier deletion of an old site that was cut off
    (cut_off / "knelpunten").mkdir(parents=True)
    (cut_off / "knelpunten" / "index.html").write_text("oud", encoding="utf-8")
    page = project / "content" / "over-ons.md"
    page.write_text("# Over ons\n\nWij zijn de branche.\n", encoding="utf-8")
    assert mkdocs_build(project / "mkdocs.yml", site, env=env).returncode == 0
    # the moment the command ends, the new site is all there
    assert "Wij zijn de branche." in (site / "over-ons" / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind-entry.json").exists() and (site / "index.html").exists()
    # the old sites are thrown away after it has ended
    for _ in range(300):
        if sorted(p.name for p in out.iterdir()) == ["site"]:
            break
        time.sleep(0.1)
    assert sorted(p.name for p in out.iterdir()) == ["site"]
    # a build that fails leaves the last good site as it was
    page.write_text("# Over ons\n\n[[oplossing:bestaat-niet]]\n", encoding="utf-8")
    assert mkdocs_build(project / "mkdocs.yml", site, env=env).returncode == 1
    assert "Wij zijn de branche." in (site / "over-ons" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["site"]


def test_a_changed_theme_template_shows_in_the_next_build_and_a_broken_cache_is_no_matter(tmp_path):
    """Compiled templates are kept between builds (`jinja_cache`); what an editor changes in
    `overrides/` must still show, and a damaged kept file must not stop a build."""
    project = copy_project(tmp_path)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    footer = project / "overrides" / "partials" / "copyright.html"
    footer.parent.mkdir(parents=True, exist_ok=True)
    site = tmp_path / "site"
    for text in ("Eerste voettekst van de branche", "Nieuwe voettekst van de branche"):
        footer.write_text(f'<div class="md-copyright">{text}</div>\n', encoding="utf-8")
        assert mkdocs_build(project / "mkdocs.yml", site, env=env).returncode == 0
        assert text in (site / "index.html").read_text(encoding="utf-8")
    kept = list((tmp_path / "cache" / "wegwijzer" / "templates").iterdir())
    assert kept
    for path in kept:  # cut short, as a full disk or a killed build might leave them
        path.write_bytes(path.read_bytes()[:40])
    result = mkdocs_build(project / "mkdocs.yml", site, env=env)
    assert result.returncode == 0, result.stderr
    assert "Nieuwe voettekst van de branche" in (site / "index.html").read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr


def test_failed_build_ends_in_dutch(tmp_path):
    project = copy_project(tmp_path)
    (project / "content" / "over-ons.md").write_text("# Over ons\n\n[[oplossing:bestaat-niet]]\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert "content/over-ons.md:3:1: link naar onbekende oplossing 'bestaat-niet'" in result.stderr
    assert "De site is niet gebouwd: los de fouten hierboven op." in result.stderr
    assert "Aborted" not in result.stderr + result.stdout
    assert "Building documentation" not in result.stderr


# -- 4c to 4g: YAML and field messages --------------------------------------------


def test_unindented_line_in_a_text_block_is_reported_where_it_is():
    text = "titel: x\nomschrijving: |\n  Regel een.\nRegel twee zonder inspringing.\nsignalen:\n  - a\n"
    assert yaml_problems(text) == [
        "f.yml:4:1: YAML-fout: deze regel springt niet in, maar hoort bij de tekst met | op regel 2 "
        "(laat elke regel van de tekst onder een | inspringen, met evenveel spaties als de eerste regel)"
    ]


def test_text_with_colon_in_a_list_is_explained_without_jargon(make_catalogus, monkeypatch):
    root = make_catalogus({"knelpunten/piekdrukte.yml": KNELPUNT.format(signalen="  - 'Lange wachtrijen'\n  - Let op: plan vooruit\n")})
    assert problems_of(root, monkeypatch) == [
        "catalogus/knelpunten/piekdrukte.yml:6:5: signalen[2]: de ': ' in 'Let op: plan vooruit' laat YAML dit lezen als een veld, "
        "niet als tekst (zet tekst met ': ' tussen aanhalingstekens: \"Let op: plan vooruit\")"
    ]


def test_comma_separated_provisions_are_asked_as_a_list(make_catalogus, monkeypatch):
    text = MINIMAL_OPLOSSING.replace("grondslag: [arbowet 3 lid 2]", "grondslag: arbowet 3 lid 2, arbowet 12")
    root = make_catalogus({"oplossingen/taken-herverdelen.yml": text})
    assert problems_of(root, monkeypatch) == [
        "catalogus/oplossingen/taken-herverdelen.yml:9:12: grondslag: dit is één tekst met komma's, maar hier hoort een lijst "
        "(schrijf een lijst: [arbowet 3 lid 2, arbowet 12])"
    ]


def test_did_you_mean_suggests_an_id_starting_with_the_word():
    assert did_you_mean("noodknop", ["noodknop-en-meldprocedure", "taken-herverdelen"]) == "bedoelde je 'noodknop-en-meldprocedure'?"
    assert did_you_mean("nood", ["taken-herverdelen"]) == ""


@pytest.mark.parametrize("text, where", [("titel: x\nsignalen:\n\t- a\n", "3:1"), ("signalen:\n  - a\n  -\tb\n", "3:4")])
def test_tab_gets_a_dutch_message_at_the_tab(text, where):
    assert yaml_problems(text) == [
        f"f.yml:{where}: YAML-fout: er staat een tab; YAML wil spaties (vervang de tab door spaties; in veel editors kun je instellen dat Tab spaties typt)"
    ]


# -- 5: a list item swallowed by the one above -------------------------------------


def test_list_item_indented_too_far_is_warned_about(make_catalogus, monkeypatch):
    signalen = "  - Je vult elke dag een urenbriefje.\n   - Diensten lopen uit.\n"
    root = make_catalogus({"knelpunten/piekdrukte.yml": KNELPUNT.format(signalen=signalen)})
    monkeypatch.chdir(root.parent)
    catalogus = load_catalogus(root)
    assert [str(w) for w in catalogus.waarschuwingen] == [
        "catalogus/knelpunten/piekdrukte.yml:6:4: signalen[1]: dit lijstitem is aan het item erboven vastgeplakt: "
        "'…en urenbriefje. - Diensten lopen …' (zet de '- ' precies onder die van de andere items, met evenveel spaties ervoor)"
    ]
    assert str(catalogus.waarschuwingen[0]) in [str(w) for w in content_gaps(catalogus)]


# -- 6: problems in a base file say so ----------------------------------------------


def test_problem_in_a_base_file_says_so_and_how_to_avoid_it(tmp_path):
    base, own = tmp_path / "basis", tmp_path / "catalogus"
    problem = Problem(Mark(str(base / "oplossingen" / "minder-vergaderen.yml"), 2, 1), "bronnen", "oplossing 'minder-vergaderen' noemt geen bron", "noem een bron")
    assert str(from_base(problem, [base, own])) == (
        f"{base}/oplossingen/minder-vergaderen.yml:2:1: bronnen: oplossing 'minder-vergaderen' noemt geen bron (uit de basis) "
        "(noem een bron; wil je het niet: zet 'minder-vergaderen' bij 'weglaten:' in catalogus.yml, "
        "of zet een eigen oplossingen/minder-vergaderen.yml in je catalogus)"
    )
    step = Problem(Mark(str(base / "stappen" / "1-signalen.yml"), 1, 1), "mkb", "te lang")
    assert str(from_base(step, [base, own])).endswith("te lang (uit de basis) (wil je het anders: zet een eigen stappen/1-signalen.yml in je catalogus, die vervangt dit bestand)")
    mine = Problem(Mark(str(own / "oplossingen" / "x.yml")), "", "fout")
    assert from_base(mine, [base, own]) == mine


def test_example_warnings_from_the_base_are_marked(monkeypatch):
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    gaps = [str(g) for g in content_gaps(load_catalogus(root / "catalogus"))]
    from_the_base = [g for g in gaps if "basis/werkdruk/" in g.split(":")[0]]
    assert from_the_base and all("(uit de basis)" in g and "in je catalogus" in g for g in from_the_base)
    assert not any("(uit de basis)" in g for g in gaps if g.startswith("catalogus/"))


# -- 7 and 11: empty fields ---------------------------------------------------------


def test_empty_required_field_does_not_suggest_leaving_it_out(make_catalogus, monkeypatch):
    root = make_catalogus({"catalogus.yml": "id: test-wegwijzer\ntitel:\nsector: Test\nuitgever: Testers\nversie: '1.0'\n"})
    assert problems_of(root, monkeypatch) == [
        "catalogus/catalogus.yml:2:7: titel: is leeg (vul een waarde in; begint de waarde met #, zet haar dan tussen aanhalingstekens)"
    ]


def test_optional_fields_left_empty_by_a_browser_editor_are_absent(make_catalogus, monkeypatch):
    info = textwrap.dedent(
        """\
        id: test-wegwijzer
        titel: Test
        sector: Test
        uitgever: Testers
        versie: '1.0'
        licentie: ''
        contact: '   '
        weglaten: []
        reikwijdte: {}
        huisstijl:
          logo: ''
        """
    )
    monkeypatch.chdir(make_catalogus().parent)
    catalogus = load_catalogus(make_catalogus({"catalogus.yml": info}))
    assert catalogus.info.licentie is None and catalogus.info.huisstijl.logo is None


def test_unquoted_colour_is_still_an_error(make_catalogus, monkeypatch):
    info = "id: test-wegwijzer\ntitel: Test\nsector: Test\nuitgever: Testers\nversie: '1.0'\nhuisstijl:\n  kleur: #1d5b79\n"
    assert problems_of(make_catalogus({"catalogus.yml": info}), monkeypatch) == [
        "catalogus/catalogus.yml:7:9: huisstijl.kleur: is leeg (vul een waarde in, of laat het veld weg; "
        "begint de waarde met #, zet haar dan tussen aanhalingstekens)"
    ]


def test_empty_required_text_stays_an_error(make_catalogus, monkeypatch):
    root = make_catalogus({"catalogus.yml": "id: test-wegwijzer\ntitel: ''\nsector: Test\nuitgever: Testers\nversie: '1.0'\n"})
    assert problems_of(root, monkeypatch) == ["catalogus/catalogus.yml:2:8: titel: mag niet leeg zijn"]


# -- 10: CSV columns by name --------------------------------------------------------


def test_csv_problem_names_the_column_and_item():
    header = ["id", "titel", "factor", "omschrijving", "signalen", "oplossingen"]
    problem = Problem(Mark("knelpunten.csv", 3, 6), "oplossingen[1]", "onbekende oplossing 'rooster-buffer'", "bedoelde je 'rooster-met-buffer'?")
    assert _in_column(problem, header) == "knelpunten.csv:3, kolom 'oplossingen', item 1: onbekende oplossing 'rooster-buffer' (bedoelde je 'rooster-met-buffer'?)"
    row = Problem(Mark("knelpunten.csv", 3, 0), "factor", "verplicht veld 'factor' ontbreekt", "voeg 'factor:' toe")
    assert _in_column(row, header) == "knelpunten.csv:3: factor: verplicht veld 'factor' ontbreekt (voeg 'factor:' toe)"

