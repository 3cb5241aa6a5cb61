"""The one folder where the program keeps what it made, between runs and outside any project.

One folder per store below `$XDG_CACHE_HOME/wegwijzer/` (or `~/.cache/wegwijzer/`,
or mkdocs.yml's `cache_dir`), each kept because it saves time at the sizes we
promise, 100 to 5,000 knelpunten (timings in issue 30): `bestanden`, each checked
catalogus file (`catalogus/file_cache.py`); `catalogus`, the whole model when no
file changed (`catalogus/model_cache.py`); `templates`, compiled Jinja templates
(`jinja_cache.py`); `html`, each page's HTML as Markdown made it, a file per set of Markdown settings
(`plugins/catalogus/rendered.py`); `zoekindex`, a site's Pagefind index, a folder per
set of pages (`search_index.py`); `pdf`, made PDFs (`printing/pdf.py`), a folder per project,
where a PDF of the same HTML made for another folder of the same guide is taken over, with
the recipe of each (the files its HTML was made of, `recepten.json`); `paginas`, the key of each
page a build wrote, a file per site folder (`plugins/catalogus/kept_pages.py`).

Everything here can be made again: a kept file that is missing, damaged or from
other code is read past, one that cannot be written is skipped. Every write is
whole (`whole_file`), so two builds at once never read half a file, and cuts its
store back to its bound (`KEEP`), so the folder stays small.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path
from typing import BinaryIO, Callable

import yaml

from .whole_file import write_whole

#: Entries kept per store, the most recently written: catalogus folders (a file each),
#: compiled templates (one per template and set of Jinja options), sets of Markdown settings (a file
#: of pages' HTML each), projects (a folder of PDFs each, one PDF per document), search indexes.
KEEP = {"bestanden": 20, "catalogus": 20, "templates": 500, "pdf": 10, "html": 10, "zoekindex": 4, "paginas": 10}

#: What mkdocs.yml chose for this process (`choose`); empty: the user's cache folder.
_chosen: dict[str, Path | None] = {}
_PACKAGE = Path(__file__).resolve().parent
#: The code and data a load reads besides the catalogus: the model layer and the register of provisions.
_CODE = (_PACKAGE / "catalogus", _PACKAGE / "register")
#: Change when what a store keeps changes shape, so an old file is never taken for a new one.
FORMAT = 3


def choose(enabled: bool, folder: Path | None = None) -> None:
    """Keep everything in `folder` from now on (None: the user's cache folder), or nothing at all.

    The catalogus plugin calls this with mkdocs.yml's `cache` and `cache_dir` before it
    loads; commands without mkdocs.yml use the user's cache folder.
    """
    _chosen.clear()
    if not enabled:
        _chosen["root"] = None
    elif folder is not None:
        _chosen["root"] = folder


def root() -> Path | None:
    """The cache folder; None when caching is off or there is no home folder (then it only costs time)."""
    if "root" in _chosen:
        return _chosen["root"]
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no entry in the password database
        return None
    return base / "wegwijzer"


def path(store: str, *names: str) -> Path | None:
    """Where `names` is kept in `store`; None when nothing is kept."""
    base = root()
    return base.joinpath(store, *names) if base else None


def key(*parts: object) -> str:
    """The one name for everything an entry depends on: a hash of `parts`, each as text."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def file_state(stat: os.stat_result) -> tuple:
    """What changes whenever a file's content may have: also the status time, which no
    program can set back, and the inode, which an editor's save-by-rename changes."""
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def folder_state(folder: Path, into: list[str], states: dict | None = None) -> list[str]:
    """Every file below `folder` with its state, in a stable order: a key part that changes with any file.
    Each file's state also goes into `states` (path -> state), when given: one look at each file."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return into
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            folder_state(Path(entry.path), into, states)
        else:
            try:
                state = file_state(entry.stat())
            except OSError:
                continue
            into.append(f"{entry.path}\0{state}")
            if states is not None:
                states[entry.path] = state
    return into


#: Folders of the package that hold nothing a page or PDF is made of (and many files).
_NOT_MADE_OF = frozenset({"node_modules", "npm", "__pycache__"})


def package_state() -> str:
    """The state of every file of this package (code, templates, styles, scripts, the base catalogus):
    what is made with the package is kept under it, so an update or an edit of any of them makes it anew."""
    lines = []
    for root, folders, files in os.walk(_PACKAGE):
        folders[:] = sorted(f for f in folders if f not in _NOT_MADE_OF)
        for name in sorted(files):
            try:
                lines.append(f"{os.path.join(root, name)}\0{file_state(os.stat(os.path.join(root, name)))}")
            except OSError:
                continue
    return key(*lines)


def code_state() -> str:
    """The key part of the code a load runs, which every kept load must depend on."""
    lines = [str(FORMAT), sys.version, yaml.__version__]
    for folder in _CODE:
        folder_state(folder, lines)
    return key(*lines)


def read(place: Path | None) -> bytes | None:
    """The kept file's content; None when there is none or it cannot be read."""
    if place is None:
        return None
    try:
        return place.read_bytes()
    except OSError:
        return None


def write(place: Path, content: bytes | Callable[[BinaryIO], None], replaces: str = "") -> bool:
    """Keep `content` whole at `place`, instead of the files beside it matching `replaces`,
    and cut its store back to its bound; False when it could not be written (a full disk
    or a folder that cannot be written only costs time)."""
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        write_whole(place, content if callable(content) else lambda out: out.write(content))
        for old in place.parent.glob(replaces) if replaces else ():
            if old != place:
                old.unlink(missing_ok=True)
    except OSError:
        return False
    base = root()
    if base is not None and base in place.parents:
        store = base / place.relative_to(base).parts[0]
        prune(store, KEEP[store.name])
    return True


#: A file or folder still being written (a name starting with a dot) this long ago was left by a
#: process that was stopped halfway: removed when its store is pruned.
LEFT_BEHIND_SECONDS = 24 * 3600


def prune(store: Path, keep: int) -> None:
    """Remove all but the `keep` most recently written entries of `store` (files, or a project's folder),
    and what a stopped process left half-written there."""
    try:
        scanned = list(os.scandir(store))
        entries = [e for e in scanned if not e.name.startswith(".")]  # not another build's file being written
        left = [e for e in scanned if e.name.startswith(".") and e.stat().st_mtime < time.time() - LEFT_BEHIND_SECONDS]
        if len(entries) > keep:  # the usual case is not: no entry needs a stat
            entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
            left += entries[keep:]
        for old in left:
            if old.is_dir(follow_symlinks=False):
                shutil.rmtree(old.path, ignore_errors=True)
            else:
                os.unlink(old.path)
    except OSError:  # removed meanwhile by another build
        pass
