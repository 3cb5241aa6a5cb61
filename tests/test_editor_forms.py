"""The browser editor's forms (editor_config.py) as an editor meets them: optional blocks that
may stay empty, the form's checks that match the loader's, Dutch words, the collections for own
pages and the sector's legal provisions, the logo as the image widget writes it, and `[[links]]`
as the rich-text mode saves them."""

from __future__ import annotations

import re
import shutil
import textwrap
import time
from pathlib import Path

import markdown as markdown_lib
import pytest
import yaml

from conftest import ARTIFACTS, ROOT, serve_folder
from wegwijzer.catalogus import CatalogusError, load_catalogus, schema
from wegwijzer.catalogus.editor_config import decap_config
from wegwijzer.catalogus.handpaginas import logo_problems
from wegwijzer.catalogus.links import expand_links, find_links
from wegwijzer.catalogus.model import Editor
from wegwijzer.pages.routes import markdown_link
from wegwijzer.decap import decap_folder
from wegwijzer.sanitize import clean_html

EDITOR_JS = ROOT / "plugins" / "wegwijzer" / "plugins" / "editor" / "wegwijzer-editor.js"
JARGON = {"Backend", "Repo", "Branch", "App id", "Base url", "Id", "Ids"}


@pytest.fixture(scope="module")
def example():
    return load_catalogus(ROOT / "catalogus")


@pytest.fixture(scope="module")
def config(example):
    return decap_config(example, "catalogus", Editor(backend="gitlab", repo="groep/gids", app_id="1"))


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields):
    return {f["name"]: f for f in fields}


def every_field(fields):
    for field in fields:
        yield field
        yield from every_field(field.get("fields", []))
        if "field" in field:
            yield from every_field([field["field"]])


def all_fields(config):
    for c in config["collections"]:
        yield from every_field(c.get("fields", []))
        for f in c.get("files", []):
            yield from every_field(f["fields"])


# --- 1. optional blocks may stay empty; required fields stay required -------------------------


def test_an_optional_block_can_stay_empty_and_its_fields_say_when_they_are_needed(config):
    oplossing = by_name(collection(config, "oplossingen")["fields"])
    block = oplossing["onderbouwing"]
    assert block["widget"] == "object" and block["required"] is False and block["collapsed"] is True
    # Decap checks an object's fields even when it is left empty: inside, nothing is required
    assert all(f.get("required") is False for f in block["fields"])
    assert all("Nodig als je dit blok invult." in f["hint"] for f in block["fields"])
    for name in ("randvoorwaarden", "grondslag", "bronnen", "praktijk"):
        assert oplossing[name]["required"] is False, name
    for name in ("titel", "omschrijving", "aanpak", "niveau", "termijn", "kosten", "invoeren"):
        assert "required" not in oplossing[name], name  # Decap's default: required
    # an item of a list of sources, once added, still needs its title
    assert "required" not in by_name(oplossing["bronnen"]["fields"])["titel"]


def test_the_loader_accepts_what_the_form_saves_with_the_optional_blocks_left_empty(make_catalogus):
    # as Decap wrote it in Chromium (test below), and after an editor opened a block and wiped it
    folder = make_catalogus({
        "oplossingen/leeg-gelaten.yml": """\
            titel: Leeg gelaten
            omschrijving: Een tekst.
            aanpak: bron
            niveau:
              - team
            termijn: kort
            kosten: laag
            invoeren:
              - Eerste stap
            randvoorwaarden: []
            grondslag: []
            bronnen: []
            onderbouwing:
              soort: ''
              toelichting: ''
            praktijk: []
            """,
        "knelpunten/leeg.yml": """\
            titel: Leeg
            factor: tijdsdruk
            omschrijving: Tekst.
            signalen: [Een signaal]
            oplossingen: [leeg-gelaten, taken-herverdelen]
            stellingen: []
            bronnen: []
            praktijk: []
            """,
    })
    catalogus = load_catalogus(folder)
    assert catalogus.oplossingen["leeg-gelaten"].onderbouwing is None
    assert [o.id for o in catalogus.knelpunten["leeg"].oplossingen] == ["leeg-gelaten", "taken-herverdelen"]


