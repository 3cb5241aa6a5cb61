"""The team result as a stembus on one shared device (team.js): private by design.

Five colleagues vote in turn on one page. At no point between the votes may the
page, its DOM or its localStorage hold one person's answers: only running totals
per statement and the number of votes. The result appears only after closing, with
at least 5 votes and at least half of the team. The expected figures below are
worked out by hand from the answer patterns, not computed by the test.
"""

from __future__ import annotations

import json
import re

import pytest

from playwright.sync_api import expect

from conftest import ARTIFACTS, at_rest, axe_violations
from test_ranking import every
from test_tools import only_own_origin, pdf_pages, pdf_size, pdf_text, settled, titles_of

SLEUTEL = "wegwijzer:werkdruk-kinderopvang"
BEVESTIGING = "Je antwoorden zijn opgeteld bij die van het team. Niemand kan ze apart terugzien. Geef het apparaat door."

# Five colleagues: (answer on every statement about pressure, answer on every statement about
# support, exceptions). By hand, per statement the pressures are 100, 100, 75, 0, 25: sum 300, team
# pressure 60. On haasten the second says 4: 100, 75, 75, 0, 25, sum 275, team pressure 55.
# So every factor scores 60 but tijdsdruk (haasten alone) 55, and every group 60 but 'Taakeisen in
# de werkinhoud', whose six factors average (55 + 5 * 60) / 6 = 59.2 -> 59.
# The top 7, by hand: every knelpunt whose statements all signal scores 60; the ones with two
# statements first, then the alphabet. 'Structureel meer werk' rests on the answers 'Onderbezetting'
# shows and shares its place; so do 'Gespannen sfeer' and 'Zorgen om de veiligheid van een kind'
# with 'Emotioneel zware situaties': 'Elke dag hetzelfde werk' is seventh.
TEAM = [(5, 1, {}), (5, 1, {"haasten": 4}), (4, 2, {}), (1, 5, {}), (2, 4, {})]
TEAM_GROEPEN = {"taakeisen-werkinhoud": 59, "taakeisen-werkcontext": 60, "regelmogelijkheden": 60, "individuele-factoren": 60, "buffers": 60}
TEAM_TOP7 = ["zware-gebeurtenissen-niet-besproken", "inzet-wordt-niet-gezien", "onderbezetting-door-vacatures",
             "vakantie-niet-opgenomen", "besluiten-boven-de-hoofden", "ieder-op-eigen-eiland", "eentonig-werk"]
# The stored sum on haasten after each vote: 100, +75, +75, +0, +25.
HAASTEN_SOM = [100, 175, 250, 250, 275]


def stored(page, deel="stembus"):
    return page.evaluate(f"() => (JSON.parse(localStorage.getItem({json.dumps(SLEUTEL)}) || '{{}}')[{json.dumps(deel)}] ?? null)")


def stored_team(page):
    return stored(page)


def assert_only_totals(team, stemmen, teamgrootte):
    """What the page keeps is totals and a count: no list, no answers, nothing per person."""
    assert set(team) == {"teamgrootte", "stemmen", "dicht", "datum", "totalen"}
    assert (team["stemmen"], team["teamgrootte"]) == (stemmen, teamgrootte)
    for waarde in team["totalen"].values():
        assert set(waarde) == {"som", "aantal"} and all(isinstance(x, int) for x in waarde.values())
    assert "[" not in json.dumps(team)  # no array anywhere: no list of people or of answers


def assert_shows_nothing_of_anyone(page, stemmen, teamgrootte):
    """After a vote: an empty form, the confirmation and the count; no figure of the tally."""
    expect(page.locator(".ww-stembus__bevestiging")).to_have_text(BEVESTIGING)
    expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text(f"{stemmen} van {teamgrootte} {'heeft' if stemmen == 1 else 'hebben'} meegedaan.")
    assert page.locator("input[type=radio]:checked").count() == 0
    assert not page.locator("#ww-teamuitslag").is_visible()
    assert page.locator("#ww-teamuitslag [data-deel]").evaluate_all("els => els.every((e) => e.innerHTML === '')")
    assert page.locator(".ww-balken, .ww-top, .ww-scoretabel, .ww-assen__stip:not([hidden])").count() == 0


def open_stembus(page, server, teamgrootte):
    page.goto(server + "/scan/team/")
    page.get_by_label("Hoeveel mensen zitten er in het team?").fill(str(teamgrootte))
    page.get_by_role("button", name="Open de stembus").click()
    expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text(f"0 van {teamgrootte} hebben meegedaan.")


