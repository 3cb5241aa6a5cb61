from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    """Options of the `wegwijzer/print` plugin in mkdocs.yml."""

    #: Build the PDFs with the site. Without WeasyPrint the build warns and goes on.
    pdf = c.Type(bool, default=True)
    #: Deprecated, for guides written before `cache` and `cache_dir` of `wegwijzer/catalogus`
    #: (issue 30), and still read there: a folder becomes that `cache_dir`, "geen" turns `cache` off.
    cache_dir = c.Type(str, default="")
