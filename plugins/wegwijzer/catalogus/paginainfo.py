"""What every page says about itself: whom to ask, and when its content last changed.

Free of MkDocs, like the rest of the model layer; the site plugin shows both.

- `contact_van`: `contact` in catalogus.yml may hold an e-mail address, a website
  or any other text (schema.py: "E-mailadres of website"). Only a plain address
  becomes a `mailto:` link and only an http(s) address a web link; anything else
  (`javascript:…`, markup, a phone number) is text, escaped where it is shown.
- `Gewijzigd`: the day a page's content last changed, from the source files the
  page is made of (`Bronbestanden`; which files, its maker says: `pages/bronnen.py`): the date of each file's last commit, read
  with one `git log` per repository for the whole build, or the file's mtime where
  there is no git (a folder outside any repository, a file never committed, no
  git installed). A page made of several files shows the newest. Committer dates
  in the committer's own time zone, so the same commit gives the same dates on any
  computer.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import urlsplit

from .model import Catalogus

# -- contact ---------------------------------------------------------------------

#: An e-mail address without anything a `mailto:` URL or HTML would read as more than an address.
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
#: Characters that never belong in a web address written in a YAML field.
_NOT_IN_URL = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Contact:
    """How a reader reaches the organisation: `href` is None when the contact is plain text."""

    soort: str  # "e-mail" | "website" | "tekst"
    tekst: str  # what the reader sees (to be escaped where it is shown)
    href: Optional[str] = None  # mailto:… or http(s)://…, already safe to put in an attribute once escaped


def contact_van(waarde: Optional[str]) -> Optional[Contact]:
    """`info.contact` as a link where it is an e-mail address or website, else as text; None when empty."""
    if not waarde or not waarde.strip():
        return None
    tekst = " ".join(waarde.split())
    adres = tekst[len("mailto:"):] if tekst.lower().startswith("mailto:") else tekst
    if _EMAIL.match(adres):
        return Contact("e-mail", adres, "mailto:" + adres)
    if not _NOT_IN_URL.search(tekst):
        parts = urlsplit(tekst)
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return Contact("website", tekst, tekst)
    return Contact("tekst", tekst)


# -- the source files of a page --------------------------------------------------


class Bronbestanden:
    """Which files of the catalogus a generated page is made of, for one build.

    Paths as strings (`os.path`): some 3,000 pages ask for their files on every rebuild of the preview."""

    def __init__(self, catalogus: Catalogus, paginas: dict[str, str] | None = None, bestanden: set[str] | None = None) -> None:
        self.catalogus = catalogus
        self.lagen = [os.fspath(laag) for laag in reversed(catalogus.lagen)]  # the sector first: its file wins
        self.paginas = catalogus.paginas if paginas is None else paginas
        self._gevonden: dict[str, Optional[str]] = {}
        # the files of the layers, when the caller listed them already (the preview's quick rebuild):
        # a list of 1,000 knelpunten asked for each one's file on disk
        self._is_bestand = os.path.isfile if bestanden is None else bestanden.__contains__

    def bestand(self, naam: str) -> Optional[str]:
        """`naam` (as in a catalogus folder: `knelpunten/x.yml`) in the layer that supplies it."""
        if naam not in self._gevonden:
            self._gevonden[naam] = next((pad for laag in self.lagen if self._is_bestand(pad := os.path.join(laag, naam))), None)
        return self._gevonden[naam]

    def voor(self, src_uri: str, namen: Iterable[str] = ()) -> list[str]:
        """The files page `src_uri` is made of: a page of the layers' `paginas/`, or one made from the catalogus
        files `namen` (as its maker names them: `pages/bronnen.py`)."""
        if src_uri in self.paginas:
            extra = ["catalogus.yml"] if src_uri == "index.md" and self.catalogus.info.inleiding else []
            return [os.fspath(self.paginas[src_uri]), *filter(None, map(self.bestand, extra))]
        return [path for path in map(self.bestand, namen) if path is not None]


# -- when a file last changed ------------------------------------------------------


def _repository(folder: str, cache: dict[str, Optional[str]]) -> Optional[str]:
    """The top folder of the git repository `folder` lies in (a `.git` folder or file), without running git."""
    seen = []
    while folder not in cache:
        seen.append(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            cache[folder] = folder
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            cache[folder] = None
            break
        folder = parent
    for path in seen:
        cache[path] = cache[folder]
    return cache[folder]


def commits_checked_out(folders: Iterable[str | os.PathLike]) -> dict[str, str]:
    """The commit checked out in each git repository `folders` lie in, read from `.git` without running git:
    a commit changes the dates of the files it holds, and no file's time of saving."""
    found: dict[str, str] = {}
    cache: dict[str, Optional[str]] = {}
    for folder in folders:
        top = _repository(os.path.realpath(folder), cache)
        if top is not None and top not in found:
            found[top] = _head(top)
    return found


