"""`wegwijzer export`: the resolved catalogus as open data.

Never over the project's sources (`output_folder.py`): the JSON file and the two
CSV files may only replace earlier exports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..catalogus.handpaginas import docs_dir_of
from ..catalogus.open_data import CSV_KOLOMMEN, to_csv, to_json
from ..output_folder import EXPORT_CSV, EXPORT_JSON, make_folder, own_layers, project_sources, refusal
from ..whole_file import write_atomic
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    catalogus_folder = Path(args.map).resolve()
    project = catalogus_folder.parent
    sources = project_sources(project, [catalogus_folder, *own_layers(catalogus.lagen)], docs_dir_of(args.map))
    if args.formaat == "json":
        text = json.dumps(to_json(catalogus), ensure_ascii=False, indent=2) + "\n"
        if not args.uit:
            sys.stdout.write(text)
            return 0
        target = Path(args.uit)
        problem = refusal(target, EXPORT_JSON, project, sources, f"--uit {args.uit}") or make_folder(target.parent, f"--uit {args.uit}")
        if problem:
            print(problem, file=sys.stderr)
            return 1
        write_atomic(target, text.encode("utf-8"))
        print(f"Geschreven: {args.uit}")
        return 0
    folder = Path(args.uit or ".")
    shown = f"--uit {args.uit}" if args.uit else f"deze map ({Path.cwd()})"
    problem = refusal(folder, EXPORT_CSV, project, sources, shown, "--uit export") or make_folder(folder, shown)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    for soort in CSV_KOLOMMEN:
        path = folder / f"{soort}.csv"
        write_atomic(path, to_csv(catalogus, soort).encode("utf-8"))
        print(f"Geschreven: {path}")
    return 0
