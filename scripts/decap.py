"""Install the files of Decap CMS that the browser editor uses, exactly as package-lock.json pins them.

The editor serves Decap's ready-made bundle (`decap-cms/dist/`), which holds everything it runs;
`wegwijzer wiel` also carries Decap's MIT licence, which `decap-cms` itself does not publish (its
sibling packages do). `npm ci` would unpack all 478 packages `decap-cms` declares (380 MB, about
24 s of a fresh set-up) that the bundle does not need. This fetches the two tarballs with npm (its
registry settings apply), checks each against the lock file's integrity hash and unpacks them.

    python scripts/decap.py plugins/wegwijzer/plugins/editor/npm
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

#: The bundle, and a package of the same release that carries Decap's licence text.
PACKAGES = ("decap-cms", "decap-cms-backend-gitea")


def _unpack(tarball: Path, target: Path) -> None:
    """The tarball's `package/` folder as `target`; a member outside it (an absolute path, `..`,
    a link) is refused, though the hash already pins what is in it."""
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            parts = PurePosixPath(member.name).parts
            if not (member.isfile() or member.isdir()) or member.name.startswith("/") or ".." in parts or parts[:1] != ("package",):
                sys.exit(f"{tarball.name}: onverwacht bestand {member.name!r} in het pakket")
            destination = target.joinpath(*parts[1:])
            if member.isdir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)


def install(npm_folder: Path) -> None:
    locked = json.loads((npm_folder / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{locked[f'node_modules/{name}']['version']}" for name in PACKAGES]
        subprocess.run(["npm", "pack", *specs, "--silent", "--pack-destination", tmp], check=True, stdout=subprocess.DEVNULL)
        for name in PACKAGES:
            entry = locked[f"node_modules/{name}"]
            tarball = Path(tmp) / f"{name}-{entry['version']}.tgz"
            algorithm, expected = entry["integrity"].split("-", 1)
            found = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
            if found != expected:
                sys.exit(f"{name} {entry['version']}: het gedownloade pakket is niet het pakket uit package-lock.json")
            target = npm_folder / "node_modules" / name
            shutil.rmtree(target, ignore_errors=True)
            _unpack(tarball, target)


if __name__ == "__main__":
    install(Path(sys.argv[1]))
