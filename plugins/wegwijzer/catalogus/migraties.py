"""What `wegwijzer bijwerken` changes in a catalogus written for an earlier release.

Each migration answers one change of the format that made an older guide fail
to load or fail the strict build. It plans its edits in the sector's own files
(never in a base) with `yaml_edit`, says in Dutch what it did, and states what
the changed values must read afterwards, so the result can be checked before it
is written.

| rule, and the commit that brought it                           | migration                          |
|----------------------------------------------------------------|------------------------------------|
| `id` in catalogus.yml required (925823e)                       | add one, from the sector           |
| every scan statement points at a knelpunt (925823e)            | name it, or leave it out (below)   |
| `arbowet:` renamed `grondslag:`, a warning (87e5160)           | rename, cite as the register does  |
| `bron:` renamed `bronnen:`, a list, a warning (87e5160)        | rename, make it a list             |
| werksessie pages made by `wegwijzer/print` (0447403)           | add it to the project's mkdocs.yml |
| `grondslag:` only from the Arbowetgeving, a refusal of `check` | move the others to `ook_van_belang:` |

A statement of the scan that no knelpunt names any more, because it was written
before knelpunten named their statements (scan ranked by factor then):

- a knelpunt of the sector that replaces a base knelpunt, copied before
  `stellingen:` existed, gets the statements the base version names;
- a statement of the sector's own scan.yml goes to the sector's knelpunten of
  the same factor that name no statements yet: the scan meant exactly those;
- a base statement orphaned by a knelpunt left out with `weglaten:` is left out
  too (`stelling:<id>`), as the loader advises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from . import yaml_edit
from .layers import resolve_layers
from .normen import Register
from .schema import ID_PATTERN
from .yaml_edit import CannotEdit, Document, Splice
from .yaml_source import parse_yaml, read_yaml


@dataclass
class FileEdit:
    """The planned changes to one file of the sector catalogus."""

    path: Path
    text: str
    doc: Document | None = None
    splices: list[Splice] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old key -> new key
    expected: dict[str, Any] = field(default_factory=dict)  # key -> its value afterwards

    @property
    def new(self) -> str:
        return yaml_edit.apply(self.text, self.splices)

    def check(self) -> str:
        """'' when the new text reads as planned: the changed keys as expected, every other value as before."""
        if self.path.name == MKDOCS:
            return self._check_mkdocs()
        old, problems = parse_yaml(self.text, str(self.path))
        new, trouble = parse_yaml(self.new, str(self.path))
        if problems or not isinstance(old.data, dict):
            return "was al geen geldige catalogus-YAML"
        if trouble or not isinstance(new.data, dict):
            return "het resultaat zou geen geldige YAML zijn"
        want = {self.renamed.get(key, key): value for key, value in old.data.items()}
        want.update(self.expected)
        if new.data != want:
            changed = sorted(k for k in set(want) | set(new.data) if want.get(k, ...) != new.data.get(k, ...))
            return "na het omzetten zou ook iets anders veranderen (" + ", ".join(changed) + ")"
        return ""


    def _check_mkdocs(self) -> str:
        """mkdocs.yml may hold tags such as !!python/name: that no catalogus file has: compared as nodes."""
        try:
            old, new = yaml.compose(self.text, Loader=yaml.SafeLoader), yaml.compose(self.new, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            return "het resultaat zou geen geldige YAML zijn"
        want = _nodes(old)
        want.update(self.expected)
        return "" if _nodes(new) == want else "na het omzetten zou ook iets anders veranderen"


def _nodes(node: yaml.Node) -> Any:
    """A node tree as comparable data: scalars as (tag, text), mappings as dicts of their plain keys."""
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_nodes(item) for item in node.value]
    return {str(_nodes(k)[1] if isinstance(k, yaml.ScalarNode) else _nodes(k)): _nodes(v) for k, v in node.value}


#: The project's settings, beside the catalogus folder.
MKDOCS = "mkdocs.yml"


@dataclass
class Plan:
    edits: dict[Path, FileEdit] = field(default_factory=dict)
    problems: list[tuple[Path, str]] = field(default_factory=list)  # what must be done by hand

    def changed(self) -> list[FileEdit]:
        return [edit for edit in self.edits.values() if edit.splices]


def plan(root: Path, texts: dict[Path, str], register: Register | None) -> Plan:
    """The migrations for the catalogus in `root`; `texts` holds its own files that could be read."""
    result = Plan()

    def edit_of(path: Path) -> FileEdit | None:
        if path not in texts:
            return None
        if path not in result.edits:
            result.edits[path] = FileEdit(path, texts[path])
            try:
                result.edits[path].doc = Document(texts[path])
            except CannotEdit as error:
                result.problems.append((path, str(error)))
        edit = result.edits[path]
        return edit if edit.doc is not None else None

    def attempt(path: Path, step: Callable[[FileEdit], None]) -> None:
        edit = edit_of(path)
        if edit is None:
            return
        before = (len(edit.splices), len(edit.notes), dict(edit.renamed), dict(edit.expected))
        try:
            step(edit)
        except CannotEdit as error:
            del edit.splices[before[0]:], edit.notes[before[1]:]
            edit.renamed, edit.expected = before[2], before[3]
            result.problems.append((path, str(error)))

    info = root / "catalogus.yml"
    attempt(info, lambda edit: _add_id(edit, root))
    for path in sorted(texts):
        if path.parent.name == "oplossingen" and path.parent.parent == root:
            attempt(path, lambda edit: _arbowet(edit, register))
            attempt(path, _bron)
            attempt(path, lambda edit: _ook_van_belang(edit, register))
    _statements(root, texts, result, attempt)
    attempt(root.parent / MKDOCS, _print_plugin)
    return result


# -- id in catalogus.yml (925823e) -----------------------------------------------------


def slug(text: str) -> str:
    """'Zorg & Welzijn' -> 'zorg-welzijn': letters without accents, digits and hyphens."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def default_id(data: dict, root: Path) -> str:
    """The id `wegwijzer start` would have given this guide: werkdruk-<sector>; else from the titel or the folder."""
    for value, prefix in ((data.get("sector"), "werkdruk-"), (data.get("titel"), ""), (root.resolve().parent.name, "")):
        found = slug(value) if isinstance(value, (str, int)) else ""
        if found:
            candidate = found if found.startswith(prefix) else prefix + found
            if ID_PATTERN.match(candidate):
                return candidate
    return "werkdruk-wegwijzer"


