"""The one folder where the program keeps what it made, between runs and outside any project.

`$XDG_CACHE_HOME/wegwijzer/` or `~/.cache/wegwijzer/`: the loaded catalogus, the
compiled templates and the PDFs each have a folder in it. Everything there can be
made again, so without a home folder the program only works slower.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def user_cache(*parts: str) -> Path | None:
    """The folder `parts` below the program's cache folder; None when there is no home folder."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no entry in the password database
        return None
    return base.joinpath("wegwijzer", *parts)


def write_whole(place: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write `place` through `write(file)` next to it and swap it in, so a reader (another
    build at the same time, too) never sees half a file. False when that could not be done:
    a full disk or a home folder that cannot be written only costs time."""
    temporary = None
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=place.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, place)
        return True
    except BaseException as error:  # nothing half-written is left behind, whatever went wrong
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            return False
        raise


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Remove all but the `count` most recently used files matching `pattern`: the cache stays small."""
    try:
        for old in sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)[count:]:
            old.unlink(missing_ok=True)
    except OSError:  # removed meanwhile by another build
        pass
