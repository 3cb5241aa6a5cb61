"""The werkdrukscan's ranking, the team result, result files, new versions and the plan's CSV,
run in Node on the built data file with the real JavaScript (no browser).

The expected top 7 and top 3 below are written out by hand from the example
guide's YAML (which knelpunt names which statements) and the rules the scan page
states ("Zo komt de uitslag tot stand"); they are not computed by the test.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPTS = ROOT / "plugins" / "wegwijzer" / "theme" / "assets" / "javascripts" / "wegwijzer"


def full_data(site) -> dict:
    """All the tools know of the catalogus, put back together from the site's data files
    (pages/tooldata.py cuts them from one such whole)."""
    read = lambda path: json.loads(path.read_text(encoding="utf-8"))  # noqa: E731
    folder = site / "data"
    scan, plan, versies = read(folder / "scan.json"), read(folder / "plan.json"), read(folder / "versies.json")
    statements = {k["id"]: k["stellingen"] for k in scan["knelpunten"]}
    return {
        **plan, "minimumGroep": scan["minimumGroep"], "groepen": scan["groepen"], "stellingen": scan["stellingen"],
        "knelpunten": [{**k, "stellingen": statements.get(k["id"], [])} for k in map(read, sorted((folder / "plan" / "knelpunten").glob("*.json")))],
        "oplossingen": [read(f) for f in sorted((folder / "plan" / "oplossingen").glob("*.json"))],
        "checklists": versies["checklists"],
    }


@functools.lru_cache
def data_file(site, bestand: str) -> str:
    """The path of `data/<bestand>.json`; for "alles", a file with `full_data`."""
    if bestand != "alles":
        return str(site / "data" / f"{bestand}.json")
    path = Path(tempfile.mkdtemp(prefix="wegwijzer-data-")) / "alles.json"
    path.write_text(json.dumps(full_data(site), ensure_ascii=False), encoding="utf-8")
    return str(path)


def node(example_site, code: str, bestand: str = "scan"):
    """Run `code` in Node with `data` the built data file `data/<bestand>.json` ("alles": the whole)."""
    if not shutil.which("node"):
        pytest.fail("Node.js ontbreekt: draai scripts/setup --test")
    script = f"""
        import * as ranking from "{(SCRIPTS / 'ranking.js').as_uri()}";
        import * as plan from "{(SCRIPTS / 'export.js').as_uri()}";
        import * as versies from "{(SCRIPTS / 'versies.js').as_uri()}";
        import * as bestanden from "{(SCRIPTS / 'bestanden.js').as_uri()}";
        import {{ readFileSync }} from "node:fs";
        const data = JSON.parse(readFileSync({json.dumps(data_file(example_site, bestand))}, "utf8"));
        const uit = (() => {{ {code} }})();
        process.stdout.write(JSON.stringify(uit));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def data(example_site):
    return full_data(example_site)


def every(data, eis: int, bron: int) -> dict[str, int]:
    """The same answer on every statement: `eis` on those about demands, `bron` on those about support."""
    return {s["id"]: eis if s["soort"] == "eis" else bron for s in data["stellingen"]}


def result_of(example_site, answers, bestand="scan"):
    return node(example_site, f"return ranking.uitslag(data, {json.dumps(answers)});", bestand)


def ids(rows):
    return [r["knelpunt"]["id"] for r in rows]


