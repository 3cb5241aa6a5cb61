"""The `wegwijzer/catalogus` plugin: the catalogus model becomes pages.

Events, in the order MkDocs calls them:

- `on_config`: load the catalogus; any problem stops the build before a file is
  written, with every problem listed (no traceback, no half-written site).
  Under `mkdocs serve` the problems are listed and the last good catalogus
  is kept, so the preview stays up while an editor is mid-change. The
  guide's name, publisher and house style come from `catalogus.yml`, and the
  MKB-route's reading time is checked against its promise.
- `on_files`: add the pages the catalogus brings (its `paginas/`, unless
  `content/` has its own), check `[[links]]` in all hand-written pages, then add
  one virtual page (`File.generated`) per step, substep, factor, knelpunt and
  oplossing, plus the index pages.
- `on_page_markdown`: expand `[[soort:id]]` on every page into a relative link;
  front matter is text, never markup (`page_safety.py`).
- `on_page_content`, last of all plugins: the page's HTML keeps only what the
  allowlist of `sanitize.py` keeps; `on_post_page` and `on_post_template` put a
  Content-Security-Policy in every page (`csp.py`).
- `on_serve`: rebuild when the catalogus or its base changes, and guard the
  preview server (`preview_server.py`: problems on every page, never stuck,
  this computer only); `on_nav`,
  `on_pre_page` and `on_env` let a rebuild redo only the pages that changed (`preview.py`);
  garbage is collected between rebuilds, not during them (`memory.py`).
- `on_post_build`, `on_build_error`, `on_shutdown`: `mkdocs build` writes into a
  folder beside the site and swaps it in only when nothing failed (`atomic.py`).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import posixpath
import re
import threading
import time
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from ... import cache
from ...catalogus import CatalogusError, load_catalogus
from ...catalogus.json_schema import json_schemas
from ...catalogus.leestijd import WOORDEN_PER_MINUUT, heeft_leestijd, minuten, mkb_leestijd, vul_leestijd_in, woorden_in_html
from ...catalogus.handpaginas import EIGEN_VERSIE_MOGELIJK, base_pages, page_problems, replaced, settings_problems
from ...catalogus.model import datum_nl
from ...catalogus.paginainfo import Bronbestanden, Gewijzigd, contact_van, commits_checked_out
from ...catalogus.links import expand_links, find_links
from ...catalogus.loader import display_path
from ...catalogus.dossier import to_csv as dossier_csv
from ...catalogus.model import KANT, Catalogus, Info
from ...catalogus.open_data import to_json
from ...preview_server import guard, wait_for_build
from ...whole_file import write_atomic
from ...css import css_string
from ..csp import with_policy
from ..material_markup import without_autocomplete
from .. import patches
from ...jinja_cache import CompiledTemplates
from ... import json_text
from ..kept_nav import keep_menu
from .atomic import AtomicSite
from .framed import FramedPage, GeneratedPage, nav_titles, quick_canonical_url
from ..pagina_bestand import bronnen_van, gemaakte_pagina
from .page_safety import CleanPages, page_templates, safe_meta
from .config import CatalogusConfig, cache_choice
from . import memory, quick
from .preview import Preview
from .kept_pages import KeptPages
from .rendered import Rendered
from ...pages.dependencies import Kept
from ...pages.generated import DOSSIER_CSV, environment, page_specs, render, render_quote, render_sources
from ...pages.leesroutes import leesroutes, plekken, voor_javascript, weergave
from ...pages.routes import markdown_link, mkb_path_of, paden_voor_javascript, site_url, zoeksoort
from .theme_assets import minify_theme_css

log = get_plugin_logger(__name__)


class _DutchBuildLog(logging.Filter):
    """MkDocs' own lines about the build, in Dutch; the temporary folder of `atomic.py` stays out of sight."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message == "Cleaning site directory":
            return False  # the build writes into a new, empty folder anyway
        if message.startswith("A 'dirty' build is being performed"):
            return False  # the preview's rebuilds are dirty on purpose, and right (preview.py)
        if message.startswith("Building documentation to directory: "):
            folder = message.split(": ", 1)[1]
            folder = re.sub(r"([\\/])\.([^\\/]+)-bouw-[^\\/]+$", r"\1\2", folder)  # where the site ends up
            record.msg, record.args = f"De site wordt gebouwd in {folder}", None
        elif message.startswith("Documentation built in "):
            seconds = message.removeprefix("Documentation built in ").split(" ")[0]
            record.msg, record.args = f"De site is gebouwd in {seconds.replace('.', ',')} seconden", None
        return True


