"""`wegwijzer check`: errors as in the build, then warnings about gaps and language.

Check finds everything the build finds: the catalogus itself, and (through
`catalogus.handpaginas`, the same code the site build runs) the hand-written
pages in the docs folder named in mkdocs.yml and the logo, and folders mkdocs.yml
names outside the project (`settings_problems`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..catalogus import CatalogusError
from ..catalogus.handpaginas import custom_dir_of, docs_dir_of, page_problems, settings_problems
from ..catalogus.kwaliteit import MIN_DOUMA, content_gaps, language
from ..catalogus.loader import display_path
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    from ..plugins.catalogus.pages import page_specs  # the pages the build makes from the catalogus

    docs_dir = docs_dir_of(args.map)
    project = Path(args.map).resolve().parent
    problems = settings_problems(project, docs_dir, custom_dir_of(project), lambda path: display_path(Path(path)))
    problems += page_problems(catalogus, docs_dir, [spec.src_uri for spec in page_specs(catalogus)], lambda path: display_path(Path(path)))
    if problems:
        print(CatalogusError(problems).report(), file=sys.stderr)
        return 1
    warnings = content_gaps(catalogus)
    language_warnings, pages = language(catalogus)
    warnings += language_warnings
    print(f"Geen fouten in {args.map}: {len(catalogus.knelpunten)} knelpunten, {len(catalogus.oplossingen)} oplossingen.")
    print(f"Leesbaarheid van de MKB-route (Flesch-Douma, B1 vanaf {MIN_DOUMA}):")
    for page in pages:
        print(f"  stap {page.stap}: {page.douma:.0f} ({page.woorden} woorden, {page.zinnen} zinnen)")
    if warnings:
        print(f"{len(warnings)} waarschuwing(en):")
        for warning in warnings:
            print(f"  {warning}")
    return 0
