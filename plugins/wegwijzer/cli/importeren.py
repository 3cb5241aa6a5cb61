"""`wegwijzer import`: a spreadsheet of knelpunten or oplossingen becomes entry files.

Each row is checked with the same rules as a YAML file, and against the
catalogus it joins (factors and oplossingen must exist). A row with problems is
refused with the reasons; the others are written. Existing files are kept
unless `--overschrijf` is given.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from ..catalogus import schema
from ..catalogus.loader import check_entry, link_problems, reference_problems, resolve_citation
from ..catalogus.open_data import CSV_KOLOMMEN, LIJST_KOLOMMEN, bron_uit_cel, read_spreadsheet_cell
from ..catalogus.problems import Mark, Problem, did_you_mean
from ..catalogus.reads import reason
from ..catalogus.soorten import PER_BESTAND, SOORTEN
from ..catalogus.yaml_source import Source
from .bestanden import schema_line, yaml_text
from .load_or_report import load_or_report

#: List items in a cell: separated by '|' (not the one inside [[soort:id|tekst]]) or by line breaks.
_ITEMS = re.compile(r"\s*\|\s*(?![^\[\]]*\]\])|\n")
#: Folder -> (rule, kind) of the kinds a spreadsheet can bring (soorten.py).
RULES = {folder: (soort.regel, soort.naam) for folder, soort in PER_BESTAND.items() if soort.importeerbaar}
#: A spreadsheet of a whole large catalogus is a few MB; a larger file is refused before it is read.
MAX_CSV_BYTES = 50 * 1024 * 1024


def run(args) -> int:
    csv_path = Path(args.bestand)
    soort = args.soort or next((s for s in RULES if csv_path.stem.lower().startswith(s)), None)
    if soort is None:
        print(f"Uit de naam '{csv_path.name}' blijkt niet of het knelpunten of oplossingen zijn. Geef --soort knelpunten of --soort oplossingen.", file=sys.stderr)
        return 1
    catalogus = load_or_report(args.map, "Eerst moet de catalogus zelf in orde zijn.\n")
    if catalogus is None:
        return 1
    try:
        if csv_path.is_dir():
            print(f"{csv_path}: dit is een map, geen bestand. Geef het CSV-bestand, bijvoorbeeld knelpunten.csv.", file=sys.stderr)
            return 1
        size = csv_path.stat().st_size
        if csv_path.exists() and not csv_path.is_file():
            print(f"{csv_path}: dit is geen gewoon bestand (bijvoorbeeld een pijp). Geef het CSV-bestand, bijvoorbeeld knelpunten.csv.", file=sys.stderr)
            return 1
        if size > MAX_CSV_BYTES:
            print(f"{csv_path}: het bestand is te groot ({size // 1024 // 1024} MB; hooguit {MAX_CSV_BYTES // 1024 // 1024} MB). Controleer of dit het goede bestand is.", file=sys.stderr)
            return 1
        text = csv_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        print(f"{csv_path}: het bestand is geen UTF-8. Sla het in Excel op als 'CSV UTF-8 (gescheiden door lijstscheidingsteken)'.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{csv_path}: kan het bestand niet lezen ({reason(error)}).", file=sys.stderr)
        return 1
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)  # Dutch Excel writes ';', others ','
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)  # cells may hold line breaks
    rows = []  # (first line, cells): all read before anything is written
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        line_number = reader.line_num + 1
        for row in reader:
            start, line_number = line_number, reader.line_num + 1  # a row may span several lines
            rows.append((start, row))
    except csv.Error as error:
        print(_csv_error(csv_path, max(reader.line_num, 1), error), file=sys.stderr)
        return 1
    known = CSV_KOLOMMEN[soort]
    unknown = [h for h in header if h not in known]
    missing = [c for c in ("titel",) if c not in header]
    if unknown or missing:
        for h in unknown:
            print(f"{csv_path}:1: onbekende kolom '{h}' ({did_you_mean(h, known) or 'kolommen: ' + ', '.join(known)})", file=sys.stderr)
        for c in missing:
            print(f"{csv_path}:1: de kolom '{c}' ontbreekt", file=sys.stderr)
        return 1

    kind = RULES[soort][1]
    folder = Path(args.map) / soort
    ids = {k: set(catalogus.entries(k)) for k in SOORTEN}
    ids["stelling"] = {s.id for s in catalogus.scan.stellingen} if catalogus.scan else set()
    written, refused, kept = [], 0, []
    for start, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        problems, entry_id, data = _check_row(csv_path, start, header, row, SOORTEN[kind], ids, catalogus.normen)
        if problems:
            refused += 1
            for problem in problems:
                print(_in_column(problem, header), file=sys.stderr)
            print(f"{csv_path}:{start}: deze rij is niet geïmporteerd", file=sys.stderr)
            continue
        path = folder / f"{entry_id}.yml"
        if path.exists() and not args.overschrijf:
            kept.append(path)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_line(path, kind, Path(args.map)) + yaml_text(data), encoding="utf-8")
        ids[kind].add(entry_id)
        written.append(path)
    for path in kept:
        print(f"{path} bestaat al en is niet overschreven (gebruik --overschrijf om dat wel te doen)")
    print(f"{len(written)} {soort} geschreven, {refused} rij(en) geweigerd, {len(kept)} bestaand bestand(en) bewaard.")
    return 1 if refused else 0


def _csv_error(csv_path: Path, line: int, error: csv.Error) -> str:
    """Python's English complaint about a CSV file, in Dutch, at its line; nothing is imported."""
    text = str(error)
    if "field larger than field limit" in text:
        what = f"een cel is langer dan {csv.field_size_limit():,} tekens".replace(",", ".")
        hint = "een tekst in de catalogus is hooguit een paar alinea's; controleer of een aanhalingsteken (\") ergens niet is gesloten"
    elif "NUL" in text:
        what, hint = "het bestand bevat een onzichtbaar NUL-teken", "sla het opnieuw op als 'CSV UTF-8' in je spreadsheet"
    else:
        what, hint = f"dit is geen geldige CSV ({text})", "sla het opnieuw op als 'CSV UTF-8' in je spreadsheet"
    return f"{csv_path}:{line}: {what}. Er is niets geïmporteerd. ({hint})"


