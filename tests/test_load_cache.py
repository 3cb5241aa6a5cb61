"""What the program keeps between runs (`wegwijzer/cache.py`): each checked file and the whole
model are never stale, never give a cross-link twice and never change an editor's error messages;
every store stays within its bound, and `cache: false` keeps nothing."""

from __future__ import annotations

import os
import time
import shutil

import pytest

from conftest import copy_project, mkdocs_build
from wegwijzer import cache
from wegwijzer.catalogus import CatalogusError, load_catalogus
from wegwijzer.catalogus.open_data import to_json
from wegwijzer.printing.pdf import pdf_name


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


def kept(store: str = "catalogus") -> list:
    return sorted(cache.path(store).glob("*.pickle"))


def fresh_load(root, tmp_path):
    """The catalogus as a first load on a new machine sees it: nothing kept anywhere."""
    folder = os.environ["XDG_CACHE_HOME"]
    os.environ["XDG_CACHE_HOME"] = str(tmp_path / f"leeg-{len(list(tmp_path.glob('leeg-*')))}")
    try:
        return load_catalogus(root)
    finally:
        os.environ["XDG_CACHE_HOME"] = folder


def every_link(catalogus) -> dict:
    """What a visitor follows from page to page, both ways, and what the editor is warned of."""
    ids = lambda items: [item.id for item in items]  # noqa: E731
    return {
        "export": to_json(catalogus),
        "bepalingen": {key: ids(b.oplossingen) for key, b in catalogus.normen.bepalingen.items()},
        "praktijk": {p.id: (ids(p.knelpunten), ids(p.oplossingen), ids(p.substappen)) for p in catalogus.praktijk.values()},
        "instrumenten": {i.id: ids(i.substappen) for i in catalogus.instrumenten.values()},
        "stellingen": {s.id: ids(s.knelpunten) for s in (catalogus.scan.stellingen if catalogus.scan else [])},
        "factoren": {f.id: (f.groep.id, ids(f.stellingen)) for f in catalogus.factoren},
        "substappen": {s.id: s.stap.nummer for s in catalogus.substappen},
        "waarschuwingen": [str(w) for w in catalogus.waarschuwingen],
    }


def test_an_unchanged_catalogus_comes_back_whole_from_the_cache(make_catalogus):
    root = make_catalogus()
    first = load_catalogus(root)
    assert kept() == []  # a first load is not worth writing as a whole: the next save would make it stale
    again = load_catalogus(root)
    assert len(kept()) == 1  # asked for twice: now it is
    assert again is not first  # a model of its own: what one build changes does not reach the next
    assert [k.id for k in again.oplossingen["taken-herverdelen"].knelpunten] == ["piekdrukte"]
    assert again.knelpunten["piekdrukte"].oplossingen[0] is again.oplossingen["rooster-met-buffer"]
    assert str(again.knelpunten["piekdrukte"].origin) == str(first.knelpunten["piekdrukte"].origin)
    third = load_catalogus(root)
    assert third is not again and every_link(third) == every_link(first)


def test_after_changes_every_cross_link_is_as_a_fresh_load_makes_it(tmp_path):
    """Kept files give their entries anew on every load: linking never reaches the kept ones,
    so no knelpunt is listed twice under its oplossing, and a removed link is gone."""
    root = copy_project(tmp_path) / "catalogus"
    knelpunt = root / "knelpunten" / "lawaai-op-de-groep.yml"
    verhaal = root / "praktijk" / "locatiemanager-invalpool.yml"
    edits = [
        (knelpunt, "oplossingen: [geluid-dempen-op-de-groep, pedagogisch-coach-op-de-groep, pauzes-en-herstel]", "oplossingen: [geluid-dempen-op-de-groep, pauzes-en-herstel]"),
        (knelpunt, "oplossingen: [geluid-dempen-op-de-groep, pauzes-en-herstel]", "oplossingen: [geluid-dempen-op-de-groep, pedagogisch-coach-op-de-groep, pauzes-en-herstel, rustige-werkplek]"),
        (verhaal, "", "\n"),  # saved without a real change: its entry is read again, the rest is kept
    ]
    first = load_catalogus(root)
    assert every_link(first) == every_link(fresh_load(root, tmp_path))
    for path, old, new in edits:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")
        for _ in range(3):  # the first load reads the file again; the next ones keep it all, then the model
            loaded = load_catalogus(root)
            assert every_link(loaded) == every_link(fresh_load(root, tmp_path))
    oplossing = loaded.oplossingen["rustige-werkplek"]
    assert [k.id for k in oplossing.knelpunten].count("lawaai-op-de-groep") == 1
    assert "lawaai-op-de-groep" in [k.id for k in loaded.oplossingen["pedagogisch-coach-op-de-groep"].knelpunten]


