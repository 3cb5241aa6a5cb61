"""The filters of the oplossingen and knelpunten lists, used by clicking as a visitor does.

The form is in the page from the start (no layout shift), folds behind a "Filter (n)"
button on a phone, keeps its choice in the URL, and says which filters to loosen when
nothing fits. Screenshots land in tests/artifacts/ to be looked at.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from playwright.sync_api import expect

from conftest import ARTIFACTS, DRUKKE_FACTOR, ROOT, at_rest, axe_violations, serve_folder
from wegwijzer.catalogus import load_catalogus, model
from wegwijzer.pages.generated import LIJST_MAX

catalogus = load_catalogus(ROOT / "catalogus")
OPLOSSINGEN = list(catalogus.oplossingen.values())
TOTAAL = len(OPLOSSINGEN)
FILTERS = {"aanpak": ("Aanpak", model.AANPAK), "niveau": ("Niveau", model.NIVEAU),
           "termijn": ("Termijn", model.TERMIJN), "kosten": ("Kosten", model.KOSTEN)}

# Sum of the page's layout shifts that no click or key caused, as Lighthouse counts CLS.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(sum), 1000);
})"""


@pytest.fixture(scope="module", autouse=True)
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)


def values_of(oplossing, name) -> list[str]:
    value = getattr(oplossing, name)
    return list(value) if isinstance(value, (list, tuple)) else [value]


def fits(oplossing, choice: dict[str, str]) -> bool:
    return all(value in values_of(oplossing, name) for name, value in choice.items())


def shown_ids(page) -> set[str]:
    return set(page.locator(".ww-resultaten > .ww-kaart:visible").evaluate_all("cards => cards.map(c => c.id)"))


def filter_button(page):
    return page.get_by_role("button", name=re.compile(r"^Filter \(\d+\)$"))


def count(page):
    return page.locator(".ww-filter__telling")


def in_sentence(label: str) -> str:
    return label[0].lower() + label[1:]


def zero_match() -> dict[str, str]:
    """Two filters, one value each, that no oplossing of the example guide has together."""
    for a, b in combinations(FILTERS, 2):
        for x in FILTERS[a][1]:
            for y in FILTERS[b][1]:
                choice = {a: x, b: y}
                if not any(fits(o, choice) for o in OPLOSSINGEN):
                    return choice
    pytest.fail("the example guide has no combination of two filters without oplossingen")


@pytest.mark.parametrize("url", ["/oplossingen/", "/knelpunten/"])
def test_nothing_moves_while_the_page_loads_on_a_phone(open_page, server, url):
    page = open_page(360)
    page.goto(server + url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(LAYOUT_SHIFT) < 0.02


def test_first_screen_on_a_phone_shows_the_filter_button_and_results(open_page, server):
    page = open_page(360)
    page.goto(server + "/oplossingen/")
    button = filter_button(page)
    expect(button).to_have_text("Filter (0)")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert not page.get_by_role("checkbox").first.is_visible()  # folded away
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= 800
    first = page.locator(".ww-resultaten > .ww-kaart").first.locator(".ww-kaart__titel")
    assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 800
    expect(count(page)).to_have_text(f"{TOTAAL} van {TOTAAL} oplossingen")


def test_choose_a_filter_on_a_phone_and_the_url_keeps_it(open_page, server):
    page = open_page(360)
    page.goto(server + "/oplossingen/")
    filter_button(page).click()
    expect(filter_button(page)).to_have_attribute("aria-expanded", "true")
    page.get_by_label("Quick win").check()

    expected = {o.id for o in OPLOSSINGEN if fits(o, {"termijn": "quick-win"})}
    assert 0 < len(expected) < TOTAAL
    expect(count(page)).to_have_text(f"{len(expected)} van {TOTAAL} oplossingen")
    expect(filter_button(page)).to_have_text("Filter (1)")
    assert shown_ids(page) == expected
    assert "termijn=quick-win" in page.url
    # a card beyond the first view came in with the filter, and its link leads to its own page
    late = [o for i, o in enumerate(sorted(OPLOSSINGEN, key=lambda o: o.titel)) if i >= LIJST_MAX and o.id in expected]
    if late:
        page.locator(f"[id='{late[0].id}'] .ww-kaart__titel a").click()
        expect(page.locator("h1")).to_contain_text(late[0].titel)
        page.go_back()
        expect(count(page)).to_have_text(f"{len(expected)} van {TOTAAL} oplossingen")
        filter_button(page).click()

    # "Toon n oplossingen" folds the fields away and the results are in view again
    page.get_by_role("button", name=f"Toon {len(expected)} oplossingen").click()
    expect(filter_button(page)).to_have_attribute("aria-expanded", "false")
    expect(filter_button(page)).to_be_focused()
    first = page.locator(".ww-resultaten > .ww-kaart:visible").first
    expect(first).to_be_in_viewport()
    at_rest(page)
    page.screenshot(path=ARTIFACTS / "filter-360.png")

    page.reload()
    expect(filter_button(page)).to_have_text("Filter (1)")
    expect(count(page)).to_have_text(f"{len(expected)} van {TOTAAL} oplossingen")
    assert shown_ids(page) == expected
    filter_button(page).click()
    expect(page.get_by_label("Quick win")).to_be_checked()
    page.screenshot(path=ARTIFACTS / "filter-360-open.png")


def test_the_filter_button_works_with_the_keyboard(open_page, server):
    page = open_page(360)
    page.goto(server + "/oplossingen/")
    filter_button(page).focus()
    page.keyboard.press("Enter")
    expect(filter_button(page)).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label(model.AANPAK["bron"])).to_be_checked()
    expect(filter_button(page)).to_have_text("Filter (1)")
    page.keyboard.press("Escape")
    expect(filter_button(page)).to_have_attribute("aria-expanded", "false")
    expect(filter_button(page)).to_be_focused()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_match_names_the_filters_and_clear_restores_all(open_page, server, width):
    choice = zero_match()
    page = open_page(width)
    page.goto(server + "/oplossingen/")
    if width < 600:
        filter_button(page).click()
    for name, value in choice.items():
        page.locator("form.ww-filter").get_by_label(FILTERS[name][1][value], exact=True).check()

    expect(count(page)).to_have_text(f"0 van {TOTAAL} oplossingen")
    named = " en ".join(f"{FILTERS[name][0]}: {in_sentence(FILTERS[name][1][value])}" for name, value in choice.items())
    message = page.locator(".ww-filter__leeg")
    expect(message.get_by_role("status")).to_have_text(f"Geen oplossingen met {named}. Laat een van deze filters los.")
    assert shown_ids(page) == set()
    if width > 600:
        page.screenshot(path=ARTIFACTS / "filter-leeg-1280.png")

    message.get_by_role("button", name="Wis alle filters").click()
    expect(count(page)).to_have_text(f"{TOTAAL} van {TOTAAL} oplossingen")
    assert len(shown_ids(page)) == TOTAAL
    expect(message.locator(".ww-filter__zin")).to_have_text("")
    expect(message.get_by_role("button", name="Wis alle filters")).to_be_hidden()
    assert "?" not in page.url
    assert not page.locator("form.ww-filter input:checked").count()


