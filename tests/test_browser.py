"""Read the example guide as a person does: in Chromium, by clicking."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def server(example_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(example_site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: draai scripts/setup --test")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def test_from_start_to_a_substep_and_its_tabs(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/")
    page.locator("article").get_by_role("link", name="Stap 1: Is er sprake van werkdruk?").click()
    page.wait_for_url("**/stappen/stap-1/")
    assert page.get_by_role("heading", level=1).inner_text().rstrip("¶") == "Stap 1: Is er sprake van werkdruk?"

    page.locator("article").get_by_role("link", name="Lees meer").first.click()
    page.wait_for_url("**/stappen/stap-1/signalen-opvangen/")
    page.screenshot(path=ARTIFACTS / "substap-360.png", full_page=True)

    tab_text = page.locator(".tabbed-block").nth(1)
    assert not tab_text.is_visible()
    page.get_by_text("Hoe", exact=True).click()
    assert tab_text.is_visible()
    page.get_by_text("Check", exact=True).click()
    checkboxes = page.locator(".tabbed-block").nth(3).locator("input[type=checkbox]")
    assert checkboxes.count() >= 5
    checkboxes.first.focus()  # a keyboard user ticks with the space bar
    page.keyboard.press("Space")
    assert checkboxes.first.is_checked()

    origins = {urlparse(url).netloc for url in page.requests}
    assert origins == {urlparse(server).netloc}


def test_from_a_knelpunt_to_its_oplossing_and_back(page, server):
    page.goto(server + "/knelpunten/")
    page.locator("article li a").first.click()
    title = page.get_by_role("heading", level=1).inner_text().rstrip("¶")
    page.locator("article a[href*='oplossingen/']").first.click()
    assert page.url.rstrip("/").split("/")[-2] == "oplossingen"
    page.screenshot(path=ARTIFACTS / "oplossing-360.png", full_page=True)
    assert page.locator("article").get_by_role("link", name=title).count() == 1
