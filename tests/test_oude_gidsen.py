"""A guide written for an earlier release keeps building: `wegwijzer bijwerken`, then a strict build.

tests/oude_gidsen/ holds the example guide as it was at each commit where the
format changed (its README says which). Each is copied, brought up to date and
built once, two at a time: a build takes some seconds, and the suite is long.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import mkdocs_build
from wegwijzer.catalogus import load_catalogus

GIDSEN = sorted(p for p in (Path(__file__).parent / "oude_gidsen").iterdir() if (p / "catalogus").is_dir())


def test_there_is_an_old_guide_for_every_format_change():
    assert [g.name for g in GIDSEN] == ["073cfd7", "292292d", "87e5160", "925823e"]


def test_every_older_guide_is_brought_up_to_date_and_builds_strict(tmp_path):
    projects = []
    for gids in GIDSEN:
        project = tmp_path / gids.name
        shutil.copytree(gids, project)
        done = subprocess.run(
            [sys.executable, "-m", "wegwijzer", "bijwerken", "--map", str(project / "catalogus")],
            cwd=project, capture_output=True, text=True,
        )
        assert done.returncode == 0, f"{gids.name}: {done.stdout}{done.stderr}"
        assert "Traceback" not in done.stderr
        catalogus = load_catalogus(project / "catalogus")
        assert catalogus.waarschuwingen == [], gids.name
        assert catalogus.info.id, gids.name
        again = subprocess.run(
            [sys.executable, "-m", "wegwijzer", "bijwerken", "--map", str(project / "catalogus")],
            cwd=project, capture_output=True, text=True,
        )
        assert "0 bestand(en) bijgewerkt" in again.stdout, gids.name  # a second run changes nothing
        projects.append(project)

    def build(project: Path):
        return project.name, mkdocs_build(project / "mkdocs.yml", project / "site", "--strict")

    # The PDFs come from the loaded model, the same for every guide once it loads: made for the
    # oldest guide only (whose mkdocs.yml bijwerken gave wegwijzer/print); a cold PDF build is 7 s.
    for project in projects[1:]:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - wegwijzer/print\n" in text or "  - wegwijzer/print " in text, project.name
        config.write_text(re.sub(r"  - wegwijzer/print\b[^\n]*", "  - wegwijzer/print:\n      pdf: false", text, count=1), encoding="utf-8")

    with ThreadPoolExecutor(max_workers=2) as pool:
        for name, result in pool.map(build, projects):
            assert result.returncode == 0, f"{name}: {result.stderr[-3000:]}"
            assert (tmp_path / name / "site" / "index.html").is_file()
    assert (projects[0] / "site" / "pdf" / "hr-route.pdf").is_file()


def test_what_bijwerken_changed_in_the_oldest_guide(tmp_path):
    """The first release: a whole catalogus without a base, its project without wegwijzer/print."""
    project = tmp_path / "oud"
    shutil.copytree(Path(__file__).parent / "oude_gidsen" / "073cfd7", project)
    done = subprocess.run([sys.executable, "-m", "wegwijzer", "bijwerken", "--map", "catalogus"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert "bijgewerkt: mkdocs.yml\n  - 'wegwijzer/print' bij 'plugins' gezet" in done.stdout
    assert "bijgewerkt: catalogus/catalogus.yml\n  - 'id: werkdruk-alle-sectoren-voorbeeld' toegevoegd" in done.stdout
    knelpunt = (project / "catalogus" / "knelpunten" / "drukte-op-piekmomenten.yml").read_text(encoding="utf-8")
    original = (Path(__file__).parent / "oude_gidsen" / "073cfd7" / "catalogus" / "knelpunten" / "drukte-op-piekmomenten.yml").read_text(encoding="utf-8")
    assert knelpunt.replace("stellingen: [haasten]\n", "") == original
    catalogus = load_catalogus(project / "catalogus")
    assert [s.id for s in catalogus.knelpunten["drukte-op-piekmomenten"].stellingen] == ["haasten"]
    assert all(s.knelpunten for s in catalogus.scan.stellingen)