for _build_log in map(logging.getLogger, ("mkdocs.commands.build", "properdocs.commands.build")):  # ProperDocs: engine.py
    if not any(isinstance(f, _DutchBuildLog) for f in _build_log.filters):
        _build_log.addFilter(_DutchBuildLog())

#: Generated stylesheet with the house colour of catalogus.yml.
HUISSTIJL_CSS = "assets/stylesheets/huisstijl.css"
#: A signpost in the organisation's colour; Material's own favicon is a 1.8 KB PNG on every first view.
FAVICON = "assets/images/wegwijzer.svg"
MATERIAL_FAVICON = "assets/images/favicon.png"
#: The resolved catalogus as open data, at a path reusers can rely on.
OPEN_DATA = "data/catalogus.json"
#: How the addresses of the data files end (`fresh_data`).
DATA_ENDINGS = ("/" + OPEN_DATA, "/" + DOSSIER_CSV)
#: The theme's templates (Material's and ours), compiled once and kept (`jinja_cache`).
THEME_COMPILED = CompiledTemplates()
#: The theme layer shipped with the package (templates, CSS, JavaScript).
THEME = Path(__file__).resolve().parents[2] / "theme"


class CatalogusPlugin(BasePlugin[CatalogusConfig]):
    catalogus = None  # the last catalogus that loaded without problems
    serving = False  # under `mkdocs serve`
    atomic = None  # under `mkdocs build`: the site swapped in only on success
    preview = None  # under `mkdocs serve`: what a rebuild can keep of the last one
    tidy = None  # under `mkdocs serve`: garbage collection after a rebuild
    kept = None  # under `mkdocs serve`: the generated pages and expanded links of the last build
    open_data = None  # under `mkdocs serve`: the text of the open data's entries
    last = None  # under `mkdocs serve`: what the last successful build leaves for a quick rebuild (quick.py)
    outside = None  # under `mkdocs serve`: what this build read besides the catalogus (quick.py)
    data_for = None  # under `mkdocs serve`: the catalogus the data files in the site were made of (`fresh_data`)
    data_paths = (OPEN_DATA, DOSSIER_CSV)  # the data files (`data_files`)
    data_site = None  # under `mkdocs serve`: the site folder of the last build that succeeded
    shown = None  # under `mkdocs serve`: the catalogus of the last build that succeeded

    def on_startup(self, command, dirty):
        # Having on_startup keeps this plugin object across rebuilds of `mkdocs serve`.
        self.serving = command == "serve"
        self.atomic = AtomicSite() if command == "build" else None
        self.kept_pages = KeptPages() if command == "build" else None  # pages as the last build wrote them
        self.preview = Preview() if self.serving else None
        self.tidy = memory.Tidy() if self.serving else None  # garbage collected between rebuilds (memory.py)
        self.rendered = Rendered()  # kept across the preview's rebuilds, as this plugin object is
        self.kept = Kept() if self.serving else None  # generated pages and links, while what they read is the same
        self.open_data = json_text.KeptJson() if self.serving else None  # the open data's entries, written once each
        self.clean = CleanPages(keep=self.serving)
        self.sources = quick.Sources()  # which files each page is made of, for "Laatst gewijzigd"
        self.last = None
        self.building = threading.Lock()  # held while the preview builds: a data file asked for meanwhile is made after it
        # Here, before MkDocs counts warnings for --strict: a patch that is off must not stop a publication.
        patches.dutch_abort()  # MkDocs prints the last line of a failed build itself, after every plugin has run
        patches.enabled("menu_once", "toggles", "reuse_html")
        patches.apply("canonical_url", GeneratedPage, quick_canonical_url)
        # The preview server adds a script of its own to each page; without the patch the policy would block it.
        self.policy = patches.live_reload_under_policy() if self.serving else True

    def on_config(self, config):
        if self.serving:  # before anything is read: a save meanwhile is then seen by the next rebuild
            self.outside = quick.Outside(config, THEME)
        self.folder = os.path.join(os.path.dirname(config.config_file_path), self.config.catalogus)
        printing = config.plugins.get("wegwijzer/print")
        print_cache_dir = printing.config.cache_dir if printing else ""
        if print_cache_dir:
            log.info("'cache_dir' bij wegwijzer/print is verouderd; het werkt nog. Zet voortaan 'cache_dir' (een map) of 'cache: false' (geen) bij wegwijzer/catalogus.")
        cache.choose(*cache_choice(Path(config.config_file_path).parent, self.config, print_cache_dir))
        try:
            self.catalogus = load_catalogus(self.folder)
        except CatalogusError as error:
            if not (self.serving and self.catalogus):
                raise PluginError(error.report()) from None
            # While previewing, an editor's half-finished change must not take the site away:
            # show the problems and keep building from the last catalogus that was right.
            # The time makes each report new: MkDocs drops a log line it has shown before (DuplicateFilter),
            # so the same mistake after a second save would otherwise go unreported.
            log.error(f"[{time.strftime('%H:%M:%S')}] " + error.report() + "\nDe voorvertoning toont de laatste goede versie tot de fouten zijn opgelost.")
        else:
            for warning in self.catalogus.waarschuwingen:  # old field names: still read, but say what to write now
                log.warning(str(warning))
            if self.serving:  # as loaded: a file more or less, or a commit, later takes the whole build (quick.py)
                self.layer_files = quick.layer_files(self.catalogus.lagen)
                self.commits = commits_checked_out([config.docs_dir, *self.catalogus.lagen])
        info = self.catalogus.info
        # The theme puts these into HTML as they are: escape, they are catalogus text.
        config.site_name = str(escape(info.titel))
        config.copyright = str(escape(colophon(info)))
        if info.huisstijl.logo:  # a path in the docs folder (handpaginas.logo_problems), written as a URL path
            config.theme["logo"] = quote(info.huisstijl.logo, safe="/")
        if config.theme["favicon"] == MATERIAL_FAVICON:  # an organisation's own favicon stays
            config.theme["favicon"] = FAVICON
        config.extra_css.append(HUISSTIJL_CSS)
        # Every page tells the browser tools under which guide and version to keep a visitor's work.
        config.extra["wegwijzer_opslag"] = info.opslag
        # The footer's "Vraag of opmerking?": a link only for an e-mail address or website (paginainfo.py).
        contact = contact_van(info.contact)
        config.extra["wegwijzer_contact"] = None if contact is None else {"soort": contact.soort, "tekst": contact.tekst, "href": contact.href}
        # The Wegwijzer's templates, styles and scripts: after the project's own overrides, before material.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        self._check_reading_time()
        custom_dir = config.theme.custom_dir
        outside = settings_problems(Path(config.config_file_path).parent, Path(config.docs_dir), Path(custom_dir) if custom_dir else None, display_path)
        if outside:
            raise PluginError(str(CatalogusError(outside)).replace("De catalogus bevat", "mkdocs.yml bevat", 1))
        self.templates = page_templates(custom_dir)
        if self.atomic:
            self.atomic.start(config)
            if self.kept_pages:
                self.kept_pages.start(self.atomic.target)
        return config

    def on_post_build(self, config):
        if not self.serving:
            memory.release()
        else:  # a save in the catalogus only can now be shown without the whole build (quick.py)
            self.last = quick.Last(config, self.env, self.outside, self)
            self.data_site = config.site_dir  # where `fresh_data` writes, also after a build that failed
            self.shown = self.catalogus  # what the pages show until the next build succeeds
        if self.atomic:
            self.atomic.built()
        if self.kept_pages:
            self.kept_pages.built(config.site_dir)
        self.rendered.built(previewing=self.serving)
        if self.preview:
            self.preview.built(self.files, os.path.abspath(config.site_dir))
        if self.tidy:
            self.tidy.soon()

    def on_build_error(self, error):
        self.last = None
        if not self.serving:
            memory.release()
        if self.atomic:
            self.atomic.failed()
        self.rendered.failed()
        if self.preview:
            self.preview.failed()
        if self.tidy:
            self.tidy.soon()

    def on_shutdown(self):
        if self.atomic:
            self.atomic.finish()
        if self.tidy:
            self.tidy.stop()

    def _check_reading_time(self) -> None:
        words, minutes = mkb_leestijd(self.catalogus)
        limit = self.catalogus.info.mkb_leestijd_max
        if minutes > limit:
            log.warning(
                f"de MKB-route kost ongeveer {minutes} minuten om te lezen ({words} woorden, "
                f"{WOORDEN_PER_MINUUT} per minuut); de belofte is hoogstens {limit} minuten "
                "(mkb_leestijd_max in catalogus.yml). Maak de MKB-teksten in stappen/*.yml korter."
            )

    def on_files(self, files: Files, config) -> Files:
        own = self.own = {file.src_uri for file in files}
        self.pages = {uri: str(path) for uri, path in base_pages(self.catalogus, own).items()}
        for uri, path in self.pages.items():
            files.append(File.generated(config, uri, abs_src_path=path))
        own_versions = replaced(self.catalogus, own)  # the organisation's own accessibility or privacy statement
        generated = self.generated = {spec.src_uri: spec for spec in page_specs(self.catalogus) if spec.src_uri not in own_versions}
        # One implementation for the build and `wegwijzer check`: links, unsafe targets, clashes, logo.
        # Reads each page itself, after making sure it can be read (not UTF-8, unreadable, a pipe, a link out).
        problems = page_problems(self.catalogus, Path(config.docs_dir), generated, display_path)
        if problems:
            raise PluginError(str(CatalogusError(problems)))
        in_nav = _nav_uris(config.nav)
        self.hand_written = [] if in_nav is None else [
            file for file in files.documentation_pages()
            if (not file.generated_by or file.src_uri in self.pages) and file.src_uri not in in_nav
            and file.src_uri not in EIGEN_VERSIE_MOGELIJK  # linked from the footer, like the generated ones
        ]
        for file in self.hand_written:  # added to the navigation in on_nav, without MkDocs' English notice
            file.inclusion = InclusionLevel.NOT_IN_NAV
        for uri in own_versions:  # reached from the footer on every page, not the menu
            if files.get_file_from_path(uri) is not None and uri not in (in_nav or ()):
                files.get_file_from_path(uri).inclusion = InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, HUISSTIJL_CSS, content=_huisstijl_css(self.catalogus.info)))
        if config.theme["favicon"] == FAVICON:
            files.append(File.generated(config, FAVICON, content=_favicon(self.catalogus.info.huisstijl.kleur)))
        for uri, content in self.data_files(self.catalogus).items():
            files.append(File.generated(config, uri, content=content))
        self.data_for = self.catalogus
        for name, content in _schema_texts().items():
            files.append(File.generated(config, f"schema/{name}.json", content=content))
        minify_theme_css(files, str(THEME))
        env = environment()
        make = functools.partial(render, use_directory_urls=config.use_directory_urls)
        if self.kept:
            self.kept.start(self.catalogus, env, config.use_directory_urls)
        for spec in generated.values():
            page = self.kept.render(env, spec, make) if self.kept else make(env, spec, self.catalogus)
            file = gemaakte_pagina(config, spec.src_uri, page.markdown, spec.bronnen)
            files.append(file)
            (FramedPage if page.frame is not None else GeneratedPage)(file, config, page)
        self.made_here = {file.src_uri for file in files}
        return files

    def data_files(self, catalogus: Catalogus) -> dict[str, str]:
        """The catalogus as open data (JSON) and as the dossier's table, at stable paths.

        A whole build writes them with the site. The preview's quick rebuild leaves them (a seventh of
        its time at 1,000 knelpunten, for two downloads): the preview makes them when one is asked for
        (`fresh_data`), so what it serves is always made of the catalogus it shows."""
        open_data = to_json(catalogus)
        return {
            OPEN_DATA: self.open_data.dumps(open_data) if self.open_data else json_text.dumps(open_data),
            DOSSIER_CSV: dossier_csv(catalogus),
        }

    def on_nav(self, nav, config, files):
        nav_titles(config.nav, files)
        add_to_nav(nav, [file.page for file in self.hand_written if file.page is not None])
        self.rendered.start(config)
        if self.preview:
            self.preview.new_build(files)
        self.nav, self.files = nav, files
        self.others = {file.src_uri for file in files} - self.made_here  # what the other plugins made
        self.titles_from_nav = {page.file.src_uri: page.title for page in nav.pages if "title" in vars(page)}  # given by `nav:`
        self.routes = leesroutes(self.catalogus, lambda pad: files.get_file_from_path(pad) is not None)
        self.menu_pages = {page.file.src_uri: page for page in nav.pages}
        memory.hold()  # files, pages, nav and kept renders stay to the end of the build
        return nav

    def on_page_context(self, context, page, config, nav):
        """The reading route a page is on (leesroutes.py), and the menu item it belongs under."""
        url = lambda pad: site_url(pad, config.use_directory_urls)
        context["ww_leesroutes"] = [weergave(plek, url) for plek in plekken(self.routes, page.file.src_uri)]
        context["ww_leesroutes_json"] = self.routes_json  # the same on every page: made once a build (on_env)
        self.marked = None if page.file.src_uri in self.menu_pages else self._menu_parent(page.file.src_uri)
        if self.marked is not None:
            self.marked.active = True  # opens its section and marks it, as for the page itself
        return context

    def _menu_parent(self, src_uri: str):
        """The menu page a page outside the menu lies under: its nearest folder's index in the menu.

        The menu of such pages is rendered once per folder (kept_nav.py): this is the same for all of a folder."""
        folder = posixpath.dirname(src_uri)
        while folder:
            found = self.menu_pages.get(f"{folder}/index.md")
            if found is not None:
                return found
            folder = posixpath.dirname(folder)
        return None

    def on_pre_page(self, page, config, files):
        self.rendered.wrap(page)
        return page

    def on_env(self, env, config, files):
        memory.hold()  # and now every page's HTML
        self.env = env
        env.bytecode_cache = THEME_COMPILED  # MkDocs makes a new environment every build
        env.globals["ww_zoeksoort"] = zoeksoort  # main.html files every page under it for search
        # the pages the browser tools link to, from the one table of routes (site.js)
        env.globals["ww_paden_json"] = json.dumps(paden_voor_javascript(config.use_directory_urls)).replace("<", "\\u003c")
        keep_menu(env, self.nav)
        # Every page is rendered to HTML by now, none written yet: fill in what is counted from pages.
        self._fill_in_reading_time(files)
        self._last_changed(files)
        url = lambda pad: site_url(pad, config.use_directory_urls)  # noqa: E731
        self.routes_json = json.dumps(voor_javascript(self.routes, url), ensure_ascii=False).replace("<", "\\u003c")
        if self.preview:  # every page shows the reading routes: a page whose route changed is written again
            self.preview.start_writing(self.nav, config, self.routes_json)
        if self.kept_pages:  # a page that would be written as last time is taken from the last site
            self.kept_pages.reuse(self.nav, config, files, self.routes_json)
        return env

    def _fill_in_reading_time(self, files) -> None:
        """The short route's reading time, counted from its five step pages as rendered, in every page that states it."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None and file.page.content is not None]
        step_pages = {mkb_path_of(stap) for stap in self.catalogus.stappen}
        steps = [page for page in pages if page.file.src_uri in step_pages]
        self.step_words = {page.file.src_uri: woorden_in_html(page.content) for page in steps}
        words = self.words = sum(self.step_words.values())
        limit = self.catalogus.info.mkb_leestijd_max
        if minuten(words) > limit and mkb_leestijd(self.catalogus)[1] <= limit:  # else on_config said it already
            log.warning(
                f"de pagina's van de MKB-route kosten ongeveer {minuten(words)} minuten om te lezen ({words} woorden, "
                f"{WOORDEN_PER_MINUUT} per minuut); de belofte is hoogstens {limit} minuten "
                "(mkb_leestijd_max in catalogus.yml). Maak de MKB-teksten in stappen/*.yml korter."
            )
        for page in pages:
            if heeft_leestijd(page.content):
                page.content = vul_leestijd_in(page.content, words)

    def _last_changed(self, files) -> None:
        """Each page's "Laatst gewijzigd": the newest last commit (or save) of the files it is made of (paginainfo.py)."""
        sources = Bronbestanden(self.catalogus)
        by_page = []
        for file in files.documentation_pages():
            if file.page is None:
                continue
            if not file.generated_by and file.abs_src_path:  # the organisation's own page in content/
                by_page.append((file.page, [file.abs_src_path]))
            else:
                by_page.append((file.page, sources.voor(file.src_uri, bronnen_van(file))))
        dates = Gewijzigd(path for _, paths in by_page for path in paths)
        for page, paths in by_page:
            day = dates.dag(paths)
            if day is not None:  # shown by partials/source-file.html, under the page's text
                page.meta["ww_gewijzigd"] = {"datum": day.isoformat(), "tekst": datum_nl(day)}
        if self.serving:  # a quick rebuild dates again the pages of the files saved since (quick.py)
            self.sources.remember({page.file.src_uri: list(paths) for page, paths in by_page}, dates)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        uri = page.file.src_uri
        hand_written = not page.file.generated_by or uri in self.pages
        for problem in safe_meta(page, hand_written, config.theme.dirs, self.templates):
            where = display_path(Path(self.pages[uri])) if uri in self.pages else display_path_in_docs(config, uri)
            log.warning(f"{where}: {problem}")
        bronnen = self.catalogus.pagina_bronnen.get(uri) if uri in self.pages else None
        if bronnen:  # a base page's sources, from its front matter, under its text
            markdown += "\n\n" + render_sources(bronnen)
        if uri == "index.md" and uri in self.pages and self.catalogus.info.inleiding:
            # the guide's own introduction (catalogus.yml), below the choice of route a visitor came for
            markdown += f"\n\n## Over deze Wegwijzer\n\n{self.catalogus.info.inleiding.strip()}\n\nWie deze Wegwijzer maakten en waarop hij steunt, lees je in de [verantwoording](verantwoording.md).\n"

        def expand(text: str, read) -> str:
            text = self._quotes_as_blocks(text, read)
            return expand_links(text, lambda link: markdown_link(self.catalogus, link, uri, read))

        return self.kept.links(uri, markdown, expand) if self.kept else expand(markdown, None)

    @event_priority(-100)  # after every other plugin has added to the page
    def on_page_content(self, html: str, page, config, files) -> str:
        own_page = not page.file.generated_by  # in the docs folder: the organisation's own page
        return self.clean.page(page, html, trusted=self.config.eigen_html and own_page)

    @event_priority(-100)
    def on_post_page(self, output: str, page, config) -> str:
        if getattr(self, "marked", None) is not None:
            self.marked.active = False
            self.marked = None
        output = without_autocomplete(output)
        return with_policy(output) if self.policy else output

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if not template_name.endswith(".html"):
            return output_content
        output_content = without_autocomplete(output_content)
        return with_policy(output_content) if self.policy else output_content

    def _quotes_as_blocks(self, markdown: str, read=None) -> str:
        """`[[praktijk:id]]` on a line of its own shows the quote itself; in a sentence it stays a link.
        `read(verhaal)` for each quote shown: a kept expansion (`Kept.links`) depends on it."""
        if "[[praktijk:" not in markdown:
            return markdown
        lines = markdown.split("\n")
        for link in find_links(markdown):
            verhaal = self.catalogus.praktijk.get(link.id) if link.kind == "praktijk" and not link.label else None
            if verhaal and lines[link.line].strip() == link.raw:
                lines[link.line] = "\n" + render_quote(verhaal) + "\n"
                if read is not None:
                    read(verhaal)
        return "\n".join(lines)

    def fresh_data(self, path: str, wait: Callable[[], None] = lambda: None) -> None:
        """Before the preview serves `path` (a URL path, as MkDocs' server reads it: `//` and `.` count
        for nothing): a data file the quick rebuild left is made now of the catalogus of the last build
        that succeeded, whose pages the preview shows (see `data_files`). `wait` returns once a build
        under way has ended (the preview's server knows): asked for during a build, it is made of that one."""
        if not posixpath.normpath("/" + path).endswith(DATA_ENDINGS):
            return
        wait()
        with self.building:
            catalogus, site_dir = self.shown, self.data_site
            if catalogus is None or site_dir is None or self.data_for is catalogus:
                return
            for uri, content in self.data_files(catalogus).items():
                write_atomic(Path(site_dir, uri), content.encode("utf-8"))
            self.data_for = catalogus

    def on_serve(self, server, config, builder):
        # A save in the catalogus only: without the whole build (quick.py); never stuck after a failed
        # save, problems on every page, only this computer (preview_server.py); the data files made
        # when asked for (`fresh_data`).
        server.builder = self._quick_or_whole(server.builder)
        server.wegwijzer_fresh = functools.partial(self.fresh_data, wait=functools.partial(wait_for_build, server))
        guard(server)
        if self.catalogus is None:  # the first build failed: watch the catalogus, so the repair is seen
            server.watch(self.folder)
            return server
        _poll_often(server, self.catalogus)
        for folder in self.catalogus.lagen:  # the sector catalogus and every base under it
            server.watch(folder)
        return server


    def _quick_or_whole(self, whole):
        """The preview's builder: a quick rebuild when only the catalogus changed (quick.py), else `whole`."""
        if getattr(whole, "wegwijzer_quick", False):
            return whole

        def builder(*args, **kwargs):
            with self.building:
                if self.tidy:
                    self.tidy.not_now()  # its end tidies up (memory.py)
                if not args and not kwargs and self.last is not None:
                    try:
                        with memory.paused():  # the tidy-up after it collects (memory.py)
                            reason = quick.rebuild(self)
                    except Exception as error:  # noqa: BLE001 - the whole build reports it as it does any error
                        reason = f"{type(error).__name__}: {error}"
                    if reason is None:
                        return
                    self.last = None
                    log.debug(f"de hele site wordt opnieuw gebouwd: {reason}")
                whole(*args, **kwargs)

        builder.wegwijzer_quick = True
        return builder


