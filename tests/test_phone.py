"""Reading on a phone (360 px wide): text size, dark headings, no sideways scrolling, tabs,
the header, the werkdrukscan form; and praktijk quotes that fit every sector."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ARTIFACTS, ROOT, at_rest
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
SUBSTAP = catalogus.substappen[0]
SUBSTAP_URL = f"/stappen/stap-{SUBSTAP.stap.nummer}/{SUBSTAP.id}/"
KNELPUNT_URL = f"/knelpunten/{next(iter(catalogus.knelpunten))}/"
OPLOSSING_URL = f"/oplossingen/{next(iter(catalogus.oplossingen))}/"

PAGES = {
    "start": "/",
    "mkb-stap": "/mkb/stap-1/",
    "hr-overzicht": "/stappen/",
    "substap": SUBSTAP_URL,
    "knelpunt": KNELPUNT_URL,
    "oplossing": OPLOSSING_URL,
    "oplossingen": "/oplossingen/",
    "werkdrukmodel": "/werkdrukmodel/",
    "scan": "/scan/",
    "plan": "/plan/",
    "werksessie": "/werksessie/",
    "praktijk": "/praktijk/",
    "verantwoording": "/verantwoording/",
}

# Every visible piece of text in the content: its element, size and whether it is hidden from sight.
TEXT_SIZES = """() => {
  const visuallyHidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (cs.position === 'absolute' && (r.width <= 1 || r.height <= 1)) return true;
      if (cs.clip && cs.clip !== 'auto' && /rect\\(0(px)?,? 0(px)?/.test(cs.clip)) return true;
    }
    return false;
  };
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest('.headerlink, script, style, noscript, template')) continue;
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || visuallyHidden(el)) continue;
    const name = el.tagName.toLowerCase() + [...el.classList].map((c) => '.' + c).join('');
    found.push({name, text: node.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize)});
  }
  return found;
}"""

# Each visible heading in the content with its text colour and the background behind it.
HEADING_COLOURS = """() => {
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && !/rgba\\(.*, 0\\)$/.test(bg) && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  return [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .md-content h4')]
    .filter((h) => h.checkVisibility() && h.getBoundingClientRect().height > 0)
    .map((h) => ({text: h.textContent.trim().slice(0, 40), colour: getComputedStyle(h).color, background: background(h)}));
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str) -> float:
    bg = rgba(background)[:3]
    r, g, b, a = rgba(colour)
    shown = tuple(a * c + (1 - a) * d for c, d in zip((r, g, b), bg))  # a see-through colour on its background
    light, dark = sorted((luminance(shown), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def show_every_tab(page):
    """Hidden tabs hold text too (the tip box is in the last tab): measure them all."""
    page.add_style_tag(content=".md-typeset .tabbed-content > .tabbed-block { display: block !important; }")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_a_phone_shows_readable_text_dark_headings_and_no_sideways_scroll(open_page, server, path):
    page = open_page(360)
    page.goto(server + path)
    show_every_tab(page)
    texts = page.evaluate(TEXT_SIZES)
    assert texts, "no text found in the content"
    small = {f"{t['name']} ({t['size']} px): {t['text']}" for t in texts if t["size"] < 16}
    assert not small, "text below 16 px on a phone:\n" + "\n".join(sorted(small))

    for heading in page.evaluate(HEADING_COLOURS):
        ratio = contrast(heading["colour"], heading["background"])
        assert ratio >= 7, f"heading '{heading['text']}' is too light: {ratio:.1f}:1"

    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def rows_of(boxes: list[dict]) -> list[int]:
    """How many boxes stand on each line, top to bottom."""
    rows: dict[int, int] = {}
    for box in boxes:
        top = next((t for t in rows if abs(t - box["y"]) < 4), round(box["y"]))
        rows[top] = rows.get(top, 0) + 1
    return [rows[t] for t in sorted(rows)]


@pytest.mark.parametrize("width", [360, 1280])
def test_substep_tabs_form_at_most_two_even_rows(open_page, server, width):
    page = open_page(width)
    page.goto(server + SUBSTAP_URL)
    labels = page.locator(".tabbed-labels > label")
    assert labels.count() == 5
    rows = rows_of([labels.nth(i).bounding_box() for i in range(5)])
    assert len(rows) <= 2 and min(rows) >= 2 or rows == [5], f"tabs per row: {rows}"
    for i in range(5):
        assert float(labels.nth(i).evaluate("l => parseFloat(getComputedStyle(l).fontSize)")) >= 16
    labels.last.click()  # every tab still opens its own text
    assert page.locator(".tabbed-block").nth(4).is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_scan_answers_are_one_clean_radio_group(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/scan/")
    stelling = page.locator(".ww-stelling").first
    options = stelling.get_by_role("radio")
    assert options.count() == 5
    assert len({options.nth(i).get_attribute("name") for i in range(5)}) == 1
    boxes = [label.bounding_box() for label in stelling.locator(".ww-schaal label").all()]
    tops = [b["y"] for b in boxes]
    side_by_side = max(tops) - min(tops) < 2
    stacked = all(b["y"] >= a["y"] + a["height"] - 1 for a, b in zip(boxes, boxes[1:])) and len({round(b["x"]) for b in boxes}) == 1
    assert side_by_side or stacked, f"answer scale is neither one row nor one column: {boxes}"
    if width == 360:
        assert stacked
    for box in boxes:
        assert box["height"] >= 40  # large enough to tap

    # a real radio group: arrow keys move the choice
    options.first.focus()
    page.keyboard.press("Space")
    assert options.first.is_checked()
    page.keyboard.press("ArrowDown")
    assert options.nth(1).is_checked() and not options.first.is_checked()


@pytest.mark.parametrize("width", [360, 1280])
def test_scan_count_sticks_under_the_header_on_one_line(open_page, server, width):
    page = open_page(width)
    page.goto(server + "/scan/")
    page.locator(".ww-scan__knoppen").wait_for(state="visible")  # the scan's script has started (it loads its data first)
    page.evaluate("document.querySelectorAll('.ww-schaal input[value=\"5\"]').forEach((i) => i.click())")
    telling = page.locator(".ww-scan__telling")
    total = page.locator(".ww-stelling").count()
    assert telling.inner_text() == f"{total} van {total}"
    assert telling.evaluate("t => t.getClientRects().length") == 1
    label = page.locator(".ww-scan__voortgang label").bounding_box()
    assert abs(telling.bounding_box()["y"] - label["y"]) < 4, "the count wrapped below 'Beantwoord:'"

    page.evaluate("window.scrollTo(0, document.querySelector('.ww-stelling:nth-of-type(4)').offsetTop + 1500)")
    at_rest(page)
    header = page.locator(".md-header").bounding_box()
    bar = page.locator(".ww-scan__voortgang").bounding_box()
    assert bar["y"] <= header["y"] + header["height"] + 0.5, "gap between header and count"
    assert bar["y"] >= header["y"] + header["height"] - 2
    just_below = page.evaluate(
        f"document.elementFromPoint({bar['x'] + bar['width'] / 2}, {header['height'] + 0.5}).closest('.ww-scan__voortgang, .md-header') !== null"
    )
    assert just_below, "questions show through just below the header"

    # Material's back-to-top button appears when scrolling up; it must not cover the count
    page.mouse.move(width / 2, 400)
    page.mouse.wheel(0, 600)
    at_rest(page)
    page.mouse.wheel(0, -200)
    at_rest(page)
    top_button = page.locator(".md-top")
    assert top_button.is_visible()
    button = top_button.bounding_box()
    bar = page.locator(".ww-scan__voortgang").bounding_box()
    overlap = not (button["y"] >= bar["y"] + bar["height"] or button["y"] + button["height"] <= bar["y"])
    assert not overlap, "back-to-top covers the sticky count"


def test_site_name_shows_whole_in_the_header_on_a_phone(open_page, server):
    page = open_page(360)
    page.goto(server + "/")
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.inner_text().strip() == catalogus.info.titel
    fits = name.evaluate("n => n.scrollWidth <= n.clientWidth + 1 && n.scrollHeight <= n.clientHeight + 1")
    assert fits, "site name is cut off"
    assert name.evaluate("n => parseFloat(getComputedStyle(n).fontSize)") >= 16
    header = page.locator(".md-header").bounding_box()
    box = name.bounding_box()
    assert header["height"] <= 49  # the header keeps Material's height
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]


SECTOR_WORDS = re.compile(
    r"\b(kinder\w*|bso|peuter\w*|pedagogisch\w*|school\w*|leerkracht\w*|leerling\w*|onderwijs\w*|"
    r"bakker\w*|supermarkt\w*|kassa\w*|winkel\w*|bouw\w*|transport\w*|chauffeur\w*|distributie\w*|"
    r"magazijn\w*|thuiszorg\w*|verpleeg\w*|zorg\w*|patiënt\w*|cliënt\w*|horeca\w*|restaurant\w*|"
    r"fabriek\w*|gemeente\w*|politie\w*|ziekenhuis\w*)\b",
    re.IGNORECASE,
)


def test_base_quotes_fit_every_sector():
    """The base catalogus is shared by every sector: its quotes name no sector and no sector's job."""
    files = sorted((ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "praktijk").glob("*.yml"))
    assert files
    for path in files:
        verhaal = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in (path.stem, verhaal["citaat"], verhaal["wie"]):
            assert not SECTOR_WORDS.search(text), f"{path.name} names a sector: {SECTOR_WORDS.search(text).group(0)}"


def test_a_sector_guide_quotes_only_the_base_and_its_own_editor(example_site):
    base = {p.stem for p in (ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "praktijk").glob("*.yml")}
    own = {p.stem for p in (ROOT / "catalogus" / "praktijk").glob("*.yml")}
    page = (example_site / "praktijk" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]  # not the search dialog's heading
    shown = set(re.findall(r'<h2 id="([^"]+)"', article))
    assert shown and shown <= base | own


SCREENSHOTS = {
    "substap": SUBSTAP_URL,
    "knelpunt": KNELPUNT_URL,
    "mkb-stap": "/mkb/stap-1/",
    "werkdrukmodel": "/werkdrukmodel/",
    "praktijk": "/praktijk/",
    "verantwoording": "/verantwoording/",
    "oplossing": OPLOSSING_URL,
}


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_review(open_page, server, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(width)
    for name, path in SCREENSHOTS.items():
        page.goto(server + path)
        page.screenshot(path=ARTIFACTS / f"phone-{name}-{width}.png")
    page.goto(server + "/scan/")
    page.locator(".ww-stelling").nth(3).scroll_into_view_if_needed()
    page.mouse.move(width / 2, 400)
    page.mouse.wheel(0, 400)
    at_rest(page)
    page.screenshot(path=ARTIFACTS / f"phone-scan-{width}.png")
