"""A new editor, from an empty folder to a site ready to publish, through the browser editor only.

The one command the README gives a new editor (`scripts/nieuwe-wegwijzer MAP Sector
Uitgever`) makes the guide and starts the preview with the editor. Then, only by
clicking and typing in /admin/ (Chromium), the editor adds a legal provision of their
own sector, a knelpunt, an oplossing that cites that provision and links a knelpunt
of the base, an own page, a logo and a colour; saves a page that does not build,
sees the Dutch banner in the preview and in the editor, and repairs it in the editor.
Last, the publishing workflow that `wegwijzer start` wrote for GitLab runs, step by
step and offline, on a fresh runner, from the program the guide carries. (Both
generated workflows, with their PDFs, are run from a release by test_release.py.)
Screenshots in tests/artifacts/nieuwe-gids-*.png.
"""

from __future__ import annotations

import base64
import os
import re
import shlex
import subprocess
import time
from pathlib import Path

import yaml

from conftest import ARTIFACTS, ROOT, without_pdfs
from test_editor import Preview, choose, free_port, open_editor
from test_release import run, venv

SECTOR, UITGEVER = "Schoonmaak", "Voorbeeld Schoonmaakbranche"
KNELPUNT = "Zwaar tillen met volle emmers"
KNELPUNT_ID = "zwaar-tillen-met-volle-emmers"
OPLOSSING = "Emmers op wielen op elke verdieping"
OPLOSSING_ID = "emmers-op-wielen-op-elke-verdieping"
PAGINA = "Over deze Wegwijzer voor de schoonmaak"
PAGINA_ID = "over-deze-wegwijzer-voor-de-schoonmaak"
BASE_KNELPUNT = "drukte-op-piekmomenten"
#: The smallest PNG there is: one pixel; the logo the editor uploads.
LOGO = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


class NewGuide(Preview):
    """The README's command for a new editor, on a free port: it makes the guide and starts the preview."""

    def __init__(self, folder: Path):
        self.project = folder / "schoonmaak"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "nieuwe-wegwijzer"), str(self.project), SECTOR, UITGEVER, "--poort", str(self.port)],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.wait_until_up()


def publish_and_wait(page, preview: Preview, file: Path, builds: bool = True) -> dict:
    """Click "Publiceer" and "Publiceer nu" as an editor does; the preview's status once it rebuilt after the save
    (and, for a few seconds more, until it says what a save that `builds` or not should make it say)."""
    version = preview.status()["versie"]
    before = file.stat().st_mtime_ns if file.exists() else None
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu").click()
    deadline = time.monotonic() + 20
    while (file.stat().st_mtime_ns if file.exists() else None) == before:
        if time.monotonic() > deadline:
            page.screenshot(path=ARTIFACTS / f"nieuwe-gids-niet-bewaard-{file.stem}.png", full_page=True)
            raise AssertionError(f"{file.name} is niet bewaard (zie de schermafdruk in tests/artifacts)")
        time.sleep(0.05)
    status = preview.built_after(version)
    # Under load a build that began before this save can end after it: wait a moment for a newer one.
    settle = time.monotonic() + 5
    while status["goed"] != builds and time.monotonic() < settle:
        time.sleep(0.1)
        newer = preview.status()
        if newer["versie"] > status["versie"]:
            status = newer
    return status


def type_text(page, index: int, text: str) -> None:
    """Type into the index-th text box of the form (Decap's rich-text editor), as a person types."""
    box = page.locator("[data-slate-editor]").nth(index)
    words = box.locator("[data-slate-string]")
    if words.count():
        # a click after the last word, as a person adds to a text (Control+End left the caret where
        # a click in the box had put it, mid-word: "schoLees ook [[...]].onmaak")
        last = words.last.bounding_box()
        page.mouse.click(last["x"] + last["width"] - 1, last["y"] + last["height"] / 2)
    else:
        box.click()
    page.keyboard.type(text)


