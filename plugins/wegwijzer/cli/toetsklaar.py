"""`wegwijzer toetsklaar`: what still stands between the catalogus and submitting it.

The toetsingsdossier does not print its own gaps (the Arbeidsinspectie would read
them as the catalogus); it says 'concept' while any are open. This command lists
them, with file, line and what to do, and exits non-zero until none are left.
"""

from __future__ import annotations

from ..catalogus.dossier import open_punten
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    punten = open_punten(catalogus)
    if not punten:
        print(f"Klaar om in te dienen: in {args.map} staat niets meer open. Maak het dossier met 'wegwijzer dossier'.")
        return 0
    print(f"Nog niet klaar om in te dienen: {len(punten)} {'punt staat' if len(punten) == 1 else 'punten staan'} open. "
          "Zolang er iets open staat, staat er 'concept' op elke pagina van het toetsingsdossier.")
    for nummer, punt in enumerate(punten, start=1):
        print(f"  {nummer}. {punt}")
    return 1
