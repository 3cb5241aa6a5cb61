"""The one folder where the program keeps what it made, between runs and outside any project.

`$XDG_CACHE_HOME/wegwijzer/` or `~/.cache/wegwijzer/`: the loaded catalogus, the
compiled templates and the PDFs each have a folder in it. Everything there can be
made again, so without a home folder the program only works slower.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(*parts: str) -> Path | None:
    """The folder `parts` below the program's cache folder; None when there is no home folder."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no entry in the password database
        return None
    return base.joinpath("wegwijzer", *parts)
