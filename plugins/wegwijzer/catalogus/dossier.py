"""The toetsingsdossier: what a branch organisation sends the Arbeidsinspectie.

The Inspectie toetst an arbocatalogus on who made it, for whom, until when, and
whether every measure names the provision of the Arbowetgeving it fills in
(Beleidsregel arbocatalogi); it does not consider one the parties have not
adopted and signed. This module gathers exactly that from the model, so the PDF,
the CSV, `wegwijzer dossier` and `wegwijzer toetsklaar` tell the same story. What
is still missing is not printed in the dossier: `toetsklaar` lists it, and the
dossier says 'concept' on every page while anything is.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import model
from .kwaliteit import arbocatalogus, content_gaps
from .normen import Bepaling
from .open_data import spreadsheet_cell
from .problems import Problem

#: The columns of the dossier's CSV: one row per measure per knelpunt.
KOLOMMEN = ["knelpunt", "knelpunt_id", "factor", "oplossing", "oplossing_id", "niveau", "aanpak", "grondslag", "onderwerp_grondslag", "grondslag_nagekeken", "bronnen", "onderbouwing", "ook_van_belang"]


@dataclass
class Maatregel:
    """An oplossing as the Inspectie reads it: level, approach, norms (in the law's order) and sources."""

    oplossing: model.Oplossing
    normen: list[Bepaling]  # the grondslag: the Arbowetgeving
    ook: list[Bepaling]  # provisions of other laws, 'ook van belang'

    @property
    def niveau(self) -> str:
        return ", ".join(model.NIVEAU[n] for n in self.oplossing.niveau)

    @property
    def aanpak(self) -> str:
        return model.AANPAK[self.oplossing.aanpak]

    @property
    def onderbouwing(self) -> str:
        o = self.oplossing.onderbouwing
        return f"{model.ONDERBOUWING[o.soort]}: {o.toelichting}" if o else ""


def _order(oplossing: model.Oplossing) -> tuple:
    """The Inspectie's order: organisation before team before individual, the source before resilience."""
    level = min(list(model.NIVEAU).index(n) for n in oplossing.niveau)
    return (level, list(model.AANPAK).index(oplossing.aanpak), oplossing.titel)


def per_knelpunt(catalogus: model.Catalogus) -> list[tuple[model.Knelpunt | None, list[Maatregel]]]:
    """Every knelpunt with its measures; measures no knelpunt names come last, under None."""
    key = _law_order(catalogus)
    maatregel = lambda o: Maatregel(o, sorted(o.grondslag, key=key), sorted(o.ook_van_belang, key=key))  # noqa: E731
    rows = [(k, [maatregel(o) for o in sorted(k.oplossingen, key=_order)]) for k in sorted(catalogus.knelpunten.values(), key=lambda k: k.titel)]
    loose = [maatregel(o) for o in sorted(catalogus.oplossingen.values(), key=_order) if not o.knelpunten]
    return rows + ([(None, loose)] if loose else [])


def normtabel(catalogus: model.Catalogus) -> list[tuple[Bepaling, list[model.Oplossing]]]:
    """Every provision the guide cites, in the register's order, with the measures that fill it in."""
    cited = sorted((b for b in catalogus.normen.bepalingen.values() if b.oplossingen), key=_law_order(catalogus))
    return [(b, sorted(b.oplossingen, key=lambda o: o.titel)) for b in cited]


def risicotabel(catalogus: model.Catalogus) -> list[tuple[model.Knelpunt, list[Bepaling], list[model.Oplossing]]]:
    """The Beleidsregel's form: each risk (knelpunt) with the doelvoorschriften its measures fill in, and the measures."""
    key = _law_order(catalogus)
    rows = []
    for knelpunt in sorted(catalogus.knelpunten.values(), key=lambda k: (k.factor.titel, k.titel)):
        normen = {b.sleutel: b for o in knelpunt.oplossingen for b in o.grondslag}
        rows.append((knelpunt, sorted(normen.values(), key=key), sorted(knelpunt.oplossingen, key=_order)))
    return rows


def ook_van_belang(catalogus: model.Catalogus) -> list[tuple[Bepaling, list[model.Oplossing]]]:
    """Provisions of other laws the guide names beside the grondslag, with the measures that name them."""
    cited = sorted((b for b in catalogus.normen.bepalingen.values() if b.ook_bij), key=_law_order(catalogus))
    return [(b, sorted(b.ook_bij, key=lambda o: o.titel)) for b in cited]


def uit_de_basis(catalogus: model.Catalogus) -> int:
    """How many measures come from the base the guide builds on, not from the sector's own folder:
    the declaration says the parties adopt those too."""
    own = Path(catalogus.lagen[-1]) if catalogus.lagen else None
    return sum(1 for o in catalogus.oplossingen.values() if own is None or o.origin is None or not Path(o.origin.path).resolve().is_relative_to(own))


def open_punten(catalogus: model.Catalogus, today: date | None = None) -> list[Problem]:
    """What the Inspectie would hold against the dossier: the arbocatalogus itself, norms and sources of measures."""
    fields = {"grondslag", "bronnen", "arbowet", "bron"}
    gaps = [p for p in content_gaps(catalogus, today) if p.field in fields]
    return arbocatalogus(catalogus, today) + catalogus.toetsingsfouten + gaps


def alle_bronnen(catalogus: model.Catalogus) -> list[tuple[model.Bron, list[str]]]:
    """Every source used anywhere in the guide, once, with the titles of what uses it."""
    found: dict[tuple, tuple[model.Bron, list[str]]] = {}
    users = [(o.titel, o.bronnen) for o in catalogus.oplossingen.values()]
    users += [(k.titel, k.bronnen) for k in catalogus.knelpunten.values()]
    users += [(i.titel, i.bronnen) for i in catalogus.instrumenten.values()]
    users += [(f"pagina {page}", bronnen) for page, bronnen in catalogus.pagina_bronnen.items()]
    for titel, bronnen in users:
        for bron in bronnen:
            key = (bron.titel.lower(), bron.uitgever, bron.jaar)
            found.setdefault(key, (bron, []))[1].append(titel)
    return sorted(found.values(), key=lambda item: item[0].titel.lower())


def to_csv(catalogus: model.Catalogus) -> str:
    """The dossier's table for a spreadsheet: semicolons and UTF-8 with BOM, as Dutch Excel opens it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(KOLOMMEN)
    for knelpunt, maatregelen in per_knelpunt(catalogus):
        for m in maatregelen:
            o = m.oplossing
            writer.writerow([spreadsheet_cell(cell) for cell in [
                knelpunt.titel if knelpunt else "", knelpunt.id if knelpunt else "", knelpunt.factor.titel if knelpunt else "",
                o.titel, o.id, m.niveau, m.aanpak,
                " | ".join(b.label for b in m.normen),
                " | ".join(b.onderwerp for b in m.normen),
                " | ".join("ja" if b.bevestigd else "nee" for b in m.normen),
                " | ".join(b.tekst for b in o.bronnen),
                m.onderbouwing,
                " | ".join(b.label for b in m.ook),
            ]])
    return "\ufeff" + out.getvalue()


def _law_order(catalogus: model.Catalogus):
    """Sort key for provisions: the register's order of laws, then article, lid and letter."""
    wetten = list(catalogus.normen.wetten)
    return lambda b: (wetten.index(b.wet.id), _numbers(b.artikel), b.lid or 0, b.letter or "")


@functools.lru_cache(maxsize=4096)  # a guide cites a few hundred articles, each in thousands of sorts
def _numbers(artikel: str) -> tuple:
    return tuple(int("".join(c for c in part if c.isdigit()) or 0) for part in artikel.replace(":", ".").split("."))
