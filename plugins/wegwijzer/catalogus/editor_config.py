"""The browser editor's configuration (Decap CMS `config.yml`), generated from `schema.py`.

One declaration, three readers: the loader validates with it, VS Code checks with
the JSON Schemas made from it, and the browser editor's forms are made from it
here. So a form never offers a field the build refuses, nor misses one.

Every reference becomes a select with the ids that exist in the catalogus as it
is built, base included: Decap's relation widget only knows the files in the
repository, and silently drops an id from the base when an editor saves.
"""

from __future__ import annotations

import dataclasses
import os

from pathlib import Path

from . import model, normen, schema
from .handpaginas import docs_dir_of
from .json_schema import KINDS
from .loader import SINGLE_FILES, STEP_FOLDER
from .soorten import PER_BESTAND



#: Labels an editor would not understand from the field's name alone (jargon, English, abbreviations).
LABELS = {
    "id": "Vaste naam",
    "backend": "Waar de bestanden staan",
    "repo": "Opslagplaats (groep/naam)",
    "branch": "Tak die de site bouwt",
    "app_id": "Nummer van de GitLab-applicatie",
    "base_url": "Adres van de inlogdienst",
    "controle": "Eerst laten nakijken",
    "editor": "Editor in de browser",
    "mkb_leestijd_max": "Leestijd van de MKB-route (minuten)",
    "mkb": "Korte versie voor het MKB",
    "minimum_groep": "Kleinste groep voor de teamuitslag",
    "url": "Webadres",
    "link": "Webadres",
    "cao": "Cao",
    "ook": "Andere schrijfwijzen",
    "meer": "Meer uitleg in substap",
    "check": "Checklist",
    "grondslag": "Grondslag: artikelen uit de Arbowetgeving",
    "ook_van_belang": "Ook van belang: artikelen uit andere wetten",
    "vastgesteld": "Vastgesteld op",
    "publicatie": "Openbaar te lezen op (webadres)",
    "ondertekenaar": "Ondertekenaar (naam en functie)",
    "weglaten": "Weglaten uit de basis",
    "bevestigd": "Nagekeken",
    "wie": "Wie zegt het",
    "lid": "Lid",
}

#: How one item of a list is called ("1 signaal", "Voeg signaal toe"); Decap uses the label otherwise ("1 signalen").
SINGULAR = {
    "signalen": "signaal", "oplossingen": "oplossing", "stellingen": "stelling", "bronnen": "bron", "praktijk": "citaat",
    "instrumenten": "instrument", "invoeren": "stap", "randvoorwaarden": "randvoorwaarde", "grondslag": "wetsartikel", "ook_van_belang": "wetsartikel",
    "niveau": "niveau", "weglaten": "onderdeel", "partijen": "partij", "functies": "functie", "wijzigingen": "wijziging",
    "substappen": "substap", "acties": "actie", "check": "punt", "groepen": "groep", "factoren": "factor",
    "lange_termijn": "gevolg", "benodigdheden": "benodigdheid", "afspraken": "afspraak", "delen": "deel",
    "werkvormen": "werkvorm", "rondes": "ronde", "criteria": "criterium", "kwadranten": "kwadrant", "wetten": "wet",
    "bepalingen": "bepaling", "ook": "schrijfwijze",
}

#: The form's own checks, each the loader's rule (schema.py) with the words an editor reads when it fails.
ID_RULE = [schema.ID_PATTERN.pattern, "gebruik alleen kleine letters, cijfers en streepjes, zoals werkdruk-schoonmaak"]
URL_RULE = [r"^https?://[^\s/]+\.[^\s]+$", "begin met https:// en gebruik geen spaties"]
COLOUR_RULE = ["^#[0-9a-fA-F]{6}$", "schrijf de kleur als # met zes tekens, zoals #1d5b79"]
TIME_RULE = [r"^([01]?\d|2[0-3]):[0-5]\d$", "schrijf de tijd als 09:00"]
TEXT_RULE = [r"\S", "vul tekst in, niet alleen spaties"]


