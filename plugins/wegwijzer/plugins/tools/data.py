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
        "gids": {"titel": info.titel, "sector": info.sector, "versie": info.versie, "sleutel": info.sleutel},
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
            {"id": k.id, "titel": k.titel, "factor": k.factor.id, "oplossingen": [o.id for o in k.oplossingen], "url": url("knelpunt", k)}
            for factor in catalogus.factoren
            for k in factor.knelpunten
        ],
        "oplossingen": [
            {
                "id": o.id, "titel": o.titel, "aanpak": o.aanpak, "niveau": o.niveau, "termijn": o.termijn,
                "kosten": o.kosten, "arbowet": o.arbowet, "url": url("oplossing", o),
            }
            for o in catalogus.oplossingen.values()
        ],
        "criteria": [{"id": c.id, "titel": c.titel, "vraag": c.vraag} for c in (catalogus.criteria.criteria if catalogus.criteria else [])],
        "labels": {"aanpak": model.AANPAK, "niveau": model.NIVEAU, "termijn": model.TERMIJN, "kosten": model.KOSTEN},
    }
