"""Which catalogus files a page is made of, named as in a catalogus folder (`knelpunten/x.yml`).

Whoever makes a page names them beside it, where the entries are at hand: the page
layer (`generated.py`), the tools' pages and printing. Under every page, "Laatst
gewijzigd" is the newest change of these files (`catalogus/paginainfo.py`); the
adapter carries them from the page's maker to that line (`plugins/pagina_bestand.py`).
"""

from __future__ import annotations

from pathlib import Path

from ..catalogus import model
from ..catalogus.loader import STEP_FOLDER
from ..catalogus.soorten import SOORTEN

Bronnen = tuple[str, ...]


def van(kind: str, ids) -> Bronnen:
    """The files of entries of `kind` (one file each): `van("knelpunt", ["a"])` is ("knelpunten/a.yml",)."""
    return tuple(f"{SOORTEN[kind].map}/{id_}.yml" for id_ in ids)


def stap(stap: model.Stap) -> Bronnen:
    return (f"{STEP_FOLDER}/{Path(stap.origin.path).name}",) if stap.origin else ()


def stappen(catalogus: model.Catalogus) -> Bronnen:
    return tuple(naam for s in catalogus.stappen for naam in stap(s))


def praktijk(entry) -> Bronnen:
    """The quotes from practice an entry shows."""
    return van("praktijk", (verhaal.id for verhaal in getattr(entry, "praktijk", None) or []))
