"""Writing catalogus files the way an editor would: readable YAML with a schema line."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from ..catalogus.json_schema import PACKAGE_SCHEMAS


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a block (|), so the file reads like the examples."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)


def yaml_text(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def schema_line(file: Path, kind: str, catalogus: Path) -> str:
    """`# yaml-language-server: $schema=...` pointing at the project's schema folder, or the package's."""
    project = catalogus.resolve().parent / "schema" / f"{kind}.json"
    target = project if project.is_file() else PACKAGE_SCHEMAS / f"{kind}.json"
    return f"# yaml-language-server: $schema={Path(os.path.relpath(target, file.resolve().parent)).as_posix()}\n"
