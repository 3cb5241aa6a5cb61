"""The browser tools' JavaScript as small modules with one job each (issue 30).

Read from the source, without a build or a browser:

- every module a module imports (`import ... from "./x.js"` or `import("./x.js")`)
  exists, and so does every module a page loads by name (main.html, `scripts:`);
- the imports form no cycle, dynamic imports counted too (opslag.js and
  weergave.js used to import each other);
- the modules with the rules (ranking, merging two tabs' plans, shapes, new
  versions, files, export) and the one that writes a result's HTML import in plain
  Node, with no `document`, `window` or `localStorage`, and give what is written
  out below by hand. (The ranking's own hand-written cases are in test_ranking.py;
  this file renders a result and merges plans.)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

from wegwijzer.pages.routes import paden_voor_javascript

THEME = ROOT / "plugins" / "wegwijzer" / "theme"
JAVASCRIPTS = THEME / "assets" / "javascripts"
SCRIPTS = JAVASCRIPTS / "wegwijzer"

#: `import x from "./y.js"`, `import "./y.js"`, `export ... from "./y.js"` and `import("./y.js")`.
_IMPORT = re.compile(r"""(?:\b(?:import|export)\b[^;'"]*?\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](?P<pad>\.{1,2}/[^"']+)["']""")
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", re.DOTALL)

#: Modules that must run in Node without a DOM: the rules and what writes a result's HTML.
ZONDER_DOM = ["ranking.js", "samenvoegen.js", "lijstsamen.js", "verloren.js", "vorm.js", "versies.js", "bestanden.js", "export.js", "opmaak.js", "weergave.js", "site.js", "laden.js"]
#: Of those, the ones that never touch a page, a window or storage at all (not even when called).
REGELS = ["ranking.js", "samenvoegen.js", "lijstsamen.js", "verloren.js", "vorm.js", "versies.js", "bestanden.js", "export.js"]


def modules() -> list[Path]:
    return sorted([*JAVASCRIPTS.glob("*.js"), *SCRIPTS.glob("*.js")])


def imports(path: Path) -> list[Path]:
    """The modules `path` imports, statically or dynamically, as resolved paths."""
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    return [(path.parent / m.group("pad")).resolve() for m in _IMPORT.finditer(text)]


def graph() -> dict[Path, list[Path]]:
    return {path.resolve(): imports(path) for path in modules()}


def test_the_import_parser_reads_every_form():
    text = 'import { a } from "./a.js";\nimport "./b.js";\nexport { c } from "./c.js";\nconst d = await import("./d.js");\n// import "./e.js"\n'
    found = [m.group("pad") for m in _IMPORT.finditer(_COMMENT.sub("", text))]
    assert found == ["./a.js", "./b.js", "./c.js", "./d.js"]


def test_every_imported_module_exists():
    missing = [f"{path.name} -> {target.name}" for path, targets in graph().items() for target in targets if not target.is_file()]
    assert missing == []
    assert sum(map(len, graph().values())) > 20  # the parser found the imports


def test_every_module_a_page_loads_by_name_exists():
    main = (THEME / "main.html").read_text(encoding="utf-8")
    named = re.findall(r"assets/javascripts/([\w/]+\.js)", main)
    pages = [*(ROOT / "plugins" / "wegwijzer" / "plugins").glob("*/templates/*.md")]
    for page in pages:
        front = re.search(r"^scripts:\s*\[([^\]]*)\]", page.read_text(encoding="utf-8"), re.MULTILINE)
        named += [f"wegwijzer/{name.strip()}.js" for name in front.group(1).split(",")] if front else []
    assert len(named) >= 8
    assert [name for name in named if not (JAVASCRIPTS / name).is_file()] == []


def test_no_import_cycle():
    g = graph()
    state: dict[Path, str] = {}

    def visit(node: Path, path: list[Path]) -> None:
        state[node] = "open"
        for target in g.get(node, []):
            if state.get(target) == "open":
                cycle = path[path.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(p.name for p in cycle))
            if target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for node in g:
        if node not in state:
            visit(node, [node])


