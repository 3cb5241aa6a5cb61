"""The `wegwijzer/editor` plugin: a browser editor at /admin/ for editors without a terminal.

In the preview (`wegwijzer bekijken`) every guide has it, with nothing to set up:
it saves into the files on this computer through the preview itself
(`local_backend.py`, guarded by `preview_server.py`). A published site has it
only with `editor:` in catalogus.yml, which names the Git host editors log in
to; a setting that would send them to Netlify's login instead stops the build.
The site then gets:

- `admin/index.html`: the page that loads Decap CMS, and nothing else, under a
  policy that lets it talk to the site and its Git host only;
- `admin/config.yml`: its forms, generated from the same schema the build checks
  with (`catalogus/editor_config.py`), with every id of the catalogus and its base.
  The published one never names this computer (`local_backend`);
- Decap CMS's JavaScript, from this program's wheel or the pinned npm package that
  `scripts/setup` installs (never committed, never from a CDN). No other page loads it.
"""

from __future__ import annotations


import os
import re
from pathlib import Path

import yaml
from urllib.parse import quote, urlsplit
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import catalogus_plugin as required_catalogus
from ...catalogus.editor_config import decap_config
from ...catalogus.loader import display_path
from ...catalogus.model import Editor
from ...decap import decap_folder
from ...preview_server import API_PATH, LOOPBACK
from .local_backend import LocalBackend
from .config import EditorConfig

log = get_plugin_logger(__name__)

