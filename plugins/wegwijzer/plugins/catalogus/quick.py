"""A save in the catalogus, shown in the preview without building the whole site again.

After an editor saves a knelpunt, MkDocs builds the whole site: at 1,000
knelpunten it makes some 3,000 page objects, reads, compares and fills in every
one of them, and that floor of about 1.5 s is there before a single page
changes (issue 30). Yet such a save changes the catalogus only, and
`pages/dependencies.py` knows which pages read what changed.

So when only the catalogus changed since the last build that succeeded, the
preview keeps that build's files, pages, navigation and theme, and

1. loads the catalogus again, and checks it as a build does (links in the pages too);
2. renders again only the generated pages whose reads changed, and expands again
   only the `[[links]]` whose entries changed (`Kept`);
3. asks the other plugins for their files (the tools' data and pages, printing's
   pages and PDFs, the editor's settings) and takes those whose content differs;
   the open data and the dossier's table are made when the preview is asked for
   one (`CatalogusPlugin.fresh_data`);
4. reads those pages through MkDocs' own steps (`_populate_page`): every plugin
   sees them as in a build; so are the layers' own pages (`paginas/`), which are
   read from disk (their pictures are copied when they changed);
5. writes each page whose HTML, title, table of contents or date differs
   (`preview.py` decides, as for a build), and each file whose content differs;
6. ends as a build ends (`on_post_build`): the search index and the PDFs follow.

Anything else takes the whole build, as before: a change outside the catalogus
(`mkdocs.yml`, the docs folder, the theme, a watched folder), a catalogus with
problems (the build reports them), a page or file more or less (in the site or
in the catalogus' layers, where a new file may stand in for a base's), a commit
(it dates files anew: "Laatst gewijzigd" is the day of a file's last commit),
another guide name, footer or colours (`catalogus.yml`'s info), other reading
routes, a new title for a page in the menu, another reading time of the short
route, and any error on the way. All that is decided before anything is written;
an error after that makes the next build write every page again.

`tests/test_quick.py` edits the example in many ways (two attacks on this module
added theirs) and compares the site this writes with the one a whole build that
keeps nothing writes. It calls two private
functions of MkDocs' build (`_populate_page`, `_build_page`), so it runs only on
the MkDocs it was written for (patch `quick_rebuild` in `patches.py`).
"""

from __future__ import annotations

import functools
import logging
import os
import time
from datetime import date
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import Files, InclusionLevel

from ... import cache
from ...catalogus import CatalogusError, load_catalogus
from ...catalogus.handpaginas import base_pages, page_problems, replaced
from ...catalogus.leestijd import heeft_leestijd, vul_leestijd_in, woorden_in_html
from ...catalogus.loader import display_path
from ...catalogus.paginainfo import Bronbestanden, Gewijzigd, commits_checked_out
from ...catalogus.model import datum_nl
from ...pages.generated import environment, page_specs, render
from ...pages.leesroutes import leesroutes
from ...pages.routes import mkb_path_of
from .. import patches
from .framed import FramedPage, GeneratedPage
from ..pagina_bestand import bronnen_van

log = logging.getLogger("mkdocs.plugins.wegwijzer.catalogus")


class Outside:
    """What a build reads besides the catalogus: `mkdocs.yml`, the docs folder, the theme folders one can
    edit, and what `watch:` names. Its state at the start of a build, to see whether anything of it changed."""

    def __init__(self, config, theme: Path) -> None:
        self.paths = [Path(p) for p in (config.config_file_path, config.docs_dir, config.theme.custom_dir, theme, *config.watch) if p]
        self.state = self.now()

    def now(self) -> list[str]:
        found: list[str] = []
        for path in self.paths:
            if path.is_dir():
                cache.folder_state(path, found)
            else:
                try:
                    found.append(f"{path}\0{cache.file_state(path.stat())}")
                except OSError:
                    found.append(f"{path}\0-")
        return found

    def changed(self) -> bool:
        return self.now() != self.state


def layer_files(lagen) -> set[str]:
    """Every file in the catalogus' layers: one more or less (an own copy of a base file, a new `normen.yml`)
    changes which file a page is made of, and its date."""
    found: set[str] = set()
    for laag in lagen:
        for root, folders, names in os.walk(laag):
            folders[:] = [f for f in folders if f != "__pycache__"]
            found.update(os.path.join(root, name) for name in names)
    return found


