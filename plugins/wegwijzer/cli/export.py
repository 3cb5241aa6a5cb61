"""`wegwijzer export`: the resolved catalogus as open data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..catalogus.open_data import CSV_KOLOMMEN, to_csv, to_json
from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    if args.formaat == "json":
        text = json.dumps(to_json(catalogus), ensure_ascii=False, indent=2) + "\n"
        if args.uit:
            Path(args.uit).write_text(text, encoding="utf-8")
            print(f"Geschreven: {args.uit}")
        else:
            sys.stdout.write(text)
        return 0
    folder = Path(args.uit or ".")
    folder.mkdir(parents=True, exist_ok=True)
    for soort in CSV_KOLOMMEN:
        path = folder / f"{soort}.csv"
        path.write_text(to_csv(catalogus, soort), encoding="utf-8", newline="")
        print(f"Geschreven: {path}")
    return 0
