"""The catalogus as objects: what the pages, the CLI and the exports read.

Fields mirror the YAML keys, so an editor's word is the programmer's word.
References are resolved to objects by the loader, and the reverse direction
(an oplossing's knelpunten, a factor's knelpunten, ...) is derived there too:
fields marked `init=False` are never written in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from .problems import Mark, Problem

# Allowed values, each with the label a reader sees.
AANPAK = {"bron": "Bron aanpakken", "belastbaarheid": "Belastbaarheid vergroten"}
NIVEAU = {"organisatie": "Organisatie", "team": "Team", "individu": "Individu"}
TERMIJN = {"quick-win": "Quick win", "kort": "Korte termijn", "structureel": "Structureel"}
KOSTEN = {"laag": "Lage kosten", "midden": "Gemiddelde kosten", "hoog": "Hoge kosten"}
GROEP_SOORTEN = {"eis": "Taakeisen", "regelmogelijkheid": "Regelmogelijkheden", "individueel": "Individuele factoren", "buffer": "Buffers"}
STELLING_SOORTEN = {"eis": "Eis (eens = meer druk)", "bron": "Hulpbron (eens = meer steun)"}

#: Sides of the table in an arbocatalogus: the Inspectie only toetst one made by both.
KANT = {"werkgevers": "Werkgeversorganisatie", "werknemers": "Werknemersorganisatie", "overig": "Andere partij"}
#: Where the Inspectie's toetsing of the arbocatalogus stands.
TOETSING = {"in-voorbereiding": "Toetsing door de Arbeidsinspectie in voorbereiding", "ingediend": "Ingediend bij de Arbeidsinspectie", "positief-getoetst": "Positief getoetst door de Arbeidsinspectie"}
#: Where the browser editor saves: Decap CMS's backends that need no server of our own (or a small OAuth proxy).
EDITOR_BACKENDS = {"gitlab": "GitLab", "github": "GitHub", "git-gateway": "Netlify Git Gateway"}
#: How well an oplossing is known to work, strongest first.
ONDERBOUWING = {"onderzoek": "Onderzocht", "praktijk": "Beproefd in de praktijk", "deskundigen": "Oordeel van deskundigen"}
#: Whether a quote is a real person's words or written as an example.
CITAAT_SOORTEN = {"illustratie": "Voorbeeld", "echt": "Echt citaat"}

STAPPEN = 5  # the Wegwijzer always has five steps


def _derived(default_factory: Any = list) -> Any:
    return field(default_factory=default_factory, init=False, repr=False, compare=False)


@dataclass
class Huisstijl:
    """The branch organisation's look: its colour (behind white text) and logo."""

    kleur: str = "#1d5b79"
    logo: Optional[str] = None  # a path inside content/, e.g. assets/logo.svg


@dataclass
class Partij:
    """An organisation that made the arbocatalogus, and the side it speaks for."""

    naam: str
    kant: str  # werkgevers | werknemers | overig
    ondertekenaar: Optional[str] = None  # who signs the declaration for it, with their function


@dataclass
class Reikwijdte:
    """For whom the arbocatalogus holds: the cao and the functions within the sector."""

    cao: Optional[str] = None
    functies: list[str] = field(default_factory=list)
    toelichting: Optional[str] = None


@dataclass
class Toetsing:
    """Where the Arbeidsinspectie's toetsing stands; a positive one has a date and a kenmerk."""

    status: str
    datum: Optional[date] = None
    kenmerk: Optional[str] = None

    @property
    def tekst(self) -> str:
        parts = [TOETSING[self.status]]
        if self.datum:
            parts.append(f"op {datum_nl(self.datum)}")
        if self.kenmerk:
            parts.append(f"(kenmerk {self.kenmerk})")
        return " ".join(parts)


@dataclass
class Wijziging:
    versie: str
    datum: date
    tekst: str


@dataclass
class Editor:
    """The browser editor at /admin/ (Decap CMS), and the Git repository it saves to.

    `backend` is Decap's name for where the files live: gitlab (with PKCE, no server
    needed), github (needs an OAuth proxy at `base_url`) or git-gateway.
    """

    backend: str
    repo: Optional[str] = None
    branch: str = "main"
    app_id: Optional[str] = None
    base_url: Optional[str] = None
    controle: bool = False  # True: a change is first a draft for review (Decap's editorial workflow)