def test_a_half_filled_block_is_still_refused_by_the_build(make_catalogus):
    folder = make_catalogus({"oplossingen/half.yml": textwrap.dedent(schema_oplossing("onderbouwing:\n  soort: praktijk\n  toelichting: ''\n"))})
    with pytest.raises(CatalogusError) as error:
        load_catalogus(folder)
    assert "onderbouwing" in str(error.value)


def schema_oplossing(extra: str) -> str:
    return "titel: Half\nomschrijving: Tekst.\naanpak: bron\nniveau: [team]\ntermijn: kort\nkosten: laag\ninvoeren: [Stap]\n" + extra


# --- 3. the form checks what the loader checks -------------------------------------------------


def test_each_rule_of_the_loader_has_its_rule_in_the_form(config):
    fields = list(all_fields(config))
    model = by_name(collection(config, "instellingen")["files"][0]["fields"])
    assert model["id"]["pattern"][0] == schema.ID_PATTERN.pattern
    assert re.match(model["id"]["pattern"][0], "werkdruk-schoonmaak") and not re.match(model["id"]["pattern"][0], "Werkdruk schoonmaak")
    url = by_name(model["editor"]["fields"])["base_url"]["pattern"][0]
    assert re.match(url, "https://x.nl/a") and not re.match(url, "www.x.nl")
    kleur = by_name(model["huisstijl"]["fields"])["kleur"]["pattern"][0]
    assert re.match(kleur, "#1d5b79") and not re.match(kleur, "blauw")
    leestijd = model["mkb_leestijd_max"]
    assert (leestijd["widget"], leestijd["min"], leestijd["max"]) == ("number", 1, 120)
    knelpunt = by_name(collection(config, "knelpunten")["fields"])
    assert knelpunt["signalen"]["min"] == 1 and knelpunt["oplossingen"]["min"] == 1
    assert knelpunt["oplossingen"]["widget"] == "select" and knelpunt["oplossingen"]["multiple"] is True
    assert re.search(knelpunt["titel"]["pattern"][0], "   ") is None  # spaces alone are no title
    # the file name is made from the title: "Alle" would be alle.yml, a name the site's own list page has
    for name in ("knelpunten", "oplossingen"):
        titel = by_name(collection(config, name)["fields"])["titel"]["pattern"][0]
        assert [t for t in ("Alle", " index!", "ALLE", "Alle taken tegelijk", "Indexeren van taken") if re.search(titel, t)] == ["Alle taken tegelijk", "Indexeren van taken"]
    # every message an editor reads when a rule fails is Dutch
    for field in fields:
        if "pattern" in field:
            assert re.search(r"\b(gebruik|begin|schrijf|vul)\b", field["pattern"][1]), field


def test_a_provision_of_the_sectors_own_normen_yml_is_offered(make_catalogus):
    folder = make_catalogus({"normen.yml": """\
        bepalingen:
          - wet: arbobesluit
            artikel: '5.2'
            onderwerp: Fysieke belasting beoordelen
        """})
    config = decap_config(load_catalogus(folder), "catalogus", Editor(backend="gitlab", repo="g/x"))
    grondslag = by_name(collection(config, "oplossingen")["fields"])["grondslag"]
    assert "arbobesluit 5.2" in [o["value"] for o in grondslag["options"]]


