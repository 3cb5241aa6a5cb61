"""`wegwijzer nieuw`: a new entry file with every field and what goes there."""

from __future__ import annotations

import sys
from pathlib import Path

from ..catalogus import schema
from ..catalogus.json_schema import KINDS
from ..catalogus.soorten import PER_BESTAND
from .bestanden import schema_line

#: Kind -> (folder, rule): every kind an editor writes one file per entry of.
SOORTEN = {soort.naam: (soort.map, soort.regel) for soort in PER_BESTAND.values()}


def skeleton(record: schema.Record) -> str:
    """Every field of `record`, empty, each under a comment saying what goes there.

    Optional fields are commented out; remove the # to use one.
    """
    lines = []
    for name, field in record.fields.items():
        if isinstance(field.type, schema.Old):
            continue  # a renamed field is still read, but never offered
        optional = "" if field.required else " (niet verplicht)"
        lines.append(f"# {field.help or name}{optional}")
        prefix = "" if field.required else "# "
        if isinstance(field.type, schema.ListOf):
            lines += [f"{prefix}{name}:", f"{prefix}  - "]
        elif isinstance(field.type, schema.Record):
            lines.append(f"{prefix}{name}:")
            lines += [f"{prefix}  {sub}: " for sub in field.type.fields]
        elif isinstance(field.type, schema.Text) and name in ("omschrijving", "citaat"):
            lines += [f"{prefix}{name}: |", f"{prefix}  "]
        else:
            lines.append(f"{prefix}{name}: ")
        lines.append("")
    return "\n".join(lines)


def run(args) -> int:
    folder, record = SOORTEN[args.soort]
    if probleem := schema.id_probleem(args.id, PER_BESTAND[folder].eigen_pagina):
        print("{}: {}.".format(*probleem), file=sys.stderr)
        return 1
    catalogus = Path(args.map)
    if not (catalogus / "catalogus.yml").is_file():
        print(f"{catalogus} is geen catalogusmap (catalogus.yml ontbreekt). Geef de map op met --map.", file=sys.stderr)
        return 1
    path = catalogus / folder / f"{args.id}.yml"
    if path.exists():
        print(f"{path} bestaat al; kies een andere id.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    header = schema_line(path, args.soort, catalogus)
    intro = f"# {KINDS[args.soort][1]}: {args.id}. Vul de velden in; 'wegwijzer check' zegt wat nog ontbreekt.\n\n"
    path.write_text(header + intro + skeleton(record), encoding="utf-8")
    print(f"Geschreven: {path}")
    return 0
