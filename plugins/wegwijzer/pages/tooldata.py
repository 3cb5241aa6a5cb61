"""The data files the browser tools read: the catalogus, only as much as each needs.

The tools run in the visitor's browser and fetch their files from the site
itself. URLs in them are relative to the site's root, so the files work wherever
the site is published. All are cut from one description of the catalogus
(`tool_data`), so they never disagree.

- `data/scan.json`: the werkdrukscan, its team result and presentation, and the
  planhulp's "top 3 from my scan". Only a knelpunt with statements can rank, so
  only those go in, with the oplossingen the result shows beside them. At 5,000
  knelpunten the scan then downloads what it ranks, not the whole catalogus.
- `data/plan.json` and `data/plan/{knelpunten,oplossingen}/<id>.json`: the
  planhulp. A plan holds a few knelpunten and oplossingen out of thousands, so
  it fetches those one by one, and only the criteria and labels up front. In a
  long catalogus it offers knelpunten per factor (`data/plan/factoren/<id>.json`).
- `data/versies.json`: only ids, which a browser needs once per new version (or
  for an opened plan file) to tell what of a visitor's stored work still exists.
"""

from __future__ import annotations

from typing import Callable

from ..catalogus import model

SCAN_PATH = "data/scan.json"
PLAN_PATH = "data/plan.json"
VERSIONS_PATH = "data/versies.json"


def data_files(catalogus: model.Catalogus, url: Callable[[str, object], str]) -> dict[str, dict | list]:
    """Every data file of the tools, by its path in the site."""
    data = tool_data(catalogus, url)
    files: dict[str, dict | list] = {SCAN_PATH: scan_data(data), PLAN_PATH: plan_data(data), VERSIONS_PATH: versions_data(data)}
    for groep in data["groepen"]:  # for the planhulp's choice by factor in a long catalogus
        for factor in groep["factoren"]:
            files[f"data/plan/factoren/{factor['id']}.json"] = []
    for k in data["knelpunten"]:
        files[f"data/plan/knelpunten/{k['id']}.json"] = {"id": k["id"], "titel": k["titel"], "url": k["url"], "oplossingen": k["oplossingen"]}
        files[f"data/plan/factoren/{k['factor']}.json"].append({"id": k["id"], "titel": k["titel"]})
    for o in data["oplossingen"]:
        files[f"data/plan/oplossingen/{o['id']}.json"] = o
    return files


def tool_data(catalogus: model.Catalogus, url: Callable[[str, object], str]) -> dict:
    """All the tools could use, in one dict; the files are cut from it."""
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


def scan_data(data: dict) -> dict:
    """What the scan ranks (see ranking.js: a knelpunt counts only through its statements)."""
    knelpunten = [k for k in data["knelpunten"] if k["stellingen"]]
    getoond = {o for k in knelpunten for o in k["oplossingen"]}
    return {
        "gids": data["gids"],
        "minimumGroep": data["minimumGroep"],
        "groepen": data["groepen"],
        "stellingen": data["stellingen"],
        "knelpunten": knelpunten,
        "oplossingen": [{"id": o["id"], "titel": o["titel"], "url": o["url"]} for o in data["oplossingen"] if o["id"] in getoond],
    }


def plan_data(data: dict) -> dict:
    """What the planhulp needs before any knelpunt is chosen."""
    return {"gids": data["gids"], "criteria": data["criteria"], "labels": data["labels"]}


def versions_data(data: dict) -> dict:
    """The ids of everything a visitor can store something of (see versies.js)."""
    return {
        "gids": data["gids"],
        **{name: [x["id"] for x in data[name]] for name in ("stellingen", "knelpunten", "oplossingen", "criteria")},
        "checklists": data["checklists"],
    }
