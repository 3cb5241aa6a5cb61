"""The browser tools against crafted files and storage: nothing a visitor made is lost or corrupted.

A corpus of hostile result files, plan files and stored data, tried on the built
example guide in one browser. For each: the visitor's earlier work is intact (or
comes back with "Zet terug"), a Dutch message names the file or the part, no
script error, and no task blocks the page for 200 ms or more (Chromium's
`longtask` entries). Two tabs on one plan or one checklist keep both tabs' work.
The checks that need no page run in Node (vorm.js, versies.js).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest
from playwright.sync_api import expect

from conftest import ROOT, at_rest
from test_ranking import full_data

SCRIPTS = ROOT / "plugins" / "wegwijzer" / "theme" / "assets" / "javascripts" / "wegwijzer"
#: A hostile file or stored value must not freeze the page: quadratic work on these inputs takes
#: seconds. The bound is loose because two test workers share CI's two cores; the times a quiet
#: machine gives (tens of milliseconds) are measured, not asserted.
BLOCKING_MS = 1000

#: Every long task (50 ms or more) of the page, from its first script on.
WATCH_LONG_TASKS = """
    window.__lang = [];
    new PerformanceObserver((lijst) => lijst.getEntries().forEach((e) => window.__lang.push(e.duration)))
        .observe({ type: "longtask", buffered: true });
"""


@pytest.fixture(scope="module")
def data(example_site):
    return full_data(example_site)


@pytest.fixture(scope="module")
def key(data):
    return f"wegwijzer:{data['gids']['id']}"


@pytest.fixture
def tab(open_page):
    """A tab new to this test, its pages watched for long tasks and script errors; each `tab()`
    opens one more page in the same browser context (the same storage, as two tabs share it)."""
    pages, errors = [], []

    def new_page():
        page = pages[0].context.new_page() if pages else open_page(1280, init_script=WATCH_LONG_TASKS)
        page.on("pageerror", lambda e: errors.append(str(e)))
        pages.append(page)
        return page

    new_page.errors = errors
    yield new_page
    assert errors == [], errors


def store(page, server, key, value: str | None, path: str, measure_load: bool = False):
    """Put `value` (raw text) under the guide's key before any script of `path` runs, then open `path`;
    long tasks count from here (`measure_load`) or from after the load."""
    page.goto(server + "/data/versies.json")  # same origin, no script
    page.evaluate("([k, v]) => { localStorage.clear(); if (v !== null) localStorage.setItem(k, v); }", [key, value])
    page.goto(server + path)
    ready(page)
    if not measure_load:
        clear_long_tasks(page)


def ready(page):
    """Wait until the page's tool has read what is stored (modules may wait for a checker to load)."""
    if page.url.endswith("/scan/"):
        page.locator(".ww-scan__knoppen").wait_for(state="visible")  # scan.js shows them last
    elif "/checklists/" in page.url:
        page.locator(".ww-wis-vinkjes").first.wait_for(state="attached")  # checklists.js adds them


def clear_long_tasks(page):
    page.evaluate("window.__lang.length = 0")


def longest_task(page) -> float:
    return page.evaluate("Math.max(0, ...window.__lang)")


def stored(page, key):
    """What the page stored, parsed here: Playwright would drop a key `__proto__` on the way."""
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key))


def checked_answers(page):
    return page.eval_on_selector_all("input[type=radio]:checked", "els => Object.fromEntries(els.map(e => [e.name, +e.value]))")


def a_file(name: str, content) -> dict:
    """A file to choose: JSON of `content`, or the text itself, or (an int) that many spaces."""
    if isinstance(content, int):
        return {"name": name, "size": content}
    return {"name": name, "text": content if isinstance(content, str) else json.dumps(content)}


def choose(page, selector: str, file: dict, message) -> float:
    """Choose `file` in the file field, as a visitor does, and wait for `message` to name it; returns the
    longest task of the page's own handling. The file is made in the page first, so the test's own work
    is not measured."""
    page.evaluate("""f => {
        const inhoud = f.text !== undefined ? [f.text] : [new Uint8Array(f.size).fill(32)];
        const dt = new DataTransfer();
        dt.items.add(new File(inhoud, f.name, { type: "application/json" }));
        window.__bestanden = dt.files;
    }""", file)
    at_rest(page)  # a long task is reported just after it ends
    clear_long_tasks(page)
    page.eval_on_selector(selector, "el => { el.files = window.__bestanden; el.dispatchEvent(new Event('change', { bubbles: true })); }")
    expect(message).to_contain_text(f"‘{file['name']}’", timeout=10_000)
    at_rest(page)
    return longest_task(page)


