"""The release: what PyPI would get, installed on a clean machine, and the workflow `wegwijzer start` writes, step by step."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import yaml

from conftest import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def test_the_release_installs_and_the_generated_workflow_publishes(tmp_path):
    # the sources as git has them: nothing from this machine (node_modules, caches) slips in
    source = tmp_path / "bron"
    for name in run(["git", "ls-files"], cwd=ROOT, check=True).stdout.splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)])
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = dist / f"arbo_wegwijzer-{VERSION}-py3-none-any.whl"
    sdist = dist / f"arbo_wegwijzer-{VERSION}.tar.gz"
    assert wheel.is_file() and sdist.is_file()
    check = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)])
    assert check.returncode == 0 and check.stdout.count("PASSED") == 2, check.stdout + check.stderr

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "wegwijzer/basis/werkdruk/catalogus.yml", "wegwijzer/basis/werkdruk/stappen/1-signalen.yml",
        "wegwijzer/register/normen.yml", "wegwijzer/schema/knelpunt.json", "wegwijzer/start/publiceren.yml",
        "wegwijzer/theme/main.html", "wegwijzer/plugins/catalogus/templates/knelpunt.md",
        "wegwijzer/plugins/print/templates/pdf.css", "wegwijzer/plugins/tools/templates/scan.md",
        "wegwijzer/plugins/editor/npm/package-lock.json", "wegwijzer/plugins/print/pdf_worker.py",
    ):
        assert needed in names, needed
    assert not [n for n in names if "node_modules" in n or n.startswith("tests/") or "__pycache__" in n]

    # a clean environment with only the wheel; its dependencies come from this one (no network needed)
    venv = tmp_path / "omgeving"
    assert run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
    own = Path(run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True).stdout.strip())
    (own / "afhankelijkheden.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path)), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    install = run([str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps", str(wheel)], env=env)
    assert install.returncode == 0, install.stderr

    started = run(["wegwijzer", "start", "taxi", "--sector", "Taxi en zorgvervoer", "--uitgever", "Voorbeeld Taxibranche"], cwd=tmp_path, env=env)
    assert started.returncode == 0, started.stderr
    assert "wegwijzer bekijken" in started.stdout
    assert "Let op: dit programma is geïnstalleerd uit" in started.stdout  # a wheel file: the workflow cannot reach it
    project = tmp_path / "taxi"
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8") + "editor:\n  backend: gitlab\n  repo: voorbeeld/taxi-wegwijzer\n", encoding="utf-8")

    workflow = yaml.safe_load((project / ".github" / "workflows" / "publiceren.yml").read_text(encoding="utf-8"))
    steps = [step["run"] for step in workflow["jobs"]["bouwen"]["steps"] if "run" in step]
    done = []
    for step in steps:
        if step.startswith("sudo apt-get install"):
            for package in shlex.split(step)[4:]:  # installed by scripts/setup here; the runner installs them
                assert run(["dpkg", "-s", package]).returncode == 0, package
            continue
        if step.startswith("pip install"):
            assert shlex.split(step)[2] == f"arbo-wegwijzer=={VERSION}"  # pinned, not "the latest"
            step = f"pip install --quiet --no-deps --force-reinstall {wheel}"  # the same version, not on PyPI yet
        result = run(["bash", "-e", "-c", step], cwd=project, env=env)
        assert result.returncode == 0, f"{step}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        done.append(step)
    assert len(done) == 4  # install, editor, check, build
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "pdf" / "hr-route.pdf").is_file()
    assert (site / "admin" / "decap-cms.js").is_file()  # the editor's JavaScript, from npm by the workflow