def vote(page, answers):
    for stelling, value in answers.items():
        page.locator(f"#ww-stembus input[name='{stelling}'][value='{value}']").check()
    page.get_by_role("button", name="Stem uitbrengen").click()
    expect(page.locator(".ww-stembus__bevestiging")).to_be_visible()


def close_stembus(page):
    page.get_by_role("button", name="Sluit de stembus").click()
    page.get_by_role("button", name="Ja, sluit de stembus").click()
    expect(page.locator("[data-stap=dicht]")).to_be_visible()


def test_five_colleagues_vote_and_only_the_team_total_is_ever_shown(browser, server, data, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(server + "/scan/team/")
    # no file picker and no drop zone: the page takes no personal result files
    assert page.locator("input[type=file], .ww-sleepvak").count() == 0
    assert "Wat is beschermd, en voor wie?" in page.locator(".md-content").inner_text()

    open_stembus(page, server, 8)
    assert_only_totals(stored_team(page), 0, 8)
    page.screenshot(path=ARTIFACTS / "stembus-1280.png")
    for i, (eis, bron, extra) in enumerate(TEAM):
        vote(page, every(data, eis, bron) | extra)
        assert_shows_nothing_of_anyone(page, i + 1, 8)
        team = stored_team(page)
        assert_only_totals(team, i + 1, 8)
        assert team["totalen"]["haasten"] == {"som": HAASTEN_SOM[i], "aantal": i + 1}
        assert team["dicht"] is False
        if i == 0:
            page.set_viewport_size({"width": 360, "height": 800})
            page.locator("[data-stap=open] .ww-team__telling").scroll_into_view_if_needed()
            page.screenshot(path=ARTIFACTS / "stembus-na-stem-360.png")
            page.set_viewport_size({"width": 1280, "height": 900})
            page.locator("[data-stap=open] .ww-team__telling").scroll_into_view_if_needed()
            page.screenshot(path=ARTIFACTS / "stembus-na-stem-1280.png")
            page.set_viewport_size({"width": 1280, "height": 900})
        if i == 2:
            # a reload keeps the votes, and still shows nothing but the count
            page.reload()
            settled(page)
            expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text("3 van 8 hebben meegedaan.")
            assert not page.locator("#ww-teamuitslag").is_visible()
            # the presentation shows nothing while the stembus is open
            other = context.new_page()
            other.goto(server + "/scan/presentatie/?bron=team")
            expect(other.locator(".ww-presentatie__leeg")).to_contain_text("Er is nog geen teamuitslag op dit apparaat")
            assert not other.locator("#ww-presentatie").is_visible()
            other.close()

    # closing with 5 of 8: the team result, and its averages are those worked out by hand
    close_stembus(page)
    result = page.locator("#ww-teamuitslag")
    expect(result).to_be_visible()
    expect(page.locator(".ww-team__deelname")).to_have_text("5 van 8 deden mee. De stembus is dicht.")
    assert result.locator(".ww-uitslag__datum").inner_text().startswith("5 van 8 deden mee · gestemd op ")
    getallen = result.locator(".ww-balk__getal").all_inner_texts()
    assert getallen == [str(TEAM_GROEPEN[g["id"]]) for g in data["groepen"]]
    tijdsdruk = result.locator(".ww-scoretabel tr").filter(has_text="Tijdsdruk").locator(".ww-scoretabel__score")
    assert tijdsdruk.inner_text() == "55"
    titles = titles_of(data, "knelpunten")
    assert result.locator(".ww-top > li > a").all_inner_texts() == [titles[k] for k in TEAM_TOP7]
    assert result.locator(".ww-top3 .ww-kaart").count() == 3
    # no figure about fewer people than the minimum group: no spread, no count per quadrant
    assert result.locator(".ww-balk__spreiding, .ww-assen__telling").count() == 0
    assert result.locator(".ww-scoretabel thead th").count() == 2
    text = result.inner_text()
    assert "van 5 boven" not in text and not re.search(r"\b\d+ (persoon|personen|mensen)\b", text)
    assert_only_totals(stored_team(page), 5, 8)
    assert stored_team(page)["dicht"] is True
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / "teamuitslag-1280.png", full_page=True)
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=ARTIFACTS / "teamuitslag-360.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    # after closing no vote can be added, not even by submitting the hidden form
    assert not page.locator("#ww-stembus").is_visible()
    assert not page.get_by_role("button", name="Open de stembus weer").is_visible()
    page.locator("#ww-stembus input[name='haasten'][value='5']").evaluate("el => { el.checked = true; el.form.requestSubmit(); }")
    at_rest(page)
    assert stored_team(page)["stemmen"] == 5
    page.reload()  # kept on this device
    settled(page)
    expect(result).to_be_visible()

    # a new stembus takes one click, and one click puts the closed result back
    page.get_by_role("button", name="Nieuwe stembus").click()
    expect(result).to_be_hidden()
    expect(page.get_by_label("Hoeveel mensen zitten er in het team?")).to_be_visible()
    assert stored_team(page) is None
    page.get_by_role("button", name="Zet terug").click()
    expect(result.locator(".ww-top > li > a")).to_have_text([titles[k] for k in TEAM_TOP7])

    # the presentation reads the totals: one subject per slide, on screen and as landscape pages
    page.get_by_role("link", name="Toon als presentatie").click()
    slides = page.locator(".ww-dia")
    assert slides.count() == 5
    expect(page.locator("[data-veld=ondertitel]")).to_have_text("Uitslag van de werkdrukscan · 5 van 8 collega's deden mee")
    expect(slides.nth(3).locator(".ww-top > li > a")).to_have_text([titles[k] for k in TEAM_TOP7])
    page.screenshot(path=ARTIFACTS / "presentatie-scherm.png", full_page=True)
    page.get_by_role("button", name="Presenteer op het hele scherm").click()
    assert page.locator(".ww-dia.is-huidig").count() == 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator(".ww-dias__nummer").inner_text() == "Dia 3 van 5"
    assert page.locator(".ww-dia.is-huidig h2").inner_text().startswith("Score per groep")
    page.screenshot(path=ARTIFACTS / "presentatie-projector.png")
    page.keyboard.press("Escape")
    page.emulate_media(media="print")
    pdf = tmp_path / "presentatie.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    assert len(pdf_pages(pdf, "presentatie-pdf")) == 5  # one subject per page
    width, height = pdf_size(pdf)
    assert width > height  # landscape
    text = pdf_text(pdf)
    assert "Werkdruk in ons team" in text and "Wat het meest opvalt" in text and "http" not in text
    assert only_own_origin(page, server)
    context.close()