ADMIN = "admin"
#: LibYAML's writer where it is installed: ten times faster, and every rebuild of the preview writes the config.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class EditorPlugin(BasePlugin[EditorConfig]):
    serving = False  # under `wegwijzer bekijken` / `mkdocs serve`
    _written = None  # under the preview: the last settings written, and their YAML

    def on_startup(self, command, dirty):
        # Having on_startup keeps this plugin object across rebuilds of the preview.
        self.serving = command == "serve"
        self._written = None

    def on_files(self, files: Files, config) -> Files:
        catalogus_plugin = required_catalogus(config, "wegwijzer/editor")
        catalogus = catalogus_plugin.catalogus
        editor = catalogus.info.editor
        if editor is None and not self.serving:
            return files
        if editor is not None:
            problems = online_problems(editor, catalogus_plugin.folder)
            if problems and not self.serving:
                raise PluginError("\n".join(problems))
            for problem in problems:  # the preview still works on this computer; say it before publishing fails
                log.error(f"{problem} (Dit stopt de publicatie; de voorvertoning werkt wel.)")
        dist = Path(self.config.decap_map) if self.config.decap_map else decap_folder()
        scripts = sorted(dist.glob("*decap-cms.js")) if dist.is_dir() else []
        if not scripts and editor is None:  # the preview of a guide that does not ask for the editor: without it
            log.warning(f"de editor in de browser ontbreekt in dit programma (geen Decap CMS in {dist}); de voorvertoning heeft geen /admin/")
            return files
        if not scripts:
            raise PluginError(
                f"de editor staat aan, maar de JavaScript van Decap CMS ontbreekt in {dist}. "
                "Oplossing: draai scripts/setup (dat installeert hem met npm), of haal 'editor:' weg uit catalogus.yml."
            )
        root = Path(config.config_file_path).parent
        folder = os.path.relpath(catalogus_plugin.folder, root).replace(os.sep, "/")
        # In the preview the editor always works, on the files of this computer, also without `editor:`.
        docs = _relative(config.docs_dir, root)
        settings = decap_config(catalogus, folder, editor or Editor(backend="gitlab", repo=f"voorvertoning/{catalogus.info.id}"), docs=docs)
        settings.pop("local_backend", None)  # never in a published site: it would call this computer
        settings["media_folder"] = f"{docs}/{MEDIA}"
        settings["public_folder"] = f"/{MEDIA}"
        if catalogus.info.huisstijl.logo:
            settings["logo_url"] = "../" + quote(catalogus.info.huisstijl.logo.lstrip("/"), safe="/")
        if self.serving:
            settings["local_backend"] = {"url": f"http://{LOOPBACK}:{config.dev_addr.port}{API_PATH}"}
        files.append(File.generated(config, f"{ADMIN}/config.yml", content=self._yaml(settings)))
        own = [DUTCH_SCRIPT, *([STATUS_SCRIPT] if self.serving else [])]
        files.append(File.generated(config, f"{ADMIN}/index.html", content=_page(catalogus.info.titel, editor_policy(editor, self.serving), [o.name for o in own])))
        for script in [*scripts, *own]:
            files.append(File.generated(config, f"{ADMIN}/{script.name}", abs_src_path=str(script), inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def _yaml(self, settings: dict) -> str:
        """The editor's settings as YAML; in the preview written again only when they changed (most saves change
        no list the editor offers, and writing them is a twentieth of a second at 1,000 knelpunten)."""
        if self._written is not None and self._written[0] == settings:
            return self._written[1]
        text = yaml.dump(settings, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        self._written = (settings, text) if self.serving else None  # made afresh on each build, never changed after
        return text

    def on_serve(self, server, config, builder):
        """The preview answers the editor's saves itself (`local_backend.py`), in the catalogus and docs folder only."""
        root = Path(config.config_file_path).parent
        catalogus_plugin = required_catalogus(config, "wegwijzer/editor")
        folders = [_relative(f, root) for f in (catalogus_plugin.folder, config.docs_dir)]
        folders = [f for f in folders if f and not f.startswith("..") and f != "."]
        server.wegwijzer_backend = LocalBackend(root, folders, f"{_relative(config.docs_dir, root)}/{MEDIA}")
        return server


def _relative(path, root: Path) -> str:
    return os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")


def online_problems(editor: Editor, folder: str) -> list[str]:
    """What stops the editor of a published site from logging in, in Dutch: never a silent detour via Netlify."""
    path = Path(folder) / "catalogus.yml"
    where = f"{display_path(path)}:{_line_of(path, 'editor:')}"
    if editor.backend == "gitlab" and not editor.app_id:
        return [f"{where}: editor.app_id: ontbreekt. Zonder de Application ID van GitLab stuurt de editor redacteuren naar "
                "de inlogpagina van Netlify. Oplossing: maak in GitLab een applicatie (zie docs/editor.md) en zet de "
                "Application ID bij app_id onder editor:, of haal 'editor:' weg als de editor alleen op je eigen computer werkt."]
    if editor.backend == "gitlab" and not editor.repo:
        return [f"{where}: editor.repo: ontbreekt. Oplossing: zet de repository erbij, zoals groep/werkdruk-wegwijzer."]
    if editor.backend == "github" and not (editor.base_url and editor.repo):
        return [f"{where}: editor: GitHub heeft een repository (repo) en het adres van een inlogdienst (base_url) nodig; "
                "zonder base_url gaat het inloggen via Netlify. Oplossing: zie docs/editor.md, of gebruik GitLab."]
    return []


def _line_of(path: Path, start: str) -> int:
    """The number of the first line of `path` that begins with `start` (1 when there is none)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if line.startswith(start)), 1)


#: Where an editor's images go, inside the docs folder (and so on the site at /assets/).
MEDIA = "assets"
#: The phrases Decap CMS's Dutch lacks ("Geen keuzes" for "No options"), loaded after Decap.
DUTCH_SCRIPT = Path(__file__).resolve().parent / "wegwijzer-editor.js"
#: The preview's build status for the editor (only under `wegwijzer bekijken`).
STATUS_SCRIPT = Path(__file__).resolve().parent / "status.js"
#: Where each host's API is: the only other origin the published editor talks to.
API_ROOTS = {"gitlab": "https://gitlab.com", "github": "https://api.github.com"}


def editor_policy(editor: Editor | None, serving: bool) -> str:
    """The editor page's Content-Security-Policy.

    Decap CMS compiles its form checks at run time ('unsafe-eval'); scripts come only from the
    site itself, never inline. It may connect to the site itself and, when published, to its
    Git host only (and read the images an editor just chose, as blob: URLs): the preview's editor
    saves on this computer and talks to nothing else.
    """
    hosts = []
    if editor is not None and not serving:
        hosts = [h for h in (API_ROOTS.get(editor.backend, ""), _origin(editor.base_url or "")) if h]
    others = "".join(f" {host}" for host in hosts)
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:{others}; connect-src 'self' blob:{others}; font-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; frame-src 'self' blob:; form-action 'self'"
    )


def _origin(url: str) -> str:
    """The origin of `url` for the policy; "" for anything that is not plainly a host name (it goes into HTML)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not re.fullmatch(r"[A-Za-z0-9.-]+(:\d+)?", parts.netloc):
        return ""
    return f"https://{parts.netloc}"


def _page(titel: str, policy: str, own_scripts: list[str]) -> str:
    """The editor's page: Decap CMS builds everything inside it; it loads nothing from elsewhere."""
    return (
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n"
        f"<title>Editor – {escape(titel)}</title>\n</head>\n<body>\n"
        "<script src=\"decap-cms.js\"></script>\n"
        + "".join(f"<script src=\"{escape(name)}\"></script>\n" for name in own_scripts)
        + "</body>\n</html>\n"
    )
