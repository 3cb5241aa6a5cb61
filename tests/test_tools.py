"""The browser tools as a visitor uses them: scan, team result, presentation, checklists, plan.

Nothing typed or ticked may leave the device: every test checks that no request
went to another origin. Screenshots and PDF pages land in tests/artifacts/ to be
looked at.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from playwright.sync_api import expect

from conftest import ARTIFACTS, ROOT, at_rest, axe_violations, copy_project, mkdocs_build, serve_folder
from test_ranking import CASES, every
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")


def only_own_origin(page, server):
    return {urlparse(u).netloc for u in page.requests if not u.startswith(("blob:", "data:"))} == {urlparse(server).netloc}


def settled(page):
    """Wait until the page's scripts fetched what they need, before checking that something is absent."""
    page.wait_for_load_state("networkidle")


def fill_scan(page, answers: dict[str, int]):
    for stelling, value in answers.items():
        page.locator(f"input[name='{stelling}'][value='{value}']").check()


def save_scan(page, path):
    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaar als bestand").click()
    download.value.save_as(path)
    return path


def titles_of(data, kind):
    return {x["id"]: x["titel"] for x in data[kind]}


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


def test_scan_with_the_keyboard_ranks_as_written_by_hand(open_page, server, data):
    _, top7, top3, tied, quadrant, _ = CASES["zwaar-zonder-steun"]
    answers = every(data, 5, 1)
    page = open_page(1280)
    page.goto(server + "/scan/")
    order = page.eval_on_selector_all("input[type=radio][value='1']", "els => els.map(e => e.name)")
    assert len(order) == len(data["stellingen"]) >= 21

    answer_with_keyboard(page, answers, order)
    assert page.locator(".ww-scan__telling").inner_text() == f"{len(order)} van {len(order)}"
    assert page.evaluate("document.activeElement.textContent") == "Bekijk de uitslag"
    page.keyboard.press("Enter")

    result = page.locator("#ww-uitslag")
    expect(result).to_be_visible()  # the rules and data load on this first ask
    assert result.get_by_role("heading", name="Je uitslag").is_visible()  # every statement says "ik"
    titles = titles_of(data, "knelpunten")
    assert result.locator(".ww-top > li > a").all_inner_texts() == [titles[k] for k in top7]
    assert result.locator("[data-deel=topkop]").inner_text() == f"Je {len(top7)} grootste knelpunten"  # it counts what it shows
    assert result.locator(".ww-top3 .ww-kaart h4").all_inner_texts() == [f"{i}. {titles[k]}" for i, k in enumerate(top3, 1)]
    # the tie at place 3 is said out loud, with the knelpunten it concerns
    assert result.locator(".ww-gelijk a").all_inner_texts() == [titles[k] for k in tied]
    shown = result.locator(".ww-kwadrant:visible")
    assert (shown.get_attribute("data-eisen"), shown.get_attribute("data-hulpbronnen")) == quadrant
    # why each knelpunt is there, the right way round: disagreeing with a statement about support
    why = result.locator(".ww-top > li").nth(top7.index("inzet-wordt-niet-gezien")).locator(".ww-top__waarom")
    assert why.inner_text() == "Je was het oneens met ‘Ik krijg waardering voor het werk dat ik doe.’ en ‘Ik vind mijn beloning eerlijk voor het werk dat ik doe.’"
    first = result.locator(".ww-top > li").first.locator(".ww-top__waarom")
    assert first.inner_text().startswith("Je was het eens met ‘Ik moet vaak haasten")
    # and the rule is on the page in words
    assert "alfabet" in page.locator("#zo-komt-de-uitslag-tot-stand + ol").inner_text()
    assert only_own_origin(page, server)


