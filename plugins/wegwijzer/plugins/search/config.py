from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    """Options of the `wegwijzer/search` plugin in mkdocs.yml."""

    #: Make the search index with the site. Off: the site has no search box.
    zoeken = c.Type(bool, default=True)
