"""The catalogus kept on disk between runs: never stale, never in the way of an editor's errors."""

from __future__ import annotations

import os

import pytest

from wegwijzer.catalogus import CatalogusError, load_catalogus
from wegwijzer.catalogus.model_cache import cache_folder


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


def kept() -> list:
    return sorted(cache_folder().glob("*.pickle"))


def test_an_unchanged_catalogus_comes_back_whole_from_the_cache(make_catalogus):
    root = make_catalogus()
    first = load_catalogus(root)
    assert len(kept()) == 1
    again = load_catalogus(root)
    assert again is not first  # a model of its own: what one build changes does not reach the next
    assert [k.id for k in again.oplossingen["taken-herverdelen"].knelpunten] == ["piekdrukte"]
    assert again.knelpunten["piekdrukte"].oplossingen[0] is again.oplossingen["rooster-met-buffer"]
    assert str(again.knelpunten["piekdrukte"].origin) == str(first.knelpunten["piekdrukte"].origin)


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
    for file in kept():
        file.write_bytes(file.read_bytes()[:100])  # cut off, as by a full disk or a crash
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Piekdrukte"
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de cachemap zou komen", encoding="utf-8")
    os.environ["XDG_CACHE_HOME"] = str(blocked)
    assert load_catalogus(root).knelpunten["piekdrukte"].titel == "Piekdrukte"