def test_a_few_heavy_answers_are_the_headline_and_the_box_never_calls_it_light(open_page, server, data):
    # The reported owner (test_ranking.HEADLINES): six demands at their heaviest, never a real
    # break, the rest mild. On average the demands are low (47) and support high: the box
    # "Niet zo zwaar, met veel steun". The page must lead with the heavy knelpunten instead.
    from test_ranking import HEADLINES, pattern

    (high, eis, bron), _, knelpunten, _, _ = HEADLINES["zes-zwaar-en-nooit-pauze"]
    page = open_page(360)
    page.goto(server + "/scan/")
    fill_scan(page, pattern(data, high, eis, bron))
    page.get_by_role("button", name="Bekijk de uitslag").click()
    result = page.locator("#ww-uitslag")
    expect(result).to_be_visible()
    titles = titles_of(data, "knelpunten")
    headline = result.locator(".ww-kop")
    assert headline.locator("a").all_inner_texts() == [titles[k] for k in knelpunten]
    assert headline.inner_text().startswith("Wat het meest opvalt:")
    # the quadrant is an indication below, and says nothing favourable here
    assert result.locator(".ww-kwadrant:visible").count() == 0
    assert "gunstig" not in result.inner_text().lower() and "Niet zo zwaar, met veel steun" not in result.locator(".ww-kwadrant:visible, .ww-kop").all_inner_texts()
    expect(result.locator(".ww-kwadrant-noot")).to_be_visible()
    assert result.locator(".ww-indicatie").inner_text().startswith("Dit is alleen een indicatie.")
    # headings count what they show, and 'Pauzes' (felt, and tied with number 3) is said out loud
    shown = result.locator(".ww-top > li").count()
    assert result.locator("[data-deel=topkop]").inner_text() == f"Je {shown} grootste knelpunten"
    assert result.locator("[data-deel=top3kop]").inner_text() == "Oplossingen voor je 3 grootste knelpunten"
    assert titles["pauzes-schieten-erbij-in"] in result.locator(".ww-gelijk").inner_text()
    # what the scan is, on the page: an indication, not validated, with where to find one that is
    intro = page.locator("article").inner_text()
    assert "niet gevalideerd" in intro and "VBBA" in intro
    page.screenshot(path=str(ARTIFACTS / "scan-uitslag-zes-zwaar-360.png"), full_page=True)


def test_from_an_oplossing_in_the_result_back_to_the_result_and_into_the_plan(open_page, server, data):
    page = open_page(360)
    page.goto(server + "/scan/")
    fill_scan(page, CASES["gemengd-herstel"][0])
    page.get_by_role("button", name="Bekijk de uitslag").click()
    card = page.locator("#ww-uitslag .ww-top3 .ww-kaart").first
    knelpunt = card.locator(".ww-kaart__titel a").inner_text()
    oplossing = card.locator("li a").first
    naam = oplossing.inner_text()
    oplossing.focus()
    page.keyboard.press("Enter")  # by keyboard, as by mouse
    page.wait_for_url("**/oplossingen/**")
    assert page.locator("h1").inner_text().rstrip("¶") == naam
    terug = page.locator(".ww-terug")
    assert terug.inner_text() == "← Terug naar je uitslag" and terug.count() == 1
    page.get_by_role("button", name="Zet in mijn plan").click()
    expect(page.locator(".ww-inplan [role=status]")).to_contain_text("Deze oplossing staat in je plan")
    stored = page.evaluate("JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('wegwijzer:'))[1]).plan")
    [keuze] = stored["knelpunten"]
    assert titles_of(data, "knelpunten")[keuze["id"]] == knelpunt and [titles_of(data, "oplossingen")[o] for o in keuze["oplossingen"]] == [naam]
    terug.click()
    expect(page.locator("#ww-uitslag")).to_be_visible()  # the stored result, shown again
    page.goto(server + "/plan/")
    expect(page.locator("#ww-plan")).to_contain_text(knelpunt)


# Page -> the data files and page scripts its first view fetches. The scan fetches what it ranks
# (data/scan.json) only when a result is asked for; the planhulp its criteria, and each knelpunt
# and oplossing when it comes into the plan; other pages no tool data at all.
FETCHES = {
    "knelpunten/onhaalbare-deadlines/": set(),
    "stappen/stap-1/": set(),
    "knelpunten/": {"filter.js"},
    "werksessie/": {"werksessie.js"},
    "scan/": {"scan.js"},
    "plan/": {"data/plan.json", "plan.js"},
}


