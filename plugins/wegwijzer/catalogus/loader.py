"""Read a catalogus folder into a validated, linked `Catalogus`.

Loading goes in passes, so that every problem in every file is reported at once:

1. read and check each file against its schema (`schema.py`);
2. gather the ids that exist, leniently, so one broken entry does not make every
   reference to it an error too;
3. check step numbers, duplicate ids, references and `[[links]]`;
4. only when all is well: build the model and derive the reverse links.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from . import model, normen, schema
from .layers import from_base, layer_chain, resolve_layers
from .file_cache import CheckedFile, KeptFiles
from .model_cache import cached_load
from .links import Link, escaped_link_warning, find_links, link_problem
from .safety import unsafe_targets
from .problems import CatalogusError, Mark, Problem, did_you_mean, field_path, position
from .reads import MAX_FILE_BYTES, not_utf8, too_large, unreadable_file, unreadable_folder
from .schema import INVALID, Checker, Record, TextField
from .soorten import PER_BESTAND, SOORTEN
from .yaml_source import Source, parse_yaml, read_yaml

#: Folders with one entry per file; the id is the file name (soorten.py).
ENTRY_FOLDERS = {folder: soort.regel for folder, soort in PER_BESTAND.items()}
#: Single files; the required ones must exist.
SINGLE_FILES = {
    "catalogus.yml": (schema.CATALOGUS, True),
    "werkdrukmodel.yml": (schema.WERKDRUKMODEL, True),
    "werksessie.yml": (schema.WERKSESSIE, False),
    "criteria.yml": (schema.CRITERIA, False),
    "scan.yml": (schema.SCAN, False),
}
STEP_FOLDER = "stappen"
#: Hand-written Markdown pages a base brings along (start page, ...); a sector can replace them.
PAGE_FOLDER = "paginas"
KIND_OF_FOLDER = {folder: soort.naam for folder, soort in PER_BESTAND.items()}


def load_catalogus(directory: str | os.PathLike) -> model.Catalogus:
    """Load the catalogus in `directory`; raise `CatalogusError` listing every problem.

    Each file is read and checked again only when it changed (`file_cache.py`); when
    none changed, the whole model may come from the cache on disk (`model_cache.py`).

    Python's cyclic garbage collector is paused meanwhile: loading makes hundreds of
    thousands of objects that all stay alive, and the collector kept walking them
    (at 15,000 files a third of the time). Nothing here is garbage to collect.
    """
    root = Path(directory)
    _check_root(root)
    paused = gc.isenabled()
    gc.disable()
    try:
        layers, problems = layer_chain(root, display_path) if root.is_dir() else ([], [root])
        if problems:  # the loader reports them, with the rest
            return _Loader(root).load()
        states: dict[str, tuple] = {}  # each file's state, taken once (model_cache.py), for file_cache.py too
        loader = _Loader(root, states)
        return cached_load(root, layers, loader.load, lambda: not loader.kept.changed, states)
    finally:
        if paused:
            gc.enable()


def _check_root(root: Path) -> None:
    """Raise CatalogusError, in Dutch, when `root` is no folder that can be read."""
    shown = display_path(root)
    try:
        if not root.exists():
            return  # the loader says so, with what to give instead
        if not root.is_dir():
            raise CatalogusError([Problem(Mark(shown), "", "dit is een bestand, geen map", "geef de map met catalogus.yml op")])
        os.scandir(root).close()
    except OSError as error:
        raise CatalogusError([unreadable_folder(root, error, display_path)]) from None


def display_path(path: Path, here: str | None = None) -> str:
    """A path as the editor knows it: relative to where they work (`here`, by default the
    current folder), when it is below it."""
    here = (here or os.getcwd()) + os.sep
    absolute = os.path.join(here, path) if not os.path.isabs(path) else str(path)
    absolute = os.path.normpath(absolute)  # no disk access: this runs once per file
    return absolute[len(here):] if absolute.startswith(here) else str(path)


class _Loader:
    def __init__(self, root: Path, states: dict[str, tuple] | None = None):
        self.root = root
        self.states = {} if states is None else states  # path -> state, filled before `load` runs
        self.here = os.getcwd()
        self.problems: list[Problem] = []
        self.checkers: list[Checker] = []
        self.sources: dict[str, list[Source]] = {}  # by folder or file name
        self.links: list[tuple[TextField, Link]] = []  # every [[link]] in every file, checked in pass 3
        self.link_warnings: list[Problem] = []  # links written with backslashes (`\\[[...]]`)
        self.grondslag_buiten_arbo: list[Problem] = []  # grondslag citations of other laws than the Arbowetgeving

    # -- pass 1: read and check every file ---------------------------------------

    def load(self) -> model.Catalogus:
        if not self.root.is_dir():
            raise CatalogusError([Problem(Mark(display_path(self.root)), "", "deze map bestaat niet", "geef de map met catalogus.yml op")])
        self.layers = resolve_layers(self.root, display_path)
        self.problems += self.layers.problems
        self.kept = KeptFiles(self.root, self.states)
        for layer in self.layers.roots:
            self._check_unknown_files(layer)
        single = {name: self._read_single(name, *spec) for name, spec in SINGLE_FILES.items()}
        stappen = [s for s in self._read_folder(STEP_FOLDER, schema.STAP, id_from_name=False) if s is not INVALID]
        entries = {
            folder: {e.id: e for e in self._read_folder(folder, record, id_from_name=True) if e is not INVALID}
            for folder, record in ENTRY_FOLDERS.items()
        }
        self.kept.save()
        ids = self._known_ids()
        self._check_steps()
        self._check_quadrants()
        self._check_references(ids)
        self._check_links(ids)
        self._check_checklists()
        self._check_statements_signal()
        register = self._read_register()
        provisions = self._resolve_citations(register)
        self._check_quotes(entries["praktijk"].values())
        pagina_bronnen = self._page_sources()
        if self.problems:
            raise CatalogusError([from_base(problem, self.layers.roots) for problem in self.problems])
        catalogus = model.Catalogus(
            info=single["catalogus.yml"],
            stappen=sorted(stappen, key=lambda s: s.nummer),
            werkdrukmodel=single["werkdrukmodel.yml"],
            knelpunten=entries["knelpunten"],
            oplossingen=entries["oplossingen"],
            praktijk=entries["praktijk"],
            instrumenten=entries["instrumenten"],
            werksessie=single["werksessie.yml"],
            criteria=single["criteria.yml"],
            scan=single["scan.yml"],
            weggelaten=self._left_out_titles(),
            paginas={rel.removeprefix(PAGE_FOLDER + "/"): str(path) for rel, path in self.layers.files.items() if rel.startswith(PAGE_FOLDER + "/")},
            lagen=[str(root.resolve()) for root in self.layers.roots],
            normen=register,
            pagina_bronnen=pagina_bronnen,
            waarschuwingen=[from_base(w, self.layers.roots) for w in [*(w for c in self.checkers for w in c.warnings), *self.link_warnings, *self.grondslag_buiten_arbo]],
            toetsingsfouten=[from_base(w, self.layers.roots) for w in self.grondslag_buiten_arbo],
        )
        _link(catalogus, provisions)
        return catalogus

    # -- the register of legal provisions, and the citations of it ------------------

    def _read_register(self) -> normen.Register:
        """The package's register, extended by each layer's own normen.yml (base first)."""
        own = [root / normen.FILE_NAME for root in self.layers.roots if (root / normen.FILE_NAME).is_file()]
        register, problems = read_register([normen.PACKAGE_REGISTER, *own])
        self.problems += problems
        return register

    def _resolve_citations(self, register: normen.Register) -> dict[str, normen.Bepaling]:
        """Every provision a measure cites, checked against the register; problems at the citation.

        A `grondslag` outside the Arbowetgeving is not an error of the file (the guide built
        with it before), but the Arbeidsinspectie would not accept it: it is shown under
        'Ook van belang' and `check` refuses it (`toetsingsfouten`).
        """
        resolved = {}
        for checker in self.checkers:
            for citation in checker.citations:
                bepaling, problem = resolve_citation(citation, register)
                if bepaling is None:
                    self.problems.append(problem)
                    continue
                resolved[citation.text] = bepaling
                if citation.field.startswith("grondslag") and not bepaling.wet.arbowetgeving:
                    self.grondslag_buiten_arbo.append(Problem(
                        citation.mark, citation.field,
                        f"{bepaling.label} is geen Arbowetgeving: de Arbeidsinspectie toetst een maatregel alleen aan Arbowet, Arbobesluit en Arboregeling",
                        f"zet '{citation.text}' onder 'ook_van_belang:' (dat doet 'wegwijzer bijwerken' voor je) en noem bij 'grondslag:' het artikel uit de Arbowetgeving dat de maatregel invult, bijvoorbeeld arbowet 3 lid 2",
                    ))
        return resolved

    def _check_quotes(self, verhalen) -> None:
        """A quote shown as a real person's words needs where it was said and their consent."""
        for verhaal in verhalen:
            if verhaal.soort == "echt" and not (verhaal.bron and verhaal.toestemming):
                self.problems.append(Problem(verhaal.origin, "soort", "een echt citaat heeft een bron en toestemming nodig", "vul 'bron:' in en 'toestemming: ja', of maak er 'soort: illustratie' van"))

    def _page_sources(self) -> dict[str, list[model.Bron]]:
        """Sources in the front matter of the layers' Markdown pages (`bronnen:`), by page."""
        found = {}
        for relative, path in self.layers.files.items():
            if not (relative.startswith(PAGE_FOLDER + "/") and relative.endswith(".md")):
                continue
            text = self._page_text(path)
            if text is None:
                continue
            if not text.startswith("---\n") or "\nbronnen:" not in text.split("\n---", 1)[0]:
                continue
            front = "\n" + text[4:].split("\n---", 1)[0]  # the leading newline keeps line numbers as in the file
            source, problems = parse_yaml(front, display_path(path))
            self.problems += problems
            if problems or not isinstance(source.data, dict):
                continue
            checker = Checker(source)
            bronnen = schema.BRONNEN.type.check(source.data["bronnen"], ("bronnen",), checker) if source.data.get("bronnen") is not None else INVALID
            self.problems += checker.problems
            if bronnen is not INVALID:
                found[relative.removeprefix(PAGE_FOLDER + "/")] = bronnen
        return found

    def _page_text(self, path: Path) -> str | None:
        """A page's text; None after reporting why it cannot be read (the build would stop on it)."""
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problems.append(too_large(path, size, display_path))
                return None
            raw = path.read_bytes()
        except OSError as error:
            self.problems.append(unreadable_file(path, error, display_path))
            return None
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.problems.append(not_utf8(path, raw, error, display_path))
            return None

    def _left_out_titles(self) -> dict[str, dict[str, str]]:
        """Titles of the base entries left out, so links to them can still read well."""
        titles: dict[str, dict[str, str]] = {}
        for kind, entries in self.layers.left_out.items():
            for entry_id, path in entries.items():
                source, _ = read_yaml(path, display_path(path))
                data = source.data if isinstance(source.data, dict) else {}
                titles.setdefault(kind, {})[entry_id] = str(data.get("titel") or data.get("wie") or entry_id)
        return titles

    def _read(self, relative: str, record: Record, **extra: Any) -> Any:
        file = self.layers.files[relative]
        display = display_path(file, self.here)
        checked = self.kept.checked(f"{relative}\0{file}\0{display}", file, lambda: _check_file(file, display, record, extra))
        self.sources.setdefault(relative.split("/")[0], []).append(checked.source)
        self.problems += checked.problems
        if checked.checker is not None:
            self.checkers.append(checked.checker)
        self.links += checked.links
        return checked.result

    def _read_single(self, name: str, record: Record, required: bool) -> Any:
        if name not in self.layers.files:
            if required:
                self.problems.append(Problem(Mark(display_path(self.root / name)), "", "dit bestand ontbreekt", "elke catalogus heeft het nodig, of een basis die het heeft; zie docs/catalogus-formaat.md"))
            return None
        return self._read(name, record)

    def _read_folder(self, folder: str, record: Record, id_from_name: bool) -> list[Any]:
        results = []
        for relative, file in sorted(self.layers.files.items()):
            if not (relative.startswith(folder + "/") and relative.count("/") == 1 and file.suffix == ".yml"):
                continue
            if id_from_name:
                soort = PER_BESTAND.get(folder)
                if probleem := schema.id_probleem(file.stem, bool(soort and soort.eigen_pagina), bestand=True):
                    self.problems.append(Problem(Mark(display_path(file)), "", *probleem))
                    continue
                results.append(self._read(relative, record, id=file.stem))
            else:
                results.append(self._read(relative, record))
        return results

    def _check_unknown_files(self, layer: Path) -> None:
        known = set(SINGLE_FILES) | set(ENTRY_FOLDERS) | {STEP_FOLDER, PAGE_FOLDER, normen.FILE_NAME}
        try:  # a folder that cannot be read is reported by resolve_layers (layers.py)
            names = sorted(entry.name for entry in os.scandir(layer))
        except OSError:
            return
        for path in (layer / name for name in names):
            if path.name.startswith(".") or path.name.lower().startswith("readme"):
                continue
            if path.name not in known:
                self.problems.append(Problem(Mark(display_path(path)), "", "onbekend bestand of onbekende map in de catalogus", did_you_mean(path.name, known) or "bekend zijn: " + ", ".join(sorted(known))))
            elif path.is_dir() and path.name != PAGE_FOLDER:
                try:
                    entries = sorted(os.scandir(path), key=lambda e: e.path)
                except OSError:
                    continue
                for entry in entries:
                    if not entry.name.startswith(".") and (not entry.name.endswith(".yml") or not entry.is_file()):
                        file = Path(entry.path)
                        hint = "hernoem het naar .yml" if file.suffix == ".yaml" else "alleen .yml-bestanden horen hier"
                        self.problems.append(Problem(Mark(display_path(file)), "", "dit bestand wordt niet gelezen", hint))

    # -- pass 2: which ids exist ---------------------------------------------------

    def _known_ids(self) -> dict[str, set[str]]:
        """Ids per link kind, read from the raw data so broken entries still count."""
        ids: dict[str, set[str]] = {kind: set() for kind in KIND_OF_FOLDER.values()}
        for folder, kind in KIND_OF_FOLDER.items():
            # entries left out of the base still count: references to them are dropped, not errors
            ids[kind] = {os.path.splitext(os.path.basename(s.path))[0] for s in self.sources.get(folder, [])} | set(self.layers.left_out.get(kind, {}))
        ids["stap"] = {str(n) for n, _, _ in self._raw_items(STEP_FOLDER, (), "nummer")}
        ids["substap"] = self._unique_ids(STEP_FOLDER, ("substappen",), "substap")
        ids["groep"] = self._unique_ids("werkdrukmodel.yml", ("groepen",), "factorgroep")
        ids["factor"] = self._unique_ids("werkdrukmodel.yml", ("groepen", "*", "factoren"), "factor")
        self._unique_ids("criteria.yml", ("criteria",), "criterium")
        ids["pagina"] = set(model.PAGINAS)
        ids["stelling"] = self._unique_ids("scan.yml", ("stellingen",), "stelling")  # left-out ones stay: references to them drop
        return ids

    def _raw_items(self, name: str, path: tuple, key: str):
        """(value, source, path) of `key` in every dict found at `path` ('*' = every item)."""
        for source in self.sources.get(name, []):
            nodes = [((), source.data)]
            for step in path:
                nodes = [
                    (p + (step,), n.get(step)) if step != "*" else None for p, n in nodes if isinstance(n, dict)
                ] if step != "*" else [(p + (i,), item) for p, n in nodes if isinstance(n, list) for i, item in enumerate(n)]
                nodes = [x for x in nodes if x is not None]
            for p, node in nodes:
                items = enumerate(node) if isinstance(node, list) else [(None, node)]
                for i, item in items:
                    item_path = p + ((i,) if i is not None else ())
                    if isinstance(item, dict) and isinstance(item.get(key), (str, int)):
                        yield item[key], source, item_path + (key,)

    def _unique_ids(self, name: str, path: tuple, noun: str) -> set[str]:
        # Places are looked up only for a problem: a kept file reads its positions again for one.
        seen: dict[str, tuple[Source, tuple]] = {}
        for value, source, at in self._raw_items(name, path, "id"):
            if value in seen:
                first = seen[value][0].mark(seen[value][1])
                self.problems.append(Problem(source.mark(at), field_path(at), f"de id '{value}' komt twee keer voor", f"elke {noun} heeft een eigen id; de eerste staat op {first}"))
            else:
                seen[str(value)] = (source, at)
        return set(seen)

    # -- pass 3: steps, references, links -----------------------------------------

    def _check_steps(self) -> None:
        numbers = [(n, source, at) for n, source, at in self._raw_items(STEP_FOLDER, (), "nummer") if isinstance(n, int)]
        first: dict[int, Source] = {}
        for number, source, at in numbers:
            if number in first:
                self.problems.append(Problem(source.mark(at), "nummer", f"stap {number} staat er twee keer", f"stap {number} staat ook in {first[number].path}; geef elke stap een eigen nummer"))
            else:
                first[number] = source
        folder = Mark(display_path(self.root / STEP_FOLDER))
        for number in range(1, model.STAPPEN + 1):
            if number not in first:
                self.problems.append(Problem(folder, "nummer", f"stap {number} ontbreekt", f"maak stappen/{number}-....yml met 'nummer: {number}'"))

    def _check_quadrants(self) -> None:
        """The scan's quadrants, when given, are the four combinations of low and high, each once."""
        seen: dict[tuple, tuple[Source, tuple]] = {}
        items = [(e, s, p) for e, s, p in self._raw_items("scan.yml", ("kwadranten",), "eisen")]
        for eisen, source, at in items:
            item = source.data["kwadranten"][at[1]]
            combination = (eisen, item.get("hulpbronnen"))
            if not all(isinstance(part, str) for part in combination):
                continue  # a wrong type, which the schema reports
            if combination in seen:
                first = seen[combination][0].mark(seen[combination][1])
                self.problems.append(Problem(source.mark(at[:2]), field_path(at[:2]), f"het kwadrant eisen {combination[0]}, hulpbronnen {combination[1]} staat er twee keer", f"het eerste staat op {first}"))
            seen[combination] = (source, at[:2])
        if items and len(seen) < 4:
            source = items[0][1]
            missing = [f"eisen {e}, hulpbronnen {h}" for e in ("laag", "hoog") for h in ("laag", "hoog") if (e, h) not in seen]
            self.problems.append(Problem(source.mark(("kwadranten",)), "kwadranten", "niet alle vier de kwadranten staan erin", "ontbreekt: " + "; ".join(missing)))

    def _check_checklists(self) -> None:
        """A visitor's tick is kept under the question's words; two questions with the same words would share it."""
        for _, source, at in self._raw_items(STEP_FOLDER, ("substappen",), "id"):
            substap = source.data["substappen"][at[1]]
            self._unique_questions(source, at[:-1] + ("check",), substap.get("check"))
        for source in self.sources.get("werksessie.yml", []):
            if isinstance(source.data, dict):
                self._unique_questions(source, ("benodigdheden",), source.data.get("benodigdheden"))

    def _unique_questions(self, source: Source, path: tuple, questions: Any) -> None:
        if not isinstance(questions, list):
            return
        seen: dict[str, int] = {}
        for i, question in enumerate(questions):
            if not isinstance(question, str):
                continue
            key = model.vraag_id(question)
            if key in seen:
                self.problems.append(Problem(source.mark(path + (i,)), field_path(path + (i,)), "deze vraag staat al eerder in de lijst", f"dezelfde woorden als item {seen[key] + 1}; haal er een weg of maak ze verschillend"))
            else:
                seen[key] = i

    def _check_statements_signal(self) -> None:
        """Every statement of the scan points at a knelpunt; otherwise its answer could never rank anything.

        Read from the raw files, so a broken knelpunt elsewhere does not hide this problem or fake one.
        When a sector left out the base knelpunten a statement pointed at, the problem is reported at
        that `weglaten` line of its own catalogus.yml, where the fix is.
        """
        left_out = self.layers.left_out
        named = set().union(*(_raw_statements(s.data) for s in self.sources.get("knelpunten", [])))
        left_out_by: dict[str, list[str]] = {}
        for knelpunt_id, path in left_out.get("knelpunt", {}).items():
            source, _ = read_yaml(path, display_path(path))
            for stelling_id in _raw_statements(source.data):
                left_out_by.setdefault(stelling_id, []).append(knelpunt_id)
        info = next(iter(self.sources.get("catalogus.yml", [])), None)
        weglaten = info.data.get("weglaten") if info and isinstance(info.data, dict) else None
        for stelling_id, source, at in self._raw_items("scan.yml", ("stellingen",), "id"):
            if stelling_id in named or stelling_id in left_out.get("stelling", {}):
                continue
            hint = f"zet '{stelling_id}' bij 'stellingen:' van het knelpunt dat deze stelling meet, of haal de stelling weg"
            knelpunten = left_out_by.get(stelling_id)
            if knelpunten and isinstance(weglaten, list):
                i = next((i for i, item in enumerate(weglaten) if isinstance(item, str) and item.rpartition(":")[2] in knelpunten), 0)
                self.problems.append(Problem(
                    info.mark(("weglaten", i)), field_path(("weglaten", i)),
                    f"zonder '{knelpunten[0]}' wijst de stelling '{stelling_id}' uit de werkdrukscan geen knelpunt meer aan",
                    f"laat de stelling ook weg (zet 'stelling:{stelling_id}' bij weglaten), of noem hem bij 'stellingen:' van een eigen knelpunt",
                ))
            else:
                self.problems.append(Problem(source.mark(at), field_path(at), f"de stelling '{stelling_id}' wijst geen knelpunt aan", hint))

    def _check_references(self, ids: dict[str, set[str]]) -> None:
        for checker in self.checkers:
            self.problems += reference_problems(checker.references, ids)

    def _check_links(self, ids: dict[str, set[str]]) -> None:
        problems, warnings = link_problems(self.links, ids)
        self.problems += problems
        self.link_warnings += warnings


