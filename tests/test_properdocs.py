"""ProperDocs builds the same site as MkDocs (issue 30).

ProperDocs (module `properdocs`) is the maintained fork of MkDocs 1.6; it is
installed next to MkDocs and runs our plugins and mkdocs-material unchanged
(`plugins/wegwijzer/engine.py`). The example is built once with `mkdocs build`
and once with `properdocs build`, without PDFs (our own code makes them, the
same under either engine), and the two sites are compared file by file.

What may differ is named below, each with the reason:

- `ENGINE_OWN`: what the engine writes about itself.
- `PAGEFIND_OWN`: what differs between two runs of Pagefind on the same pages,
  whichever engine wrote them (two `mkdocs build`s differ the same way): it
  writes each filter's values in a random (hash map) order, and names a filter's
  file, and the files listing it, by a hash of that content. Those files are
  compared decoded, in a fixed order, instead of byte for byte.
"""

from __future__ import annotations

import gzip
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import mkdocs
import properdocs
import pytest

from conftest import copy_project, without_pdfs

BIN = Path(sys.executable).parent

#: What each engine writes about itself, on every HTML page: Material's generator tag names the engine.
ENGINE_OWN = {
    "generator tag": (
        re.compile(rb'<meta name="generator" content="mkdocs-([^,"]*), '),
        {"mkdocs": mkdocs.__version__.encode(), "properdocs": f"ProperDocs {properdocs.__version__}".encode()},
    ),
}

#: Pagefind's files that differ between runs; compared by `_pagefind_canonical` instead.
PAGEFIND_OWN = {
    "filter files": re.compile(r"pagefind/filter/[a-z]+_[0-9a-f]+\.pf_filter"),
    "meta file": re.compile(r"pagefind/pagefind\.[a-z]+_[0-9a-f]+\.pf_meta"),
}
#: The names of those files inside the files that list them: the entry file and our site manifest.
PAGEFIND_NAMES = {
    "pagefind/pagefind-entry.json": re.compile(rb'"hash":"[a-z]+_[0-9a-f]+"'),
    ".wegwijzer-site": re.compile(rb"pagefind/(?:filter/[a-z]+_[0-9a-f]+\.pf_filter|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta)"),
}


def _run(project: Path, *command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(project)), **(env or {})},
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The example built with each engine's own command, in the same folder."""
    root = tmp_path_factory.mktemp("motoren")
    project = without_pdfs(copy_project(root))
    built = {}
    for engine in ("mkdocs", "properdocs"):
        built[engine] = root / f"site-{engine}"
        result = _run(project, str(BIN / engine), "build", "--strict", "-f", "mkdocs.yml", "-d", str(built[engine]))
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
    return built


def _cbor(data: bytes):
    """The value CBOR `data` encodes: the part of CBOR Pagefind writes (numbers, strings, arrays, maps)."""

    def item(at: int):
        major, info = data[at] >> 5, data[at] & 31
        at += 1
        if major == 7:
            if info == 27:
                return struct.unpack(">d", data[at:at + 8])[0], at + 8
            return {20: False, 21: True, 22: None}[info], at
        count = info
        if info >= 24:
            size = 1 << (info - 24)
            count, at = int.from_bytes(data[at:at + size], "big"), at + size
        if major == 0:
            return count, at
        if major == 1:
            return -1 - count, at
        if major in (2, 3):
            raw = data[at:at + count]
            return (raw.decode("utf-8") if major == 3 else raw), at + count
        if major == 6:
            return item(at)
        values = []
        for _ in range(count * (2 if major == 5 else 1)):
            value, at = item(at)
            values.append(value)
        return (dict(zip(values[::2], values[1::2])) if major == 5 else values), at

    value, end = item(0)
    assert end == len(data)
    return value


def _pagefind_file(data: bytes):
    raw = gzip.decompress(data)
    assert raw.startswith(b"pagefind_dcd")
    return _cbor(raw[len(b"pagefind_dcd"):])


def _pagefind_canonical(files: dict[str, bytes]) -> dict[str, object]:
    """Pagefind's filters and meta file, decoded, in a fixed order and without the hashes that name them."""
    canonical = {}
    for name in [n for n in files if PAGEFIND_OWN["filter files"].fullmatch(n)]:
        title, values = _pagefind_file(files.pop(name))
        canonical[f"pagefind/filter/{title}"] = sorted((value, sorted(pages)) for value, pages in values)
    (meta,) = [n for n in files if PAGEFIND_OWN["meta file"].fullmatch(n)]
    version, pages, index, filters, *rest = _pagefind_file(files.pop(meta))
    canonical["pagefind/meta"] = [version, pages, index, sorted(title for title, _ in filters), *rest]
    return canonical


def _normalised(site: Path, engine: str) -> dict[str, object]:
    """Every file of `site` by its path; what `ENGINE_OWN` and `PAGEFIND_OWN` name, normalised."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    for what, (pattern, versions) in ENGINE_OWN.items():
        tagged = 0
        for name in [n for n in files if n.endswith(".html")]:
            found = pattern.findall(files[name])
            assert set(found) <= {versions[engine]}, f"{name}: {what} {found}"
            tagged += bool(found)
            files[name] = pattern.sub(lambda m: m[0].replace(m[1], b"ENGINE"), files[name])
        assert tagged > 100, what  # on every page of the guide (not the editor's /admin/)
    for name, pattern in PAGEFIND_NAMES.items():
        files[name] = pattern.sub(b"PAGEFIND-HASH", files[name])
    canonical = _pagefind_canonical(files)  # takes Pagefind's own files out of `files`
    return {**files, **canonical}


def test_properdocs_build_and_mkdocs_build_make_the_same_site(sites):
    with_mkdocs = _normalised(sites["mkdocs"], "mkdocs")
    with_properdocs = _normalised(sites["properdocs"], "properdocs")
    assert sorted(with_mkdocs) == sorted(with_properdocs)  # the same files
    different = [name for name in with_mkdocs if with_mkdocs[name] != with_properdocs[name]]
    assert different == []
    # not vacuous: the pages, the search index and the data are all there
    assert {"index.html", "knelpunten/index.html", "sitemap.xml", "data/scan.json", "pagefind/filter/Soort"} <= set(with_mkdocs)
    assert sum(name.endswith(".html") for name in with_mkdocs) > 100


def test_wegwijzer_bouwen_runs_on_properdocs_when_chosen(tmp_path):
    project = without_pdfs(copy_project(tmp_path))
    site = tmp_path / "site"
    result = _run(project, sys.executable, "-m", "wegwijzer", "bouwen", "--uit", str(site), env={"WEGWIJZER_MOTOR": "properdocs"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "De site is gebouwd in" in result.stderr and "Documentation built" not in result.stderr  # our Dutch lines
    assert "should be renamed to 'properdocs.yml'" not in result.stderr  # mkdocs.yml is given with -f
    assert f'content="mkdocs-ProperDocs {properdocs.__version__}, ' in (site / "index.html").read_text(encoding="utf-8")


def test_an_unknown_engine_is_named_in_dutch(tmp_path):
    result = _run(tmp_path, sys.executable, "-m", "wegwijzer", "bouwen", "--uit", str(tmp_path / "site"), env={"WEGWIJZER_MOTOR": "hugo"})
    assert result.returncode == 1
    assert result.stderr.strip() == "WEGWIJZER_MOTOR=hugo ken ik niet. Kies mkdocs (de standaard) of properdocs."
    assert not (tmp_path / "site").exists()
