"""The kinds of entry a catalogus holds, in one table.

A kind has a name (`knelpunt`: in `[[knelpunt:id]]` and `wegwijzer nieuw knelpunt`),
the word messages use for it, and, when an editor writes one file per entry, its
folder, the rule its files follow and the labels of the browser editor. The
loader, the layering of bases, the JSON Schemas, the editor configuration and
the commands `nieuw` and `import` all read this table, so a new kind is added
here once. Where each kind lives in the site is the page layer's table
(`pages/routes.py`, ROUTES).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema


@dataclass(frozen=True)
class Soort:
    naam: str
    #: The word for one in a message ("link naar onbekende factorgroep 'x'").
    woord: str
    #: The folder with one YAML file per entry (the file name is the id); None for kinds inside other files.
    map: str | None = None
    regel: schema.Record | None = None
    #: The browser editor's labels: the collection, one entry, and the field whose words make the file name.
    meervoud: str = ""
    enkelvoud: str = ""
    naamveld: str = "titel"
    #: The title of its JSON Schema (and of `wegwijzer nieuw`'s file).
    beschrijving: str = ""
    #: Rows of a spreadsheet can become files of this kind (`wegwijzer import`).
    importeerbaar: bool = False
    #: Each entry has a page of its own, in a folder with pages of the site's own (schema.PAGINANAMEN).
    eigen_pagina: bool = False


SOORTEN: dict[str, Soort] = {s.naam: s for s in (
    Soort("stap", "stap"),
    Soort("substap", "substap"),
    Soort("knelpunt", "knelpunt", "knelpunten", schema.KNELPUNT, "Knelpunten", "Knelpunt", "titel",
          "Een knelpunt (knelpunten/*.yml)", importeerbaar=True, eigen_pagina=True),
    Soort("oplossing", "oplossing", "oplossingen", schema.OPLOSSING, "Oplossingen", "Oplossing", "titel",
          "Een oplossing (oplossingen/*.yml)", importeerbaar=True, eigen_pagina=True),
    Soort("factor", "factor"),
    Soort("groep", "factorgroep"),
    Soort("praktijk", "praktijkverhaal", "praktijk", schema.PRAKTIJK, "Citaten uit de praktijk", "Citaat", "wie",
          "Een citaat uit de praktijk (praktijk/*.yml)"),
    Soort("instrument", "instrument", "instrumenten", schema.INSTRUMENT, "Instrumenten", "Instrument", "titel",
          "Een instrument (instrumenten/*.yml)"),
    Soort("pagina", "pagina van de Wegwijzer"),
)}

#: The kinds an editor writes one file per entry of, by folder ("knelpunten" -> knelpunt).
PER_BESTAND: dict[str, Soort] = {s.map: s for s in SOORTEN.values() if s.map}
