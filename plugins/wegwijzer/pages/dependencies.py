"""Which parts of the catalogus each generated page was made of, so the preview renders again only
the pages whose parts changed.

After an editor saves one knelpunt, a guide of 1,000 knelpunten has some 3,000
generated pages, of which a handful show anything of that knelpunt. Rendering
them all took a second of every rebuild of the preview. Here each page remembers
what it read while it was rendered, and gets its last render back when none of
that changed.

- **What a page read** is seen where Jinja looks anything up (`Environment.getattr`
  and `getitem`, also behind `sort(attribute=…)` and the like): the entries it
  looked into (a knelpunt, a factor, a substap, …) and the parts of the catalogus
  itself (`catalogus.knelpunten`, `catalogus.info`, …). Its context (`PageSpec.context`)
  counts as read too. A `[[kind:id]]` link reads the entry it points to (`Kept.links`).
- **What changed** is found by comparing a fingerprint of every entry, and of
  every part of the catalogus, with the last build's (`fingerprints`). An entry's
  fingerprint holds all its fields, also the derived ones (a factor's knelpunten)
  and its properties (a factor's oplossingen, gathered from its knelpunten), with
  another entry written as its key: that entry has a fingerprint of its own, and
  a page that looked into it read it.

A page whose template, context or any part it read differs is rendered again; so
is every page when a page template changed, and on the first build. What Python
code reads of an entry it is handed is not seen: a filter or global gets plain
values (a title, an id), or the entry's fields are read in the template. Only the
preview keeps renders; `mkdocs build` renders every page (`tests/test_dependencies.py`
edits the example in many ways and checks each kept page against a new render).
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import Any, Callable

import jinja2

from .. import cache
from ..catalogus import model, normen

#: The entries of a catalogus: objects with an identity (`eq=False`) and an id, which other entries point to.
#: A provision of the law too: each names the hundreds of oplossingen that cite it.
ENTRIES = (model.Knelpunt, model.Oplossing, model.Factor, model.Groep, model.Stap, model.Substap,
           model.Praktijk, model.Instrument, model.Stelling, normen.Wet, normen.Bepaling)
_ENTRY_TYPES = frozenset(ENTRIES)
#: A part of the catalogus (`("catalogus", name)`) that stands for all of it: read by its methods.
WHOLE = ("catalogus", "*")


def key_of(entry) -> tuple:
    kind = type(entry)
    if kind is _BEPALING:
        return ("Bepaling", *entry.sleutel)
    return (_NAMES[kind], entry.id)


_BEPALING = normen.Bepaling
_NAMES = {kind: kind.__name__ for kind in ENTRIES}


class RecordingEnvironment(jinja2.Environment):
    """A Jinja environment that notes, between `record` and `stop`, which entries and parts of the catalogus
    are looked up. Outside that its lookups are Jinja's own, without a step more (`mkdocs build`)."""

    reads: set | None = None

    def record(self, reads: set) -> None:
        self.reads = reads
        self.getattr, self.getitem = self._recording_getattr, self._recording_getitem  # what templates call

    def stop(self) -> None:
        self.reads = None
        del self.getattr, self.getitem

    def _recording_getattr(self, obj, attribute):
        self._note(obj, attribute)
        return jinja2.Environment.getattr(self, obj, attribute)

    def _recording_getitem(self, obj, argument):
        if isinstance(argument, str):
            self._note(obj, argument)
        return jinja2.Environment.getitem(self, obj, argument)

    def _note(self, obj, name: str) -> None:
        if type(obj) in _ENTRY_TYPES:
            self.reads.add(key_of(obj))
        elif isinstance(obj, model.Catalogus):
            self.reads.add(("catalogus", name) if name in _FIELDS else WHOLE)


_FIELDS = frozenset(f.name for f in dataclasses.fields(model.Catalogus)) | {"substappen", "factoren"}


def fingerprints(catalogus: model.Catalogus) -> dict[tuple, Any]:
    """A comparable value for every entry reachable from `catalogus`, and for each of its parts."""
    found: dict[tuple, Any] = {}
    objects: dict[tuple, int] = {}
    waiting: list = []

    def entry(v) -> tuple:
        key = key_of(v)
        if key not in objects:
            objects[key] = id(v)
            waiting.append(v)
        elif objects[key] != id(v):  # two entries under one key: never the same as before
            found[key] = object()
        return key

    for name in sorted(_FIELDS):
        found[("catalogus", name)] = comparable(getattr(catalogus, name), entry)
    found[WHOLE] = tuple(found[("catalogus", name)] for name in sorted(_FIELDS))
    while waiting:
        v = waiting.pop()
        key = key_of(v)
        if key not in found:
            parts = tuple(_parts(v, entry, (id(v),)))
            found.setdefault(key, parts)  # a twin found meanwhile (two entries, one key) keeps its mark
    return found


