"""The browser editor's configuration (Decap CMS `config.yml`), generated from `schema.py`.

One declaration, three readers: the loader validates with it, VS Code checks with
the JSON Schemas made from it, and the browser editor's forms are made from it
here. So a form never offers a field the build refuses, nor misses one.

Every reference becomes a select with the ids that exist in the catalogus as it
is built, base included: Decap's relation widget only knows the files in the
repository, and silently drops an id from the base when an editor saves.
"""

from __future__ import annotations

import os

from . import model, schema
from .json_schema import KINDS
from .loader import ENTRY_FOLDERS, SINGLE_FILES, STEP_FOLDER

#: Folder -> (label of the collection, label of one entry, the field whose words make the file name).
FOLDER_LABELS = {
    "knelpunten": ("Knelpunten", "Knelpunt", "titel"),
    "oplossingen": ("Oplossingen", "Oplossing", "titel"),
    "praktijk": ("Citaten uit de praktijk", "Citaat", "wie"),
    "instrumenten": ("Instrumenten", "Instrument", "titel"),
}


def label(name: str) -> str:
    """'wat_en_waarom' -> 'Wat en waarom'."""
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


class Options:
    """The ids a select offers, per kind of reference, from the catalogus as built."""

    def __init__(self, catalogus: model.Catalogus):
        self.catalogus = catalogus

    def __call__(self, kind: str) -> list[dict]:
        if kind == "norm":
            return [{"label": f"{b.label}: {b.onderwerp}", "value": b.notatie} for b in self.catalogus.normen.bepalingen.values()]
        if kind == "stelling":
            stellingen = self.catalogus.scan.stellingen if self.catalogus.scan else []
            return [{"label": s.tekst, "value": s.id} for s in stellingen]
        entries = self.catalogus.entries(kind)
        return [{"label": f"{_title(entry)} ({entry_id})", "value": entry_id} for entry_id, entry in sorted(entries.items())]


def _title(entry) -> str:
    return getattr(entry, "titel", None) or getattr(entry, "wie", None) or str(getattr(entry, "id", ""))


def widget(kind: schema.Type, options: Options) -> dict:
    """Decap's widget for one schema type."""
    if isinstance(kind, schema.Markdown):
        return {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"], "editor_components": []}
    if isinstance(kind, schema.Provision):
        return {"widget": "select", "options": options("norm")}
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
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D-M-YYYY", "time_format": False, "picker_utc": True}
    if isinstance(kind, schema.Colour):
        return {"widget": "color"}
    if isinstance(kind, schema.Url):
        return {"widget": "string", "pattern": [r"^https?://[^\s/]+\.[^\s]+$", "Begin met https:// en gebruik geen spaties"]}
    if isinstance(kind, schema.ListOf):
        item = kind.item
        if isinstance(item, (schema.Choice, schema.Ref, schema.Provision)):
            return {**widget(item, options), "multiple": True, **({"min": kind.min_items} if kind.min_items else {})}
        least = {"min": kind.min_items} if kind.min_items else {}
        if isinstance(item, schema.Record):
            first = next(iter(item.fields))
            return {"widget": "list", "summary": "{{fields." + first + "}}", "fields": fields(item, options), **least}
        # a list of lines stays open: an editor reads every signal and step without clicking
        return {"widget": "list", "collapsed": False, "field": {"name": "item", "label": "Regel", **widget(item, options)}, **least}
    if isinstance(kind, schema.Record):
        return {"widget": "object", "fields": fields(kind, options)}
    return {"widget": "string"}


def fields(record: schema.Record, options: Options) -> list[dict]:
    """The form's fields, in the order of the schema; renamed (old) fields are never offered."""
    out = []
    for name, spec in record.fields.items():
        if isinstance(spec.type, schema.Old):
            continue
        field = {"name": name, "label": label(name), **widget(spec.type, options)}
        if spec.help:
            field["hint"] = spec.help
        if not spec.required:
            field["required"] = False
        out.append(field)
    return out


def decap_config(catalogus: model.Catalogus, folder: str, editor: model.Editor, local_port: int = 8081) -> dict:
    """Decap CMS's config for the catalogus in `folder` (relative to the repository root)."""
    options = Options(catalogus)
    collections = []
    for name, record in ENTRY_FOLDERS.items():
        plural, singular, identifier = FOLDER_LABELS[name]
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
            "fields": fields(record, options),
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