@pytest.mark.parametrize("teamgrootte, stemmen, waarom", [
    (8, 4, "De uitslag komt pas vanaf 5 stemmen"),
    (12, 5, "5 van de 12 mensen hebben gestemd. Dat is minder dan de helft van het team"),
])
def test_too_few_votes_show_no_result_but_say_why(open_page, server, data, teamgrootte, stemmen, waarom):
    page = open_page(1280)
    open_stembus(page, server, teamgrootte)
    for i in range(stemmen):
        vote(page, {"haasten": 1 + i % 5, "inspraak": 5 - i % 5})
        assert_shows_nothing_of_anyone(page, i + 1, teamgrootte)
    close_stembus(page)
    expect(page.locator(".ww-team__waarom")).to_contain_text(waarom)
    expect(page.locator(".ww-team__deelname")).to_have_text(f"{stemmen} van {teamgrootte} deden mee. De stembus is dicht.")
    assert not page.locator("#ww-teamuitslag").is_visible()
    assert page.locator("#ww-teamuitslag [data-deel]").evaluate_all("els => els.every((e) => e.innerHTML === '')")
    page.goto(server + "/scan/presentatie/?bron=team")
    expect(page.locator(".ww-presentatie__leeg")).to_contain_text("Er is nog geen teamuitslag op dit apparaat")

    # nothing was shown, so the stembus may open again for the colleagues still to come
    page.goto(server + "/scan/team/")
    page.get_by_role("button", name="Open de stembus weer").click()
    expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text(f"{stemmen} van {teamgrootte} {'heeft' if stemmen == 1 else 'hebben'} meegedaan.")
    for i in range(stemmen, max(5, (teamgrootte + 1) // 2)):
        vote(page, {"haasten": 5, "inspraak": 1})
    close_stembus(page)
    expect(page.locator("#ww-teamuitslag")).to_be_visible()
    assert not page.get_by_role("button", name="Open de stembus weer").is_visible()


def test_the_team_size_is_asked_and_checked(open_page, server):
    page = open_page(360)
    page.goto(server + "/scan/team/")
    field = page.get_by_label("Hoeveel mensen zitten er in het team?")
    page.get_by_role("button", name="Open de stembus").click()
    expect(page.locator("#ww-teamgrootte-fout")).to_have_text("Vul in hoeveel mensen er in het team zitten, als een heel getal.")
    field.fill("3")
    page.get_by_role("button", name="Open de stembus").click()
    expect(page.locator("#ww-teamgrootte-fout")).to_contain_text("Een team van minder dan 5 mensen kan geen teamuitslag krijgen")
    assert field.get_attribute("aria-invalid") == "true"
    assert stored_team(page) is None
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / "stembus-teamgrootte-360.png", full_page=True)


def test_an_empty_vote_is_not_counted(open_page, server):
    page = open_page(1280)
    open_stembus(page, server, 6)
    page.get_by_role("button", name="Stem uitbrengen").click()
    expect(page.locator(".ww-stembus__fout")).to_contain_text("Je hebt nog geen stelling ingevuld")
    assert stored_team(page)["stemmen"] == 0


def test_no_more_votes_than_the_team_has_people(open_page, server):
    page = open_page(1280)
    open_stembus(page, server, 5)
    for _ in range(5):
        vote(page, {"haasten": 3})
    expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text("5 van 5 hebben meegedaan. Iedereen heeft gestemd: de gespreksleider kan de stembus nu sluiten.")
    assert not page.locator("#ww-stembus").is_visible()


def test_results_of_persons_kept_by_an_earlier_release_are_removed(open_page, server, data):
    page = open_page(1280)
    page.goto(server + "/scan/")
    settled(page)
    oud = {"uitslagen": [{"id": str(i), "antwoorden": every(data, 1 + i % 5, 5 - i % 5)} for i in range(6)]}
    page.evaluate(f"""() => {{
        const opgeslagen = JSON.parse(localStorage.getItem({json.dumps(SLEUTEL)}) || "{{}}");
        opgeslagen.team = {json.dumps(oud)};
        localStorage.setItem({json.dumps(SLEUTEL)}, JSON.stringify(opgeslagen));
    }}""")
    page.goto(server + "/scan/team/")
    expect(page.locator("#ww-team > .ww-melding--uitleg")).to_contain_text("Die zijn nu van dit apparaat gehaald")
    settled(page)
    # the first page of a new version may still write back what it read before (versies.js); the next one stays clean
    page.reload()
    settled(page)
    assert stored(page, "team") is None and stored(page) is None
    assert not page.locator("#ww-teamuitslag").is_visible()
    page.goto(server + "/scan/presentatie/?bron=team")
    expect(page.locator(".ww-presentatie__leeg")).to_contain_text("Er is nog geen teamuitslag op dit apparaat")


def test_the_whole_stembus_works_with_the_keyboard(open_page, server, data):
    page = open_page(1280)
    page.goto(server + "/scan/team/")
    settled(page)
    page.locator("#ww-teamgrootte").focus()
    page.keyboard.type("5")
    page.keyboard.press("Enter")
    expect(page.locator("[data-stap=open] .ww-team__telling")).to_have_text("0 van 5 hebben meegedaan.")
    aantal = len(data["stellingen"])
    for i in range(5):
        if i == 0:
            assert page.evaluate("document.activeElement.name") == "haasten"  # the form takes focus on opening
        else:
            page.keyboard.press("Tab")  # from the confirmation into the form
        assert page.evaluate("document.activeElement.name") == "haasten"
        page.keyboard.press("Space")  # helemaal oneens
        for _ in range(4):
            page.keyboard.press("ArrowRight")  # to helemaal eens
        assert page.locator("#ww-stembus input[name=haasten]:checked").get_attribute("value") == "5"
        for _ in range(aantal):  # one stop per statement, then the button
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Stem uitbrengen"
        page.keyboard.press("Enter")
        expect(page.locator(".ww-stembus__bevestiging")).to_have_text(BEVESTIGING)
        assert page.evaluate("document.activeElement.classList.contains('ww-stembus__bevestiging')")
        assert page.locator("input[type=radio]:checked").count() == 0
    page.locator("[data-actie=sluiten]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.actie") == "echt-sluiten"
    page.keyboard.press("Space")
    result = page.locator("#ww-teamuitslag")
    expect(result).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "ww-teamuitslag"
    assert result.locator(".ww-top > li").count() >= 1
    # target sizes: every button of the stembus is at least 24 by 24 pixels
    page.get_by_role("button", name="Nieuwe stembus").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Zet terug")).to_be_focused()
    page.keyboard.press("Enter")
    expect(result).to_be_visible()
    for button in page.locator("#ww-team button:visible").all():
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, button.inner_text()
