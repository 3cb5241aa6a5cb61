"""A wheel of the program that runs now, for a guide to carry (`programma/`).

A guide's publishing workflows install this wheel, so they need no package
index, no tag and no repository address, and they build with exactly the
program the editor has. It is made offline from the imported package folder,
whether the program was installed from a wheel or editable (`pip install -e .`):

- the package files, without __pycache__, *.pyc, node_modules, hidden files
  and editor backups;
- Decap CMS's JavaScript for the browser editor (`*decap-cms.js`, with Decap's
  licence and the notices of what its bundle contains) in
  `wegwijzer/plugins/editor/decap/`, where the editor plugin looks first, so a
  guide's workflow needs no npm;
- `{name}-{version}.dist-info/` (PEP 427): METADATA and entry_points.txt as
  installed (importlib.metadata), WHEEL, top_level.txt and RECORD with sha256.

Every entry has the same fixed time and mode, in a fixed order: the same program
gives the same bytes, so `wegwijzer bijwerken` changes nothing when nothing changed.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import json
import os
import re
import sys
import tomllib
import zipfile
from pathlib import Path

from ..decap import VENDORED, decap_folder

NAAM = "arbo-wegwijzer"
#: The folder of the `wegwijzer` package that runs now.
PACKAGE = Path(__file__).resolve().parent.parent
#: Where the editor plugin looks first for Decap CMS, inside the wheel.
DECAP = VENDORED.relative_to(PACKAGE.parent).as_posix()
#: A wheel of this program, as `wheel_name` writes it (and nothing an editor would name so).
WHEEL_PATTERN = re.compile(r"arbo_wegwijzer-[0-9][0-9A-Za-z.+!_]*-py3-none-any\.whl")
_SKIP_FOLDERS = {"__pycache__", "node_modules"}
_SKIP_ENDINGS = (".pyc", ".pyo", "~", ".swp", ".orig", ".rej")
_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip file can hold
_MODE = 0o100644 << 16  # a regular file, readable by all


class WielFout(Exception):
    """The wheel cannot be made; the message is Dutch, for the editor."""


def _distribution() -> importlib.metadata.Distribution:
    try:
        return importlib.metadata.distribution(NAAM)
    except importlib.metadata.PackageNotFoundError:
        raise WielFout(
            f"dit programma is niet als pakket geïnstalleerd ({NAAM}), dus er is geen programma om mee te geven. "
            "Installeer het met pip (zie docs/starten.md) en probeer het opnieuw"
        ) from None


def wheel_name() -> str:
    """The file name of the wheel of the program that runs now."""
    return f"{_normalised(NAAM)}-{_distribution().version}-py3-none-any.whl"


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def decap_files(dist: Path | None = None) -> list[tuple[str, Path]]:
    """(name, file) of Decap CMS's JavaScript and licence texts the wheel carries; [] without them."""
    dist = dist or decap_folder()
    scripts = sorted(dist.glob("*decap-cms.js")) if dist.is_dir() else []
    if not scripts:
        return []
    files = [(path.name, path) for path in scripts]
    notices = dist / "decap-cms.js.LICENSE.txt"  # the licences of what webpack bundled into decap-cms.js
    if notices.is_file():
        files.append((notices.name, notices))
    # Decap's own MIT licence: beside the scripts when carried, else in the npm package or a sibling of it
    for licence in (dist / "LICENSE", dist.parent / "LICENSE", *sorted(dist.parent.parent.glob("decap-cms-*/LICENSE"))):
        if licence.is_file():
            files.append(("LICENSE", licence))
            break
    return files


def copy_decap(target: Path) -> int:
    """Put Decap CMS's files into `target` (the release workflow fills `VENDORED` so); how many."""
    files = decap_files()
    if not files:
        raise WielFout(f"de JavaScript van Decap CMS ontbreekt in {decap_folder()}; draai scripts/setup")
    target.mkdir(parents=True, exist_ok=True)
    for name, path in files:
        (target / name).write_bytes(path.read_bytes())
    return len(files)