# -- the checks of one entry, also for a spreadsheet's rows (`wegwijzer import`) ---------


def reference_problems(references, ids: dict[str, set[str]], missing: dict[str, str] | None = None) -> list[Problem]:
    """Each reference to an id that does not exist, with the nearest one that does (else the hint
    `missing` has for its kind)."""
    problems = []
    for ref in references:
        if ref.id not in ids[ref.kind]:
            noun = SOORTEN[ref.kind].woord if ref.kind in SOORTEN else ref.kind
            hint = did_you_mean(ref.id, ids[ref.kind]) or (missing or {}).get(ref.kind) or f"er is geen {noun} met deze id"
            problems.append(Problem(ref.mark, ref.field, f"onbekende {noun} '{ref.id}'", hint))
    return problems


def link_problems(links, ids: dict[str, set[str]]) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of `[[links]]`: to what does not exist; written with backslashes."""
    problems, warnings = [], []
    for text, link in links:
        found = link_problem(link, lambda kind: ids[kind])
        if found:
            mark = text.source.text_mark(text.path, link.line, link.column)
            problems.append(Problem(mark, field_path(text.path), *found))
        elif link.escaped:  # shown right, but `wegwijzer check` says how to write it
            mark = text.source.text_mark(text.path, link.line, link.column)
            warnings.append(Problem(mark, field_path(text.path), *escaped_link_warning(link)))
    return problems, warnings


def resolve_citation(citation, register: normen.Register) -> tuple[normen.Bepaling | None, Problem | None]:
    """The provision a citation names, or the problem why the register does not know it."""
    bepaling, message, hint = register.resolve(citation.text, citation.standaard_wet)
    return bepaling, None if bepaling is not None else Problem(citation.mark, citation.field, message, hint)


def _check_file(file: Path, display: str, record: Record, extra: dict) -> CheckedFile:
    """Pass 1 for one file: read it and check it against its schema, on its own (`check_entry`)."""
    source, problems = read_yaml(file, display, keep=False)
    if problems:
        return CheckedFile(source, problems, None, INVALID, [])
    if source.data is None:
        return CheckedFile(source, [Problem(source.mark(), "", "het bestand is leeg", "kopieer een voorbeeld uit docs/catalogus-formaat.md")], None, INVALID, [])
    return check_entry(source, source.data, record, **extra)


def check_entry(source: Source, data: Any, record: Record, **extra: Any) -> CheckedFile:
    """`data` checked against `record` on its own: the schema, and links to other websites.

    Its `[[links]]` are found here too: neither needs another file, so they are kept
    with the file (`file_cache.py`). The checks across files (`reference_problems`,
    `link_problems`, `resolve_citation`) come after, once every id is known.
    """
    checker = Checker(source)
    result = record.check(data, (), checker, **extra)
    problems, links = list(checker.problems), []
    for text in checker.texts:
        links += [(text, link) for link in find_links(text.text)] if "[" in text.text else []
        for unsafe in unsafe_targets(text.text):
            mark = text.source.text_mark(text.path, *position(text.text, unsafe.offset))
            problems.append(Problem(mark, field_path(text.path), unsafe.message, unsafe.hint))
    checker.texts = []  # all they are needed for is above; kept, they would double what a load unpickles
    return CheckedFile(source, problems, checker, result, links)


def _raw_statements(data: Any) -> set[str]:
    """The statement ids a knelpunt's raw YAML names (a single id is forgiven, like the schema does)."""
    value = data.get("stellingen") if isinstance(data, dict) else None
    return {v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}