def _add_id(edit: FileEdit, root: Path) -> None:
    if edit.doc.has("id"):
        return
    # only the scalars it needs: the whole file could hold an alias bomb
    data = {key: node.value for key, node in ((k, edit.doc.value(k)) for k in ("sector", "titel") if edit.doc.has(k)) if isinstance(node, yaml.ScalarNode)}
    new_id = default_id(data, root)
    edit.splices.append(edit.doc.insert(f"id: {new_id}"))
    edit.expected["id"] = new_id
    edit.notes.append(
        f"'id: {new_id}' toegevoegd: elke Wegwijzer heeft nu een vaste naam. Bijwerken koos hem voor je. "
        "Wil je een andere, verander hem dan nu, voordat je publiceert. Daarna verander je hem nooit meer: "
        "de browser van een bezoeker bewaart zijn antwoorden, vinkjes en plan onder deze naam."
    )


# -- arbowet -> grondslag, bron -> bronnen (87e5160) -------------------------------------


def citation(old: str, register: Register | None) -> str:
    """'art. 3 lid 2' as the register writes it ('arbowet 3 lid 2'); unknown ones keep their words."""
    if register:
        bepaling, _, _ = register.resolve(old, "arbowet")
        if bepaling:
            return bepaling.notatie
    rest = re.sub(r"^art(?:ikel|\.)?\s*", "", old.strip(), flags=re.IGNORECASE)
    return rest if rest.lower().startswith("arbowet") else "arbowet " + rest


