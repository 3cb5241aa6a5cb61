from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogusConfig(Config):
    """Options of the `wegwijzer/catalogus` plugin in mkdocs.yml."""

    #: The catalogus folder, relative to mkdocs.yml.
    catalogus = c.Type(str, default="catalogus")

    #: Above this many knelpunten and oplossingen together, their own pages stay out of
    #: the search index: material's search loads the whole index on a visitor's first
    #: page, and a phone must not pay for thousands of entries. The filterable
    #: knelpunten and oplossingen lists still find them.
    zoekindex_max = c.Type(int, default=300)
