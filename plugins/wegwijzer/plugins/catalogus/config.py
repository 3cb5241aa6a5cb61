from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogusConfig(Config):
    """Options of the `wegwijzer/catalogus` plugin in mkdocs.yml."""

    #: The catalogus folder, relative to mkdocs.yml.
    catalogus = c.Type(str, default="catalogus")
    #: Raw HTML in the organisation's own pages (the docs folder) passes as written, unchecked.
    #: Off: every page, own pages too, keeps only what the allowlist of `sanitize.py` keeps.
    eigen_html = c.Type(bool, default=False)