def _arbowet(edit: FileEdit, register: Register | None) -> None:
    doc = edit.doc
    if not doc.has("arbowet"):
        return
    if doc.has("grondslag"):
        raise CannotEdit("heeft zowel 'arbowet' als 'grondslag'; zet de artikelen van 'arbowet' zelf bij 'grondslag' en haal 'arbowet' weg")
    node = doc._own("arbowet")
    old = yaml_edit.plain(node)
    splices = [doc.rename("arbowet", "grondslag")]
    if isinstance(node, yaml.ScalarNode):
        if old is None:
            new = None
        else:
            new = citation(str(old), register)
            splices.append(doc.replace_scalar(node, new))
    elif isinstance(node, yaml.SequenceNode):
        new = []
        for item, value in zip(node.value, old):
            if value is None:
                new.append(None)
                continue
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise CannotEdit("in 'arbowet' staat iets anders dan een artikel; zet het zelf om naar 'grondslag'")
            new.append(citation(str(value), register))
            splices.append(doc.replace_scalar(item, new[-1]))
    else:
        raise CannotEdit("'arbowet' is geen lijst van artikelen; zet het zelf om naar 'grondslag'")
    edit.splices += splices
    edit.renamed["arbowet"] = "grondslag"
    edit.expected["grondslag"] = new
    shown = ", ".join(str(v) for v in (new if isinstance(new, list) else [new]) if v is not None)
    edit.notes.append("'arbowet' heet nu 'grondslag'" + (f": {shown}" if shown else ""))
    unknown = [v for v in (new if isinstance(new, list) else [new]) if isinstance(v, str) and register and register.resolve(v)[0] is None]
    if unknown:
        edit.notes.append("let op: " + ", ".join(unknown) + " staat niet in het register van wetsartikelen; 'wegwijzer check' zegt wat je kunt doen")


# -- grondslag only from the Arbowetgeving, the rest 'ook van belang' ---------------------


def _ook_van_belang(edit: FileEdit, register: Register | None) -> None:
    """Citations of other laws than the Arbowetgeving move from `grondslag` to `ook_van_belang`.

    The Arbeidsinspectie tests a measure against the Arbowet, the Arbobesluit and the
    Arboregeling only; an article of the Arbeidstijdenwet, the WOR, the Wazo or a cao
    still belongs on the page, under 'Ook van belang'.
    """
    doc = edit.doc
    key = "ook_van_belang"
    if register is None or not doc.has("grondslag"):
        return
    node = doc._own("grondslag")
    items = [node] if isinstance(node, yaml.ScalarNode) and node.value else list(node.value) if isinstance(node, yaml.SequenceNode) else []
    values = [yaml_edit.plain(item) for item in items]

    def elsewhere(value) -> bool:
        bepaling = register.resolve(str(value))[0] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
        return bepaling is not None and not bepaling.wet.arbowetgeving

    moved = [v for v in values if elsewhere(v)]
    if not moved:
        return
    kept = [v for v in values if not elsewhere(v)]
    if any(not isinstance(item, yaml.ScalarNode) or item.style in ("|", ">") for item in items):
        raise CannotEdit("in 'grondslag' staat iets anders dan artikelen op één regel; zet de artikelen buiten de Arbowetgeving zelf bij 'ook_van_belang'")

    def written(moving: bool) -> list[str]:
        """The citations that move (or stay) exactly as the editor wrote them, quotes and all."""
        return [doc.text[i.start_mark.index:i.end_mark.index] for i, v in zip(items, values) if elsewhere(v) == moving]

    existing = yaml_edit.plain(doc._own(key)) if doc.has(key) else None
    if doc.has(key) and not (existing is None or isinstance(existing, (list, str))):
        raise CannotEdit("'ook_van_belang' is geen lijst van artikelen; zet de artikelen buiten de Arbowetgeving zelf over")
    if not kept and not doc.has(key):
        edit.splices.append(doc.rename("grondslag", key))
        edit.renamed["grondslag"] = key
        edit.expected[key] = values if isinstance(node, yaml.SequenceNode) else values[0]
    else:
        if isinstance(node, yaml.ScalarNode) or node.flow_style:
            edit.splices.append(Splice(node.start_mark.index, node.end_mark.index, "[" + ", ".join(written(False)) + "]"))
        else:
            gone = [item for item, value in zip(items, values) if elsewhere(value)]
            if len(gone) == len(items):  # an empty block list would read as nothing at all
                edit.splices.append(Splice(doc.entries["grondslag"][0].end_mark.index + 1, doc.line_end(doc.end_of(node)), " []" + doc.newline))
            else:
                for item in gone:
                    edit.splices.append(Splice(doc.line_start(item.start_mark.index), doc.line_end(item.end_mark.index), ""))
        edit.expected["grondslag"] = kept
        if doc.has(key):
            edit.splices += doc.append(key, written(True))
            edit.expected[key] = ([existing] if isinstance(existing, str) else existing or []) + moved
        else:
            edit.splices.append(doc.insert(f"{key}: [" + ", ".join(written(True)) + "]", after="grondslag"))
            edit.expected[key] = moved
    edit.notes.append(
        f"{', '.join(map(str, moved))} staat nu onder 'ook_van_belang': de Arbeidsinspectie toetst een maatregel alleen aan de Arbowet, het Arbobesluit en de Arboregeling"
        + ("" if kept else "; noem bij 'grondslag' het artikel uit de Arbowetgeving dat deze maatregel invult, bijvoorbeeld arbowet 3 lid 2")
    )


