from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditorConfig(Config):
    #: No longer used: the preview answers the editor itself. Kept so a mkdocs.yml that names it still builds.
    lokale_poort = c.Optional(c.Type(int))
    #: Where Decap CMS's JavaScript is, when not in the npm folder beside this plugin (scripts/setup installs it there).
    decap_map = c.Optional(c.Type(str))
