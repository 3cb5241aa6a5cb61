"""A tab that `open_page` hands out again carries nothing of the test before it (tabs.py).

The tests of this file run in order on one worker: each first one leaves traces in its tab, the
next one checks that it got that same tab back (else it would show nothing) and that none of the
traces are there.
"""

from __future__ import annotations

import os
import time

import pytest

from conftest import serve_folder

#: What the test before left behind, for the test after it: the page object it used.
_LEFT = {}

_TRACES = """async () => {
    localStorage.setItem('spoor', '1');
    sessionStorage.setItem('spoor', '1');
    document.cookie = 'spoor=1; path=/';
    await caches.open('spoor').then((c) => c.put('/spoor', new Response('1')));
    await new Promise((klaar) => {
        const open = indexedDB.open('spoor', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => { open.result.close(); klaar(); };
    });
}"""

_WHAT_IS_LEFT = """async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((d) => d.name),
    history: history.length,
    print: matchMedia('print').matches,
    contrast: matchMedia('(prefers-contrast: more)').matches,
    name: window.name,
    width: innerWidth,
    hovered: document.querySelectorAll(':hover').length,
})"""


@pytest.fixture(scope="module")
def changing(tmp_path_factory):
    """A server whose file changes between the tests; old enough that a browser may keep it a day."""
    folder = tmp_path_factory.mktemp("wisselend")
    with serve_folder(folder) as base:
        yield folder / "versie.html", base + "/versie.html"


def _write(path, text: str) -> None:
    path.write_text(f"<!doctype html><title>versie</title><body>{text}</body>", encoding="utf-8")
    long_ago = time.time() - 30 * 24 * 3600
    os.utime(path, (long_ago, long_ago))


def test_a_test_leaves_traces_in_its_tab(open_page, server, changing):
    page = open_page(360)
    path, url = changing
    _write(path, "1")
    page.goto(url)
    assert page.text_content("body") == "1"
    page.goto(server + "/")
    page.goto(server + "/")
    page.goto(server + "/scan/")
    page.evaluate(_TRACES)
    page.evaluate("window.name = 'spoor'; console.log('spoor'); setTimeout(() => { throw new Error('spoor'); })")
    page.wait_for_function("() => true")  # the timer has run
    assert page.page_errors()
    page.on("dialog", lambda dialog: dialog.accept())  # the next test must not have it
    page.context.on("dialog", lambda dialog: dialog.accept())
    page.emulate_media(media="print", contrast="more")
    page.set_viewport_size({"width": 500, "height": 700})
    page.mouse.move(20, 20)
    _LEFT["tab"] = page


def test_the_next_test_gets_that_tab_back_with_none_of_it(open_page, server, changing):
    page = open_page(360)
    assert page is _LEFT["tab"], "the tab was not handed out again: this test would show nothing"
    assert page.requests == []
    page.goto(server + "/scan/")
    left = page.evaluate(_WHAT_IS_LEFT)
    assert left == {"local": 0, "session": 0, "cookie": "", "caches": [], "databases": [], "history": 2,
                    "print": False, "contrast": False, "width": 360, "hovered": 0, "name": ""}
    assert [m.text for m in page.console_messages(filter="all")] == [] and page.page_errors() == []
    # the one entry before this page is the blank page, not the previous test's
    page.go_back()
    assert page.url == "about:blank"
    page.go_forward()
    # no dialog listener of the test before: a dialog is dismissed as in a new tab
    assert page.evaluate("confirm('?')") is False
    # nothing from the HTTP cache of the test before: a file changed since is fetched anew
    path, url = changing
    _write(path, "2")
    page.goto(url)
    assert page.text_content("body") == "2"
    assert set(page.requests) >= {server + "/scan/", url}
    _LEFT["tab"] = page


def test_a_test_that_installs_a_clock_leaves_its_tab_closed(open_page, server):
    page = open_page(360)
    assert page is _LEFT["tab"]
    page.clock.install()
    _LEFT["tab"] = page


def _a_new_tab(open_page):
    page = open_page(360)
    assert page is not _LEFT["tab"] and _LEFT["tab"].is_closed(), "the tab of the test before was handed out again"
    return page


def test_so_the_next_test_gets_a_new_tab_and_holds_a_key_down(open_page):
    page = _a_new_tab(open_page)
    page.keyboard.down("Shift")
    _LEFT["tab"] = page


def test_which_leaves_its_tab_closed_as_does_a_mouse_button_held(open_page):
    page = _a_new_tab(open_page)
    page.mouse.down()
    _LEFT["tab"] = page


def test_and_a_default_timeout(open_page):
    page = _a_new_tab(open_page)
    page.set_default_timeout(1)
    _LEFT["tab"] = page


def test_and_tracing(open_page):
    page = _a_new_tab(open_page)
    page.context.tracing.start()
    _LEFT["tab"] = page


def test_and_an_init_script(open_page):
    page = _a_new_tab(open_page)
    page.context.add_init_script("window.spoor = 1")
    _LEFT["tab"] = page


def test_nor_does_that_script_reach_a_later_test(open_page, server):
    page = _a_new_tab(open_page)
    page.goto(server + "/")
    assert page.evaluate("window.spoor") is None
    page.on("popup", lambda popup: None)
    with page.expect_popup():
        page.evaluate("window.open(location.href)")
    _LEFT["tab"] = page


def test_nor_a_popup_left_open(open_page):
    page = open_page(360)
    assert page is _LEFT["tab"]
    assert page.context.pages == [page]


@pytest.mark.xfail(strict=True, reason="shows that a test expected to fail hands on no tab")
def test_a_test_expected_to_fail(open_page):
    page = open_page(360)
    _LEFT["tab"] = page
    raise AssertionError("zoals verwacht")


def test_hands_on_no_tab(open_page):
    _a_new_tab(open_page)
