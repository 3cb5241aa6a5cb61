"""A PDF made in a process of its own: HTML on standard input, the PDF on standard output.

`background.py` runs `python -m wegwijzer.printing.pdf_worker` while the
preview goes on; WeasyPrint holds Python's lock, so a thread would slow the preview.
"""

import os
import sys

from .pdf import PdfToolMissing, make_pdf

if __name__ == "__main__":
    if hasattr(os, "nice"):
        os.nice(10)  # the preview an editor is looking at comes first
    try:
        pdf = make_pdf(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
    except PdfToolMissing as missing:
        sys.exit(str(missing))
    sys.stdout.buffer.write(pdf)
