"""`wegwijzer overzicht`: how much there is, and where the catalogus is thin."""

from __future__ import annotations

from .load_or_report import load_or_report


def run(args) -> int:
    catalogus = load_or_report(args.map)
    if catalogus is None:
        return 1
    counts = {
        "stappen": len(catalogus.stappen),
        "substappen": len(catalogus.substappen),
        "factoren": len(catalogus.factoren),
        "knelpunten": len(catalogus.knelpunten),
        "oplossingen": len(catalogus.oplossingen),
        "praktijkverhalen": len(catalogus.praktijk),
        "instrumenten": len(catalogus.instrumenten),
        "scan-stellingen": len(catalogus.scan.stellingen) if catalogus.scan else 0,
    }
    print(f"{catalogus.info.titel} (versie {catalogus.info.versie})")
    for kind, count in counts.items():
        print(f"  {kind:<18}{count:>4}")
    print("\nPer factor            knelpunten  oplossingen")
    for groep in catalogus.werkdrukmodel.groepen:
        print(f"{groep.titel}")
        for factor in groep.factoren:
            oplossingen = {o.id for k in factor.knelpunten for o in k.oplossingen}
            print(f"  {factor.id:<34}{len(factor.knelpunten):>3}{len(oplossingen):>12}")
    thin_factors = [f.id for f in catalogus.factoren if len(f.knelpunten) < 2]
    thin_knelpunten = [k.id for k in catalogus.knelpunten.values() if len(k.oplossingen) < 2]
    print(f"\nDunne factoren (minder dan 2 knelpunten): {', '.join(thin_factors) or 'geen'}")
    print(f"Dunne knelpunten (minder dan 2 oplossingen): {', '.join(thin_knelpunten) or 'geen'}")
    return 0
