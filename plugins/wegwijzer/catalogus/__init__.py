"""The catalogus model: load, validate and link a Werkdruk Wegwijzer catalogus.

Free of MkDocs on purpose, so it can be tested and reused on its own:

    from wegwijzer.catalogus import load_catalogus, CatalogusError
    catalogus = load_catalogus("catalogus")
"""

from .loader import load_catalogus
from .model import Catalogus
from .problems import CatalogusError, Problem

__all__ = ["Catalogus", "CatalogusError", "Problem", "load_catalogus"]