@pytest.mark.parametrize("name", REGELS)
def test_the_rules_never_touch_a_page_or_storage(name):
    text = _COMMENT.sub("", (SCRIPTS / name).read_text(encoding="utf-8"))
    assert re.findall(r"\b(document|window|localStorage|sessionStorage|location)\b", text) == []


# --- in plain Node (no jsdom, no stubs while importing) --------------------------------------------------------

def node(code: str, *names: str):
    """Run `code` in Node after importing `names` (each as its file's stem; export.js as `uitvoer`), with `uit` its result."""
    if not shutil.which("node"):
        pytest.fail("Node.js ontbreekt: draai scripts/setup --test")
    lines = [f'import * as {Path(n).stem.replace("export", "uitvoer")} from "{(SCRIPTS / n).as_uri()}";' for n in names]
    script = "\n".join([*lines, f"const uit = await (async () => {{ {code} }})();", "process.stdout.write(JSON.stringify(uit));"])
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_rules_and_the_result_html_import_in_node_without_a_dom():
    got = node(
        'return { globals: ["document", "window", "localStorage", "location"].filter((n) => n in globalThis), '
        'ranking: typeof ranking.uitslag, samenvoegen: typeof samenvoegen.voegPlanSamen, weergave: typeof weergave.topLijst };',
        *ZONDER_DOM,
    )
    assert got == {"globals": [], "ranking": "function", "samenvoegen": "function", "weergave": "function"}


#: A guide small enough to rank by hand: two statements, three knelpunten, two oplossingen.
GIDS = {
    "groepen": [
        {"id": "eisen", "titel": "Taakeisen", "soort": "eis", "factoren": [{"id": "tempo", "titel": "Werktempo", "url": "werkdrukmodel/tempo/"}]},
        {"id": "steun", "titel": "Steun & ruimte", "soort": "buffer", "factoren": [{"id": "collegas", "titel": "Collega's", "url": "werkdrukmodel/collegas/"}]},
    ],
    "stellingen": [
        {"id": "haasten", "tekst": "Ik moet haasten.", "soort": "eis", "factor": "tempo"},
        {"id": "hulp", "tekst": "Collega's helpen mij.", "soort": "bron", "factor": "collegas"},
    ],
    "knelpunten": [
        {"id": "tempo", "titel": "Te hoog tempo", "url": "knelpunten/tempo/", "stellingen": ["haasten"], "oplossingen": []},
        {"id": "alleen", "titel": "Er alleen voor staan", "url": "knelpunten/alleen/", "stellingen": ["hulp"], "oplossingen": ["maatje"]},
        {"id": "deadlines", "titel": "Deadlines", "url": "knelpunten/deadlines/", "stellingen": ["haasten"], "oplossingen": ["plannen"]},
    ],
    "oplossingen": [
        {"id": "plannen", "titel": "Samen plannen", "url": "oplossingen/plannen/"},
        {"id": "maatje", "titel": "Een maatje", "url": "oplossingen/maatje/"},
    ],
}

#: Only link() asks the page anything (its base address, when called): a page at /gids/scan/ with base "..".
PAGINA = """
    globalThis.location = new URL("https://voorbeeld.nl/gids/scan/");
    globalThis.document = { getElementById: (id) => (id === "__config" ? { textContent: '{"base": ".."}' } : null) };
"""


