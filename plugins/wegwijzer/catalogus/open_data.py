"""The resolved catalogus as open data: JSON with everything, CSV for spreadsheets.

The CSV columns are the ones `wegwijzer import` reads, so a branch organisation
can export its lists, work on them in a spreadsheet and read them back.
"""

from __future__ import annotations

import csv
import io

from . import model

#: Raised when the shape of the JSON changes, so reusers can tell.
FORMAATVERSIE = 1
#: Separator between the items of a list inside one CSV cell.
LIJST = " | "

CSV_KOLOMMEN = {
    "knelpunten": ["id", "titel", "factor", "omschrijving", "signalen", "oplossingen", "stellingen"],
    "oplossingen": ["id", "titel", "omschrijving", "aanpak", "niveau", "termijn", "kosten", "invoeren", "randvoorwaarden", "grondslag", "ook_van_belang", "bronnen", "onderbouwing_soort", "onderbouwing_toelichting"],
}
LIJST_KOLOMMEN = {"signalen", "oplossingen", "stellingen", "niveau", "invoeren", "randvoorwaarden", "grondslag", "ook_van_belang", "bronnen"}
#: Between the parts of one source in a CSV cell: titel — uitgever — jaar — link.
BRON_DELEN = " — "
BRON_VELDEN = ("titel", "uitgever", "jaar", "link")
#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str | None) -> str | None:
    """`text` as a CSV cell that a spreadsheet never runs as a formula.

    A cell starting with = + - @, a tab or a carriage return gets a leading single
    quote, as OWASP advises (https://owasp.org/www-community/attacks/CSV_Injection):
    Excel and LibreOffice then show the text as it is. So that `read_spreadsheet_cell`
    gives back exactly what was written, text that already starts with quotes before
    such a character gets one more. Every CSV the program writes goes through here;
    the planhulp's CSV in the browser has the same rule (`csvVeld` in export.js).
    """
    return "'" + text if isinstance(text, str) and text.lstrip("'").startswith(FORMULA_START) else text


def read_spreadsheet_cell(text: str) -> str:
    """The text of a cell written by `spreadsheet_cell`: its one protecting quote taken off."""
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START) else text


