"""The data file the browser tools read: the catalogus, only as much as they need.

The tools (werkdrukscan, plan-van-aanpak builder) run in the visitor's browser
and fetch `data/wegwijzer.json` from the site itself. URLs in it are relative to
the site's root, so the file works wherever the site is published.
"""

from __future__ import annotations

from typing import Callable

from ...catalogus import model

DATA_PATH = "data/wegwijzer.json"


def tool_data(catalogus: model.Catalogus, url: Callable[[str, object], str]) -> dict:
    info = catalogus.info
    return {
        "gids": {"id": info.id, "titel": info.titel, "sector": info.sector, "versie": info.versie},
        "minimumGroep": catalogus.scan.minimum_groep if catalogus.scan else 5,
        "groepen": [
            {
                "id": groep.id,
                "titel": groep.titel,
                "soort": groep.soort,
                "factoren": [{"id": f.id, "titel": f.titel, "url": url("factor", f)} for f in groep.factoren],
            }
            for groep in catalogus.werkdrukmodel.groepen
        ],
        "stellingen": [
            {"id": s.id, "tekst": s.tekst, "factor": s.factor.id, "soort": s.soort}
            for s in (catalogus.scan.stellingen if catalogus.scan else [])
        ],
        "knelpunten": [
            {
                "id": k.id, "titel": k.titel, "factor": k.factor.id, "oplossingen": [o.id for o in k.oplossingen],
                "stellingen": [s.id for s in k.stellingen], "url": url("knelpunt", k),
            }
            for factor in catalogus.factoren
            for k in factor.knelpunten
        ],
        "oplossingen": [
            {
                "id": o.id, "titel": o.titel, "aanpak": o.aanpak, "niveau": o.niveau, "termijn": o.termijn,
                "kosten": o.kosten, "grondslag": [b.label for b in o.grondslag], "url": url("oplossing", o),
            }
            for o in catalogus.oplossingen.values()
        ],
        "criteria": [{"id": c.id, "titel": c.titel, "vraag": c.vraag} for c in (catalogus.criteria.criteria if catalogus.criteria else [])],
        # The ids of every checklist question, so a visitor's browser can tell what a new version removed.
        "checklists": {
            **{s.id: [vraag_id for vraag_id, _ in s.vragen] for s in catalogus.substappen},
            **({"benodigdheden": [i for i, _ in catalogus.werksessie.benodigdheden_vragen]} if catalogus.werksessie else {}),
        },
        "labels": {"aanpak": model.AANPAK, "niveau": model.NIVEAU, "termijn": model.TERMIJN, "kosten": model.KOSTEN},
    }
