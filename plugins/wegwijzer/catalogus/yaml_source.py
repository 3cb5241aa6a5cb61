"""Read one YAML file into plain data plus the position of every value.

PyYAML's `safe_load` forgets where values came from, and an editor needs a line
number. So we let PyYAML compose its node tree (fast C composer when libyaml is
present) and build the data ourselves, remembering each node's start mark. While
doing so we refuse what `safe_load` silently accepts: duplicate keys (PyYAML
keeps the last one, so an editor's first value would vanish) and alias bombs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..cache import file_state
from .problems import Mark, Problem, field_path, position

try:  # libyaml's composer is about 15x faster; fall back when it is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Upper bound on nodes built from one file. A real entry has a few hundred; an
#: alias bomb ("billion laughs") would expand to billions.
MAX_NODES = 20_000
#: Deepest nesting of lists and groups; real files go five or six levels deep.
MAX_DEPTH = 60
#: Larger files are refused before they are read; a real catalogus file is a few KB (also for pages: `reads.py`).
MAX_FILE_BYTES = 5 * 1024 * 1024

_SCALARS = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"

# PyYAML's messages are English; editors get Dutch, with the original kept for searching.
_YAML_MESSAGES = {
    "mapping values are not allowed": (
        "hier mag geen dubbele punt staan",
        "zet tekst met ': ' tussen aanhalingstekens of gebruik |",
    ),
    "could not find expected ':'": (
        "dubbele punt ontbreekt",
        "schrijf een veld als 'naam: waarde'",
    ),
    "found character '\\t' that cannot start any token": (
        "tab gevonden",
        "gebruik spaties om in te springen, geen tabs",
    ),
    "did not find expected key": (
        "onverwachte inspringing",
        "controleer of alle velden even ver inspringen",
    ),
    "did not find expected '-' indicator": (
        "onverwachte inspringing in een lijst",
        "begin elk lijstitem met '- ' op dezelfde inspringing",
    ),
    "found undefined alias": ("verwijzing (*alias) naar een anker dat niet bestaat", ""),
    "but found another document": (
        "er staan meerdere documenten in dit bestand",
        "haal de regel met --- weg; één bestand is één onderdeel",
    ),
    "found invalid Unicode character escape code": (
        "ongeldige code voor een teken (\\u of \\U) tussen dubbele aanhalingstekens",
        "typ het teken zelf, of gebruik enkele aanhalingstekens",
    ),
    "found unexpected end of stream": (
        "het bestand houdt onverwacht op",
        "sluit aanhalingstekens en haakjes",
    ),
    "exceeded maximum nesting depth": (  # libyaml's own limit on nesting
        "de lijsten en groepen in dit bestand zijn te diep in elkaar genest",
        "een catalogusbestand is hooguit een paar niveaus diep",
    ),
    "found unknown escape character": (
        "onbekend escape-teken tussen dubbele aanhalingstekens",
        "gebruik enkele aanhalingstekens of |",
    ),
}


@dataclass
class Source:
    """The data of one YAML file and where each value stands in it.

    Positions are kept as (line, column) pairs, 1-based, and become a `Mark`
    only when asked for: a catalogus has hundreds of thousands of values and
    few problems, and plain pairs are quick to build and to cache.

    A Source read from a file leaves its positions out when it is pickled: they
    are most of its size, and a kept file is rarely asked for one. When one is
    asked for after all, the file is read again (it is unchanged, or it would
    not have been kept; see `file_cache.py`).
    """

    path: str
    data: Any = None
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    styles: dict[tuple, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    file: str | None = None  # where it was read from, to find the positions again

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        if self.file is not None:
            for name in _POSITIONS:
                state.pop(name, None)
        return state

    def __getattr__(self, name: str) -> Any:
        """Only called for an attribute that is missing: the positions left out of a pickle."""
        if name not in _POSITIONS or self.__dict__.get("file") is None:
            raise AttributeError(name)
        again, _ = _read_yaml(Path(self.file), self.path)
        for table in _POSITIONS:
            setattr(self, table, getattr(again, table))
        return getattr(self, name)

    def mark(self, path: tuple = ()) -> Mark:
        """Where the value at `path` starts, or its nearest known ancestor."""
        values = self.values
        while path not in values and path:
            path = path[:-1]
        found = values.get(path)
        return Mark(self.path, *found) if found is not None else Mark(self.path)

    def key_mark(self, path: tuple) -> Mark:
        found = self.keys.get(path)
        return Mark(self.path, *found) if found is not None else self.mark(path)

    def text_mark(self, path: tuple, line: int, column: int) -> Mark:
        """Where position (line, column) inside a text value stands in the file.

        Exact for literal blocks (`|`) and one-line values; close for folded ones.
        """
        mark = self.mark(path)
        style = self.styles.get(path, "")
        if style in ("|", ">"):
            number = mark.line + 1 + line
            text = self.lines[number - 1] if number <= len(self.lines) else ""
            indent = len(text) - len(text.lstrip(" "))
            return Mark(mark.path, number, indent + column + 1)
        if line == 0:
            return Mark(mark.path, mark.line, mark.column + column + (1 if style else 0))
        return Mark(mark.path, mark.line + line, column + 1)


#: What a Source leaves out of its pickle and reads again from its file when asked.
_POSITIONS = ("values", "keys", "styles", "lines")


class _Budget(Exception):
    pass


#: Files already read in this process, by path: (file_state, result).
#: `mkdocs serve` rebuilds after every save; only the changed files are read again.
_CACHE: dict[str, tuple[tuple, tuple]] = {}


def read_yaml(file: Path, display: str, keep: bool = True) -> tuple[Source, list[Problem]]:
    """Parse `file`; return its Source and the problems found (empty when fine).

    With `keep`, the result is shared with later calls for the same unchanged file:
    treat it as read-only. Without, it is the caller's own.
    """
    if not keep:
        return _read_yaml(file, display)
    try:
        stat = os.stat(file)
    except OSError:
        return _read_yaml(file, display)
    key = f"{file}\0{display}"
    state = file_state(stat)
    cached = _CACHE.get(key)
    if cached and cached[0] == state:
        return cached[1]
    result = _read_yaml(file, display)
    _CACHE[key] = (state, result)
    return result


def _read_yaml(file: Path, display: str) -> tuple[Source, list[Problem]]:
    source = Source(display)
    try:
        size = os.stat(file).st_size
        if size > MAX_FILE_BYTES:  # refused before it is read: 200 MB would take minutes and gigabytes
            return source, [Problem(Mark(display), "", f"het bestand is te groot ({size / 1024 / 1024:.0f} MB; hooguit {MAX_FILE_BYTES // 1024 // 1024} MB)", "een catalogusbestand is een paar KB; controleer of dit het goede bestand is")]
        raw = file.read_bytes()
    except OSError as error:
        from .reads import reason  # reads.py takes MAX_FILE_BYTES from here

        return source, [Problem(Mark(display), "", f"kan het bestand niet lezen: {reason(error)}", "geef iedereen die de site bouwt leesrechten, bijvoorbeeld met 'chmod a+r' op het bestand")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return source, [
            Problem(
                Mark(display, line, column),
                "",
                "dit bestand is geen UTF-8",
                "sla het op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)",
            )
        ]
    source, problems = parse_yaml(text, display)
    source.file = str(file)
    return source, problems


def parse_yaml(text: str, display: str) -> tuple[Source, list[Problem]]:
    """Parse YAML `text` (a file's whole text, or a page's front matter with its lines in place)."""
    source = Source(display)
    source.lines = text.splitlines()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return source, [_syntax_problem(error, display, source.lines)]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as NUL
        line, column = position(text, error.position)
        return source, [Problem(Mark(display, line + 1, column + 1), "", f"het bestand bevat een teken dat niet mag (code {error.character!r})", "haal het weg; vaak is het een onzichtbaar stuurteken uit een ander programma")]
    except yaml.YAMLError as error:
        return source, [Problem(Mark(display), "", f"YAML-fout: {error}")]
    except RecursionError:
        return source, [_too_deep(display)]
    if node is None:
        return source, []
    problems: list[Problem] = []
    try:
        source.data = _build(node, (), source, problems, [0], set())
    except RecursionError:
        return source, [_too_deep(display)]
    except _Budget:
        problems = [
            Problem(
                source.mark(),
                "",
                "het bestand is te groot of bevat een verwijzing (*alias) die zichzelf herhaalt",
                "gebruik geen ankers (&) en aliassen (*) in de catalogus",
            )
        ]
        source.data = None
    return source, problems


def _too_deep(display: str) -> Problem:
    return Problem(Mark(display), "", "de lijsten en groepen in dit bestand zijn te diep in elkaar genest", "een catalogusbestand is hooguit een paar niveaus diep")


#: The line that opens a text block: 'veld: |', '- >-', ...
_BLOCK_START = re.compile(r"(?:^|:|-)\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _syntax_problem(error: yaml.MarkedYAMLError, display: str, lines: list[str] = ()) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Mark(display, mark.line + 1, mark.column + 1) if mark else Mark(display)
    original = (error.problem or error.context or "").strip()
    tab = _tab_near(lines, [m for m in (error.problem_mark, error.context_mark) if m is not None])
    if tab:
        return Problem(Mark(display, *tab), "", "YAML-fout: er staat een tab; YAML wil spaties", "vervang de tab door spaties; in veel editors kun je instellen dat Tab spaties typt")
    if original.startswith("could not find expected ':'") and error.context_mark is not None:
        block = _block_above(lines, error.context_mark.line)
        if block is not None:
            sign = ">" if ">" in lines[block].split("#")[0].rsplit(":", 1)[-1] else "|"
            return Problem(
                Mark(display, error.context_mark.line + 1, error.context_mark.column + 1), "",
                f"YAML-fout: deze regel springt niet in, maar hoort bij de tekst met {sign} op regel {block + 1}",
                f"laat elke regel van de tekst onder een {sign} inspringen, met evenveel spaties als de eerste regel",
            )
    for english, (dutch, hint) in _YAML_MESSAGES.items():
        if original.startswith(english):
            return Problem(where, "", f"YAML-fout: {dutch}", hint)
    return Problem(where, "", f"YAML-fout: {original}", "controleer inspringing, dubbele punten en aanhalingstekens")


def _tab_near(lines, marks) -> tuple[int, int] | None:
    """(line, column), 1-based, of a tab at or before the place YAML stumbled, if there is one."""
    for mark in marks:
        if mark.line < len(lines):
            line = lines[mark.line]
            at = line.find("\t", 0, mark.column + 1)
            if at < 0 and line.strip(" ").startswith("\t"):
                at = line.find("\t")
            if at >= 0:
                return mark.line + 1, at + 1
    return None


def _block_above(lines, index: int) -> int | None:
    """The line (0-based) of the `|` or `>` whose text line `index` should have been part of, if any."""
    if index >= len(lines):
        return None
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    above = index - 1
    while above >= 0 and (not lines[above].strip() or len(lines[above]) - len(lines[above].lstrip(" ")) > indent):
        above -= 1
    if above >= 0 and _BLOCK_START.search(lines[above].rstrip()):
        return above
    return None


def _build(node: yaml.Node, path: tuple, source: Source, problems: list[Problem], count: list[int], active: set[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES or id(node) in active:
        raise _Budget()
    if len(path) > MAX_DEPTH:
        raise RecursionError
    start = node.start_mark
    source.values[path] = (start.line + 1, start.column + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.style:
            source.styles[path] = node.style
        return _scalar(node, path, source, problems)
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return [_build(item, path + (i,), source, problems, count, active) for i, item in enumerate(node.value)]
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            start = key_node.start_mark
            key_at = (start.line + 1, start.column + 1)
            key = _scalar(key_node, path, source, problems) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(Problem(Mark(source.path, *key_at), field_path(path), "een veldnaam moet tekst zijn"))
                continue
            key = str(key)
            if key in result:
                first_line = source.keys[path + (key,)][0]
                problems.append(
                    Problem(
                        Mark(source.path, *key_at),
                        field_path(path + (key,)),
                        "dit veld staat er twee keer",
                        f"het eerste staat op regel {first_line}; houd er één",
                    )
                )
                continue
            source.keys[path + (key,)] = key_at
            result[key] = _build(value_node, path + (key,), source, problems, count, active)
        return result
    finally:
        active.discard(id(node))


def _scalar(node: yaml.ScalarNode, path: tuple, source: Source, problems: list[Problem]) -> Any:
    """Turn a scalar into str/int/float/bool/None/date without PyYAML's object cache."""
    if node.tag == _STR:  # by far the most common: take the text as it is
        return node.value
    constructor = _SCALARS.yaml_constructors.get(node.tag)
    mark = Mark(source.path, node.start_mark.line + 1, node.start_mark.column + 1)
    if constructor is None:
        problems.append(Problem(mark, field_path(path), f"onbekend YAML-label '{node.tag}'", "laat labels met ! weg"))
        return None
    try:
        return constructor(_SCALARS, node)
    except (ValueError, yaml.YAMLError):
        problems.append(Problem(mark, field_path(path), f"ongeldige waarde '{node.value}'", "zet de waarde tussen aanhalingstekens"))
        return None
