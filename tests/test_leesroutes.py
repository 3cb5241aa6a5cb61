"""One route per journey: each reading route walked by its own previous/next and back
links only, at phone and desktop width, never landing on another route's navigation.

What a reader sees is asserted against the routes written out here by hand from the
example catalogus (five steps; the substeps per step from its stappen files).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
WIDTHS = [360, 1280]


def path(page) -> str:
    return urlparse(page.url).path


def visible_routes(page) -> set[str]:
    """The routes whose navigation this page shows."""
    return set(page.locator("[data-leesroute]:visible").evaluate_all("elements => elements.map((e) => e.dataset.leesroute)"))


def follow(page, link) -> None:
    expect(link).to_be_visible()
    link.click()
    page.wait_for_load_state("load")


def next_link(page):
    return page.locator(".ww-leesroute-onder:visible a[rel=next]")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_short_route_by_its_own_links_with_every_lees_meer_and_back(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/mkb/")
    walked = [path(page)]
    expect(page.locator(".ww-leesroute:visible")).to_contain_text("Onderdeel van de korte route")
    while next_link(page).count():
        follow(page, next_link(page))
        walked.append(path(page))
        if "/werksessie/" in path(page):
            break
        assert visible_routes(page) == {"mkb"}
        nummer = int(path(page).rstrip("/").rsplit("-", 1)[1])
        expect(page.locator(".ww-leesroute:visible")).to_have_text("← Terug naar het overzicht van de korte route Onderdeel van de korte route")
        expect(page.locator(".ww-voortgang__tekst")).to_have_text(f"Stap {nummer} van 5")
        # every "Lees meer" is a detour with the way back at the top and the bottom, and no other route
        for i in range(page.locator(".ww-lees-meer a").count()):
            follow(page, page.locator(".ww-lees-meer a").nth(i))
            assert "/stappen/" in path(page)
            assert visible_routes(page) == set()
            assert page.locator(".ww-bladeren a[rel], .ww-stapnav").filter(visible=True).count() == 0
            back = page.locator(".md-content a.ww-terug--route")
            expect(back).to_have_text(f"← Terug naar stap {nummer} van de korte route")
            below = page.locator(".md-content .ww-bladeren--terug a")
            expect(below).to_have_text(f"← Terug naar stap {nummer} van de korte route")
            assert below.bounding_box()["y"] > page.locator(".md-content h1").bounding_box()["y"]
            follow(page, below)
            assert path(page).endswith(f"/mkb/stap-{nummer}/")
    assert walked == ["/mkb/"] + [f"/mkb/stap-{n}/" for n in range(1, 6)] + ["/werksessie/"]
    # the end of the route leads to the werksessie with the way back, not into another route
    assert visible_routes(page) == set()
    expect(page.locator(".md-content a.ww-terug--route")).to_have_text("← Terug naar stap 5 van de korte route")


def test_short_route_texts_link_to_short_route_steps(example_site):
    """A tip or action that names a step sends the MKB reader to that step of the short route."""
    for stap in catalogus.stappen:
        html = (example_site / "mkb" / f"stap-{stap.nummer}" / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert not re.search(r'href="\.\./\.\./stappen/stap-[0-9]/"', article), stap.nummer  # a substep ("Lees meer") is a detour


@pytest.mark.parametrize("width", WIDTHS)
def test_the_long_route_page_by_page_with_its_place_and_way_back(open_page, server, width):
    expected = ["/stappen/"]
    for stap in catalogus.stappen:
        expected.append(f"/stappen/stap-{stap.nummer}/")
        expected += [f"/stappen/stap-{stap.nummer}/{s.id}/" for s in stap.substappen]
    page = open_page(width)
    page.goto(server + "/stappen/")
    walked = [path(page)]
    while next_link(page).count():
        follow(page, next_link(page))
        walked.append(path(page))
        assert visible_routes(page) == {"hr"}
        deel = page.locator(".ww-leesroute:visible .ww-leesroute__deel")
        parts = path(page).strip("/").split("/")
        nummer = int(parts[1].split("-")[1])
        stap = catalogus.stappen[nummer - 1]
        if len(parts) == 3:  # a substep: its place in its step, the way back to that step
            i = [s.id for s in stap.substappen].index(parts[2]) + 1
            expect(deel).to_have_text(f"Onderdeel van de uitgebreide route · Stap {nummer}, substap {i} van {len(stap.substappen)}")
            expect(page.locator(".ww-leesroute:visible a.ww-terug")).to_have_text(f"← Terug naar stap {nummer}: {stap.titel}")
            # the whole route below, with this substep marked and its step opened
            here = page.locator(".ww-stapnav:visible [aria-current=page]")
            expect(here).to_contain_text(stap.substappen[i - 1].titel)
        else:
            expect(deel).to_have_text(f"Onderdeel van de uitgebreide route · Stap {nummer} van 5")
    assert walked == expected
    # and back again by "Vorige" only
    while page.locator(".ww-leesroute-onder:visible a[rel=prev]").count():
        follow(page, page.locator(".ww-leesroute-onder:visible a[rel=prev]"))
        assert visible_routes(page) == {"hr"}
        walked.append(path(page))
    assert walked[len(expected) - 1:] == expected[::-1]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_werknemer_route_through_the_shared_tools(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/werknemer/")
    walked = [path(page)]
    while next_link(page).count():
        follow(page, next_link(page))
        walked.append(path(page))
        assert visible_routes(page) == {"werknemer"}
        expect(page.locator(".ww-leesroute:visible")).to_contain_text(f"Deel {len(walked)} van 4")
    assert walked == ["/werknemer/", "/scan/", "/scan/team/", "/werksessie/"]
    while page.locator(".ww-leesroute-onder:visible a[rel=prev]").count():
        follow(page, page.locator(".ww-leesroute-onder:visible a[rel=prev]"))
        assert visible_routes(page) == {"werknemer"}
    assert path(page) == "/werknemer/"
    # the same tools reached without the route show no route: they are tools of their own
    page.goto(server + "/scan/")
    assert visible_routes(page) == set()


def test_the_menu_marks_the_step_of_a_substep_and_the_list_of_an_entry(open_page, server):
    page = open_page(1280)
    stap = catalogus.stappen[1]
    page.goto(server + f"/stappen/stap-2/{stap.substappen[0].id}/")
    marked = page.locator(".md-sidebar--primary .md-nav__item--active > a.md-nav__link")
    expect(marked.filter(has_text=stap.titel)).to_be_visible()
    knelpunt = next(iter(catalogus.knelpunten))
    page.goto(server + f"/knelpunten/{knelpunt}/")
    expect(marked.filter(has_text="Knelpunten")).to_be_visible()
    page.goto(server + "/oplossingen/")  # a page in the menu: Material's own mark, nothing else
    assert page.locator(".md-sidebar--primary .md-nav__item--active").count() == 1
