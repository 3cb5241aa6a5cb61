"""The browser editor (/admin/, Decap CMS) in the preview, as an editor without a terminal uses it.

The preview (`wegwijzer bekijken`) runs on a copy of the example and answers the
editor's saves itself (`plugins/editor/local_backend.py`); the forms come from the
schema the build checks with. What the editor saves must validate, keep the base's
ids, and show up in the preview within a moment, with the problems on every page
when it does not build. Nothing but this computer may reach it, and it writes only
into the catalogus and the docs folder.
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ARTIFACTS, copy_project, mkdocs_build, serve_folder
from wegwijzer.catalogus import load_catalogus
from wegwijzer.plugins.editor.local_backend import LocalBackend, Refused
from wegwijzer.preview_server import API_PATH, STATUS_PATH

#: A one-pixel PNG: the organisation's logo in these tests.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
NEW_TITLE = "Rustig overdragen aan het eind van de dag"
NEW_ID = "rustig-overdragen-aan-het-eind-van-de-dag"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """`wegwijzer bekijken` on `project`, as an editor starts it, on a free port."""

    def __init__(self, project: Path, **env: str):
        self.project = project
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wegwijzer", "bekijken", "--poort", str(self.port)], cwd=project,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        )
        self.wait_until_up()

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.status()["versie"] >= 1:
                    return
            except OSError:
                pass
            assert self.process.poll() is None, self.process.stdout.read().decode()
            time.sleep(0.2)
        raise AssertionError("de voorvertoning is niet gestart")

    def status(self) -> dict:
        with urllib.request.urlopen(self.base + STATUS_PATH, timeout=5) as answer:
            return json.load(answer)

    def get(self, path: str, **headers) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def api(self, action: str, params: dict | None = None, origin: str | None = "own", kind: str = "application/json") -> tuple[int, object]:
        headers = {"Content-Type": kind}
        if origin:
            headers["Origin"] = self.base if origin == "own" else origin
        request = urllib.request.Request(self.base + API_PATH, data=json.dumps({"action": action, "params": params or {}}).encode(), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def save(self, path: str, text: str) -> int:
        """Save as the editor does; the status version to wait beyond."""
        version = self.status()["versie"]
        code, answer = self.api("persistEntry", {"branch": "main", "entry": {"path": path, "raw": text, "slug": "x"}, "assets": []})
        assert code == 200, answer
        return version

    def built_after(self, version: int, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status()
            if status["versie"] > version:
                return status
            time.sleep(0.05)
        raise AssertionError("de voorvertoning bouwde niet opnieuw")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The preview with its editor on a copy of the example (its PDFs left out: this is about pages)."""
    project = copy_project(tmp_path_factory.mktemp("editor"))
    running = Preview(project)
    try:
        yield running
    finally:
        running.stop()


def choose(page, field: str, *options: str) -> None:
    """Pick options in a select of the form by typing their words, as a keyboard user would."""
    box = page.locator(f"input[id^='{field}-field']").first
    for option in options:
        box.click()
        box.type(option)
        page.keyboard.press("Enter")


def open_editor(page, base: str, path: str, ready: str = "input[id^='titel-field']") -> None:
    """The editor (freshly loaded, so its lists know every id) at `path`, once `ready` is on screen."""
    page.goto(base + "/admin/")
    login, app = page.get_by_role("button", name="Inloggen"), page.get_by_text("Inhoudstypen")
    login.or_(app).first.wait_for()
    if login.is_visible():  # once per browser session, as with the real backend
        login.click()
    page.goto(base + "/admin/#" + path)
    page.locator(ready).first.wait_for()


def publish(page, file: Path) -> None:
    """Publish with the editor's button, and wait until the local backend wrote `file`."""
    before = file.stat().st_mtime_ns if file.exists() else None
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu").click()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (file.stat().st_mtime_ns if file.exists() else None) == before:
        time.sleep(0.1)
    assert file.exists() and file.stat().st_mtime_ns != before, f"{file.name} is niet geschreven"


