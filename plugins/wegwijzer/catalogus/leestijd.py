"""How long the MKB-route takes to read, counted from its words.

The MKB-route promises an owner or team leader that all five steps take about
ten minutes. This counts what they actually read on its pages, so the build can
warn an editor whose texts have grown past the promise.
"""

from __future__ import annotations

import math
import re

from .links import expand_links
from .model import Catalogus

#: Reading speed for plain Dutch on a screen. Readers at level B1 read slower
#: than the 250 words a minute often quoted; 200 keeps the promise honest.
WOORDEN_PER_MINUUT = 200

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:['’-][0-9A-Za-zÀ-ÿ]+)*")


def mkb_teksten(catalogus: Catalogus, stap=None) -> list[str]:
    """Every text a reader meets on the MKB-route pages (or one step's page), links as their titles."""
    texts = []
    for stap in [stap] if stap else catalogus.stappen:
        texts += [stap.titel, stap.mkb.inleiding, stap.mkb.tip or ""]
        for actie in stap.mkb.acties:
            texts += [actie.titel, actie.tekst, actie.meer.titel]
    return [expand_links(text, lambda link: link.label or _title(catalogus, link)) for text in texts]


def woorden(text: str) -> int:
    return len(_WORD.findall(text))


def mkb_leestijd(catalogus: Catalogus) -> tuple[int, int]:
    """(words, minutes rounded up) of the MKB-route."""
    count = sum(woorden(text) for text in mkb_teksten(catalogus))
    return count, max(1, math.ceil(count / WOORDEN_PER_MINUUT))


def _title(catalogus: Catalogus, link) -> str:
    entry = catalogus.entries(link.kind).get(link.id)
    if entry is None:
        return catalogus.link_title(link.kind, link.id) or ""
    return getattr(entry, "titel", None) or getattr(entry, "wie", "")
