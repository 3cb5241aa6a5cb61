"""Writing a file whole or not at all.

Everything the program writes for someone else to read – an editor's YAML, a
PDF in the site, a kept cache file – is written beside its place and then
swapped in: a build that is stopped halfway, a full disk or a second build at
the same moment never leaves half a file where a whole one was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def write_whole(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `write(file)`; on any failure the old file stays and nothing is left behind."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path`, whole or not at all."""
    write_whole(path, lambda out: out.write(content))
