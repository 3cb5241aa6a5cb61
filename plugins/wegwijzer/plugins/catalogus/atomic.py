"""A failed build changes nothing: build beside the site, swap it in only on success.

MkDocs empties the site folder at the start of a build. If the build then fails
(a broken link in --strict, a plugin error), the published folder is half gone.
So `mkdocs build` writes into a fresh folder next to it, and only when the build
has ended without an error does that folder take the site's place.

`tempfile.mkdtemp` makes its folder readable by its owner only (drwx------), which
a web server refuses to serve; the new folder gets the ordinary permissions of a
folder made by the editor (755 with the usual umask 022).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class AtomicSite:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False

    def start(self, config) -> None:
        """Point the build at a new folder beside `site_dir` (same disk, so the swap is a rename)."""
        self.target = Path(config.site_dir)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-bouw-", dir=self.target.parent))
        self.staging.chmod(0o777 & ~_umask())
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
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
