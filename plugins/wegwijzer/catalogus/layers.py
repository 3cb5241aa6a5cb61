"""Layering: a sector catalogus on a base catalogus.

A sector catalogus names its base in catalogus.yml (`basis: werkdruk` for a base
shipped with this package, or a path). The files of all layers are laid over one
another by their path inside the catalogus: a sector file with the same name as
a base file replaces it (an entry, a step, werkdrukmodel.yml, ...), new files
add to it, and `weglaten: [id, ...]` leaves base entries out. What comes out is
one set of files, which the loader reads as if it were a single catalogus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Mark, Problem, did_you_mean, field_path
from .reads import link_problem, unreadable_folder
from .soorten import PER_BESTAND
from .yaml_source import read_yaml

#: Bases shipped with the package, by name: wegwijzer/basis/<naam>/.
BASES = Path(__file__).resolve().parent.parent / "basis"
#: Folders with one entry per file, and the kind of those entries (soorten.py).
ENTRY_KINDS = {folder: soort.naam for folder, soort in PER_BESTAND.items()}
MAX_DEPTH = 5


@dataclass
class Layers:
    roots: list[Path]  # base first, the sector catalogus last
    files: dict[str, Path] = field(default_factory=dict)  # "knelpunten/x.yml" -> the file in effect
    left_out: dict[str, dict[str, Path]] = field(default_factory=dict)  # kind -> id -> base file left out
    problems: list[Problem] = field(default_factory=list)


def named_bases() -> list[str]:
    return sorted(p.name for p in BASES.iterdir() if (p / "catalogus.yml").is_file()) if BASES.is_dir() else []


def resolve_layers(root: Path, display) -> Layers:
    """The layers under `root` and the files in effect; `display` turns a path into what editors see."""
    chain, problems = layer_chain(root, display)
    layers = Layers(roots=chain, problems=problems)
    for layer in chain:
        for relative, path in _files_below(layer, layers.problems, display):
            layers.files[relative] = path
    if len(chain) > 1:
        _leave_out(layers, root, display)
    return layers


def _files_below(folder: Path, problems: list[Problem], display) -> list[tuple[str, Path]]:
    """(path relative to `folder` with '/', path) of every file below it, hidden ones left out, sorted.

    os.scandir instead of Path.rglob: at 15,000 files rglob and its is_file() calls took 0.4 s.
    A folder that cannot be read and a link that leads out of the project (the folder
    around the layer) go into `problems` (`reads.py`).
    """
    found: list[tuple[str, str]] = []
    pending = [(str(folder), "")]
    project = None
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as error:
            problems.append(unreadable_folder(directory, error, display))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                project = project or Path(os.path.realpath(folder)).parent
                outside = link_problem(entry.path, project, display)
                if outside:
                    problems.append(outside)
                    continue
            relative = prefix + entry.name
            if entry.is_dir():
                if entry.name.endswith((".yml", ".yaml", ".md")):  # a folder where a file belongs: never silently passed by
                    problems.append(Problem(Mark(display(Path(entry.path))), "", "dit is een map, geen bestand", "haal de map weg of geef hem een naam zonder .yml, .yaml of .md"))
                    continue
                pending.append((entry.path, relative + "/"))
            elif entry.is_file():
                found.append((relative, entry.path))
            elif entry.name.endswith((".yml", ".yaml", ".md")):  # a pipe or device would make the read wait forever
                problems.append(Problem(Mark(display(Path(entry.path))), "", "dit is geen gewoon bestand (bijvoorbeeld een pijp)", "haal het weg en zet er een gewoon tekstbestand neer"))
    found.sort(key=lambda item: item[1])
    return [(relative, Path(path)) for relative, path in found]


def layer_chain(root: Path, display) -> tuple[list[Path], list[Problem]]:
    """The folders `root` builds on, base first and `root` last, read from each catalogus.yml's `basis`."""
    chain = [root]
    problems: list[Problem] = []
    while len(chain) <= MAX_DEPTH:
        info = chain[0] / "catalogus.yml"
        source, trouble = read_yaml(info, display(info)) if info.is_file() else (None, [])
        if trouble or source is None or not isinstance(source.data, dict) or "basis" not in source.data:
            return chain, problems
        name = source.data["basis"]
        base = _find_base(name, chain[0])
        if base is None:
            known = named_bases()
            hint = did_you_mean(str(name), known) or f"gebruik een van: {', '.join(known)}, of een pad naar een map met catalogus.yml"
            problems.append(Problem(source.mark(("basis",)), "basis", f"de basis '{name}' bestaat niet", hint))
            return chain, problems
        if base in chain:
            problems.append(Problem(source.mark(("basis",)), "basis", "deze basis bouwt (via een andere basis) op zichzelf voort", "kies een basis zonder kringverwijzing"))
            return chain, problems
        chain.insert(0, base)
    problems.append(Problem(Mark(display(root / "catalogus.yml")), "basis", f"meer dan {MAX_DEPTH} lagen basis op basis", "bouw direct voort op één basis"))
    return chain, problems


