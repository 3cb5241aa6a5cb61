"""A guide carries its own program (`programma/`), and `wegwijzer bijwerken` keeps it and the workflows in step."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from wegwijzer.cli import main, publicatie, wiel

START = ROOT / "plugins" / "wegwijzer" / "start"
DECAP = "wegwijzer/plugins/editor/decap/"


def start(tmp_path: Path, capsys) -> Path:
    assert main(["start", str(tmp_path / "gids"), "--sector", "Bouw", "--uitgever", "Voorbeeld Bouwvereniging"]) == 0
    capsys.readouterr()
    return tmp_path / "gids"


def bijwerken(guide: Path, capsys) -> tuple[int, str]:
    code = main(["bijwerken", "--map", str(guide / "catalogus")])
    return code, capsys.readouterr().out


def git_versions(path: Path) -> list[str]:
    """Every committed text of a file in this repository."""
    relative = path.relative_to(ROOT).as_posix()
    commits = subprocess.run(["git", "log", "--format=%H", "--", relative], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [subprocess.run(["git", "show", f"{c}:{relative}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout for c in commits]


def test_the_wheel_is_valid_reproducible_and_carries_the_editor(tmp_path):
    name, content = wiel.build()
    assert name == wiel.wheel_name() and wiel.WHEEL_PATTERN.fullmatch(name)
    assert wiel.build() == (name, content)  # fixed times and order: the same program, the same bytes
    wheel = tmp_path / name
    wheel.write_bytes(content)
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    info = name.removesuffix("-py3-none-any.whl") + ".dist-info"
    assert names[-1] == f"{info}/RECORD" and {f"{info}/METADATA", f"{info}/WHEEL", f"{info}/entry_points.txt"} <= set(names)
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "node_modules" in n or "/." in n]
    assert {"wegwijzer/cli/wiel.py", "wegwijzer/start/gitlab-ci.yml", "wegwijzer/basis/werkdruk/catalogus.yml"} <= set(names)
    decap = sorted(n.removeprefix(DECAP) for n in names if n.startswith(DECAP))
    assert "decap-cms.js" in decap and "LICENSE" in decap
    assert all(n.endswith("decap-cms.js") for n in decap if n not in ("LICENSE", "decap-cms.js.LICENSE.txt"))
    assert "MIT" in archive.read(DECAP + "LICENSE").decode("utf-8")
    # RECORD names every other file with its sha256 and size (PEP 376/427)
    record = archive.read(f"{info}/RECORD").decode("utf-8").splitlines()
    assert len(record) == len(names)
    for line in record[:-1]:
        path, digest, size = line.rsplit(",", 2)
        data = archive.read(path)
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode() and int(size) == len(data)
    assert {e.date_time for e in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}

    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(wheel)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASSED" in check.stdout, check.stdout + check.stderr
    venv = tmp_path / "omgeving"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    # this environment's pip installs into the new one: no network, no pip to set up there
    purelib = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", purelib, str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    installed = Path(purelib)
    assert (installed / "wegwijzer" / "plugins" / "editor" / "decap" / "decap-cms.js").is_file()
    assert (installed / info / "entry_points.txt").read_text(encoding="utf-8").count("wegwijzer = wegwijzer.cli:main") == 1


def test_start_writes_the_program_and_both_workflows(tmp_path, capsys):
    guide = start(tmp_path, capsys)
    assert [p.name for p in (guide / "programma").iterdir()] == [wiel.wheel_name()]
    for name, template in publicatie.FILES.items():
        assert (guide / name).read_text(encoding="utf-8") == (START / template).read_text(encoding="utf-8")
    assert "public/" in (guide / ".gitignore").read_text(encoding="utf-8").splitlines()
    for name in (".github/workflows/publiceren.yml", ".gitlab-ci.yml"):
        text = (guide / name).read_text(encoding="utf-8")
        assert publicatie.INSTALL in text and "npm" not in text and "arbo-wegwijzer==" not in text
    # nothing to do on a guide this version made: the wheel is the same bytes
    before = {p: p.read_bytes() for p in guide.rglob("*") if p.is_file()}
    code, out = bijwerken(guide, capsys)
    assert code == 0 and "0 bestand(en) bijgewerkt, 0 overgeslagen" in out, out
    assert {p: p.read_bytes() for p in guide.rglob("*") if p.is_file()} == before


def test_bijwerken_replaces_what_nobody_changed_and_only_its_own_wheel(tmp_path, capsys):
    guide = start(tmp_path, capsys)
    old_workflow = git_versions(START / "publiceren.yml")[-1]  # the first one: 'pip install arbo-wegwijzer'
    (guide / ".github/workflows/publiceren.yml").write_text(old_workflow, encoding="utf-8")
    (guide / ".gitignore").write_bytes(b"site/\r\n.venv/\r\n.cache/\r\n")  # as Git on Windows may write it
    (guide / ".gitlab-ci.yml").unlink()  # removed on purpose: never made again
    programma = guide / "programma"
    (programma / wiel.wheel_name()).rename(programma / "arbo_wegwijzer-0.0.9-py3-none-any.whl")
    (programma / "arbo_wegwijzer-0.0.9-py3-none-any.whl.txt").write_text("van de redactie\n", encoding="utf-8")
    (programma / "iets-anders-1.0-py3-none-any.whl").write_bytes(b"ook van de redactie")

    code, out = bijwerken(guide, capsys)
    assert code == 0, out
    assert "bijgewerkt: " in out and "arbo_wegwijzer-0.0.9-py3-none-any.whl weggehaald" in out
    assert (guide / ".github/workflows/publiceren.yml").read_text(encoding="utf-8") == (START / "publiceren.yml").read_text(encoding="utf-8")
    assert (guide / ".gitignore").read_bytes() == (START / "gitignore").read_bytes().replace(b"\n", b"\r\n")
    assert not (guide / ".gitlab-ci.yml").exists()
    assert sorted(p.name for p in programma.iterdir()) == sorted(
        [wiel.wheel_name(), "arbo_wegwijzer-0.0.9-py3-none-any.whl.txt", "iets-anders-1.0-py3-none-any.whl"]
    )
    assert (programma / wiel.wheel_name()).read_bytes() == wiel.build()[1]


def test_an_old_guide_without_the_program_gets_it_with_its_workflow(tmp_path, capsys):
    guide = start(tmp_path, capsys)
    pinned = git_versions(START / "publiceren.yml")
    pinned = next(t for t in pinned if '"{pakket}"' in t).replace("{pakket}", "arbo-wegwijzer @ git+https://example.org/wegwijzer.git@0123abc")
    (guide / ".github/workflows/publiceren.yml").write_text(pinned, encoding="utf-8")
    for path in (guide / "programma").iterdir():
        path.unlink()
    (guide / "programma").rmdir()
    code, out = bijwerken(guide, capsys)
    assert code == 0, out
    assert publicatie.INSTALL in (guide / ".github/workflows/publiceren.yml").read_text(encoding="utf-8")
    assert [p.name for p in (guide / "programma").iterdir()] == [wiel.wheel_name()]


@pytest.mark.parametrize("installs_the_wheel", [False, True])
def test_a_workflow_the_editor_changed_stays_and_says_what_to_do(tmp_path, capsys, installs_the_wheel):
    guide = start(tmp_path, capsys)
    workflow = guide / ".gitlab-ci.yml"
    text = workflow.read_text(encoding="utf-8").replace("python:3.11", "python:3.12")
    if not installs_the_wheel:
        text = text.replace(publicatie.INSTALL, 'pip install "arbo-wegwijzer==0.1.0"')
    workflow.write_text(text, encoding="utf-8")
    (guide / ".gitignore").write_text("site/\n# onze eigen regel\n", encoding="utf-8")
    code, out = bijwerken(guide, capsys)
    assert workflow.read_text(encoding="utf-8") == text
    assert (guide / ".gitignore").read_text(encoding="utf-8") == "site/\n# onze eigen regel\n"
    assert "zelf doen: " in out and "Zet er een regel public/ bij" in out
    assert ("Verander de regel met 'pip install' in 'pip install programma/arbo_wegwijzer-*.whl'" in out) is not installs_the_wheel
    assert code == 1


def test_every_committed_template_is_recognised(tmp_path):
    """A guide made by any earlier version is brought up to date; add a changed template's old fingerprint to EARLIER."""
    for name, template in publicatie.FILES.items():
        current = (START / template).read_text(encoding="utf-8")
        for text in git_versions(START / template):
            assert text == current or publicatie.untouched(name, text), (name, publicatie.fingerprint(text))