def _check_row(csv_path: Path, line: int, header: list[str], row: list[str], soort, ids, register):
    """(problems, id, data for the YAML file) of one row."""
    source = _Cell(str(csv_path))
    data: dict = {}
    for column, (name, cell) in enumerate(zip(header, row), start=1):
        cell = read_spreadsheet_cell(cell).strip()  # the quote an export puts before = + - @
        if not cell:
            continue
        source.values[(name,)] = (line, column)
        if name == "bronnen":
            data[name] = [bron_uit_cel(item) for item in _ITEMS.split(cell) if item.strip()]
        elif name in LIJST_KOLOMMEN:
            data[name] = [item.strip() for item in _ITEMS.split(cell) if item.strip()]
        elif name.startswith("onderbouwing_"):
            data.setdefault("onderbouwing", {})[name.removeprefix("onderbouwing_")] = cell
            source.values[("onderbouwing",)] = source.values[(name,)]
        else:
            data[name] = cell.replace("\r\n", "\n")
    source.values[()] = (line, 0)  # the whole row: no column
    own_id = data.pop("id", None)
    entry_id = own_id or re.sub(r"[^a-z0-9]+", "-", data.get("titel", "").lower()).strip("-")
    problems: list[Problem] = []
    if probleem := schema.id_probleem(entry_id or "", soort.eigen_pagina):
        message, fix = probleem
        if own_id is None:  # the id comes from the title: say so where the title is
            problems.append(Problem(source.mark(("titel",)), "titel", f"de id uit deze titel: {message}", f"{fix}, in de kolom 'id'"))
        else:
            problems.append(Problem(source.mark(("id",)), "id", message, fix))
    # The loader's own checks, as for a file an editor wrote: the schema, unsafe link targets,
    # references, provisions in the register and [[links]].
    checked = check_entry(source, data, soort.regel, id=entry_id or "x")
    problems += checked.problems
    problems += reference_problems(checked.checker.references, ids, {"oplossing": "importeer eerst de oplossingen"})
    problems += [problem for citation in checked.checker.citations for problem in [resolve_citation(citation, register)[1]] if problem]
    problems += link_problems(checked.links, ids)[0]
    return problems, entry_id, data


class _Cell(Source):
    """A spreadsheet row as a source: a place is a cell (line and column), also inside a text."""

    def text_mark(self, path: tuple, line: int, column: int) -> Mark:
        return self.mark(path)


def _in_column(problem: Problem, header: list[str]) -> str:
    """A problem as 'knelpunten.csv:3, kolom 'oplossingen': ...': a spreadsheet names its columns, not their numbers."""
    mark = problem.mark
    column = header[mark.column - 1] if 0 < mark.column <= len(header) else ""
    where = f"{mark.path}:{mark.line}, kolom '{column}'" if column else f"{mark.path}:{mark.line}"
    field = problem.field
    item = re.match(rf"{re.escape(column)}\[(\d+)\]$", field) if column else None
    if item:  # an item of a list cell: its place among the items separated by |
        where, field = f"{where}, item {item.group(1)}", ""
    field = f" {field}:" if field and field != column else ""
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{where}:{field} {problem.message}{hint}"