class Last:
    """What the last successful build of the preview leaves for a quick one."""

    def __init__(self, config, env, outside: Outside, plugin) -> None:
        self.config, self.env, self.outside = config, env, outside
        self.own = plugin.own  # the files of the docs folder and theme, as on_files got them
        self.others = plugin.others  # what the other plugins added in on_files
        self.layer_files = plugin.layer_files  # the files of the catalogus' layers when it was loaded
        self.commits = plugin.commits  # the commit of each repository they are in: a commit dates files anew
        self.step_words, self.words = plugin.step_words, plugin.words  # the short route's pages, for its reading time
        # The titles `nav:` gives pages: MkDocs keeps a title once it is set, also one the cleaning of a
        # page set from its heading (page_safety.py); a page read again gets its heading's title anew.
        self.titles_from_nav = plugin.titles_from_nav


def rebuild(plugin) -> str | None:
    """Bring the preview up to date after a save in the catalogus; the reason in Dutch when the whole build must do it."""
    last: Last | None = plugin.last
    if last is None:
        return "de vorige bouw is niet gelukt"
    if not patches.usable("quick_rebuild", mkdocs_build):
        return "deze versie van MkDocs"
    start = time.monotonic()
    config, files, nav = last.config, plugin.files, plugin.nav
    if last.outside.changed():
        return "er is iets buiten de catalogus gewijzigd"
    try:
        catalogus = load_catalogus(plugin.folder)
    except CatalogusError:
        return "de catalogus heeft fouten"  # the build reports them, and keeps the last good catalogus
    old = plugin.catalogus
    if catalogus.info != old.info or catalogus.lagen != old.lagen:
        return "de gegevens van de gids zijn gewijzigd"
    if layer_files(catalogus.lagen) != last.layer_files:
        return "er is een bestand bij of af in de catalogus"
    if commits_checked_out([config.docs_dir, *catalogus.lagen]) != last.commits:
        return "er is iets vastgelegd in git"
    pages = {uri: str(path) for uri, path in base_pages(catalogus, last.own).items()}
    if pages != plugin.pages or catalogus.pagina_bronnen != old.pagina_bronnen:
        return "de pagina's van de basis zijn anders"
    own_versions = replaced(catalogus, last.own)
    generated = {spec.src_uri: spec for spec in page_specs(catalogus) if spec.src_uri not in own_versions}
    if generated.keys() != plugin.generated.keys():
        return "er is een pagina bij of af"
    if page_problems(catalogus, Path(config.docs_dir), generated, display_path):
        return "een pagina heeft fouten"
    routes = leesroutes(catalogus, lambda pad: files.get_file_from_path(pad) is not None)
    if routes != plugin.routes:
        return "de leesroutes zijn anders"

    # From here on the new catalogus is the preview's; a whole build after this starts from it as well.
    plugin.catalogus, plugin.generated, plugin.routes = catalogus, generated, routes
    config.plugins.on_pre_build(config=config)
    for warning in catalogus.waarschuwingen:
        log.warning(str(warning))
    plugin._check_reading_time()
    kept = plugin.kept
    expanded_before = set(kept.expanded)
    page_env = environment()
    make = functools.partial(render, use_directory_urls=config.use_directory_urls)
    kept.start(catalogus, page_env, config.use_directory_urls)
    again: dict[str, object] = {}  # src_uri -> page: read again
    for uri, spec in generated.items():
        before = kept.renders.get(uri)
        made = kept.render(page_env, spec, make)
        if before is not None and before[3] is made:
            continue
        file = files.get_file_from_path(uri)
        if file is None or type(file.page) is not (FramedPage if made.frame is not None else GeneratedPage):
            return "een pagina is van een andere soort"
        file.content_string = made.markdown
        file.ww_bronnen = tuple(spec.bronnen)
        file.page.opgemaakt = made
        again[uri] = file.page
    for uri in expanded_before - set(kept.expanded):  # its links point to entries that changed
        file = files.get_file_from_path(uri)
        if file is not None and file.page is not None:
            again[uri] = file.page
    changed_files = []
    for uri in plugin.pages:  # the layers' own pages and pictures (`paginas/`), read from disk
        file = files.get_file_from_path(uri)
        if file is not None and file.page is not None:
            again[uri] = file.page
        elif file is not None:
            changed_files.append(file)

    made_files = Files([])
    for on_files in config.plugins.events["files"]:
        if getattr(on_files, "__self__", None) is not plugin:
            made_files = on_files(made_files, config=config)
    if {file.src_uri for file in made_files} != last.others:
        return "een andere plugin maakt andere bestanden"
    for new in made_files:
        file = files.get_file_from_path(new.src_uri)
        if file is None:
            return "er is een bestand bij"
        if new.abs_src_path is not None or new._content is None:  # a file as it is, from disk
            if new.abs_src_path != file.abs_src_path:
                return "een bestand komt van een andere plek"
            continue
        if new.is_documentation_page():
            if new.content_string != file.content_string or bronnen_van(new) != bronnen_van(file):
                file.content_string = new.content_string
                file.ww_bronnen = bronnen_van(new)
                again[file.src_uri] = file.page
        elif new.content_bytes != file.content_bytes:
            file.content_bytes = new.content_bytes
            changed_files.append(file)

    menu = plugin.menu_pages
    titles = {uri: page.title for uri, page in again.items() if uri in menu}
    steps = {mkb_path_of(stap) for stap in catalogus.stappen}
    for uri, page in again.items():
        vars(page).pop("title", None)  # MkDocs keeps a title once set (`weak_property`): as for a new page
        if uri in last.titles_from_nav:
            page.title = last.titles_from_nav[uri]
        mkdocs_build._populate_page(page, config, files)
    if any(menu[uri].title != title for uri, title in titles.items()):
        return "een titel in het menu is anders"
    if any(woorden_in_html(page.content) != last.step_words[uri] for uri, page in again.items() if uri in steps):
        return "de leestijd van de korte route is anders"
    for page in again.values():
        if heeft_leestijd(page.content):
            page.content = vul_leestijd_in(page.content, last.words)
    dated = {**again, **{uri: files.get_file_from_path(uri).page for uri in plugin.sources.saved()}}
    plugin.sources.date({uri: page for uri, page in dated.items() if page is not None}, catalogus, last.layer_files)

    # Written: what looks different. An error from here on leaves pages of both versions: written all next time.
    try:
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        plugin.preview.pending = {}
        written = 0
        for page in dated.values():
            if page is not None and plugin.preview._is_modified(page.file):
                mkdocs_build._build_page(page, config, doc_files, nav, last.env)
                written += 1
        for file in changed_files:
            if plugin.preview._content_changed(file):
                file.copy_file()
        for uri in plugin.data_paths:  # made when asked for (`fresh_data`); the next whole build writes them in any case
            plugin.preview.written.pop(files.get_file_from_path(uri).abs_dest_path, None)
        config.plugins.on_post_build(config=config)
    except Exception:
        plugin.preview.failed()
        raise
    seconds = f"{time.monotonic() - start:.2f}".replace(".", ",")
    log.info(f"De voorvertoning is bijgewerkt in {seconds} seconden: {len(again)} pagina's opnieuw gelezen, {written} geschreven")
    return None


