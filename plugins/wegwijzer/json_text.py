"""JSON with an indent, as `json.dumps(value, ensure_ascii=False, indent=1)` writes it, made faster for the preview.

With an indent, `json` writes in Python, not with its C encoder: the open data of
1,000 knelpunten (4.6 MB) took a fifth of a second of every rebuild. After a save
one entry of it has changed. `KeptJson` keeps the indented text of each entry of
the lists and objects at the top, under its compact JSON (which the C encoder
makes quickly), and writes again only what is new. The result is the same text,
character for character (tests/test_json_text.py).
"""

from __future__ import annotations

import json

INDENT = 1


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=INDENT)


class KeptJson:
    """`dumps` that keeps the text of the parts one level down, for the next call."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def dumps(self, value) -> str:
        used: dict[str, str] = {}
        text = self._write(value, used)
        self._texts = used  # what is not used any more goes
        return text

    def _write(self, value, used: dict[str, str]) -> str:
        """`value` at the top; each item of a list or object in it as `_part` (two levels down)."""
        if _object(value):
            items = (f"{json.dumps(k, ensure_ascii=False)}: {self._middle(v, used)}" for k, v in value.items())
            return "{\n" + ",\n".join(" " * INDENT + item for item in items) + "\n}"
        return dumps(value)

    def _middle(self, value, used: dict[str, str]) -> str:
        """`value` one level down: its parts kept."""
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(" " * 2 * INDENT + self._part(v, used) for v in value) + "\n" + " " * INDENT + "]"
        if _object(value):
            items = (f"{json.dumps(k, ensure_ascii=False)}: {self._part(v, used)}" for k, v in value.items())
            return "{\n" + ",\n".join(" " * 2 * INDENT + item for item in items) + "\n" + " " * INDENT + "}"
        return self._indented(value, 1)

    def _part(self, value, used: dict[str, str]) -> str:
        key = json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)
        text = used.get(key) or self._texts.get(key)
        if text is None:
            text = self._indented(value, 2)
        used[key] = text
        return text

    @staticmethod
    def _indented(value, depth: int) -> str:
        return dumps(value).replace("\n", "\n" + " " * depth * INDENT)


def _object(value) -> bool:
    """A JSON object with keys written as they are (json writes other keys its own way)."""
    return isinstance(value, dict) and bool(value) and all(type(k) is str for k in value)