# --- result files ------------------------------------------------------------------------------------

def result_file(data, **changes):
    return {"soort": "werkdrukscan", "gids": {"id": data["gids"]["id"], "titel": data["gids"]["titel"], "versie": data["gids"]["versie"]},
            "id": "bestand-1", "datum": "2026-11-24", "antwoorden": {"haasten": 1, "te-veel-werk": 1}, **changes}


BAD_RESULTS = {
    "datum-getal.json": ({"datum": 5}, "de datum is 5"),
    "datum-tekst.json": ({"datum": "gisteren"}, "geen datum zoals"),
    "antwoorden-lijst.json": ({"antwoorden": []}, "de antwoorden staan er niet in"),
    "antwoord-tekst.json": ({"antwoorden": {"haasten": "5"}}, "het antwoord bij ‘haasten’ is 5, en dat is geen getal van 1 tot en met 5"),
    "antwoord-zeven.json": ({"antwoorden": {"haasten": 7}}, "het antwoord bij ‘haasten’ is 7"),
    "antwoord-leeg.json": ({"antwoorden": {"haasten": None, "te-veel-werk": 2}}, "het antwoord bij ‘haasten’ is null"),
    "antwoord-half.json": ({"antwoorden": {"haasten": 2.5}}, "is 2.5, en dat is geen getal"),
    "id-getal.json": ({"id": 5}, "geen goede id"),
    "alleen-vreemde-ids.json": ({"antwoorden": {"constructor": 5, "__proto__": 4, "toString": 3}}, "bevat geen antwoorden op de stellingen"),
}


def test_result_files_of_the_wrong_shape_are_refused_and_change_nothing(tab, server, key, data):
    page = tab()
    earlier = {"id": "eigen", "datum": "2026-11-01", "antwoorden": {"haasten": 5, "overwerken": 4}}
    store(page, server, key, json.dumps({"versie": data["gids"]["versie"], "scan": earlier}), "/scan/")
    assert checked_answers(page) == earlier["antwoorden"]
    chooser = "input[type=file][data-actie=openen]"
    message = page.locator(".ww-scan__melding")
    files = [a_file(name, result_file(data, **changes)) for name, (changes, _) in BAD_RESULTS.items()]
    files += [a_file("kapot.json", "{niet af"), a_file("lijst.json", "[1, 2]"), a_file("getal.json", "5"),
              a_file("te-groot.json", 9 * 1024 * 1024)]
    expected = [words for _, words in BAD_RESULTS.values()] + ["is niet te lezen", "is geen uitslag van de werkdrukscan",
                                                               "is geen uitslag van de werkdrukscan", "is te groot (9 MB)"]
    longest = 0.0
    for file, words in zip(files, expected):
        longest = max(longest, choose(page, chooser, file, message))
        assert longest < BLOCKING_MS, file["name"]
        assert words in message.inner_text(), (file["name"], message.inner_text())
        assert checked_answers(page) == earlier["antwoorden"]
        assert stored(page, key)["scan"] == earlier
    print(f"hostile result files: longest task {longest:.0f} ms")
    assert not page.get_by_role("button", name="Zet terug").is_visible()

    # A good file with answers to statements this scan does not have (`constructor` among them):
    # those are left out and counted, the rest replaces the answers, and one click puts them back.
    good = result_file(data, antwoorden={"haasten": 2, "constructor": 5, "__proto__": 5, "toString": 1})
    assert choose(page, chooser, a_file("collega.json", good), message) < BLOCKING_MS
    expect(message).to_contain_text("In ‘collega.json’ tellen 3 antwoorden niet mee")
    assert checked_answers(page) == {"haasten": 2}
    expect(page.get_by_role("status").filter(has_text="vervangen door die uit ‘collega.json’")).to_be_visible()
    page.get_by_role("button", name="Zet terug").click()
    assert checked_answers(page) == earlier["antwoorden"]
    assert stored(page, key)["scan"] == earlier
    page.reload()
    ready(page)
    assert checked_answers(page) == earlier["antwoorden"]
    assert longest_task(page) < BLOCKING_MS


