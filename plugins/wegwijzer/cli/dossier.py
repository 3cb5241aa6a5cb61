"""`wegwijzer dossier`: the toetsingsdossier for the Arbeidsinspectie, without building the site.

The same PDF and CSV the site offers on its Verantwoording page, written to a folder:
a folder of its own, never one of the project's sources (`output_folder.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..catalogus.handpaginas import docs_dir_of

from ..catalogus.dossier import open_punten, to_csv
from ..printing.documents import toetsingsdossier
from ..printing.pdf import INSTALL_HINT, PdfToolMissing, write_pdf
from ..output_folder import DOSSIER, make_folder, own_layers, project_sources, refusal
from ..whole_file import write_atomic
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    folder = Path(args.uit)
    catalogus_folder = Path(args.map).resolve()
    project = catalogus_folder.parent
    sources = project_sources(project, [catalogus_folder, *own_layers(catalogus.lagen)], docs_dir_of(args.map))
    shown = f"--uit {args.uit}"
    problem = refusal(folder, DOSSIER, project, sources, shown) or make_folder(folder, shown)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    csv_path = folder / "toetsingsdossier.csv"
    write_atomic(csv_path, to_csv(catalogus).encode("utf-8"))
    print(f"geschreven: {csv_path}")
    try:
        pdf = write_pdf(toetsingsdossier(catalogus), catalogus)
    except PdfToolMissing as missing:
        print(f"De PDF is niet gemaakt: {missing}. Oplossing: {INSTALL_HINT}.")
        return 1
    pdf_path = folder / "toetsingsdossier.pdf"
    write_atomic(pdf_path, pdf)
    print(f"geschreven: {pdf_path}")
    punten = open_punten(catalogus)
    print(f"Dit is een concept: {len(punten)} {'punt staat' if len(punten) == 1 else 'punten staan'} nog open. Welke, zie je met 'wegwijzer toetsklaar'."
          if punten else "Er staat niets open: het dossier is klaar om te ondertekenen en in te dienen.")
    return 0