class Sources:
    """Which files each page is made of, and the day each last changed, for "Laatst gewijzigd" (`paginainfo.py`).

    The whole build dates every file; a quick one only the files saved since, and those a page names anew:
    a page's day is the newest of its files' days, however many pages share a file (a list of all knelpunten)."""

    def __init__(self) -> None:
        self.of: dict[str, list[str]] = {}  # src_uri -> its files
        self.days: dict[str, date | None] = {}  # file -> the day it last changed
        self.saved_at: dict[str, int | None] = {}  # file -> its time of saving when it was dated
        self.now: dict[str, int | None] = {}  # file -> its time of saving, as this rebuild found it (`saved`)

    def remember(self, of: dict[str, list[str]], dates: Gewijzigd) -> None:
        """What the whole build found: each page's files (`of`), dated by `dates`."""
        self.of = of
        paths = {path for paths in of.values() for path in paths}
        self.days = {path: dates.dag([path]) for path in paths}
        self.saved_at = {path: _saved(path) for path in paths}

    def saved(self) -> set[str]:
        """The pages one of whose files was saved since it was dated. The times looked up are the rebuild's
        (`date` takes them too): one look at each file."""
        self.now = {path: _saved(path) for path in self.saved_at}
        changed = {path for path, at in self.saved_at.items() if self.now[path] != at}
        return {uri for uri, paths in self.of.items() if not changed.isdisjoint(paths)}

    def date(self, pages: dict, catalogus, bestanden: set[str] | None = None) -> None:
        """Date `pages` (src_uri -> page) again, from the files they are made of now (`bestanden`: the files
        of the catalogus' layers, when known)."""
        sources = Bronbestanden(catalogus, bestanden=bestanden)
        for uri, page in pages.items():
            file = page.file
            self.of[uri] = [file.abs_src_path] if not file.generated_by and file.abs_src_path else sources.voor(uri, bronnen_van(file))
        now = self.now
        at = lambda path: now[path] if path in now else _saved(path)  # noqa: E731
        new = {path for uri in pages for path in self.of[uri] if path not in self.days or at(path) != self.saved_at[path]}
        if new:
            dates = Gewijzigd(new)
            for path in new:
                self.days[path], self.saved_at[path] = dates.dag([path]), at(path)
        self.now = {}
        for uri, page in pages.items():
            day = max((d for path in self.of[uri] if (d := self.days[path]) is not None), default=None)
            page.meta.pop("ww_gewijzigd", None)
            if day is not None:
                page.meta["ww_gewijzigd"] = {"datum": day.isoformat(), "tekst": datum_nl(day)}


def _saved(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