@pytest.mark.parametrize("path", FETCHES)
def test_each_page_fetches_only_the_data_and_scripts_it_uses(open_page, server, path):
    page = open_page(360)
    page.goto(server + "/" + path)
    page.wait_for_load_state("networkidle")
    watched = ("data/", "filter.js", "werksessie.js", "wegwijzer/scan.js", "wegwijzer/plan.js")
    fetched = {url.split("?")[0].removeprefix(server + "/") for url in page.requests}
    got = {("data/" + f.split("data/")[1]) if "data/" in f else f.rsplit("/", 1)[-1] for f in fetched if any(w in f for w in watched)}
    assert got == FETCHES[path]
    assert only_own_origin(page, server)


sys.path.insert(0, str(ROOT / "bench"))
from lighthouse import PAGE_TYPES, pick  # noqa: E402

#: The most a phone downloads (gzip) for the first view of any page type, empty cache.
#: 90 until issue 29; the keyboard menu (menu.js), the reading routes and the footer's
#: statements, contact and date added about 4.5 KB to the heaviest page (the team scan).
#: 97 since issue 30: finding and redoing a write lost between two tabs (opslag.js) is 0.9 KB.
#: 98 since: the menu's buttons as elements inside their labels (menu.js, wegwijzer.css) and the
#: table of routes for the scripts (#ww-paden, site.js) took the planhulp to 97.1 KB.
FIRST_VIEW_BUDGET_KB = 98


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_first_view_of_every_page_type_stays_within_its_budget(open_page, server, example_site, kind):
    path = pick(example_site, PAGE_TYPES[kind])
    page = open_page(360)
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    total = 0
    for url in {u.split("?")[0].split("#")[0] for u in page.requests}:
        local = url.removeprefix(server + "/")
        file = example_site / (local + "index.html" if local.endswith("/") or not local else local)
        if file.is_file():
            total += len(gzip.compress(file.read_bytes(), 6))
    assert total / 1024 <= FIRST_VIEW_BUDGET_KB, f"{kind}: {total / 1024:.1f} KB"


def test_scan_remembers_wipes_with_undo_saves_and_opens(open_page, server, data, tmp_path):
    answers = every(data, 5, 1)
    page = open_page(1280)
    page.goto(server + "/scan/")
    settled(page)
    page.get_by_role("button", name="Bekijk de uitslag").click()  # nothing answered yet: no empty result
    expect(page.locator(".ww-scan__melding")).to_have_text("Beantwoord eerst een of meer stellingen. Dan zie je je uitslag.")
    assert not page.locator("#ww-uitslag").is_visible()
    fill_scan(page, answers)

    page.reload()
    settled(page)
    checked = page.eval_on_selector_all("input[type=radio]:checked", "els => Object.fromEntries(els.map(e => [e.name, +e.value]))")
    assert checked == answers
    expect(page.locator("#ww-uitslag")).to_be_visible()  # the result of earlier answers shows again

    saved = save_scan(page, tmp_path / "uitslag.json")
    expect(page.locator(".ww-uitslag__bewaard")).to_contain_text("Bewaard als ‘werkdrukscan-")
    content = json.loads(saved.read_text(encoding="utf-8"))
    assert content["antwoorden"] == answers and content["gids"]["id"] == "werkdruk-kinderopvang" and content["id"]

    # one click wipes, and one click puts it all back
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.get_by_role("status").filter(has_text=f"{len(answers)} antwoorden gewist").is_visible()
    page.get_by_role("button", name="Zet terug").click()
    assert page.locator("input[type=radio]:checked").count() == len(answers)
    page.reload()
    settled(page)
    assert page.locator("input[type=radio]:checked").count() == len(answers)

    # wiped and not put back: gone after a reload; the saved file brings it back
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    page.reload()
    settled(page)
    assert page.locator("input[type=radio]:checked").count() == 0
    assert not page.locator("#ww-uitslag").is_visible()
    page.locator("input[type=file][data-actie=openen]").set_input_files(saved)
    assert page.locator(".ww-kwadrant:visible").get_attribute("data-eisen") == "hoog"
    assert page.locator("input[type=radio]:checked").count() == len(answers)

    # a file that is not a scan result gets a Dutch message, and changes nothing
    wrong = tmp_path / "boodschappen.json"
    wrong.write_text('{"melk": 2}', encoding="utf-8")
    page.locator("input[type=file][data-actie=openen]").set_input_files(wrong)
    expect(page.locator(".ww-scan__melding")).to_contain_text("‘boodschappen.json’ is geen uitslag van de werkdrukscan")
    assert page.locator("input[type=radio]:checked").count() == len(answers)
    assert only_own_origin(page, server)


