"""The three routes, the werkdrukmodel and the filters, read in Chromium as people read them."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from conftest import ARTIFACTS, ROOT, WCAG_21_AA
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")


def article(page):
    return page.locator("article")


def h1(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().rstrip("¶").strip()


def test_start_page_offers_the_three_routes_first_on_a_phone(open_page, server):
    page = open_page(360)
    page.goto(server + "/")
    routes = article(page).locator(".ww-routes a")
    assert routes.count() == 3
    for i in range(3):  # all three choices visible without scrolling
        box = routes.nth(i).bounding_box()
        assert box["y"] + box["height"] <= 800
    names = routes.all_inner_texts()
    assert "MKB'er of leidinggevende" in names[0]
    assert "HR-professional" in names[1]
    assert "werknemer" in names[2] and "OR" in names[2]


def test_through_the_whole_mkb_route_by_clicking(open_page, server):
    page = open_page(360)
    page.goto(server + "/")
    article(page).get_by_role("link", name=re.compile("Ik ben MKB'er")).click()
    assert "Leestijd van de hele route: ongeveer" in article(page).inner_text()
    article(page).get_by_role("link", name="Begin bij stap 1").click()
    for stap in catalogus.stappen:
        assert page.url.endswith(f"/mkb/stap-{stap.nummer}/")
        assert h1(page) == stap.titel
        assert f"Stap {stap.nummer} van 5" in article(page).inner_text()
        assert article(page).locator(".ww-actie").count() == len(stap.mkb.acties)
        if stap.nummer < 5:
            article(page).get_by_role("link", name=f"Volgende: stap {stap.nummer + 1}").click()
    assert page.url.endswith("/mkb/stap-5/")


@pytest.mark.parametrize("stap", catalogus.stappen, ids=lambda s: f"stap-{s.nummer}")
def test_lees_meer_lands_on_the_matching_hr_substep(open_page, server, stap):
    page = open_page(1280)
    actie = stap.mkb.acties[-1]
    page.goto(server + f"/mkb/stap-{stap.nummer}/")
    article(page).get_by_role("link", name=f"Lees meer: {actie.meer.titel}").last.click()
    assert urlparse(page.url).path.endswith(f"/stappen/stap-{stap.nummer}/{actie.meer.id}/")
    assert h1(page) == actie.meer.titel


def test_substep_tabs_switch_and_checklist_ticks(open_page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    substap = catalogus.substappen[0]
    page = open_page(360)
    page.goto(server + f"/stappen/stap-1/{substap.id}/")
    blocks = page.locator(".tabbed-block")
    assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible()
    tabs = page.locator(".tabbed-labels")
    tabs.get_by_text("Hoe", exact=True).click()
    assert blocks.nth(1).is_visible() and not blocks.nth(0).is_visible()
    tabs.get_by_text("Check", exact=True).click()
    questions = blocks.nth(3).locator("label")
    assert questions.all_inner_texts() == substap.check
    questions.first.click()  # the question text itself is the label of its box
    assert blocks.nth(3).locator("input").first.is_checked()


def test_substeps_lead_on_across_step_boundaries(open_page, server):
    page = open_page(1280)
    laatste_van_stap_1 = catalogus.stappen[0].substappen[-1]
    stap_2 = catalogus.stappen[1]
    page.goto(server + f"/stappen/stap-1/{laatste_van_stap_1.id}/")
    article(page).get_by_role("link", name=f"Volgende: stap 2 – {stap_2.titel}").click()
    assert page.url.endswith("/stappen/stap-2/")
    article(page).get_by_role("link", name=f"Volgende: {stap_2.substappen[0].titel}").click()
    assert page.url.endswith(f"/stappen/stap-2/{stap_2.substappen[0].id}/")
    article(page).get_by_role("link", name=f"← Terug naar stap 2: {stap_2.titel}").click()
    assert page.url.endswith("/stappen/stap-2/")


def test_filter_oplossingen_quick_win_for_teams(open_page, server):
    page = open_page(1280)
    page.goto(server + "/oplossingen/")
    form = page.locator("form.ww-filter")
    form.get_by_label("Quick win").check()
    form.get_by_label("Team").check()

    expected = {o.id for o in catalogus.oplossingen.values() if o.termijn == "quick-win" and "team" in o.niveau}
    shown = set(page.locator(".ww-resultaten > .ww-kaart:visible").evaluate_all("cards => cards.map(c => c.id)"))
    assert shown == expected and 0 < len(expected) < len(catalogus.oplossingen)
    assert form.locator(".ww-filter__telling").inner_text() == f"{len(expected)} van {len(catalogus.oplossingen)} oplossingen"

    # the filter lives in the URL: a shared link shows the same view
    assert "termijn=quick-win" in page.url and "niveau=team" in page.url
    other = open_page(360)
    other.goto(page.url)
    again = set(other.locator(".ww-resultaten > .ww-kaart:visible").evaluate_all("cards => cards.map(c => c.id)"))
    assert again == expected
    assert other.locator("form.ww-filter").get_by_label("Quick win").is_checked()


def test_filter_knelpunten_by_group_then_factor(open_page, server):
    page = open_page(1280)
    groep = catalogus.werkdrukmodel.groepen[1]
    factor = next(f for f in groep.factoren if f.knelpunten)
    page.goto(server + "/knelpunten/")
    page.get_by_label("Groep").select_option(groep.id)
    offered = page.locator("#filter-factor option:not([disabled])").evaluate_all("os => os.map(o => o.value)")
    assert offered == [""] + [f.id for f in groep.factoren if f.knelpunten]
    shown = page.locator(".ww-resultaten > .ww-kaart:visible").evaluate_all("cards => cards.map(c => c.id)")
    assert sorted(shown) == sorted(k.id for f in groep.factoren for k in f.knelpunten)
    page.get_by_label("Factor").select_option(factor.id)
    shown = page.locator(".ww-resultaten > .ww-kaart:visible").evaluate_all("cards => cards.map(c => c.id)")
    assert shown == [k.id for k in factor.knelpunten]
    assert f"factor={factor.id}" in page.url


def test_open_a_factor_from_the_werkdrukmodel_with_the_keyboard(open_page, server):
    page = open_page(1280)
    factor = catalogus.werkdrukmodel.groepen[2].factoren[0]
    page.goto(server + "/werkdrukmodel/")
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        inside = page.evaluate("!!document.activeElement.closest('figure.ww-model')")
        if inside and focused == factor.titel:
            break
    else:
        pytest.fail(f"met Tab kwam de focus nooit op {factor.titel}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/werkdrukmodel/{factor.id}/")
    assert h1(page) == factor.titel
    listed = article(page).locator("li a[href*='knelpunten/']").all_inner_texts()
    assert listed == [k.titel for k in factor.knelpunten]


PAGES = {
    "start": "/",
    "mkb-route": "/mkb/",
    "mkb-stap": "/mkb/stap-2/",
    "hr-overzicht": "/stappen/",
    "hr-stap": "/stappen/stap-3/",
    "substap": f"/stappen/stap-1/{catalogus.substappen[0].id}/",
    "werknemer": "/werknemer/",
    "werkdrukmodel": "/werkdrukmodel/",
    "factor": f"/werkdrukmodel/{catalogus.factoren[0].id}/",
    "knelpunten": "/knelpunten/",
    "knelpunt": f"/knelpunten/{next(iter(catalogus.knelpunten))}/",
    "oplossingen": "/oplossingen/",
    "oplossing": f"/oplossingen/{next(iter(catalogus.oplossingen))}/",
    "scan": "/scan/",
    "werksessie": "/werksessie/",
    "posters": "/werksessie/posters/",
    "prioriteren": "/werksessie/prioriteren/",
    "checklist": "/checklists/stap-3/",
    "verantwoording": "/verantwoording/",
    "praktijk": "/praktijk/",
    "toegankelijkheid": "/toegankelijkheid/",
    "privacy": "/privacy/",
}


@pytest.mark.parametrize("width", [360, 1280])
def test_every_kind_of_page_is_accessible_and_stays_on_its_origin(open_page, server, width):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_page(width)
    violations = {}
    for name, url in PAGES.items():
        page.goto(server + url)
        page.wait_for_load_state("load")
        found = axe.run(page, options=WCAG_21_AA).response["violations"]
        if found:
            violations[name] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
    assert violations == {}
    foreign = [url for url in page.requests if urlparse(url).netloc != urlparse(server).netloc]
    assert foreign == []


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_review(open_page, server, width):
    """Screenshots a person looks at (tests/artifacts); the test checks they show the page's title."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(width)
    for name in ("start", "mkb-stap", "substap", "werkdrukmodel", "hr-overzicht", "oplossingen", "oplossing", "verantwoording"):
        page.goto(server + PAGES[name])
        page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
        assert page.get_by_role("heading", level=1).is_visible()
