"""The last loaded catalogus, kept on disk for the next run that reads the same files.

`mkdocs build`, the preview and the `wegwijzer` commands each start a new
process. Even with every file's own check kept (`file_cache.py`), a load takes
0.7 s at 5,000 knelpunten: the checks across files and linking run every time.
When not one file changed, the model that came out last time is the answer
again, and unpickling it takes a fifth of that.

Writing the model costs 0.15 s at that size, so it is written only once it is
asked for twice: by a load that found every file as the load before left it.
While an editor saves and previews, each load follows a change, and none pays
for a model that the next save would make stale.

The key is everything a load depends on: each file in every layer by path,
modification and status time, size and inode (Python checks its .pyc files by
modification time and size alone), the
code of this package, the folder the editor works in (problems and warnings name
files relative to it) and the versions of Python and PyYAML. Only a load without
problems is kept, so an editor's mistakes are always found afresh, with file and
line. A cache that is missing, damaged or from other code is read past, and one
that cannot be written is skipped: the catalogus is then loaded as it always was.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Callable

import yaml

from ..user_cache import keep_newest, user_cache, write_kept
from .yaml_source import file_state

#: Change when what is stored changes shape, so an old file is never taken for a new one.
FORMAT = 2
#: Catalogus folders kept (one file each, the most recently used): the cache stays small.
KEEP = 20
_PACKAGE = Path(__file__).resolve().parent
#: The code and data a load reads besides the catalogus: this package and the register of provisions.
_CODE = (_PACKAGE, _PACKAGE.parent / "register")


def cache_folder() -> Path | None:
    return user_cache("catalogus")


def _stats(folder: str, into: list) -> None:
    """Every file below `folder` with its state (see `file_state`), in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            _stats(entry.path, into)
        else:
            try:
                stat = entry.stat()
            except OSError:
                continue
            into.append(f"{entry.path}\0{file_state(stat)}")


def code_state() -> list[str]:
    """The state of the code a load runs: what every cache of loaded files must also depend on."""
    lines = [f"{FORMAT}", sys.version, yaml.__version__]
    for folder in _CODE:
        lines.append(f"[{folder}]")
        _stats(str(folder), lines)
    return lines


def cache_key(layers: list[Path]) -> str:
    """What a load of these layers depends on, as one hash."""
    lines = [*code_state(), os.getcwd()]
    for folder in layers:
        lines.append(f"[{folder}]")
        _stats(str(folder), lines)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def cached_load(root: Path, layers: list[Path], load: Callable[[], object], worth_keeping: Callable[[], bool]):
    """The model `load()` gives for `root`, from the cache when none of its inputs changed.

    After a load, `worth_keeping()` tells whether the model should be written.
    """
    folder = cache_folder()
    if folder is None:
        return load()
    key = cache_key(layers)
    place = folder / (hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24] + ".pickle")
    try:
        with place.open("rb") as file:
            if pickle.load(file) == key:  # the key is stored first, so a stale model is not read at all
                model = pickle.load(file)
                os.utime(place)  # recently used: kept when older ones are cleared
                return model
    except Exception:  # absent, damaged, or written by other code: load as usual
        pass
    model = load()  # raises CatalogusError on problems; nothing is kept then
    if worth_keeping():
        _store(place, key, model)
    return model


def _store(place: Path, key: str, model) -> None:
    try:
        written = write_kept(place, lambda file: (pickle.dump(key, file), _dump_deep(model, file)))
    except (pickle.PicklingError, RecursionError):
        return
    if written:
        keep_newest(place.parent, "*.pickle", KEEP)


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