def _find_base(name, near: Path) -> Path | None:
    if not isinstance(name, str) or not name.strip():
        return None
    named = BASES / name
    if "/" not in name and (named / "catalogus.yml").is_file():
        return named.resolve()
    path = (near / name).resolve()
    return path if (path / "catalogus.yml").is_file() else None


def _leave_out(layers: Layers, root: Path, display) -> None:
    """Remove the base entries the sector catalogus names in `weglaten`."""
    info = root / "catalogus.yml"
    source, trouble = read_yaml(info, display(info))
    items = source.data.get("weglaten") if not trouble and isinstance(source.data, dict) else None
    if not isinstance(items, list):
        return  # absent, or a wrong type the schema reports
    own = root.resolve()
    for i, item in enumerate(items):
        at = ("weglaten", i)
        if not isinstance(item, str):
            continue  # the schema reports the type
        kind_hint, _, entry_id = item.strip().rpartition(":")
        if kind_hint == "stelling" or (not kind_hint and entry_id in _base_statements(layers)):
            _leave_out_statement(layers, source, at, entry_id, own, display)
            continue
        folders = [f for f, kind in ENTRY_KINDS.items() if not kind_hint or kind == kind_hint]
        found = [(f, layers.files.get(f"{f}/{entry_id}.yml")) for f in folders]
        found = [(f, path) for f, path in found if path is not None]
        if not found:
            in_base = [Path(p).stem for rel, p in layers.files.items() if rel.split("/")[0] in folders]
            hint = did_you_mean(entry_id, in_base) or "alleen knelpunten, oplossingen, praktijk, instrumenten en stellingen van de scan uit de basis kun je weglaten"
            layers.problems.append(Problem(source.mark(at), field_path(at), f"'{item}' staat niet in de basis", hint))
        elif len(found) > 1:
            kinds = " of ".join(f"{ENTRY_KINDS[f]}:{entry_id}" for f, _ in found)
            layers.problems.append(Problem(source.mark(at), field_path(at), f"'{entry_id}' is zowel {' als '.join(ENTRY_KINDS[f] for f, _ in found)}", f"schrijf {kinds}"))
        elif found[0][1].resolve().is_relative_to(own):
            layers.problems.append(Problem(source.mark(at), field_path(at), f"'{entry_id}' staat in je eigen catalogus, niet in de basis", f"verwijder {display(found[0][1])} in plaats van het weg te laten"))
        else:
            folder, path = found[0]
            layers.left_out.setdefault(ENTRY_KINDS[folder], {})[entry_id] = path
            del layers.files[f"{folder}/{entry_id}.yml"]


def _base_statements(layers: Layers) -> list[str]:
    """The ids of the scan's statements, read leniently from the scan.yml in effect."""
    path = layers.files.get("scan.yml")
    if path is None:
        return []
    source, trouble = read_yaml(path, str(path))
    items = source.data.get("stellingen") if not trouble and isinstance(source.data, dict) else None
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)] if isinstance(items, list) else []


def _leave_out_statement(layers: Layers, source, at: tuple, entry_id: str, own: Path, display) -> None:
    """A statement of the base's scan left out, e.g. because the knelpunt it points at was left out too."""
    path = layers.files.get("scan.yml")
    statements = _base_statements(layers)
    if entry_id not in statements:
        hint = did_you_mean(entry_id, statements) or "kies een stelling uit de scan van de basis"
        layers.problems.append(Problem(source.mark(at), field_path(at), f"de stelling '{entry_id}' staat niet in de scan van de basis", hint))
    elif path.resolve().is_relative_to(own):
        layers.problems.append(Problem(source.mark(at), field_path(at), f"de stelling '{entry_id}' staat in je eigen scan.yml, niet in de basis", "haal hem daar weg in plaats van hem weg te laten"))
    else:
        layers.left_out.setdefault("stelling", {})[entry_id] = path


#: Added to a problem in a file the sector catalogus takes from its base.
FROM_BASE = " (uit de basis)"


def from_base(problem: Problem, roots: list) -> Problem:
    """`problem`, saying so when it stands in a base file, with how to get rid of that file.

    `roots` are the layers, base first and the sector catalogus last (`Layers.roots`, `Catalogus.lagen`).
    """
    if len(roots) < 2 or problem.message.endswith(FROM_BASE):
        return problem
    path = Path(os.path.abspath(problem.mark.path))
    own = Path(roots[-1]).resolve()
    for base in roots[:-1]:
        base = Path(base).resolve()
        if path.is_relative_to(base) and not path.is_relative_to(own):
            relative = path.relative_to(base).as_posix()
            folder = relative.split("/")[0]
            if folder in ENTRY_KINDS and relative.count("/") == 1:
                fix = f"wil je het niet: zet '{path.stem}' bij 'weglaten:' in catalogus.yml, of zet een eigen {relative} in je catalogus"
            else:
                fix = f"wil je het anders: zet een eigen {relative} in je catalogus, die vervangt dit bestand"
            hint = f"{problem.hint}; {fix}" if problem.hint else fix
            return Problem(problem.mark, problem.field, problem.message + FROM_BASE, hint)
    return problem