@dataclass
class Info:
    id: str
    titel: str
    sector: str
    uitgever: str
    versie: str
    licentie: Optional[str] = None
    contact: Optional[str] = None
    inleiding: Optional[str] = None
    mkb_leestijd_max: int = 10
    basis: Optional[str] = None
    weglaten: list[str] = field(default_factory=list)
    huisstijl: Huisstijl = field(default_factory=Huisstijl)
    partijen: list[Partij] = field(default_factory=list)
    reikwijdte: Optional[Reikwijdte] = None
    geldig_tot: Optional[date] = None
    vastgesteld: Optional[date] = None  # the day the parties adopted this version
    publicatie: Optional[str] = None  # the address where anyone can read the catalogus
    toetsing: Optional[Toetsing] = None
    wijzigingen: list[Wijziging] = field(default_factory=list)
    editor: Optional[Editor] = None
    origin: Optional[Mark] = None

    @property
    def beide_kanten(self) -> bool:
        """Made by employers and employees together: the first thing the Inspectie checks."""
        kanten = {p.kant for p in self.partijen}
        return {"werkgevers", "werknemers"} <= kanten

    @property
    def opslag(self) -> dict:
        """What a visitor's browser needs to keep their answers, ticks and plan for this guide.

        Everything is stored under the stable `id`, never under the title or version:
        a new version keeps what still exists (the browser drops only what was removed).
        `oud` is the prefix of the keys that versions before the stable id used, so the
        browser can adopt what a visitor stored then.
        """
        naam = re.sub(r"[^a-z0-9]+", "-", self.titel.lower()).strip("-")
        return {"id": self.id, "versie": self.versie, "oud": f"wegwijzer:{naam}:"}


@dataclass(eq=False)
class Praktijk:
    id: str
    citaat: str
    wie: str
    soort: str = "illustratie"  # illustratie | echt: a reader must never take an example for a real voice
    bron: Optional[str] = None  # for a real quote: where and when it was said
    toestemming: bool = False  # for a real quote: the person agreed to its publication
    origin: Optional[Mark] = None
    substappen: list[Substap] = _derived()
    knelpunten: list[Knelpunt] = _derived()
    oplossingen: list[Oplossing] = _derived()

    @property
    def gebruikt(self) -> bool:
        """Shown anywhere besides the page of all quotes."""
        return bool(self.substappen or self.knelpunten or self.oplossingen)


@dataclass(eq=False)
class Instrument:
    id: str
    titel: str
    omschrijving: str
    kosten: str
    url: Optional[str] = None
    bronnen: list[Bron] = field(default_factory=list)
    origin: Optional[Mark] = None
    substappen: list[Substap] = _derived()


@dataclass(eq=False)
class Substap:
    id: str
    titel: str
    resultaat: str
    wat_en_waarom: str
    hoe: str
    met_wie: str
    check: list[str]
    verandering: str
    praktijk: list[Any] = field(default_factory=list)  # ids, then Praktijk objects
    instrumenten: list[Any] = field(default_factory=list)  # ids, then Instrument objects
    origin: Optional[Mark] = None
    stap: Stap = _derived(lambda: None)

    @property
    def vragen(self) -> list[tuple[str, str]]:
        """(id, question) of the checklist: a visitor's ticks are kept by these ids."""
        return checklist(self.check)


@dataclass
class MkbActie:
    titel: str
    tekst: str
    meer: Any  # a substap id, then the Substap


@dataclass
class MkbSamenvatting:
    inleiding: str
    acties: list[MkbActie]
    tip: Optional[str] = None


@dataclass(eq=False)
class Stap:
    nummer: int
    titel: str
    kort: str
    duur: str
    mkb: MkbSamenvatting
    substappen: list[Substap]
    inleiding: Optional[str] = None
    origin: Optional[Mark] = None

    @property
    def id(self) -> str:
        """Steps are linked by number: `[[stap:2]]`."""
        return str(self.nummer)


@dataclass(eq=False)
class Factor:
    id: str
    titel: str
    omschrijving: str
    origin: Optional[Mark] = None
    groep: Groep = _derived(lambda: None)
    knelpunten: list[Knelpunt] = _derived()
    stellingen: list[Stelling] = _derived()

    @property
    def oplossingen(self) -> list[Oplossing]:
        """Every oplossing of this factor's knelpunten, once, by title."""
        unique = {o.id: o for k in self.knelpunten for o in k.oplossingen}
        return sorted(unique.values(), key=lambda o: o.titel)


@dataclass(eq=False)
class Groep:
    id: str
    titel: str
    soort: str
    omschrijving: str
    factoren: list[Factor]
    origin: Optional[Mark] = None


@dataclass
class Gevolgen:
    werkstress: str
    lange_termijn: list[str]


@dataclass
class Werkdrukmodel:
    inleiding: str
    groepen: list[Groep]
    gevolgen: Optional[Gevolgen] = None