def test_a_result_ranked_and_written_as_html_in_node():
    # haasten fully agreed (pressure 100), hulp disagreed (support: pressure 75). Deadlines and Te hoog tempo
    # rest on the same single statement: alphabetically Deadlines takes the place, Te hoog tempo joins it.
    got = node(PAGINA + f"""
        const data = {json.dumps(GIDS)};
        const u = ranking.uitslag(data, {{ haasten: 5, hulp: 2 }});
        return {{ rangen: u.top.map((r) => [r.knelpunt.id, r.score, r.ook.map((k) => k.id)]), kop: weergave.kop(data, u, false),
                  topKop: weergave.topKop(u, false), top3Kop: weergave.top3Kop(u, true), top: weergave.topLijst(data, u, false),
                  kaarten: weergave.top3(data, u), balken: weergave.balken(data, u), teamTop: weergave.topLijst(data, u, true) }};
    """, "ranking.js", "weergave.js")
    a = lambda pad, titel: f'<a href="/gids/{pad}">{titel}</a>'  # noqa: E731
    assert got["rangen"] == [["deadlines", 100, ["tempo"]], ["alleen", 75, []]]
    assert got["topKop"] == "Je 2 grootste knelpunten"
    assert got["top3Kop"] == "Oplossingen voor de 2 grootste knelpunten"
    assert got["kop"] == (
        f'<p class="ww-kop__zin">Wat het meest opvalt: <strong>{a("knelpunten/deadlines/", "Deadlines")}</strong> en '
        f'<strong>{a("knelpunten/alleen/", "Er alleen voor staan")}</strong>. Hoog scoort ook: Taakeisen (100) en Steun &amp; ruimte (75).</p>'
        '<p class="ww-kop__advies"><strong>Begin hier:</strong> kijk bij deze knelpunten naar de oplossingen hieronder, '
        "en bespreek ze met je team of leidinggevende.</p>"
    )
    assert got["top"] == (
        f'<ol class="ww-top"><li>{a("knelpunten/deadlines/", "Deadlines")} <span class="ww-top__score">score 100</span>'
        "<span class=\"ww-top__waarom\">Je was het eens met ‘Ik moet haasten.’</span>"
        f'<span class="ww-top__samen">Hangt samen met: {a("knelpunten/tempo/", "Te hoog tempo")}</span></li>'
        f'<li>{a("knelpunten/alleen/", "Er alleen voor staan")} <span class="ww-top__score">score 75</span>'
        "<span class=\"ww-top__waarom\">Je was het oneens met ‘Collega&#39;s helpen mij.’</span></li></ol>"
    )
    assert "Het team was het gemiddeld eens met ‘Ik moet haasten.’" in got["teamTop"]
    assert got["kaarten"] == (
        f'<div class="ww-top3 ww-kaarten"><section class="ww-kaart"><h4 class="ww-kaart__titel">1. {a("knelpunten/deadlines/", "Deadlines")}</h4>'
        f'<span class="ww-top__samen">Hangt samen met: {a("knelpunten/tempo/", "Te hoog tempo")}</span>'
        f'<ul><li>{a("oplossingen/plannen/", "Samen plannen")}</li></ul></section>'
        f'<section class="ww-kaart"><h4 class="ww-kaart__titel">2. {a("knelpunten/alleen/", "Er alleen voor staan")}</h4>'
        f'<ul><li>{a("oplossingen/maatje/", "Een maatje")}</li></ul></section></div>'
    )
    assert got["balken"].count("ww-balk__vulling is-hoog") == 2
    assert 'style="width:100%"' in got["balken"] and 'style="width:75%"' in got["balken"]
    assert "Steun &amp; ruimte<span class=\"ww-balk__uitleg\">Hoog betekent: weinig steun, waardering of herstel</span>" in got["balken"]


def test_a_result_where_nothing_stands_out_in_node():
    got = node(PAGINA + f"""
        const data = {json.dumps(GIDS)};
        const u = ranking.uitslag(data, {{ haasten: 1, hulp: 5 }});
        return [weergave.kop(data, u, true), weergave.topKop(u, true), weergave.topLijst(data, u, false), weergave.top3(data, u)];
    """, "ranking.js", "weergave.js")
    assert got == [
        '<p class="ww-kop__zin">Niets scoort boven de 50: er springt bij het team niets uit.</p>'
        '<p class="ww-kop__advies"><strong>Begin hier:</strong> houd vast wat goed gaat, en bespreek werkdruk toch geregeld, '
        "zodat je het merkt als er iets verandert.</p>",
        "De grootste knelpunten",
        '<p class="ww-top__leeg">Geen enkel knelpunt scoort boven de 50. Er springen geen knelpunten uit bij jouw antwoorden.</p>',
        '<div class="ww-top3 ww-kaarten"></div>',
    ]


