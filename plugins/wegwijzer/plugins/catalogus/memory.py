"""Garbage collection during a build only over what the build makes, and in the preview between rebuilds.

Python's cyclic garbage collector now and then looks at every object the process
holds. The preview holds much between rebuilds (the catalogus, every page's kept
HTML, MkDocs' files and navigation), so at 1,000 knelpunten each full collection
took about 0.3 s, two or three times per rebuild: a fifth of the wait after a save.

After each build, once the browser has had time to reload, what is still held is
collected once and then frozen (`gc.freeze`): the collections during the next
rebuild look only at what that rebuild made. Nothing is kept longer than it would
be otherwise: the next tidy-up unfreezes everything first, so what an older build
left behind is collected then.

Within a build the same holds for what it keeps to the end: the catalogus, the
files and the pages once they are read (`hold`, in `on_nav` and `on_env`). A build
that is not a preview lets go of it when it ends (`release`); the preview's next
tidy-up does.

A quick rebuild of the preview (`quick.py`) collects nothing at all (`paused`):
nearly all it makes lives until the next build (the new catalogus, its
fingerprints, the pages), and at 1,000 knelpunten some 135 collections among
those objects took 0.05–0.08 s of every save. At its end what it made is frozen,
as by a tidy-up (else the first collection after it looked at every object it
made: 0.07–0.09 s). What it leaves as garbage (the catalogus it replaced) is
collected by the tidy-up after it. A tidy-up never runs during a build
(`not_now`): a save within a second of the last one got one, 0.3 s, in the middle.
"""

from __future__ import annotations

import contextlib
import gc
import threading

#: Seconds after a build before the tidy-up: the reload of the open page comes first.
TIDY_AFTER = 1.0


def hold() -> None:
    """What exists now stays to the end of the build: the collections from here on skip it."""
    gc.freeze()


def release() -> None:
    """The build ended: its objects are collected as usual again."""
    gc.unfreeze()


@contextlib.contextmanager
def paused():
    """No collection meanwhile, and what was made frozen at the end (see the module's docstring);
    collections as before afterwards, however it ends. Only where a tidy-up follows (`Tidy.soon`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class Tidy:
    """Collect and freeze what the preview holds, TIDY_AFTER seconds after each build."""

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def soon(self) -> None:
        """A build ended (with or without success): tidy up shortly, once, however many builds end meanwhile."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(TIDY_AFTER, self.now)
            self._timer.daemon = True
            self._timer.start()

    def not_now(self) -> None:
        """A build starts: the tidy-up waits for its end (`soon`), not for a moment in the middle of it."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def now(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        """The preview stops: no tidy-up after it, and nothing left frozen."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        gc.unfreeze()
