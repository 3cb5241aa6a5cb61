"""`wegwijzer check`: errors as in the build, then warnings about gaps and language.

Two problems the build lets pass, check refuses: a `grondslag` outside the
Arbowetgeving (a guide that built with it keeps building, and shows it under 'Ook
van belang') and a submitted catalogus without the address where it is published.
The Arbeidsinspectie would not accept either.

Check finds everything the build finds: the catalogus itself, and (through
`catalogus.handpaginas`, the same code the site build runs) the hand-written
pages in the docs folder named in mkdocs.yml and the logo, and folders mkdocs.yml
names outside the project (`settings_problems`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..catalogus import CatalogusError
from ..catalogus.handpaginas import custom_dir_of, docs_dir_of, page_problems, page_warnings, settings_problems
from ..catalogus.kwaliteit import MIN_DOUMA, content_gaps, language, verplicht_bij_indienen
from ..catalogus.loader import display_path
from ..catalogus.problems import Problem

#: The program's own folder: its base, register and pages come along with every installation.
PROGRAM = Path(__file__).resolve().parent.parent
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    from ..pages.generated import page_specs  # the pages the build makes from the catalogus

    docs_dir = docs_dir_of(args.map)
    project = Path(args.map).resolve().parent
    problems = settings_problems(project, docs_dir, custom_dir_of(project), lambda path: display_path(Path(path)))
    problems += page_problems(catalogus, docs_dir, [spec.src_uri for spec in page_specs(catalogus)], lambda path: display_path(Path(path)))
    problems += catalogus.toetsingsfouten + verplicht_bij_indienen(catalogus)  # the build goes on with these; check does not
    if problems:
        print(CatalogusError(problems).report(), file=sys.stderr)
        return 1
    warnings = content_gaps(catalogus)
    language_warnings, pages = language(catalogus)
    warnings += language_warnings
    warnings += page_warnings(catalogus, docs_dir, lambda path: display_path(Path(path)))
    own, base = split_base(warnings, catalogus.lagen)
    print(f"Geen fouten in {args.map}: {len(catalogus.knelpunten)} knelpunten, {len(catalogus.oplossingen)} oplossingen.")
    print(f"Leesbaarheid van de MKB-route (Flesch-Douma, B1 vanaf {MIN_DOUMA}):")
    for page in pages:
        print(f"  stap {page.stap}: {page.douma:.0f} ({page.woorden} woorden, {page.zinnen} zinnen)")
    if own:
        print(f"{len(own)} waarschuwing(en):")
        for warning in own:
            print(f"  {warning}")
    if base and getattr(args, "basis", False):
        print(f"{len(base)} opmerking(en) over de basis:")
        for warning in base:
            print(f"  {warning}")
    elif base:
        print(f"Uit de basis: {len(base)} {'opmerking' if len(base) == 1 else 'opmerkingen'} over teksten die met het programma "
              "meekomen; je hoeft er niets aan te doen (bekijk ze met 'wegwijzer check --basis').")
    return 0


def split_base(warnings: list[Problem], lagen: list[str]) -> tuple[list[Problem], list[Problem]]:
    """(the sector's own warnings, those about the base): a file of the program or of a base below the catalogus."""
    own_folder = Path(lagen[-1]).resolve() if lagen else None
    others = [PROGRAM, *(Path(layer).resolve() for layer in lagen[:-1])]
    own, base = [], []
    for warning in warnings:
        path = Path(os.path.abspath(warning.mark.path))
        inside_own = own_folder is not None and path.is_relative_to(own_folder)
        (base if not inside_own and any(path.is_relative_to(folder) for folder in others) else own).append(warning)
    return own, base