def _title_rule() -> list[str]:
    """For an entry whose file name Decap makes from its title: a title whose name would be one
    of the site's own page names (schema.PAGINANAMEN: "Alle" gives alle.yml) is refused in the form,
    as the loader refuses the file. Decap's pattern has no flags, so each letter is given both ways."""
    names = "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in name) for name in schema.PAGINANAMEN)
    return [rf"^(?![^A-Za-z0-9]*({names})[^A-Za-z0-9]*$)[\s\S]*\S",
            "schrijf een titel die zegt waar het over gaat, niet alleen spaties of "
            + " of ".join(f"'{n.capitalize()}'" for n in schema.PAGINANAMEN) + ": die namen heeft de site al voor een eigen pagina"]


TITLE_RULE = _title_rule()
#: Said under every Markdown field: how to link, and that the rich-text mode would spoil it.
LINK_HINT = ("Linken naar een ander onderdeel: schrijf [[knelpunt:id]] of [[oplossing:id]]; "
             "de id staat tussen haakjes in de keuzelijsten.")
#: Said under the fields of a block that may stay empty as a whole.
IN_OPTIONAL_BLOCK = "Nodig als je dit blok invult."


def label(name: str) -> str:
    """'wat_en_waarom' -> 'Wat en waarom'; the jargon of LABELS in plain Dutch."""
    if name in LABELS:
        return LABELS[name]
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


class Options:
    """The ids a select offers, per kind of reference, from the catalogus as built."""

    def __init__(self, catalogus: model.Catalogus):
        self.catalogus = catalogus

    def __call__(self, kind: str) -> list[dict]:
        if kind in ("norm", "norm:arbowetgeving", "norm:overig"):
            wanted = {"norm": None, "norm:arbowetgeving": True, "norm:overig": False}[kind]
            return [{"label": f"{b.label}: {b.onderwerp}", "value": b.notatie} for b in self.catalogus.normen.bepalingen.values()
                    if wanted is None or b.wet.arbowetgeving == wanted]
        if kind == "stelling":
            stellingen = self.catalogus.scan.stellingen if self.catalogus.scan else []
            return [{"label": s.tekst, "value": s.id} for s in stellingen]
        entries = self.catalogus.entries(kind)
        return [{"label": f"{_title(entry)} ({entry_id})", "value": entry_id} for entry_id, entry in sorted(entries.items())]


def _title(entry) -> str:
    return getattr(entry, "titel", None) or getattr(entry, "wie", None) or str(getattr(entry, "id", ""))