# The team result (the stembus) and its presentation: tests/test_team.py.


def pdf_pages(pdf, name):
    """Each page of a PDF as a PNG in tests/artifacts, to look at."""
    prefix = ARTIFACTS / name
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(prefix)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def pdf_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split(":")[1].split("pts")[0]
    width, height = (float(x) for x in size.split(" x "))
    return width, height


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_checklists_remember_count_and_wipe_with_undo(open_page, server):
    stap = catalogus.stappen[0]
    substap = stap.substappen[1]
    totaal = sum(len(s.check) for s in stap.substappen)
    page = open_page(1280)
    page.goto(server + f"/stappen/stap-1/{substap.id}/")
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    boxes = page.locator(f"[data-checklist='{substap.id}'] input")
    settled(page)
    assert not page.get_by_role("button", name="Vinkjes wissen").is_visible()  # nothing to wipe yet
    boxes.nth(0).check()
    boxes.nth(2).check()

    page.reload()
    settled(page)
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    # the printable checklist page of the step shares the ticks
    page.goto(server + "/checklists/stap-1/")
    assert page.locator(f"[data-checklist='{substap.id}'] input:checked").count() == 2
    page.goto(server + "/stappen/")
    expect(page.locator(".ww-overzicht__stap[data-stap='1'] .ww-teller")).to_have_text(f"2 van {totaal} afgevinkt")
    assert page.locator(".ww-overzicht__stap[data-stap='2'] .ww-teller").inner_text().startswith("0 van")

    page.goto(server + f"/stappen/stap-1/{substap.id}/")
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    page.get_by_role("button", name="Vinkjes wissen").click()
    assert boxes.nth(0).is_checked() is False
    page.get_by_role("button", name="Zet terug").click()
    page.reload()
    settled(page)
    page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    assert only_own_origin(page, server)


def test_without_javascript_checklists_are_plain_lists(open_page, server):
    page = open_page(1280, javascript=False)
    page.goto(server + "/checklists/stap-2/")
    assert page.locator(".ww-vinklijst input[type=checkbox]").count() == sum(len(s.check) for s in catalogus.stappen[1].substappen)
    assert page.get_by_role("button", name="Vinkjes wissen").count() == 0


def weigh(page, oplossing_title, criterion_title):
    card = page.locator("fieldset.ww-weging").filter(has=page.locator("legend", has_text=oplossing_title))
    if card.locator("details[open]").count() == 0:  # folded on a phone: the reader opens the card to weigh
        card.locator("summary").click()
    card.locator("label").filter(has_text=criterion_title).click()


def make_plan(page, data, k1, k2):
    titles = titles_of(data, "oplossingen")
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
            weigh(page, titles[o], c["titel"])
    return chosen


def open_plan(open_page, server, data):
    """The planhulp with two knelpunten and three oplossingen, weighed 1, 2 and 4 criteria."""
    k1, k2 = data["knelpunten"][0], data["knelpunten"][3]
    page = open_page(1280)
    page.goto(server + "/plan/")
    settled(page)
    return page, make_plan(page, data, k1, k2), (k1, k2)


def test_build_a_plan_rank_it_and_download(open_page, server, data, tmp_path):
    page, chosen, _ = open_plan(open_page, server, data)
    titles = titles_of(data, "oplossingen")
    page.get_by_label("Wie zorgt ervoor?").first.fill("Teamleider")
    assert page.locator(".ww-afspraak h3").all_inner_texts() == [f"{i}. {titles[o]}" for i, o in enumerate([chosen[2], chosen[1], chosen[0]], 1)]

    page.reload()  # kept in the browser
    settled(page)
    assert page.get_by_label("Wie zorgt ervoor?").first.input_value() == "Teamleider"
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

    # saved as a file, wiped (with undo), and opened again
    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaar als bestand").click()
    saved = tmp_path / "plan.json"
    download.value.save_as(saved)
    page.get_by_role("button", name="Wis het plan").click()
    assert page.locator(".ww-afspraak").count() == 0
    page.get_by_role("button", name="Zet terug").click()
    assert page.locator(".ww-afspraak").count() == 3
    page.get_by_role("button", name="Wis het plan").click()
    page.reload()
    settled(page)
    assert page.locator(".ww-afspraak").count() == 0
    page.locator("input[type=file][data-actie=openen]").set_input_files(saved)
    expect(page.locator(".ww-afspraak h3").first).to_have_text(f"1. {titles[chosen[2]]}")
    assert page.get_by_label("Wie zorgt ervoor?").first.input_value() == "Teamleider"
    assert only_own_origin(page, server)