def test_an_editor_creates_an_oplossing_and_adds_it_to_a_knelpunt(preview, open_page):
    ARTIFACTS.mkdir(exist_ok=True)
    project, base = preview.project, preview.base
    if True:  # one editor session, as in the preview
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
            page.get_by_role("button", name="Voeg stap toe").click()
            page.locator("[id^='invoeren-field'] input").last.fill(step)
        page.get_by_role("button", name="Voeg randvoorwaarde toe").click()
        page.locator("[id^='randvoorwaarden-field'] input").last.fill("Er is een rustige plek.")
        choose(page, "grondslag", "Arbobesluit art. 2.15:", "Arbowet art. 3 lid 2:")
        page.get_by_role("button", name="Voeg bron toe").click()
        source = page.locator("[id^='bronnen-field'] input")
        for i, value in enumerate(["Arboportaal, onderwerp werkdruk", "Ministerie van SZW", "2025", "https://www.arboportaal.nl"]):
            source.nth(i).fill(value)
        page.locator("[id^='onderbouwing-field'] [data-testid='expand-button']").click()  # an optional block starts folded
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

        # the preview rebuilds by itself; the new page is there, and the forms know the new id once reloaded
        wait_for_text(preview, f"/oplossingen/{NEW_ID}/", NEW_TITLE)
        knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
        before = yaml.safe_load(knelpunt.read_text(encoding="utf-8"))
        open_editor(page, base, "/collections/knelpunten/entries/lawaai-op-de-groep")
        choose(page, "oplossingen", NEW_TITLE)
        page.screenshot(path=ARTIFACTS / "editor-knelpunt.png", full_page=True)
        publish(page, knelpunt)
        after = yaml.safe_load(knelpunt.read_text(encoding="utf-8"))
        wait_for_text(preview, "/knelpunten/lawaai-op-de-groep/", f"../../oplossingen/{NEW_ID}/")
        assert after["oplossingen"] == before["oplossingen"] + [NEW_ID]  # the base's oplossingen are kept
        assert {k: v for k, v in after.items() if k != "oplossingen"} == {k: v for k, v in before.items() if k != "oplossingen"}

    catalogus = load_catalogus(project / "catalogus")
    assert NEW_ID in [o.id for o in catalogus.knelpunten["lawaai-op-de-groep"].oplossingen]
    check = subprocess.run([sys.executable, "-m", "wegwijzer", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0 and "Geen fouten" in check.stdout, check.stdout + check.stderr
    assert preview.status()["goed"]
    assert "Arbobesluit art. 2.15" in preview.get(f"/oplossingen/{NEW_ID}/")[1]


def wait_for_text(preview: Preview, path: str, text: str, timeout: float = 20) -> float:
    """Seconds until the preview's page at `path` shows `text`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        code, page = preview.get(path)
        if code == 200 and text in page:
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{path} toont {text!r} niet")


def test_the_editor_talks_to_its_preview_and_nothing_else(preview, open_page):
    page = open_page(1280)
    page.goto(preview.base + "/admin/")
    page.get_by_role("button", name="Inloggen").wait_for()
    page.screenshot(path=ARTIFACTS / "editor-inloggen.png")
    assert [u for u in page.requests if not u.startswith(preview.base + "/")] == []
    settings = yaml.safe_load(preview.get("/admin/config.yml")[1])
    assert settings["local_backend"] == {"url": preview.base + API_PATH}
    # opened by its other name, the preview sends the editor to the one address its saves go to
    request = urllib.request.Request(f"http://localhost:{preview.port}/admin/")
    with urllib.request.urlopen(request) as answer:
        assert answer.url == preview.base + "/admin/"


def test_the_preview_never_reloads_the_editor_and_shows_it_the_problems(preview, open_page):
    """Typing in /admin/ survives a rebuild; a save that does not build shows up in the editor, in Dutch."""
    page = open_page(1280)
    open_editor(page, preview.base, "/collections/knelpunten/entries/lawaai-op-de-groep")
    title = page.locator("input[id^='titel-field']").first
    title.fill("Half getypt, nog niet bewaard")
    path = "catalogus/knelpunten/groep-onder-de-bkr.yml"
    original = (preview.project / path).read_text(encoding="utf-8")
    broken = re.sub(r"^factor: .*$", "factor: geen-bestaande-factor", original, count=1, flags=re.M)
    status = preview.built_after(preview.save(path, broken))
    assert not status["goed"]
    assert [p["regel"] for p in status["problemen"] if p["bestand"] == path] == [3]  # the factor's line
    panel = page.locator("#wegwijzer-bouwstatus")
    panel.wait_for()
    assert path in panel.inner_text() and "regel" in panel.inner_text()
    page.screenshot(path=ARTIFACTS / "editor-fout-in-voorvertoning.png")
    assert title.input_value() == "Half getypt, nog niet bewaard"  # not reloaded
    preview.built_after(preview.save(path, original))
    expect(panel).to_be_hidden()  # the editor asks every 1.5 s
    assert title.input_value() == "Half getypt, nog niet bewaard"
    assert "livereload" not in preview.get("/admin/")[1]


def test_a_save_that_does_not_build_puts_the_problem_on_every_page_and_the_preview_keeps_answering(preview):
    path = "catalogus/knelpunten/groep-onder-de-bkr.yml"
    original = (preview.project / path).read_text(encoding="utf-8")
    for broken in (
        original.replace("titel:", "titel: [niet af\noud:", 1),  # YAML that does not parse
        original + "\nonbekend_veld: ja\n",  # a field the schema does not know
    ):
        status = preview.built_after(preview.save(path, broken))
        assert not status["goed"] and any(p["bestand"] == path and p["regel"] > 0 for p in status["problemen"]), status
        for page in ("/", "/knelpunten/", "/stappen/stap-1/"):
            started = time.monotonic()
            code, html = preview.get(page)
            assert code == 200 and time.monotonic() - started < 5  # answered, not held until the error is gone
            assert 'id="wegwijzer-bouwfout"' in html and path in html and "Je laatste wijziging staat nog niet op deze pagina" in html
    preview.built_after(preview.save(path, original))
    assert preview.status()["goed"] and "wegwijzer-bouwfout" not in preview.get("/knelpunten/")[1]


def test_the_preview_says_before_publishing_that_the_online_editor_lacks_its_gitlab_application(preview):
    path = "catalogus/catalogus.yml"
    original = (preview.project / path).read_text(encoding="utf-8")
    status = preview.built_after(preview.save(path, original + "editor:\n  backend: gitlab\n  repo: voorbeeld/wegwijzer\n"))
    assert not status["goed"]
    line = len(original.splitlines()) + 1
    assert [p for p in status["problemen"] if p["bestand"] == path and p["regel"] == line and "app_id" in p["tekst"] and "Netlify" in p["tekst"]]
    assert "Werkdruk Wegwijzer" in preview.get("/")[1]  # the preview itself goes on
    assert preview.built_after(preview.save(path, original))["goed"]


def test_the_preview_starts_with_a_broken_catalogus_and_shows_the_repair(tmp_path):
    project = copy_project(tmp_path)
    info = project / "catalogus" / "knelpunten" / "groep-onder-de-bkr.yml"
    good = info.read_text(encoding="utf-8")
    info.write_text(re.sub(r"^factor: .*$", "factor: bestaat-niet", good, count=1, flags=re.M), encoding="utf-8")
    started = Preview(project)
    try:
        status = started.status()
        assert not status["goed"]
        code, html = started.get("/")
        assert code == 200 and "wegwijzer-bouwfout" in html and "groep-onder-de-bkr.yml" in html
        version = status["versie"]
        info.write_text(good, encoding="utf-8")  # repaired in a text editor: the preview sees it
        assert started.built_after(version)["goed"]
        assert "Werkdruk Wegwijzer" in started.get("/")[1]
    finally:
        started.stop()


def _children(pid: int) -> set[int]:
    """The processes `pid` started and that still run (from /proc)."""
    try:
        return {int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()}
    except OSError:
        return set()


def _working_in(folder: Path) -> list[int]:
    """The processes whose working folder is `folder` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.readlink(entry / "cwd") == str(folder):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _ended(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the processes in /proc")
def test_a_preview_stopped_by_its_terminal_or_system_ends_what_it_started_and_leaves_no_folder(tmp_path):
    """SIGTERM (a service manager, an editor's terminal, `kill`) stops the preview as Ctrl+C does: before, the
    PDF worker and Pagefind outlived it, and its temporary site folder stayed behind."""
    project = copy_project(tmp_path, pdfs=True)
    temporary = tmp_path / "tijdelijk"
    temporary.mkdir()
    started = Preview(project, TMPDIR=str(temporary), XDG_CACHE_HOME=str(tmp_path / "cache"))  # no PDFs yet: it makes them
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while not (workers := _children(started.process.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers, "the preview started no PDF worker"
        assert [p.name for p in temporary.iterdir() if p.name.startswith("wegwijzer-voorvertoning-")]
        started.process.terminate()
        assert started.process.wait(30) == 0
        assert "De voorvertoning is gestopt." in started.process.stdout.read().decode()
        deadline = time.monotonic() + 15
        while not all(_ended(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(_ended(pid) for pid in workers)
        assert not [p.name for p in temporary.iterdir() if p.name.startswith("wegwijzer-voorvertoning-")]
    finally:
        started.process.kill()
        for pid in [*workers, *_working_in(project)]:  # what the preview started, also after it ended
            if not _ended(pid):
                os.kill(pid, 9)


def test_a_preview_stopped_during_its_first_build_leaves_no_folder(tmp_path):
    """SIGTERM while the first build runs: the preview stops as on Ctrl+C and its folder goes."""
    project = copy_project(tmp_path)
    temporary = tmp_path / "tijdelijk"
    temporary.mkdir()
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "wegwijzer", "bekijken", "--poort", str(port)], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(temporary), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    try:
        deadline = time.monotonic() + 60
        while not list(temporary.glob("wegwijzer-voorvertoning-*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert list(temporary.glob("wegwijzer-voorvertoning-*")), "the preview made no folder"
        process.terminate()  # the first build is under way
        assert process.wait(30) == 0
        output = process.stdout.read().decode()
        assert "De voorvertoning is gestopt." in output and "Traceback" not in output
        assert not list(temporary.glob("wegwijzer-voorvertoning-*"))
    finally:
        process.kill()


def _listening_sockets(pid: int) -> set[str]:
    """Every address:port on which `pid` or a process it started listens (from /proc)."""
    pids, todo = set(), [pid]
    while todo:
        current = todo.pop()
        pids.add(current)
        for task in Path(f"/proc/{current}/task").iterdir():
            todo += [int(child) for child in (task / "children").read_text().split()]
    inodes = set()
    for current in pids:
        for fd in Path(f"/proc/{current}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp", "/proc/net/udp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes and (fields[3] == "0A" or "udp" in table):  # 0A: LISTEN
                address, port = fields[1].split(":")
                found.add(f"{address}:{int(port, 16)}")
    return found


def test_the_preview_listens_on_this_computer_only_and_answers_only_its_own_address(preview):
    """It can change the files: no other computer, and no other web page in the browser, may reach it."""
    # the preview and anything it started: one socket, on 127.0.0.1 (not 0.0.0.0 or ::), for pages and saves
    assert _listening_sockets(preview.process.pid) == {f"0100007F:{preview.port}"}
    # a page on another site whose name points at 127.0.0.1 (DNS rebinding) still sends its own Host
    assert preview.get("/", Host=f"aanvaller.example:{preview.port}")[0] == 421
    assert preview.get(STATUS_PATH, Host="127.0.0.1.nip.io")[0] == 421
    path = "catalogus/knelpunten/lawaai-op-de-groep.yml"
    before = (preview.project / path).read_bytes()
    entry = {"branch": "main", "entry": {"path": path, "raw": "titel: weg\n", "slug": "x"}, "assets": []}
    assert preview.api("persistEntry", entry, origin="http://aanvaller.example")[0] == 403
    assert preview.api("persistEntry", entry, origin="null")[0] == 403
    assert preview.api("persistEntry", entry, origin=None)[0] == 403
    assert preview.api("persistEntry", entry, kind="text/plain")[0] == 415  # what a form on another site can send
    assert (preview.project / path).read_bytes() == before
    code, answer = preview.api("info")
    assert code == 200 and answer["type"] == "local_fs"


def test_the_editor_saves_only_into_the_catalogus_and_the_docs_folder(preview):
    project = preview.project
    (project / "catalogus" / "uit").symlink_to(project.parent, target_is_directory=True)
    (project / "content" / "wachtwoord.yml").symlink_to("/etc/passwd")
    attempts = {
        "mkdocs.yml": "site_name: x\n",
        "overrides/main.html": "<script>",
        ".git/hooks/pre-commit.yml": "x",
        "scripts/serve.yml": "x",
        "../buiten.yml": "x",
        "/tmp/buiten.yml": "x",
        "catalogus/../mkdocs.yml": "x",
        "catalogus/uit/buiten.yml": "x",  # a link out of the project on the way
        "content/wachtwoord.yml": "x",  # a link to a file elsewhere
        "catalogus/knelpunten/script.js": "alert(1)",
        "content/pagina.html": "<script>",
        "catalogus\\..\\mkdocs.yml": "x",
    }
    for path, text in attempts.items():
        code, answer = preview.api("persistEntry", {"branch": "main", "entry": {"path": path, "raw": text, "slug": "x"}, "assets": []})
        assert code in (403, 404), (path, code, answer)
    assert yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] != "x"
    assert not (project / "overrides" / "main.html").exists() and not (project.parent / "buiten.yml").exists()
    assert not (project.parent / "uit").exists() and Path("/etc/passwd").read_text() != "x"
    for path in ("mkdocs.yml", "catalogus/uit/../../mkdocs.yml", "content/wachtwoord.yml"):
        assert preview.api("getEntry", {"branch": "main", "path": path})[1]["data"] is None
    # an image for a page goes into the media folder, and only there; an entry is never deleted
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"0" * 20).decode()
    assert preview.api("persistMedia", {"branch": "main", "asset": {"path": "content/assets/logo.png", "content": png, "encoding": "base64"}})[0] == 200
    assert (project / "content" / "assets" / "logo.png").is_file()
    assert preview.api("persistMedia", {"branch": "main", "asset": {"path": "catalogus/logo.png", "content": png, "encoding": "base64"}})[0] == 403
    assert preview.api("deleteFile", {"branch": "main", "path": "catalogus/knelpunten/lawaai-op-de-groep.yml"})[0] == 403
    assert (project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml").is_file()
    (project / "catalogus" / "uit").unlink()
    (project / "content" / "wachtwoord.yml").unlink()


def test_a_link_the_rich_text_editor_escaped_is_saved_as_typed(tmp_path):
    backend = LocalBackend(tmp_path, ["catalogus"], "content/assets")
    raw = "tekst: Zie \\[[oplossing:taken-herverdelen]] en \\[\\[knelpunt:piekdrukte\\]\\] en \\[niet dit]\n"
    backend.handle({"action": "persistEntry", "params": {"entry": {"path": "catalogus/x.yml", "raw": raw}, "assets": []}})
    saved = (tmp_path / "catalogus" / "x.yml").read_text(encoding="utf-8")
    assert saved == "tekst: Zie [[oplossing:taken-herverdelen]] en [[knelpunt:piekdrukte]] en \\[niet dit]\n"
    with pytest.raises(Refused):
        backend.handle({"action": "persistEntry", "params": {"entry": {"path": "catalogus/x.exe", "raw": "x"}}})


def test_a_published_editor_never_calls_this_computer_and_never_falls_back_to_netlify(tmp_path, open_page):
    project = copy_project(tmp_path)
    info = project / "catalogus" / "catalogus.yml"
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "logo.png").write_bytes(PNG)
    # the logo as the editor's image field writes it: a path on the site
    text = info.read_text(encoding="utf-8").split("\neditor:")[0] + "\nhuisstijl:\n  logo: /assets/logo.png\n"
    info.write_text(text + "editor:\n  backend: gitlab\n  repo: voorbeeld/wegwijzer\n", encoding="utf-8")
    refused = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert refused.returncode != 0 and "editor.app_id: ontbreekt" in refused.stderr and "Netlify" in refused.stderr
    assert "Traceback" not in refused.stderr
    info.write_text(text + "editor:\n  backend: gitlab\n  repo: voorbeeld/wegwijzer\n  app_id: abc123\n", encoding="utf-8")
    built = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert built.returncode == 0, built.stderr
    admin = project / "site" / "admin"
    settings = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert "local_backend" not in settings and settings["backend"]["app_id"] == "abc123" and settings["locale"] == "nl"
    for name in ("config.yml", "index.html"):
        text_of = (admin / name).read_text(encoding="utf-8")
        assert "localhost" not in text_of and "127.0.0.1" not in text_of and "_wegwijzer" not in text_of
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert "connect-src 'self' blob: https://gitlab.com;" in page and "status.js" not in page
    loading = [p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*.html") if "decap-cms" in p.read_text(encoding="utf-8")]
    assert loading == ["admin/index.html"]
    # in the browser: the organisation's logo, Dutch, and not one request to another origin before logging in
    with serve_folder(project / "site") as base:
        page = open_page(1280)
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Inloggen met GitLab").wait_for()
        logo = page.locator("img[src$='logo.png']")
        assert logo.count() == 1 and logo.evaluate("img => img.complete && img.naturalWidth > 0")
        page.screenshot(path=ARTIFACTS / "editor-online-inloggen.png")
        assert [u for u in page.requests if not u.startswith(base + "/")] == []
    # without editor: no /admin/ on the published site at all
    info.write_text(text, encoding="utf-8")
    assert mkdocs_build(project / "mkdocs.yml", project / "site").returncode == 0
    assert not admin.exists()
