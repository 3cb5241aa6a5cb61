"""`wegwijzer check`: errors as in the build, then warnings about gaps and language."""

from __future__ import annotations

from ..catalogus.kwaliteit import MIN_DOUMA, content_gaps, language
from .laden import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
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