def test_the_grondslag_offers_only_the_arbowetgeving_and_ook_van_belang_the_other_laws(config):
    fields = by_name(collection(config, "oplossingen")["fields"])
    grondslag, ook = fields["grondslag"], fields["ook_van_belang"]
    assert grondslag["label"] == "Grondslag: artikelen uit de Arbowetgeving" and ook["label"] == "Ook van belang: artikelen uit andere wetten"
    offered = [o["value"].split()[0] for o in grondslag["options"]]
    assert {"arbowet", "arbobesluit"} <= set(offered) <= {"arbowet", "arbobesluit", "arboregeling"}
    others = {o["value"].split()[0] for o in ook["options"]}
    assert {"atw", "wor", "wazo"} <= others and not others & {"arbowet", "arbobesluit", "arboregeling"}


# --- 2. collections ------------------------------------------------------------------------------


def test_own_pages_and_the_sectors_provisions_have_a_collection(config, make_catalogus):
    pages = collection(config, "paginas")
    assert (pages["folder"], pages["extension"], pages["format"], pages["create"]) == ("content", "md", "frontmatter", True)
    assert [f["name"] for f in pages["fields"]] == ["title", "body"]
    assert pages["slug"] == "{{slug}}" and pages["identifier_field"] == "title"
    normen = collection(config, "normen")["files"][0]
    assert normen["file"] == "catalogus/normen.yml"  # offered though the example has none: Decap makes it on saving
    assert not (ROOT / "catalogus" / "normen.yml").exists()
    assert [f["name"] for f in normen["fields"]] == ["wetten", "bepalingen"]
    assert by_name(by_name(normen["fields"])["bepalingen"]["fields"])["bevestigd"]["default"] is True
    for name in ("praktijk", "instrumenten"):
        assert collection(config, name)["create"] is True
    # a guide whose mkdocs.yml names another docs folder
    folder = make_catalogus()
    (folder.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: paginas-map\n", encoding="utf-8")
    other = decap_config(load_catalogus(folder), "catalogus", Editor(backend="gitlab", repo="g/x"))
    assert collection(other, "paginas")["folder"] == "paginas-map"


def test_only_keys_that_decap_and_sveltia_both_read(config):
    widgets = {f["widget"] for f in all_fields(config)}
    assert widgets <= {"string", "markdown", "select", "number", "boolean", "datetime", "color", "list", "object", "image"}
    for field in all_fields(config):
        assert set(field) <= {"name", "label", "widget", "hint", "required", "pattern", "options", "multiple", "min", "max",
                              "value_type", "default", "format", "date_format", "time_format", "fields", "field", "summary",
                              "collapsed", "label_singular", "buttons", "editor_components", "choose_url", "allowInput"}, field


# --- 4. Dutch --------------------------------------------------------------------------------------


def test_the_labels_are_plain_dutch_and_lists_count_in_dutch(config):
    labels = {f["label"] for f in all_fields(config)}
    assert not labels & JARGON
    editor = by_name(by_name(collection(config, "instellingen")["files"][0]["fields"])["editor"]["fields"])
    assert [editor[n]["label"] for n in ("backend", "repo", "branch", "app_id", "base_url")] == [
        "Waar de bestanden staan", "Opslagplaats (groep/naam)", "Tak die de site bouwt", "Nummer van de GitLab-applicatie", "Adres van de inlogdienst"]
    signalen = by_name(collection(config, "knelpunten")["fields"])["signalen"]
    assert signalen["label_singular"] == "signaal"  # Decap: "1 signaal", "Voeg signaal toe"
    for field in all_fields(config):
        if field["widget"] == "datetime":
            assert "picker_utc" not in field and field["format"] == "YYYY-MM-DD" and field["time_format"] is False
        if field["widget"] == "markdown":
            assert "[[knelpunt:" in field["hint"]


# --- 2. the logo as the image widget writes it -----------------------------------------------------


@pytest.mark.parametrize("logo, found", [
    ("/assets/logo.png", None),
    ("assets/logo.png", None),
    ("/", "is geen bestand"),
    ("//x", "geen pad vanaf de schijf"),
    ("../x", "buiten de map"),
    ("C:\\x", "tekens die niet in een bestandsnaam horen"),
    ("https://example.org/logo.png", "geen pad vanaf de schijf of een webadres"),
    ("a" * 5000, "staat niet in"),
    ("/assets/ontbreekt.png", "staat niet in"),
])
def test_the_logo_as_the_editor_writes_it_and_odd_values_get_a_dutch_problem(make_catalogus, logo, found):
    folder = make_catalogus({"catalogus.yml": "id: test-wegwijzer\ntitel: T\nsector: T\nuitgever: T\nversie: '1'\nhuisstijl:\n  logo: " + yaml.safe_dump(logo, width=10000).splitlines()[0] + "\n"})
    docs = folder.parent / "content"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "logo.png").write_bytes(b"\x89PNG")
    try:
        catalogus = load_catalogus(folder)
    except CatalogusError as error:
        assert found and found in str(error) and "catalogus.yml:7" in str(error)
        return
    problems = logo_problems(catalogus, docs, str)
    if found is None:
        assert problems == [] and catalogus.info.huisstijl.logo == "assets/logo.png"
    else:
        assert len(problems) == 1 and found in problems[0].message and problems[0].mark.line == 7, problems