# Two tabs on one plan (samenvoegen.js). The case with a change in every part is in test_hostile_storage.py.
@pytest.mark.parametrize(("basis", "mijn", "hun", "samen"), [
    pytest.param(  # the other tab emptied the plan: what this tab had before goes, even with a tick added since
        {"knelpunten": [{"id": "a", "oplossingen": ["x"]}]}, {"knelpunten": [{"id": "a", "oplossingen": ["x", "y"]}]}, None,
        {"knelpunten": [], "scores": {}, "afspraken": {}}, id="hun-leeg"),
    pytest.param(  # this tab's first write while the other tab stored a plan: both stay, theirs first
        None, {"knelpunten": [{"id": "b", "oplossingen": ["z"]}]}, {"knelpunten": [{"id": "a", "oplossingen": ["x"]}]},
        {"knelpunten": [{"id": "a", "oplossingen": ["x"]}, {"id": "b", "oplossingen": ["z"]}], "scores": {}, "afspraken": {}}, id="eerste-keer"),
    pytest.param(  # same field changed in both: this tab's text; a field only they emptied: empty; a criterion each
        {"knelpunten": [{"id": "a", "oplossingen": ["o"]}], "scores": {"o": ["effect"]}, "afspraken": {"o": {"wie": "S", "hoe": "H"}}},
        {"knelpunten": [{"id": "a", "oplossingen": ["o"]}], "scores": {"o": ["effect", "kosten"]}, "afspraken": {"o": {"wie": "Sanne", "hoe": "H"}}},
        {"knelpunten": [{"id": "a", "oplossingen": ["o"]}], "scores": {"o": []}, "afspraken": {"o": {"wie": "Sam"}}},
        {"knelpunten": [{"id": "a", "oplossingen": ["o"]}], "scores": {"o": ["kosten"]}, "afspraken": {"o": {"wie": "Sanne"}}}, id="zelfde-veld"),
])
def test_two_tabs_plans_merged_in_node(basis, mijn, hun, samen):
    got = node(f"return samenvoegen.voegPlanSamen({json.dumps(basis)}, {json.dumps(mijn)}, {json.dumps(hun)});", "samenvoegen.js")
    assert got == samen


# A write of this tab lost to another tab's made at the same moment (verloren.js). In a browser: test_hostile_storage.py.
def _write(id_, before, after, delen):
    return {"id": id_, "basis": json.dumps(before), "tekst": json.dumps(after), "delen": delen}


S0 = {"scan": {"antwoorden": {"a": 1}}, "checklists": {"l": ["q1"]}, "schrijvingen": ["x-1"]}


@pytest.mark.parametrize(("stored", "writes", "made_again"), [
    pytest.param(  # this tab's write is still on top here: nothing to do yet
        {**S0, "schrijvingen": ["x-1", "mij-1"]}, [_write("mij-1", S0, {**S0, "schrijvingen": ["x-1", "mij-1"]}, ["scan"])], None,
        id="eigen-boven"),
    pytest.param(  # the other tab built on this tab's write: nothing lost
        {**S0, "schrijvingen": ["x-1", "mij-1", "ander-1"]}, [_write("mij-1", S0, S0, ["scan"])], None, id="erop-gebouwd"),
    pytest.param(  # lost: this tab's answers and tick made again on theirs, their tick kept
        {"scan": {"antwoorden": {"a": 1}}, "checklists": {"l": ["q1", "q3"]}, "schrijvingen": ["x-1", "ander-1"]},
        [_write("mij-1", S0, {**S0, "scan": {"antwoorden": {"a": 4}}}, ["scan"]),
         _write("mij-2", S0, {**S0, "checklists": {"l": ["q1", "q2"]}}, ["checklists"])],
        {"scan": {"antwoorden": {"a": 4}}, "checklists": {"l": ["q1", "q3", "q2"]}, "schrijvingen": ["x-1", "ander-1"]},
        id="verloren"),
    pytest.param(  # theirs holds this tab's first write, not its second: only the second is made again
        {"scan": {"antwoorden": {"a": 2}}, "checklists": {"l": []}, "schrijvingen": ["x-1", "mij-1", "ander-1"]},
        [_write("mij-1", S0, {**S0, "scan": {"antwoorden": {"a": 4}}}, ["scan"]),
         _write("mij-2", S0, {**S0, "checklists": {"l": ["q1", "q2"]}}, ["checklists"])],
        {"scan": {"antwoorden": {"a": 2}}, "checklists": {"l": ["q2"]}, "schrijvingen": ["x-1", "mij-1", "ander-1"]},
        id="deels-verloren"),
    pytest.param(  # everything cleared on purpose in the other tab: nothing comes back
        {}, [_write("mij-1", S0, {**S0, "scan": {"antwoorden": {"a": 4}}}, ["scan"])], None, id="gewist"),
])
def test_a_lost_write_is_made_again_on_what_is_stored_in_node(stored, writes, made_again):
    got = node(
        f"const r = await verloren.maakOpnieuw({json.dumps(stored)}, {{ geschreven: {json.dumps(writes)}, drager: null }}, "
        'new Map([["checklists", lijstsamen.vinkjesSamen]]), (t) => JSON.parse(t) || {}); return r && r.alles;',
        "verloren.js", "lijstsamen.js",
    )
    assert got == made_again


