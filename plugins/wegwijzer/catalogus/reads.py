"""Reading a project's folders safely: only what lies inside the project, and every failure in Dutch.

A symbolic link in `content/` or in the catalogus that points outside the project
(`content/wachtwoorden.md -> /etc/passwd`) once put that file on the website as it
was. A link is fine as long as it stays inside the project (the folder with
mkdocs.yml); one that leads out is refused, naming the link and where it points.

A folder or file nobody may read, and a Markdown page that is not UTF-8, made the
build stop with a Python traceback (or, for a folder, skip its pages without a
word); here they become problems with file, line and what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Callable

from .problems import Mark, Problem
from .static_files import suffix_problem, svg_problem
from .yaml_source import MAX_FILE_BYTES


#: The operating system's reasons, which Python gives in English.
_REASONS = {
    errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map", errno.EISDIR: "dit is een map",
    errno.ENOSPC: "de schijf is vol", errno.EROFS: "de schijf is alleen te lezen", errno.ELOOP: "de links wijzen in een kring",
    errno.ENAMETOOLONG: "de naam is te lang", errno.EEXIST: "bestaat al", errno.EIO: "leesfout van de schijf",
}


def reason(error: OSError) -> str:
    """Why an operation on a file failed, in Dutch (the English text when there is no Dutch one)."""
    return _REASONS.get(error.errno, error.strerror or str(error))


def outside(path: str | os.PathLike, project: Path) -> Path | None:
    """Where the link `path` leads when that is outside `project` (a resolved path); else None."""
    try:
        target = Path(os.path.realpath(path))
    except (OSError, ValueError):  # a loop of links
        return Path(os.readlink(path)) if os.path.islink(path) else None
    if target.is_relative_to(project / ".git"):
        return target  # inside the project, but git's own files: its config may hold a token
    return None if target.is_relative_to(project) else target


def link_problem(path: str | os.PathLike, project: Path, display: Callable[[Path], str]) -> Problem | None:
    """A problem when the link at `path` leads outside `project`."""
    target = outside(path, project)
    if target is None:
        return None
    return Problem(
        Mark(display(Path(path))), "",
        f"deze link wijst naar {target}, "
        + ("in de map .git (de geschiedenis en instellingen van git)" if target.is_relative_to(project / ".git") else f"buiten het project ({project})")
        + "; zo'n bestand wordt niet gelezen",
        "zet het bestand zelf in het project, of haal de link weg",
    )


def unreadable_folder(path: str | os.PathLike, error: OSError, display: Callable[[Path], str]) -> Problem:
    return Problem(
        Mark(display(Path(path))), "",
        f"kan deze map niet lezen ({reason(error)})",
        "geef iedereen die de site bouwt leesrechten, bijvoorbeeld met 'chmod -R a+rX' op de map",
    )


def unreadable_file(path: str | os.PathLike, error: OSError, display: Callable[[Path], str]) -> Problem:
    return Problem(
        Mark(display(Path(path))), "",
        f"kan het bestand niet lezen ({reason(error)})",
        "geef iedereen die de site bouwt leesrechten, bijvoorbeeld met 'chmod a+r' op het bestand",
    )


def too_large(path: str | os.PathLike, size: int, display: Callable[[Path], str]) -> Problem:
    return Problem(
        Mark(display(Path(path))), "",
        f"het bestand is te groot ({size / 1024 / 1024:.0f} MB; hooguit {MAX_FILE_BYTES // 1024 // 1024} MB)",
        "een catalogusbestand of pagina is een paar KB; controleer of dit het goede bestand is",
    )


def not_utf8(path: str | os.PathLike, raw: bytes, error: UnicodeDecodeError, display: Callable[[Path], str]) -> Problem:
    """The first byte that is not UTF-8, at its line and column."""
    line = raw[: error.start].count(b"\n") + 1
    column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
    return Problem(
        Mark(display(Path(path)), line, column), "",
        "dit bestand is geen UTF-8",
        "sla het op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)",
    )


def text_problem(path: str | os.PathLike, display: Callable[[Path], str]) -> Problem | None:
    """What keeps the text file at `path` from being read as UTF-8, if anything."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            return too_large(path, size, display)
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        return unreadable_file(path, error, display)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return not_utf8(path, raw, error, display)
    return None


def folder_problems(folder: Path, project: Path, display: Callable[[Path], str], skip: Callable[[str], bool] = lambda relative: False,
                    active: bool = False) -> list[Problem]:
    """Everything below `folder` that cannot be read safely: links out of `project`, unreadable
    folders and files, Markdown that is not UTF-8, something that is no file at all (a pipe would
    make the build wait forever), and unless `active` (eigen_html), a file that runs script on the
    site's origin when opened (`active_problem`). `skip(relative path)` leaves an entry out.

    Links to folders are followed as MkDocs follows them, each real folder once.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    pending = [(str(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        real = os.path.realpath(directory)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            problems.append(unreadable_folder(directory, error, display))
            continue
        for entry in entries:
            relative = prefix + entry.name
            if entry.name.startswith(".") or skip(relative):
                continue
            if entry.is_symlink():
                found = link_problem(entry.path, project, display)
                if found:
                    problems.append(found)
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                pending.append((entry.path, relative + "/"))
                continue
            try:
                regular = stat.S_ISREG(entry.stat().st_mode)
            except OSError as error:
                problems.append(unreadable_file(entry.path, error, display))
                continue
            if not regular:
                problems.append(Problem(Mark(display(Path(entry.path))), "", "dit is geen gewoon bestand (bijvoorbeeld een pijp of apparaat); de build zou erop blijven wachten", "haal het weg uit de map"))
                continue
            found = None if active else active_problem(entry.path, display)
            if found:
                problems.append(found)
            elif entry.name.endswith(".md"):
                found = text_problem(entry.path, display)
                if found:
                    problems.append(found)
            else:
                try:
                    with open(entry.path, "rb"):
                        pass
                except OSError as error:
                    problems.append(unreadable_file(entry.path, error, display))
    return problems


def active_problem(path: str | os.PathLike, display: Callable[[Path], str]) -> Problem | None:
    """A problem when the file at `path` could run script if opened on the published site (`static_files.py`)."""
    name = os.fspath(path)
    why = suffix_problem(name)
    if why is None and name.lower().endswith(".svg"):
        try:
            with open(path, "rb") as file:
                why = svg_problem(file.read(MAX_FILE_BYTES))
        except OSError as error:
            return unreadable_file(path, error, display)
        if why:
            return Problem(Mark(display(Path(path))), "", why, "sla het plaatje opnieuw op zonder scripts of links (bijvoorbeeld als 'Plain SVG'), of als PNG")
    if why:
        return Problem(Mark(display(Path(path))), "", why + "; de browser zou het uitvoeren als deel van je site",
                       "maak er een pagina in Markdown (.md) of een PDF van; echte eigen HTML kan alleen met 'eigen_html: true' in mkdocs.yml (docs/veiligheid.md)")
    return None
