"""Every change this project makes to the inner workings of another library, each checked against
the versions it was written for.

MkDocs, Material, Jinja, watchdog and click promise nothing about the attributes
replaced here, so a new version may change them without notice. Each patch is an
entry of `PATCHES`: the libraries and versions it was written for, and the one
attribute it replaces. `apply` replaces that attribute only when every library
is such a version and the attribute (and what else of the object the patch
uses) is still there; otherwise it leaves the library alone and says once, in
Dutch, what an editor or visitor misses. Every patch only makes things faster
or nicer: the site is built right with any of them switched off
(tests/test_patches.py switches each one off).

The patches, by key (libraries and versions; what is replaced; why; what is lost when off):

- `dutch_abort` (mkdocs 1.6, click 8): `mkdocs.exceptions.Abort.show`, which
  click calls for the last line of a failed build ("Aborted with a BuildError!").
  It says the same in Dutch. Off: the problems above it are still in Dutch, only
  that last line is English.
- `live_reload_csp` (mkdocs 1.6): `LiveReloadServer._inject_js_into_html`. The
  preview puts an inline script into every page it serves, for the live reload;
  the page's Content-Security-Policy (`csp.py`) allows only the scripts it knows
  by hash, so the served page's policy gets the hash of exactly that script. Off:
  the preview's pages have no policy (the catalogus plugin then leaves it out, or
  it would block the reload); the built site keeps it.
- `native_observer` (mkdocs 1.6, watchdog 7): `LiveReloadServer.observer` and
  `build_delay`, set before the first `watch()`. MkDocs polls for changed files
  every 0.5 s, then waits 0.1 s for more changes; `wegwijzer bekijken` gets the
  operating system's own notice of a change (watchdog's native observer: inotify
  on Linux), polls only where that cannot watch, and waits 0.05 s. Off: a save
  shows in the preview some half a second later.
- `theme_listing` (Jinja 3): `FileSystemLoader.list_templates`. Each rebuild of
  the preview lists every file of the theme (`Files.add_files_from_theme`): some
  15,000, mostly Material's icons, a tenth of a second each time. The listing of
  a folder inside an installed package (Material's, MkDocs') is kept, as it does
  not change while the preview runs; the guide's own overrides and an editable
  theme are listed afresh. Off: every rebuild takes that tenth of a second longer.
- `poll_often` (watchdog 7): the observer's `_timeout`, which watchdog has no
  public setting for. The catalogus plugin has the catalogus folders looked at
  every 0.15 s instead of 0.5 s. Off: a save in the catalogus shows some
  0.35 s later in `mkdocs serve`.
- `menu_once` (mkdocs-material 9, Jinja 3): `root_render_func` of Material's
  `partials/nav.html` in one build's environment (`kept_nav.py`): the menu is
  rendered once per folder for the pages that are not in it. Off: every page
  renders the menu itself, which is the same menu; a large guide builds slower
  (a fifth of the build at 1,000 knelpunten).
- `reuse_html` (mkdocs 1.6): `Page.render` of each page, which also reads and
  sets `_title_from_render`, `present_anchor_ids` and `links_to_anchors`
  (`rendered.py`): a page whose Markdown, frame and links are as at the last
  build gets its HTML back. Off: every build renders every page.
- `canonical_url` (mkdocs 1.6): `Page._set_canonical_url` of the pages the page
  layer made (`GeneratedPage`, `framed.py`): for a plain site address and page
  address their canonical URL is joined as text, which is what `urljoin` gives
  there (a test compares them); any other goes to MkDocs' own. Off: a little
  slower, a tenth of a second per rebuild at 3,000 pages.
- `write_changed` (mkdocs 1.6): `File.is_modified` of each page and each file a
  plugin made in the preview (`preview.py`): a `--dirty` rebuild writes only the
  pages that would look different and the files whose content changed. Off:
  `wegwijzer bekijken` rebuilds without `--dirty` and writes every file; MkDocs'
  own `--dirty` would miss a page whose menu changed.
- `quick_rebuild` (mkdocs 1.6): no attribute is replaced, but the preview calls
  two private functions of MkDocs' build, `_populate_page` and `_build_page`, to
  read and write only the pages a save in the catalogus changed
  (`plugins/catalogus/quick.py`). Off: every save builds the whole site, as
  MkDocs does; at 1,000 knelpunten a save shows a few seconds later.
- `wait_for_build` (mkdocs 1.6): no attribute is replaced, but the preview's
  guard waits on the LiveReloadServer's `_epoch_cond` until `_visible_epoch` is
  `_wanted_epoch`, as MkDocs waits before it serves a file, before it makes a
  download a quick rebuild left (`CatalogusPlugin.fresh_data`): asked for while
  a build runs, it is made of that build's catalogus. Off: a download asked for
  in the first moment of a rebuild may still be the one before it.
- `reuse_pages` (mkdocs 1.6): `_build_page` of MkDocs' build module, which puts
  a page into the theme and writes it. `mkdocs build` takes a page whose key
  (what the theme shows of it, the versions, this package and mkdocs.yml) is the
  one the last build wrote it under from that build's site instead
  (`plugins/catalogus/kept_pages.py`). Off: every page is rendered, as MkDocs
  does; a build takes longer.
- `toggles` (mkdocs-material 9, written against 9.8.2): no attribute, but the
  text of Material's `base.html` in each written page (`material_markup.py`):
  the `autocomplete` it puts on two hidden checkboxes is invalid HTML. Only the
  exact tags are replaced, so a Material that writes them otherwise is left as
  it is anyway. Off: each page has that small HTML error; it works the same.

"mkdocs" stands for the engine that runs: ProperDocs, MkDocs' fork, when its
alias makes `import mkdocs` load it (`engine.py`); its own version is checked
then, against the same versions (it is MkDocs 1.6 with fixes).

A warning in `mkdocs build --strict` stops the build. So the catalogus plugin
asks for the patches of a build in `on_startup`, before MkDocs starts counting
warnings: a library update then never stops a publication, it only says what
is slower.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
import sysconfig
from dataclasses import dataclass
from typing import Any, Callable

import jinja2
from mkdocs.plugins import get_plugin_logger

from .csp import allow_script

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class Patch:
    """One change to another library: enough to check it before it is made, and to say what is lost without it."""

    title: str  # in Dutch, for the warning
    versions: dict[str, tuple[str, ...]]  # distribution -> the version prefixes it was written for
    attribute: str | None  # the attribute it replaces; None when it rewrites output (and only what it finds)
    uses: tuple[str, ...]  # other inner attributes of the same object that it reads or sets
    lost: str  # in Dutch: what an editor or visitor misses when it is off


PATCHES: dict[str, Patch] = {
    "dutch_abort": Patch(
        "Nederlandse slotregel bij een mislukte bouw", {"mkdocs": ("1.6.",), "click": ("8.",)}, "show", (),
        "De fouten zelf staan er nog steeds in het Nederlands; alleen de laatste regel van een mislukte bouw is Engels."),
    "live_reload_csp": Patch(
        "veiligheidsregels in de voorvertoning", {"mkdocs": ("1.6.",)}, "_inject_js_into_html", (),
        "De voorvertoning werkt, maar zonder Content-Security-Policy. De gebouwde site heeft die wel."),
    "native_observer": Patch(
        "wijzigingen meteen zien in de voorvertoning", {"mkdocs": ("1.6.",), "watchdog": ("7.",)}, "observer",
        ("build_delay", "_watched_paths"),
        "De voorvertoning werkt, maar toont een wijziging ongeveer een halve seconde later."),
    "theme_listing": Patch(
        "themabestanden één keer opzoeken", {"jinja2": ("3.",)}, "list_templates", (),
        "De voorvertoning werkt, alleen duurt elke nieuwe bouw iets langer."),
    "poll_often": Patch(
        "vaker kijken of de catalogus is gewijzigd", {"watchdog": ("7.",)}, "_timeout", (),
        "De voorvertoning werkt, maar toont een wijziging in de catalogus iets later."),
    "menu_once": Patch(
        "menu één keer per map", {"mkdocs-material": ("9.",), "jinja2": ("3.",)}, "root_render_func", (),
        "De site wordt goed gebouwd, alleen langzamer."),
    "reuse_html": Patch(
        "ongewijzigde pagina's niet opnieuw maken", {"mkdocs": ("1.6.",)}, "render",
        ("_title_from_render", "present_anchor_ids", "links_to_anchors"),
        "De site wordt goed gebouwd, alleen langzamer: elke pagina wordt opnieuw gemaakt."),
    "canonical_url": Patch(
        "adressen van gemaakte pagina's snel bepalen", {"mkdocs": ("1.6.",)}, "_set_canonical_url", (),
        "De site wordt goed gebouwd, alleen iets langzamer."),
    "write_changed": Patch(
        "alleen gewijzigde pagina's opnieuw schrijven", {"mkdocs": ("1.6.",)}, "is_modified", ("page", "abs_dest_path"),
        "De voorvertoning schrijft na elke wijziging alle pagina's opnieuw. Dat werkt goed, alleen langzamer."),
    "quick_rebuild": Patch(
        "alleen de gewijzigde pagina's bijwerken in de voorvertoning", {"mkdocs": ("1.6.",)}, "_populate_page", ("_build_page",),
        "De voorvertoning werkt, maar bouwt na elke wijziging de hele site opnieuw; dat duurt langer."),
    "wait_for_build": Patch(
        "downloads in de voorvertoning pas na het bouwen maken", {"mkdocs": ("1.6.",)}, "_epoch_cond", ("_visible_epoch", "_wanted_epoch"),
        "Een download die gevraagd wordt terwijl de voorvertoning bouwt, kan nog de vorige versie zijn."),
    "reuse_pages": Patch(
        "ongewijzigde pagina's uit de vorige site nemen", {"mkdocs": ("1.6.",)}, "_build_page", (),
        "De site wordt goed gebouwd, alleen langzamer: elke pagina wordt opnieuw in het thema gezet."),
    "toggles": Patch(
        "menu en zoeken zonder autocomplete", {"mkdocs-material": ("9.",)}, None, (),
        "De site werkt hetzelfde; alleen staat er in elke pagina een kleine HTML-fout van het thema."),
}

#: key -> whether the installed libraries are versions the patch was written for (asked once: per page is too often).
_verdicts: dict[str, bool] = {}
#: The patches whose being off has been said.
_warned: set[str] = set()


def enabled(*keys: str) -> bool:
    """Whether the installed libraries are versions that patches `keys` were written for.

    Says once per patch when not: called in `on_startup` to say it before
    `mkdocs build --strict` counts warnings, and per page where only the
    version matters (`toggles`).
    """
    return all([_enabled(key) for key in keys])  # a list: every one that is off is said, not only the first


def _enabled(key: str) -> bool:
    if key not in _verdicts:
        wrong = [(_running(name), versions) for name, versions in PATCHES[key].versions.items()
                 if not (_installed(_running(name)) or "").startswith(versions)]
        _verdicts[key] = not wrong
        if wrong:
            name, versions = wrong[0]
            found = _installed(name)
            here = f"hier staat {found}" if found else "die is hier niet geïnstalleerd"
            _warn(key, f"die is geschreven voor {name} {' of '.join(v + 'x' for v in versions)} en {here}")
    return _verdicts[key]


def apply(key: str, target: Any, make: Callable[[Any], Any]) -> bool:
    """Replace the attribute of patch `key` on `target` by `make(the attribute)`; False (said once) when that is not safe.

    This is the one place where another library's attribute is replaced, so no
    patch escapes the check of versions and attributes.
    """
    patch = PATCHES[key]
    if not _enabled(key):
        return False
    missing = [name for name in (patch.attribute, *patch.uses) if not hasattr(target, name)]
    if missing:
        libraries = " en ".join(f"{_running(name)} {_installed(_running(name))}" for name in patch.versions)
        _warn(key, f"in {libraries} ontbreekt wat die gebruikt ({', '.join(missing)})")
        return False
    original = getattr(target, patch.attribute)
    if getattr(original, "wegwijzer_patch", None) == key:
        return True  # a class patched before: plugins may start again in one process (tests, the preview)
    replacement = make(original)
    if isinstance(target, type):
        replacement.wegwijzer_patch = key
    setattr(target, patch.attribute, replacement)
    return True


def usable(key: str, target: Any) -> bool:
    """Whether patch `key`, which calls what it names on `target` instead of replacing it, may do so (said once when not)."""
    patch = PATCHES[key]
    if not _enabled(key):
        return False
    missing = [name for name in (patch.attribute, *patch.uses) if not hasattr(target, name)]
    if missing:
        libraries = " en ".join(f"{_running(name)} {_installed(_running(name))}" for name in patch.versions)
        _warn(key, f"in {libraries} ontbreekt wat die gebruikt ({', '.join(missing)})")
        return False
    return True


def _warn(key: str, why: str) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(f"De aanpassing '{PATCHES[key].title}' is uitgeschakeld: {why}. {PATCHES[key].lost}")


def _running(distribution: str) -> str:
    """The distribution whose code runs as `distribution`: ProperDocs when its alias stands in for MkDocs."""
    module = sys.modules.get("mkdocs")
    if distribution == "mkdocs" and module is not None and module is sys.modules.get("properdocs"):
        return "properdocs"
    return distribution


def _installed(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


# -- dutch_abort ------------------------------------------------------------------------------


def dutch_abort() -> bool:
    """Let a failed build end in Dutch; False (said once) on an unknown MkDocs or click."""
    from mkdocs.exceptions import Abort

    return apply("dutch_abort", Abort, lambda show: _show_abort)


def _dutch_abort(message: str) -> str:
    """The last line of a failed build, in Dutch."""
    if message == "Aborted with a BuildError!":
        return "De site is niet gebouwd: los de fouten hierboven op."
    strict = re.match(r"Aborted with (.*) in strict mode!$", message)
    if strict:
        counts = strict.group(1).replace("warnings", "waarschuwingen").replace("warning", "waarschuwing").replace("errors", "fouten").replace("error", "fout")
        return f"De site is niet gebouwd: {counts} met --strict (zie hierboven)."
    return message


def _show_abort(self, *args, **kwargs) -> None:
    import click

    click.echo("\n" + _dutch_abort(self.format_message()), err=True)


# -- native_observer and theme_listing ----------------------------------------------------------

#: Seconds the preview waits after a change for more changes (MkDocs waits 0.1 s).
BUILD_DELAY = 0.05


def quick_rebuilds(server) -> bool:
    """Let the preview hear of a change at once and rebuild sooner; False when that is not safe (it polls then)."""
    if getattr(server, "_watched_paths", {}):
        return False  # folders are watched already: they stay with the observer that has them
    apply("theme_listing", jinja2.FileSystemLoader, _kept_package_listings)

    def native(polling):
        from watchdog.observers import Observer

        server.build_delay = min(server.build_delay, BUILD_DELAY)
        return _NativeOrPolling(polling, Observer())

    return apply("native_observer", server, native)


#: Folders of installed packages: what is inside does not change while the preview runs.
_PACKAGES = tuple(os.path.realpath(p) + os.sep for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})


def _kept_package_listings(listing):
    kept: dict[tuple, list[str]] = {}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for path in self.searchpath:
            key = (os.fspath(path), self.followlinks)
            if key not in kept:
                names = listing(jinja2.FileSystemLoader([path], followlinks=self.followlinks))
                if not os.path.realpath(path).startswith(_PACKAGES):
                    found.update(names)
                    continue
                kept[key] = names
            found.update(kept[key])
        return sorted(found)

    return list_templates


class _ChangesOnly:
    """Passes on a change to a file, not its being read: inotify also reports every file the build opens,
    and MkDocs would build again for each. Nor the editor's temporary file, renamed into place at once."""

    CHANGES = frozenset({"created", "modified", "moved", "deleted"})

    def __init__(self, handler) -> None:
        self.handler = handler

    def dispatch(self, event) -> None:
        name = os.path.basename(getattr(event, "dest_path", "") or event.src_path)
        if event.event_type in self.CHANGES and not name.startswith(".opslaan-"):
            self.handler.dispatch(event)


