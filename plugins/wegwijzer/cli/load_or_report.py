"""Loading the catalogus for a command: the model, or the errors on stderr."""

from __future__ import annotations

import sys

from ..catalogus import Catalogus, CatalogusError, load_catalogus


def load_or_report(folder: str, intro: str = "") -> Catalogus | None:
    """The catalogus in `folder`; None after printing every problem, so the command can exit 1."""
    try:
        return load_catalogus(folder)
    except CatalogusError as error:
        print(intro + error.report(), file=sys.stderr)
        return None
