"""JSON Schemas for every kind of catalogus file, generated from `schema.py`.

One source of truth: the rules the loader checks are the rules an editor's
VS Code (with the YAML extension) checks while typing, through the line
`# yaml-language-server: $schema=...` at the top of each file.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import schema
from .soorten import PER_BESTAND

#: Schema name -> (rule, title). Names match the kinds in `wegwijzer nieuw`.
KINDS = {
    "catalogus": (schema.CATALOGUS, "Over deze Wegwijzer (catalogus.yml)"),
    "stap": (schema.STAP, "Een stap met zijn substappen (stappen/*.yml)"),
    "werkdrukmodel": (schema.WERKDRUKMODEL, "Het werkdrukmodel (werkdrukmodel.yml)"),
    "werksessie": (schema.WERKSESSIE, "De werksessie (werksessie.yml)"),
    "criteria": (schema.CRITERIA, "De lijst van criteria (criteria.yml)"),
    "scan": (schema.SCAN, "De werkdrukscan (scan.yml)"),
    "normen": (schema.NORMEN, "Eigen wetsbepalingen of cao-artikelen (normen.yml)"),
    **{soort.naam: (soort.regel, soort.beschrijving) for soort in PER_BESTAND.values()},
}

#: Which schema a file in a catalogus follows, by its place.
FOLDER_KINDS = {"stappen": "stap", **{folder: soort.naam for folder, soort in PER_BESTAND.items()}}

#: Where the package keeps the generated schemas.
PACKAGE_SCHEMAS = Path(__file__).resolve().parent.parent / "schema"


def json_schemas() -> dict[str, dict]:
    return {
        name: {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **record.json_schema()}
        for name, (record, title) in KINDS.items()
    }


def kind_of(relative_path: str) -> str | None:
    """The schema for a file at `relative_path` inside a catalogus ('knelpunten/x.yml' -> 'knelpunt')."""
    parts = relative_path.split("/")
    if len(parts) == 2:
        return FOLDER_KINDS.get(parts[0])
    name = parts[0].removesuffix(".yml")
    return name if name in KINDS and len(parts) == 1 else None


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in json_schemas().items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
