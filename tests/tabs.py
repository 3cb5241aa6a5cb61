"""Browser tabs kept open between the tests of one worker, handed out as new.

Opening a tab costs Chromium about 0.8 s of CPU on a 2-core machine (a new renderer, and the page's
scripts compiled again); a navigation in an open tab about 0.1 s. Most browser tests open a tab,
read a few pages and close it, so opening was the largest single cost of the suite.

A kept tab is only handed out again when nothing of the test before can reach the next one:
- it is put back at `about:blank` with nothing else in its history (its back button cannot lead
  into another test's pages), no cookies, nothing stored by any origin it saw (local, session,
  IndexedDB, caches), an empty HTTP cache (a later server on the same port serves other files),
  the test's listeners removed, its viewport and media as opened, its window name and console
  messages gone (page errors go with the page);
- a second tab the test opened in its context, or a popup, is closed;
- a test that changed what cannot be put back (an init script, routes, a clock, extra headers,
  permissions, tracing, a CDP session of its own, a key or mouse button held down, a default
  timeout, ...), closed the tab, or failed, leaves it closed instead: the next test gets a new one.

Not put back: a permission the page asked for and Chromium denied by itself (a notification): the
site asks for none.

`tests/test_tabs.py` shows each of these from the next test's side. What a test does is seen at
Playwright's one point of dispatch (`Channel._call`); a Playwright without it gets no tab kept.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

#: Calls on a tab's browser context that leave nothing a reset cannot undo; any other call keeps
#: the tab from being handed out again (clock, init scripts, routes, permissions, offline, tracing, ...).
_CONTEXT_CALLS_UNDONE = frozenset({
    "newPage", "cookies", "addCookies", "clearCookies", "clearPermissions", "storageState", "close",
    "updateSubscription",
})

#: Calls on the page itself that a navigation or the reset undoes; any other (an init script, a
#: binding, routes, extra headers, a key or mouse button held down, a screencast, coverage, ...)
#: keeps the tab from being handed out again.
_PAGE_CALLS_UNDONE = frozenset({
    "bringToFront", "close", "consoleMessages", "clearConsoleMessages", "pageErrors", "clearPageErrors",
    "requests", "emulateMedia", "setViewportSize", "expectScreenshot", "screenshot", "pdf", "goBack",
    "goForward", "reload", "keyboardPress", "keyboardType", "keyboardInsertText", "keyboardUp",
    "mouseClick", "mouseMove", "mouseUp", "mouseWheel", "touchscreenTap", "hideHighlight", "requestGC",
    "updateSubscription", "webStorageItems", "webStorageGetItem", "webStorageSetItem",
    "webStorageRemoveItem", "webStorageClear",
})

#: Settings Playwright keeps on its side, not in the browser: a test that sets one gets its tab closed.
_CLIENT_SETTINGS = ("set_default_timeout", "set_default_navigation_timeout")


def _watch_calls(owner, calls: list[str]) -> bool:
    """Note every protocol call the test makes on a Playwright object (its one dispatch point).
    False when this Playwright has no such point: then no tab is kept."""
    channel = getattr(getattr(owner, "_impl_obj", None), "_channel", None)
    call = getattr(channel, "_call", None)
    if call is None:
        return False

    def noted(method, *args, **kwargs):
        calls.append(method)
        return call(method, *args, **kwargs)

    channel._call = noted
    return True


def _stop_watching(owner) -> None:
    channel = getattr(getattr(owner, "_impl_obj", None), "_channel", None)
    if channel is not None:
        channel.__dict__.pop("_call", None)


class _Tab:
    """One kept tab: its own browser context (nothing shared with another tab), the origins it saw."""

    def __init__(self, browser, key: tuple):
        width, height, javascript, scale, init_script = self.key = key
        self.size = {"width": width, "height": height}
        self.watched = False
        self.context = browser.new_context(viewport=self.size, java_script_enabled=javascript, device_scale_factor=scale)
        if init_script:  # part of the kind of tab, added before the test: it stays, as it should
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        self.origins: set[str] = set()
        self.page.requests = []
        self.page.on("request", lambda request: self.page.requests.append(request.url))
        self.context.on("request", self._note_origin)
        self.cdp = self.context.new_cdp_session(self.page)
        self.context_calls: list[str] = []
        self.page_calls: list[str] = []
        self.listeners: list[tuple[object, str, object]] = []

    def _note_origin(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def hand_out(self) -> None:
        """Give the page to a test, watching what it does that a reset could not undo (when this
        Playwright cannot be watched, the tab is the test's alone and closed after it)."""
        self.context_calls.clear()
        self.page_calls.clear()
        self.listeners.clear()
        self.page.requests = []
        self.watched = (_watch_calls(self.context, self.context_calls) and _watch_calls(self.context.tracing, self.context_calls)
                        and _watch_calls(self.page, self.page_calls))
        for owner in (self.page, self.context):
            for name in ("on", "once"):
                setattr(owner, name, self._noting_listener(owner, getattr(type(owner), name)))
            for name in _CLIENT_SETTINGS:
                setattr(owner, name, self._noting_setting(owner, name, getattr(type(owner), name)))

    def _noting_listener(self, owner, register):
        def on(event, handler):
            self.listeners.append((owner, event, handler))
            return register(owner, event, handler)
        return on

    def _noting_setting(self, owner, name, setting):
        """A setting kept on Playwright's side is noted as a call that cannot be undone."""
        def set_value(*args, **kwargs):
            self.context_calls.append(name)
            return setting(owner, *args, **kwargs)
        return set_value

    def _give_back(self) -> None:
        for owner in (self.page, self.context, self.context.tracing):
            _stop_watching(owner)
        for owner in (self.page, self.context):
            for name in ("on", "once", *_CLIENT_SETTINGS):
                owner.__dict__.pop(name, None)
        for owner, event, handler in self.listeners:
            with contextlib.suppress(Exception):
                owner.remove_listener(event, handler)

    def reset(self) -> bool:
        """Put the tab back as a new one would be; False when that cannot be done."""
        self._give_back()
        if not self.watched or self.page.is_closed():
            return False
        if set(self.context_calls) - _CONTEXT_CALLS_UNDONE or set(self.page_calls) - _PAGE_CALLS_UNDONE:
            return False
        for other in self.context.pages:  # a second tab of the test, a popup
            if other != self.page:
                other.close()
        page = self.page
        page.goto("about:blank", timeout=5000)
        page.evaluate("window.name = ''")  # a tab's name outlives its pages
        for origin in sorted(self.origins):
            self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.context.clear_cookies()
        self.cdp.send("Network.clearBrowserCache")
        self.cdp.send("Page.resetNavigationHistory")
        page.set_viewport_size(self.size)
        page.emulate_media(media="null", color_scheme="null", reduced_motion="null", forced_colors="null", contrast="null")
        page.clear_console_messages()
        return True

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()


class KeptTabs:
    """The tabs of one worker, by kind: (width, height, javascript, device scale, init script).
    A test may hold several of one kind; each has a browser context of its own."""

    def __init__(self, browser):
        self.browser = browser
        self.free: dict[tuple, list[_Tab]] = {}

    def open(self, width: int, height: int, javascript: bool = True, scale: float = 1, init_script: str = "") -> _Tab:
        """A kept tab of this kind if one is free, else a new one; its page is `tab.page`."""
        key = (width, height, javascript, scale, init_script)
        waiting = self.free.get(key) or []
        tab = waiting.pop() if waiting else _Tab(self.browser, key)
        tab.hand_out()
        return tab

    def put_back(self, tab: _Tab, keep: bool) -> None:
        try:
            kept = keep and tab.reset()
        except Exception:
            kept = False
        if kept:
            self.free.setdefault(tab.key, []).append(tab)
        else:
            tab.close()

    def close(self) -> None:
        for tabs in self.free.values():
            for tab in tabs:
                tab.close()
        self.free.clear()
