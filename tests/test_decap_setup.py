"""scripts/decap.py: the editor's Decap CMS is installed only as package-lock.json pins it.

A stand-in `npm` on PATH "downloads" tarballs made here, so no network is needed."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "decap.py"
NAMES = ("decap-cms", "decap-cms-backend-gitea")


def tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def setup(tmp_path: Path, served: dict[str, bytes], locked: dict[str, bytes]) -> subprocess.CompletedProcess:
    """Run the script with a lock file pinning `locked` and an npm that hands out `served`."""
    npm_folder = tmp_path / "npm"
    npm_folder.mkdir()
    packages = {f"node_modules/{name}": {"version": "3.16.3", "integrity": integrity(data)} for name, data in locked.items()}
    (npm_folder / "package-lock.json").write_text(json.dumps({"packages": packages}), encoding="utf-8")
    store = tmp_path / "register"
    store.mkdir()
    for name, data in served.items():
        (store / f"{name}-3.16.3.tgz").write_bytes(data)
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "npm"
    fake.write_text(f"""#!/bin/sh
# npm pack NAME@VERSION ... --silent --pack-destination DIR
dest=""; prev=""
for a in "$@"; do [ "$prev" = "--pack-destination" ] && dest="$a"; prev="$a"; done
cp {store}/*.tgz "$dest"/
""", encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_folder}:{os.environ['PATH']}"}
    return subprocess.run([sys.executable, str(SCRIPT), str(npm_folder)], capture_output=True, text=True, env=env)


def test_the_locked_packages_are_unpacked_and_nothing_else(tmp_path):
    good = {name: tarball({"package/package.json": b"{}", f"package/dist/{name}.js": name.encode()}) for name in NAMES}
    result = setup(tmp_path, good, good)
    assert result.returncode == 0, result.stderr
    modules = tmp_path / "npm" / "node_modules"
    assert sorted(p.name for p in modules.iterdir()) == sorted(NAMES)
    assert (modules / "decap-cms" / "dist" / "decap-cms.js").read_bytes() == b"decap-cms"


def test_a_package_that_is_not_the_locked_one_is_refused(tmp_path):
    locked = {name: tarball({"package/dist/a.js": b"echt"}) for name in NAMES}
    served = {**locked, "decap-cms": tarball({"package/dist/a.js": b"anders"})}
    result = setup(tmp_path, served, locked)
    assert result.returncode != 0
    assert "decap-cms 3.16.3: het gedownloade pakket is niet het pakket uit package-lock.json" in result.stderr
    assert not (tmp_path / "npm" / "node_modules" / "decap-cms").exists()


def test_a_file_outside_the_package_is_never_written(tmp_path):
    hostile = {name: tarball({"package/../../buiten.txt": b"x"}) for name in NAMES}
    result = setup(tmp_path, hostile, hostile)
    assert result.returncode != 0 and "onverwacht bestand" in result.stderr
    assert not list(tmp_path.rglob("buiten.txt"))