@dataclass(eq=False)
class Knelpunt:
    id: str
    titel: str
    factor: Any  # a factor id, then the Factor
    omschrijving: str
    signalen: list[str]
    oplossingen: list[Any]  # ids, then Oplossing objects
    stellingen: list[Any] = field(default_factory=list)  # ids of scan statements that signal it, then Stelling objects
    bronnen: list[Bron] = field(default_factory=list)
    praktijk: list[Any] = field(default_factory=list)  # ids, then Praktijk objects
    origin: Optional[Mark] = None


@dataclass
class Bron:
    """Where a text's facts or idea come from."""

    titel: str
    uitgever: Optional[str] = None
    jaar: Optional[int] = None
    link: Optional[str] = None

    @property
    def tekst(self) -> str:
        """How a source is cited: title, publisher and year."""
        extra = ", ".join(str(part) for part in (self.uitgever, self.jaar) if part)
        return f"{self.titel} ({extra})" if extra else self.titel


@dataclass
class Onderbouwing:
    """How well a measure is known to work, and why we think so."""

    soort: str  # onderzoek | praktijk | deskundigen
    toelichting: str


@dataclass(eq=False)
class Oplossing:
    id: str
    titel: str
    omschrijving: str
    aanpak: str
    niveau: list[str]
    termijn: str
    kosten: str
    invoeren: list[str]
    grondslag: list[Any] = field(default_factory=list)  # citations as written, then Bepaling objects of the Arbowetgeving
    ook_van_belang: list[Any] = field(default_factory=list)  # the same, for other laws (ATW, WOR, Wazo, a cao)
    randvoorwaarden: list[str] = field(default_factory=list)
    bronnen: list[Bron] = field(default_factory=list)
    onderbouwing: Optional[Onderbouwing] = None
    praktijk: list[Any] = field(default_factory=list)  # ids, then Praktijk objects
    origin: Optional[Mark] = None
    knelpunten: list[Knelpunt] = _derived()


@dataclass
class Werkvorm:
    titel: str
    instructie: str


@dataclass
class Deel:
    titel: str
    minuten: int
    werkvormen: list[Werkvorm]
    leiding: Optional[str] = None
    doel: Optional[str] = None
    pauze: int = 0  # minutes of break after this part, a row of its own in the schedule

    is_pauze = False  # a part of the session, not a break (Pauze)


@dataclass(frozen=True)
class Pauze:
    """A break between two parts of the session: a row of the schedule, so its times add up."""

    minuten: int
    titel: str = "Pauze"
    leiding = None
    doel = None
    werkvormen = ()
    is_pauze = True


@dataclass
class Ronde:
    titel: str
    vraag: str
    kleur: str


@dataclass
class Werksessie:
    titel: str
    benodigdheden: list[str]
    afspraken: list[str]
    delen: list[Deel]
    inleiding: Optional[str] = None
    rondes: list[Ronde] = field(default_factory=list)
    starttijd: str = "09:00"

    @property
    def benodigdheden_vragen(self) -> list[tuple[str, str]]:
        """(id, thing) of the list of things to bring, which visitors tick like a checklist."""
        return checklist(self.benodigdheden)

    @property
    def minuten(self) -> int:
        """The whole session, breaks included."""
        return sum(deel.minuten for deel in self.delen) + sum(deel.pauze for deel in self.delen[:-1])

    def rooster(self, starttijd: Optional[str] = None) -> list[tuple[Deel | Pauze, str, str]]:
        """Each part, and each break after a part (`pauze`), with its clock times, from `starttijd`
        (default: the catalogus's). A break is a `Pauze` (`is_pauze`); each row starts where the last ended."""
        hours, minutes = map(int, (starttijd or self.starttijd).split(":"))
        clock = hours * 60 + minutes
        schedule = []
        for i, deel in enumerate(self.delen):
            schedule.append((deel, _clock(clock), _clock(clock + deel.minuten)))
            clock += deel.minuten
            if deel.pauze and i + 1 < len(self.delen):  # a break after the last part is the end of the session
                schedule.append((Pauze(deel.pauze), _clock(clock), _clock(clock + deel.pauze)))
                clock += deel.pauze
        return schedule


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass
class Criterium:
    id: str
    titel: str
    vraag: str


@dataclass
class Criteria:
    criteria: list[Criterium]
    inleiding: Optional[str] = None


@dataclass(eq=False)
class Stelling:
    id: str
    tekst: str
    factor: Any  # a factor id, then the Factor
    soort: str
    origin: Optional[Mark] = None
    knelpunten: list[Knelpunt] = _derived()


@dataclass
class Kwadrant:
    """Where a team stands on taakeisen against hulpbronnen, and where to start."""

    eisen: str  # laag | hoog
    hulpbronnen: str  # laag | hoog
    titel: str
    betekenis: str
    advies: str
    oplossingen: list[Any] = field(default_factory=list)  # ids, then Oplossing objects


