"""Keyboard only: the menu drawer on a phone and at 400 % zoom, and the 404 page.

On a narrow screen Material's menu is a drawer over the page. Closed, its links
used to come first in the Tab order, off screen: 48 presses on the start page and
43 on a knelpunt before the first link of the text. Now the closed drawer takes
no focus (menu.js makes it inert, wegwijzer.css hides it), and the menu button is
a button: Enter opens the drawer and moves focus into it, Escape closes it and
puts focus back on the button.

400 % zoom is emulated as what it is to the page: a window of 1280 × 1024 screen
pixels zoomed to 400 % lays the page out in 320 × 256 CSS pixels, with 4 screen
pixels to a CSS pixel (deviceScaleFactor 4). Media queries, the drawer and the
layout see exactly that viewport; only the browser's own zoom menu is not used.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import ROOT, at_rest
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")
KNELPUNT = f"knelpunten/{next(iter(catalogus.knelpunten))}/"

#: (name, viewport in CSS pixels, device pixels per CSS pixel)
SMALL = [
    ("telefoon 360 px", {"width": 360, "height": 800}, 1),
    ("1280 px op 400 % zoom", {"width": 320, "height": 256}, 4),
]

#: Where focus is: in the text, in the menu, on screen, and not under the drawer's overlay.
FOCUS = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = onScreen ? document.elementFromPoint(x, y) : null;
  return {
    what: `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.getAttribute("aria-label") || e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40)}"`,
    inContent: !!e.closest(".md-content"),
    inMenu: !!e.closest(".md-sidebar--primary"),
    onScreen,
    visible: !!top && (e.contains(top) || top.contains(e)),
  };
}"""

#: The menu button: inside Material's label for the drawer (a label may not be a button itself, ARIA in HTML).
MENU_BUTTON = '.md-header__button[for="__drawer"] > [role=button]'


def open_tab(open_page, viewport, scale=1, javascript=True):
    return open_page(viewport["width"], javascript, height=viewport["height"], scale=scale)


def tab_to_content(page, limit):
    """Press Tab from the top of the page until focus is in the text; every stop on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
        if stops[-1]["inContent"]:
            break
    return stops


@pytest.mark.parametrize("path", ["", KNELPUNT], ids=["start", "knelpunt"])
@pytest.mark.parametrize("name,viewport,scale", SMALL, ids=[s[0] for s in SMALL])
def test_tab_reaches_the_text_in_five_presses_without_leaving_the_screen(open_page, server, path, name, viewport, scale):
    page = open_tab(open_page, viewport, scale)
    page.goto(f"{server}/{path}")
    stops = tab_to_content(page, 5)
    assert stops[-1]["inContent"], f"{name}: na 5 keer Tab nog niet in de tekst: {[s['what'] for s in stops]}"
    assert [s["what"] for s in stops if not s["onScreen"]] == []
    assert [s["what"] for s in stops if s["inMenu"]] == []


def test_without_javascript_the_closed_drawer_takes_no_focus_either(open_page, server):
    page = open_tab(open_page, {"width": 360, "height": 800}, javascript=False)
    page.goto(f"{server}/{KNELPUNT}")
    stops = tab_to_content(page, 5)
    assert stops[-1]["inContent"], [s["what"] for s in stops]
    assert [s["what"] for s in stops if not s["onScreen"] or s["inMenu"]] == []


@pytest.mark.parametrize("path", ["", "mkb/stap-1/", KNELPUNT], ids=["start", "menu-onderdeel", "knelpunt"])
@pytest.mark.parametrize("name,viewport,scale", SMALL, ids=[s[0] for s in SMALL])
def test_menu_button_opens_the_drawer_and_escape_brings_focus_back(open_page, server, path, name, viewport, scale):
    page = open_tab(open_page, viewport, scale)
    page.goto(f"{server}/{path}")
    button = page.locator(MENU_BUTTON)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement.matches(s)", MENU_BUTTON)
    assert button.get_attribute("role") == "button"
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-label") == "Menu"
    assert page.locator(f"#{button.get_attribute('aria-controls')}").count() == 1

    page.keyboard.press("Enter")
    at_rest(page)  # the drawer slides in
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    stops = [page.evaluate(FOCUS)]
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
    in_menu = [s for s in stops if s["inMenu"]]
    assert len(in_menu) == 5, [s["what"] for s in stops]
    assert [s["what"] for s in in_menu if not (s["onScreen"] and s["visible"])] == []

    page.keyboard.press("Escape")
    at_rest(page)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("s => document.activeElement.matches(s)", MENU_BUTTON)
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")

    page.keyboard.press(" ")  # Space works too, and does not scroll the page
    at_rest(page)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("scrollY") == 0


@pytest.mark.parametrize("width", [360, 1280])
def test_the_menus_buttons_are_allowed_where_they_are(open_page, server, width):
    """Lighthouse and axe (aria-allowed-role): a label may not carry role=button. The menu's buttons
    are elements of their own inside Material's labels, each with a name, none inside another."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_tab(open_page, {"width": width, "height": 800})
    page.goto(f"{server}/{KNELPUNT}")
    if width < 600:
        page.locator(MENU_BUTTON).click()
        at_rest(page)
    assert page.locator("label[role]").count() == 0
    assert page.locator(".md-sidebar--primary label > [role=button]").count() >= 5
    rules = {"runOnly": {"type": "rule", "values": ["aria-allowed-role", "button-name", "nested-interactive", "aria-allowed-attr"]}}
    found = Axe().run(page, options=rules).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


