from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    """Options of the `wegwijzer/print` plugin in mkdocs.yml."""

    #: Build the PDFs with the site. Without WeasyPrint the build warns and goes on.
    pdf = c.Type(bool, default=True)
    #: Keep made PDFs here and reuse them while their content is unchanged. Empty (the default):
    #: the user's cache folder, $XDG_CACHE_HOME/wegwijzer/pdf/ or ~/.cache/wegwijzer/pdf/, one
    #: subfolder per project, so a build leaves nothing behind in the project. A relative path
    #: is taken from mkdocs.yml's folder; "geen" turns the cache off.
    cache_dir = c.Type(str, default="")