# --- plan files ----------------------------------------------------------------------------------------

def plan_file(data, plan, **changes):
    return {"soort": "plan-van-aanpak", "gids": {"id": data["gids"]["id"], "titel": data["gids"]["titel"]}, "datum": "2026-11-24",
            "plan": plan, **changes}


@pytest.fixture(scope="module")
def earlier_plan(data):
    k = data["knelpunten"][0]
    o = k["oplossingen"][0]
    return {"knelpunten": [{"id": k["id"], "oplossingen": [o]}], "scores": {o: ["effect"]}, "afspraken": {o: {"wie": "Sanne", "start": "2026-12-01"}}}


def test_plan_files_of_the_wrong_shape_are_refused_and_change_nothing(tab, server, key, data, earlier_plan):
    page = tab()
    store(page, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": earlier_plan}), "/plan/")
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    k = earlier_plan["knelpunten"][0]["id"]
    bad = {
        "knelpunten-object.json": ({"knelpunten": {}}, "de knelpunten staan er niet in als lijst"),
        "knelpunt-getal.json": ({"knelpunten": [5]}, "de knelpunten bevatten 5, en dat is geen knelpunt"),
        "oplossingen-tekst.json": ({"knelpunten": [{"id": k, "oplossingen": "alles"}]}, f"de oplossingen bij ‘{k}’ staan er niet in als lijst"),
        "scores-lijst.json": ({"knelpunten": [], "scores": []}, "de weging van de oplossingen staat er niet in per oplossing"),
        "wie-getal.json": ({"knelpunten": [], "afspraken": {"x": {"wie": 5}}}, "‘wie’ bij ‘x’ is 5, en dat is geen tekst"),
        "start-morgen.json": ({"knelpunten": [], "afspraken": {"x": {"start": "morgen"}}}, "‘start’ bij ‘x’ is morgen, en dat is geen datum"),
        "afspraken-getal.json": ({"knelpunten": [], "afspraken": 5}, "de afspraken staan er niet in per oplossing"),
    }
    chooser = "input[type=file][data-actie=openen]"
    message = page.locator(".ww-plan__bestandmelding")
    cases = [(a_file(name, plan_file(data, plan)), f"is geen plan van deze Wegwijzer: {words}") for name, (plan, words) in bad.items()]
    cases += [
        (a_file("datum.json", plan_file(data, earlier_plan, datum=5)), "is geen plan van deze Wegwijzer: de datum is 5"),
        (a_file("kapot.json", "{niet af"), "is niet te lezen"),
        (a_file("scan.json", result_file(data)), "is geen bewaard plan van aanpak"),
        (a_file("plan-leeg.json", plan_file(data, [])), "is geen bewaard plan van aanpak"),
        (a_file("ander.json", plan_file(data, earlier_plan, gids={"id": "werkdruk-bouw", "titel": "Bouw"})), "is een plan van een andere Wegwijzer (Bouw)"),
        (a_file("te-groot.json", 9 * 1024 * 1024), "is te groot"),
    ]
    longest = 0.0
    for file, words in cases:
        longest = max(longest, choose(page, chooser, file, message))
        assert longest < BLOCKING_MS, file["name"]
        assert words in message.inner_text(), (file["name"], message.inner_text())
        assert stored(page, key)["plan"] == earlier_plan
        expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    print(f"hostile plan files: longest task {longest:.0f} ms")
    page.reload()
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")


def test_a_plan_file_with_100000_repeated_entries_opens_at_once_and_is_stored_once(tab, server, key, data, earlier_plan):
    page = tab()
    store(page, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": earlier_plan}), "/plan/")
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    k = data["knelpunten"][1]
    entries = [{"id": k["id"], "oplossingen": [k["oplossingen"][0]]}] * 100_000 + [{"id": "constructor", "oplossingen": ["__proto__"]}]
    big = plan_file(data, {"knelpunten": entries, "afspraken": {k["oplossingen"][0]: {"wie": "Ali"}}})
    message = page.locator(".ww-plan__bestandmelding")
    blocking = choose(page, "input[type=file][data-actie=openen]", a_file("groot-plan.json", big), message)
    print(f"plan file of 100,000 entries: longest task {blocking:.0f} ms")
    assert blocking < BLOCKING_MS, page.evaluate("window.__lang")
    expect(message).to_contain_text("Het plan uit ‘groot-plan.json’ is geopend (bewaard op 24 november 2026).")
    assert "1 onderdeel staat niet in deze versie" in message.inner_text()  # `constructor`, with its oplossing
    assert "99999 onderdelen stonden er dubbel in" in message.inner_text()
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Ali")
    plan = stored(page, key)["plan"]
    assert plan["knelpunten"] == [{"id": k["id"], "oplossingen": [k["oplossingen"][0]]}]  # stored once: later visits are fast

    expect(page.get_by_role("status").filter(has_text="vervangen door het plan uit ‘groot-plan.json’")).to_be_visible()
    page.get_by_role("button", name="Zet terug").click()
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    assert stored(page, key)["plan"] == earlier_plan


# --- stored data of the wrong shape --------------------------------------------------------------------

def repeated_plan(data):
    """One knelpunt 100,000 times, as short as fits in a browser's storage (a few MB)."""
    k = min(data["knelpunten"], key=lambda k: len(k["id"]))
    return {"knelpunten": [{"id": k["id"]}] * 100_000}


#: name -> (what is stored, the parts set aside, what stays valid); "V" is the guide's version
BAD_STORES = {
    "lijst": ("[]", ["alles"], {}),
    "getal": ("5", ["alles"], {}),
    "kapotte-json": ('{"scan": {"antwoorden": {"haasten": 5', ["alles"], {}),
    "scan-datum-getal": ({"versie": "V", "scan": {"id": "x", "datum": 5, "antwoorden": {"haasten": 5, "overwerken": "4", "leren": 9}}},
                         ["scan"], {"scan": {"id": "x", "datum": None, "antwoorden": {"haasten": 5}}}),
    "delen-getal": ({"versie": "V", "scan": {"antwoorden": {"haasten": 5}}, "plan": 5, "checklists": 5, "team": [], "versies": 3},
                    ["plan", "checklists"], {"scan": {"datum": None, "antwoorden": {"haasten": 5}}, "checklists": {}}),
    # colleagues' results of the first releases' team page are repaired, but never copied aside (team.js removes them)
    "team-kapot": ({"versie": "V", "scan": {"antwoorden": {"haasten": 5}, "datum": "2026-01-02"}, "plan": [],
                    "team": {"uitslagen": [{"id": "a", "antwoorden": {"haasten": "5"}}]}, "stembus": {"totalen": {}, "stemmen": 0}},
                   ["plan"], {"stembus": {"totalen": {}, "stemmen": 0}}),
    "vinkjes-getal": ({"versie": "V", "checklists": {"signalen-opvangen": 5, "constructor": ["a", "a"], "toString": ["b", 7]}},
                      ["checklists"], {"checklists": {"constructor": ["a"], "toString": ["b"]}}),
}


@pytest.mark.parametrize("name", sorted(BAD_STORES))
def test_stored_data_of_the_wrong_shape_is_kept_where_valid_and_set_aside(tab, server, key, data, name):
    value, parts, valid = BAD_STORES[name]
    if isinstance(value, dict):
        value = json.dumps({**value, "versie": data["gids"]["versie"]})
    page = tab()
    store(page, server, key, value, "/scan/")
    notice = page.locator(".ww-melding--hersteld")
    expect(notice).to_be_visible()
    assert notice.get_attribute("role") == "alert"
    words = {"alles": "alles wat je browser voor deze Wegwijzer bewaarde", "scan": "je antwoorden in de werkdrukscan",
             "plan": "je plan van aanpak", "checklists": "je vinkjes in de checklists", "team": "de teamuitslag"}
    for part in parts:
        assert words[part] in notice.inner_text()
    # what did not fit is set aside, as it was
    aside = stored(page, key.replace("wegwijzer:", "wegwijzer-apart:"))
    assert [a["deel"] for a in aside] == parts
    original = value if parts == ["alles"] and name == "kapotte-json" else json.loads(value)
    if parts == ["alles"]:
        assert aside[0]["waarde"] == original
    else:
        assert all(a["waarde"] == original[a["deel"]] for a in aside)
    # what was valid stays, and the store is repaired once
    now = stored(page, key)
    for part, content in valid.items():
        assert now[part] == content
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download wat apart staat").click()
    assert json.loads(open(download.value.path(), encoding="utf-8").read()) == aside

    # every later change is kept: the page works as on a clean store
    page.locator("input[name='te-veel-werk'][value='3']").check()
    page.reload()
    ready(page)
    assert checked_answers(page)["te-veel-werk"] == 3
    assert not notice.is_visible()  # told once: the store is in shape now
    if "haasten" in json.dumps(valid):
        assert checked_answers(page)["haasten"] == 5
    assert longest_task(page) < BLOCKING_MS


def test_a_stored_plan_of_100000_repeats_opens_fast_and_is_stored_once(tab, server, key, data):
    page = tab()
    plan = repeated_plan(data)
    store(page, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": plan}, separators=(",", ":")), "/plan/", measure_load=True)
    expect(page.locator(".ww-plan__knelpunten .ww-kaart")).to_have_count(1)
    at_rest(page)
    print(f"stored plan of 100,000 entries: longest task {longest_task(page):.0f} ms")
    assert longest_task(page) < BLOCKING_MS, page.evaluate("window.__lang")
    assert stored(page, key)["plan"]["knelpunten"] == [{**plan["knelpunten"][0], "oplossingen": []}]
    assert not page.locator(".ww-melding--hersteld").is_visible()  # repeats merged: nothing lost, nothing to say


def test_ids_like_constructor_are_ids_like_any_other(tab, server, key, data):
    page = tab()
    weird = {"constructor": 5, "__proto__": 4, "toString": 3, "hasOwnProperty": 2, "haasten": 5}
    checklists = {"constructor": ["x"], "__proto__": ["y"], "valueOf": ["z"]}
    k = data["knelpunten"][0]
    plan = {"knelpunten": [{"id": "constructor", "oplossingen": ["toString"]}, {"id": k["id"], "oplossingen": [k["oplossingen"][0]]}],
            "scores": {"constructor": ["effect"], k["oplossingen"][0]: ["effect"]}, "afspraken": {"__proto__": {"wie": "x"}}}
    text = json.dumps({"versie": data["gids"]["versie"], "scan": {"antwoorden": weird}, "checklists": checklists, "plan": plan})
    store(page, server, key, text, "/scan/")
    assert checked_answers(page) == {"haasten": 5}
    expect(page.locator("#ww-uitslag")).to_be_visible()
    assert "NaN" not in page.locator("#ww-uitslag").inner_text()
    assert not page.locator(".ww-melding--hersteld").is_visible()  # valid shapes: nothing set aside
    kept = stored(page, key)
    assert kept["scan"]["antwoorden"] == weird and kept["checklists"] == checklists
    page.goto(server + "/plan/")
    expect(page.locator(".ww-plan__knelpunten .ww-kaart")).to_have_count(1)  # `constructor` is no knelpunt of this guide
    expect(page.locator(".ww-plan__scores .ww-weging__score")).to_have_text(f"1 van {len(data['criteria'])} vragen met ja")
    page.goto(server + "/checklists/stap-1/")
    ready(page)
    page.locator("[data-checklist] input").first.check()
    page.reload()
    expect(page.locator("[data-checklist] input").first).to_be_checked()
    assert stored(page, key)["checklists"]["constructor"] == ["x"]


# --- two tabs ------------------------------------------------------------------------------------------

def test_two_tabs_on_the_planhulp_keep_both_tabs_work(tab, server, key, data, earlier_plan):
    a = tab()
    store(a, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": earlier_plan}), "/plan/")
    b = tab()
    b.goto(server + "/plan/")
    expect(b.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    k = earlier_plan["knelpunten"][0]["id"]
    second = next(o for o in next(x for x in data["knelpunten"] if x["id"] == k)["oplossingen"] if o not in earlier_plan["knelpunten"][0]["oplossingen"])
    # tab A ticks an oplossing; tab B, not reloaded, types at once
    a.locator(f".ww-plan__knelpunten input[value='{second}']").check()
    b.get_by_label("Wie zorgt ervoor?").first.fill("Sanne en Ali")
    expect(b.locator(f".ww-plan__knelpunten input[value='{second}']")).to_be_checked()  # shown in B without a reload
    expect(a.get_by_label("Wie zorgt ervoor?").first).to_have_value("Sanne en Ali")
    # B keeps typing in its field while A's change comes in: focus and text stay
    b.get_by_label("Hoe weten we dat het werkt?").first.click()
    b.keyboard.type("Minder overuren")
    a.locator(f".ww-plan__knelpunten input[value='{second}']").uncheck()
    b.keyboard.type(" in een maand")
    expect(b.get_by_label("Hoe weten we dat het werkt?").first).to_have_value("Minder overuren in een maand")
    first = earlier_plan["knelpunten"][0]["oplossingen"][0]
    # Chromium hands B's last write to A's process a moment later: wait for it there, then read it
    a.wait_for_function(
        "([k, o]) => (JSON.parse(localStorage.getItem(k)).plan.afspraken[o] || {}).hoe === 'Minder overuren in een maand'",
        arg=[key, first],
    )
    plan = stored(a, key)["plan"]
    assert plan["knelpunten"][0]["oplossingen"] == earlier_plan["knelpunten"][0]["oplossingen"]
    assert plan["afspraken"][first] == {"wie": "Sanne en Ali", "hoe": "Minder overuren in een maand", "start": "2026-12-01"}
    for page in (a, b):
        page.reload()
        expect(page.get_by_label("Wie zorgt ervoor?").first).to_have_value("Sanne en Ali")
        expect(page.get_by_label("Hoe weten we dat het werkt?").first).to_have_value("Minder overuren in een maand")


def test_a_changed_agreement_is_kept_when_it_is_the_first_change_after_opening(tab, server, key, data, earlier_plan):
    """The plan on the page and what the tab knows to be stored were one object: the first change
    to a stored agreement changed both, so it looked like another tab's and was undone."""
    page = tab()
    store(page, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": earlier_plan}), "/plan/")
    first = earlier_plan["knelpunten"][0]["oplossingen"][0]
    page.get_by_label("Wie zorgt ervoor?").fill("Sanne en Ali")
    assert stored(page, key)["plan"]["afspraken"][first]["wie"] == "Sanne en Ali"
    page.reload()
    expect(page.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne en Ali")


#: Do one thing on the page at the moment `t` (ms since 1970): two tabs given the same moment write
#: before either has heard of the other's write, as a visitor's two tabs sometimes do.
AT_THE_MOMENT = """([t, selector, text]) => { setTimeout(() => {
    const el = document.querySelector(selector);
    if (el.type === "checkbox") el.click();
    else { el.value = text; el.dispatchEvent(new Event("input", { bubbles: true })); }
}, t - Date.now()); }"""


def at_the_same_moment(*actions):
    """Run each (page, selector, text) at one moment a little ahead, in its own page."""
    moment = time.time() * 1000 + 400
    for page, selector, text in actions:
        page.evaluate(AT_THE_MOMENT, [moment, selector, text])


def test_two_tabs_writing_at_the_same_moment_keep_both_changes(tab, server, key, data, earlier_plan):
    """Each tab's browser process keeps its own copy of the storage and the last write wins: without
    care, one of two writes made at one moment is lost although both tabs showed it."""
    a = tab()
    store(a, server, key, json.dumps({"versie": data["gids"]["versie"], "plan": earlier_plan}), "/plan/")
    b = tab()
    b.goto(server + "/plan/")
    expect(b.get_by_label("Wie zorgt ervoor?")).to_have_value("Sanne")
    c = tab()
    c.goto(server + "/checklists/stap-1/")
    ready(c)
    k = earlier_plan["knelpunten"][0]["id"]
    first = earlier_plan["knelpunten"][0]["oplossingen"][0]
    second = next(o for o in next(x for x in data["knelpunten"] if x["id"] == k)["oplossingen"] if o != first)
    box = f".ww-plan__knelpunten input[value='{second}']"
    lijst = c.locator("[data-checklist]").first.get_attribute("data-checklist")
    vragen = c.locator(f"[data-checklist='{lijst}'] input")
    for i in range(6):
        ticked = i % 2 == 0
        # A ticks or unticks an oplossing, B types who does it, C ticks a question of a checklist
        at_the_same_moment((a, box, ""), (b, f"#wie-{first}", f"Sanne en Ali {i}"), (c, f"[data-checklist='{lijst}'] li:nth-of-type({i + 1}) input", ""))
        for page in (a, b):
            expect(page.locator(box)).to_be_checked(checked=ticked)
            expect(page.locator(f"#wie-{first}")).to_have_value(f"Sanne en Ali {i}")
        expect(vragen.nth(i)).to_be_checked()
        a.wait_for_function(
            "([k, o, w]) => (JSON.parse(localStorage.getItem(k)).plan.afspraken[o] || {}).wie === w",
            arg=[key, first, f"Sanne en Ali {i}"],
        )
        kept = stored(a, key)
        assert (second in kept["plan"]["knelpunten"][0]["oplossingen"]) == ticked
        assert len(kept["checklists"][lijst]) == i + 1


def test_two_tabs_on_one_checklist_keep_both_tabs_ticks(tab, server, key, data):
    a = tab()
    store(a, server, key, None, "/checklists/stap-1/")
    b = tab()
    b.goto(server + "/checklists/stap-1/")
    ready(b)
    lijst = a.locator("[data-checklist]").first.get_attribute("data-checklist")
    boxes_a = a.locator(f"[data-checklist='{lijst}'] input")
    boxes_b = b.locator(f"[data-checklist='{lijst}'] input")
    boxes_a.nth(0).check()
    boxes_b.nth(1).check()  # B had not reloaded: it must not write A's tick away
    expect(boxes_b.nth(0)).to_be_checked()
    expect(boxes_a.nth(1)).to_be_checked()
    vragen = [boxes_a.nth(i).get_attribute("data-vraag") for i in (0, 1)]
    assert sorted(stored(a, key)["checklists"][lijst]) == sorted(vragen)
    # a wipe in A shows in B; its undo in A too
    a.get_by_role("button", name="Vinkjes wissen").first.click()
    expect(boxes_b.nth(0)).not_to_be_checked()
    a.get_by_role("button", name="Zet terug").click()
    expect(boxes_b.nth(1)).to_be_checked()
    b.reload()
    ready(b)
    expect(b.locator(f"[data-checklist='{lijst}'] input").nth(1)).to_be_checked()
    assert [b.locator(f"[data-checklist='{lijst}'] input").nth(i).is_checked() for i in (0, 1, 2)] == [True, True, False]


# --- what the storage warning says ---------------------------------------------------------------------

FAILING_STORAGE = {
    "vol": ("Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); };",
            "De opslag die je browser websites geeft, is vol."),
    "geblokkeerd": ("Storage.prototype.setItem = function () { throw new DOMException('nee', 'SecurityError'); };",
                    "Je browser staat niet toe dat websites iets bewaren."),
    "te-groot": ("""const echt = Storage.prototype.setItem;
                    Storage.prototype.setItem = function (k, v) {
                      if (String(v).length > 3000) throw new DOMException('vol', 'QuotaExceededError');
                      return echt.call(this, k, v);
                    };""", "Let op: je laatste wijziging is niet bewaard."),
}


@pytest.mark.parametrize("reason", sorted(FAILING_STORAGE))
def test_the_storage_warning_says_what_really_happened(browser, server, data, reason):
    script, words = FAILING_STORAGE[reason]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/plan/")
    k = data["knelpunten"][0]
    page.get_by_label("Of kies zelf een knelpunt").select_option(k["id"])
    page.get_by_role("button", name="Toevoegen").click()
    page.locator(f".ww-plan__knelpunten input[value='{k['oplossingen'][0]}']").check()
    page.get_by_label("Wie zorgt ervoor?").fill("x" * 4000)
    warning = page.get_by_role("alert").filter(has_text="Let op")
    expect(warning).to_contain_text(words)
    assert ("privévenster" in warning.inner_text()) == (reason == "geblokkeerd")
    expect(warning).to_contain_text("Bewaar als bestand")
    assert page.get_by_label("Wie zorgt ervoor?").input_value() == "x" * 4000  # the tool keeps working
    context.close()
    assert errors == []


# --- in Node: the checks themselves --------------------------------------------------------------------

def node(code: str):
    if not shutil.which("node"):
        pytest.fail("Node.js ontbreekt: draai scripts/setup --test")
    script = f"""
        import * as vorm from "{(SCRIPTS / 'vorm.js').as_uri()}";
        import * as versies from "{(SCRIPTS / 'versies.js').as_uri()}";
        import * as samenvoegen from "{(SCRIPTS / 'samenvoegen.js').as_uri()}";
        const uit = (() => {{ {code} }})();
        process.stdout.write(JSON.stringify(uit));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_a_new_version_keeps_constructor_like_ids_of_the_guide():
    ids = {"gids": {"versie": "2"}, "stellingen": ["constructor", "haasten"], "knelpunten": ["constructor"], "oplossingen": ["tostring", "valueof"],
           "criteria": ["effect"], "checklists": {"constructor": ["hasownproperty"]}}
    opgeslagen = {"scan": {"antwoorden": {"constructor": 5, "weg": 1}}, "checklists": {"constructor": ["hasownproperty", "weg"], "__proto__": ["a"]},
                  "plan": {"knelpunten": [{"id": "constructor", "oplossingen": ["tostring", "weg"]}], "scores": {"tostring": ["effect"], "__proto__": ["effect"]},
                           "afspraken": {"valueof": {"wie": "Sanne"}, "constructor": {"wie": "weg"}}}}
    got = node(f"return versies.bijwerken({json.dumps(ids)}, vorm.opslagVorm(JSON.parse({json.dumps(json.dumps(opgeslagen))})).alles);")
    assert got["opgeslagen"]["scan"]["antwoorden"] == {"constructor": 5}
    assert got["opgeslagen"]["checklists"] == {"constructor": ["hasownproperty"]}
    assert got["opgeslagen"]["plan"]["knelpunten"] == [{"id": "constructor", "oplossingen": ["tostring"]}]
    assert got["opgeslagen"]["plan"]["scores"] == {"tostring": ["effect"]}
    assert got["opgeslagen"]["plan"]["afspraken"] == {"valueof": {"wie": "Sanne"}}
    assert got["weg"] == {"antwoorden": 1, "vinkjes": 2, "knelpunten": 0, "oplossingen": 1}


def test_merging_two_tabs_plans_keeps_each_change():
    got = node("""
        const p = (x) => vorm.planVorm(x);
        const basis = p({knelpunten: [{id: "a", oplossingen: ["x"]}, {id: "b", oplossingen: []}], afspraken: {x: {wie: "S", hoe: "H"}}});
        const mijn = p({knelpunten: [{id: "a", oplossingen: ["x", "y"]}, {id: "c", oplossingen: []}], afspraken: {x: {wie: "Sanne", hoe: "H"}}});
        const hun = p({knelpunten: [{id: "a", oplossingen: []}, {id: "b", oplossingen: ["z"]}, {id: "d", oplossingen: []}],
                       scores: {constructor: ["effect"]}, afspraken: {x: {wie: "S", hoe: "Hoe"}}});
        return samenvoegen.voegPlanSamen(basis, mijn, hun);
    """)
    # A removed x and b stays removed by me; my y, c and my text are added; their d, score and text stay
    assert got == {"knelpunten": [{"id": "a", "oplossingen": ["y"]}, {"id": "d", "oplossingen": []}, {"id": "c", "oplossingen": []}],
                   "scores": {"constructor": ["effect"]}, "afspraken": {"x": {"wie": "Sanne", "hoe": "Hoe"}}}


def test_checking_is_linear_in_the_size_of_a_file():
    got = node("""
        const entry = (i) => ({id: "k" + (i % 10), oplossingen: ["o" + (i % 7), "o" + (i % 7)]});
        const tijd = (n) => {
            const tekst = JSON.stringify({soort: "plan-van-aanpak", gids: {id: "g"}, plan: {knelpunten: Array.from({length: n}, (_, i) => entry(i))}});
            const start = performance.now();
            const r = vorm.leesPlanbestand({id: "g"}, tekst, "p.json");
            return [performance.now() - start, r.plan.knelpunten.length];
        };
        tijd(20000);
        return [tijd(50000), tijd(200000)];
    """)
    (small, n_small), (large, n_large) = got
    assert n_small == n_large == 10
    assert large < 10 * small + 50, got  # four times the entries: about four times the time, not sixteen
