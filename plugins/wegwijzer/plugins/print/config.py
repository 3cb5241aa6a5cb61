from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    """Options of the `wegwijzer/print` plugin in mkdocs.yml."""

    #: Build the PDFs with the site. Without WeasyPrint the build warns and goes on.
    pdf = c.Type(bool, default=True)
    #: Keep made PDFs here (beside mkdocs.yml) and reuse them while their content is unchanged.
    cache_dir = c.Type(str, default=".cache/wegwijzer/pdf")
