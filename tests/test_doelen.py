"""Targets a finger can hit and slides a room can read (WCAG 2.2 2.5.8, 1.4.4; the werksessie).

- Every visible link, button, radio, checkbox and summary is at least 24 x 24 px, or spaced as 2.5.8's
  exception says: a 24 px circle centred on it touches no other target (nor another small one's circle).
  Exempt, as in 2.5.8 "Inline": a link in a sentence, that is an inline link in a paragraph, list item or
  table cell of the page's text (not in navigation) whose block also holds words outside links.
  A radio or checkbox counts with its label (a click on the label works it); a card's title link with its
  ::after counts as the whole card it covers.
- A card in a list is one link: a click on its text opens the entry.
- The presentation: 28 px text or more on a 1280 x 800 screen, nothing cut off there or on a phone.
- The quadrant's dot never covers a quadrant's label, wherever the result puts it.
- What a tool says after an action is on screen on a phone, and stays until the next action.
"""

from __future__ import annotations

import pytest

from playwright.sync_api import expect

from conftest import ARTIFACTS, at_rest
from test_ranking import every
from test_tools import fill_scan, save_scan, settled

PAGES = ["/", "/werkdrukmodel/", "/knelpunten/", "/oplossingen/", "/mkb/stap-2/", "/knelpunten/agressie-van-klanten/", "/scan/"]

TARGETS = r"""() => {
  const MIN = 24;
  const vw = document.documentElement.clientWidth;
  const shown = (el) => {
    if (el.closest("[inert], [hidden]")) return false;
    const s = getComputedStyle(el);
    if (s.visibility !== "visible" || s.display === "none") return false; // Material folds nav sections with visibility: collapse
    const r = el.getBoundingClientRect();
    let { left, top, right, bottom } = r;
    // what an ancestor's overflow cuts off (the closed drawer, a folded section) is not on screen
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const st = getComputedStyle(a);
      if (st.overflowX === "visible" && st.overflowY === "visible") continue;
      const c = a.getBoundingClientRect();
      left = Math.max(left, c.left); right = Math.min(right, c.right); top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom);
    }
    if (right - left <= 1 || bottom - top <= 1) return false; // also: visually hidden (the skip link until focused)
    return right > 0 && left < vw;
  };
  const blockOf = (el) => {
    let b = el.parentElement;
    while (b && getComputedStyle(b).display.startsWith("inline")) b = b.parentElement;
    return b;
  };
  // WCAG 2.5.8 "Inline": a link in a sentence. Precisely: an inline link inside a p or li of running
  // text (not a nav, menu or card list), whose block also holds words that are not part of a link.
  const inSentence = (el) => {
    if (el.tagName !== "A" || !getComputedStyle(el).display.startsWith("inline")) return false;
    const block = blockOf(el);
    if (!block || !block.matches(".md-typeset p, .md-typeset li, .md-typeset td, .md-typeset dd")) return false;
    if (block.closest("nav, .md-nav, .md-header, .md-footer, .md-tabs")) return false;
    const clone = block.cloneNode(true);
    for (const a of clone.querySelectorAll("a, button")) a.remove();
    return /\p{L}{2,}/u.test(clone.textContent);
  };
  const boxOf = (el) => {
    // A radio or checkbox includes its label: clicking the label works the control.
    let r = el.getBoundingClientRect();
    // A block link: an absolutely placed ::after stretches the link over its positioned ancestor (the card).
    const na = getComputedStyle(el, "::after");
    if (na.content !== "none" && na.position === "absolute") {
      let a = el.parentElement;
      while (a && getComputedStyle(a).position === "static") a = a.parentElement;
      if (a) r = a.getBoundingClientRect();
    }
    if (el.matches("input") && el.labels && el.labels.length) {
      const l = el.labels[0].getBoundingClientRect();
      r = { left: Math.min(r.left, l.left), top: Math.min(r.top, l.top), right: Math.max(r.right, l.right), bottom: Math.max(r.bottom, l.bottom) };
    }
    return { left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY };
  };
  const els = [...document.querySelectorAll("a[href], button, input[type=checkbox], input[type=radio], summary")].filter(shown);
  const doelen = els.map((el) => ({ el, box: boxOf(el), inline: inSentence(el) }));
  for (const d of doelen) {
    d.w = d.box.right - d.box.left; d.h = d.box.bottom - d.box.top;
    d.klein = !d.inline && (d.w < MIN - 0.5 || d.h < MIN - 0.5);
    d.cx = (d.box.left + d.box.right) / 2; d.cy = (d.box.top + d.box.bottom) / 2;
  }
  const circleHitsRect = (c, b) => {
    const x = Math.max(b.left, Math.min(c.cx, b.right)), y = Math.max(b.top, Math.min(c.cy, b.bottom));
    return (x - c.cx) ** 2 + (y - c.cy) ** 2 < (MIN / 2) ** 2 - 0.5;
  };
  const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} “${(el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40)}”`;
  const fout = [];
  for (const d of doelen) {
    if (!d.klein) continue;
    const botst = doelen.find((o) => o !== d && !o.el.contains(d.el) && !d.el.contains(o.el) && (
      circleHitsRect(d, o.box) || (o.klein && Math.hypot(o.cx - d.cx, o.cy - d.cy) < MIN - 0.5)));
    if (botst) fout.push(`${name(d.el)} ${Math.round(d.w)}×${Math.round(d.h)} te dicht bij ${name(botst.el)}`);
  }
  return { aantal: doelen.length, klein: doelen.filter((d) => d.klein).length, fout };
}
"""


