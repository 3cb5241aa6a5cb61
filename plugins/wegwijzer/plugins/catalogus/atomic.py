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

Before anything is written, the site folder is checked (`output_folder.py`): a
build never replaces the catalogus, the docs folder, overrides, mkdocs.yml, .git,
the project or a folder above it, nor a folder that is not an earlier site; not
from `wegwijzer bouwen --uit`, `mkdocs build -d` or `site_dir:` in mkdocs.yml.
What is in the docs folder is checked by the catalogus plugin's `on_files`
(`handpaginas.page_problems`), before any page is read.

A site folder that is a link (to the folder a web server serves, say) stays a
link: the new site is built beside the folder it leads to and takes that folder's
place, so the link leads to the new site. Swapping the link itself would leave
the served folder as it was, the new site in the project, and the link behind.

A build that was killed (kill -9, a full disk, a closed laptop) leaves its
`.site-bouw-…` folder behind; the next build throws it away. A build holds a lock
on `.site-bouw-….lock` beside its folder (`flock`) from before the folder exists
until it is swapped in or thrown away, and the kernel lets go of that lock when
the process ends however it ends: a folder whose lock can be taken belongs to a
build that is no longer running, and one whose lock is held is left alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from ...catalogus.reads import reason
from ...output_folder import SITE, make_folder, mark_site, own_layers, project_sources, refusal
from ...whole_file import umask

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: leftovers are then left for the editor
    fcntl = None

#: Beside a build's folder while it runs; held locked by the build (see above).
LOCK = ".lock"


class AtomicSite:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None
        self.lock: int | None = None  # the open, locked .lock file beside the staging folder
        self.succeeded = False

    def start(self, config) -> None:
        """Point the build at a new folder beside `site_dir` (same disk, so the swap is a rename).

        Raises PluginError, in Dutch and before anything is written, when `site_dir` is
        a place the site may not go (see `output_folder.py`).
        """
        self.target = Path(config.site_dir)
        problem = site_refusal(config, self.target)
        if problem is None:
            problem = make_folder(self.target.parent, f"de map voor de site ({self.target})")
        if problem is not None:
            raise PluginError(problem)
        left = set(self.target.parent.glob(f".{self.target.name}-oud-*"))  # by a deletion that was cut off
        if self.target.is_symlink():  # judged by where it leads (`refusal`); built there too
            self.target = Path(os.path.realpath(self.target))
            problem = make_folder(self.target.parent, f"de map voor de site ({self.target})")
            if problem is not None:
                raise PluginError(problem)
        parent = self.target.parent
        _delete_later(sorted(left | set(parent.glob(f".{self.target.name}-oud-*"))))
        _delete_later(_abandoned(parent, self.target.name))  # left by builds that were killed
        try:
            self.staging, self.lock = _locked_folder(parent, f".{self.target.name}-bouw-")
            self.staging.chmod(0o777 & ~umask())
        except OSError as error:
            self._unlock()
            raise PluginError(f"kan geen map maken naast {self.target} ({reason(error)}). Kies een map waarin je mag schrijven.") from None
        config.site_dir = str(self.staging)

    def built(self) -> None:
        self.succeeded = True

    def failed(self) -> None:
        self.succeeded = False

    def finish(self) -> None:
        """Called when MkDocs shuts down: swap in the new site, or throw the attempt away."""
        if self.staging is None or not self.staging.exists():
            self._unlock()
            return
        try:
            if not self.succeeded:
                shutil.rmtree(self.staging, ignore_errors=True)
                return
            mark_site(self.staging)
            old = None
            if self.target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-oud-", dir=self.target.parent))
                old.rmdir()
                self.target.rename(old)
            self.staging.rename(self.target)
            if old is not None:
                _delete_later([old])
        finally:
            self._unlock()

    def _unlock(self) -> None:
        """Remove the lock file, then let go of the lock: the folder is gone or is the site now."""
        if self.lock is None:
            return
        Path(f"{self.staging}{LOCK}").unlink(missing_ok=True)
        os.close(self.lock)
        self.lock = None


def site_refusal(config, target: Path) -> str | None:
    """Why the site may not be built at `target` (Dutch), or None; reads the sources from the live config."""
    project = Path(config.config_file_path or ".").resolve().parent
    plugin = config.plugins.get("wegwijzer/catalogus") if config.plugins else None
    catalogus = getattr(plugin, "catalogus", None)
    folders = own_layers(catalogus.lagen) if catalogus is not None else []
    if getattr(plugin, "folder", None):
        folders.append(Path(plugin.folder))
    custom_dir = config.theme.custom_dir if config.theme else None
    sources = project_sources(project, folders, Path(config.docs_dir), Path(custom_dir) if custom_dir else None,
                              Path(config.config_file_path) if config.config_file_path else None)
    return refusal(target, SITE, project, sources, f"de map voor de site ({target})",
                   "site (site_dir: site in mkdocs.yml, of wegwijzer bouwen --uit site)")


def _locked_folder(parent: Path, prefix: str) -> tuple[Path, int | None]:
    """A new folder in `parent`, and the open file descriptor of its lock, taken before the folder exists."""
    handle, lock = tempfile.mkstemp(prefix=prefix, suffix=LOCK, dir=parent)
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX)
    folder = Path(lock.removesuffix(LOCK))
    try:
        folder.mkdir()
    except OSError:
        os.close(handle)
        Path(lock).unlink(missing_ok=True)
        raise
    return folder, handle


def _abandoned(parent: Path, name: str) -> list[Path]:
    """The folders and lock files of builds of `name` in `parent` that are no longer running.

    A folder without a lock file (from a version without locks) is taken as abandoned too.
    Each lock taken here is let go only when this process ends, after the deleter has started,
    so a folder once found abandoned stays abandoned.
    """
    if fcntl is None:
        return []
    found = []
    for folder in parent.glob(f".{name}-bouw-*"):
        if folder.name.endswith(LOCK):
            if not Path(str(folder).removesuffix(LOCK)).exists() and _take(folder):
                found.append(folder)  # killed between making the lock and the folder
            continue
        lock = Path(f"{folder}{LOCK}")
        if not lock.exists() or _take(lock):
            found += [folder, lock]
    return found


#: Locks of abandoned builds, held until this process ends.
_TAKEN: list[int] = []


def _take(lock: Path) -> bool:
    """Whether the lock on `lock` could be had: no running build holds it."""
    try:
        handle = os.open(lock, os.O_RDWR)
    except OSError:
        return False  # gone meanwhile: its build has just ended
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        return False
    _TAKEN.append(handle)
    return True


#: Deletes the folders named after it, quietly; a run of its own, so it outlives the build.
#: A link is removed, never what it leads to.
_DELETER = ("import os, shutil, sys\nfor path in sys.argv[1:]:\n"
            "    shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) and not os.path.islink(path) "
            "else os.path.lexists(path) and os.remove(path)")


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
            shutil.rmtree(folder, ignore_errors=True) if os.path.isdir(folder) and not os.path.islink(folder) else Path(folder).unlink(missing_ok=True)