#: How often the preview looks for saved files: MkDocs looks every 0.5 s, half a second of waiting
#: in a preview that rebuilds in a third of one. Only for guides whose files can be checked quickly.
POLL_SECONDS, POLL_MAX_ENTRIES = 0.15, 5000


def _poll_often(server, catalogus) -> None:
    """Let the catalogus folders be watched every POLL_SECONDS (watchdog has no public setting for it)."""
    entries = len(catalogus.knelpunten) + len(catalogus.oplossingen) + len(catalogus.praktijk) + len(catalogus.instrumenten)
    if entries <= POLL_MAX_ENTRIES:  # used for the folders watched from here on
        patches.apply("poll_often", getattr(server, "observer", None), lambda every: POLL_SECONDS)


@functools.lru_cache(maxsize=None)
def _schema_texts() -> dict[str, str]:
    """The JSON Schemas as written into the site: the same for every build of this package."""
    return {name: json_text.dumps(content) for name, content in json_schemas().items()}


def _nav_uris(nav) -> set[str] | None:
    """The pages `nav:` in mkdocs.yml names; None without a `nav:` (MkDocs then lists every page)."""
    if nav is None:
        return None
    found: set[str] = set()

    def walk(item):
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return found


#: Where hand-written pages that `nav:` does not name appear in the menu: the first section that exists.
EXTRA_SECTIONS = ("Achtergrond", "Meer")