def comparable(v, entry: Callable[[Any], tuple] = key_of, stack: tuple = ()) -> Any:
    """`v` as a value that compares equal only when what it holds is the same; an entry in it as `entry(v)`.

    Texts and None, most of what an entry holds, are taken as they are before a call (a tenth of a
    rebuild's work at 1,000 knelpunten was calls)."""
    kind = type(v)
    if v is None or kind is str:
        return v
    if kind in _PLAIN:  # with its kind: 1, 1.0 and True are equal in Python, not on a page
        return (_PLAIN[kind], v)
    if kind in _ENTRY_TYPES:
        return entry(v)
    if id(v) in stack:  # back to an object being looked at: what it holds is in that look already
        return ("kring",)
    stack = (*stack, id(v))
    if kind is dict:
        return tuple((comparable(k, entry, stack), comparable(x, entry, stack)) for k, x in v.items())
    if kind is list or kind is tuple:
        return (kind.__name__, *[x if x is None or type(x) is str else comparable(x, entry, stack) for x in v])
    if kind in (set, frozenset):
        return frozenset(comparable(x, entry, stack) for x in v)
    if dataclasses.is_dataclass(v):
        return (kind.__name__, *_parts(v, entry, stack))
    if isinstance(v, Path):
        return str(v)
    return object()  # unknown: never the same as before, so whatever read it is rendered again


_PLAIN = {int: "int", float: "float", bool: "bool", datetime.date: "date", datetime.datetime: "datetime"}


def _parts(obj, entry: Callable, stack: tuple) -> list:
    """Every field of a dataclass (also those left out of its comparison) and every property, comparable."""
    fields, properties = _names(type(obj))
    found = []
    for name in fields:
        v = getattr(obj, name)
        found.append(v if v is None or type(v) is str else comparable(v, entry, stack))
    for name in properties:
        try:
            found.append(comparable(getattr(obj, name), entry, stack))
        except Exception as error:  # noqa: BLE001 - a property that fails now fails the same way each time
            found.append(("fout", type(error).__name__))
    return found


_NAMES_OF: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(kind: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields (but private ones, a cache) and the properties of a dataclass."""
    if kind not in _NAMES_OF:
        fields = tuple(f.name for f in dataclasses.fields(kind) if not f.name.startswith("_"))
        properties = tuple(sorted(name for klass in kind.__mro__ for name, member in vars(klass).items() if isinstance(member, property)))
        _NAMES_OF[kind] = (fields, properties)
    return _NAMES_OF[kind]


class Kept:
    """The renders and expanded links of the last builds, for the preview (see the module's docstring)."""

    def __init__(self) -> None:
        self.prints: dict[tuple, Any] | None = None
        self.stamp: tuple = ()
        self.renders: dict[str, tuple] = {}  # src_uri -> (template, context, reads, page)
        self.expanded: dict[str, tuple] = {}  # src_uri -> (markdown, reads, expanded markdown)
        self.rendered = 0  # pages rendered in this build (the rest came back)

    def start(self, catalogus: model.Catalogus, env: jinja2.Environment, *settings) -> None:
        """Before the pages are made: what changed since the last build; what depended on it is dropped.
        Other `settings` the pages are made with (the site's kind of addresses), every page is made again."""
        prints = fingerprints(catalogus)
        stamp = (_template_stamp(env), settings)
        if self.prints is None or stamp != self.stamp:
            self.renders, self.expanded = {}, {}
        else:
            old = self.prints
            changed = {key for key in old.keys() | prints.keys() if old.get(key, _MISSING) != prints.get(key, _MISSING)}
            if changed:
                self.renders = {uri: kept for uri, kept in self.renders.items() if changed.isdisjoint(kept[2])}
                self.expanded = {uri: kept for uri, kept in self.expanded.items() if changed.isdisjoint(kept[1])}
        self.prints, self.stamp = prints, stamp
        self.catalogus = catalogus
        self.rendered = 0

    def render(self, env: jinja2.Environment, spec, make: Callable):
        """The page of `spec`: its last render if nothing it read changed, else `make(env, spec, catalogus)`."""
        context = comparable(spec.context)  # its entries by key: what the page read of them is in `reads`
        kept = self.renders.get(spec.src_uri)
        if kept is not None and kept[0] == spec.template and kept[1] == context:
            return kept[3]
        reads: set = set()
        env.record(reads)
        try:
            page = make(env, spec, self.catalogus)
        finally:
            env.stop()
        self.renders[spec.src_uri] = (spec.template, context, frozenset(reads), page)
        self.rendered += 1
        return page

    def links(self, src_uri: str, markdown: str, expand: Callable[[str, Callable[[Any], None]], str]) -> str:
        """`markdown` with its `[[kind:id]]` links expanded by `expand(markdown, read)`, or as last time.

        `expand` calls `read(entry)` for each entry a link points to, and `read(None)` for one that is not there."""
        kept = self.expanded.get(src_uri)
        if kept is not None and kept[0] == markdown:
            return kept[2]
        reads: set = set()
        result = expand(markdown, lambda entry: reads.add(key_of(entry) if type(entry) in _ENTRY_TYPES else WHOLE))
        self.expanded[src_uri] = (markdown, frozenset(reads), result)
        return result


_MISSING = object()


def _template_stamp(env: jinja2.Environment) -> tuple:
    """The state of every page template (`cache.folder_state`): one changed, every page is rendered again."""
    return tuple(state for folder in getattr(env.loader, "searchpath", ()) for state in cache.folder_state(Path(folder), []))
