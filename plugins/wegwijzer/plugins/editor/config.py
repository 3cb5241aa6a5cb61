from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditorConfig(Config):
    #: Port of the local editor backend (decap-server) that `scripts/serve` starts.
    lokale_poort = c.Type(int, default=8081)
    #: Where Decap CMS's JavaScript is, when not in the npm folder beside this plugin (scripts/setup installs it there).
    decap_map = c.Optional(c.Type(str))