# Each case: answers, the top 7 and top 3 by hand, the knelpunten tied with number 3, the quadrant,
# and the knelpunten that share a place because they rest on answers a place above already shows
# (one signal, one place: each answer counts once in a top).
CASES = {
    # Only time pressure and interruptions answered. Four knelpunten score 100 with one signal each;
    # the alphabet orders them ("Deadlines…", "Drukte…", "Steeds onderbroken…", "Te weinig collega's…").
    # 'Drukte' and 'Te weinig collega's' rest on haasten alone, which 'Deadlines' already shows:
    # they join it. Two places remain.
    "alleen-haasten-en-gestoord": (
        {"haasten": 5, "vaak-gestoord": 5},
        ["onhaalbare-deadlines", "overdracht-met-onderbrekingen"],
        ["onhaalbare-deadlines", "overdracht-met-onderbrekingen"],
        [],
        None,
        {"onhaalbare-deadlines": ["drukte-op-piekmomenten", "groep-onder-de-bkr"]},
    ),
    # Everything at its heaviest: every linked knelpunt scores 100. The seven with two signals go
    # first, alphabetically; 'Structureel meer werk' and 'Te weinig collega's' rest on te-veel-werk,
    # overwerken and haasten, which 'Deadlines' and 'Onderbezetting' already show, and join
    # 'Onderbezetting'. The single-signal knelpunten on haasten, praten-met-collegas and
    # emotioneel-zwaar join the places that show those answers. Places 6 and 7 go to the first
    # other single-signal knelpunten in the alphabet ("Besluiten worden genomen…", "Collega's werken…").
    "zwaar-zonder-steun": (
        "zwaar",
        ["onhaalbare-deadlines", "zware-gebeurtenissen-niet-besproken", "inzet-wordt-niet-gezien", "onderbezetting-door-vacatures",
         "vakantie-niet-opgenomen", "besluiten-boven-de-hoofden", "ieder-op-eigen-eiland"],
        ["onhaalbare-deadlines", "zware-gebeurtenissen-niet-besproken", "inzet-wordt-niet-gezien"],
        ["onderbezetting-door-vacatures", "vakantie-niet-opgenomen"],
        ("hoog", "laag"),
        {"onhaalbare-deadlines": ["drukte-op-piekmomenten"],
         "onderbezetting-door-vacatures": ["structureel-te-veel-werk", "groep-onder-de-bkr"],
         "zware-gebeurtenissen-niet-besproken": ["gespannen-sfeer-in-team", "zorgen-om-een-kind"]},
    ),
    # "Helemaal eens" on everything: demands 100, support 0. Knelpunten that mix a demand with
    # support average 50 and drop out. Of the four with two demands, 'Deadlines' and 'Onderbezetting'
    # keep a place and the other two join 'Onderbezetting'; then the single demands in the alphabet,
    # 'Drukte' (haasten, shown) and 'Snel overbelast' (gezondheid, shown by 'Het werk wordt
    # zwaarder') joining. Everything after place 3 with one signal at 100 ties with it.
    "overal-helemaal-eens": (
        "eens",
        ["onhaalbare-deadlines", "onderbezetting-door-vacatures", "eentonig-werk", "geen-nee-durven-zeggen",
         "haperende-systemen-en-materiaal", "werk-zwaarder-met-de-jaren", "kennis-loopt-achter"],
        ["onhaalbare-deadlines", "onderbezetting-door-vacatures", "eentonig-werk"],
        ["geen-nee-durven-zeggen", "haperende-systemen-en-materiaal", "werk-zwaarder-met-de-jaren", "kennis-loopt-achter",
         "onhaalbare-kwaliteitsnormen", "agressie-van-klanten", "onduidelijk-wie-wat-doet", "observaties-op-de-groep",
         "onrust-door-reorganisatie", "steeds-veranderende-opdrachten", "werkdruk-niet-bespreekbaar", "zorgen-thuis",
         "overdracht-met-onderbrekingen", "te-moeilijke-taken", "te-veel-overleg", "tegenstrijdige-opdrachten",
         "altijd-bereikbaar", "mantelzorg-naast-werk", "zorgen-om-een-kind"],
        ("hoog", "hoog"),  # agreeing with every statement about support is a lot of support
        {"onhaalbare-deadlines": ["drukte-op-piekmomenten"],
         "onderbezetting-door-vacatures": ["structureel-te-veel-werk", "groep-onder-de-bkr"],
         "werk-zwaarder-met-de-jaren": ["snel-overbelast-na-zware-periode"]},
    ),
    "licht-met-steun": ("licht", [], [], [], ("laag", "hoog"), {}),
    "alles-neutraal": ("neutraal", [], [], [], ("laag", "laag"), {}),
    # Emotional load: 'zware gebeurtenissen' has both statements and goes first; 'gespannen sfeer'
    # (praten) and 'zorgen om een kind' (emotioneel-zwaar) rest on answers it already shows and join
    # it; aggression follows at 75.
    "emotioneel-zwaar": (
        {"emotioneel-zwaar": 5, "praten-met-collegas": 1, "lastige-klanten": 4},
        ["zware-gebeurtenissen-niet-besproken", "agressie-van-klanten"],
        ["zware-gebeurtenissen-niet-besproken", "agressie-van-klanten"],
        [],
        ("hoog", "laag"),  # demands (100 + 75) / 2, support 100 - 100
        {"zware-gebeurtenissen-niet-besproken": ["gespannen-sfeer-in-team", "zorgen-om-een-kind"]},
    ),
    # Averages within a knelpunt: 100 and 0 make 50 (out), 0 and 75 make 37.5 (out),
    # 100 and 25 make 62.5 (in, below a single 75). No two share a signal.
    "gemengd-herstel": (
        {"emotioneel-zwaar": 5, "praten-met-collegas": 5, "bijkomen": 2, "verlof-blijft-liggen": 1,
         "echt-pauze": 2, "waardering": 1, "eerlijke-beloning": 4},
        ["zorgen-om-een-kind", "pauzes-schieten-erbij-in", "inzet-wordt-niet-gezien"],
        ["zorgen-om-een-kind", "pauzes-schieten-erbij-in", "inzet-wordt-niet-gezien"],
        [],
        ("hoog", "hoog"),  # support (100 + 25 + 100 + 25 + 0 + 75) / 6 = 54
        {"zorgen-om-een-kind": []},
    ),
}
PATTERNS = {"zwaar": (5, 1), "eens": (5, 5), "licht": (1, 5), "neutraal": (3, 3)}