@pytest.mark.parametrize("width", [360, 1280])
def test_every_target_is_24px_or_spaced(open_page, server, width):
    page = open_page(width)
    problems = []
    for path in PAGES:
        page.goto(server + path)
        settled(page)
        found = page.evaluate(TARGETS)
        assert found["aantal"] > 5, path
        problems += [f"{path}: {f}" for f in found["fout"]]
    assert problems == []


def test_the_mkb_progress_bar_shows_numbers_and_the_current_step(open_page, server):
    page = open_page(360)
    page.goto(server + "/mkb/stap-2/")
    links = page.locator(".ww-voortgang__balk a")
    assert links.count() == 5
    for i in range(5):
        box = links.nth(i).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
        number = links.nth(i).evaluate("a => getComputedStyle(a, '::before').content")
        assert number.startswith("counter(ww-stap)")  # the step's number, in sight (and not read twice)
    caption = page.locator(".ww-voortgang__balk").evaluate("ol => getComputedStyle(ol, '::after').content")
    assert "Stap 2: Weet je waar de werkdruk door komt?" in caption
    expect(page.locator(".ww-voortgang__balk .is-huidig a")).to_have_attribute("aria-current", "step")
    page.locator(".ww-voortgang").screenshot(path=ARTIFACTS / "voortgang-360.png")


@pytest.mark.parametrize("path, kind", [("/knelpunten/", "knelpunten"), ("/oplossingen/", "oplossingen")])
def test_a_click_on_a_card_text_opens_the_entry(open_page, server, path, kind):
    page = open_page(1280)
    page.goto(server + path)
    card = page.locator("li.ww-kaart").first
    title = card.locator(".ww-kaart__titel a").first
    href = title.get_attribute("href")
    labels = card.locator(".ww-kaart__labels")
    box, title_box = labels.bounding_box(), title.bounding_box()
    assert box["y"] > title_box["y"] + title_box["height"]  # under the title: not on its link text
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    page.wait_for_url(f"**/{kind}/{href.strip('/').split('/')[-1]}/")


def open_presentation(page, server, data):
    page.goto(server + "/scan/")
    settled(page)
    fill_scan(page, every(data, 5, 1))
    page.goto(server + "/scan/presentatie/")
    settled(page)
    expect(page.locator("#ww-presentatie")).to_be_visible()


CUT_OFF = """(dia) => {
  const r = dia.getBoundingClientRect();
  const out = [];
  for (const el of dia.querySelectorAll("*")) {
    const b = el.getBoundingClientRect();
    if (!b.width || !b.height) continue;
    if (b.bottom > r.bottom + 1 || b.right > r.right + 1 || b.left < r.left - 1 || b.top < r.top - 1) out.push(`${el.tagName}.${el.className}`);
  }
  if (dia.scrollHeight > dia.clientHeight + 1 || dia.scrollWidth > dia.clientWidth + 1) out.push("the slide scrolls in a box of its own");
  return out;
}"""


def test_slides_are_readable_from_the_back_of_the_room(open_page, server, data):
    page = open_page(1280)
    page.set_viewport_size({"width": 1280, "height": 800})
    open_presentation(page, server, data)
    slides = page.locator(".ww-dia")
    for i in range(slides.count()):  # the slides on the page too: 28 px
        size = slides.nth(i).locator("p, li").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 28
    page.get_by_role("button", name="Presenteer op het hele scherm").click()
    bar = page.locator(".ww-dias__bediening").bounding_box()
    for i in range(slides.count()):
        dia = page.locator(".ww-dia.is-huidig")
        sizes = dia.locator("p:visible, li:visible, .ww-balk__label:visible").evaluate_all("els => els.map((e) => parseFloat(getComputedStyle(e).fontSize))")
        heading = dia.locator("h2").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
        assert sizes and min(sizes) >= 28, (i, sizes)
        assert heading > min(sizes)
        assert dia.evaluate(CUT_OFF) == [], i
        box = dia.bounding_box()
        assert box["y"] + box["height"] <= bar["y"] + 1 and box["width"] > 1200
        page.screenshot(path=ARTIFACTS / f"dia-{i + 1}-1280.png")
        page.keyboard.press("ArrowRight")


