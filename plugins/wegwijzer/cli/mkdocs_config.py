"""mkdocs.yml checked before MkDocs starts, so an editor reads its mistakes in Dutch.

MkDocs reports a broken mkdocs.yml in English, and for some mistakes with a
Python traceback: a YAML syntax error, a plugin or theme that is not installed,
an INHERIT file that is missing, nesting so deep that Python gives up. Here the
file is read without running anything (tags such as !ENV are read as nothing),
following INHERIT as MkDocs does, and every problem gets file, line, column and
what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

from ..catalogus.handpaginas import _LenientLoader
from ..catalogus.loader import display_path
from ..catalogus.problems import Mark, Problem, did_you_mean
from ..catalogus.reads import MAX_FILE_BYTES, not_utf8, too_large, unreadable_file
from ..catalogus.yaml_source import _syntax_problem

#: INHERIT chains are short; never loop.
MAX_INHERIT = 5


@dataclass
class MkDocsConfig:
    """What the commands need from mkdocs.yml (and the files it inherits), with its problems."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)  # merged: the file's own settings over inherited ones
    problems: list[Problem] = field(default_factory=list)

    @property
    def project(self) -> Path:
        return self.path.resolve().parent

    def folder(self, key: str, default: str | None) -> Path | None:
        value = self.data.get(key, default)
        return self.project / value if isinstance(value, str) else None

    @property
    def custom_dir(self) -> Path | None:
        theme = self.data.get("theme")
        value = theme.get("custom_dir") if isinstance(theme, dict) else None
        return self.project / value if isinstance(value, str) else None

    @property
    def catalogus(self) -> Path:
        for item in self.data.get("plugins") or []:
            if isinstance(item, dict) and isinstance(item.get("wegwijzer/catalogus"), dict):
                folder = item["wegwijzer/catalogus"].get("catalogus")
                if isinstance(folder, str):
                    return self.project / folder
        return self.project / "catalogus"


def read_config(path: Path) -> MkDocsConfig:
    """mkdocs.yml at `path`, read and checked; see `MkDocsConfig.problems`."""
    config = MkDocsConfig(path)
    chain: list[dict] = []
    current, seen = path, set()
    while len(chain) < MAX_INHERIT:
        data, node, problems = _read(current)
        config.problems += problems
        if problems or not isinstance(data, dict):
            if not problems and data is not None:
                config.problems.append(Problem(Mark(display_path(current)), "", "dit is geen lijst van instellingen", "schrijf elke instelling als 'naam: waarde', zoals in het voorbeeld van 'wegwijzer start'"))
            break
        chain.append(data)
        config.problems += _names(current, data, node)
        parent = data.get("INHERIT")
        if not isinstance(parent, str):
            break
        following = (current.parent / parent).resolve()
        if following in seen or following == current.resolve():
            config.problems.append(Problem(_mark(current, node, "INHERIT"), "INHERIT", "dit bestand erft (via een ander) van zichzelf", "laat INHERIT naar een ander bestand wijzen"))
            break
        if not following.is_file():
            config.problems.append(Problem(_mark(current, node, "INHERIT"), "INHERIT", f"het bestand {parent} bestaat niet", "geef het pad vanaf de map van dit bestand"))
            break
        seen.add(current.resolve())
        current = following
    for data in reversed(chain):  # the inherited file first, each one's own settings over it
        for key, value in data.items():
            if key == "theme" and isinstance(value, dict) and isinstance(config.data.get("theme"), dict):
                config.data["theme"] = {**config.data["theme"], **value}
            else:
                config.data[key] = value
    return config


def _read(path: Path) -> tuple[Any, yaml.Node | None, list[Problem]]:
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, None, [too_large(path, size, display_path)]
        raw = path.read_bytes()
    except OSError as error:
        return None, None, [unreadable_file(path, error, display_path)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, None, [not_utf8(path, raw, error, display_path)]
    try:
        node = yaml.compose(text, Loader=_LenientLoader)
        data = yaml.load(text, Loader=_LenientLoader)
    except yaml.MarkedYAMLError as error:
        return None, None, [_syntax_problem(error, shown, text.splitlines())]
    except yaml.YAMLError as error:
        return None, None, [Problem(Mark(shown), "", f"YAML-fout: {error}", "controleer inspringing, dubbele punten en aanhalingstekens")]
    except RecursionError:
        return None, None, [Problem(Mark(shown), "", "de instellingen zijn te diep in elkaar genest", "mkdocs.yml is hooguit een paar niveaus diep")]
    return data, node, []


def _names(path: Path, data: dict, node: yaml.Node | None) -> list[Problem]:
    """Plugins and a theme that are not installed, at their own line."""
    problems = []
    plugins = data.get("plugins")
    if isinstance(plugins, (list, dict)):
        installed = {entry.name for entry in entry_points(group="mkdocs.plugins")}
        items = plugins if isinstance(plugins, list) else list(plugins)
        for i, item in enumerate(items):
            name = next(iter(item), None) if isinstance(item, dict) and len(item) == 1 else item
            if not isinstance(name, str) or name in installed:
                continue
            hint = did_you_mean(name, installed) or "geïnstalleerd zijn: " + ", ".join(sorted(installed))
            problems.append(Problem(_mark(path, node, "plugins", i), f"plugins[{i + 1}]", f"de plugin '{name}' bestaat niet of is niet geïnstalleerd", hint))
    theme = data.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    if isinstance(name, str):
        themes = {entry.name for entry in entry_points(group="mkdocs.themes")}
        if name not in themes:
            hint = did_you_mean(name, themes) or "gebruik 'name: material'"
            where = ("theme", "name") if isinstance(theme, dict) else ("theme",)
            problems.append(Problem(_mark(path, node, *where), "theme.name" if isinstance(theme, dict) else "theme", f"het thema '{name}' bestaat niet of is niet geïnstalleerd", hint))
    return problems


def _mark(path: Path, node: yaml.Node | None, *keys) -> Mark:
    """Where the value at `keys` stands in the file (or the nearest one found)."""
    shown = display_path(path)
    found = node
    for key in keys:
        child = None
        if isinstance(found, yaml.MappingNode):
            child = next((value for k, value in found.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        elif isinstance(found, yaml.SequenceNode) and isinstance(key, int) and key < len(found.value):
            child = found.value[key]
        if child is None:
            break
        found = child
    if found is None:
        return Mark(shown)
    return Mark(shown, found.start_mark.line + 1, found.start_mark.column + 1)
