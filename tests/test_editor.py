"""The browser editor (/admin/, Decap CMS) on a copy of the example, as an editor without a terminal uses it.

The local backend (decap-server, from the pinned npm package) writes into the
copy; the forms come from the schema the build checks with. What the editor
saves must validate, keep the base's ids, and show up in the preview.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ARTIFACTS, ROOT, copy_project, mkdocs_build, serve_folder
from wegwijzer.catalogus import load_catalogus
from wegwijzer.plugins.editor.plugin import NPM

DECAP_SERVER = NPM / "node_modules" / ".bin" / "decap-server"
NEW_TITLE = "Rustig overdragen aan het eind van de dag"
NEW_ID = "rustig-overdragen-aan-het-eind-van-de-dag"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def editor_project(tmp_path_factory):
    """A copy of the example with its site built and the local editor backend running in it."""
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server ontbreekt: draai scripts/setup")
    project = copy_project(tmp_path_factory.mktemp("editor"))
    port = free_port()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - wegwijzer/editor ", f"  - wegwijzer/editor:\n      lokale_poort: {port}\n   "), encoding="utf-8")
    built = mkdocs_build(config, project / "site")
    assert built.returncode == 0, built.stderr
    backend = subprocess.Popen([str(DECAP_SERVER)], cwd=project, env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    try:
        yield project
    finally:
        backend.terminate()
        backend.wait(10)


def choose(page, field: str, *options: str) -> None:
    """Pick options in a select of the form by typing their words, as a keyboard user would."""
    box = page.locator(f"input[id^='{field}-field']").first
    for option in options:
        box.click()
        box.type(option)
        page.keyboard.press("Enter")


def open_editor(page, base: str, path: str) -> None:
    page.goto(base + "/admin/")
    login, app = page.get_by_role("button", name="Inloggen"), page.get_by_text("Inhoudstypen")
    login.or_(app).first.wait_for()
    if login.is_visible():  # once per browser session, as with the real backend
        login.click()
    page.goto(base + "/admin/#" + path)
    page.locator("input[id^='titel-field']").first.wait_for()


def publish(page, file: Path) -> None:
    """Publish with the editor's button, and wait until the local backend wrote `file`."""
    before = file.stat().st_mtime_ns if file.exists() else None
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu").click()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (file.stat().st_mtime_ns if file.exists() else None) == before:
        time.sleep(0.1)
    assert file.exists() and file.stat().st_mtime_ns != before, f"{file.name} is niet geschreven"
    time.sleep(0.3)  # the backend writes the file in one go; give it the moment to finish


