"""`wegwijzer check` as a sector editor reads it: the sector's own warnings with file, line, field
and fix; what the program's base brings along summed up in one line (`--basis` shows it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

WEGWIJZER = Path(sys.executable).parent / "wegwijzer"


def check(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(WEGWIJZER), "check", *extra], cwd=folder, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def fresh_guide(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("start") / "gids"
    made = subprocess.run([str(WEGWIJZER), "start", str(folder), "--sector", "Schoonmaak", "--uitgever", "X"], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return folder


def test_a_fresh_guide_shows_only_its_own_warnings_and_one_line_about_the_base(fresh_guide):
    result = check(fresh_guide)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "5 waarschuwing(en):" in lines  # partijen, geldig_tot, vastgesteld, publicatie, toetsing
    own = [line for line in lines if line.startswith("  catalogus/")]
    assert len(own) == 5 and all("catalogus/catalogus.yml:" in line for line in own)
    assert "basis/werkdruk" not in result.stdout and "plugins/wegwijzer" not in result.stdout
    summary = [line for line in lines if line.startswith("Uit de basis: ")]
    assert len(summary) == 1 and "je hoeft er niets aan te doen" in summary[0] and "wegwijzer check --basis" in summary[0]
    count = int(summary[0].split()[3])
    shown = check(fresh_guide, "--basis")
    assert shown.returncode == 0
    assert f"{count} opmerking(en) over de basis:" in shown.stdout
    assert shown.stdout.count("(uit de basis)") == count


def test_an_escaped_link_in_the_sectors_own_file_is_its_own_warning(fresh_guide, tmp_path):
    import shutil

    guide = tmp_path / "gids"
    shutil.copytree(fresh_guide, guide)
    (guide / "catalogus" / "knelpunten").mkdir(exist_ok=True)
    (guide / "catalogus" / "knelpunten" / "emmers-sjouwen.yml").write_text(
        "titel: Emmers sjouwen\nfactor: tijdsdruk\nomschrijving: Zie \\[\\[oplossing:dagstart\\]\\].\nsignalen: [Rugpijn]\n"
        "oplossingen: [dagstart, stille-uren]\n", encoding="utf-8")
    (guide / "content" / "over-ons.md").write_text("---\ntitle: Over ons\n---\nZie \\[[knelpunt:emmers-sjouwen]].\n", encoding="utf-8")
    result = check(guide)
    assert result.returncode == 0, result.stderr
    assert ("  catalogus/knelpunten/emmers-sjouwen.yml:3:19: omschrijving: de link \\[\\[oplossing:dagstart\\]\\] heeft een \\ voor de haken"
            in result.stdout), result.stdout
    assert "schrijf [[oplossing:dagstart]] zonder \\" in result.stdout
    assert "content/over-ons.md:4:5: de link \\[[knelpunt:emmers-sjouwen]]" in result.stdout


def test_the_example_keeps_its_own_warnings_and_sums_the_base(tmp_path):
    result = check(ROOT)
    assert result.returncode == 0, result.stderr
    # its own files (its replacement rustige-werkplek.yml no longer cites the unchecked lawaai article 6.8)
    assert "catalogus/knelpunten/lawaai-op-de-groep.yml" in result.stdout
    assert "plugins/wegwijzer/basis" not in result.stdout
    assert sum(line.startswith("Uit de basis: ") for line in result.stdout.splitlines()) == 1


def test_errors_still_end_with_exit_code_1(tmp_path):
    (tmp_path / "catalogus").mkdir()
    (tmp_path / "catalogus" / "catalogus.yml").write_text("id: Fout Id\n", encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1 and "Uit de basis" not in result.stdout