def test_on_a_phone_every_slide_shows_all_it_holds(open_page, server, data):
    page = open_page(360)
    open_presentation(page, server, data)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Presenteer op het hele scherm").click()
    for i in range(page.locator(".ww-dia").count()):
        dia = page.locator(".ww-dia.is-huidig")
        assert dia.evaluate(CUT_OFF) == [], i
        # the presentation scrolls as a page, and its end comes above the buttons
        page.locator("#ww-presentatie").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        last = dia.locator("p:visible, li:visible").last.bounding_box()
        bar = page.locator(".ww-dias__bediening").bounding_box()
        assert last["y"] + last["height"] <= bar["y"] + 1 and bar["y"] + bar["height"] <= 801
        page.screenshot(path=ARTIFACTS / f"dia-{i + 1}-360.png")
        page.get_by_role("button", name="Volgende dia").click()
        page.locator("#ww-presentatie").evaluate("el => el.scrollTo(0, 0)")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_dot_never_covers_a_quadrant_label(open_page, server, data, width):
    page = open_page(width)
    page.goto(server + "/scan/")
    settled(page)
    fill_scan(page, every(data, 5, 1))
    page.get_by_role("button", name="Bekijk de uitslag").click()
    dot = page.locator("#ww-uitslag .ww-assen__stip")
    expect(dot).to_be_visible()
    overlaps = """(stip) => {
      const d = stip.getBoundingClientRect();
      return [...stip.closest('.ww-assen').querySelectorAll('.ww-assen__vak')].filter((v) => {
        const b = v.getBoundingClientRect();
        return !(d.right <= b.left || d.left >= b.right || d.bottom <= b.top || d.top >= b.bottom);
      }).map((v) => v.textContent);
    }"""
    assert dot.evaluate(overlaps) == []  # where this result puts it
    # and wherever a result can put it (weergave.js sets left and bottom in percent): corners, edges, middle
    for left in (0, 3, 25, 50, 75, 97, 100):
        for bottom in (0, 3, 25, 50, 75, 97, 100):
            dot.evaluate(f"(s) => {{ s.style.left = '{left}%'; s.style.bottom = '{bottom}%'; }}")
            assert dot.evaluate(overlaps) == [], (left, bottom)
    page.locator("#ww-uitslag .ww-assen").screenshot(path=ARTIFACTS / f"kwadrant-{width}.png")


def in_view(page, locator):
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= size["height"] + 1


def test_on_a_phone_what_a_tool_says_is_in_view_and_stays(open_page, server, data, tmp_path):
    page = open_page(360)
    page.clock.install()  # time runs as usual, and can be moved on at once to see what stays
    page.goto(server + "/scan/")
    settled(page)
    fill_scan(page, every(data, 5, 1))
    page.get_by_role("button", name="Bekijk de uitslag").click()
    saved = save_scan(page, tmp_path / "uitslag.json")
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    page.reload()
    settled(page)
    page.locator("input[type=file][data-actie=openen]").set_input_files(saved)
    status = page.get_by_role("status").filter(has_text="geopend")
    expect(status).to_have_text("Uitslag van " + status.inner_text().split("Uitslag van ")[1])
    assert in_view(page, status)
    page.clock.run_for(60_000)  # a minute later, every timer of the page has run
    assert status.inner_text().startswith("Uitslag van ") and in_view(page, status)  # it stays
    expect(page.locator("#ww-uitslag")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "scan-geopend-360.png")
    page.locator("input[name='haasten'][value='3']").check()  # the next action ends it
    expect(page.locator(".ww-scan__melding")).to_have_text("")

    # the team page: an empty vote is said under its button, on screen
    page.goto(server + "/scan/team/")
    page.get_by_label("Hoeveel mensen zitten er in het team?").fill("6")
    page.get_by_role("button", name="Open de stembus").click()
    button = page.get_by_role("button", name="Stem uitbrengen")
    button.evaluate("b => { b.scrollIntoView({ block: 'end' }); }")  # as a thumb finds it: at the bottom
    button.evaluate("b => b.click()")
    fout = page.locator(".ww-stembus__fout")
    expect(fout).to_contain_text("Je hebt nog geen stelling ingevuld")
    at_rest(page)  # the page may scroll smoothly
    assert in_view(page, fout), (fout.bounding_box(), button.bounding_box(), page.evaluate("scrollY"))
    for answer in every(data, 4, 2).items():
        page.locator(f"#ww-stembus input[name='{answer[0]}'][value='{answer[1]}']").check()
    button.click()
    bevestiging = page.locator(".ww-stembus__bevestiging")
    expect(bevestiging).to_contain_text("Je antwoorden zijn opgeteld")
    assert in_view(page, bevestiging) and in_view(page, page.locator("[data-stap=open] .ww-team__telling"))