def read_register(paths: list[Path]) -> tuple[normen.Register, list[Problem]]:
    """The register of legal provisions from `paths` (the package's first), and its problems."""
    register, problems = normen.Register(), []
    entries = []
    for path in paths:
        source, trouble = read_yaml(path, display_path(path))
        problems += trouble
        if trouble or source.data is None:
            continue
        checker = Checker(source)
        result = schema.NORMEN.check(source.data, (), checker)
        problems += checker.problems
        if result is INVALID:
            continue
        wetten, bepalingen = result
        for wet in wetten:
            if wet.id in register.wetten:
                problems.append(Problem(wet.origin, "wetten", f"de wet '{wet.id}' staat al in het register", f"hij staat in {register.wetten[wet.id].origin.path}; voeg alleen bepalingen toe"))
            else:
                register.wetten[wet.id] = wet
        entries += bepalingen
    for bepaling in entries:
        wet = register.wetten.get(bepaling.wet)
        if wet is None:
            hint = did_you_mean(bepaling.wet, register.wetten) or "zet de wet eerst onder 'wetten:' in normen.yml"
            problems.append(Problem(bepaling.origin, "wet", f"onbekende wet '{bepaling.wet}'", hint))
            continue
        if not normen.is_article(bepaling.artikel):
            problems.append(Problem(bepaling.origin, "artikel", f"'{bepaling.artikel}' is geen artikelnummer", "schrijf het als '3', '2.15' of '5:4', tussen aanhalingstekens"))
            continue
        if bepaling.letter is not None and (bepaling.lid is None or not _is_letter(bepaling.letter)):
            problems.append(Problem(bepaling.origin, "letter", f"'{bepaling.letter}' kan hier geen letter zijn", "een letter is één kleine letter, zoals d, en hoort bij een lid"))
            continue
        bepaling.wet = wet
        first = register.bepalingen.get(bepaling.sleutel)
        if first is not None and first.origin.path == bepaling.origin.path:
            problems.append(Problem(bepaling.origin, "", f"{bepaling.label} staat al in het register", f"zie {first.origin}; haal er een weg"))
        else:
            # A layer's own version of a provision replaces the one below, as its files replace
            # the base's: a guide that added a provision the package's register now holds too
            # (Arbobesluit 5.3, say) keeps building, in its own words.
            register.bepalingen[bepaling.sleutel] = bepaling
    return register, problems


