"""Make the screenshots of docs/editor.md again: a new guide, its preview and the editor, as an editor sees them.

Run from the project root (after scripts/setup):

    .venv/bin/python docs/afbeeldingen/maak.py

It makes a new guide in a temporary folder (`wegwijzer start`, never inside this
repository), starts its preview (`wegwijzer bekijken`) on a free port and drives the
editor at /admin/ with Debian's Chromium (Playwright, never a downloaded browser) the
way a person does: typing, choosing from lists, "Publiceer" and "Publiceer nu".
The PNGs land next to this script. Every shot is a viewport or an element, 1280 px
wide (one of the preview at 360 px), saved with Pillow's optimiser and, when still
over 150 KB, with at most 256 colours.

Look at every picture after running this: one that shows English, a broken layout or
an error nobody meant is a finding, not a picture for the docs.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = "/usr/bin/chromium"
MAX_BYTES = 150_000

SECTOR, UITGEVER = "Schoonmaak", "Voorbeeld Schoonmaakbranche"
NORM = ("arbobesluit", "5.3", "Maatregelen tegen zwaar tillen, duwen en trekken",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0008498&hoofdstuk=5&artikel=5.3")
OPLOSSING, OPLOSSING_ID = "Emmers op wielen op elke verdieping", "emmers-op-wielen-op-elke-verdieping"
KNELPUNT, KNELPUNT_ID = "Zwaar tillen met volle emmers", "zwaar-tillen-met-volle-emmers"
PAGINA, PAGINA_ID = "Over deze Wegwijzer voor de schoonmaak", "over-deze-wegwijzer-voor-de-schoonmaak"
KLEUR = "#0b6e4f"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """`wegwijzer bekijken` in the new guide, as `MAP/bekijken` starts it, on a free port."""

    def __init__(self, project: Path):
        self.project = project
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "wegwijzer", "bekijken", "--poort", str(self.port)],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if self.status()["versie"] >= 1:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit(self.process.stdout.read().decode())
            time.sleep(0.3)
        sys.exit("de voorvertoning is niet gestart")

    def status(self) -> dict:
        with urllib.request.urlopen(self.base + "/_wegwijzer/status", timeout=5) as answer:
            return json.load(answer)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def save_png(data: bytes, name: str) -> None:
    """Write a screenshot as small as it stays sharp: optimised, and with 256 colours when still too big."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    if out.tell() > MAX_BYTES:
        out = io.BytesIO()
        image.quantize(256, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    (HERE / name).write_bytes(out.getvalue())
    print(f"{name}: {image.width}x{image.height}, {out.tell() // 1024} KB")


def shot(page, name: str, element=None) -> None:
    save_png((element or page).screenshot(), name)


def logo(path: Path) -> Path:
    """A small logo of the example organisation: "VS" in a white square, visible on the coloured header."""
    image = Image.new("RGB", (120, 120), "white")
    ImageDraw.Draw(image).text((14, 22), "VS", fill=KLEUR, font_size=64)
    image.save(path)
    return path


def open_editor(page, base: str, path: str, ready: str = "input[id^='titel-field']") -> None:
    """The editor freshly loaded (so its lists know every id) at `path`, logged in."""
    page.goto(base + "/admin/")
    login, app = page.get_by_role("button", name="Inloggen"), page.get_by_text("Inhoudstypen")
    login.or_(app).first.wait_for()
    if login.is_visible():
        login.click()
    page.goto(base + "/admin/#" + path)
    page.locator(ready).first.wait_for()


def choose(page, field: str, *options: str) -> None:
    box = page.locator(f"input[id^='{field}-field']").first
    for option in options:
        box.click()
        box.type(option)
        page.keyboard.press("Enter")


def type_text(page, index: int, text: str) -> None:
    box = page.locator("[data-slate-editor]").nth(index)
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def publish(page, preview: Preview, file: Path, menu_shot: str | None = None) -> dict:
    """"Publiceer" and "Publiceer nu", as an editor clicks them; the preview's status after it rebuilt."""
    version = preview.status()["versie"]
    before = file.stat().st_mtime_ns if file.exists() else None
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu").wait_for()
    if menu_shot:
        page.wait_for_timeout(300)
        save_png(page.screenshot(clip={"x": 0, "y": 0, "width": 720, "height": 200}), menu_shot)
    page.get_by_text("Publiceer nu").click()
    deadline = time.monotonic() + 30
    while (file.stat().st_mtime_ns if file.exists() else None) == before:
        if time.monotonic() > deadline:
            sys.exit(f"{file.name} is niet bewaard")
        time.sleep(0.1)
    while preview.status()["versie"] <= version:
        if time.monotonic() > deadline + 30:
            sys.exit("de voorvertoning bouwde niet opnieuw")
        time.sleep(0.1)
    return preview.status()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wegwijzer-afbeeldingen-") as tmp:
        project = Path(tmp) / "schoonmaak"
        started = subprocess.run([str(ROOT / ".venv" / "bin" / "wegwijzer"), "start", str(project), "--sector", SECTOR,
                                  "--uitgever", UITGEVER], capture_output=True, text=True, check=True)
        print(started.stdout.replace(tmp, "<map>"))
        catalogus = project / "catalogus"
        preview = Preview(project)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                base = preview.base

                # the login page and, after "Inloggen", the list of collections
                page.goto(base + "/admin/")
                page.get_by_role("button", name="Inloggen").wait_for()
                page.wait_for_timeout(500)
                shot(page, "editor-inloggen.png")
                page.get_by_role("button", name="Inloggen").click()
                page.get_by_text("Inhoudstypen").wait_for()
                page.wait_for_timeout(800)
                shot(page, "editor-overzicht.png")

                # 1. the sector's own provision, under "Wetsbepalingen van de sector"
                open_editor(page, base, "/collections/normen/entries/normen", ready="text=Voeg bepaling toe")
                page.get_by_role("button", name="Voeg bepaling toe").click()
                for field, value in zip(("wet", "artikel", "onderwerp", "url"), NORM):
                    page.locator(f"input[id^='{field}-field']").fill(value)
                page.wait_for_timeout(300)
                shot(page, "editor-wetsbepaling.png")
                publish(page, preview, catalogus / "normen.yml", menu_shot="editor-publiceer.png")

                # 2. an oplossing; the grondslag list shows the new provision (after reloading the editor)
                open_editor(page, base, "/collections/oplossingen/new")
                page.locator("input[id^='titel-field']").first.fill(OPLOSSING)
                type_text(page, 0, "Op elke verdieping staat een emmer op wielen klaar. Niemand hoeft een volle emmer de trap op te dragen.")
                choose(page, "aanpak", "bron")
                choose(page, "niveau", "organisatie")
                choose(page, "termijn", "kort")
                choose(page, "kosten", "laag")
                page.get_by_role("button", name="Voeg stap toe").click()
                page.locator("[id^='invoeren-field'] input").last.fill("Zet op elke verdieping een emmer op wielen neer.")
                box = page.locator("input[id^='grondslag-field']").first
                box.scroll_into_view_if_needed()
                box.click()
                box.type("zwaar tillen")
                page.wait_for_timeout(500)
                page.evaluate("window.scrollBy(0, 250)")
                page.wait_for_timeout(300)
                shot(page, "editor-grondslag.png")
                page.keyboard.press("Enter")
                publish(page, preview, catalogus / "oplossingen" / f"{OPLOSSING_ID}.yml")

                # 3. a knelpunt, partly filled
                open_editor(page, base, "/collections/knelpunten/new")
                page.locator("input[id^='titel-field']").first.fill(KNELPUNT)
                choose(page, "factor", "hoeveelheid-werk")
                type_text(page, 0, "Een volle emmer weegt al snel tien kilo. Wie hem vaak optilt, krijgt last van rug en schouders.")
                page.wait_for_timeout(300)
                page.evaluate("window.scrollTo(0, 0)")
                shot(page, "editor-knelpunt.png")
                page.get_by_role("button", name="Voeg signaal toe").click()
                page.locator("[id^='signalen-field'] input").last.fill("Collega's klagen over hun rug.")
                choose(page, "oplossingen", OPLOSSING_ID, "buddysysteem")
                publish(page, preview, catalogus / "knelpunten" / f"{KNELPUNT_ID}.yml")

                # 4. an own page
                open_editor(page, base, "/collections/paginas/new", ready="input[id^='title-field']")
                page.locator("input[id^='title-field']").fill(PAGINA)
                type_text(page, 0, f"Deze Wegwijzer is gemaakt voor teams in de schoonmaak. Lees ook [[knelpunt:{KNELPUNT_ID}]].")
                page.wait_for_timeout(300)
                shot(page, "editor-pagina.png")
                own_page = project / "content" / f"{PAGINA_ID}.md"
                publish(page, preview, own_page)

                # 5. logo and colour, under "Over deze Wegwijzer"
                open_editor(page, base, "/collections/instellingen/entries/catalogus",
                            ready="input[id^='kleur-field'], [id^='huisstijl-field']")
                huisstijl = page.locator("[id^='huisstijl-field']")
                if huisstijl.locator("[data-testid='expand-button']").count():
                    huisstijl.locator("[data-testid='expand-button']").first.click()
                page.locator("input[id^='kleur-field']").fill(KLEUR)
                page.get_by_role("button", name="Kies een afbeelding").click()
                page.locator("input[type='file']").set_input_files(logo(Path(tmp) / "logo.png"))
                page.get_by_role("button", name="Gebruik selectie").or_(page.get_by_role("button", name="Kies geselecteerde")).first.click()
                publish(page, preview, catalogus / "catalogus.yml")
                # as the editor shows it when they come back: the block folded, opened with "Openklappen"
                open_editor(page, base, "/collections/instellingen/entries/catalogus", ready="[id^='huisstijl-field']")
                huisstijl = page.locator("[id^='huisstijl-field']")
                huisstijl.scroll_into_view_if_needed()
                if huisstijl.locator("[data-testid='expand-button']").count():
                    huisstijl.locator("[data-testid='expand-button']").first.click()
                page.locator("input[id^='kleur-field']").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, 200)")
                page.wait_for_timeout(800)
                shot(page, "editor-huisstijl.png")

                # the preview with the new knelpunt, on a computer and on a phone
                view = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
                view.goto(base + f"/knelpunten/{KNELPUNT_ID}/")
                view.wait_for_timeout(800)
                shot(view, "voorvertoning-knelpunt.png")
                phone = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
                phone.goto(base + f"/knelpunten/{KNELPUNT_ID}/")
                phone.wait_for_timeout(800)
                shot(phone, "voorvertoning-telefoon.png")

                # 6. a save that does not build: the banner in the preview and the panel in the editor
                open_editor(page, base, f"/collections/paginas/entries/{PAGINA_ID}", ready="input[id^='title-field']")
                type_text(page, 0, " Zie ook [[knelpunt:bestaat-niet]].")
                status = publish(page, preview, own_page)
                if status["goed"]:
                    sys.exit("de fout voor de afbeeldingen bouwde toch")
                page.locator("#wegwijzer-bouwstatus").wait_for()
                page.wait_for_timeout(500)
                shot(page, "editor-fout.png")
                view.goto(base + f"/knelpunten/{KNELPUNT_ID}/")
                view.locator("#wegwijzer-bouwfout").wait_for()
                view.wait_for_timeout(500)
                shot(view, "voorvertoning-fout.png")

                # repaired, so the guide ends as it should
                box = page.locator("[data-slate-editor]").first
                box.click()
                page.keyboard.press("Control+a")
                page.keyboard.type(f"Deze Wegwijzer is gemaakt voor teams in de schoonmaak. Lees ook [[knelpunt:{KNELPUNT_ID}]].")
                if not publish(page, preview, own_page)["goed"]:
                    sys.exit("de herstelde pagina bouwt niet")

                # the block for the editor online, opened but not saved (without an Application ID it would not build)
                open_editor(page, base, "/collections/instellingen/entries/catalogus", ready="[id^='editor-field']")
                block = page.locator("[id^='editor-field']").first
                block.scroll_into_view_if_needed()
                if block.locator("[data-testid='expand-button']").count():
                    block.locator("[data-testid='expand-button']").first.click()
                page.wait_for_timeout(300)
                block.scroll_into_view_if_needed()
                page.wait_for_timeout(500)
                shot(page, "editor-online.png")
                browser.close()
        finally:
            preview.stop()
            output = preview.process.stdout.read().decode().replace(tmp, "<map>")
            print("--- de voorvertoning zei:\n" + output)


if __name__ == "__main__":
    main()
