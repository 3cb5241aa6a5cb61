"""Where a new guide's publishing workflow gets this program from: the version installed here.

A workflow that installs "the latest" builds with whatever was released last, so
a guide that worked yesterday can break without anyone changing it. `wegwijzer
start` pins what the editor has: the version from PyPI, or the exact commit of the
Git repository it came from (pip records that in `direct_url.json`, PEP 610).
"""

from __future__ import annotations

import importlib.metadata
import json

NAAM = "arbo-wegwijzer"


def pinned() -> tuple[str, str]:
    """(what `pip install` gets in the workflow, a warning for the editor or "")."""
    try:
        dist = importlib.metadata.distribution(NAAM)
    except importlib.metadata.PackageNotFoundError:
        return NAAM, f"{NAAM} is niet als pakket geïnstalleerd; de workflow installeert de nieuwste versie van PyPI"
    exact = f"{NAAM}=={dist.version}"
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except ValueError:
        direct = None
    if not direct:
        return exact, ""  # from a package index
    url = direct.get("url", "")
    vcs = direct.get("vcs_info")
    if vcs and not url.startswith("file:"):
        return f"{NAAM} @ {vcs['vcs']}+{url}@{vcs['commit_id']}", ""
    if "archive_info" in direct and not url.startswith("file:"):
        return f"{NAAM} @ {url}", ""
    return exact, (
        f"dit programma is geïnstalleerd uit {url.removeprefix('file://')}, dat de workflow niet kan bereiken. "
        f"Hij installeert nu {exact} van PyPI. Staat die versie daar niet, zet dan in "
        ".github/workflows/publiceren.yml bij 'pip install' het adres van de Git-repository met een vaste versie, "
        f"bijvoorbeeld \"{NAAM} @ git+https://…/arbo-wegwijzer.git@v{dist.version}\""
    )
