"""The release as its workflow makes it, installed on a clean machine, and the workflows `wegwijzer start` writes, step by step."""

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

import pytest

from conftest import ROOT

#: The full tier (tests/conftest.py): PDFs, the release or the large sites.
pytestmark = pytest.mark.volledig

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
DECAP = "wegwijzer/plugins/editor/decap/"


def run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def steps(job: dict, key: str = "run") -> list[str]:
    return [step[key] for step in job["steps"] if key in step]


def test_the_release_workflow_publishes_on_a_tag_with_trusted_publishing():
    workflow = yaml.safe_load(RELEASE.read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads the key 'on' as True
    jobs = workflow["jobs"]
    assert jobs["pypi"]["needs"] == "bouwen" and jobs["pypi"]["permissions"] == {"id-token": "write"}
    assert steps(jobs["pypi"], "uses")[-1] == "pypa/gh-action-pypi-publish@release/v1"
    assert "password" not in RELEASE.read_text(encoding="utf-8")  # trusted publishing: no token
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    assert "gh release create" in steps(jobs["github-release"])[-1] and "dist/*.whl" in steps(jobs["github-release"])[-1]
    assert "actions/upload-artifact@v4" in steps(jobs["bouwen"], "uses")
    assert workflow["permissions"] == {"contents": "read"}


def release(source: Path, dist: Path) -> None:
    """Run the release workflow's 'bouwen' steps in `source`, as far as they run here."""
    env = {**os.environ, "GITHUB_REF_NAME": f"v{VERSION}"}
    done = []
    for step in steps(yaml.safe_load(RELEASE.read_text(encoding="utf-8"))["jobs"]["bouwen"]):
        if step == "scripts/setup":  # .venv and npm's Decap CMS: this machine has both (ROOT), the copy has neither
            assert os.access(source / "scripts" / "setup", os.X_OK)
            continue
        if step.startswith(".venv/bin/pip install"):
            for package in ("build", "twine"):
                assert run([sys.executable, "-c", f"import {package}"]).returncode == 0, package
            continue
        step = step.replace(".venv/bin/python", shlex.quote(sys.executable)).replace("dist/", f"{shlex.quote(str(dist))}/")
        step = step.replace("-m build", f"-m build --outdir {shlex.quote(str(dist))}")
        result = run(["bash", "-e", "-c", step], cwd=source, env=env)
        assert result.returncode == 0, f"{step}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        done.append(step)
    assert len(done) == 5  # version, decap, build, twine check, the wheel carries Decap
    version = next(step for step in done if "GITHUB_REF_NAME" in step)
    wrong = run(["bash", "-e", "-c", version], cwd=source, env={**env, "GITHUB_REF_NAME": "v9.9.9"})
    assert wrong.returncode != 0  # a tag that is not the version in pyproject.toml stops the release


def venv(where: Path) -> Path:
    """A clean environment whose dependencies come from this one (a .pth file): no network needed.

    Its `pip` is this environment's pip run by its own Python, so it installs there:
    0.1 s instead of 3 s for ensurepip, three times in this test.
    """
    assert run([sys.executable, "-m", "venv", "--without-pip", str(where)]).returncode == 0
    own = Path(run([str(where / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True).stdout.strip())
    (own / "afhankelijkheden.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = where / "bin" / "pip"
    pip.write_text(f"#!{where / 'bin' / 'python'}\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n", encoding="utf-8")
    pip.chmod(0o755)
    return where / "bin"


def test_the_release_installs_and_the_generated_workflows_publish(tmp_path):
    # the sources as git has them, or would after a commit: nothing ignored (node_modules, caches) slips in
    source = tmp_path / "bron"
    for name in run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True).stdout.splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
            (source / name).chmod((ROOT / name).stat().st_mode)
    dist = tmp_path / "dist"
    release(source, dist)
    wheel = dist / f"arbo_wegwijzer-{VERSION}-py3-none-any.whl"
    sdist = dist / f"arbo_wegwijzer-{VERSION}.tar.gz"
    assert sorted(dist.iterdir()) == [wheel, sdist]

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "wegwijzer/basis/werkdruk/catalogus.yml", "wegwijzer/basis/werkdruk/stappen/1-signalen.yml",
        "wegwijzer/register/normen.yml", "wegwijzer/schema/knelpunt.json", "wegwijzer/start/publiceren.yml",
        "wegwijzer/start/gitlab-ci.yml", "wegwijzer/start/gitignore",
        "wegwijzer/theme/main.html", "wegwijzer/pages/templates/knelpunt.html",
        "wegwijzer/printing/templates/pdf.css", "wegwijzer/plugins/tools/templates/scan.md",
        "wegwijzer/plugins/editor/npm/package-lock.json", "wegwijzer/printing/pdf_worker.py",
        f"{DECAP}decap-cms.js", f"{DECAP}LICENSE",
    ):
        assert needed in names, needed
    assert not [n for n in names if "node_modules" in n or n.startswith("tests/") or "__pycache__" in n]

    env = {
        "HOME": os.environ.get("HOME", str(tmp_path)), "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",  # everything comes from here, never from an index
    }
    # the editor's computer: the released wheel; `wegwijzer start` gives the new guide that very program
    computer = {**env, "PATH": f"{venv(tmp_path / 'computer')}:/usr/bin:/bin"}
    install = run(["pip", "install", "--quiet", "--no-deps", str(wheel)], env=computer)
    assert install.returncode == 0, install.stderr
    started = run(["wegwijzer", "start", "taxi", "--sector", "Taxi en zorgvervoer", "--uitgever", "Voorbeeld Taxibranche"], cwd=tmp_path, env=computer)
    assert started.returncode == 0, started.stderr
    assert "bekijken" in started.stdout and "/admin/" in started.stdout and "Let op" not in started.stdout
    project = tmp_path / "taxi"
    carried = project / "programma" / wheel.name
    assert [p.name for p in (project / "programma").iterdir()] == [wheel.name]
    assert f"{DECAP}decap-cms.js" in zipfile.ZipFile(carried).namelist()  # from the installed wheel, not from npm
    assert "public/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8") + "editor:\n  backend: gitlab\n  repo: voorbeeld/taxi-wegwijzer\n  app_id: a1b2c3\n", encoding="utf-8")

    def host(name: str, commands: list[str]) -> list[str]:
        """Run a host's commands in order on a fresh runner, literally; apt only checks its packages are here."""
        runner = {**env, "PATH": f"{venv(tmp_path / name)}:/usr/bin:/bin"}
        done = []
        for command in commands:
            words = shlex.split(command.replace("&&", " && "))
            if "apt-get" in words:
                assert words[:2] in (["sudo", "apt-get"], ["apt-get", "update"], ["apt-get", "install"]), command
                if "install" in words:  # installed by scripts/setup here; the runner installs them
                    for package in words[words.index("install") + 2:]:
                        assert run(["dpkg", "-s", package]).returncode == 0, package
                continue
            result = run(["bash", "-e", "-c", command], cwd=project, env=runner)
            assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
            done.append(command)
        # the program runs from the carried wheel in this runner, not from anywhere on this machine
        where = run([str(tmp_path / name / "bin" / "python"), "-c", "import wegwijzer; print(wegwijzer.__file__)"], env=runner, check=True)
        assert where.stdout.startswith(str(tmp_path / name)), where.stdout
        return done

    # GitHub: every step of the job as written. The PDFs the build makes are kept in XDG_CACHE_HOME,
    # so GitLab's build below takes them from there: both builds run, the second in ~2 s instead of ~11 s.
    github = yaml.safe_load((project / ".github" / "workflows" / "publiceren.yml").read_text(encoding="utf-8"))
    assert "npm" not in str(github)
    assert host("github", steps(github["jobs"]["bouwen"])) == ["pip install programma/arbo_wegwijzer-*.whl", "wegwijzer check", "wegwijzer bouwen"]
    assert (project / "site" / "index.html").is_file() and (project / "site" / "pdf" / "hr-route.pdf").is_file()

    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert gitlab["image"] == "python:3.11" and gitlab["artifacts"] == {"paths": ["public"]}
    assert gitlab["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert host("gitlab", gitlab["script"]) == ["pip install programma/arbo_wegwijzer-*.whl", "wegwijzer check", "wegwijzer bouwen --uit public"]
    public = project / "public"
    assert (public / "index.html").is_file() and (public / "pdf" / "hr-route.pdf").is_file()
    assert (public / "admin" / "decap-cms.js").is_file()  # the editor's JavaScript, from the carried wheel: no npm