def to_json(catalogus: model.Catalogus) -> dict:
    info = catalogus.info
    ids = lambda items: [item.id for item in items]  # noqa: E731
    return {
        "formaat": "wegwijzer-catalogus",
        "formaatversie": FORMAATVERSIE,
        "gids": {
            **{k: getattr(info, k) for k in ("id", "titel", "sector", "uitgever", "versie", "licentie", "contact")},
            "partijen": [{"naam": p.naam, "kant": p.kant} for p in info.partijen],
            "geldig_tot": info.geldig_tot.isoformat() if info.geldig_tot else None,
            "toetsing": {"status": info.toetsing.status, "datum": info.toetsing.datum.isoformat() if info.toetsing.datum else None, "kenmerk": info.toetsing.kenmerk} if info.toetsing else None,
        },
        "stappen": [
            {
                "nummer": s.nummer, "titel": s.titel, "kort": s.kort, "duur": s.duur, "inleiding": s.inleiding,
                "mkb": {
                    "inleiding": s.mkb.inleiding, "tip": s.mkb.tip,
                    "acties": [{"titel": a.titel, "tekst": a.tekst, "meer": a.meer.id} for a in s.mkb.acties],
                },
                "substappen": [
                    {
                        "id": sub.id, "titel": sub.titel, "resultaat": sub.resultaat, "wat_en_waarom": sub.wat_en_waarom,
                        "hoe": sub.hoe, "met_wie": sub.met_wie, "check": sub.check, "verandering": sub.verandering,
                        "praktijk": ids(sub.praktijk), "instrumenten": ids(sub.instrumenten),
                    }
                    for sub in s.substappen
                ],
            }
            for s in catalogus.stappen
        ],
        "werkdrukmodel": {
            "inleiding": catalogus.werkdrukmodel.inleiding,
            "groepen": [
                {"id": g.id, "titel": g.titel, "soort": g.soort, "omschrijving": g.omschrijving,
                 "factoren": [{"id": f.id, "titel": f.titel, "omschrijving": f.omschrijving, "knelpunten": ids(f.knelpunten)} for f in g.factoren]}
                for g in catalogus.werkdrukmodel.groepen
            ],
        },
        "knelpunten": [
            {"id": k.id, "titel": k.titel, "factor": k.factor.id, "omschrijving": k.omschrijving, "signalen": k.signalen, "oplossingen": ids(k.oplossingen), "stellingen": ids(k.stellingen), "bronnen": [_bron(b) for b in k.bronnen]}
            for k in catalogus.knelpunten.values()
        ],
        "oplossingen": [
            {
                "id": o.id, "titel": o.titel, "omschrijving": o.omschrijving, "aanpak": o.aanpak, "niveau": o.niveau,
                "termijn": o.termijn, "kosten": o.kosten, "invoeren": o.invoeren, "randvoorwaarden": o.randvoorwaarden,
                "grondslag": [_bepaling(b) for b in o.grondslag],
                "ook_van_belang": [_bepaling(b) for b in o.ook_van_belang],
                "bronnen": [_bron(b) for b in o.bronnen],
                "onderbouwing": {"soort": o.onderbouwing.soort, "toelichting": o.onderbouwing.toelichting} if o.onderbouwing else None,
                "knelpunten": ids(o.knelpunten),
            }
            for o in catalogus.oplossingen.values()
        ],
        "scan": {"stellingen": [{"id": s.id, "tekst": s.tekst, "factor": s.factor.id, "soort": s.soort} for s in catalogus.scan.stellingen]} if catalogus.scan else None,
        "criteria": [{"id": c.id, "titel": c.titel, "vraag": c.vraag} for c in catalogus.criteria.criteria] if catalogus.criteria else [],
        "praktijk": [{"id": p.id, "citaat": p.citaat, "wie": p.wie, "soort": p.soort} for p in catalogus.praktijk.values()],
        "instrumenten": [{"id": i.id, "titel": i.titel, "omschrijving": i.omschrijving, "url": i.url, "kosten": i.kosten} for i in catalogus.instrumenten.values()],
    }


def _bepaling(b) -> dict:
    return {"wet": b.wet.id, "artikel": b.artikel, "lid": b.lid, "letter": b.letter, "tekst": b.label, "onderwerp": b.onderwerp}


def to_csv(catalogus: model.Catalogus, soort: str) -> str:
    """Knelpunten or oplossingen as CSV that Dutch Excel opens: semicolons, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_KOLOMMEN[soort])
    for entry in (catalogus.knelpunten if soort == "knelpunten" else catalogus.oplossingen).values():
        writer.writerow([spreadsheet_cell(_cell(entry, column)) for column in CSV_KOLOMMEN[soort]])
    return "\ufeff" + out.getvalue()


def _cell(entry, column: str) -> str:
    if column == "factor":
        return entry.factor.id
    if column in ("oplossingen", "stellingen"):
        return LIJST.join(item.id for item in getattr(entry, column))
    if column in ("grondslag", "ook_van_belang"):
        return LIJST.join(b.notatie for b in getattr(entry, column))
    if column == "bronnen":
        return LIJST.join(BRON_DELEN.join(str(getattr(b, name) or "") for name in BRON_VELDEN).rstrip(" —") for b in entry.bronnen)
    if column.startswith("onderbouwing_"):
        return getattr(entry.onderbouwing, column.removeprefix("onderbouwing_")) if entry.onderbouwing else ""
    value = getattr(entry, column)
    return LIJST.join(value) if column in LIJST_KOLOMMEN else value


def _bron(bron: model.Bron) -> dict:
    return {name: getattr(bron, name) for name in BRON_VELDEN}


def bron_uit_cel(text: str) -> dict:
    """One source from a CSV cell ('titel — uitgever — jaar — link'); the inverse of the export."""
    values = dict(zip(BRON_VELDEN, (part.strip() for part in text.split(BRON_DELEN.strip()))))
    if values.get("jaar", "").isdigit():
        values["jaar"] = int(values["jaar"])
    return {name: value for name, value in values.items() if value != ""}
