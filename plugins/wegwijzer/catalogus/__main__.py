"""`python -m wegwijzer.catalogus [map]`: check a catalogus and list its problems."""

import sys

from . import CatalogusError, load_catalogus


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else "catalogus"
    try:
        catalogus = load_catalogus(folder)
    except CatalogusError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"In orde: {len(catalogus.stappen)} stappen, {len(catalogus.substappen)} substappen, "
          f"{len(catalogus.knelpunten)} knelpunten, {len(catalogus.oplossingen)} oplossingen.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