class _NativeOrPolling:
    """watchdog's native observer; a folder it cannot watch (no inotify watches left) goes to the polling one."""

    def __init__(self, polling, native) -> None:
        self.polling, self.native = polling, native
        self._timeout = polling.timeout  # set by the catalogus plugin (`poll_often`), passed on to the polling observer

    def schedule(self, handler, path, recursive=True):
        if os.path.isdir(path):  # a single file (mkdocs.yml): inotify would watch its whole folder, logs and caches too
            try:
                return self.native.schedule(_ChangesOnly(handler), path, recursive=recursive)
            except OSError:
                pass
        self.polling._timeout = self._timeout
        return self.polling.schedule(handler, path, recursive=recursive)

    def unschedule(self, watch) -> None:
        for observer in (self.native, self.polling):
            try:
                observer.unschedule(watch)
                return
            except KeyError:
                continue

    def start(self) -> None:
        self.native.start()
        self.polling.start()

    def stop(self) -> None:
        self.native.stop()
        self.polling.stop()

    def join(self, timeout=None) -> None:
        self.native.join(timeout)
        self.polling.join(timeout)


# -- live_reload_csp ------------------------------------------------------------------------------


def live_reload_under_policy() -> bool:
    """Let the preview's live reload script run under the page's policy; False (said once) when that is not safe."""
    from mkdocs.livereload import LiveReloadServer

    return apply("live_reload_csp", LiveReloadServer, _with_script_allowed)


def _with_script_allowed(inject):
    def injected(self, content: bytes, epoch: int) -> bytes:
        result = inject(self, content, epoch)
        start = result.rfind(b"<script>", 0, result.rfind(b"</body>") if b"</body>" in result else len(result))
        end = result.find(b"</script>", start)
        if start < 0 or end < 0:
            return result
        body = result[start + len(b"<script>"):end].decode("utf-8")
        return allow_script(result.decode("utf-8"), body).encode("utf-8")

    return injected