# --- 5. [[links]] as the rich-text mode saves them ---------------------------------------------------


ESCAPED = [r"\[[knelpunt:piekdrukte]]", r"\[\[knelpunt:piekdrukte\]\]", r"\[\[knelpunt:piekdrukte]]", r"[\[knelpunt:piekdrukte\]]"]


def render(catalogus, text: str) -> str:
    html = markdown_lib.markdown(expand_links(text, lambda link: markdown_link(catalogus, link, "index.md")))
    return clean_html(html)


@pytest.mark.parametrize("written", ESCAPED)
def test_an_escaped_link_reads_like_a_link(make_catalogus, written):
    catalogus = load_catalogus(make_catalogus())
    plain = render(catalogus, "Zie [[knelpunt:piekdrukte]] hier.")
    assert render(catalogus, f"Zie {written} hier.") == plain
    assert "\\" not in plain and "knelpunten/piekdrukte" in plain


@pytest.mark.parametrize("hostile", [
    r"\[\[knelpunt:piekdrukte\|<script>alert(1)</script>\]\]",
    r"\[[knelpunt:piekdrukte|<img src=x onerror=alert(1)>]]",
    r"\[\[knelpunt:piekdrukte\|x](javascript:alert(1))\]\]",
    r"\[\[knelpunt:\"><svg onload=alert(1)>\]\]",
    "\\[\\[knelpunt:piekdrukte\\|" + "\\" * 500 + "\\]\\]",
])
def test_hostile_escaped_links_stay_harmless(make_catalogus, hostile):
    catalogus = load_catalogus(make_catalogus())
    html = render(catalogus, f"Zie {hostile}.")
    assert "<script" not in html and not re.search(r"<[^>]*\bon\w+=", html) and not re.search(r"<[^>]*javascript:", html)


def test_an_escaped_backslash_before_a_link_stays_a_backslash():
    links = list(find_links(r"een \\[[knelpunt:x]]"))
    assert [link.raw for link in links] == ["[[knelpunt:x]]"] and not links[0].escaped


def test_check_warns_at_each_escaped_link_with_the_fix(make_catalogus):
    folder = make_catalogus({"knelpunten/piekdrukte.yml": """\
        titel: Piekdrukte
        factor: tijdsdruk
        omschrijving: |
          Op vaste momenten is het te druk.
          Zie \\[\\[oplossing:taken-herverdelen\\]\\].
        signalen:
          - Lange wachtrijen
        oplossingen:
          - rooster-met-buffer
          - taken-herverdelen
        """})
    warnings = [str(w) for w in load_catalogus(folder).waarschuwingen]
    assert any("knelpunten/piekdrukte.yml:5:7: omschrijving:" in w and "schrijf [[oplossing:taken-herverdelen]] zonder \\" in w for w in warnings), warnings


