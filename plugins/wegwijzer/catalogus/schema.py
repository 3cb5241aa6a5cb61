"""What each kind of catalogus file may contain, and how it is checked.

A schema is a tree of small types (`Text`, `Choice`, `ListOf`, `Record`, ...).
Each type checks a value, reports problems through a `Checker` in Dutch, and
returns the cleaned value; a `Record` builds its model object. Keeping the rules
in one declarative place means the validation, the format documentation and (later)
the JSON Schema for editors all follow from the same source.

Checking a value never needs another file: references and `[[links]]` are only
recorded here and resolved by the loader once every file is read.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from . import model, normen
from .problems import Mark, Problem, did_you_mean, field_path
from .yaml_source import Source

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The names the site gives pages of its own in the folder where entries have a page each (a kind's
#: list, and its list of all): an entry with such an id would take that page's place, or lose its own.
PAGINANAMEN = ("index", "alle")


def id_probleem(value: str, eigen_pagina: bool, bestand: bool = False) -> tuple[str, str] | None:
    """What is wrong with `value` as an id, and the fix; None if nothing. The loader (a field or, with
    `bestand`, a file's name), `wegwijzer nieuw` and `wegwijzer import` all ask here.
    `eigen_pagina`: the id of an entry with a page of its own."""
    wat, naam = ("de bestandsnaam ", "{}.yml") if bestand else ("", "{}")
    if not ID_PATTERN.match(value):
        suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "te-veel-overleg"
        return f"{wat}'{value}' is geen geldige id", f"gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{naam.format(suggestion)}'"
    if eigen_pagina and value in PAGINANAMEN:
        return (f"{wat}'{value}' kan geen id zijn: de site gebruikt die naam al voor een pagina van zichzelf",
                f"kies een naam die zegt waar het over gaat, bijvoorbeeld '{naam.format(value + '-werkdruk')}'")
    return None


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"

    def __reduce__(self) -> str:
        return "INVALID"  # unpickled as the one INVALID, so `is INVALID` holds for a kept file too


#: Returned by a type when the value is wrong; the problem is already recorded.
INVALID: Any = _Invalid()


class Reference(NamedTuple):
    """An id in one entry that must name an entry of another kind."""

    kind: str
    id: str
    mark: Mark
    field: str


class Citation(NamedTuple):
    """A legal provision as an editor wrote it; resolved against the register once it is read."""

    text: str
    mark: Mark
    field: str
    standaard_wet: str | None  # the law meant when none is named (the old `arbowet:` field)


class TextField(NamedTuple):
    """A Markdown text whose `[[links]]` the loader checks later (a tuple: made for every text)."""

    source: Source
    path: tuple
    text: str


@dataclass
class Checker:
    """Checks one source file; collects problems, references and texts."""

    source: Source
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    texts: list[TextField] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(self, path: tuple, message: str, hint: str = "", at_key: bool = False) -> Any:
        mark = self.source.key_mark(path) if at_key else self.source.mark(path)
        self.problems.append(Problem(mark, field_path(path), message, hint))
        return INVALID

    def warning(self, path: tuple, message: str, hint: str = "") -> None:
        self.warnings.append(Problem(self.source.key_mark(path), field_path(path), message, hint))


def _describe(value: Any) -> str:
    if value is None:
        return "lege waarde"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "getal"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "groep velden"
    return "tekst"


def _shorten(text: str, length: int = 50) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


_GLUED = re.compile(r"\s-\s+(?=[A-ZÀ-Ý])")


def _swallowed_items(value: str, path: tuple, checker: "Checker") -> None:
    """Warn when a list item indented one space too far was read as part of the item above it.

    YAML joins the lines of an unquoted text with a space, so a '- ' line one
    space deeper than its siblings silently becomes '… - Tekst' in the item above.
    """
    mark = checker.source.mark(path)
    lines = checker.source.lines
    for glued in _GLUED.finditer(value):
        for number in range(mark.line + 1, min(len(lines), mark.line + 20) + 1):
            line = lines[number - 1]
            if line.lstrip().startswith("- ") and value[glued.end():].startswith(line.lstrip()[2:].strip()[:20]):
                where = Mark(mark.path, number, len(line) - len(line.lstrip()) + 1)
                before = value[max(0, glued.start() - 15):glued.start()].lstrip()
                checker.warnings.append(Problem(
                    where, field_path(path),
                    f"dit lijstitem is aan het item erboven vastgeplakt: '…{before} - {value[glued.end():glued.end() + 15]}…'",
                    "zet de '- ' precies onder die van de andere items, met evenveel spaties ervoor",
                ))
                break


def _blank(value: Any) -> bool:
    """An empty text, list or group: what a browser editor writes for a field left open.

    A group whose fields are all empty is empty too: Decap writes `onderbouwing: {toelichting: ''}`
    after an editor opened an optional block, typed and wiped it again.
    """
    if isinstance(value, dict):
        return all(_blank(item) for item in value.values())  # not None: "kleur: #1d5b79" unquoted reads as None
    return (isinstance(value, str) and not value.strip()) or (isinstance(value, list) and not value)


class Type:
    label = "waarde"

    def check(self, value: Any, path: tuple, checker: Checker) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        """The same rule as JSON Schema, for the editor's completion and checks."""
        raise NotImplementedError

    def wrong_type(self, value: Any, path: tuple, checker: Checker, hint: str = "") -> Any:
        return checker.problem(path, f"verwacht {self.label}, maar dit is een {_describe(value)}", hint)


class Text(Type):
    """Markdown text, in which the loader later checks `[[links]]`."""

    label = "tekst"

    def check(self, value, path, checker):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # a number where text is expected is harmless: "versie: 2"
        if isinstance(value, dict) and len(value) == 1:
            # '- Let op: plan vooruit' reads as a field 'Let op' with the value 'plan vooruit'
            key, rest = next(iter(value.items()))
            if isinstance(rest, (str, int, float)) or rest is None:
                text = f"{key}: {rest}" if rest is not None else f"{key}:"
                return checker.problem(path, f"de ': ' in '{_shorten(text)}' laat YAML dit lezen als een veld, niet als tekst", f"zet tekst met ': ' tussen aanhalingstekens: \"{_shorten(text)}\"")
        if not isinstance(value, str):
            hint = "zet de tekst tussen aanhalingstekens" if isinstance(value, bool) else ""
            return self.wrong_type(value, path, checker, hint)
        stripped = value.strip()
        if not stripped:
            return checker.problem(path, "mag niet leeg zijn")
        checker.texts.append(TextField(checker.source, path, value))
        if " - " in value and path and isinstance(path[-1], int) and not checker.source.styles.get(path):
            _swallowed_items(value, path, checker)
        return stripped

    def json_schema(self):
        return {"type": ["string", "number"], "minLength": 1}


class Identifier(Type):
    label = "een id (kleine letters, cijfers en streepjes)"

    def __init__(self, eigen_pagina: bool = False):
        #: The entry has a page of its own in a folder the site has pages in (PAGINANAMEN).
        self.eigen_pagina = eigen_pagina

    def check(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        if probleem := id_probleem(value, self.eigen_pagina):
            return checker.problem(path, *probleem)
        return value

    def json_schema(self):
        rule = {"type": "string", "pattern": ID_PATTERN.pattern}
        return {**rule, "not": {"enum": list(PAGINANAMEN)}} if self.eigen_pagina else rule


class Integer(Type):
    label = "een heel getal"

    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum, self.maximum = minimum, maximum

    def check(self, value, path, checker):
        if not isinstance(value, int) or isinstance(value, bool):
            return self.wrong_type(value, path, checker)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return checker.problem(path, f"{value} ligt buiten het bereik {self.minimum} tot en met {self.maximum}")
        return value

    def json_schema(self):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


class Choice(Type):
    def __init__(self, *values: str):
        self.values = values
        self.label = "een van: " + ", ".join(values)

    def check(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        if value not in self.values:
            hint = did_you_mean(value, self.values) or "kies uit: " + ", ".join(self.values)
            return checker.problem(path, f"'{value}' is geen toegestane waarde", hint)
        return value

    def json_schema(self):
        return {"enum": list(self.values)}


class Url(Type):
    label = "een webadres (https://...)"

    def check(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            return checker.problem(path, f"'{value}' is geen geldig webadres", "begin met https:// en gebruik geen spaties")
        return value

    def json_schema(self):
        return {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}


class Colour(Type):
    """A colour as #rrggbb that white text can stand on (WCAG AA: contrast 4.5:1)."""

    label = "een kleur als #rrggbb"

    def check(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker, "zet de kleur tussen aanhalingstekens: '#1d5b79'")
        if not re.match(r"^#[0-9a-fA-F]{6}$", value):
            return checker.problem(path, f"'{value}' is geen kleur als #rrggbb", "bijvoorbeeld '#1d5b79'")
        ratio = contrast_with_white(value)
        if ratio < 4.5:
            return checker.problem(path, f"de kleur {value} is te licht voor witte tekst (contrast {ratio:.1f}:1, minimaal 4.5:1)", "kies een donkerdere tint")
        return value.lower()

    def json_schema(self):
        return {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of white on `colour`."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class ClockTime(Type):
    """A time of day as HH:MM."""

    label = "een tijd als '09:00'"

    def check(self, value, path, checker):
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            # YAML 1.1 reads an unquoted 13:30 as the number 810 (13 * 60 + 30).
            value = f"{value // 60:02d}:{value % 60:02d}"
        if not isinstance(value, str) or not re.match(r"^([01]?\d|2[0-3]):[0-5]\d$", value):
            return checker.problem(path, f"'{value}' is geen tijd", "schrijf de tijd als '09:00', tussen aanhalingstekens")
        return value.zfill(5)

    def json_schema(self):
        return {"type": ["string", "integer"], "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}


class Date(Type):
    """A day, written as 2027-12-31 (YAML reads that as a date)."""

    label = "een datum als 2027-12-31"

    def check(self, value, path, checker):
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return checker.problem(path, f"'{value}' is geen datum", "schrijf de datum als jaar-maand-dag, bijvoorbeeld 2027-12-31")

    def json_schema(self):
        return {"type": "string", "format": "date"}


class YesNo(Type):
    """Ja or nee; YAML's true/false/yes/no too."""

    label = "ja of nee"

    def check(self, value, path, checker):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
            return value.strip().lower() == "ja"
        return self.wrong_type(value, path, checker, "schrijf ja of nee")

    def json_schema(self):
        return {"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]}


class Provision(Type):
    """A legal provision, such as 'arbowet 3 lid 2' or 'arbobesluit 2.15'; the register checks it later."""

    label = "een wetsartikel, zoals 'arbowet 3 lid 2' of 'arbobesluit 2.15'"

    def __init__(self, standaard_wet: str | None = None, arbowetgeving: bool | None = None):
        self.standaard_wet = standaard_wet
        self.arbowetgeving = arbowetgeving  # which laws an editor's form offers: the Arbowetgeving (True), the others (False), all (None)

    def check(self, value, path, checker):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            return self.wrong_type(value, path, checker, "schrijf de wet en het artikel, bijvoorbeeld arbowet 3 lid 2")
        checker.citations.append(Citation(value.strip(), checker.source.mark(path), field_path(path), self.standaard_wet))
        return value.strip()

    def json_schema(self):
        return {"type": "string", "minLength": 3, "description": self.label}


class Old(Type):
    """A field that was renamed: still read, with a Dutch warning saying what to write instead."""

    def __init__(self, inner: Type, message: str, hint: str):
        self.inner, self.message, self.hint = inner, message, hint
        self.label = inner.label

    def check(self, value, path, checker):
        checker.warning(path, self.message, self.hint)
        return self.inner.check(value, path, checker)

    def json_schema(self):
        return {**self.inner.json_schema(), "deprecated": True, "description": f"{self.message}; {self.hint}"}


class Ref(Type):
    """The id of another entry; checked once all files are read."""

    def __init__(self, kind: str):
        self.kind = kind
        self.label = f"de id van een {kind}"

    def check(self, value, path, checker):
        if not isinstance(value, str) or not value:
            return self.wrong_type(value, path, checker)
        checker.references.append(Reference(self.kind, value, checker.source.mark(path), field_path(path)))
        return value

    def json_schema(self):
        return {"type": "string", "description": f"de id van een {self.kind}"}


class ListOf(Type):
    def __init__(self, item: Type, min_items: int = 0):
        self.item, self.min_items = item, min_items
        self.label = "een lijst"

    def check(self, value, path, checker):
        if isinstance(value, str) and isinstance(self.item, (Provision, Ref)) and ", " in value:
            parts = [part.strip() for part in value.split(",") if part.strip()]
            return checker.problem(path, "dit is één tekst met komma's, maar hier hoort een lijst", f"schrijf een lijst: [{', '.join(parts)}]")
        if isinstance(value, str) and self.min_items <= 1 and not isinstance(self.item, Record):
            value = [value]  # a single value where a list is expected: forgive it
        if not isinstance(value, list):
            return self.wrong_type(value, path, checker, "begin elk item op een nieuwe regel met '- '")
        if len(value) < self.min_items:
            return checker.problem(path, f"heeft {len(value)} item(s), minstens {self.min_items} nodig")
        items = [self.item.check(item, path + (i,), checker) for i, item in enumerate(value)]
        return INVALID if any(item is INVALID for item in items) else items

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass
class Field:
    type: Type
    required: bool = True
    help: str = ""  # what goes here, for the editor: in new files and the JSON Schema


class Record(Type):
    """A group of named fields; builds `make(**fields)` when every field is right.

    `extra` carries what is not written in the YAML itself, such as an id taken
    from the file name.
    """

    label = "een groep velden (naam: waarde)"

    def __init__(self, make: Callable[..., Any], **fields: Field | Type):
        self.make = make
        self.fields = {name: f if isinstance(f, Field) else Field(f) for name, f in fields.items()}
        target = getattr(make, "__wrapped__", make)  # a function standing in for a model class says which
        self._takes_origin = dataclasses.is_dataclass(target) and any(f.name == "origin" for f in dataclasses.fields(target))

    def check(self, value, path, checker, **extra):
        if not isinstance(value, dict):
            return self.wrong_type(value, path, checker)
        values: dict[str, Any] = {}
        ok = True
        for name, raw in value.items():
            spec = self.fields.get(name)
            if spec is None:
                hint = did_you_mean(name, self.fields) or "toegestane velden: " + ", ".join(self.fields)
                checker.problem(path + (name,), f"onbekend veld '{name}'", hint, at_key=True)
                ok = False
            elif raw is None:
                # Also for optional fields: 'kleur: #1d5b79' without quotes reads as empty (# starts a comment).
                hint = "vul een waarde in" if spec.required else "vul een waarde in, of laat het veld weg"
                checker.problem(path + (name,), "is leeg", hint + "; begint de waarde met #, zet haar dan tussen aanhalingstekens")
                ok = False
            elif not spec.required and _blank(raw):
                continue  # an editor (such as Decap CMS) writes an unused optional field as '', [] or {}
            else:
                values[name] = spec.type.check(raw, path + (name,), checker)
                ok = ok and values[name] is not INVALID
        for name, spec in self.fields.items():
            if spec.required and name not in value:
                checker.problem(path + (name,), f"verplicht veld '{name}' ontbreekt", f"voeg '{name}:' toe")
                ok = False
        if not ok:
            return INVALID
        if self._takes_origin:
            values["origin"] = checker.source.mark(path)
        return self.make(**values, **extra)

    def json_schema(self):
        properties = {}
        for name, spec in self.fields.items():
            properties[name] = spec.type.json_schema()
            if spec.help:
                properties[name]["description"] = spec.help
        return {
            "type": "object",
            "properties": properties,
            "required": [name for name, spec in self.fields.items() if spec.required],
            "additionalProperties": False,
        }


# --- the kinds of files -------------------------------------------------------


class Markdown(Text):
    """A longer text with Markdown; the browser editor offers a Markdown editor for it."""


class Logo(Text):
    """huisstijl.logo: a path inside the docs folder. '/assets/logo.png', as the browser editor
    writes an image, means the same as 'assets/logo.png'; the build checks the file (handpaginas.py)."""

    label = "een pad naar het logo, zoals assets/logo.svg"

    def check(self, value, path, checker):
        value = super().check(value, path, checker)
        if value is INVALID or not value.startswith("/") or value.startswith("//"):
            return value
        if not value.strip("/"):
            return checker.problem(path, f"'{value}' is geen bestand", "schrijf het pad van het logo in de map van je pagina's, zoals assets/logo.svg")
        return value[1:]


_text = Text()
_md = Markdown()

CATALOGUS = Record(
    model.Info,
    id=Field(Identifier(), help="Vaste naam van deze Wegwijzer, zoals werkdruk-kinderopvang. Verander hem nooit: de browser van een bezoeker bewaart antwoorden, vinkjes en plan onder deze naam."),
    titel=Field(_text, help="De naam van de Wegwijzer; ook de naam van de site."),
    sector=Field(_text, help="De sector, bijvoorbeeld Kinderopvang."),
    uitgever=Field(_text, help="De branchevereniging die de Wegwijzer uitgeeft."),
    versie=Field(_text, help="Versienummer tussen aanhalingstekens, bijvoorbeeld '1.0'."),
    licentie=Field(_text, False, "Bijvoorbeeld CC BY 4.0."),
    contact=Field(_text, False, "E-mailadres of website voor vragen."),
    inleiding=Field(_md, False, "Korte tekst over deze Wegwijzer (Markdown)."),
    mkb_leestijd_max=Field(Integer(1, 120), False, "Maximale leestijd van de MKB-route in minuten (standaard 10)."),
    basis=Field(_text, False, "De basis waarop je voortbouwt: werkdruk, of een pad naar een map."),
    weglaten=Field(ListOf(_text), False, "Ids van knelpunten, oplossingen, praktijk of instrumenten uit de basis die je niet wilt."),
    huisstijl=Field(Record(model.Huisstijl, kleur=Field(Colour(), False), logo=Field(Logo(), False, "Het logo: een bestand in de map van je pagina's, zoals assets/logo.svg.")), False),
    partijen=Field(
        ListOf(Record(model.Partij, naam=_text, kant=Choice(*model.KANT), ondertekenaar=Field(_text, False, "Wie namens deze partij tekent, met functie, zoals 'J. de Vries, voorzitter'. Leeg: het dossier laat een regel open."))), False,
        "De organisaties die de arbocatalogus samen maakten, met hun kant: werkgevers, werknemers of overig. "
        "De Arbeidsinspectie toetst alleen een catalogus van werkgevers en werknemers samen.",
    ),
    reikwijdte=Field(
        Record(model.Reikwijdte, cao=Field(_text, False), functies=Field(ListOf(_text), False), toelichting=Field(_text, False)), False,
        "Voor wie de catalogus geldt: de cao en de functies.",
    ),
    geldig_tot=Field(Date(), False, "Tot wanneer de catalogus geldt, als jaar-maand-dag. De Arbeidsinspectie toetst een catalogus voor een beperkte tijd."),
    vastgesteld=Field(Date(), False, "De dag waarop de partijen deze versie samen vaststelden, als jaar-maand-dag. Hij staat op de verklaring in het toetsingsdossier."),
    publicatie=Field(Url(), False, "Het adres waar iedereen de catalogus gratis kan lezen, zoals https://werkdruk.voorbeeld.nl. Verplicht zodra de catalogus is ingediend."),
    toetsing=Field(
        Record(model.Toetsing, status=Choice(*model.TOETSING), datum=Field(Date(), False), kenmerk=Field(_text, False)), False,
        "Waar de toetsing door de Arbeidsinspectie staat: in-voorbereiding, ingediend of positief-getoetst (met datum en kenmerk).",
    ),
    wijzigingen=Field(
        ListOf(Record(model.Wijziging, versie=_text, datum=Date(), tekst=_md)), False,
        "Wat er per versie veranderde: versie, datum en een korte tekst. Nieuwste bovenaan.",
    ),
    editor=Field(
        Record(
            model.Editor,
            backend=Field(Choice(*model.EDITOR_BACKENDS), help="Waar de bestanden online staan: gitlab (aangeraden), github of git-gateway."),
            repo=Field(_text, False, "Het project op GitLab of GitHub, als groep/naam, zoals mijn-branche/werkdruk-wegwijzer."),
            branch=Field(_text, False, "De tak van het project waaruit de site wordt gebouwd; meestal main."),
            app_id=Field(_text, False, "Alleen bij GitLab: het nummer 'Application ID' van de applicatie die je in GitLab maakte (zie docs/editor.md)."),
            base_url=Field(Url(), False, "Alleen bij GitHub: het adres van de inlogdienst (zie docs/publiceren.md)."),
            controle=Field(YesNo(), False, "ja: een wijziging is eerst een concept dat iemand anders goedkeurt."),
        ), False,
        "Zet de editor in de browser aan (/admin/): redacteuren werken dan in een formulier in plaats van in YAML.",
    ),
)

BRONNEN = Field(
    ListOf(Record(model.Bron, titel=_text, uitgever=Field(_text, False), jaar=Field(Integer(1900, 2100), False), link=Field(Url(), False))), False,
    "Waar de feiten of het idee vandaan komen: titel, uitgever, jaar en link.",
)

SUBSTAP = Record(
    model.Substap,
    id=Identifier(eigen_pagina=True),
    titel=_text,
    resultaat=_text,
    wat_en_waarom=_md,
    hoe=_md,
    met_wie=_md,
    check=ListOf(_text, min_items=1),
    verandering=_md,
    praktijk=Field(ListOf(Ref("praktijk")), False),
    instrumenten=Field(ListOf(Ref("instrument")), False),
)

STAP = Record(
    model.Stap,
    nummer=Integer(1, 5),
    titel=_text,
    kort=_text,
    duur=_text,
    inleiding=Field(_md, False),
    mkb=Record(
        model.MkbSamenvatting,
        inleiding=_md,
        acties=ListOf(Record(model.MkbActie, titel=_text, tekst=_text, meer=Ref("substap")), min_items=1),
        tip=Field(_text, False),
    ),
    substappen=ListOf(SUBSTAP, min_items=1),
)

WERKDRUKMODEL = Record(
    model.Werkdrukmodel,
    inleiding=_md,
    groepen=ListOf(
        Record(
            model.Groep,
            id=Identifier(),
            titel=_text,
            soort=Choice(*model.GROEP_SOORTEN),
            omschrijving=_md,
            factoren=ListOf(Record(model.Factor, id=Identifier(eigen_pagina=True), titel=_text, omschrijving=_md), min_items=1),
        ),
        min_items=1,
    ),
    gevolgen=Field(Record(model.Gevolgen, werkstress=_md, lange_termijn=ListOf(_text, min_items=1)), False),
)

KNELPUNT = Record(
    model.Knelpunt,
    titel=Field(_text, help="Het knelpunt in een paar woorden, zoals mensen het zelf zouden zeggen."),
    factor=Field(Ref("factor"), help="De id van de factor uit het werkdrukmodel waar dit knelpunt bij hoort, bijvoorbeeld tijdsdruk."),
    omschrijving=Field(_md, help="Wat er gebeurt en waarom het de druk verhoogt, in korte zinnen (Markdown)."),
    signalen=Field(ListOf(_text, min_items=1), help="Waaraan je het herkent: een signaal per regel."),
    oplossingen=Field(ListOf(Ref("oplossing"), min_items=1), help="Ids van oplossingen die helpen, minstens twee."),
    stellingen=Field(ListOf(Ref("stelling")), False, "Ids van de stellingen uit de werkdrukscan die dit knelpunt aanwijzen. Zonder stellingen komt het knelpunt niet in de uitslag van de scan."),
    bronnen=BRONNEN,
    praktijk=Field(ListOf(Ref("praktijk")), False, "Ids van citaten uit de praktijk die bij dit knelpunt horen; ze staan op de pagina van het knelpunt."),
)

def _oplossing(arbowet: list | None = None, bron: model.Bron | None = None, **fields) -> model.Oplossing:
    """An oplossing; the fields of older versions (arbowet, bron) are read into their new places."""
    fields["grondslag"] = fields.get("grondslag", []) + (arbowet or [])
    fields["bronnen"] = fields.get("bronnen", []) + ([bron] if bron else [])
    return model.Oplossing(**fields)


_oplossing.__wrapped__ = model.Oplossing

OPLOSSING = Record(
    _oplossing,
    titel=Field(_text, help="De oplossing in een paar woorden."),
    omschrijving=Field(_md, help="Wat het is, waarom het helpt en een voorbeeld (Markdown)."),
    aanpak=Field(Choice(*model.AANPAK), help="bron (neemt belasting weg) of belastbaarheid (maakt mensen sterker)."),
    niveau=Field(ListOf(Choice(*model.NIVEAU), min_items=1), help="Een of meer van: organisatie, team, individu."),
    termijn=Field(Choice(*model.TERMIJN), help="quick-win (deze week), kort (binnen een paar maanden) of structureel."),
    kosten=Field(Choice(*model.KOSTEN), help="laag, midden of hoog."),
    invoeren=Field(ListOf(_text, min_items=1), help="De stappen om het in te voeren: een stap per regel."),
    randvoorwaarden=Field(ListOf(_text), False, "Wat er nodig is om het te laten werken."),
    grondslag=Field(
        ListOf(Provision(arbowetgeving=True)), False,
        "De artikelen uit de Arbowetgeving (Arbowet, Arbobesluit, Arboregeling) die deze maatregel invult, zoals arbowet 3 lid 2 of arbobesluit 2.15 lid 1. "
        "Daartegen toetst de Arbeidsinspectie; een arbocatalogus noemt ze bij elke maatregel.",
    ),
    ook_van_belang=Field(
        ListOf(Provision(arbowetgeving=False)), False,
        "Artikelen uit andere wetten die bij deze maatregel horen, zoals de Arbeidstijdenwet (atw 5:4), de WOR (wor 27 lid 1 onder b) of de Wazo. "
        "Ze staan op de pagina onder 'Ook van belang', niet als grondslag.",
    ),
    bronnen=BRONNEN,
    onderbouwing=Field(
        Record(model.Onderbouwing, soort=Choice(*model.ONDERBOUWING), toelichting=_md), False,
        "Hoe goed bekend is dat het werkt: onderzoek, praktijk of deskundigen, met een korte toelichting.",
    ),
    praktijk=Field(ListOf(Ref("praktijk")), False, "Ids van citaten uit de praktijk die bij deze oplossing horen; ze staan op de pagina van de oplossing."),
    arbowet=Field(Old(ListOf(Provision("arbowet")), "het veld 'arbowet' heet nu 'grondslag'", "schrijf 'grondslag: [arbowet 3 lid 2]', of laat 'wegwijzer bijwerken' je bestanden omzetten"), False),
    bron=Field(Old(Record(lambda naam, url=None: model.Bron(titel=naam, link=url), naam=_text, url=Field(Url(), False)), "het veld 'bron' heet nu 'bronnen' (een lijst)", "schrijf 'bronnen:' met '- titel:' en 'link:', of laat 'wegwijzer bijwerken' je bestanden omzetten"), False),
)

WERKSESSIE = Record(
    model.Werksessie,
    titel=_text,
    inleiding=Field(_md, False),
    benodigdheden=ListOf(_text, min_items=1),
    afspraken=ListOf(_text, min_items=1),
    delen=ListOf(
        Record(
            model.Deel,
            titel=_text,
            minuten=Integer(1, 480),
            leiding=Field(_text, False),
            doel=Field(_md, False),
            werkvormen=ListOf(Record(model.Werkvorm, titel=_text, instructie=_md), min_items=1),
            pauze=Field(Integer(1, 120), False, "Minuten pauze na dit deel. De pauze staat als eigen regel in het tijdschema."),
        ),
        min_items=1,
    ),
    rondes=Field(ListOf(Record(model.Ronde, titel=_text, vraag=_text, kleur=_text)), False),
    starttijd=Field(ClockTime(), False),
)

CRITERIA = Record(
    model.Criteria,
    inleiding=Field(_md, False),
    criteria=ListOf(Record(model.Criterium, id=Identifier(), titel=_text, vraag=_text), min_items=1),
)

SCAN = Record(
    model.Scan,
    inleiding=Field(_md, False),
    minimum_groep=Field(Integer(2, 100), False, "Vanaf hoeveel uitslagen de teamuitslag iets toont (standaard 5). Bij minder is te raden wie wat antwoordde."),
    stellingen=ListOf(
        Record(model.Stelling, id=Identifier(), tekst=_text, factor=Ref("factor"), soort=Choice(*model.STELLING_SOORTEN)),
        min_items=1,
    ),
    kwadranten=Field(
        ListOf(
            Record(
                model.Kwadrant,
                eisen=Choice("laag", "hoog"),
                hulpbronnen=Choice("laag", "hoog"),
                titel=_text,
                betekenis=_md,
                advies=_md,
                oplossingen=Field(ListOf(Ref("oplossing")), False),
            )
        ),
        False,
    ),
)

PRAKTIJK = Record(
    model.Praktijk,
    citaat=Field(_md, help="Wat iemand uit de praktijk zegt, in een paar zinnen."),
    wie=Field(_text, help="Wie het zegt: functie en soort organisatie, geen naam."),
    soort=Field(Choice(*model.CITAAT_SOORTEN), False, "illustratie (zelf geschreven als voorbeeld; standaard) of echt (iemand zei het echt; dan ook bron en toestemming)."),
    bron=Field(_text, False, "Bij een echt citaat: waar en wanneer het gezegd is, bijvoorbeeld 'interview, maart 2026'."),
    toestemming=Field(YesNo(), False, "Bij een echt citaat: ja als de persoon toestemming gaf om het te publiceren."),
)

INSTRUMENT = Record(
    model.Instrument,
    titel=Field(_text, help="De naam van het hulpmiddel of de bron."),
    omschrijving=Field(_md, help="Wat het is en waarvoor je het gebruikt (Markdown)."),
    url=Field(Url(), False, "Het webadres, beginnend met https://."),
    kosten=Field(_text, help="Bijvoorbeeld gratis, betaald of op aanvraag."),
    bronnen=BRONNEN,
)

NORMEN = Record(
    lambda wetten=(), bepalingen=(): (list(wetten), list(bepalingen)),
    wetten=Field(
        ListOf(Record(normen.Wet, id=Identifier(), naam=_text, afkorting=_text, url=Url(), ook=Field(ListOf(_text), False))), False,
        "Wetten en cao's waarvan je bepalingen noemt: id (zoals cao-kinderopvang), naam, afkorting, link en andere schrijfwijzen.",
    ),
    bepalingen=Field(
        ListOf(Record(
            normen.Bepaling,
            wet=Field(_text, help="De id van de wet, zoals arbowet, arbobesluit, atw, wor, wazo, of een eigen wet uit 'wetten'."),
            artikel=Field(_text, help="Het artikelnummer als tekst: '3', '2.15', '5:4'."),
            lid=Field(Integer(1, 99), False, "Het lid, als het een lid is."),
            letter=Field(_text, False, "De letter (onderdeel) van het lid, zoals d."),
            onderwerp=Field(_text, help="Waar de bepaling over gaat, in gewone woorden."),
            url=Field(Url(), False, "De link naar de officiële tekst van dit artikel."),
            bevestigd=Field(YesNo(), False, "nee als de nummering niet tegen de officiële tekst is nagekeken."),
            toelichting=Field(_text, False, "Bijvoorbeeld waarom iets nog niet bevestigd is."),
        )), False,
        "De bepalingen: wet, artikel, eventueel lid en letter, en het onderwerp.",
    ),
)