def test_the_docs_show_the_workflows_as_start_writes_them():
    docs = (ROOT / "docs" / "publiceren.md").read_text(encoding="utf-8")
    for template in ("publiceren.yml", "gitlab-ci.yml"):
        assert f"```yaml\n{(START / template).read_text(encoding='utf-8')}```" in docs, template
    assert "arbo-wegwijzer==" not in docs and "npm" not in docs
    assert "arbo-wegwijzer==" not in (ROOT / "docs" / "starten.md").read_text(encoding="utf-8")


def test_start_says_what_is_missing_from_the_program(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(wiel, "decap_folder", lambda: tmp_path / "geen-npm")  # a checkout without scripts/setup
    code = main(["start", str(tmp_path / "zonder-editor"), "--sector", "Bouw", "--uitgever", "X"])
    out = capsys.readouterr().out
    assert code == 0 and "Let op: in dit programma ontbreekt de editor in de browser (Decap CMS)" in out
    wheel = tmp_path / "zonder-editor" / "programma" / wiel.wheel_name()
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.startswith(DECAP)]

    def not_installed(name):
        raise wiel.importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(wiel.importlib.metadata, "distribution", not_installed)
    assert main(["start", str(tmp_path / "zonder-pakket"), "--sector", "Bouw", "--uitgever", "X"]) == 0
    out = capsys.readouterr().out
    assert "Let op: dit programma is niet als pakket geïnstalleerd (arbo-wegwijzer)" in out and "werken de workflows niet" in out
    assert not (tmp_path / "zonder-pakket" / "programma").exists()
