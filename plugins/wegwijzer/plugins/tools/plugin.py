"""The `wegwijzer/tools` plugin: tools that run in the visitor's own browser.

- `on_files`: write the tools' data files (`pages/tooldata.py`) from the catalogus, and the pages of
  the werkdrukscan (with its team result and werksessie presentation) and the
  plan-van-aanpak builder. Their scripts are files of
  the theme (`overrides/assets/javascripts/wegwijzer/`), loaded as modules on
  the pages that ask for them in their front matter (`scripts:`).

Nothing a visitor types or ticks leaves the device: there is no server.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .. import catalogus_plugin as required_catalogus
from ...pages.generated import LIJST_MAX, environment
from ...pages.routes import PAGINA_PATHS, VASTE_PATHS, path_of, site_url
from ..pagina_bestand import gemaakte_pagina
from .config import ToolsConfig
from ...pages.tooldata import data_files

TEMPLATES = Path(__file__).parent / "templates"
#: Each page of the tools: its template, and the catalogus files it is made of.
PAGES = {
    PAGINA_PATHS["werkdrukscan"]: ("scan.md", ("scan.yml",)),
    PAGINA_PATHS["teamuitslag"]: ("team.md", ("scan.yml",)),
    VASTE_PATHS["presentatie"]: ("presentatie.md", ("scan.yml",)),
    PAGINA_PATHS["planhulp"]: ("plan.md", ()),
}


class ToolsPlugin(BasePlugin[ToolsConfig]):
    def on_files(self, files: Files, config) -> Files:
        catalogus_plugin = required_catalogus(config, "wegwijzer/tools")
        catalogus = catalogus_plugin.catalogus

        def url(kind: str, entry) -> str:
            return site_url(path_of(kind, entry), config.use_directory_urls)

        for path, content in data_files(catalogus, url).items():
            files.append(File.generated(config, path, content=json.dumps(content, ensure_ascii=False, separators=(",", ":"))))
        env = environment(TEMPLATES)
        for src_uri, (template, bronnen) in PAGES.items():
            content = env.get_template(template).render(catalogus=catalogus, lijst_max=LIJST_MAX)
            files.append(gemaakte_pagina(config, src_uri, content, bronnen))
        return files
