"""Problems found in a catalogus, reported the way an editor can act on them.

Every problem names the file, line and column, the field and what is wrong, in
Dutch, optionally with a hint. Loading collects all problems before it reports,
so an editor fixes a whole batch at once instead of one per build.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Mark:
    """A place in a source file, 1-based like an editor shows it."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    mark: Mark
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.mark}:{field} {self.message}{hint}"


class CatalogusError(Exception):
    """Raised when a catalogus has problems; carries all of them, sorted by place."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.mark, p.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "fout" if count == 1 else "fouten"
        lines = [f"De catalogus bevat {count} {noun}:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of `offset` in `text`, both counted from 0."""
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A Dutch hint naming the closest candidate, or '' when nothing is close."""
    candidates = list(candidates)
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        # 'noodknop' for 'noodknop-en-meldprocedure': an id that starts with the word
        close = sorted((c for c in candidates if isinstance(c, str) and c.startswith(word + "-")), key=len)[:1]
    return f"bedoelde je '{close[0]}'?" if close else ""


def field_path(path: tuple) -> str:
    """Render a path like ('substappen', 0, 'check') as 'substappen[1].check'.

    List positions count from 1, as an editor counts the items in a list.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text
