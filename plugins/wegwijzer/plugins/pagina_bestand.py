"""A page made from the catalogus, as MkDocs' File, with the catalogus files it is made of.

The page layer, the tools and printing name those files beside each page they make
(`pages/bronnen.py`); the catalogus plugin shows their newest change under the page
("Laatst gewijzigd", `_last_changed`). The file carries them from the one to the other,
so no plugin reads another's attributes for it.
"""

from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel


def gemaakte_pagina(config, src_uri: str, content: str, bronnen: tuple[str, ...]) -> File:
    """A generated page, out of the navigation (reached by links, on purpose)."""
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    file.ww_bronnen = tuple(bronnen)
    return file


def bronnen_van(file: File) -> tuple[str, ...]:
    """The catalogus files the page of `file` is made of; none for a page not made from the catalogus."""
    return getattr(file, "ww_bronnen", ())