def test_an_editor_creates_an_oplossing_and_adds_it_to_a_knelpunt(editor_project, open_page):
    ARTIFACTS.mkdir(exist_ok=True)
    project = editor_project
    with serve_folder(project / "site") as served:
        base = served.replace("127.0.0.1", "localhost")  # the local backend answers pages on localhost
        page = open_page(1280)
        open_editor(page, base, "/collections/oplossingen/new")
        page.locator("input[id^='titel-field']").first.fill(NEW_TITLE)
        texts = page.locator("[data-slate-editor]")
        texts.nth(0).click()
        page.keyboard.type("Aan het eind van de dag draag je over op een rustige plek. Zo gaat er minder mis.")
        choose(page, "aanpak", "bron")
        choose(page, "niveau", "team", "organisatie")
        choose(page, "termijn", "quick")
        choose(page, "kosten", "laag")
        for step in ("Spreek een vaste plek af.", "Maak een kort lijstje voor de overdracht."):
            page.get_by_role("button", name="Voeg invoeren toe").click()
            page.locator("[id^='invoeren-field'] input").last.fill(step)
        page.get_by_role("button", name="Voeg randvoorwaarden toe").click()
        page.locator("[id^='randvoorwaarden-field'] input").last.fill("Er is een rustige plek.")
        choose(page, "grondslag", "Arbobesluit art. 2.15:", "Arbowet art. 3 lid 2:")
        page.get_by_role("button", name="Voeg bronnen toe").click()
        source = page.locator("[id^='bronnen-field'] input")
        for i, value in enumerate(["Arboportaal, onderwerp werkdruk", "Ministerie van SZW", "2025", "https://www.arboportaal.nl"]):
            source.nth(i).fill(value)
        choose(page, "soort", "praktijk")
        texts.nth(1).click()
        page.keyboard.type("Teams die dit deden, melden minder fouten bij de overdracht.")
        page.screenshot(path=ARTIFACTS / "editor-nieuwe-oplossing.png", full_page=True)
        written = project / "catalogus" / "oplossingen" / f"{NEW_ID}.yml"
        publish(page, written)
        data = yaml.safe_load(written.read_text(encoding="utf-8"))
        assert data["titel"] == NEW_TITLE and data["niveau"] == ["team", "organisatie"] and data["termijn"] == "quick-win"
        assert data["grondslag"] == ["arbobesluit 2.15", "arbowet 3 lid 2"]
        assert data["bronnen"] == [{"titel": "Arboportaal, onderwerp werkdruk", "uitgever": "Ministerie van SZW", "jaar": 2025, "link": "https://www.arboportaal.nl"}]
        assert data["onderbouwing"]["soort"] == "praktijk"

        # the preview rebuilds (as `mkdocs serve` does after a save); the forms then know the new id
        rebuilt = mkdocs_build(project / "mkdocs.yml", project / "site")
        assert rebuilt.returncode == 0, rebuilt.stderr
        knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
        before = yaml.safe_load(knelpunt.read_text(encoding="utf-8"))
        open_editor(page, base, "/collections/knelpunten/entries/lawaai-op-de-groep")
        choose(page, "oplossingen", NEW_TITLE)
        page.screenshot(path=ARTIFACTS / "editor-knelpunt.png", full_page=True)
        publish(page, knelpunt)
        after = yaml.safe_load(knelpunt.read_text(encoding="utf-8"))
        assert after["oplossingen"] == before["oplossingen"] + [NEW_ID]  # the base's oplossingen are kept
        assert {k: v for k, v in after.items() if k != "oplossingen"} == {k: v for k, v in before.items() if k != "oplossingen"}

    catalogus = load_catalogus(project / "catalogus")
    assert NEW_ID in [o.id for o in catalogus.knelpunten["lawaai-op-de-groep"].oplossingen]
    check = subprocess.run([sys.executable, "-m", "wegwijzer", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0 and "Geen fouten" in check.stdout, check.stdout + check.stderr
    final = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert final.returncode == 0, final.stderr
    new_page = (project / "site" / "oplossingen" / NEW_ID / "index.html").read_text(encoding="utf-8")
    assert NEW_TITLE in new_page and "Arbobesluit art. 2.15" in new_page
    knelpunt_page = (project / "site" / "knelpunten" / "lawaai-op-de-groep" / "index.html").read_text(encoding="utf-8")
    assert f"../../oplossingen/{NEW_ID}/" in knelpunt_page


def test_the_editor_stays_on_its_origin_and_off_every_other_page(editor_project, open_page):
    site = editor_project / "site"
    with serve_folder(site) as served:
        base = served.replace("127.0.0.1", "localhost")
        page = open_page(1280)
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Inloggen").wait_for()
        page.screenshot(path=ARTIFACTS / "editor-inloggen.png")
        port = re.search(r"localhost:(\d+)/api", (site / "admin" / "config.yml").read_text(encoding="utf-8")).group(1)
        foreign = [u for u in page.requests if not u.startswith((base, f"http://localhost:{port}/"))]
        assert foreign == []
    loading = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "decap-cms" in p.read_text(encoding="utf-8")]
    assert loading == ["admin/index.html"]


def test_without_editor_in_catalogus_yml_there_is_no_admin(tmp_path):
    project = copy_project(tmp_path)
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8").split("\neditor:")[0] + "\n", encoding="utf-8")
    built = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert built.returncode == 0, built.stderr
    assert not (project / "site" / "admin").exists()


def _listening(port: int) -> set[str]:
    """The local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_local_backend_of_scripts_serve_listens_on_this_computer_only(tmp_path):
    """It writes into the project: reachable from the network, anyone there could change the files."""
    line = next(line.strip() for line in (ROOT / "scripts" / "serve").read_text(encoding="utf-8").splitlines() if "decap-server" in line and "PORT=" in line)
    port = free_port()
    command = line.replace("PORT=8081", f"PORT={port}").replace("plugins/", f"{ROOT}/plugins/", 1).removesuffix("&").strip()
    backend = subprocess.Popen(["sh", "-c", f"exec env {command}"], cwd=tmp_path)
    try:
        deadline = time.monotonic() + 20
        while not _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, not 0.0.0.0 or ::
    finally:
        backend.terminate()
        backend.wait(10)