# The scan page and the planhulp rank on data/scan.json, which holds only the knelpunten that can
# rank. On that and on the whole catalogus the result must be the one written down by hand.
@pytest.mark.parametrize("bestand", ["scan", "alles"])
@pytest.mark.parametrize("name", CASES)
def test_ranking_by_hand(example_site, data, name, bestand):
    answers, top7, top3, tied_with_3, quadrant, together = CASES[name]
    if isinstance(answers, str):
        answers = every(data, *PATTERNS[answers])
    got = result_of(example_site, answers, bestand)
    assert ids(got["top"]) == top7
    for row in got["top"]:
        if row["knelpunt"]["id"] in together:
            assert ids([{"knelpunt": k} for k in row["ook"]]) == together[row["knelpunt"]["id"]], row["knelpunt"]["id"]
    shown = set()
    for row in got["top"]:  # every place has an answer of its own, that no place above it shows
        assert set(row["signalen"]) - shown, row["knelpunt"]["id"]
        shown |= set(row["signalen"])
    assert ids(got["topMetOplossingen"]) == top3
    assert ids(got["gelijkMetDerde"]) == tied_with_3
    assert (got["kwadrant"]["eisen"], got["kwadrant"]["hulpbronnen"]) == quadrant if quadrant else got["kwadrant"] is None


def test_scores_and_what_pointed_at_each_knelpunt(example_site):
    got = result_of(example_site, CASES["gemengd-herstel"][0])
    assert [r["score"] for r in got["top"]] == [100, 75, 63]  # 62.5 shows as 63
    assert [r["signalen"] for r in got["top"]] == [["emotioneel-zwaar"], ["echt-pauze"], ["waardering"]]
    assert got["factoren"]["herstel"] == 50  # bijkomen 75, verlof 0, pauze 75
    assert got["factoren"]["tijdsdruk"] is None  # not answered


def test_knelpunten_without_an_answered_statement_never_rank(example_site, data):
    linked = {k["id"] for k in data["knelpunten"] if k["stellingen"]}
    assert {"te-veel-overleg", "vakantie-niet-opgenomen"} <= linked
    got = node(example_site, f"return ranking.rangschik(data, ranking.drukPerStelling(data, {json.dumps(every(data, 5, 1))}));", "alles")
    ranked = {k["id"] for r in got for k in [r["knelpunt"], *r["ook"]]}
    assert ranked == linked  # all linked ones (on a place of their own or sharing one), none of the others
    scan = json.loads((example_site / "data" / "scan.json").read_text(encoding="utf-8"))
    assert {k["id"] for k in scan["knelpunten"]} == linked  # so the scan's own file holds exactly these
    assert "nieuw-zonder-inwerken" not in linked  # names no statement: the scan cannot point at it


def test_file_order_never_decides(example_site):
    got = node(example_site, """
        const antwoorden = {"haasten": 5, "vaak-gestoord": 5};
        const gewoon = ranking.uitslag(data, antwoorden).top.map((r) => r.knelpunt.id);
        const omgekeerd = ranking.uitslag({...data, knelpunten: [...data.knelpunten].reverse()}, antwoorden).top.map((r) => r.knelpunt.id);
        return [gewoon, omgekeerd];
    """)
    assert got[0] == got[1]