def test_printed_plan_is_a_plan_not_a_form(open_page, server, data, tmp_path):
    page, chosen, (k1, k2) = open_plan(open_page, server, data)
    titles = titles_of(data, "oplossingen")
    long_text = "Over drie maanden tellen we de overuren per week en vragen we het team in het werkoverleg of het rustiger is geworden."
    page.get_by_label("Hoe weten we dat het werkt?").first.fill(long_text)
    page.get_by_label("Wie zorgt ervoor?").first.fill("Minder overwerk in de roosters: teamleider Sanne")
    page.get_by_label("Start", exact=True).first.fill("2026-12-01")
    field = page.get_by_label("Hoe weten we dat het werkt?").first
    assert field.evaluate("el => el.scrollHeight <= el.clientHeight + 2")  # the field grew: nothing hidden

    page.emulate_media(media="print")
    assert page.locator("input:visible, select:visible, button:visible, textarea:visible").count() == 0
    assert not page.get_by_text("Print, bewaar en deel").is_visible()  # no empty or form headings
    printed = page.locator(".ww-plan__afdruk")
    assert printed.locator("h2").all_inner_texts() == [k1["titel"], k2["titel"]]
    first = printed.locator(".ww-afdruk__knelpunt").first
    assert first.locator("h3").all_inner_texts() == [titles[chosen[1]], titles[chosen[0]]]  # ranked: 2 criteria, then 1
    page.screenshot(path=ARTIFACTS / "plan-print.png", full_page=True)
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    pdf_pages(pdf, "plan-pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Plan van aanpak werkdruk" in text and data["gids"]["titel"] in text
    assert long_text in text and "Minder overwerk in de roosters: teamleider Sanne" in text
    assert "vanaf 1 december 2026" in text
    assert "http" not in text and "Verwijder" not in text and "Kies een knelpunt" not in text


def test_the_planhulp_without_a_scan_leads_to_the_scan(open_page, server):
    page = open_page(360)
    page.goto(server + "/plan/")
    page.get_by_role("button", name="Neem de top 3 uit mijn werkdrukscan").click()
    melding = page.locator(".ww-plan__melding")
    expect(melding).to_contain_text("Er is nog geen uitslag met knelpunten op dit apparaat.")
    with page.expect_navigation():
        melding.get_by_role("link", name="Naar de werkdrukscan").click()
    assert page.evaluate("location.pathname") == "/scan/"
    assert page.locator("h1").inner_text().rstrip("¶").strip() != ""


@pytest.mark.parametrize("path", ["/scan/", "/plan/", "/scan/team/", "/scan/presentatie/"])
def test_on_a_phone_nothing_scrolls_sideways(open_page, server, data, path, tmp_path):
    page = open_page(360)
    page.goto(server + "/scan/")
    fill_scan(page, CASES["emotioneel-zwaar"][0])
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.locator("#ww-uitslag")).to_be_visible()
    if path == "/plan/":
        page.goto(server + path)
        page.get_by_role("button", name="Neem de top 3 uit mijn werkdrukscan").click()
        expect(page.locator(".ww-plan__melding")).to_contain_text("uit je scan toegevoegd")
        for box in page.locator(".ww-plan__knelpunten input[type=checkbox]").all()[:4]:
            box.check()
        # every criterion shows its words where it is chosen: no number, no hover
        card = page.locator("fieldset.ww-weging").first
        # on a phone the questions are folded, so the page stays short; opened, each says its words
        assert card.locator("details[open]").count() == 0
        card.locator("summary").click()
        for c in data["criteria"]:
            label = card.locator("label").filter(has_text=c["titel"])
            assert label.is_visible() and c["vraag"] in label.inner_text()
    elif path == "/scan/team/":
        # a closed stembus of six votes: only the totals per statement are stored (see team.js)
        people = [every(data, 1 + i % 5, 5 - i % 5) for i in range(6)]
        druk = lambda s, a: round(((a - 1) / 4 if s["soort"] == "eis" else 1 - (a - 1) / 4) * 100)  # noqa: E731
        totalen = {s["id"]: {"som": sum(druk(s, p[s["id"]]) for p in people), "aantal": 6} for s in data["stellingen"]}
        team = {"teamgrootte": 8, "stemmen": 6, "dicht": True, "datum": "2026-12-01", "totalen": totalen}
        page.evaluate(f"""() => {{
            const opgeslagen = JSON.parse(localStorage.getItem("wegwijzer:werkdruk-kinderopvang"));
            opgeslagen.stembus = {json.dumps(team)};
            localStorage.setItem("wegwijzer:werkdruk-kinderopvang", JSON.stringify(opgeslagen));
        }}""")
        page.goto(server + path)
        expect(page.locator("#ww-teamuitslag")).to_be_visible()
    elif path != "/scan/":
        page.goto(server + path)
    at_rest(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=ARTIFACTS / f"telefoon-{path.strip('/').replace('/', '-')}.png", full_page=True)


