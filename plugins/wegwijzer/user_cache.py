"""The one folder where the program keeps what it made, between runs and outside any project.

`$XDG_CACHE_HOME/wegwijzer/` or `~/.cache/wegwijzer/`: the loaded catalogus, the
compiled templates and the PDFs each have a folder in it. Everything there can be
made again, so without a home folder the program only works slower.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable

from .whole_file import write_whole


def user_cache(*parts: str) -> Path | None:
    """The folder `parts` below the program's cache folder; None when there is no home folder."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no entry in the password database
        return None
    return base.joinpath("wegwijzer", *parts)


def write_kept(place: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write a kept file whole (`whole_file`); False when it could not be written: a full
    disk or a home folder that cannot be written only costs time."""
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        write_whole(place, write)
        return True
    except OSError:
        return False


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Remove all but the `count` most recently used files matching `pattern`: the cache stays small."""
    try:
        for old in sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)[count:]:
            old.unlink(missing_ok=True)
    except OSError:  # removed meanwhile by another build
        pass