def test_team_result_from_running_totals(example_site, data):
    # Five votes added one by one; by hand: haasten pressures 100, 100, 100, 0, 50 -> sum 350 of 5,
    # team pressure 70; vaak-gestoord all 0.
    people = [{"haasten": 5, "vaak-gestoord": 1}] * 3 + [{"haasten": 1, "vaak-gestoord": 1}, {"haasten": 3, "vaak-gestoord": 1}]
    got = node(example_site, f"""
        let totalen = {{}};
        for (const antwoorden of {json.dumps(people)}) totalen = ranking.telOp(data, totalen, antwoorden);
        return [totalen, ranking.teamUitslagUitTotalen(data, totalen, 5, 5), ranking.teamUitslag(data, {json.dumps(people)}, 5)];
    """)
    totalen, team, from_list = got
    assert totalen == {"haasten": {"som": 350, "aantal": 5}, "vaak-gestoord": {"som": 0, "aantal": 5}}  # no person in it
    assert team == from_list
    assert team["aantal"] == 5
    assert team["factoren"]["tijdsdruk"] == 70
    assert "spreiding" not in team and "kwadrantTelling" not in team  # no figure about fewer than the group
    # three knelpunten rest on haasten alone: one place, the other two with it
    assert ids(team["top"]) == ["onhaalbare-deadlines"]
    assert [k["id"] for k in team["top"][0]["ook"]] == ["drukte-op-piekmomenten", "groep-onder-de-bkr"]
    assert [r["score"] for r in team["top"]] == [70]
    assert team["kwadrant"] is None  # nobody answered about support


def test_team_leaves_out_statements_too_few_people_answered(example_site, data):
    # Five people answer haasten; only one answers vaak-gestoord: that answer must not show as the team's.
    people = [{"haasten": 5}] * 4 + [{"haasten": 5, "vaak-gestoord": 5}]
    got = node(example_site, f"return ranking.teamUitslag(data, {json.dumps(people)}, 5);")
    assert got["teWeinig"] == ["vaak-gestoord"]
    assert got["factoren"]["taakonderbrekingen"] is None
    assert "overdracht-met-onderbrekingen" not in ids(got["top"])


def test_team_quadrant_from_totals_counts_no_people(example_site, data):
    people = [every(data, 5, 1)] * 3 + [every(data, 1, 5)] * 2
    got = node(example_site, f"return ranking.teamUitslag(data, {json.dumps(people)}, 5);")
    assert "kwadrantTelling" not in got
    assert (got["kwadrant"]["eisenIndex"], got["kwadrant"]["bronnenIndex"]) == (60, 40)
    assert (got["kwadrant"]["eisen"], got["kwadrant"]["hulpbronnen"]) == ("hoog", "laag")


@pytest.mark.parametrize("stemmen, teamgrootte, reden", [
    (4, 8, "minimum"), (5, 12, "helft"), (5, 11, "helft"), (5, 10, None), (5, 8, None), (6, 12, None), (5, 5, None),
])
def test_team_result_needs_the_minimum_and_half_the_team(example_site, stemmen, teamgrootte, reden):
    assert node(example_site, f"return ranking.waaromGeenTeamUitslag({stemmen}, {teamgrootte}, 5);") == reden


def test_stored_totals_that_cannot_be_right_count_for_nothing(example_site, data):
    totalen = {
        "haasten": {"som": 600, "aantal": 5},  # more than 100 per answer
        "vaak-gestoord": {"som": 100, "aantal": 0},
        "te-veel-werk": {"som": "veel", "aantal": 5},
        "overwerken": {"som": 375, "aantal": 5},  # the only one that can be: 75
        "constructor": {"som": 500, "aantal": 5},
    }
    got = node(example_site, f"return ranking.teamUitslagUitTotalen(data, {json.dumps(totalen)}, 5, 5);")
    assert got["factoren"]["tijdsdruk"] is None and got["factoren"]["taakonderbrekingen"] is None
    assert got["factoren"]["hoeveelheid-werk"] == 75
    assert got["teWeinig"] == []