def test_when_the_browser_cannot_store_the_page_says_so(browser, server, data):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); };")
    page = context.new_page()
    page.goto(server + "/scan/")
    warning = page.get_by_role("alert").filter(has_text="je browser bewaart niets")
    expect(warning).to_contain_text("Bewaar je uitslag als bestand")
    fill_scan(page, {"haasten": 5})
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.locator("#ww-uitslag")).to_be_visible()  # the tool still works
    page.goto(server + "/plan/")
    settled(page)
    expect(page.get_by_role("alert")).to_contain_text("Bewaar als bestand")
    context.close()


def build_version(tmp_path, versie: str, drop_question: str | None):
    """The example guide rebuilt as a new version, optionally with one checklist question removed."""
    project = copy_project(tmp_path / versie)
    info = project / "catalogus" / "catalogus.yml"
    info.write_text(info.read_text(encoding="utf-8").replace('versie: "1.0"', f'versie: "{versie}"'), encoding="utf-8")
    if drop_question:
        base = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "stappen" / "1-signalen.yml"
        text = base.read_text(encoding="utf-8")
        assert f"      - {drop_question}\n" in text
        (project / "catalogus" / "stappen").mkdir()
        (project / "catalogus" / "stappen" / "1-signalen.yml").write_text(text.replace(f"      - {drop_question}\n", ""), encoding="utf-8")
    site = tmp_path / f"site-{versie}"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_new_version_keeps_what_a_visitor_made(open_page, example_site, data, tmp_path):
    substap = catalogus.stappen[0].substappen[0]
    removed, kept = substap.check[1], substap.check[3]
    new_version = build_version(tmp_path, "1.1", removed)
    live = tmp_path / "live"
    shutil.copytree(example_site, live)
    k = data["knelpunten"][0]
    with serve_folder(live) as site:
        page = open_page(1280)
        # every load asks the server, as after a cache expires; a stale page is tried on purpose below
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        page.goto(site + "/scan/")
        settled(page)
        answers = CASES["emotioneel-zwaar"][0]
        fill_scan(page, answers)
        page.goto(site + f"/stappen/stap-1/{substap.id}/")
        page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
        page.get_by_label(removed).check()
        page.get_by_label(kept).check()
        page.goto(site + "/plan/")
        settled(page)  # its script has what it needs: a click before then finds no handler (CI, under load)
        page.get_by_label("Of kies zelf een knelpunt").select_option(k["id"])
        page.get_by_role("button", name="Toevoegen").click()
        page.locator(f".ww-plan__knelpunten input[value='{k['oplossingen'][0]}']").check()
        page.get_by_label("Wie zorgt ervoor?").fill("Sanne")

        # version 1.1 is published
        shutil.rmtree(live)
        shutil.copytree(new_version, live)
        page.reload()
        settled(page)
        notice = page.locator(".ww-melding--versie")
        assert notice.inner_text().startswith(
            "Deze Wegwijzer is bijgewerkt van versie 1.0 naar versie 1.1 en alles wat je had ingevuld, is bewaard, "
            "behalve 1 vinkje in de checklists bij onderdelen die er niet meer in staan."
        )
        page.screenshot(path=ARTIFACTS / "nieuwe-versie.png")
        assert page.get_by_label("Wie zorgt ervoor?").input_value() == "Sanne"
        page.goto(site + "/scan/")
        settled(page)
        assert not page.locator(".ww-melding--versie").is_visible()  # told once
        checked = page.eval_on_selector_all("input[type=radio]:checked", "els => Object.fromEntries(els.map(e => [e.name, +e.value]))")
        assert checked == answers
        page.goto(site + f"/stappen/stap-1/{substap.id}/")
        page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
        assert page.get_by_label(kept).is_checked()
        assert page.get_by_label(removed).count() == 0
        assert page.locator(f"[data-checklist='{substap.id}'] input:checked").count() == 1

        # a page of version 1.0 from some cache does not turn the clock back or lose anything
        shutil.rmtree(live)
        shutil.copytree(example_site, live)
        page.goto(site + "/plan/")
        settled(page)
        assert page.get_by_label("Wie zorgt ervoor?").input_value() == "Sanne"
        assert not page.locator(".ww-melding--versie").is_visible()
        shutil.rmtree(live)
        shutil.copytree(new_version, live)
        page.goto(site + f"/stappen/stap-1/{substap.id}/")
        page.locator(".tabbed-labels").get_by_text("Check", exact=True).click()
        settled(page)
        assert page.get_by_label(kept).is_checked()
        assert not page.locator(".ww-melding--versie").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_tools_are_accessible_and_were_looked_at(open_page, server, data, width):
    page = open_page(width)
    page.goto(server + "/scan/")
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / f"scan-{width}.png")
    fill_scan(page, CASES["alleen-haasten-en-gestoord"][0])
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.locator("#ww-uitslag")).to_be_visible()
    assert axe_violations(page) == []
    page.locator("#ww-uitslag").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"scan-uitslag-{width}.png", full_page=True)

    page.goto(server + "/scan/presentatie/")
    assert axe_violations(page) == []
    page.goto(server + "/scan/team/")
    assert axe_violations(page) == []

    page.goto(server + "/plan/")
    settled(page)
    page.get_by_role("button", name="Neem de top 3 uit mijn werkdrukscan").click()
    page.locator(".ww-plan__knelpunten input[type=checkbox]").first.check()
    assert axe_violations(page) == []
    page.screenshot(path=ARTIFACTS / f"plan-{width}.png", full_page=True)
    assert only_own_origin(page, server)