def test_a_new_editor_makes_a_guide_in_the_browser_and_it_publishes(tmp_path, open_page):
    started = time.monotonic()
    guide = NewGuide(tmp_path)
    project = guide.project
    catalogus = project / "catalogus"
    try:
        page = open_page(1280)
        open_editor(page, guide.base, "/collections/normen/entries/normen", ready="text=Voeg bepaling toe")

        # 1. the sector's own provision: Arbobesluit chapter 5 (fysieke belasting) is not in the base register
        page.get_by_role("button", name="Voeg bepaling toe").click()
        page.locator("input[id^='wet-field']").fill("arbobesluit")
        page.locator("input[id^='artikel-field']").fill("5.3")
        page.locator("input[id^='onderwerp-field']").fill("Maatregelen tegen zwaar tillen, duwen en trekken")
        page.locator("input[id^='url-field']").fill("https://wetten.overheid.nl/jci1.3:c:BWBR0008498&hoofdstuk=5&artikel=5.3")
        assert publish_and_wait(page, guide, catalogus / "normen.yml")["goed"]

        # 2. an oplossing citing it, with a link to a knelpunt of the base typed in the rich-text editor
        open_editor(page, guide.base, "/collections/oplossingen/new")  # a fresh editor knows the new provision
        page.locator("input[id^='titel-field']").first.fill(OPLOSSING)
        type_text(page, 0, f"Op elke verdieping staat een emmer op wielen klaar. Zie ook [[knelpunt:{BASE_KNELPUNT}]].")
        choose(page, "aanpak", "bron")
        choose(page, "niveau", "organisatie")
        choose(page, "termijn", "kort")
        choose(page, "kosten", "laag")
        page.get_by_role("button", name="Voeg stap toe").click()
        page.locator("[id^='invoeren-field'] input").last.fill("Zet op elke verdieping een emmer op wielen neer.")
        choose(page, "grondslag", "zwaar tillen")
        page.screenshot(path=ARTIFACTS / "nieuwe-gids-oplossing.png", full_page=True)
        assert publish_and_wait(page, guide, catalogus / "oplossingen" / f"{OPLOSSING_ID}.yml")["goed"]

        # 3. a knelpunt with the new oplossing and one of the base
        open_editor(page, guide.base, "/collections/knelpunten/new")
        page.locator("input[id^='titel-field']").first.fill(KNELPUNT)
        choose(page, "factor", "hoeveelheid-werk")
        type_text(page, 0, "Een volle emmer weegt al snel tien kilo. Wie hem vaak optilt, krijgt last van rug en schouders.")
        page.get_by_role("button", name="Voeg signaal toe").click()
        page.locator("[id^='signalen-field'] input").last.fill("Collega's klagen over hun rug.")
        choose(page, "oplossingen", OPLOSSING_ID, "buddysysteem")
        page.screenshot(path=ARTIFACTS / "nieuwe-gids-knelpunt.png", full_page=True)
        assert publish_and_wait(page, guide, catalogus / "knelpunten" / f"{KNELPUNT_ID}.yml")["goed"]

        # 4. an own page
        open_editor(page, guide.base, "/collections/paginas/new", ready="input[id^='title-field']")
        page.locator("input[id^='title-field']").fill(PAGINA)
        type_text(page, 0, "Deze Wegwijzer is gemaakt voor teams in de schoonmaak.")
        own_page = project / "content" / f"{PAGINA_ID}.md"
        assert publish_and_wait(page, guide, own_page)["goed"]

        # 5. logo and colour, under "Over deze Wegwijzer"
        logo = tmp_path / "logo.png"
        logo.write_bytes(LOGO)
        open_editor(page, guide.base, "/collections/instellingen/entries/catalogus", ready="input[id^='kleur-field'], [id^='huisstijl-field']")
        huisstijl = page.locator("[id^='huisstijl-field']")
        if huisstijl.locator("[data-testid='expand-button']").count():
            huisstijl.locator("[data-testid='expand-button']").first.click()
        page.locator("input[id^='kleur-field']").fill("#0b6e4f")
        page.get_by_role("button", name="Kies een afbeelding").click()
        page.locator("input[type='file']").set_input_files(logo)
        page.get_by_role("button", name=re.compile("Gebruik selectie|Kies geselecteerde", re.I)).click()
        page.screenshot(path=ARTIFACTS / "nieuwe-gids-huisstijl.png", full_page=True)
        assert publish_and_wait(page, guide, catalogus / "catalogus.yml")["goed"]

        # what the editor saved is what they typed, and the preview shows it
        info = yaml.safe_load((catalogus / "catalogus.yml").read_text(encoding="utf-8"))
        assert info["huisstijl"]["kleur"] == "#0b6e4f" and (project / "content" / info["huisstijl"]["logo"].lstrip("/")).read_bytes() == LOGO
        assert info["sector"] == SECTOR and info["uitgever"] == UITGEVER
        oplossing = yaml.safe_load((catalogus / "oplossingen" / f"{OPLOSSING_ID}.yml").read_text(encoding="utf-8"))
        assert oplossing["grondslag"] == ["arbobesluit 5.3"]
        assert f"[[knelpunt:{BASE_KNELPUNT}]]" in oplossing["omschrijving"]  # the escaped link was saved as typed
        knelpunt = yaml.safe_load((catalogus / "knelpunten" / f"{KNELPUNT_ID}.yml").read_text(encoding="utf-8"))
        assert knelpunt["oplossingen"] == [OPLOSSING_ID, "buddysysteem"]
        shown = guide.get(f"/oplossingen/{OPLOSSING_ID}/")[1]
        assert "Arbobesluit art. 5.3" in shown and f"../../knelpunten/{BASE_KNELPUNT}/" in shown and "[[" not in shown
        assert f"../../oplossingen/{OPLOSSING_ID}/" in guide.get(f"/knelpunten/{KNELPUNT_ID}/")[1]
        assert PAGINA in guide.get(f"/{PAGINA_ID}/")[1]
        assert 'src="assets/logo.png"' in guide.get("/")[1].replace("./assets", "assets")
        for width in (360, 1280):
            view = open_page(width)
            view.goto(guide.base + f"/knelpunten/{KNELPUNT_ID}/")
            view.screenshot(path=ARTIFACTS / f"nieuwe-gids-voorvertoning-{width}.png")

        # 6. a save that does not build: the Dutch banner in the preview and in the editor; repaired in the editor
        open_editor(page, guide.base, f"/collections/paginas/entries/{PAGINA_ID}", ready="input[id^='title-field']")
        type_text(page, 0, " Lees ook [[knelpunt:bestaat-niet]].")
        status = publish_and_wait(page, guide, own_page, builds=False)
        assert not status["goed"]
        assert "teams in de schoonmaak. Lees ook [[knelpunt:bestaat-niet]]." in own_page.read_text(encoding="utf-8")  # typed after the text
        assert any(p["bestand"].endswith(f"{PAGINA_ID}.md") and "bestaat-niet" in p["tekst"] for p in status["problemen"]), status
        banner = page.locator("#wegwijzer-bouwstatus")
        banner.wait_for()
        assert f"{PAGINA_ID}.md" in banner.inner_text()
        page.screenshot(path=ARTIFACTS / "nieuwe-gids-fout-in-editor.png")
        preview_tab = open_page(360)
        preview_tab.goto(guide.base + f"/knelpunten/{KNELPUNT_ID}/")
        notice = preview_tab.locator("#wegwijzer-bouwfout")
        assert "Je laatste wijziging staat nog niet op deze pagina" in notice.inner_text() and "bestaat-niet" in notice.inner_text()
        preview_tab.screenshot(path=ARTIFACTS / "nieuwe-gids-fout-in-voorvertoning-360.png")
        box = page.locator("[data-slate-editor]").first
        box.click()
        page.keyboard.press("Control+a")
        page.keyboard.type(f"Deze Wegwijzer is gemaakt voor teams in de schoonmaak. Lees ook [[knelpunt:{KNELPUNT_ID}]].")
        assert publish_and_wait(page, guide, own_page)["goed"]
        banner.wait_for(state="hidden", timeout=5000)
        preview_tab.locator("#wegwijzer-bouwfout").wait_for(state="detached", timeout=10000)  # the open page reloaded itself
        assert f"knelpunten/{KNELPUNT_ID}/" in guide.get(f"/{PAGINA_ID}/")[1]
    finally:
        guide.stop()
    minutes_in_the_browser = (time.monotonic() - started) / 60
    assert minutes_in_the_browser < 5

    # 7. publishing: the GitLab workflow as `wegwijzer start` wrote it, line by line, on a fresh runner with no network
    # (its PDFs, a quarter of a minute here, are made and looked at by test_release.py, from the same workflow)
    without_pdfs(project)
    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    runner = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PIP_NO_INDEX": "1",
              "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PATH": f"{venv(tmp_path / 'runner')}:/usr/bin:/bin"}
    for line in gitlab["script"]:
        if shlex.split(line)[0] == "apt-get":
            continue  # the runner's image installs them; this machine has them (scripts/setup)
        result = run(["bash", "-e", "-c", line], cwd=project, env=runner)
        assert result.returncode == 0, f"{line}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    public = project / "public"
    assert (public / "knelpunten" / KNELPUNT_ID / "index.html").is_file()
    assert "Arbobesluit art. 5.3" in (public / "oplossingen" / OPLOSSING_ID / "index.html").read_text(encoding="utf-8")
    assert (public / "assets" / "logo.png").read_bytes() == LOGO and (public / PAGINA_ID / "index.html").is_file()
    assert not (public / "admin").exists()  # the editor was used on this computer; online it needs `editor:`