_BRON_KEYS = {"naam": "titel", "url": "link"}


def _bron(edit: FileEdit) -> None:
    doc = edit.doc
    if not doc.has("bron"):
        return
    if doc.has("bronnen"):
        raise CannotEdit("heeft zowel 'bron' als 'bronnen'; zet de bron zelf bij 'bronnen' en haal 'bron' weg")
    node = doc._own("bron")
    old = yaml_edit.plain(node)
    if not isinstance(node, yaml.MappingNode) or not isinstance(old, dict) or "naam" not in old:
        raise CannotEdit("'bron' heeft geen 'naam'; herstel dat eerst")
    splices = [doc.rename("bron", "bronnen")]
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value in _BRON_KEYS:
            splices.append(Splice(key.start_mark.index, key.end_mark.index, yaml_edit.scalar(_BRON_KEYS[key.value], key.style)))
    if node.flow_style:
        splices += [Splice(node.start_mark.index, node.start_mark.index, "["), Splice(node.end_mark.index, node.end_mark.index, "]")]
    else:
        first = node.start_mark
        start = doc.line_start(first.index)
        if doc.text[start:first.index].strip(" "):
            raise CannotEdit("'bron' staat niet in de gewone vorm; zet het zelf om naar 'bronnen'")
        if first.column >= 2:
            # '  naam: X' -> '- titel: X': the dash takes two spaces, the lines below stay where they are
            splices.append(Splice(first.index - 2, first.index, "- "))
        else:
            splices.append(Splice(start, start, "-"))
            at = doc.line_end(first.index)
            end = doc.end_of(node)
            while at <= end and at < len(doc.text):
                if doc.text[at] not in "\r\n":
                    splices.append(Splice(at, at, " "))
                at = doc.line_end(at)
    edit.splices += splices
    edit.renamed["bron"] = "bronnen"
    edit.expected["bronnen"] = [{_BRON_KEYS.get(k, k): v for k, v in old.items()}]
    edit.notes.append(f"'bron' heet nu 'bronnen', een lijst: {old['naam']}")


# -- the werksessie pages and PDFs come from wegwijzer/print (0447403) ----------------------


def _plugin_names(node: yaml.Node) -> list[str]:
    names = []
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        if isinstance(item, yaml.ScalarNode):
            names.append(item.value)
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1 and isinstance(item.value[0][0], yaml.ScalarNode):
            names.append(item.value[0][0].value)
    return names


def _print_plugin(edit: FileEdit) -> None:
    """A project from the first release lists only wegwijzer/catalogus: since the werksessie kit, its pages come from wegwijzer/print."""
    doc = edit.doc
    if not doc.has("plugins") or not isinstance(doc.value("plugins"), yaml.SequenceNode) or doc.value("plugins").flow_style:
        return
    names = _plugin_names(doc.value("plugins"))
    if "wegwijzer/catalogus" not in names or "wegwijzer/print" in names:
        return
    edit.splices += doc.append("plugins", ["wegwijzer/print"])
    edit.expected[str("plugins")] = _nodes(doc.value("plugins")) + [("tag:yaml.org,2002:str", "wegwijzer/print")]
    edit.notes.append(
        "'wegwijzer/print' bij 'plugins' gezet: de pagina's van de werksessie, de checklists en de PDF's "
        "maakt sinds de werksessie-kit een eigen onderdeel; zonder wordt de site niet gebouwd"
    )


# -- every scan statement points at a knelpunt (925823e) --------------------------------


def _raw_statements(data: Any) -> list[str]:
    value = data.get("stellingen") if isinstance(data, dict) else None
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def _data(path: Path, texts: dict[Path, str]) -> Any:
    if path in texts:
        source, problems = parse_yaml(texts[path], str(path))
    else:
        source, problems = read_yaml(path, str(path))
    return None if problems else source.data


