from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    """Options of the `wegwijzer/print` plugin in mkdocs.yml."""

    #: Build the PDFs with the site. Without WeasyPrint the build warns and goes on.
    pdf = c.Type(bool, default=True)