def add_to_nav(nav, pages: list) -> None:
    """Put hand-written pages missing from `nav:` in the menu, under Achtergrond (or a section Meer)."""
    if not pages:
        return
    section = next((item for item in nav.items if isinstance(item, Section) and item.title in EXTRA_SECTIONS), None)
    if section is None:
        section = Section(EXTRA_SECTIONS[-1], [])
        nav.items.append(section)
    for page in pages:
        page.parent = section
        section.children.append(page)
    # previous/next links follow the order of the menu
    order = list(_walk_pages(nav.items))
    nav.pages[:] = order
    for before, after in zip([None, *order[:-1]], order):
        after.previous_page = before
        if before is not None:
            before.next_page = after
    if order:
        order[-1].next_page = None


def _walk_pages(items):
    for item in items:
        if isinstance(item, Section):
            yield from _walk_pages(item.children)
        elif isinstance(item, Page):
            yield item


def colophon(info: Info) -> str:
    """The footer of every page: who made this arbocatalogus, where its toetsing stands, which version."""
    if info.partijen:
        names = [f"{p.naam} ({KANT[p.kant].lower()})" for p in info.partijen]
        made = "Arbocatalogus van " + (", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else names[0])
    else:
        made = f"Uitgegeven door {info.uitgever}"
    status = info.toetsing.tekst if info.toetsing else None
    return " · ".join(filter(None, [made, status, f"versie {info.versie}", info.licentie]))


def _favicon(kleur: str) -> str:
    """A signpost: a pole with two boards pointing opposite ways, in the organisation's colour."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<path fill="{kleur}" d="M14 2h4v28h-4z M5 5h17l4 4-4 4H5z M27 15H10l-4 4 4 4h17z"/>'
        '</svg>'
    )


def _huisstijl_css(info) -> str:
    """The organisation's colour for the theme, and its guide's name in the printed footer."""
    kleur = info.huisstijl.kleur
    footer = css_string(f"{info.titel} · versie {info.versie}")
    return (
        ":root, [data-md-color-scheme] {\n"
        f"  --md-primary-fg-color: {kleur};\n"
        f"  --md-primary-fg-color--dark: {kleur};\n"
        f"  --md-primary-fg-color--light: {kleur};\n"
        "  --md-primary-bg-color: #fff;\n"
        f"  --md-typeset-a-color: {kleur};\n"
        f"  --md-accent-fg-color: {kleur};\n"
        "}\n"
        "@page {\n"
        f"  @bottom-left {{ content: {footer}; font: 9pt sans-serif; color: #444; }}\n"
        '  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 9pt sans-serif; color: #444; }\n'
        "}\n"
    )


def display_path_in_docs(config, src_uri: str) -> str:
    return display_path(Path(config.docs_dir) / src_uri)