def _package_files() -> list[tuple[str, Path]]:
    """(name in the wheel, file) of the package, without what does not belong in it."""
    found = []
    for folder, folders, names in os.walk(PACKAGE):
        here = Path(folder)
        # never walked into: node_modules alone holds tens of thousands of files
        folders[:] = [f for f in folders if f not in _SKIP_FOLDERS and not f.startswith(".") and here / f != VENDORED]
        for name in names:
            path = here / name
            if name.startswith(".") or name.endswith(_SKIP_ENDINGS) or not path.is_file():
                continue
            found.append((f"{PACKAGE.name}/{path.relative_to(PACKAGE).as_posix()}", path))
    return sorted(found)


def build() -> tuple[str, bytes]:
    """(file name, content) of the wheel of the program that runs now."""
    dist = _distribution()
    metadata = dist.read_text("METADATA")
    if not metadata:
        raise WielFout(f"de gegevens van {NAAM} (METADATA) ontbreken; installeer het programma opnieuw met pip")
    info = f"{_normalised(NAAM)}-{dist.version}.dist-info"
    entries = [(name, path.read_bytes()) for name, path in _package_files()]
    entries += [(f"{DECAP}/{name}", path.read_bytes()) for name, path in decap_files()]
    entries += [
        (f"{info}/METADATA", metadata.encode("utf-8")),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: wegwijzer (cli/wiel.py)\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{info}/entry_points.txt", (dist.read_text("entry_points.txt") or "").encode("utf-8")),
        (f"{info}/top_level.txt", f"{PACKAGE.name}\n".encode("utf-8")),
    ]
    record = "".join(f"{name},sha256={_digest(data)},{len(data)}\n" for name, data in entries) + f"{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode("utf-8")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, _TIME)
            entry.external_attr = _MODE
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return f"{info.removesuffix('.dist-info')}-py3-none-any.whl", out.getvalue()


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def stale() -> str:
    """Why an editable install's METADATA may not be the program's any more (Dutch), or ''.

    `pip install -e .` writes METADATA once; a dependency added to pyproject.toml later
    would be missing from the wheel, and the guide's workflow would not install it.
    """
    try:
        dist = _distribution()
        direct = json.loads(dist.read_text("direct_url.json") or "null") or {}
    except (WielFout, ValueError):
        return ""
    if not direct.get("dir_info", {}).get("editable"):
        return ""
    project = Path(direct.get("url", "").removeprefix("file://")) / "pyproject.toml"
    try:
        wanted = tomllib.loads(project.read_text(encoding="utf-8"))["project"]
    except (OSError, ValueError, KeyError):
        return ""
    have = {_requirement_name(line) for line in dist.requires or [] if "extra ==" not in line}
    missing = sorted({_requirement_name(line) for line in wanted.get("dependencies", [])} - have)
    if wanted.get("version") != dist.version or missing:
        return (
            f"{project} is veranderd sinds 'pip install -e' ({', '.join(missing) or 'de versie'}); het programma in programma/ "
            f"heeft de oude gegevens. Draai eerst 'pip install -e {project.parent}' en dan deze opdracht opnieuw"
        )
    return ""


def _requirement_name(requirement: str) -> str:
    return _normalised(re.split(r"[\s<>=!~;\[(@]", requirement.strip(), maxsplit=1)[0])


def main(argv: list[str] | None = None) -> int:
    """`python -m wegwijzer.cli.wiel decap MAP`: fill MAP with Decap CMS (the release workflow);
    `python -m wegwijzer.cli.wiel MAP`: write this program's wheel into MAP."""
    args = sys.argv[1:] if argv is None else argv
    try:
        if len(args) == 2 and args[0] == "decap":
            print(f"{copy_decap(Path(args[1]))} bestanden van Decap CMS in {args[1]}")
            return 0
        if len(args) == 1:
            name, data = build()
            (Path(args[0]) / name).write_bytes(data)
            print(Path(args[0]) / name)
            return 0
    except WielFout as error:
        print(f"Fout: {error}.", file=sys.stderr)
        return 1
    print(main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