@pytest.mark.parametrize("text, message", [
    ("{kapot", "is niet te lezen"),
    ('{"soort": "plan-van-aanpak", "plan": {}}', "geen uitslag van de werkdrukscan"),
    ('{"soort": "werkdrukscan", "gids": {"id": "werkdruk-bouw", "titel": "Werkdruk Wegwijzer Bouw"}, "antwoorden": {"haasten": 5}}', "een andere Wegwijzer (Werkdruk Wegwijzer Bouw)"),
    ('{"soort": "werkdrukscan", "gids": {"id": "werkdruk-kinderopvang"}, "antwoorden": {"bestaat-niet": 5}}', "bevat geen antwoorden"),
])
def test_result_files_that_are_refused(example_site, text, message):
    got = node(example_site, f"return bestanden.leesUitslagbestand(data, {json.dumps(text)}, 'x.json');")
    assert message in got["fout"] and "‘x.json’" in got["fout"]


def test_result_file_of_an_older_version_keeps_what_still_exists(example_site):
    text = json.dumps({"soort": "werkdrukscan", "gids": {"id": "werkdruk-kinderopvang", "versie": "0.9"}, "id": "a",
                       "antwoorden": {"haasten": 5, "vervallen-stelling": 4, "leren": 2}})
    got = node(example_site, f"return bestanden.leesUitslagbestand(data, {json.dumps(text)}, 'oud.json');")
    assert got["uitslag"]["antwoorden"] == {"haasten": 5, "leren": 2}
    assert got["opmerking"] == "‘oud.json’ is gemaakt met versie 0.9; 1 antwoord telt niet mee, omdat die stellingen er niet meer in staan."
    # files of the first releases had no id, only the guide's title
    first = json.dumps({"soort": "werkdrukscan", "gids": {"titel": "Werkdruk Wegwijzer Kinderopvang", "versie": "1.0"}, "antwoorden": {"haasten": 5}})
    assert "uitslag" in node(example_site, f"return bestanden.leesUitslagbestand(data, {json.dumps(first)}, 'eerste.json');")


# Any page brings stored work up to a new version with the ids of data/versies.json, and so does the
# planhulp with an opened plan file.
def test_new_version_keeps_what_still_exists(example_site, data):
    substap = next(iter(data["checklists"]))
    vraag = data["checklists"][substap][0]
    k = data["knelpunten"][0]
    stored = {
        "versie": "0.9",
        "scan": {"id": "x", "datum": "2026-11-01", "antwoorden": {"haasten": 5, "weg-stelling": 3}},
        "checklists": {substap: [vraag, "weg-vraag"], "weg-lijst": ["a"]},
        "plan": {"knelpunten": [{"id": k["id"], "oplossingen": [k["oplossingen"][0], "weg-oplossing"]}, {"id": "weg-knelpunt", "oplossingen": []}],
                 "scores": {k["oplossingen"][0]: ["effect", "weg-criterium"]}, "afspraken": {k["oplossingen"][0]: {"wie": "Sanne"}}},
    }
    got = node(example_site, f"const r = versies.bijwerken(data, {json.dumps(stored)}); return [r, versies.melding('0.9', '1.0', r.weg)];", "versies")
    kept, sentence = got
    assert kept["opgeslagen"]["scan"]["antwoorden"] == {"haasten": 5}
    assert kept["opgeslagen"]["checklists"] == {substap: [vraag]}
    assert kept["opgeslagen"]["plan"]["knelpunten"] == [{"id": k["id"], "oplossingen": [k["oplossingen"][0]]}]
    assert kept["opgeslagen"]["plan"]["scores"] == {k["oplossingen"][0]: ["effect"]}
    assert kept["opgeslagen"]["plan"]["afspraken"] == {k["oplossingen"][0]: {"wie": "Sanne"}}
    assert kept["weg"] == {"antwoorden": 1, "vinkjes": 2, "knelpunten": 1, "oplossingen": 1}
    assert sentence == (
        "Deze Wegwijzer is bijgewerkt van versie 0.9 naar versie 1.0 en alles wat je had ingevuld, is bewaard, behalve "
        "1 antwoord in de werkdrukscan, 2 vinkjes in de checklists, 1 knelpunt in je plan en 1 gekozen oplossing in je plan "
        "bij onderdelen die er niet meer in staan."
    )


