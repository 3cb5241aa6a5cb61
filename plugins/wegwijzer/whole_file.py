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
    """Write `path` through `write(file)`; on any failure the old file stays and nothing is left behind.

    The file keeps the permissions of the one it replaces, or gets those of any new
    file of the editor's: `mkstemp` would make it readable by its owner only, which a
    web server refuses to serve and a colleague cannot read.
    """
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        mode = 0o666 & ~umask()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path`, whole or not at all."""
    write_whole(path, lambda out: out.write(content))


def umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
