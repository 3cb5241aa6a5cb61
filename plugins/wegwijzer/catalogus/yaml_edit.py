"""Change a few values in an editor's YAML file and leave every other character as it was.

PyYAML can read a file and write a new one, but writing loses comments, quotes,
the order of flow and block styles, anchors and line endings. So instead we let
PyYAML compose the node tree, which knows where each key and value starts and
ends in the text, and replace only those stretches of text. Whatever an edit
does not name stays byte for byte: comments, blank lines, CRLF, a missing last
newline, a byte order mark.

Edits work on the keys of the top-level mapping, which is all a migration needs:
rename a key, replace a scalar, append to a list, insert a key. Each returns a
`Splice`; `apply` puts them in. The caller checks the result by reading it again
(`cli/bijwerken.py`): an edit that would change another value is refused there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml


class CannotEdit(Exception):
    """This file cannot be changed safely by a program; the message (Dutch) says why."""


@dataclass(frozen=True)
class Splice:
    start: int
    end: int
    text: str


_BREAK = re.compile(r"\r\n|\r|\n")
_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ .,()/'&+_-]*$")


class Document:
    """One YAML text whose top level is a block mapping, with the place of every node."""

    def __init__(self, text: str):
        self.text = text
        found = _BREAK.search(text)
        self.newline = found.group() if found else "\n"  # new lines end as the file's first line does
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            raise CannotEdit("is geen geldige YAML; herstel dat eerst ('wegwijzer check' zegt waar)") from error
        except RecursionError as error:
            raise CannotEdit("is te diep genest om veilig te veranderen; zet het zelf om") from error
        if not isinstance(root, yaml.MappingNode) or root.flow_style:
            raise CannotEdit("bestaat niet uit velden onder elkaar ('naam: waarde'); zet het zelf om")
        self.root = root
        self.entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode):
                self.entries.setdefault(key.value, (key, value))
        self._count: dict[int, int] = {}
        try:
            self._tally(root)
        except RecursionError as error:
            raise CannotEdit("is te diep genest om veilig te veranderen; zet het zelf om") from error

    def _tally(self, node: yaml.Node) -> None:
        """How often each node occurs: more than once means an alias (*) points at it."""
        self._count[id(node)] = self._count.get(id(node), 0) + 1
        if self._count[id(node)] > 1:
            return
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self._tally(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._tally(key)
                self._tally(value)

    # -- looking -------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return key in self.entries

    def value(self, key: str) -> yaml.Node:
        return self.entries[key][1]

    def shared(self, node: yaml.Node) -> bool:
        """True when the node, or a node inside it, is also used elsewhere through an anchor (&) and alias (*)."""
        if self._count.get(id(node), 0) > 1:
            return True
        if isinstance(node, yaml.SequenceNode):
            return any(self.shared(item) for item in node.value)
        if isinstance(node, yaml.MappingNode):
            return any(self.shared(k) or self.shared(v) for k, v in node.value)
        return False

    def _own(self, key: str) -> yaml.Node:
        """The value of `key`, refused when editing it would also change another place."""
        key_node, node = self.entries[key]
        if self.shared(node) or node.start_mark.index < key_node.end_mark.index:
            raise CannotEdit(f"'{key}' gebruikt een anker (&) of verwijzing (*); zet het zelf om")
        return node

    def end_of(self, node: yaml.Node) -> int:
        """Where the last character of `node` is written, before any comment or blank line after it.

        PyYAML ends a block list or group where the next key starts, after comments
        that belong to that key; the last scalar inside says where it really ends.
        """
        if isinstance(node, yaml.ScalarNode) or node.flow_style:
            end = node.end_mark.index
            if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
                # a text block ends after its blank lines; keep those outside
                while end > node.start_mark.index and self.text[end - 1] in "\r\n":
                    end -= 1
            return end
        children = node.value if isinstance(node, yaml.SequenceNode) else [part for pair in node.value for part in pair]
        return max((self.end_of(child) for child in children), default=node.start_mark.index)

    def line_end(self, index: int) -> int:
        """The end of the line `index` is on, after its line break (or the end of the text)."""
        found = _BREAK.search(self.text, index)
        return found.end() if found else len(self.text)

    def line_start(self, index: int) -> int:
        return max(self.text.rfind("\n", 0, index), self.text.rfind("\r", 0, index)) + 1

    def ends_line(self, index: int) -> bool:
        """True when `index` is at the start of a line (after a line break)."""
        return index > 0 and self.text[index - 1] in "\r\n"

    # -- edits -----------------------------------------------------------------------

    def rename(self, old: str, new: str) -> Splice:
        key, _ = self.entries[old]
        return Splice(key.start_mark.index, key.end_mark.index, scalar(new, key.style))

    def replace_scalar(self, node: yaml.Node, value: str) -> Splice:
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
            raise CannotEdit("een waarde staat niet op één regel; zet het zelf om")
        return Splice(node.start_mark.index, node.end_mark.index, scalar(value, node.style))

    def append(self, key: str, items: list[str]) -> list[Splice]:
        """Add `items` (plain ids) to the list at `key`, in the style it is written in."""
        node = self._own(key)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.value:
            # 'weglaten:' with nothing after it: the list starts right after the colon
            colon = self.entries[key][0].end_mark.index
            if self.text[colon:colon + 1] != ":":
                _refuse(key)
            return [Splice(colon + 1, colon + 1, " [" + ", ".join(items) + "]")]
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                _refuse(key)
            return [Splice(node.start_mark.index, node.end_mark.index, "[" + ", ".join([scalar(node.value, node.style), *items]) + "]")]
        if not isinstance(node, yaml.SequenceNode):
            _refuse(key)
        if node.flow_style:
            close = node.end_mark.index - 1  # the ']'
            before = self.text[node.start_mark.index + 1:close]
            bare = re.sub(r"#[^\n]*", "", before).strip()
            joiner = " " if not bare or bare.endswith(",") else ", "
            at = node.start_mark.index + 1 + len(before.rstrip())
            return [Splice(at, at, joiner + ", ".join(items))]
        last = node.value[-1]
        indent = " " * node.start_mark.column  # a block list starts at its first '-'
        at = self.line_end(self.end_of(last))
        new = "".join(f"{indent}- {item}{self.newline}" for item in items)
        if not self.ends_line(at):  # the last line had no line break: it still has none
            new = self.newline + new[: -len(self.newline)]
        return [Splice(at, at, new)]

    def insert(self, line: str, after: str | None = None) -> Splice:
        """A new top-level line `key: value`: after the entry `after`, else before the first key."""
        first = self.root.value[0][0] if self.root.value else None
        line = " " * (first.start_mark.column if first is not None else 0) + line
        if after and after in self.entries:
            at = self.line_end(self.end_of(self.entries[after][1]))
        else:
            at = self.line_start(first.start_mark.index) if first is not None else len(self.text)
        if at > 0 and not self.ends_line(at):
            return Splice(at, at, self.newline + line)
        return Splice(at, at, line + self.newline)


def _refuse(key: str):
    raise CannotEdit(f"'{key}' is geen lijst; zet het zelf om")


def scalar(value: str, style: str | None = None) -> str:
    """`value` written the way the scalar it replaces was: plain when that is safe, else quoted."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if _PLAIN_SAFE.match(value) and yaml.safe_load(value) == value and ": " not in value and " #" not in value:
        return value
    return "'" + value.replace("'", "''") + "'"


def apply(text: str, splices: list[Splice]) -> str:
    """`text` with the splices put in; they must not overlap."""
    ordered = sorted(splices, key=lambda s: (s.start, s.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            raise CannotEdit("twee wijzigingen raken dezelfde plek; zet het zelf om")
    out, at = [], 0
    for splice in ordered:
        out.append(text[at:splice.start])
        out.append(splice.text)
        at = splice.end
    out.append(text[at:])
    return "".join(out)


def plain(node: yaml.Node) -> Any:
    """The value of a node as plain data (aliases followed)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
