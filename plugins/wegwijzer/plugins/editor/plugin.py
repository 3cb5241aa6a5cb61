"""The `wegwijzer/editor` plugin: a browser editor at /admin/ for editors without a terminal.

It is switched on by `editor:` in catalogus.yml. Then the site gets:

- `admin/index.html`: the page that loads Decap CMS, and nothing else;
- `admin/config.yml`: its forms, generated from the same schema the build checks
  with (`catalogus/editor_config.py`), with every id of the catalogus and its base;
- Decap CMS's JavaScript, copied from the pinned npm package that `scripts/setup`
  installs (never committed, never from a CDN). No other page loads it.

Without `editor:` the plugin adds nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import catalogus_plugin as required_catalogus
from ...catalogus.editor_config import decap_config
from .config import EditorConfig

#: The npm folder with the pinned decap-cms (package.json beside it), installed by scripts/setup.
NPM = Path(__file__).resolve().parent / "npm"
#: Decap CMS's JavaScript as a wheel of this program carries it (`cli/wiel.py` copies it there),
#: so a guide installed from its own wheel needs no npm.
VENDORED = Path(__file__).resolve().parent / "decap"
ADMIN = "admin"
#: LibYAML's writer where it is installed: ten times faster, and every rebuild of the preview writes the config.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class EditorPlugin(BasePlugin[EditorConfig]):
    def on_files(self, files: Files, config) -> Files:
        catalogus_plugin = required_catalogus(config, "wegwijzer/editor")
        catalogus = catalogus_plugin.catalogus
        editor = catalogus.info.editor
        if editor is None:
            return files
        dist = Path(self.config.decap_map) if self.config.decap_map else decap_folder()
        scripts = sorted(dist.glob("*decap-cms.js")) if dist.is_dir() else []
        if not scripts:
            raise PluginError(
                f"de editor staat aan (editor: in catalogus.yml), maar de JavaScript van Decap CMS ontbreekt in {dist}. "
                "Oplossing: draai scripts/setup (dat installeert hem met npm), of haal 'editor:' weg uit catalogus.yml."
            )
        root = Path(config.config_file_path).parent
        folder = os.path.relpath(catalogus_plugin.folder, root).replace(os.sep, "/")
        settings = decap_config(catalogus, folder, editor, self.config.lokale_poort)
        files.append(File.generated(config, f"{ADMIN}/config.yml", content=yaml.dump(settings, Dumper=DUMPER, allow_unicode=True, sort_keys=False)))
        files.append(File.generated(config, f"{ADMIN}/index.html", content=_page(catalogus.info.titel)))
        for script in scripts:
            files.append(File.generated(config, f"{ADMIN}/{script.name}", abs_src_path=str(script), inclusion=InclusionLevel.NOT_IN_NAV))
        return files


def decap_folder() -> Path:
    """Where Decap CMS's JavaScript is: carried in this program's wheel, or installed by npm beside it."""
    return VENDORED if any(VENDORED.glob("*decap-cms.js")) else NPM / "node_modules" / "decap-cms" / "dist"


#: Decap CMS compiles its form checks at run time ('unsafe-eval') and talks to the Git host the
#: catalogus names; scripts still come only from the site itself, never inline.
EDITOR_POLICY = "script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'; frame-src 'self'"


def _page(titel: str) -> str:
    """The editor's page: Decap CMS builds everything inside it; it loads nothing from elsewhere."""
    return (
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{EDITOR_POLICY}\">\n"
        "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n"
        f"<title>Editor – {escape(titel)}</title>\n</head>\n<body>\n"
        "<script src=\"decap-cms.js\"></script>\n</body>\n</html>\n"
    )
