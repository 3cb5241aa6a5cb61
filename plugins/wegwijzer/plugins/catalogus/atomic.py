"""A failed build changes nothing: build beside the site, swap it in only on success.

MkDocs empties the site folder at the start of a build. If the build then fails
(a broken link in --strict, a plugin error), the published folder is half gone.
So `mkdocs build` writes into a fresh folder next to it, and only when the build
has ended without an error does that folder take the site's place.

`tempfile.mkdtemp` makes its folder readable by its owner only (drwx------), which
a web server refuses to serve; the new folder gets the ordinary permissions of a
folder made by the editor (755 with the usual umask 022).

The old site is thrown away after the command has ended, by a process of its own:
deleting tens of thousands of files takes about a second at 1,000 knelpunten and
several at 5,000, and the editor need not wait for it. It is renamed out of the
way first (`.site-oud-…`), so the new site is whole the moment the command
ends; a deletion that was cut off is finished by the next build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ...whole_file import umask


class AtomicSite:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False

    def start(self, config) -> None:
        """Point the build at a new folder beside `site_dir` (same disk, so the swap is a rename)."""
        self.target = Path(config.site_dir)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _delete_later(self.target.parent.glob(f".{self.target.name}-oud-*"))  # left by a deletion that was cut off
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-bouw-", dir=self.target.parent))
        self.staging.chmod(0o777 & ~umask())
        config.site_dir = str(self.staging)

    def built(self) -> None:
        self.succeeded = True

    def failed(self) -> None:
        self.succeeded = False

    def finish(self) -> None:
        """Called when MkDocs shuts down: swap in the new site, or throw the attempt away."""
        if self.staging is None or not self.staging.exists():
            return
        if not self.succeeded:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-oud-", dir=self.target.parent))
            old.rmdir()
            self.target.rename(old)
        self.staging.rename(self.target)
        if old is not None:
            _delete_later([old])


#: Deletes the folders named after it, quietly; a run of its own, so it outlives the build.
_DELETER = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, ignore_errors=True)"


def _delete_later(folders) -> None:
    """Delete `folders` in a process of its own that goes on after this one has ended."""
    folders = [str(folder) for folder in folders]
    if not folders:
        return
    try:
        subprocess.Popen([sys.executable, "-c", _DELETER, *folders], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no new process to be had: delete them now
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
