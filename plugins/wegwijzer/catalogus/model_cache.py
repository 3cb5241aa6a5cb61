"""The last loaded catalogus, kept (`cache.py`, store `catalogus`) for the next run that reads the same files.

`mkdocs build`, the preview and the `wegwijzer` commands each start a new
process. Even with every file's own check kept (`file_cache.py`), a load takes
0.9 s at 5,000 knelpunten: the checks across files and linking run every time.
When not one file changed, the model that came out last time is the answer
again, and unpickling it takes a seventh of that.

Writing the model costs 0.15 s at that size, so it is written only once it is
asked for twice: by a load that found every file as the load before left it.
While an editor saves and previews, each load follows a change, and none pays
for a model that the next save would make stale.

The key is everything a load depends on: each file in every layer by its state
(`cache.file_state`), the code (`cache.code_state`) and the folder the editor
works in (problems and warnings name files relative to it). Only a load without
problems is kept, so an editor's mistakes are always found afresh, with file and
line.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Callable

from .. import cache


def cached_load(root: Path, layers: list[Path], load: Callable[[], object], worth_keeping: Callable[[], bool],
                states: dict | None = None):
    """The model `load()` gives for `root`, from the cache when none of its inputs changed.

    After a load, `worth_keeping()` tells whether the model should be written. The state of each
    file of the layers goes into `states` before `load()` runs (`file_cache.py` takes it from there).
    """
    place = cache.path("catalogus", cache.key(root.resolve())[:24] + ".pickle")
    if place is None:
        return load()
    lines = [cache.code_state(), os.getcwd()]
    for folder in layers:
        cache.folder_state(folder, lines, states)
    key = cache.key(*lines)
    kept = cache.read(place)
    if kept is not None:
        try:
            file = io.BytesIO(kept)
            if pickle.load(file) == key:  # the key is stored first, so a stale model is not unpickled
                return _from(pickle.load(file), key)
        except Exception:  # damaged, or written by other code: load as usual
            pass
    model = load()  # raises CatalogusError on problems; nothing is kept then
    if worth_keeping():
        try:
            cache.write(place, lambda file: (pickle.dump(key, file), _dump_deep(model, file)))
        except (pickle.PicklingError, RecursionError):
            pass
    return _from(model, key)


def _from(model, key: str):
    """`model`, noting the key of the files it was loaded from (their states were taken before they were read):
    what is made of the model alone can be kept under it (`printing/pdf.py`). Not a field: no page reads it."""
    model._invoer = key
    return model


def _dump_deep(value, file) -> None:
    """Pickle `value`, whose links (knelpunt -> oplossing -> knelpunt ...) pickle follows depth first.

    At 5,000 knelpunten that goes deeper than Python's default limit of 1,000 calls,
    so it runs on a thread of its own with room for far deeper chains.
    """
    failure: list[BaseException] = []

    def dump() -> None:
        try:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # handed to the caller's thread
            failure.append(error)

    limit, stack = sys.getrecursionlimit(), threading.stack_size(_STACK)
    try:
        sys.setrecursionlimit(max(limit, _DEPTH))
        worker = threading.Thread(target=dump, name="wegwijzer-cache")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(stack)
        sys.setrecursionlimit(limit)
    if failure:
        raise failure[0]


#: Stack and call depth for pickling: 512 MB is reserved, not used, until a chain needs it.
_STACK = 512 * 1024 * 1024
_DEPTH = 200_000
