"""The register of legal provisions a measure can fill in, and how editors cite them.

An arbocatalogus names, for each measure, the provision of the law it fills in
(Beleidsregel arbocatalogi). The provisions are data: the package ships a
register (`register/normen.yml`), and every layer of a catalogus may add its own
`normen.yml`, for instance with an article of its cao.

Editors cite a provision the way they would write it down without looking it up:
`arbowet 3 lid 2`, `arbowet 3.2`, `art. 3 lid 2 Arbowet`, `Arbowet artikel 3,
tweede lid`, `arbobesluit 2.15`, `atw 5:4` (or 5.4), `wor 27 lid 1 onder d` or
`wor 27.1.d`. A citation resolves against the register, so an article or lid the
register does not hold is an error, never silently accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .problems import Mark, did_you_mean

#: The register that ships with the package.
PACKAGE_REGISTER = Path(__file__).resolve().parent.parent / "register" / "normen.yml"
#: A catalogus layer extends the register with this file.
FILE_NAME = "normen.yml"
#: The Arbowetgeving: the only laws whose doelvoorschriften the Arbeidsinspectie tests a
#: catalogus against (Beleidsregel arbocatalogi), so the only ones a measure can have as
#: `grondslag`. Other laws (Arbeidstijdenwet, WOR, Wazo, a cao) go under `ook_van_belang`.
ARBOWETGEVING = ("arbowet", "arbobesluit", "arboregeling")

_ORDINALS = {w: str(i) for i, w in enumerate(
    ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"), start=1)}
_ARTICLE = re.compile(r"^\d+[a-z]?(?:[.:]\d+[a-z]?)?$")


@dataclass(eq=False)
class Wet:
    """A law (or a cao) whose provisions the register holds."""

    id: str
    naam: str
    afkorting: str
    url: str
    ook: list[str] = field(default_factory=list)  # other ways editors write its name
    origin: Optional[Mark] = None

    @property
    def arbowetgeving(self) -> bool:
        return self.id in ARBOWETGEVING

    @property
    def namen(self) -> set[str]:
        return {n.lower() for n in (self.id, self.naam, self.afkorting, *self.ook)}


@dataclass(eq=False)
class Bepaling:
    """One provision: an article, a lid of it, or a letter of a lid."""

    wet: Any  # a law id, then the Wet
    artikel: str
    onderwerp: str
    lid: Optional[int] = None
    letter: Optional[str] = None
    url: Optional[str] = None
    bevestigd: bool = True  # False: the numbering could not be checked against the official text
    toelichting: Optional[str] = None
    origin: Optional[Mark] = None
    oplossingen: list = field(default_factory=list, init=False, repr=False)  # the measures it is the grondslag of
    ook_bij: list = field(default_factory=list, init=False, repr=False)  # the measures it is 'ook van belang' for

    @property
    def sleutel(self) -> tuple:
        return (self.wet.id if isinstance(self.wet, Wet) else self.wet, self.artikel, self.lid, self.letter)

    @property
    def nummer(self) -> str:
        """'art. 3 lid 1 onder d' — the way the Inspectie writes a provision."""
        text = f"art. {self.artikel}"
        if self.lid is not None:
            text += f" lid {self.lid}"
        if self.letter:
            text += f" onder {self.letter}"
        return text

    @property
    def label(self) -> str:
        """'Arbowet art. 3 lid 2'."""
        return f"{self.wet.afkorting} {self.nummer}"

    @property
    def notatie(self) -> str:
        """How an editor cites it in `grondslag:` or `ook_van_belang:`: 'arbowet 3 lid 1 onder d'."""
        return f"{self.wet.id} {self.nummer.removeprefix('art. ')}"

    @property
    def link(self) -> str:
        return self.url or self.wet.url


@dataclass
class Register:
    """Every law and provision known to a catalogus: the package's and its layers' own."""

    wetten: dict[str, Wet] = field(default_factory=dict)
    bepalingen: dict[tuple, Bepaling] = field(default_factory=dict)
    _resolved: dict = field(default_factory=dict, repr=False, compare=False)  # filled by resolve()

    def wet_voor(self, name: str) -> Optional[Wet]:
        name = name.lower()
        return next((wet for wet in self.wetten.values() if name in wet.namen), None)

    def artikelen(self, wet: Wet) -> list[str]:
        return sorted({b.artikel for b in self.bepalingen.values() if b.wet is wet}, key=_article_order)

    def resolve(self, citation: str, standaard_wet: str | None = None) -> tuple[Optional[Bepaling], str, str]:
        """The provision `citation` names, or (None, problem, hint) in Dutch."""
        # A guide cites the same few provisions thousands of times: each spelling is worked out once.
        key = (citation, standaard_wet)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(citation, standaard_wet)
        return self._resolved[key]

    def _resolve(self, citation: str, standaard_wet: str | None) -> tuple[Optional[Bepaling], str, str]:
        text = _normalise(citation)
        wet, rest = self._split_law(text)
        if wet is None and standaard_wet:
            wet, rest = self.wetten.get(standaard_wet), text
        if wet is None:
            known = ", ".join(sorted(self.wetten))
            first = (rest or text).split(" ")[0]
            if re.match(r"^[a-z][a-z-]+$", first) or re.match(r"^[a-z][a-z-]+$", text.split(" ")[-1]):
                word = first if re.match(r"^[a-z][a-z-]+$", first) else text.split(" ")[-1]
                names = sorted({n for w in self.wetten.values() for n in w.namen if " " not in n})
                hint = did_you_mean(word, names) or f"bekende wetten: {known}; een eigen wet of cao zet je in normen.yml"
                return None, f"onbekende wet '{word}' in '{citation}'", hint
            return None, f"'{citation}' noemt geen wet", f"begin met de wet, bijvoorbeeld 'arbowet 3 lid 2' of 'arbobesluit 2.15' (bekend: {known})"
        match = re.match(r"^(?P<nums>[0-9][0-9a-z.:]*?)\.?(?: lid (?P<lid>\d+)(?P<letter_na_lid>[a-z])?)?(?: onder (?P<letter>[a-z]))?$", rest)
        if not match:
            return None, f"'{citation}' is geen artikelnummer van {wet.naam}", f"schrijf het als '{wet.id} 3', '{wet.id} 3 lid 1' of '{wet.id} 3 lid 1 onder d'"
        parts = re.split(r"[.:]", match["nums"])
        artikelen = self.artikelen(wet)
        artikel, overig = None, []
        for count in range(len(parts), 0, -1):
            for sep in (".", ":"):
                candidate = sep.join(parts[:count])
                if candidate in artikelen:
                    artikel, overig = candidate, parts[count:]
                    break
            if artikel:
                break
        if artikel is None:
            chapters = not artikelen or any(("." in a or ":" in a) for a in artikelen)
            shown = re.match(r"^[0-9a-z]+(?:[.:][0-9a-z]+)?", match["nums"]).group(0) if chapters else parts[0]
            hint = did_you_mean(shown, artikelen)
            hint = hint + "; " if hint else ""
            known = _list("art.", artikelen) if artikelen else "nog geen artikelen van deze wet"
            return None, f"{wet.afkorting} art. {shown} staat niet in het register", f"{hint}bekend: {known}; staat het artikel wel in de wet, voeg het dan toe aan normen.yml"
        lid, letter = match["lid"], match["letter"] or match["letter_na_lid"]
        if overig:
            first = re.match(r"^(\d+)([a-z])?$", overig[0])
            if lid is not None or not first or len(overig) > 2 or (len(overig) == 2 and not re.match(r"^[a-z]$", overig[1])):
                return None, f"'{citation}' is geen artikelnummer van {wet.naam}", f"schrijf het als '{wet.id} {artikel} lid 1' of '{wet.id} {artikel} lid 1 onder a'"
            lid = first.group(1)
            letter = letter or first.group(2) or (overig[1] if len(overig) == 2 else None)
        lid = int(lid) if lid is not None else None
        found = self.bepalingen.get((wet.id, artikel, lid, letter))
        if found:
            return found, "", ""
        leden = sorted({b.lid for b in self.bepalingen.values() if b.wet is wet and b.artikel == artikel and b.lid is not None})
        if lid is not None and lid not in leden:
            known = _list("lid", [str(n) for n in leden]) if leden else "geen leden"
            return None, f"{wet.afkorting} art. {artikel} heeft geen lid {lid} in het register", f"bekend: {known}; staat het lid wel in de wet, voeg het dan toe aan normen.yml"
        if letter:
            letters = sorted(b.letter for b in self.bepalingen.values() if b.wet is wet and b.artikel == artikel and b.lid == lid and b.letter)
            known = _list("onder", letters) if letters else "geen letters"
            return None, f"{wet.afkorting} art. {artikel}{f' lid {lid}' if lid else ''} heeft geen onderdeel {letter} in het register", f"bekend: {known}"
        return None, f"{wet.afkorting} art. {artikel} staat alleen per lid in het register", f"noem het lid: {_list(f'{wet.id} {artikel} lid', [str(n) for n in leden])}"

    def _split_law(self, text: str) -> tuple[Optional[Wet], str]:
        names = sorted(((n, w) for w in self.wetten.values() for n in w.namen), key=lambda item: -len(item[0]))
        for name, wet in names:
            if text == name:
                return wet, ""
            if text.startswith(name + " "):
                return wet, text[len(name) + 1:].strip()
            if text.endswith(" " + name):
                return wet, text[: -len(name) - 1].strip()
        return None, text


def _normalise(citation: str) -> str:
    """Lower case, one space, and the words for lid and letter made uniform."""
    text = citation.lower().replace("(", ".").replace(")", " ").replace(",", " ")
    text = re.sub(r"\b(?:artikelen|artikel|art)\b\.?", " ", text)
    text = re.sub(r"\b(?:van (?:de|het))\b", " ", text)
    text = re.sub(r"\b(" + "|".join(_ORDINALS) + r") lid\b", lambda m: "lid " + _ORDINALS[m.group(1)], text)
    text = re.sub(r"\b(?:onderdeel|letter|sub|onder)\b\.?", " onder ", text)
    text = re.sub(r"\blid\b\.?", " lid ", text)
    text = " ".join(text.split())
    return text.replace(". ", " ").strip(" .")


def _article_order(artikel: str) -> tuple:
    return tuple((int(n), suffix) for n, suffix in re.findall(r"(\d+)([a-z]*)", artikel))


def _list(prefix: str, items: list[str], limit: int = 12) -> str:
    shown = ", ".join(f"{prefix} {item}" for item in items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def is_article(value: str) -> bool:
    return bool(_ARTICLE.match(value))
