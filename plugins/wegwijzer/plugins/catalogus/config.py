from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogusConfig(Config):
    """Options of the `wegwijzer/catalogus` plugin in mkdocs.yml."""

    #: The catalogus folder, relative to mkdocs.yml.
    catalogus = c.Type(str, default="catalogus")
    #: Raw HTML in the organisation's own pages (the docs folder) passes as written, unchecked.
    #: Off: every page, own pages too, keeps only what the allowlist of `sanitize.py` keeps.
    eigen_html = c.Type(bool, default=False)
    #: Keep what a build made for the next one (`cache.py`): each checked catalogus file, the
    #: loaded catalogus, compiled templates and PDFs. Off: nothing is kept, every build starts anew.
    #: Modelled on Material's privacy plugin.
    cache = c.Type(bool, default=True)
    #: Where. Empty (the default): the user's cache folder, $XDG_CACHE_HOME/wegwijzer/ or
    #: ~/.cache/wegwijzer/, so a build leaves nothing behind in the project. A relative path is
    #: taken from mkdocs.yml's folder.
    cache_dir = c.Type(str, default="")


def cache_choice(project: Path, options: CatalogusConfig, print_cache_dir: str) -> tuple[bool, Path | None]:
    """`cache` and its folder (None: the user's cache folder), for `cache.choose`.

    Guides written for earlier releases set `cache_dir` on `wegwijzer/print` (then for PDFs
    only); it still works: "geen" turns `cache` off, a folder is taken as `cache_dir` when
    that is not set itself.
    """
    enabled, folder = options.cache, options.cache_dir or print_cache_dir
    if print_cache_dir.strip().lower() == "geen":
        enabled, folder = False, options.cache_dir
    return enabled, project / folder if folder else None