def test_plan_csv_is_what_dutch_excel_opens(example_site, data):
    k1, k2 = data["knelpunten"][0], data["knelpunten"][5]
    o1, o2, o3 = k1["oplossingen"][0], k1["oplossingen"][1], k2["oplossingen"][0]
    criteria = [c["id"] for c in data["criteria"]]
    plan = {
        "knelpunten": [{"id": k1["id"], "oplossingen": [o1, o2]}, {"id": k2["id"], "oplossingen": [o3]}],
        "scores": {o1: criteria[:2], o2: criteria[:5], o3: criteria[:3]},
        "afspraken": {o2: {"wie": 'Sanne; "teamleider"', "start": "2026-12-01", "klaar": "2027-02-01", "hoe": "Minder overuren"}},
    }
    text = node(example_site, f"return plan.csv(data, {json.dumps(plan)});", "alles")
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    assert lines[0] == "Rang;Knelpunt;Oplossing;Score;Termijn;Kosten;Wie;Start;Klaar;Hoe weten we dat het werkt?"
    titles = {o["id"]: o["titel"] for o in data["oplossingen"]}
    rows = [line.split(";")[:3] for line in lines[1:4]]
    assert [r[2] for r in rows] == [titles[o2], titles[o3], titles[o1]]  # ranked by criteria met: 5, 3, 2
    assert '"Sanne; ""teamleider"""' in lines[1]
    assert lines[4] == ""


# --- the first thing a result says ----------------------------------------------------------------

def pattern(data, high: dict[str, int], eis: int, bron: int) -> dict[str, int]:
    """`eis` on every demand and `bron` on every support statement, except the answers in `high`."""
    return {**every(data, eis, bron), **high}


# Answer patterns and what an arbo expert expects the result to say first (written down by hand):
# the kind of headline, the knelpunten it names, the groups it names as high, and the quadrant.
HEADLINES = {
    # The reported owner: six demands at their heaviest and never a real break, the rest mild
    # (demands "oneens", support "eens": 25 each). The demand index averages 5 x 100 and 12 x 25
    # over 17 demand statements: 47, "laag", and support is high (69), the box "niet zo zwaar, met
    # veel steun". The headline must name the heavy knelpunten instead. By hand (alphabet, two
    # signals first, one signal one place): Deadlines (haasten, overwerken), Onderbezetting
    # (te-veel-werk), Observaties (administratie); no group averages above 50 (werkinhoud: 50).
    "zes-zwaar-en-nooit-pauze": (
        ({"haasten": 5, "te-veel-werk": 5, "overwerken": 5, "administratie": 5, "vaak-gestoord": 5,
          "bereikbaar-buiten-werktijd": 5, "echt-pauze": 1}, 2, 4),
        "knelpunten", ["onhaalbare-deadlines", "onderbezetting-door-vacatures", "observaties-op-de-groep"], [], ("laag", "hoog"),
    ),
    # Everything light with plenty of support: nothing stands out, and that is what it says.
    "overal-licht": (({}, 1, 5), "rustig", [], [], ("laag", "hoog")),
    # Heavy work with plenty of support: the heavy knelpunten lead; the quadrant agrees (hoog-hoog).
    "zwaar-met-veel-steun": (({}, 5, 5), "knelpunten", ["onhaalbare-deadlines", "onderbezetting-door-vacatures", "eentonig-werk"],
                             # all three at 100: the alphabet of their titles
                             ["individuele-factoren", "taakeisen-werkcontext", "taakeisen-werkinhoud"], ("hoog", "hoog")),
    # One group very high, the rest light: every buffer at its worst (no support, no recovery, no
    # appreciation). Buffers score 100; the knelpunten on them lead: two with two signals ('Harde
    # inzet', 'Te weinig herstel'), then 'Geen tijd of kans om te leren' in the alphabet.
    "alleen-buffers-hoog": (
        ({"aandacht-leidinggevende": 1, "praten-met-collegas": 1, "leren": 1, "bijkomen": 1, "echt-pauze": 1,
          "verlof-blijft-liggen": 5, "waardering": 1, "eerlijke-beloning": 1}, 1, 5),
        "knelpunten", ["inzet-wordt-niet-gezien", "vakantie-niet-opgenomen", "geen-kans-om-te-groeien"], ["buffers"], ("laag", "laag"),
    ),
}


@pytest.mark.parametrize("name", HEADLINES)
def test_the_headline_follows_the_strongest_signals(example_site, data, name):
    (high, eis, bron), soort, knelpunten, groepen, quadrant = HEADLINES[name]
    got = result_of(example_site, pattern(data, high, eis, bron))
    assert got["kop"]["soort"] == soort
    assert ids(got["kop"]["knelpunten"]) == knelpunten
    assert [g["groep"]["id"] for g in got["kop"]["groepen"]] == groepen
    assert (got["kwadrant"]["eisen"], got["kwadrant"]["hulpbronnen"]) == quadrant
