"""`wegwijzer start`: a new sector guide on the base, ready to build in minutes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..catalogus.json_schema import write_schemas
from .bestanden import schema_line, yaml_text
from ..catalogus.reads import reason
from ..output_folder import make_folder
from . import publicatie

TEMPLATES = Path(__file__).resolve().parent.parent / "start"


def run(args) -> int:
    root = Path(args.map)
    if root.exists() and not root.is_dir():
        print(f"{root}: dit is een bestand, geen map. Kies een nieuwe of lege map.", file=sys.stderr)
        return 1
    try:
        if root.exists() and any(root.iterdir()):
            print(f"{root} is niet leeg. Kies een nieuwe of lege map.", file=sys.stderr)
            return 1
    except OSError as error:
        print(f"{root}: kan deze map niet lezen ({reason(error)}). Kies een nieuwe of lege map.", file=sys.stderr)
        return 1
    problem = make_folder(root, str(root))
    if problem:
        print(problem, file=sys.stderr)
        return 1
    catalogus = root / "catalogus"
    for folder in (catalogus / "knelpunten", catalogus / "oplossingen", root / "content", root / "overrides"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitkeep").touch()
    write_schemas(root / "schema")
    # The stable id a visitor's browser keeps everything under: chosen once, never changed.
    slug = re.sub(r"[^a-z0-9]+", "-", args.sector.lower()).strip("-") or "sector"
    info = {
        "id": f"werkdruk-{slug}",
        "titel": args.titel or f"Werkdruk Wegwijzer {args.sector}",
        "sector": args.sector,
        "uitgever": args.uitgever,
        "versie": "0.1",
        "basis": "werkdruk",
        "weglaten": [],
        "mkb_leestijd_max": 10,
    }
    path = catalogus / "catalogus.yml"
    path.write_text(schema_line(path, "catalogus", catalogus) + yaml_text(info), encoding="utf-8")
    mkdocs = (TEMPLATES / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for name in publicatie.FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(publicatie.template(name), encoding="utf-8")
    (root / "bekijken").chmod(0o755)  # a script: ./bekijken starts the preview with the editor
    # the program itself, which the workflows install: no package index needed
    from . import wiel  # here, not above: it loads the editor plugin, which no other command needs at start

    try:
        wheel, content = wiel.build()
    except wiel.WielFout as error:
        warnings = [f"{error}; zonder het programma in {publicatie.FOLDER}/ werken de workflows niet"]
    else:
        (root / publicatie.FOLDER).mkdir()
        (root / publicatie.FOLDER / wheel).write_bytes(content)
        warnings = [wiel.stale()]
        if not wiel.decap_files():
            warnings.append(
                "in dit programma ontbreekt de editor in de browser (Decap CMS), dus met 'editor:' in catalogus.yml "
                "bouwt de site niet. Installeer het programma uit een release, of draai scripts/setup in de broncode"
            )
    print(f"Nieuwe Wegwijzer in {root}. Bekijken en bewerken in je browser:")
    print(f"  {root / 'bekijken'}")
    print("en open dan http://127.0.0.1:8000/admin/")
    for warning in filter(None, warnings):
        print(f"Let op: {warning}.")
    return 0