@pytest.mark.parametrize("width", [360, 1280])
def test_planhulp_of_a_long_catalogus_offers_knelpunten_per_factor(open_page, long_guide, width):
    catalogus, site = long_guide
    factor = max((f for f in catalogus.factoren if f.knelpunten), key=lambda f: len(f.knelpunten))
    with serve_folder(site) as base:
        page = open_page(width)
        page.goto(base + "/plan/")
        settled(page)
        knelpunt = page.get_by_label("Of kies zelf een knelpunt")
        expect(knelpunt).to_be_disabled()
        assert knelpunt.locator("option").count() == 1  # the page does not carry every knelpunt
        page.get_by_label("Of kies zelf: eerst de factor").select_option(factor.id)
        expect(knelpunt).to_be_enabled()
        offered = knelpunt.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
        assert offered == [k.id for k in factor.knelpunten]
        chosen = factor.knelpunten[-1]
        knelpunt.select_option(chosen.id)
        page.get_by_role("button", name="Toevoegen").click()
        card = page.locator(f".ww-plan__knelpunten [data-knelpunt='{chosen.id}']")
        expect(card.locator("h3")).to_have_text(chosen.titel)
        assert card.locator("input[type=checkbox]").count() == len(chosen.oplossingen)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []
        assert only_own_origin(page, base)

