"""The werkdrukscan's ranking and the plan's CSV, run in Node on the built data file (no browser).

The expected values come from the rules as the scan page states them ("Zo komt de
uitslag tot stand"), written again here in Python.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess

import pytest

from conftest import ROOT

SCRIPTS = ROOT / "plugins" / "wegwijzer" / "theme" / "assets" / "javascripts" / "wegwijzer"


def node(example_site, code: str):
    if not shutil.which("node"):
        pytest.fail("Node.js ontbreekt: draai scripts/setup --test")
    script = f"""
        import * as ranking from "{(SCRIPTS / 'ranking.js').as_uri()}";
        import * as plan from "{(SCRIPTS / 'export.js').as_uri()}";
        import {{ readFileSync }} from "node:fs";
        const data = JSON.parse(readFileSync({json.dumps(str(example_site / 'data' / 'wegwijzer.json'))}, "utf8"));
        const uit = (() => {{ {code} }})();
        process.stdout.write(JSON.stringify(uit));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def expected(data: dict, answers: dict[str, int]):
    """The rules in words, as code: scores, top 7, quadrant."""
    soort = {f["id"]: g["soort"] for g in data["groepen"] for f in g["factoren"]}
    groep = {f["id"]: g["id"] for g in data["groepen"] for f in g["factoren"]}

    def druk(stelling, antwoord):
        eens = (antwoord - 1) / 4
        return round((eens if stelling["soort"] == "eis" else 1 - eens) * 100)

    def mean(values):  # rounded half up, as people (and JavaScript) round
        return math.floor(sum(values) / len(values) + 0.5) if values else None

    per_factor: dict[str, list[int]] = {}
    for s in data["stellingen"]:
        if s["id"] in answers:
            per_factor.setdefault(s["factor"], []).append(druk(s, answers[s["id"]]))
    factor_score = {f: mean(per_factor.get(f, [])) for f in groep}
    groep_score = {g["id"]: mean([factor_score[f["id"]] for f in g["factoren"] if factor_score[f["id"]] is not None]) for g in data["groepen"]}
    ranked = [
        (k["id"], factor_score[k["factor"]])
        for _, _, _, k in sorted(
            (-factor_score[k["factor"]], -(groep_score[groep[k["factor"]]] or 0), i, k)
            for i, k in enumerate(data["knelpunten"])
            if factor_score[k["factor"]] is not None and factor_score[k["factor"]] > 50
        )
    ][:7]
    eisen = [druk(s, answers[s["id"]]) for s in data["stellingen"] if s["id"] in answers and soort[s["factor"]] == "eis"]
    bronnen = [100 - druk(s, answers[s["id"]]) for s in data["stellingen"] if s["id"] in answers and soort[s["factor"]] in ("regelmogelijkheid", "buffer")]
    quadrant = None
    if eisen and bronnen:
        quadrant = ("hoog" if mean(eisen) > 50 else "laag", "hoog" if mean(bronnen) > 50 else "laag")
    return factor_score, ranked, quadrant


@pytest.fixture(scope="module")
def data(example_site):
    return json.loads((example_site / "data" / "wegwijzer.json").read_text(encoding="utf-8"))


def patterns(data):
    stellingen = data["stellingen"]
    soort = {f["id"]: g["soort"] for g in data["groepen"] for f in g["factoren"]}
    return {
        "afwisselend": {s["id"]: i % 5 + 1 for i, s in enumerate(stellingen)},
        "zwaar-zonder-steun": {s["id"]: 5 if s["soort"] == "eis" else 1 for s in stellingen},
        "licht-met-steun": {s["id"]: 1 if s["soort"] == "eis" else 5 for s in stellingen},
        "alles-neutraal": {s["id"]: 3 for s in stellingen},
        "alleen-tijdsdruk": {s["id"]: 5 for s in stellingen if s["factor"] == "tijdsdruk"},
        "zware-inhoud": {s["id"]: (5 if soort[s["factor"]] == "eis" and s["factor"] in ("tijdsdruk", "emotionele-belasting") else 1) if s["soort"] == "eis" else 4 for s in stellingen},
    }


@pytest.mark.parametrize("name", ["afwisselend", "zwaar-zonder-steun", "licht-met-steun", "alles-neutraal", "alleen-tijdsdruk", "zware-inhoud"])
def test_ranking_follows_the_stated_rules(example_site, data, name):
    answers = patterns(data)[name]
    factor_score, ranked, quadrant = expected(data, answers)
    got = node(example_site, f"return ranking.uitslag(data, {json.dumps(answers)});")
    assert got["factoren"] == factor_score
    assert [(r["knelpunt"]["id"], r["score"]) for r in got["top"]] == ranked
    assert (got["kwadrant"]["eisen"], got["kwadrant"]["hulpbronnen"]) == quadrant if quadrant else got["kwadrant"] is None
    assert [r["knelpunt"]["id"] for r in got["topMetOplossingen"]] == [k for k, _ in ranked[:3]]


def test_hand_checked_cases(example_site, data):
    zwaar = node(example_site, f"return ranking.uitslag(data, {json.dumps(patterns(data)['zwaar-zonder-steun'])});")
    assert zwaar["kwadrant"] == {"eisenIndex": 100, "bronnenIndex": 0, "eisen": "hoog", "hulpbronnen": "laag"}
    assert len(zwaar["top"]) == 7
    neutraal = node(example_site, f"return ranking.uitslag(data, {json.dumps(patterns(data)['alles-neutraal'])});")
    assert neutraal["top"] == []  # 50 is not above 50: nothing stands out
    tijdsdruk = node(example_site, f"return ranking.uitslag(data, {json.dumps(patterns(data)['alleen-tijdsdruk'])});")
    ids = [k["id"] for k in data["knelpunten"] if k["factor"] == "tijdsdruk"]
    assert [r["knelpunt"]["id"] for r in tijdsdruk["top"]] == ids
    assert tijdsdruk["kwadrant"] is None  # no resources answered: no quadrant


def test_plan_csv_is_what_dutch_excel_opens(example_site, data):
    k1, k2 = data["knelpunten"][0], data["knelpunten"][5]
    o1, o2, o3 = k1["oplossingen"][0], k1["oplossingen"][1], k2["oplossingen"][0]
    criteria = [c["id"] for c in data["criteria"]]
    plan = {
        "knelpunten": [{"id": k1["id"], "oplossingen": [o1, o2]}, {"id": k2["id"], "oplossingen": [o3]}],
        "scores": {o1: criteria[:2], o2: criteria[:5], o3: criteria[:3]},
        "afspraken": {o2: {"wie": 'Sanne; "teamleider"', "start": "2026-12-01", "klaar": "2027-02-01", "hoe": "Minder overuren"}},
    }
    text = node(example_site, f"return plan.csv(data, {json.dumps(plan)});")
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    assert lines[0] == "Rang;Knelpunt;Oplossing;Score;Termijn;Kosten;Wie;Start;Klaar;Hoe weten we dat het werkt?"
    titles = {o["id"]: o["titel"] for o in data["oplossingen"]}
    rows = [line.split(";")[:3] for line in lines[1:4]]
    assert [r[2] for r in rows] == [titles[o2], titles[o3], titles[o1]]  # ranked by criteria met: 5, 3, 2
    assert '"Sanne; ""teamleider"""' in lines[1]
    assert lines[4] == ""