def test_a_link_broken_in_a_kept_file_is_reported_at_its_place(tmp_path):
    """The kept file is not read again, yet the problem names its line and column, as a fresh load does."""
    root = copy_project(tmp_path) / "catalogus"
    nieuw = root / "oplossingen" / "zachte-vloer.yml"
    shutil.copy(root / "oplossingen" / "rustige-werkplek.yml", nieuw)
    verwijzer = root / "oplossingen" / "invalpool-in-de-regio.yml"
    verwijzer.write_text(verwijzer.read_text(encoding="utf-8").replace("[[oplossing:flexibele-schil]]", "[[oplossing:zachte-vloer]]"), encoding="utf-8")
    load_catalogus(root)
    load_catalogus(root)
    nieuw.unlink()
    with pytest.raises(CatalogusError) as kept_files:
        load_catalogus(root)
    with pytest.raises(CatalogusError) as fresh:
        fresh_load(root, tmp_path)
    report = [str(p) for p in kept_files.value.problems]
    assert report == [str(p) for p in fresh.value.problems]
    assert report == ["project/catalogus/oplossingen/invalpool-in-de-regio.yml:12:3: omschrijving: link naar onbekende oplossing 'zachte-vloer' (er is geen oplossing met deze id)"]


def test_a_files_own_mistakes_are_reported_alike_when_it_is_kept(tmp_path):
    """A file with problems is kept too; the second load finds them without reading it."""
    root = copy_project(tmp_path) / "catalogus"
    path = root / "oplossingen" / "rustige-werkplek.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kosten: midden", "kosten: heel veel").replace("ongestoord plaatsvinden", "ongestoord [plaatsvinden](javascript:alert(1))")
    path.write_text(text + "onbekend: ja\n", encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(CatalogusError) as raised:
            load_catalogus(root)
        reports.append([str(p) for p in raised.value.problems])
    with pytest.raises(CatalogusError) as fresh:
        fresh_load(root, tmp_path)
    assert reports[0] == reports[1] == [str(p) for p in fresh.value.problems]
    # kosten, the javascript: target inside the list item, and the unknown field at the end
    assert [line.split(":")[1:3] for line in reports[0]] == [["19", "9"], ["28", "63"], ["36", "1"]]


def test_a_saved_change_is_read_again(make_catalogus):
    root = make_catalogus()
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Piekdrukte"
    path = root / "knelpunten" / "piekdrukte.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Piekdrukte", "titel: Spitsuren"), encoding="utf-8")
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Spitsuren"
    # same length, and the clock set back to the old time: the file is another one now (an editor's atomic save)
    stat = path.stat()
    replacement = path.with_suffix(".tmp")
    replacement.write_text(path.read_text(encoding="utf-8").replace("Spitsuren", "Drukte 9u"), encoding="utf-8")
    os.replace(replacement, path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Drukte 9u"


def test_a_new_or_removed_file_is_noticed(make_catalogus):
    root = make_catalogus()
    load_catalogus(root)
    path = root / "knelpunten" / "piekdrukte.yml"
    text = path.read_text(encoding="utf-8")
    (root / "knelpunten" / "wachtrijen.yml").write_text(text.replace("Piekdrukte", "Wachtrijen"), encoding="utf-8")
    catalogus = load_catalogus(root)
    assert [k.titel for k in catalogus.oplossingen["rooster-met-buffer"].knelpunten] == ["Piekdrukte", "Wachtrijen"]
    path.unlink()
    catalogus = load_catalogus(root)
    assert list(catalogus.knelpunten) == ["wachtrijen"]


def test_a_mistake_after_a_cached_load_is_reported_with_file_and_line(make_catalogus):
    root = make_catalogus()
    load_catalogus(root)
    path = root / "knelpunten" / "piekdrukte.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("factor: tijdsdruk", "factor: tijdsdrukk"), encoding="utf-8")
    for _ in range(2):  # and again: a load with problems is never kept
        with pytest.raises(CatalogusError) as raised:
            load_catalogus(root)
        assert [str(p.mark) for p in raised.value.problems] == ["catalogus/knelpunten/piekdrukte.yml:2:9"]
        assert "tijdsdruk" in raised.value.problems[0].hint


def test_a_damaged_or_unwritable_cache_only_costs_time(make_catalogus, tmp_path):
    root = make_catalogus()
    load_catalogus(root)
    load_catalogus(root)
    assert len(kept()) == len(kept("bestanden")) == 1
    for file in kept() + kept("bestanden"):
        file.write_bytes(file.read_bytes()[:100])  # cut off, as by a full disk or a crash
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Piekdrukte"
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de cachemap zou komen", encoding="utf-8")
    os.environ["XDG_CACHE_HOME"] = str(blocked)
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Piekdrukte"


@pytest.mark.parametrize("store", sorted(cache.KEEP))
def test_every_store_keeps_only_its_newest_entries(store, monkeypatch):
    """Writing more than a store's bound removes the oldest; a project's PDFs go as one folder,
    and within a project each document has one PDF ("checklists" is no "checklists-stap-1")."""
    monkeypatch.setitem(cache.KEEP, store, 3)
    written = []
    for n in range(5):
        entry = cache.path(store, f"project-{n}" if store == "pdf" else f"entry-{n}")
        place = entry / "checklists-stap-1-0123456789abcdef0123.pdf" if store == "pdf" else entry
        assert cache.write(place, b"kept")
        os.utime(entry, ns=(n * 10**9, n * 10**9))  # written in this order, a second apart
        written.append(entry.name)
    assert sorted(p.name for p in cache.path(store).iterdir()) == written[2:]
    # what a process stopped halfway left (a name starting with a dot): gone after a day, not before
    stale, fresh = cache.path(store, ".entry-5.half"), cache.path(store, ".entry-6.half")
    for half in (stale, fresh):
        half.write_bytes(b"half")
    day_ago = time.time() - cache.LEFT_BEHIND_SECONDS - 60
    os.utime(stale, (day_ago, day_ago))
    cache.prune(cache.path(store), 3)
    assert not stale.exists() and fresh.exists()
    fresh.unlink()
    if store == "pdf":
        project = cache.path(store, "project-4")
        for key in ("a" * 20, "b" * 20):
            cache.write(project / f"checklists-{key}.pdf", b"pdf", replaces=pdf_name("checklists"))
        assert sorted(p.name for p in project.iterdir()) == ["checklists-" + "b" * 20 + ".pdf", "checklists-stap-1-0123456789abcdef0123.pdf"]


@pytest.mark.parametrize("plugins", [
    "  - wegwijzer/catalogus:\n      catalogus: catalogus\n      cache: false\n",
    "  - wegwijzer/print:\n      pdf: false\n      cache_dir: geen\n",  # as guides for earlier releases turned it off
    "  - wegwijzer/print:\n      pdf: false\n      cache_dir: bewaard\n",  # and chose a folder in the project
])
def test_cache_off_or_elsewhere_writes_nothing_in_the_cache_folder(tmp_path, plugins):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    before = "  - wegwijzer/print:\n      pdf: false\n" if "print" in plugins else "  - wegwijzer/catalogus:\n      catalogus: catalogus\n"
    text = config.read_text(encoding="utf-8")
    assert before in text
    config.write_text(text.replace(before, plugins, 1), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site", env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "cache").exists()
    if "bewaard" in plugins:
        assert list((project / "bewaard" / "bestanden").glob("*.pickle")) and list((project / "bewaard" / "templates").iterdir())
        assert "'cache_dir' bij wegwijzer/print is verouderd" in result.stderr
