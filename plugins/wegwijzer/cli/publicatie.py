"""The files for publishing that `wegwijzer start` writes into a guide, and how to tell whether the editor changed them.

- `programma/arbo_wegwijzer-<versie>-py3-none-any.whl`: the program itself (`wiel.py`),
  which both workflows install: they need no package index, tag or repository address;
- `.github/workflows/publiceren.yml` (GitHub Pages) and `.gitlab-ci.yml` (GitLab Pages);
- `.gitignore`, with `site/` and `public/`, the folders the site is built in.

`wegwijzer bijwerken` replaces such a file only while it is exactly what an earlier
version wrote (`EARLIER`), so an editor's change is never overwritten; it never
makes one the editor removed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

#: The folder in a guide that holds the program its workflows install (one wheel, `wiel.WHEEL_PATTERN`).
FOLDER = "programma"
TEMPLATES = Path(__file__).resolve().parent.parent / "start"
#: Each file in a guide, and its template in start/.
FILES = {
    ".github/workflows/publiceren.yml": "publiceren.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
    ".gitignore": "gitignore",
    "bekijken": "bekijken",  # the preview with the editor, for an editor who has only this folder
}
#: The fingerprints (`fingerprint`) of what earlier versions wrote, or docs/publiceren.md
#: told to copy: a file that is one of these, nobody changed. When a template changes,
#: add the fingerprint of its old text here (tests/test_publicatie.py checks the Git history).
EARLIER = {
    ".github/workflows/publiceren.yml": {
        "170e3934e5b179c7bac325e2267a98a9696d13619f488d9ee847b0c86a4a293b",  # the wheel from programma/, without the ProperDocs note
        "8a682fbe5dc87251e075cbf79b755e8ec216e5ade33d08e8be11f7b2dc10b0b0",  # pip install arbo-wegwijzer
        "2a93113fa906af70b7ed4b934d1440a853e1c2ea765cb3c943c961a1c5d24747",  # with npm for the editor
        "6892b94f27da9718300286f63b5aa2dd04a6008eb3cdbfc3b9755d5ac18b8c47",  # a pinned version from PyPI
    },
    ".gitlab-ci.yml": {
        "79c6f5ecc5d86ae76cfc69fc9d2802e662a9a0fec5b4b4b85dfaf359f117872c",  # the wheel from programma/, without the ProperDocs note
        "9bfb4261ac8d40b018fb4137735782ac088c7975d2498c25608c3e3f9261997a",
        "b1f4f5eebc97a2c8a7dd0c96ba53bac9f053ddad45520a47e6818b3d46d4d96d",
        "b8ed6d14e3600874dfbaef138d75eed9daffd8c57c168c332a0d87ca81a70806",
    },
    ".gitignore": {
        "535789b41fe37e2b020a74c7cab10a0349e79353d2b44611b40ffd867d5e54bc",  # site/ .venv/
        "79b68fb5c92ed08ff0f5a30044f3cd218c0485858a12986503623a6f5cdea37b",  # site/ .venv/ .cache/
    },
    "bekijken": set(),
}
#: The line with which a workflow installs the carried program.
INSTALL = f"pip install {FOLDER}/arbo_wegwijzer-*.whl"


def template(name: str) -> str:
    """The text this version writes for a guide's file `name` (a key of `FILES`)."""
    return (TEMPLATES / FILES[name]).read_text(encoding="utf-8")


def fingerprint(text: str) -> str:
    """sha256 of a file's text, the same whatever line endings and whatever version a pinned `pip install` named."""
    text = re.sub(r'pip install "[^"\n]*"', 'pip install "{pakket}"', text.replace("\r\n", "\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def untouched(name: str, text: str) -> bool:
    """Whether `text` is what an earlier version wrote for `name`: nobody changed it."""
    return fingerprint(text) in EARLIER[name]


def still_to_do(name: str, text: str) -> str:
    """What an editor who changed `name` still has to do for this version, in Dutch; '' when nothing."""
    if name == ".gitignore":
        if {line.strip().strip("/") for line in text.splitlines()} & {"public"}:
            return ""
        return "je hebt dit bestand zelf veranderd, dus bijwerken laat het staan. Zet er een regel public/ bij: daarin bouwt GitLab de site"
    if f"{FOLDER}/arbo_wegwijzer-" in text:
        return ""
    return (
        "je hebt dit bestand zelf veranderd, dus bijwerken laat het staan. Verander de regel met 'pip install' in "
        f"'{INSTALL}': dan installeert hij het programma uit de map {FOLDER}/, zonder npm. "
        f"Zo ziet het hele bestand er nu uit: {TEMPLATES / FILES[name]}"
    )