@pytest.mark.parametrize(("schrijvingen", "kept"), [
    pytest.param(["a-1", 5, {"id": "b-1"}, None, "b-2"], ["a-1", "b-2"], id="geen-tekst"),
    pytest.param("a-1", None, id="geen-lijst"),
    pytest.param([f"t-{i}" for i in range(500)], [f"t-{i}" for i in range(400, 500)], id="te-lang"),
])
def test_the_write_ids_of_a_crafted_store_are_cut_to_strings_in_node(schrijvingen, kept):
    """What verloren.js compares: only ids, and only the last hundred, whatever was stored."""
    stored = {"versie": "1.0", "schrijvingen": schrijvingen, "checklists": {"l": ["q1"]}}
    got = node(f"const v = vorm.opslagVorm({json.dumps(stored)}); return [v.alles.schrijvingen ?? null, v.veranderd, v.alles.checklists];", "vorm.js")
    assert got == [kept, True, {"l": ["q1"]}]


@pytest.mark.parametrize("patroon, pathname, id_", [
    ("knelpunten/{id}/", "/knelpunten/lawaai-op-de-groep/", "lawaai-op-de-groep"),
    ("knelpunten/{id}/", "/gids/knelpunten/lawaai-op-de-groep", "lawaai-op-de-groep"),  # under a folder, no last slash
    ("knelpunten/{id}.html", "/knelpunten/lawaai-op-de-groep.html", "lawaai-op-de-groep"),  # use_directory_urls: false
    ("oplossingen/{id}/", "/oplossingen/caf%C3%A9-uur/", "café-uur"),
    ("oplossingen/{id}/", "/knelpunten/lawaai-op-de-groep/", None),
    ("oplossingen/{id}/", "/oplossingen/", None),
    ("oplossingen/{id}/", "/oplossingen/%E0%A4%A/", None),  # broken escapes are no id
    ("", "/oplossingen/x/", None),
    ("oplossingen/{id}/", "/oplossingen/alle/", None),  # the site's list of all oplossingen, no oplossing
    ("knelpunten/{id}.html", "/knelpunten/index.html", None),
    ("knelpunten/{id}/", "/knelpunten/allen/", "allen"),
])
def test_an_entry_id_is_read_from_its_url_by_the_route_pattern_in_node(patroon, pathname, id_):
    """terug.js knows an oplossing's page and a result card's knelpunt by the patterns of the one
    table of routes (pages/routes.py, #ww-paden), not by folder names of its own."""
    paginanamen = paden_voor_javascript(True)["paginanamen"]
    assert node(f"return site.idUitPatroon({json.dumps(patroon)}, {json.dumps(pathname)}, {json.dumps(paginanamen)});", "site.js") == id_
