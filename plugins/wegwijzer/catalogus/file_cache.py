"""Each catalogus file as read and checked on its own, kept for the next load.

The model cache (`model_cache.py`) answers only when not one file changed. After
one saved file it used to read and check all of them again: 2.4 s at 5,000
knelpunten in a new process. Checking a file needs no other file (`schema.py`),
so what that gives – the data, the file's own problems, the checked entry, the
references and `[[links]]` it holds – depends on the file alone and is kept per
file, keyed by the file's state (`cache.file_state`). The checks across files (ids,
references, links, the register) and linking run on every load, so every
problem an editor can make is still found, with the same file, line and hint.

Each file's outcome is kept as a pickle made right after it was checked, before
linking appends back-references to its entries: every load unpickles objects of
its own, and no load sees links another load made. The positions of its values
stay out of the pickle (see `Source`). The outcomes of one load are kept in one
file (`cache.py`, store `bestanden`) per catalogus folder, with the code that made
them. The preview reads that file again on each rebuild too: holding it in memory
as well saved no measurable time, at 100 to 5,000 knelpunten (issue 30).
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import cache
from .links import Link
from .problems import Problem
from .schema import Checker, TextField
from .yaml_source import Source


@dataclass
class CheckedFile:
    """What reading and checking one file gave, before any other file was looked at."""

    source: Source
    problems: list[Problem]  # of this file alone, in the order they were found
    checker: Checker | None  # None when the file could not be read or was empty
    result: Any  # the checked entry, or INVALID
    links: list[tuple[TextField, Link]]  # every [[link]] in its texts, to check once all ids are known


class KeptFiles:
    """The kept files of one load of one catalogus folder."""

    def __init__(self, root: Path, states: dict[str, tuple] | None = None):
        self.states = states or {}  # path -> state, as the model cache's key took them just before (one look at each file)
        self.code = cache.code_state()
        self.place = cache.path("bestanden", cache.key(root.resolve())[:24] + ".pickle")
        self.old = self._recall()
        self.new: dict[str, tuple[tuple, bytes]] = {}
        self.changed = False

    def _recall(self) -> dict[str, tuple[tuple, bytes]]:
        kept = cache.read(self.place)
        try:
            code, files = pickle.loads(kept) if kept else ("", {})
        except Exception:  # damaged, or written by other code: read the files as usual
            return {}
        return files if code == self.code and isinstance(files, dict) else {}

    def checked(self, key: str, file: Path, check: Callable[[], CheckedFile]) -> CheckedFile:
        """The outcome of `check()` for `file`, from what was kept when the file is as it was then.

        `key` names everything besides the file's state that the outcome depends on.
        """
        state = self.states.get(str(file))
        if state is None:
            try:
                state = cache.file_state(os.stat(file))
            except OSError:  # gone meanwhile: `check` reports it
                self.changed = True
                return check()
        kept = self.old.get(key)
        if kept is not None and kept[0] == state:
            self.new[key] = kept
            return pickle.loads(kept[1])
        outcome = check()  # the state was taken first: a save during the read is caught next time
        try:
            self.new[key] = (state, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, RecursionError):  # not kept: only slower next time
            pass
        self.changed = True
        return outcome

    def save(self) -> None:
        """Keep this load's files for the next one; a removed file is forgotten."""
        if self.place is not None and (self.changed or len(self.new) != len(self.old)):
            cache.write(self.place, pickle.dumps((self.code, self.new), protocol=pickle.HIGHEST_PROTOCOL))
