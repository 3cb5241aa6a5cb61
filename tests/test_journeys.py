"""Each reader's journey, by clicking only, on a phone and a desktop; each ends where the reader wanted to be.

Screenshots of the end of each journey land in tests/artifacts/ to be looked at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS, ROOT
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
WIDTHS = [360, 1280]


def heading(page):
    return page.locator("h1").first


def click(page, name: str, role: str = "link"):
    """Click the visible link or button with this name, in the page's content (not the menu)."""
    target = page.locator(".md-content").get_by_role(role, name=name, exact=True).first
    target.click()
    page.wait_for_load_state("load")


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_mkb_route_start_to_step_5_with_a_detour_and_back(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/")
    page.locator(".ww-routes a").filter(has_text="Ik ben MKB'er of leidinggevende").click()
    expect(heading(page)).to_contain_text("De vijf stappen in het kort")
    click(page, "Begin bij stap 1")
    for stap in catalogus.stappen:
        expect(heading(page)).to_contain_text(stap.titel)
        assert page.locator(".ww-voortgang__tekst").inner_text() == f"Stap {stap.nummer} van 5"
        # one name per step, and no substep linked twice
        assert stap.kort not in page.locator(".ww-stapkop").inner_text()
        more = page.locator(".ww-lees-meer a").all_inner_texts()
        assert len(more) == len(set(more))
        if stap.nummer == 2:
            # the detour: into the long version, and back in one tap
            actie = stap.mkb.acties[0]
            click(page, f"Lees meer: {actie.meer.titel}")
            expect(heading(page)).to_contain_text(actie.meer.titel)
            back = page.locator(".md-content").get_by_role("link", name="← Terug naar stap 2 van de korte route").first
            expect(back).to_be_visible()
            page.screenshot(path=ARTIFACTS / f"reis-mkb-omweg-{width}.png")
            back.click()
            page.wait_for_load_state("load")
            expect(heading(page)).to_contain_text(stap.titel)
            # the step points first to the guide's own scan
            own = page.locator(".ww-actie").first.locator("a:not(.headerlink)").all_inner_texts()
            assert own[:2] == ["werkdrukscan", "teamuitslag"]
        if stap.nummer == 3:
            # the guide's own oplossingen, already filtered, before any outside source
            click(page, "snelle oplossingen met lage kosten")
            expect(heading(page)).to_contain_text("Oplossingen")
            expect(page.locator(".ww-terug--route")).to_have_text("← Terug naar stap 3 van de korte route")
            shown = page.locator(".ww-kaart:visible")
            # the filter is set: fewer cards shown than the page holds (filter.js runs after the load;
            # counted at once, all 50 were still shown once, under load)
            expect(shown).not_to_have_count(page.locator(".ww-kaart").count())
            assert shown.count() > 0
            page.locator(".ww-terug--route").click()
            page.wait_for_load_state("load")
            expect(heading(page)).to_contain_text(stap.titel)
        if stap.nummer < 5:
            volgende = catalogus.stappen[stap.nummer]
            click(page, f"Volgende: stap {stap.nummer + 1} – {volgende.titel} →")
    click(page, "Klaar! Plan een werksessie met je team →")
    expect(heading(page)).to_contain_text("Werksessie")
    page.screenshot(path=ARTIFACTS / f"reis-mkb-einde-{width}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("card, title", [
    ("Werkdrukscan", "Werkdrukscan"),
    ("Planhulp", "Planhulp: maak je plan van aanpak"),
    ("Werksessie", "Werksessie"),
    ("Checklists", "Checklists"),
])
def test_the_start_page_reaches_every_tool(open_page, server, width, card, title):
    page = open_page(width)
    page.goto(server + "/")
    link = page.locator(".ww-hulpmiddelen a").filter(has=page.locator("strong", has_text=card))
    expect(link).to_be_visible()
    link.click()
    page.wait_for_load_state("load")
    expect(heading(page)).to_contain_text(title)
    if card == "Checklists":
        assert page.locator(".ww-vinklijst input[type=checkbox]").count() > 0
    page.screenshot(path=ARTIFACTS / f"reis-start-{card.lower()}-{width}.png")


def test_the_start_page_shows_the_menu_on_a_desktop_and_keeps_lines_readable(open_page, server):
    page = open_page(1280)
    page.goto(server + "/")
    expect(page.locator(".md-sidebar--primary .md-nav__link").filter(has_text="Werkdrukscan")).to_be_visible()
    widths = page.eval_on_selector_all(".md-content__inner > p", "els => els.map(e => e.getBoundingClientRect().width)")
    assert widths and max(widths) <= 620  # about 70 characters of 16 px text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("answer, advice, next_step, lands_on", [
    ("Ja, bij mezelf", "Je herkent het bij jezelf", "Naar de werkdrukscan", "Werkdrukscan"),
    ("Ja, bij mijn medewerkers of collega's", "Je herkent het bij je medewerkers of collega's", "Begin met de korte route", "De vijf stappen in het kort"),
    ("Nee, eigenlijk niet", "Je herkent het niet", "Werkdruk vast bespreken in het werkoverleg", "Werkdruk"),
])
def test_each_answer_to_is_this_for_me_leads_to_advice_and_a_next_step(open_page, server, width, answer, advice, next_step, lands_on):
    page = open_page(width)
    page.goto(server + "/")
    click(page, answer)
    section = page.locator(".ww-advies:target")
    expect(section.locator("h3")).to_contain_text(advice)
    expect(section).to_be_in_viewport()  # scrolled to the advice
    section.get_by_role("link", name=next_step, exact=True).click()
    page.wait_for_load_state("load")
    expect(heading(page)).to_contain_text(lands_on)
    name = re.sub(r"[^a-z]", "", advice.split()[-1].lower())
    page.screenshot(path=ARTIFACTS / f"reis-iets-voor-mij-{name}-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_employee_route_to_the_scan_and_the_team_result(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/")
    page.locator(".ww-routes a").filter(has_text="Ik ben werknemer").click()
    page.wait_for_load_state("load")
    expect(heading(page)).to_contain_text("Werkdruk bespreken als werknemer of OR")
    click(page, "teamuitslag")
    expect(heading(page)).to_contain_text("Teamuitslag van de werkdrukscan")
    click(page, "werkdrukscan")
    expect(heading(page)).to_contain_text("Werkdrukscan")
    page.screenshot(path=ARTIFACTS / f"reis-werknemer-{width}.png")
