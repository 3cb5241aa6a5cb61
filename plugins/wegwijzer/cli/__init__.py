"""`wegwijzer`: the command line for editors of a Werkdruk Wegwijzer (Dutch help texts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import engine  # noqa: F401 - first: WEGWIJZER_MOTOR=properdocs must alias mkdocs before anything imports it
from . import bijwerken, check, dossier, export, importeren, nieuw, overzicht, site, start, toetsklaar
from ..catalogus.json_schema import PACKAGE_SCHEMAS, write_schemas


def _dutch(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Headings and the help option in Dutch, like the rest of the tool."""
    parser._positionals.title = "argumenten"
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    return parser


def parser() -> argparse.ArgumentParser:
    main = _dutch(argparse.ArgumentParser(
        prog="wegwijzer",
        add_help=False,
        description="Werk aan een Werkdruk Wegwijzer: controleren, nieuwe onderdelen maken, bekijken, bouwen, overzicht, export en import.",
    ))
    commands = main.add_subparsers(dest="opdracht", metavar="opdracht", required=True, title="opdrachten")

    def add(name: str, help: str, module, map_default: str | None = "catalogus") -> argparse.ArgumentParser:
        sub = _dutch(commands.add_parser(name, help=help, description=help, add_help=False))
        sub.set_defaults(run=module.run)
        if map_default:
            sub.add_argument("--map", default=map_default, help="de catalogusmap (standaard: %(default)s)")
        return sub

    sub = add("check", "controleer de catalogus: fouten zoals bij de build, en waarschuwingen over gaten en taal", check, None)
    sub.add_argument("map", nargs="?", default="catalogus", help="de catalogusmap (standaard: %(default)s)")
    sub.add_argument("--basis", action="store_true", help="toon ook de opmerkingen over de basis die met het programma meekomt")
    sub = add("nieuw", "maak een nieuw bestand met alle velden en uitleg", nieuw)
    sub.add_argument("soort", choices=list(nieuw.SOORTEN), help="wat je maakt: " + ", ".join(nieuw.SOORTEN))
    sub.add_argument("id", help="de id, ook de bestandsnaam: kleine letters, cijfers en streepjes")
    add("overzicht", "tel knelpunten en oplossingen per soort en factor; laat zien wat dun is", overzicht)
    sub = add("export", "schrijf de catalogus als open data (JSON of CSV)", export)
    sub.add_argument("--formaat", choices=["json", "csv"], default="json", help="json (alles) of csv (knelpunten.csv en oplossingen.csv)")
    sub.add_argument("--uit", help="het bestand (json) of de map (csv) om naar te schrijven; zonder: json naar het scherm, csv in deze map")
    sub = add("import", "maak bestanden van een spreadsheet met knelpunten of oplossingen (CSV)", importeren)
    sub.add_argument("bestand", help="knelpunten.csv of oplossingen.csv, met de kolommen van 'wegwijzer export --formaat csv'")
    sub.add_argument("--soort", choices=list(importeren.RULES), help="knelpunten of oplossingen, als de bestandsnaam dat niet zegt")
    sub.add_argument("--overschrijf", action="store_true", help="overschrijf bestanden die al bestaan")
    add("bijwerken", "zet een catalogus van een oudere versie om naar het huidige formaat (zie docs/bijwerken.md)", bijwerken)
    sub = add("dossier", "maak het toetsingsdossier voor de Arbeidsinspectie: een PDF en een CSV", dossier)
    sub.add_argument("--uit", default="toetsingsdossier", help="de map om naar te schrijven (standaard: %(default)s)")
    add("toetsklaar", "zeg wat er nog ontbreekt voordat je de catalogus bij de Arbeidsinspectie indient", toetsklaar)
    sub = add("start", "begin een nieuwe Wegwijzer voor je sector, op de basis", start, None)
    sub.add_argument("map", help="een nieuwe, lege map")
    sub.add_argument("--sector", required=True, help="de sector, bijvoorbeeld Kinderopvang")
    sub.add_argument("--uitgever", required=True, help="de branchevereniging")
    sub.add_argument("--titel", help="de naam van de site (standaard: Werkdruk Wegwijzer <sector>)")
    sub = _dutch(commands.add_parser("bekijken", help="bekijk de Wegwijzer in je browser; na elke wijziging ververst de pagina vanzelf", description="bekijk de Wegwijzer in je browser; na elke wijziging ververst de pagina vanzelf", add_help=False))
    sub.add_argument("--poort", type=int, default=8000, help="de poort op 127.0.0.1 (standaard: %(default)s)")
    sub.add_argument("--config", default="mkdocs.yml", help="het instellingenbestand (standaard: %(default)s)")
    sub.set_defaults(run=site.bekijken)
    sub = _dutch(commands.add_parser("bouwen", help="bouw de site om te publiceren, met dezelfde controles als de publicatie", description="bouw de site om te publiceren, met dezelfde controles als de publicatie", add_help=False))
    sub.add_argument("--uit", default="site", help="de map voor de site (standaard: %(default)s)")
    sub.add_argument("--config", default="mkdocs.yml", help="het instellingenbestand (standaard: %(default)s)")
    sub.set_defaults(run=site.bouwen)
    sub = _dutch(commands.add_parser("schema", help="schrijf de JSON Schema's voor editors (VS Code)", description="schrijf de JSON Schema's voor editors (VS Code)", add_help=False))
    sub.add_argument("--uit", default=str(PACKAGE_SCHEMAS), help="de map (standaard: die van het pakket)")
    sub.set_defaults(run=_schemas)
    return main


def _schemas(args) -> int:
    written = write_schemas(Path(args.uit))
    print(f"{len(written)} schema's geschreven in {args.uit}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # output piped into 'head' and the like: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