@dataclass
class Scan:
    stellingen: list[Stelling]
    inleiding: Optional[str] = None
    kwadranten: list[Kwadrant] = field(default_factory=list)
    minimum_groep: int = 5  # the team result shows nothing for fewer results: it could point at a person


@dataclass
class Catalogus:
    """A whole, valid, linked catalogus."""

    info: Info
    stappen: list[Stap]
    werkdrukmodel: Werkdrukmodel
    knelpunten: dict[str, Knelpunt]
    oplossingen: dict[str, Oplossing]
    praktijk: dict[str, Praktijk]
    instrumenten: dict[str, Instrument]
    werksessie: Optional[Werksessie] = None
    criteria: Optional[Criteria] = None
    scan: Optional[Scan] = None
    weggelaten: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> title, left out of the base
    lagen: list[str] = field(default_factory=list)  # the folders read (absolute), base first
    paginas: dict[str, str] = field(default_factory=dict)  # Markdown pages of the layers: "index.md" -> file
    normen: Any = None  # the register of legal provisions (normen.Register)
    pagina_bronnen: dict[str, list[Bron]] = field(default_factory=dict)  # sources in the front matter of the pages, by page
    waarschuwingen: list[Problem] = field(default_factory=list)  # found while loading: old fields, ...
    #: Found while loading, and enough for the Arbeidsinspectie to refuse the catalogus: the
    #: build goes on (a guide that built before keeps building), `check` refuses them.
    toetsingsfouten: list[Problem] = field(default_factory=list)

    def link_title(self, kind: str, entry_id: str) -> Optional[str]:
        """The title a `[[kind:id]]` shows when its entry was left out of the base (no page to link to)."""
        return self.weggelaten.get(kind, {}).get(entry_id)

    @property
    def substappen(self) -> list[Substap]:
        """All substeps in reading order, across the steps."""
        return [substap for stap in self.stappen for substap in stap.substappen]

    @property
    def factoren(self) -> list[Factor]:
        return [factor for groep in self.werkdrukmodel.groepen for factor in groep.factoren]

    def entries(self, kind: str) -> dict[str, Any]:
        """The entries an editor can link to with `[[kind:id]]`, by id."""
        if kind == "stap":
            return {stap.id: stap for stap in self.stappen}
        if kind == "substap":
            return {s.id: s for s in self.substappen}
        if kind == "factor":
            return {f.id: f for f in self.factoren}
        if kind == "groep":
            return {g.id: g for g in self.werkdrukmodel.groepen}
        if kind == "pagina":
            return PAGINAS
        return {"knelpunt": self.knelpunten, "oplossing": self.oplossingen, "praktijk": self.praktijk, "instrument": self.instrumenten}[kind]


@dataclass(frozen=True)
class Pagina:
    """A page every Wegwijzer has (a tool, an overview), so texts can point to the guide's own pages first."""

    id: str
    titel: str


#: The guide's own pages an editor links to with [[pagina:id]].
PAGINAS = {
    p.id: p
    for p in (
        Pagina("werkdrukscan", "Werkdrukscan"),
        Pagina("teamuitslag", "Teamuitslag van de werkdrukscan"),
        Pagina("planhulp", "Planhulp"),
        Pagina("knelpunten", "Knelpunten"),
        Pagina("oplossingen", "Oplossingen"),
        Pagina("snelle-oplossingen", "Snelle oplossingen met lage kosten"),
        Pagina("werksessie", "Werksessie"),
        Pagina("checklists", "Checklists"),
        Pagina("werkdrukmodel", "Wat is werkdruk?"),
        Pagina("korte-route", "De vijf stappen in het kort"),
        Pagina("uitgebreide-route", "De vijf stappen uitgebreid"),
        Pagina("werknemer", "Werkdruk bespreken als werknemer of OR"),
    )
}


def vraag_id(tekst: str) -> str:
    """The id under which a visitor's tick on a checklist question is kept: its words as a slug.

    A question keeps its tick as long as its words stay the same; an editor who
    rewrites a question starts it empty again (the visitor is told).
    """
    slug = re.sub(r"[^a-z0-9]+", "-", tekst.lower().translate(_ACCENTS)).strip("-")
    return slug[:60].rstrip("-") or "vraag"


_ACCENTS = str.maketrans("áàäâéèëêíìïîóòöôúùüûç", "aaaaeeeeiiiioooouuuuc")


def checklist(vragen: list[str]) -> list[tuple[str, str]]:
    """(id, question) for each question of a checklist, in order."""
    return [(vraag_id(v), v) for v in vragen]


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def datum_nl(day: date) -> str:
    """A date as a Dutch reader writes it: 1 januari 2027."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"