def test_a_section_in_the_drawer_opens_and_closes_with_the_keyboard(open_page, server):
    page = open_tab(open_page, {"width": 360, "height": 800})
    page.goto(f"{server}/")
    page.locator(MENU_BUTTON).focus()
    page.keyboard.press("Enter")
    at_rest(page)
    arrow = page.locator('.md-sidebar--primary label.md-nav__link > [role=button][aria-label^="Onderdelen van Kort"]')
    assert arrow.get_attribute("aria-expanded") == "false"  # a screen reader hears the section is closed
    arrow.focus()
    page.keyboard.press("Enter")
    at_rest(page)
    toggle = arrow.locator("xpath=..").get_attribute("for")
    assert page.evaluate(f"document.getElementById('{toggle}').checked")
    assert arrow.get_attribute("aria-expanded") == "true"
    back = page.locator(f'.md-sidebar--primary label.md-nav__title[for="{toggle}"] > [role=button]')
    assert back.get_attribute("role") == "button" and back.get_attribute("aria-expanded") is None
    back.focus()
    page.keyboard.press("Tab")
    now = page.evaluate(FOCUS)
    assert now["inMenu"] and now["visible"] and "Stap 1" in now["what"], now
    back.focus()
    page.keyboard.press("Enter")
    at_rest(page)
    assert not page.evaluate(f"document.getElementById('{toggle}').checked")
    assert arrow.get_attribute("aria-expanded") == "false"


def test_at_desktop_width_the_menu_is_a_sidebar_whose_links_take_focus(open_page, server):
    page = open_tab(open_page, {"width": 1280, "height": 900})
    page.goto(f"{server}/{KNELPUNT}")
    assert not page.locator(MENU_BUTTON).is_visible()
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
    in_menu = [s for s in stops if s["inMenu"]]
    assert len(in_menu) >= 3, [s["what"] for s in stops]
    assert all(s["onScreen"] and s["visible"] for s in in_menu), in_menu


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: a missing address gets the site's 404.html, with status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = self.directory + "/404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host(example_site):
    handler = functools.partial(_NotFoundHandler, directory=str(example_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("link,lands_on", [
    ("Naar de startpagina", "/"),
    ("Alle knelpunten", "/knelpunten/"),
    ("Alle oplossingen", "/oplossingen/"),
])
def test_a_deep_unknown_address_shows_the_dutch_404_with_links_that_work(open_page, host, link, lands_on):
    page = open_tab(open_page, {"width": 360, "height": 800})
    answer = page.goto(f"{host}/a/b/c/bestaat-niet/")
    assert answer.status == 404
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet (meer)"
    assert "Pagina niet gevonden" in page.title()
    # the page's own styles and scripts load from the root, not from /a/b/c/
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    assert page.locator(MENU_BUTTON).get_attribute("role") == "button"
    with page.expect_navigation():
        page.locator(".md-content a", has_text=link).click()
    assert page.evaluate("location.pathname") == lands_on
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() != "Deze pagina bestaat niet (meer)"


def test_the_404_page_opens_the_search(open_page, host):
    page = open_tab(open_page, {"width": 360, "height": 800})
    page.goto(f"{host}/x/y/")
    button = page.get_by_role("button", name="Zoeken in de Wegwijzer")
    button.click()
    page.locator("#ww-zoeken .pagefind-ui__search-input").wait_for()
    assert page.evaluate("document.getElementById('ww-zoeken').open")
    page.keyboard.press("Escape")
    page.wait_for_function("document.activeElement.textContent.trim() === 'Zoeken in de Wegwijzer'")  # focus back on the button


def test_a_page_shown_again_has_its_drawer_closed(open_page, server):
    """Material's autocomplete="off" kept Firefox from restoring a ticked drawer; menu.js unticks on pageshow."""
    page = open_tab(open_page, {"width": 360, "height": 800})
    page.goto(f"{server}/")
    page.evaluate("document.getElementById('__drawer').checked = true")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
