"""Each catalogus file as read and checked on its own, kept for the next load.

The model cache (`model_cache.py`) answers only when not one file changed. After
one saved file it used to read and check all of them again: 2.4 s at 5,000
knelpunten in a new process. Checking a file needs no other file (`schema.py`),
so what that gives – the data, the file's own problems, the checked entry, the
references and `[[links]]` it holds – depends on the file alone and is kept per
file, keyed by the file's state (`file_state`). The checks across files (ids,
references, links, the register) and linking run on every load, so every
problem an editor can make is still found, with the same file, line and hint.

Each file's outcome is kept as a pickle made right after it was checked, before
linking appends back-references to its entries: every load unpickles objects of
its own, and no load sees links another load made. The positions of its values
stay out of the pickle (see `Source`). The kept outcomes of the last load are
held in memory for the preview's next rebuild and written to disk for the next
process; they belong to one catalogus folder and to the code that made them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..user_cache import keep_newest, user_cache, write_kept
from .links import Link
from .model_cache import code_state
from .problems import Problem
from .schema import Checker, TextField
from .yaml_source import Source, file_state

#: Catalogus folders whose files are kept on disk, the most recently loaded.
KEEP = 20
#: Catalogus folders whose files are also held in memory (the preview loads one, tests many).
IN_MEMORY = 4


@dataclass
class CheckedFile:
    """What reading and checking one file gave, before any other file was looked at."""

    source: Source
    problems: list[Problem]  # of this file alone, in the order they were found
    checker: Checker | None  # None when the file could not be read or was empty
    result: Any  # the checked entry, or INVALID
    links: list[tuple[TextField, Link]]  # every [[link]] in its texts, to check once all ids are known


#: By catalogus folder: (code state, {file key: (file state, pickled CheckedFile)}).
_MEMORY: dict[str, tuple[str, dict[str, tuple[tuple, bytes]]]] = {}


class KeptFiles:
    """The kept files of one load of one catalogus folder."""

    def __init__(self, root: Path):
        name = str(root.resolve())
        self.name = name
        self.code = hashlib.sha256("\n".join(code_state()).encode("utf-8", "surrogateescape")).hexdigest()
        folder = user_cache("bestanden")
        self.place = folder / (hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24] + ".pickle") if folder else None
        self.old = self._recall()
        self.new: dict[str, tuple[tuple, bytes]] = {}
        self.changed = False

    def _recall(self) -> dict[str, tuple[tuple, bytes]]:
        code, files = _MEMORY.get(self.name, ("", {}))
        if code == self.code:
            return files
        if self.place is None:
            return {}
        try:
            with self.place.open("rb") as file:
                code, files = pickle.load(file)
            if code == self.code and isinstance(files, dict):
                return files
        except Exception:  # absent, damaged, or written by other code: read the files as usual
            pass
        return {}

    def checked(self, key: str, file: Path, check: Callable[[], CheckedFile]) -> CheckedFile:
        """The outcome of `check()` for `file`, from what was kept when the file is as it was then.

        `key` names everything besides the file's state that the outcome depends on.
        """
        try:
            state = file_state(os.stat(file))
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
        _MEMORY.pop(self.name, None)  # and in again, as the most recent
        _MEMORY[self.name] = (self.code, self.new)
        while len(_MEMORY) > IN_MEMORY:
            del _MEMORY[next(iter(_MEMORY))]
        if not self.changed and len(self.new) == len(self.old):
            return
        if self.place is not None and write_kept(self.place, lambda file: pickle.dump((self.code, self.new), file, protocol=pickle.HIGHEST_PROTOCOL)):
            keep_newest(self.place.parent, "*.pickle", KEEP)
