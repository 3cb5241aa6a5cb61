"""Write a synthetic sector catalogus: N knelpunten and 2N oplossingen on the base.

Texts have the lengths of the real example (knelpunt ~60 words, oplossing ~90),
made of Dutch words, with [[links]] between entries, so that building it costs
what a real catalogus of that size would cost.

    python bench/genereer.py 1000 /tmp/gids-1000
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

WOORDEN = (
    "werk team druk tijd klant rooster taak overleg planning collega leidinggevende dienst pauze ploeg "
    "afspraak week dag uur ruimte steun hulp vraag antwoord gesprek keuze middel les fout kwaliteit "
    "werkdruk herstel verlof ziek invaller groep ouder kind patiënt leerling zorg school winkel magazijn "
    "snel vaak soms altijd nooit samen eerst daarna zelf goed beter minder meer genoeg lang kort rustig druk "
    "moet kan wil mag gaat komt blijft maakt vraagt helpt geeft neemt zoekt kiest plant bespreekt"
).split()
FACTOREN = (
    "tijdsdruk hoeveelheid-werk kwaliteitseisen moeilijkheidsgraad variatie emotionele-belasting onduidelijke-taak "
    "taakonderbrekingen onduidelijke-rol baanonzekerheid cultuur-en-leiderschap autonomie tijdsautonomie "
    "functionele-steun-leidinggevende functionele-steun-collegas participatie competenties belastbaarheid "
    "gebruik-regelmogelijkheden persoonlijke-context werk-prive sociale-steun-leidinggevende sociale-steun-collegas "
    "leren-en-ontwikkelen herstel waardering"
).split()


def zinnen(rng: random.Random, woorden: int) -> str:
    out, n = [], 0
    while n < woorden:
        lengte = rng.randint(6, 13)
        zin = " ".join(rng.choice(WOORDEN) for _ in range(lengte))
        out.append(zin[0].upper() + zin[1:] + ".")
        n += lengte
    return " ".join(out)


def genereer(n: int, doel: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    if doel.exists():
        shutil.rmtree(doel)
    catalogus = doel / "catalogus"
    (catalogus / "knelpunten").mkdir(parents=True)
    (catalogus / "oplossingen").mkdir()
    info = {"id": f"benchmark-{n}", "titel": f"Werkdruk Wegwijzer Benchmark {n}", "sector": "Benchmark", "uitgever": "Arbo Wegwijzer",
            "versie": "1.0", "basis": "werkdruk", "mkb_leestijd_max": 10}
    (catalogus / "catalogus.yml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    oplossingen = [f"oplossing-{i:05d}" for i in range(2 * n)]
    for i, id_ in enumerate(oplossingen):
        data = {
            "titel": zinnen(rng, 5).rstrip("."),
            "omschrijving": zinnen(rng, 70) + f"\n\nZie ook [[oplossing:{oplossingen[(i + 1) % len(oplossingen)]}]].\n",
            "aanpak": rng.choice(["bron", "belastbaarheid"]),
            "niveau": rng.sample(["organisatie", "team", "individu"], rng.randint(1, 2)),
            "termijn": rng.choice(["quick-win", "kort", "structureel"]),
            "kosten": rng.choice(["laag", "midden", "hoog"]),
            "invoeren": [zinnen(rng, 10) for _ in range(4)],
            "randvoorwaarden": [zinnen(rng, 8)],
            "grondslag": ["arbowet 3 lid 2"],
        }
        (catalogus / "oplossingen" / f"{id_}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    for i in range(n):
        eigen = [oplossingen[2 * i], oplossingen[2 * i + 1], oplossingen[rng.randrange(len(oplossingen))]]
        data = {
            "titel": zinnen(rng, 5).rstrip("."),
            "factor": FACTOREN[i % len(FACTOREN)],
            "omschrijving": zinnen(rng, 55) + f" Zie [[oplossing:{eigen[0]}]].\n",
            "signalen": [zinnen(rng, 8) for _ in range(3)],
            "oplossingen": list(dict.fromkeys(eigen)),
        }
        (catalogus / "knelpunten" / f"knelpunt-{i:05d}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "plugins" / "wegwijzer" / "start" / "mkdocs.yml", doel / "mkdocs.yml")
    (doel / "content").mkdir()
    (doel / "overrides").mkdir()
    return doel


if __name__ == "__main__":
    print(genereer(int(sys.argv[1]), Path(sys.argv[2])))
