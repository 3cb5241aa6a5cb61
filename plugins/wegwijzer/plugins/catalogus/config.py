from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogusConfig(Config):
    """Options of the `wegwijzer/catalogus` plugin in mkdocs.yml."""

    #: The catalogus folder, relative to mkdocs.yml.
    catalogus = c.Type(str, default="catalogus")