def _head(top: str) -> str:
    """HEAD of the repository at `top`, as the commit it names where that can be read; else its text."""
    git = os.path.join(top, ".git")
    try:
        if os.path.isfile(git):  # a worktree or submodule: "gitdir: <path>"
            with open(git, encoding="utf-8") as file:
                git = os.path.join(top, file.read().split(":", 1)[1].strip())
        with open(os.path.join(git, "HEAD"), encoding="utf-8") as file:
            head = file.read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        for base in (git, _common(git)):
            try:
                with open(os.path.join(base, ref), encoding="utf-8") as file:
                    return file.read().strip()
            except OSError:
                pass
            try:
                with open(os.path.join(base, "packed-refs"), encoding="utf-8") as file:
                    for line in file:
                        if line.rstrip("\n").endswith(" " + ref):
                            return line.split(" ", 1)[0]
            except OSError:
                pass
        return head
    except (OSError, IndexError):
        return ""


def _common(git: str) -> str:
    """The folder a worktree shares its refs with (`commondir`), or `git` itself."""
    try:
        with open(os.path.join(git, "commondir"), encoding="utf-8") as file:
            return os.path.join(git, file.read().strip())
    except OSError:
        return git


def _git_dates(top: str, folders: Iterable[str]) -> dict[str, date]:
    """Every file under `folders` (relative to `top`) by its path in the repository: the day of its last commit.

    One `git log` for all of them: newest commit first, so a file's first mention is its last change.
    """
    try:
        result = subprocess.run(
            ["git", "-C", top, "log", "-z", "--format=%x01%cs", "--name-only", "--no-renames", "--", *sorted(set(folders))],
            capture_output=True, timeout=60, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, date] = {}
    for record in result.stdout.decode("utf-8", "surrogateescape").split("\x01")[1:]:
        day, *names = record.split("\0")
        try:
            when = date.fromisoformat(day.strip())
        except ValueError:
            continue
        for name in names:
            name = name.strip("\n")
            if name and name not in dates:
                dates[name] = when
    return dates


class Gewijzigd:
    """The day each file last changed; git is asked once per repository, for every file asked about at once."""

    def __init__(self, paden: Iterable[str | os.PathLike]) -> None:
        self.dagen: dict[str, date] = {}
        self._echt: dict[str, str] = {}  # a path as asked -> the file it is (realpath is slow, pages share files)
        repositories: dict[str, list[str]] = {}
        cache: dict[str, Optional[str]] = {}
        paden = {self._echt_pad(p) for p in paden}
        for pad in paden:
            top = _repository(os.path.dirname(pad), cache)
            if top is not None:
                repositories.setdefault(top, []).append(pad)
        for top, files in repositories.items():
            folders = {os.path.relpath(os.path.dirname(f), top).replace(os.sep, "/") for f in files}
            dates = _git_dates(top, folders)
            for f in files:
                day = dates.get(os.path.relpath(f, top).replace(os.sep, "/"))
                if day is not None:
                    self.dagen[f] = day
        for pad in paden - self.dagen.keys():  # no git, or never committed: when the file was last saved
            try:
                self.dagen[pad] = date.fromtimestamp(os.stat(pad).st_mtime)
            except OSError:
                pass

    def _echt_pad(self, pad) -> str:
        key = os.fspath(pad)
        if key not in self._echt:
            self._echt[key] = self._real(key)
        return self._echt[key]

    def _real(self, pad: str) -> str:
        """`os.path.realpath(pad)`, with each folder resolved once: realpath looks at every part of the path
        again for every file (a second of the preview's rebuild at 1,000 knelpunten), while a page's files
        share a handful of folders. Only the file itself is looked at again, in case it is a link."""
        folder, name = os.path.split(pad)
        if name in ("", ".", ".."):
            return os.path.realpath(pad)
        if folder not in self._echt:
            self._echt[folder] = os.path.realpath(folder)
        real = os.path.join(self._echt[folder], name)
        return os.path.realpath(real) if os.path.islink(real) else real

    def dag(self, paden: Iterable[str | os.PathLike]) -> Optional[date]:
        """The newest day of `paden`; None when none of them is known."""
        found = [self.dagen.get(self._echt_pad(p)) for p in paden]
        return max((d for d in found if d is not None), default=None)
