"""Under `mkdocs serve`, PDFs are made after the preview is shown instead of before.

A PDF of the whole catalogus takes seconds to minutes on a large guide, and even
working out what goes into the PDFs takes most of a second; the preview should
show an editor's save within one. So a rebuild offers the PDFs made last time,
and once the site is written a worker thread works out each PDF's HTML: a PDF
with that HTML in the cache is put in the preview's folder; any other is made by
a separate process (`pdf_worker.py`; WeasyPrint would hold Python's lock, and the
process is kept for the next PDF), then goes into the cache and the folder. A
round starts after two quiet seconds, and a newer save stops the round of an
older one once its current PDF is made (kept in the cache: the next round may
need it as it is; the worker runs at a lower priority than the preview).

While the preview rebuilds, the worker is held (`held_during`): a lower priority
did not keep it off the processor, as a machine's two cores may share one, and
a rebuild at 1,000 knelpunten took up to twice as long beside a WeasyPrint at
work. It goes on where it was once the rebuild is done.

The first preview of a guide waits for no PDF either: at the address of a PDF that
was never made stands `NOT_YET_MADE` until the first round has made it.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ...catalogus import model
from ...whole_file import write_atomic
from ...printing.documents import Document
from ...printing.pdf import PdfSource, PdfToolMissing, made_before, no_pdfs_warning
from ...printing.pdf_worker import MADE, MAX_ANSWER, NOT_MADE, TOOL_MISSING, read_exactly

log = get_plugin_logger(__name__)

#: How long the preview must have been quiet before a round of PDFs starts.
QUIET_SECONDS = 2.0
#: The signal that holds the worker during a rebuild; None where there is none (Windows: it is not held).
HOLD = getattr(signal, "SIGSTOP", None)
#: The worker in a process group of its own: when the preview ends while it holds the worker (killed,
#: or a crash), that group is left without a parent in the session and the system ends a held process
#: in it (POSIX: SIGHUP, then SIGCONT). In the preview's own group, it stayed held for good.
OWN_GROUP = {"process_group": 0} if os.name == "posix" else {}


#: What the preview offers at a PDF's address until that PDF is made for the first time: not a
#: PDF, so no reader mistakes it for one; the preview answers its address with a Dutch page
#: instead (`preview_server.py`). It never leaves the preview: `mkdocs build` makes every PDF.
NOT_YET_MADE = b"wegwijzer: deze PDF wordt nog gemaakt\n"
#: What stands there instead, followed by the reason, once WeasyPrint turned out not to load here.
CANNOT_MAKE = b"wegwijzer: deze PDF kan hier niet gemaakt worden\n"
#: And when making this one PDF failed, followed by the reason; the next save tries again.
FAILED = b"wegwijzer: deze PDF kon niet gemaakt worden\n"


def latest_pdf(cache: Path, slug: str) -> bytes | None:
    """The PDF of `slug` made last, whatever the catalogus was then; None before the first."""
    for _ in range(3):  # the worker may replace it while we look
        try:
            found = made_before(cache, slug)
            return found[-1].read_bytes() if found else None
        except FileNotFoundError:
            continue
    return None


class BackgroundPdfs:
    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wegwijzer-pdf")
        self.round = 0
        self.process: subprocess.Popen | None = None  # the worker, kept between PDFs and rounds
        self.errors = None  # what the worker writes to its standard error
        self.stopped = False  # the preview stopped: the worker's end is no error
        self.missing: str | None = None  # why WeasyPrint cannot be loaded here, once the worker said so
        self.lock = threading.Lock()
        self.held: subprocess.Popen | None = None  # the worker, while a rebuild holds it

    def held_during(self, build):
        """`build`, with the worker held while it runs (see the module's docstring); with `build`'s marks
        (the guard's, the quick rebuild's), so neither is put around it twice."""

        @functools.wraps(build)
        def builder(*args, **kwargs):
            self._hold()
            try:
                return build(*args, **kwargs)
            finally:
                self._release()

        return builder

    def _hold(self) -> None:
        with self.lock:
            process = self.process
            if HOLD and process is not None and process.poll() is None and self.held is None:
                try:
                    os.kill(process.pid, HOLD)
                    self.held = process
                except OSError:  # ended meanwhile
                    pass

    def _release(self) -> None:
        with self.lock:
            process, self.held = self.held, None
            if process is not None:
                try:
                    os.kill(process.pid, signal.SIGCONT)
                except OSError:
                    pass

    def refresh(self, documents: list[Document], catalogus: model.Catalogus, cache: Path, site_dir: str, wait: bool = True) -> None:
        """Bring every PDF in `site_dir` up to date with `catalogus`, after the rebuild; after a quiet
        moment when `wait`."""
        self.round += 1
        self.pool.submit(self._refresh, self.round, documents, catalogus, cache, site_dir, wait)

    def pause(self) -> None:
        """A rebuild starts: a round still waiting, or working out what goes into its PDFs, stops at its
        next step instead of taking the processor from the rebuild (that work holds Python's lock). The
        round after the rebuild makes what is still missing."""
        self.round += 1

    def _refresh(self, round_: int, documents, catalogus, cache, site_dir, wait: bool) -> None:
        if wait:
            time.sleep(QUIET_SECONDS)  # an editor saving again soon gets the whole machine for that rebuild
        for document in documents:
            if round_ != self.round:
                return  # a newer save; its round follows
            try:
                source = PdfSource(document, catalogus, cache)
                pdf = source.from_cache()
                if pdf is None:
                    log.info(f"PDF wordt bijgewerkt: {document.pdf_path}")
                    pdf = self._make_elsewhere(round_, source.html)
                    if pdf is None:
                        return  # stopped
                    source.keep(pdf)
                    log.info(f"PDF bijgewerkt: {document.pdf_path}")
                if self.stopped:
                    return  # the preview's folder is gone: nothing is written where it was
                _write_if_changed(os.path.join(site_dir, document.pdf_path), pdf)
            except PdfToolMissing as missing:
                self.missing = str(missing)
                log.warning(no_pdfs_warning(missing))
                for not_made in documents:  # what a link already offered says so, in Dutch
                    path = os.path.join(site_dir, not_made.pdf_path)
                    if _holds(path, NOT_YET_MADE):
                        write_atomic(Path(path), CANNOT_MAKE + self.missing.encode("utf-8"))
                return
            except Exception as error:  # the preview goes on; `mkdocs build` makes every PDF itself
                log.warning(f"de PDF {document.pdf_path} kon niet gemaakt worden: {error}")
                path = os.path.join(site_dir, document.pdf_path)
                if _holds(path, NOT_YET_MADE):  # no PDF to offer: say why instead of "wordt nog gemaakt"
                    write_atomic(Path(path), FAILED + str(error).encode("utf-8", "replace"))

    def _make_elsewhere(self, round_: int, html: str) -> bytes | None:
        """The PDF of `html`, made by the worker process (started when there is none); None when the
        preview stops it. A worker that ends otherwise (a crash, out of memory) is an error that says so."""
        with self.lock:
            if round_ != self.round or self.stopped:
                return None  # a newer save came while this round looked in the cache
            if self.process is None or self.process.poll() is not None:
                self.errors = tempfile.TemporaryFile()
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "wegwijzer.printing.pdf_worker"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, **OWN_GROUP,
                )
            process = self.process
        try:
            data = html.encode("utf-8", "surrogatepass")
            process.stdin.write(len(data).to_bytes(8, "big") + data)
            process.stdin.flush()
            head = read_exactly(process.stdout, 9)
            size = int.from_bytes(head[1:], "big") if head else 0
            answer = read_exactly(process.stdout, size) if head and head[0] in (MADE, NOT_MADE, TOOL_MISSING) and size <= MAX_ANSWER else None
        except OSError:  # the process ended while it was written to
            answer = None
        if answer is None:
            if self.stopped:
                return None
            process.kill()
            process.wait()
            raise RuntimeError(f"het maken van PDF's stopte onverwacht (code {process.returncode}): {self._last_error()}")
        if head[0] == TOOL_MISSING:
            raise PdfToolMissing(answer.decode("utf-8", "replace"))
        if head[0] != MADE:
            raise RuntimeError(answer.decode("utf-8", "replace"))
        return answer

    def _last_error(self) -> str:
        """The last line the worker wrote to its standard error, as the reason it ended."""
        self.errors.seek(0)
        lines = self.errors.read()[-4000:].decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else "geen melding"

    def shutdown(self) -> None:
        """The preview stops: drop what is queued, stop the worker process."""
        self.round += 1
        self.pool.shutdown(wait=False, cancel_futures=True)
        with self.lock:
            self.stopped = True
            if self.process and self.process.poll() is None:
                self.process.terminate()
                if self.held is self.process:  # a held process ends only once it goes on
                    os.kill(self.process.pid, signal.SIGCONT)


def _holds(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as current:
            return current.read(len(data) + 1) == data
    except OSError:
        return False


def _write_if_changed(path: str, pdf: bytes) -> None:
    try:
        with open(path, "rb") as current:
            if current.read() == pdf:
                return
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomic(Path(path), pdf)
