"""Under `mkdocs serve`, PDFs are made after the preview is shown instead of before.

A PDF of the whole catalogus takes seconds to minutes on a large guide, and even
working out what goes into the PDFs takes most of a second; the preview should
show an editor's save within one. So a rebuild offers the PDFs made last time,
and once the site is written a worker thread works out each PDF's HTML: a PDF
with that HTML in the cache is put in the preview's folder; any other is made by
a separate process (`pdf_worker.py`; WeasyPrint would hold Python's lock), then
goes into the cache and the folder. A round starts after two quiet seconds, and a
newer save stops the round of an older one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ...catalogus import model
from ...whole_file import write_atomic
from ...printing.documents import Document
from ...printing.pdf import PdfSource, made_before

log = get_plugin_logger(__name__)

#: How long the preview must have been quiet before a round of PDFs starts.
QUIET_SECONDS = 2.0


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
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def refresh(self, documents: list[Document], catalogus: model.Catalogus, cache: Path, site_dir: str) -> None:
        """Bring every PDF in `site_dir` up to date with `catalogus`, after the rebuild."""
        self.round += 1
        self.pool.submit(self._refresh, self.round, documents, catalogus, cache, site_dir)

    def _refresh(self, round_: int, documents, catalogus, cache, site_dir) -> None:
        time.sleep(QUIET_SECONDS)  # an editor saving again soon gets the whole machine for that rebuild
        for document in documents:
            if round_ != self.round:
                return  # a newer save; its round follows
            try:
                source = PdfSource(document, catalogus, cache)
                pdf = source.from_cache()
                if pdf is None:
                    log.info(f"PDF wordt bijgewerkt: {document.pdf_path}")
                    pdf = self._make_elsewhere(source.html)
                    if pdf is None:
                        return  # stopped
                    source.keep(pdf)
                    log.info(f"PDF bijgewerkt: {document.pdf_path}")
                _write_if_changed(os.path.join(site_dir, document.pdf_path), pdf)
            except Exception as error:  # the preview goes on; `mkdocs build` makes every PDF itself
                log.warning(f"de PDF {document.pdf_path} kon niet gemaakt worden: {error}")

    def _make_elsewhere(self, html: str) -> bytes | None:
        with self.lock:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "wegwijzer.printing.pdf_worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )
        pdf, errors = self.process.communicate(html.encode("utf-8", "surrogatepass"))
        if self.process.returncode < 0:
            return None  # stopped by shutdown()
        if self.process.returncode:
            raise RuntimeError((errors.decode("utf-8", "replace").strip().splitlines() or ["onbekende fout"])[-1])
        return pdf

    def shutdown(self) -> None:
        """The preview stops: drop what is queued, stop the PDF being made."""
        self.round += 1
        self.pool.shutdown(wait=False, cancel_futures=True)
        with self.lock:
            if self.process and self.process.poll() is None:
                self.process.terminate()


def _write_if_changed(path: str, pdf: bytes) -> None:
    try:
        with open(path, "rb") as current:
            if current.read() == pdf:
                return
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomic(Path(path), pdf)