@pytest.mark.parametrize("width", [360, 1280])
def test_filters_are_accessible_and_fit_the_screen(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/oplossingen/")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    if width < 600:
        filter_button(page).click()
    page.get_by_label("Quick win").check()
    assert axe_violations(page) == []
    if width > 600:
        page.screenshot(path=ARTIFACTS / "filter-1280.png")
    for name, value in zero_match().items():
        page.locator("form.ww-filter").get_by_label(FILTERS[name][1][value], exact=True).check()
    assert axe_violations(page) == []

    # nothing scrolls sideways, and what a reader reads is at least 16 px
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    sizes = page.locator(".ww-filter label, .ww-filter legend, .ww-filter__telling, .ww-filter__zin").evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 16

    page.goto(server + "/knelpunten/")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("url, total", [("/oplossingen/", TOTAAL), ("/knelpunten/", len(catalogus.knelpunten))])
def test_without_javascript_no_dead_form_and_the_whole_list(open_page, server, url, total):
    page = open_page(360, javascript=False)
    page.goto(server + url)
    assert not page.locator("form.ww-filter").is_visible()
    assert not page.get_by_role("button", name="Wis alle filters").is_visible()
    shown = page.locator(".ww-resultaten > .ww-kaart:visible").count()
    if total <= LIJST_MAX:
        assert shown == total
    else:  # the first ones, and one link to the page with every one of them, and back
        assert shown == LIJST_MAX
        page.get_by_role("link", name=f"Bekijk alle {total} ").click()
        assert page.locator(".ww-resultaten > .ww-kaart:visible").count() == total
        page.get_by_role("link", name="← Terug naar").click()
        assert page.url == server + url


@pytest.mark.parametrize("width", [360, 1280])
def test_a_busy_factor_shows_its_first_knelpunten_and_leads_to_all_of_them(open_page, long_guide, width):
    """A factor with more knelpunten than a list shows: the first ones, then the knelpunten list
    filtered on that factor, with every one of them (fetched from alle/), and back."""
    guide, site = long_guide
    factor = next(f for f in guide.factoren if f.id == DRUKKE_FACTOR)
    assert len(factor.knelpunten) > LIJST_MAX and len(factor.oplossingen) > LIJST_MAX
    with serve_folder(site) as base:
        page = open_page(width)
        page.goto(f"{base}/werkdrukmodel/{factor.id}/")
        lijst = page.locator("h2:has-text('Knelpunten bij deze factor') + div li")
        assert lijst.count() == LIJST_MAX
        assert lijst.first.inner_text() == factor.knelpunten[0].titel
        assert page.get_by_text(f"Dit zijn {LIJST_MAX} van de {len(factor.oplossingen)} oplossingen").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.get_by_role("link", name=f"Bekijk alle {len(factor.knelpunten)} knelpunten bij deze factor").click()
        expect(count(page)).to_contain_text(f"{len(factor.knelpunten)} van {len(guide.knelpunten)} knelpunten")
        assert shown_ids(page) == {k.id for k in factor.knelpunten}
        assert page.get_by_label("Factor").input_value() == factor.id
        page.screenshot(path=ARTIFACTS / f"drukke-factor-{width}.png", full_page=False)
        page.go_back()
        assert page.url == f"{base}/werkdrukmodel/{factor.id}/"