def widget(kind: schema.Type, options: Options, loose: bool = False) -> dict:
    """Decap's widget for one schema type, with the loader's rule as the form's check.

    `loose`: inside a block that may stay empty as a whole, where nothing may be
    required (Decap checks the fields of an object even when it is left empty).
    """
    if isinstance(kind, schema.Markdown):
        return {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"], "editor_components": []}
    if isinstance(kind, schema.Provision):
        return {"widget": "select", "options": options({None: "norm", True: "norm:arbowetgeving", False: "norm:overig"}[kind.arbowetgeving])}
    if isinstance(kind, schema.Ref):
        return {"widget": "select", "options": options(kind.kind)}
    if isinstance(kind, schema.Choice):
        return {"widget": "select", "options": list(kind.values)}
    if isinstance(kind, schema.Integer):
        spec = {"widget": "number", "value_type": "int"}
        spec.update({k: v for k, v in (("min", kind.minimum), ("max", kind.maximum)) if v is not None})
        return spec
    if isinstance(kind, schema.YesNo):
        return {"widget": "boolean", "default": False}
    if isinstance(kind, schema.Date):
        # Saved as 2027-12-31; the browser shows its own day-month-year. Without picker_utc: no "UTC" beside it.
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY", "time_format": False}
    if isinstance(kind, schema.Colour):
        return {"widget": "color", "allowInput": True, "pattern": COLOUR_RULE}  # typed or picked: a house style comes as a code
    if isinstance(kind, schema.Url):
        return {"widget": "string", "pattern": URL_RULE}
    if isinstance(kind, schema.Identifier):
        return {"widget": "string", "pattern": ID_RULE}
    if isinstance(kind, schema.ClockTime):
        return {"widget": "string", "pattern": TIME_RULE}
    if isinstance(kind, schema.ListOf):
        item = kind.item
        least = {"min": kind.min_items} if kind.min_items else {}
        if isinstance(item, (schema.Choice, schema.Ref, schema.Provision)):
            return {**widget(item, options), "multiple": True, **least}
        if isinstance(item, schema.Record):
            first = next(iter(item.fields))
            return {"widget": "list", "summary": "{{fields." + first + "}}", "fields": fields(item, options), **least}
        # a list of lines stays open: an editor reads every signal and step without clicking
        return {"widget": "list", "collapsed": False, "field": {"name": "item", "label": "Regel", **widget(item, options)}, **least}
    if isinstance(kind, schema.Record):
        return {"widget": "object", "fields": fields(kind, options, loose)}
    return {"widget": "string"}


def fields(record: schema.Record, options: Options, loose: bool = False) -> list[dict]:
    """The form's fields, in the order of the schema; renamed (old) fields are never offered.

    An optional block (a group of fields, such as 'onderbouwing') starts folded and
    may be left empty: Decap would otherwise demand its inner fields even then. Its
    inner fields say they are needed once the block is filled in; the build checks that.
    """
    out = []
    for name, spec in record.fields.items():
        if isinstance(spec.type, schema.Old):
            continue
        block = isinstance(spec.type, schema.Record) and not spec.required
        field = {"name": name, "label": label(name), **widget(spec.type, options, loose or block)}
        if isinstance(spec.type, schema.YesNo):
            field["default"] = _default(record, name, False)  # 'bevestigd' is yes unless said otherwise
        if name == "logo":
            # Decap writes the path on the site, '/assets/logo.png'; the build reads it inside the docs folder
            field.update(widget="image", choose_url=False)
            hints = ["Het logo van je organisatie (SVG of PNG). Het komt in de map assets van je pagina's."]
        hints = hints if name == "logo" else [spec.help] if spec.help else []
        if isinstance(spec.type, schema.Markdown):
            hints.append(LINK_HINT)
        if spec.required and loose:
            hints.append(IN_OPTIONAL_BLOCK)
        if hints:
            field["hint"] = " ".join(hints)
        if isinstance(spec.type, schema.ListOf) and name in SINGULAR:
            field["label_singular"] = SINGULAR[name]
        if field["widget"] == "string" and "pattern" not in field and spec.required:
            field["pattern"] = TEXT_RULE
        if block:
            field["collapsed"] = True
        if not spec.required or loose:
            field["required"] = False
        out.append(field)
    return out


def _with_title_rule(form: list[dict], identifier: str | None) -> list[dict]:
    """`form` with TITLE_RULE on its `identifier` field (None: as it is)."""
    return [{**field, "pattern": TITLE_RULE} if identifier and field["name"] == identifier else field for field in form]


def decap_config(catalogus: model.Catalogus, folder: str, editor: model.Editor, local_port: int = 8081, docs: str | None = None) -> dict:
    """Decap CMS's config for the catalogus in `folder` (relative to the repository root).

    `docs` is the docs folder (relative to the same root) whose Markdown pages are the
    guide's own pages; without it, the one mkdocs.yml beside the catalogus names.
    """
    options = Options(catalogus)
    collections = []
    for name, soort in PER_BESTAND.items():
        plural, singular, identifier, record = soort.meervoud, soort.enkelvoud, soort.naamveld, soort.regel
        collections.append({
            "name": name,
            "label": plural,
            "label_singular": singular,
            "folder": f"{folder}/{name}",
            "extension": "yml",
            "format": "yaml",
            "create": True,
            "delete": False,  # removing an entry others link to is done in a file, with `wegwijzer check` after
            "identifier_field": identifier,
            "slug": "{{slug}}",  # the file name, and so the id, is made from the title
            "summary": "{{" + identifier + "}}",
            "editor": {"preview": False},
            "fields": _with_title_rule(fields(record, options), identifier if soort.eigen_pagina else None),
        })
    files = [("catalogus.yml", "Over deze Wegwijzer")]
    files += [(name, KINDS[name.removesuffix(".yml")][1]) for name in SINGLE_FILES if name != "catalogus.yml"]
    own = catalogus.lagen[-1]  # the sector's own folder: a file of the base is not edited here (an empty form would replace it)
    present = [(name, title) for name, title in files if os.path.exists(os.path.join(own, name))]
    collections.append({
        "name": "instellingen",
        "label": "Instellingen en vaste teksten",
        "editor": {"preview": False},
        "files": [
            {"name": name.removesuffix(".yml"), "label": title, "file": f"{folder}/{name}", "fields": fields(SINGLE_FILES[name][0], options)}
            for name, title in present
        ],
    })
    if os.path.isdir(os.path.join(own, STEP_FOLDER)):
        collections.append({
            "name": "stappen", "label": "Stappen", "label_singular": "Stap", "folder": f"{folder}/{STEP_FOLDER}",
            "extension": "yml", "format": "yaml", "create": False, "delete": False, "identifier_field": "titel",
            "summary": "Stap {{nummer}}: {{titel}}", "editor": {"preview": False}, "fields": fields(schema.STAP, options),
        })
    collections.append({
        "name": "normen",
        "label": "Wetsbepalingen van de sector",
        "editor": {"preview": False},
        # offered also before the file exists: Decap then opens an empty form and makes the file on saving
        "files": [{
            "name": "normen", "label": "Eigen wetsbepalingen en cao-artikelen", "file": f"{folder}/{normen.FILE_NAME}",
            "fields": fields(schema.NORMEN, options),
        }],
    })
    pages = docs if docs is not None else _docs_folder(own, folder)
    collections.append({
        "name": "paginas",
        "label": "Eigen pagina's",
        "label_singular": "Pagina",
        "folder": pages,
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "editor": {"preview": False},
        "fields": [
            {"name": "title", "label": "Titel", "widget": "string", "pattern": TEXT_RULE, "hint": "De titel boven de pagina en in het menu. De bestandsnaam wordt ervan gemaakt."},
            {"name": "body", "label": "Tekst", "widget": "markdown", "hint": LINK_HINT,
             "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list"], "editor_components": ["image"]},
        ],
    })
    backend = {"name": editor.backend, "branch": editor.branch}
    backend.update({k: v for k, v in (("repo", editor.repo), ("app_id", editor.app_id), ("base_url", editor.base_url)) if v})
    if editor.backend == "gitlab" and editor.app_id:
        backend["auth_type"] = "pkce"
    config = {
        "locale": "nl",
        "backend": backend,
        "local_backend": {"url": f"http://localhost:{local_port}/api/v1"},
        "media_folder": "content/assets",
        "public_folder": "/assets",
        "site_url": "/",
        "display_url": "/",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if editor.controle:
        config["publish_mode"] = "editorial_workflow"
    return config



def _default(record: schema.Record, name: str, otherwise):
    """The model's default for a field left out, so a form shows what the build would read."""
    target = getattr(record.make, "__wrapped__", record.make)
    if dataclasses.is_dataclass(target):
        for item in dataclasses.fields(target):
            if item.name == name and item.default is not dataclasses.MISSING:
                return item.default
    return otherwise


def _docs_folder(own: str, folder: str) -> str:
    """The docs folder mkdocs.yml beside the catalogus names, relative to the repository root ('content')."""
    parts = Path(folder).parts
    if not parts or ".." in parts or Path(folder).is_absolute():
        return "content"
    root = Path(own).resolve()
    for _ in parts:
        root = root.parent
    try:
        return docs_dir_of(own).resolve().relative_to(root).as_posix()
    except ValueError:  # outside the repository: settings_problems reports it
        return "content"