# --- in Chromium: the form saves with the optional blocks empty, in Dutch ------------------------------


def editor_page(folder: Path, catalogus_folder: Path) -> None:
    """The editor as /admin/ has it, with Decap's in-memory backend (test-repo) instead of a Git host."""
    config = decap_config(load_catalogus(catalogus_folder), "catalogus", Editor(backend="gitlab", repo="g/x"))
    config["backend"] = {"name": "test-repo"}
    config.pop("local_backend", None)
    folder.mkdir(parents=True)
    (folder / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for script in decap_folder().glob("*decap-cms.js"):
        shutil.copy(script, folder / script.name)
    shutil.copy(EDITOR_JS, folder / EDITOR_JS.name)
    (folder / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Editor</title></head>'
        f'<body><script src="decap-cms.js"></script><script src="{EDITOR_JS.name}"></script></body></html>', encoding="utf-8")


def test_in_chromium_an_oplossing_saves_with_its_optional_blocks_empty(browser, tmp_path, make_catalogus):
    if not any(decap_folder().glob("*decap-cms.js")):
        pytest.skip("Decap CMS is niet geïnstalleerd (scripts/setup)")
    catalogus_folder = make_catalogus()
    editor_page(tmp_path / "site" / "admin", catalogus_folder)
    with serve_folder(tmp_path / "site") as base:
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
        page = context.new_page()
        try:
            page.goto(base + "/admin/")
            page.get_by_role("button", name="Inloggen").click()
            page.goto(base + "/admin/#/collections/oplossingen/new")
            page.locator("input[id^='titel-field']").first.wait_for()
            page.locator("input[id^='titel-field']").first.fill("Leeg gelaten")
            page.locator("[data-slate-editor]").first.click()
            page.keyboard.type("Een tekst.")
            for field, option in (("aanpak", "bron"), ("niveau", "team"), ("termijn", "kort"), ("kosten", "laag")):
                box = page.locator(f"input[id^='{field}-field']").first
                box.click()
                box.type(option)
                page.keyboard.press("Enter")
            page.get_by_role("button", name="Voeg stap toe").click()  # label_singular: not "Voeg invoeren toe"
            page.locator("input[id^='item-field']").first.fill("Eerste stap")
            assert page.get_by_text("1 stap", exact=True).count() == 1
            box = page.locator("input[id^='praktijk-field']").first  # no quotes in this catalogus
            box.click()
            box.type("zzz")
            page.get_by_text("Geen keuzes").wait_for()
            assert page.get_by_text("No options").count() == 0
            page.keyboard.press("Escape")
            page.get_by_role("button", name="Publiceer").click()
            page.get_by_text("Publiceer nu").click()
            deadline = time.monotonic() + 10
            saved = {}
            while time.monotonic() < deadline and not saved:
                saved = page.evaluate("window.repoFiles && window.repoFiles.catalogus && window.repoFiles.catalogus.oplossingen || {}")
                time.sleep(0.1)
            page.screenshot(path=str(ARTIFACTS / "editor-optionele-blokken.png"), full_page=True)
            assert page.locator("[class*='ErrorsList'] li").all_inner_texts() == []
            assert list(saved) == ["leeg-gelaten.yml"], saved
            text = saved["leeg-gelaten.yml"]["content"]
            assert "onderbouwing" not in text or yaml.safe_load(text)["onderbouwing"] in ({}, None)
            # what the form saved, the build reads
            (catalogus_folder / "oplossingen" / "leeg-gelaten.yml").write_text(text, encoding="utf-8")
            assert load_catalogus(catalogus_folder).oplossingen["leeg-gelaten"].invoeren == ["Eerste stap"]
            # the date field: no "UTC" beside it
            page.goto(base + "/admin/#/collections/instellingen/entries/catalogus")
            page.locator("input[type=date]").first.wait_for()
            assert page.get_by_text("UTC", exact=True).count() == 0
        finally:
            context.close()
