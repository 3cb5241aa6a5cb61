"""The browser tools as a visitor uses them: scan, checklists that remember, the plan builder.

Nothing typed or ticked may leave the device: every test checks that no request
went to another origin.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from conftest import ARTIFACTS, ROOT
from test_ranking import expected, patterns
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def data(example_site):
    return json.loads((example_site / "data" / "wegwijzer.json").read_text(encoding="utf-8"))


def only_own_origin(page, server):
    return {urlparse(u).netloc for u in page.requests} == {urlparse(server).netloc}


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]


def answer_with_keyboard(page, answers: dict[str, int], order: list[str]):
    """Fill the scan with Tab, Space and arrow keys only, as a keyboard user does."""
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.type") != "radio":
        page.keyboard.press("Tab")
    for stelling in order:
        assert page.evaluate("document.activeElement.name") == stelling
        page.keyboard.press("Space")  # ticks the first option: 1, helemaal oneens
        for _ in range(answers[stelling] - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")


def test_scan_with_the_keyboard_gives_the_expected_result(open_page, server, data):
    ARTIFACTS.mkdir(exist_ok=True)
    answers = patterns(data)["afwisselend"]
    _, ranked, quadrant = expected(data, answers)
    page = open_page(1280)
    page.goto(server + "/scan/")
    order = page.eval_on_selector_all("input[type=radio][value='1']", "els => els.map(e => e.name)")
    assert len(order) == len(data["stellingen"]) >= 21

    answer_with_keyboard(page, answers, order)
    assert page.locator(".ww-scan__telling").inner_text() == f"{len(order)} van {len(order)}"
    assert page.evaluate("document.activeElement.textContent") == "Bekijk de uitslag"
    page.keyboard.press("Enter")

    result = page.locator("#ww-uitslag")
    assert result.is_visible()
    titles = {k["id"]: k["titel"] for k in data["knelpunten"]}
    assert result.locator(".ww-top > li > a").all_inner_texts() == [titles[k] for k, _ in ranked]
    shown = result.locator(".ww-kwadrant:visible")
    assert shown.count() == 1
    assert (shown.get_attribute("data-eisen"), shown.get_attribute("data-hulpbronnen")) == quadrant
    top3 = result.locator(".ww-top3 .ww-kaart")
    assert top3.count() == 3
    first = next(k for k in data["knelpunten"] if k["id"] == ranked[0][0])
    assert top3.first.locator("li a").count() == len(first["oplossingen"])
    assert only_own_origin(page, server)


def test_scan_remembers_clears_saves_and_opens(open_page, server, data, tmp_path):
    answers = patterns(data)["zwaar-zonder-steun"]
    page = open_page(1280)
    page.goto(server + "/scan/")
    for stelling, value in answers.items():
        page.locator(f"input[name='{stelling}'][value='{value}']").check()

    page.reload()
    checked = page.eval_on_selector_all("input[type=radio]:checked", "els => Object.fromEntries(els.map(e => [e.name, +e.value]))")
    assert checked == answers
    assert page.locator("#ww-uitslag").is_visible()  # the result of earlier answers shows again

    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaar als bestand").click()
    saved = tmp_path / "uitslag.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["antwoorden"] == answers

    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert not page.locator("#ww-uitslag").is_visible()

    page.locator("input[type=file][data-actie=openen]").set_input_files(saved)
    assert page.locator(".ww-kwadrant:visible").get_attribute("data-eisen") == "hoog"
    assert page.locator("input[type=radio]:checked").count() == len(answers)
    assert only_own_origin(page, server)


def test_checklists_remember_and_count_per_step(open_page, server):
    stap = catalogus.stappen[0]
    substap = stap.substappen[1]
    totaal = sum(len(s.check) for s in stap.substappen)
    page = open_page(1280)
    page.goto(server + f"/stappen/stap-1/{substap.id}/")
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    boxes = page.locator(f"[data-checklist='{substap.id}'] input")
    boxes.nth(0).check()
    boxes.nth(2).check()

    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    # the printable checklist page of the step shares the ticks
    page.goto(server + "/checklists/stap-1/")
    assert page.locator(f"[data-checklist='{substap.id}'] input:checked").count() == 2
    page.goto(server + "/stappen/")
    assert page.locator(".ww-overzicht__stap[data-stap='1'] .ww-teller").inner_text() == f"2 van {totaal} afgevinkt"
    assert page.locator(".ww-overzicht__stap[data-stap='2'] .ww-teller").inner_text().startswith("0 van")

    page.goto(server + f"/stappen/stap-1/{substap.id}/")
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    page.get_by_role("button", name="Vinkjes wissen").click()
    page.reload()
    assert page.locator(f"[data-checklist='{substap.id}'] input:checked").count() == 0
    assert only_own_origin(page, server)


def test_without_javascript_checklists_are_plain_lists(open_page, server):
    page = open_page(1280, javascript=False)
    page.goto(server + "/checklists/stap-2/")
    assert page.locator(".ww-vinklijst input[type=checkbox]").count() == sum(len(s.check) for s in catalogus.stappen[1].substappen)
    assert page.get_by_role("button", name="Vinkjes wissen").count() == 0


def test_build_a_plan_rank_it_and_download_csv(open_page, server, data, tmp_path):
    k1, k2 = data["knelpunten"][0], data["knelpunten"][3]
    titles = {o["id"]: o["titel"] for o in data["oplossingen"]}
    page = open_page(1280)
    page.goto(server + "/plan/")
    for k in (k1, k2):
        page.get_by_label("Of kies zelf een knelpunt").select_option(k["id"])
        page.get_by_role("button", name="Toevoegen").click()
    chosen = [k1["oplossingen"][0], k1["oplossingen"][1], k2["oplossingen"][0]]
    for o in chosen:
        page.locator(f".ww-plan__knelpunten input[value='{o}']").first.check()
    # the third oplossing meets the most criteria, the first the fewest
    met = {chosen[0]: 1, chosen[1]: 2, chosen[2]: 4}
    for o, count in met.items():
        for c in data["criteria"][:count]:
            page.get_by_label(f"{titles[o]}: {c['titel']}").check()
    page.get_by_label("Wie zorgt ervoor?").first.fill("Teamleider")
    assert page.locator(".ww-afspraak h3").all_inner_texts() == [f"{i}. {titles[o]}" for i, o in enumerate([chosen[2], chosen[1], chosen[0]], 1)]

    page.reload()  # kept in the browser
    assert page.get_by_label("Wie zorgt ervoor?").first.input_value() == "Teamleider"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "plan-1280.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download voor Excel (CSV)").click()
    path = tmp_path / "plan.csv"
    download.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = [line.split(";") for line in raw.decode("utf-8-sig").split("\r\n") if line]
    assert rows[0][:4] == ["Rang", "Knelpunt", "Oplossing", "Score"]
    assert [r[2] for r in rows[1:]] == [titles[chosen[2]], titles[chosen[1]], titles[chosen[0]]]
    assert [r[3] for r in rows[1:]] == [f"4 van {len(data['criteria'])}", f"2 van {len(data['criteria'])}", f"1 van {len(data['criteria'])}"]
    assert rows[1][6] == "Teamleider"

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als tekst (Markdown)").click()
    markdown = download.value.path().read_text(encoding="utf-8")
    assert markdown.startswith("# Plan van aanpak werkdruk") and titles[chosen[2]] in markdown
    assert only_own_origin(page, server)


@pytest.mark.parametrize("width", [360, 1280])
def test_tools_are_accessible_and_were_looked_at(open_page, server, data, width):
    page = open_page(width)
    page.goto(server + "/scan/")
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / f"scan-{width}.png")
    for stelling, value in patterns(data)["afwisselend"].items():
        page.locator(f"input[name='{stelling}'][value='{value}']").check()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    assert axe_violations(page) == []
    page.locator("#ww-uitslag").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"scan-uitslag-{width}.png", full_page=True)

    page.goto(server + "/plan/")
    page.get_by_role("button", name="Neem de top 3 uit mijn werkdrukscan").click()
    page.locator(".ww-plan__knelpunten input[type=checkbox]").first.check()
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / f"plan-{width}.png", full_page=True)
    assert only_own_origin(page, server)