def _is_letter(value: str) -> bool:
    return len(value) == 1 and value.isalpha() and value.islower()


def _link(catalogus: model.Catalogus, provisions: dict[str, normen.Bepaling]) -> None:
    """Resolve ids to objects and derive every reverse link; references to left-out entries drop out."""
    for entry in [*catalogus.knelpunten.values(), *catalogus.oplossingen.values()]:
        entry.praktijk = [catalogus.praktijk[i] for i in entry.praktijk if i in catalogus.praktijk]
        for verhaal in entry.praktijk:
            (verhaal.knelpunten if isinstance(entry, model.Knelpunt) else verhaal.oplossingen).append(entry)
    for oplossing in catalogus.oplossingen.values():
        cited = [provisions[text] for text in [*oplossing.grondslag, *oplossing.ook_van_belang]]
        grondslag = {b.sleutel: b for b in cited[: len(oplossing.grondslag)] if b.wet.arbowetgeving}
        ook = {b.sleutel: b for b in cited if b.sleutel not in grondslag}
        oplossing.grondslag, oplossing.ook_van_belang = list(grondslag.values()), list(ook.values())
        for bepaling in oplossing.grondslag:
            bepaling.oplossingen.append(oplossing)
        for bepaling in oplossing.ook_van_belang:
            bepaling.ook_bij.append(oplossing)
    factoren = {f.id: f for f in catalogus.factoren}
    substappen = {s.id: s for s in catalogus.substappen}
    for groep in catalogus.werkdrukmodel.groepen:
        for factor in groep.factoren:
            factor.groep = groep
    for knelpunt in catalogus.knelpunten.values():
        knelpunt.factor = factoren[knelpunt.factor]
        knelpunt.factor.knelpunten.append(knelpunt)
        knelpunt.oplossingen = [catalogus.oplossingen[i] for i in knelpunt.oplossingen if i in catalogus.oplossingen]
        for oplossing in knelpunt.oplossingen:
            oplossing.knelpunten.append(knelpunt)
    for stap in catalogus.stappen:
        for actie in stap.mkb.acties:
            actie.meer = substappen[actie.meer]
        for substap in stap.substappen:
            substap.stap = stap
            substap.praktijk = [catalogus.praktijk[i] for i in substap.praktijk if i in catalogus.praktijk]
            substap.instrumenten = [catalogus.instrumenten[i] for i in substap.instrumenten if i in catalogus.instrumenten]
            for item in substap.praktijk + substap.instrumenten:
                item.substappen.append(substap)
    if catalogus.scan:
        weg = catalogus.weggelaten.get("stelling", {})
        catalogus.scan.stellingen = [s for s in catalogus.scan.stellingen if s.id not in weg]
        stellingen = {s.id: s for s in catalogus.scan.stellingen}
        for stelling in catalogus.scan.stellingen:
            stelling.factor = factoren[stelling.factor]
            stelling.factor.stellingen.append(stelling)
        for knelpunt in catalogus.knelpunten.values():
            knelpunt.stellingen = [stellingen[i] for i in knelpunt.stellingen if i in stellingen]
            for stelling in knelpunt.stellingen:
                stelling.knelpunten.append(knelpunt)
        for kwadrant in catalogus.scan.kwadranten:
            kwadrant.oplossingen = [catalogus.oplossingen[i] for i in kwadrant.oplossingen if i in catalogus.oplossingen]
