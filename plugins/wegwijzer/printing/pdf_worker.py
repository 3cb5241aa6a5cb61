"""PDFs made in a process of their own, one after another, for as long as it is asked.

`background.py` runs `python -m wegwijzer.printing.pdf_worker` while the preview
goes on: WeasyPrint holds Python's lock, so a thread would slow the preview. One
process serves every PDF of the preview until it is stopped, because importing
WeasyPrint takes about a second, as long as a small PDF.

Each request on standard input is the HTML's length in 8 bytes (big-endian), then
the HTML in UTF-8; each answer on standard output is one byte (0: a PDF, 1: why
there is none, in Dutch; 2: the same, because WeasyPrint cannot be loaded), the
length in 8 bytes, then that many bytes.
"""

import os
import sys

from .pdf import PdfToolMissing, make_pdf

MADE, NOT_MADE, TOOL_MISSING = 0, 1, 2


def read_exactly(stream, size: int) -> bytes | None:
    """`size` bytes from `stream`, or None when it ends first."""
    data = b""
    while len(data) < size:
        more = stream.read(size - len(data))
        if not more:
            return None
        data += more
    return data


#: The largest answer the preview reads: more means the two processes no longer agree.
MAX_ANSWER = 2**31


def serve(requests, answers) -> None:
    while (head := read_exactly(requests, 8)) is not None:
        html = read_exactly(requests, int.from_bytes(head, "big"))
        if html is None:
            return
        try:
            kind, data = MADE, make_pdf(html.decode("utf-8", "surrogatepass"))
        except PdfToolMissing as missing:
            kind, data = TOOL_MISSING, str(missing).encode("utf-8")
        except Exception as error:  # said to the preview, which goes on with the next PDF
            kind, data = NOT_MADE, f"{type(error).__name__}: {error}".encode("utf-8")
        answers.write(bytes([kind]) + len(data).to_bytes(8, "big") + data)
        answers.flush()


def _own_answers():
    """Standard output for the answers alone: whatever else writes there (WeasyPrint prints its
    installation help to it when Pango is missing) goes to standard error instead."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    return answers


if __name__ == "__main__":
    if hasattr(os, "nice"):
        os.nice(10)  # the preview an editor is looking at comes first
    serve(sys.stdin.buffer, _own_answers())
