"""A branch organisation publishes its own guide: start on the base, add, replace, leave out, preview."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from conftest import ROOT, copy_project, mkdocs_build

BASE = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk"


def wegwijzer(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wegwijzer", *args], cwd=cwd, capture_output=True, text=True)


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def oplossing(titel: str) -> dict:
    return {
        "titel": titel, "omschrijving": f"{titel}: zo werkt het op de bouw.", "aanpak": "bron", "niveau": ["team"],
        "termijn": "kort", "kosten": "laag", "invoeren": ["Spreek het af met de ploeg."], "grondslag": ["arbowet 3 lid 2"],
    }


def test_a_new_sector_guide_from_nothing(tmp_path):
    result = wegwijzer("start", "bouw-wegwijzer", "--sector", "Bouw", "--uitgever", "Voorbeeld Bouwvereniging", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    guide = tmp_path / "bouw-wegwijzer"
    catalogus = guide / "catalogus"
    assert (guide / "mkdocs.yml").is_file() and (guide / "schema" / "knelpunt.json").is_file()
    assert (guide / ".github" / "workflows" / "publiceren.yml").is_file()

    # two knelpunten and three oplossingen of its own
    for id_, titel in [("steigers-op-tijd", "Steigers staan op tijd"), ("vaste-ploeg", "Een vaste ploeg"), ("weer-in-de-planning", "Het weer in de planning")]:
        write(catalogus / "oplossingen" / f"{id_}.yml", oplossing(titel))
    write(catalogus / "knelpunten" / "wachten-op-materiaal.yml", {
        "titel": "Wachten op materiaal", "factor": "tijdsdruk", "omschrijving": "Het materiaal is er niet, de klus moet wel af.",
        "signalen": ["Ploegen staan stil"], "oplossingen": ["steigers-op-tijd", "weer-in-de-planning"],
    })
    write(catalogus / "knelpunten" / "steeds-een-andere-ploeg.yml", {
        "titel": "Steeds een andere ploeg", "factor": "functionele-steun-collegas", "omschrijving": "Je weet niet wie je morgen naast je hebt.",
        "signalen": ["Afspraken gaan verloren"], "oplossingen": ["vaste-ploeg", "buddysysteem"],
    })
    # one base oplossing replaced, one base knelpunt left out
    stille_uren = yaml.safe_load((BASE / "oplossingen" / "stille-uren.yml").read_text(encoding="utf-8"))
    write(catalogus / "oplossingen" / "stille-uren.yml", stille_uren | {"titel": "Stille uren in de bouwkeet"})
    info = yaml.safe_load((catalogus / "catalogus.yml").read_text(encoding="utf-8"))
    write(catalogus / "catalogus.yml", info | {"weglaten": ["agressie-van-klanten"]})
    # the scan's statement about angry clients then points at nothing: check says where and how to fix it
    check = wegwijzer("check", cwd=guide)
    assert check.returncode == 1
    assert "weglaten[1]: zonder 'agressie-van-klanten' wijst de stelling 'lastige-klanten' uit de werkdrukscan geen knelpunt meer aan" in check.stderr
    write(catalogus / "catalogus.yml", info | {"weglaten": ["agressie-van-klanten", "stelling:lastige-klanten"]})

    assert wegwijzer("check", cwd=guide).returncode == 0
    result = mkdocs_build(guide / "mkdocs.yml", guide / "site", "--strict")
    assert result.returncode == 0, result.stderr
    site = guide / "site"

    def page(path: str) -> str:
        return (site / path / "index.html").read_text(encoding="utf-8")

    assert "<title>Is de Wegwijzer iets voor mij? - Werkdruk Wegwijzer Bouw</title>" in page("")
    assert "Wachten op materiaal" in page("knelpunten/wachten-op-materiaal")
    assert "Steeds een andere ploeg" in page("knelpunten/steeds-een-andere-ploeg")
    for id_ in ("steigers-op-tijd", "vaste-ploeg", "weer-in-de-planning"):
        assert "zo werkt het op de bouw" in page(f"oplossingen/{id_}")
    assert "Stille uren in de bouwkeet" in page("oplossingen/stille-uren")
    assert "Steigers staan op tijd" in page("knelpunten/wachten-op-materiaal")  # linked both ways
    assert "Wachten op materiaal" in page("oplossingen/steigers-op-tijd")
    assert not (site / "knelpunten" / "agressie-van-klanten").exists()
    assert "agressie-van-klanten" not in page("knelpunten") + page("oplossingen/opvang-na-incidenten")
    assert (site / "stappen" / "stap-5" / "index.html").is_file()  # the base's steps are all there
    assert (site / "pdf" / "hr-route.pdf").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(condition, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # waits while a rebuild runs
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_live_preview_rebuilds_and_survives_an_error(tmp_path):
    project = copy_project(tmp_path)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "wegwijzer", "bekijken", "--poort", str(port)],  # what the docs tell an editor to run
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env={"PATH": "/usr/bin:/bin"},
        )
    url = f"http://127.0.0.1:{port}/knelpunten/lawaai-op-de-groep/"
    knelpunt = project / "catalogus" / "knelpunten" / "lawaai-op-de-groep.yml"
    try:
        assert _wait_for(lambda: "De hele dag lawaai op de groep" in _get(url)), log.read_text()
        knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("De hele dag lawaai op de groep", "Altijd lawaai op de groep"), encoding="utf-8")
        assert _wait_for(lambda: "Altijd lawaai op de groep" in _get(url)), log.read_text()

        knelpunt.write_text(knelpunt.read_text(encoding="utf-8").replace("factor: taakonderbrekingen", "factor: lawaai"), encoding="utf-8")
        assert _wait_for(lambda: "De catalogus bevat 1 fout" in log.read_text()), log.read_text()
        assert "onbekende factor 'lawaai'" in log.read_text()
        # saved again, still with the same mistake: the report shows again (MkDocs hides repeated lines)
        second = int(time.time())  # the report carries the time to the second: save in the next one
        while int(time.time()) == second:
            time.sleep(0.02)
        knelpunt.write_text(knelpunt.read_text(encoding="utf-8") + "# nog een poging\n", encoding="utf-8")
        assert _wait_for(lambda: log.read_text().count("De catalogus bevat 1 fout") == 2), log.read_text()
        assert "Traceback" not in log.read_text()
        assert server.poll() is None  # still serving
        assert _wait_for(lambda: "Altijd lawaai op de groep" in _get(url))  # the last good site, once the rebuild ends
        assert "Aborted" not in log.read_text()
        assert "end of life" not in log.read_text() and "dirty" not in log.read_text()  # no English notices
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_left_out_entries_read_as_words_and_a_missing_logo_is_named(tmp_path):
    project = copy_project(tmp_path)
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8").replace("weglaten:\n", "weglaten:\n  - mantelzorgbeleid\n"), encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", project / "site", "--strict")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "ontwikkelingen" / "index.html").read_text(encoding="utf-8")
    titel = yaml.safe_load((BASE / "oplossingen" / "mantelzorgbeleid.yml").read_text(encoding="utf-8"))["titel"]
    assert "mantelzorgbeleid/" not in page
    assert f"Zie {titel}," in page  # the words stay, the link goes

    info.write_text(info.read_text(encoding="utf-8") + "huisstijl:\n  logo: assets/logo.svg\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", project / "site2")
    assert result.returncode == 1
    assert "huisstijl.logo: het logo 'assets/logo.svg' staat niet in content" in result.stderr


def test_a_quote_linked_on_its_own_line_shows_the_quote_with_its_marking(tmp_path):
    project = copy_project(tmp_path)
    verhaal = yaml.safe_load((project / "catalogus" / "praktijk" / "locatiemanager-invalpool.yml").read_text(encoding="utf-8"))
    (project / "content" / "verhalen.md").write_text(
        "# Verhalen\n\nZo ging het bij een locatie:\n\n[[praktijk:locatiemanager-invalpool]]\n\n"
        "Lees ook [[praktijk:locatiemanager-invalpool]] nog eens.\n\n```\n[[praktijk:locatiemanager-invalpool]]\n```\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project / "mkdocs.yml", project / "site", "--strict")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "verhalen" / "index.html").read_text(encoding="utf-8")
    quote = html.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    assert " ".join(verhaal["citaat"].split()[:6]) in " ".join(quote.split())
    assert "Voorbeeld" in quote and "geen echte uitspraak" in quote  # an illustration never passes for a real quote
    sentence = html.split("Lees ook", 1)[1].split("</p>", 1)[0]
    assert "„" in sentence and "(voorbeeld)" in sentence and "../praktijk/" in sentence
    assert "[[praktijk:locatiemanager-invalpool]]" in html  # code stays code
    assert "Uit de praktijk:" not in html.split("<article", 1)[1]