def _statements(root: Path, texts: dict[Path, str], result: Plan, attempt) -> None:
    layers = resolve_layers(root, str)
    scan_path = layers.files.get("scan.yml")
    if scan_path is None:
        return
    scan = _data(scan_path, texts)
    items = scan.get("stellingen") if isinstance(scan, dict) else None
    if not isinstance(items, list):
        return
    own = root.resolve()
    knelpunten = {rel: path for rel, path in layers.files.items() if rel.startswith("knelpunten/") and rel.count("/") == 1 and rel.endswith(".yml")}
    data = {rel: _data(path, texts) for rel, path in knelpunten.items()}
    named = {s for d in data.values() for s in _raw_statements(d)}
    left_out = layers.left_out.get("stelling", {})
    orphans = [(item["id"], item.get("factor")) for item in items if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] not in named and item["id"] not in left_out]
    if not orphans:
        return
    own_scan = scan_path.resolve().is_relative_to(own)
    bases = [Path(r) for r in layers.roots[:-1]]
    # own knelpunten written before 'stellingen:' existed: they name none
    unnamed = {rel: path for rel, path in knelpunten.items() if path.resolve().is_relative_to(own) and isinstance(data[rel], dict) and "stellingen" not in data[rel]}
    left_out_by: dict[str, list[str]] = {}
    for knelpunt_id, path in layers.left_out.get("knelpunt", {}).items():
        for stelling_id in _raw_statements(_data(path, texts)):
            left_out_by.setdefault(stelling_id, []).append(knelpunt_id)
    additions: dict[str, list[str]] = {}
    leave_out: list[str] = []
    for stelling_id, factor in orphans:
        # 1. a sector copy of a base knelpunt: the statements its base version names
        copies = [rel for rel in unnamed if any(stelling_id in _raw_statements(_data(base / rel, {})) for base in bases if (base / rel).is_file())]
        if copies:
            targets = copies
        elif own_scan:  # 2. the sector's own scan: its knelpunten of the same factor
            targets = [rel for rel in unnamed if data[rel].get("factor") == factor]
        else:
            targets = []
        if targets:
            for rel in targets:
                additions.setdefault(rel, []).append(stelling_id)
        elif not own_scan and stelling_id in left_out_by:  # 3. a base statement whose knelpunt is left out
            leave_out.append(stelling_id)
        else:
            where = scan_path if own_scan else root / "catalogus.yml"
            result.problems.append((where if where in texts else root / "catalogus.yml", f"de stelling '{stelling_id}' uit de werkdrukscan wijst geen knelpunt aan; zet '{stelling_id}' zelf bij 'stellingen:' van het knelpunt dat hij meet"))
    for rel, ids in sorted(additions.items()):
        attempt(knelpunten[rel], lambda edit, ids=ids: _add_statements(edit, ids))
    if leave_out:
        attempt(root / "catalogus.yml", lambda edit: _leave_out(edit, leave_out, left_out_by))


def _add_statements(edit: FileEdit, ids: list[str]) -> None:
    doc = edit.doc
    if doc.has("stellingen"):
        edit.splices += doc.append("stellingen", ids)  # first: it refuses a value an alias (*) also uses
        old = yaml_edit.plain(doc.value("stellingen"))
        edit.expected["stellingen"] = ([] if old is None else old if isinstance(old, list) else [old]) + ids
    else:
        edit.splices.append(doc.insert(f"stellingen: [{', '.join(ids)}]", after="oplossingen"))
        edit.expected["stellingen"] = list(ids)
    edit.notes.append(
        f"'stellingen: [{', '.join(ids)}]' toegevoegd: de werkdrukscan wijst een knelpunt nu aan met zijn eigen stellingen. "
        "Bijwerken koos de stellingen die de scan eerder voor dit knelpunt telde; pas ze aan als het anders moet"
    )


def _leave_out(edit: FileEdit, ids: list[str], left_out_by: dict[str, list[str]]) -> None:
    doc = edit.doc
    items = [f"stelling:{i}" for i in ids]
    edit.splices += doc.append("weglaten", items)  # first: it refuses a value an alias (*) also uses
    old = yaml_edit.plain(doc.value("weglaten"))
    edit.expected["weglaten"] = ([] if old is None else old if isinstance(old, list) else [old]) + items
    for stelling_id in ids:
        edit.notes.append(
            f"'stelling:{stelling_id}' bij 'weglaten' gezet: zonder '{left_out_by[stelling_id][0]}' wijst deze stelling "
            "van de werkdrukscan geen knelpunt meer aan. Wil je hem houden, haal hem dan weg bij 'weglaten' "
            f"en zet '{stelling_id}' bij 'stellingen:' van een eigen knelpunt"
        )
