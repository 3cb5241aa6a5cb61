"""The reading routes of a guide, the way GOV.UK's step-by-step navigation works.

Three routes: the short one for an MKB owner (`mkb`), the long one for HR with its
substeps (`hr`), and the one for werknemers and the OR (`werknemer`). Each is an
ordered list of pages (haltes). A page on a route shows which route it is part of,
where it stands, the way back, and previous/next *inside that route*, so a reader
is never handed another route's way on.

A page a route links to that is not on it (a "Lees meer" substep, an oplossing) is a
detour: the link carries `?van=<route>-<n>` and that page offers the way back to
halte n, at the top and the bottom (terug.js). The scan, the team result and the
werksessie are tools of their own that the werknemer route passes through: they show
that route only to a reader who follows it (`gedeeld`).

Paths are docs-relative source paths; nothing here needs MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogus import model
from .routes import PAGINA_PATHS, mkb_path_of, path_of

#: How a route is named where a page says it is part of it.
NAMEN = {
    "mkb": "de korte route",
    "hr": "de uitgebreide route",
    "werknemer": "de route voor werknemers en OR",
}


@dataclass(frozen=True)
class Halte:
    pad: str
    titel: str  # as the route lists it
    stap: int | None = None  # HR: the step a substep belongs to
    substap: bool = False
    gedeeld: bool = False  # a tool of its own: on the route only for who follows it


@dataclass(frozen=True)
class Leesroute:
    id: str
    haltes: tuple[Halte, ...]
    verder: Halte | None = None  # where the last page leads on, off the route

    @property
    def naam(self) -> str:
        return NAMEN[self.id]


def leesroutes(catalogus: model.Catalogus, bestaat) -> tuple[Leesroute, ...]:
    """The guide's routes, with only the pages this site has (`bestaat(pad)`)."""
    stappen = catalogus.stappen
    mkb = [Halte(PAGINA_PATHS["korte-route"], "Overzicht"), *(Halte(mkb_path_of(s), f"Stap {s.nummer}: {s.titel}", s.nummer) for s in stappen)]
    hr = [Halte(PAGINA_PATHS["uitgebreide-route"], "Overzicht")]
    for s in stappen:
        hr.append(Halte(path_of("stap", s), f"Stap {s.nummer}: {s.titel}", s.nummer))
        hr += [Halte(path_of("substap", sub), sub.titel, s.nummer, substap=True) for sub in s.substappen]
    werknemer = [
        Halte(PAGINA_PATHS["werknemer"], "Werkdruk bespreken"),
        Halte(PAGINA_PATHS["werkdrukscan"], "De werkdrukscan voor jezelf", gedeeld=True),
        Halte(PAGINA_PATHS["teamuitslag"], "De teamuitslag", gedeeld=True),
        Halte(PAGINA_PATHS["werksessie"], "De werksessie met je team", gedeeld=True),
    ]
    klaar = Halte(PAGINA_PATHS["werksessie"], "Klaar! Plan een werksessie met je team")
    routes = (Leesroute("mkb", tuple(mkb), klaar), Leesroute("hr", tuple(hr)), Leesroute("werknemer", tuple(werknemer)))
    return tuple(
        Leesroute(r.id, tuple(h for h in r.haltes if bestaat(h.pad)), r.verder if r.verder and bestaat(r.verder.pad) else None)
        for r in routes if bestaat(r.haltes[0].pad)
    )


@dataclass(frozen=True)
class Plek:
    """Where a page stands on one route, with what its route navigation shows."""

    route: Leesroute
    index: int

    @property
    def halte(self) -> Halte:
        return self.route.haltes[self.index]

    @property
    def van(self) -> str:
        """The `van` value links from this page carry."""
        return f"{self.route.id}-{self.index}"

    def positie(self) -> str:
        """'Stap 2 van 5', 'Stap 2, substap 3 van 4', 'Deel 2 van 4'; empty on the overview."""
        h, haltes = self.halte, self.route.haltes
        if self.route.id == "werknemer":
            return f"Deel {self.index + 1} van {len(haltes)}"
        if h.stap is None or self.route.id == "mkb":  # the short route's progress bar says it
            return ""
        stappen = [x for x in haltes if x.stap is not None and not x.substap]
        if not h.substap:
            return f"Stap {h.stap} van {len(stappen)}"
        subs = [x for x in haltes if x.substap and x.stap == h.stap]
        return f"Stap {h.stap}, substap {subs.index(h) + 1} van {len(subs)}"

    def terug(self) -> Halte | None:
        """One level up: a substep to its step, a step to the route's overview."""
        h, haltes = self.halte, self.route.haltes
        if self.index == 0 or self.route.id == "werknemer":
            return None
        if h.substap:
            return next(x for x in haltes if x.stap == h.stap and not x.substap)
        return haltes[0]

    def vorige(self) -> Halte | None:
        return self.route.haltes[self.index - 1] if self.index > 0 else None

    def volgende(self) -> Halte | None:
        haltes = self.route.haltes
        return haltes[self.index + 1] if self.index + 1 < len(haltes) else None

    def lijst(self) -> list[tuple[Halte, bool, list[tuple[Halte, bool]]]]:
        """The route as listed under the page: each step (or part) with whether it is
        the current one, and the substeps of the current step only (GOV.UK opens one step)."""
        h = self.halte
        haltes = self.route.haltes if self.route.id == "werknemer" else self.route.haltes[1:]
        rij: list[tuple[Halte, bool, list[tuple[Halte, bool]]]] = []
        for x in haltes:
            if not x.substap:
                rij.append((x, x is h, []))
            elif x.stap == h.stap:
                rij[-1][2].append((x, x is h))
        return rij


def weergave(plek: Plek, url) -> dict:
    """What the route navigation of a page shows, with `url(pad)` the site URL of a page.

    A link to a shared page carries `?van=`, so that page shows this route too."""
    def doel(h: Halte | None, tekst: str | None = None) -> dict | None:
        if h is None:
            return None
        return {"url": url(h.pad), "van": plek.van if h.gedeeld else "", "titel": tekst or h.titel}

    terug = plek.terug()
    vorige, volgende = doel(plek.vorige(), bladertekst(plek.vorige())), doel(plek.volgende(), bladertekst(plek.volgende()))
    if volgende:
        volgende["voor"] = "Volgende: "
    elif plek.route.verder:
        volgende = {"url": url(plek.route.verder.pad), "van": plek.van, "titel": plek.route.verder.titel, "voor": ""}
    return {
        "id": plek.route.id,
        "naam": plek.route.naam,
        "van": plek.van,
        "gedeeld": plek.halte.gedeeld,
        "overzicht": doel(plek.route.haltes[0]) if plek.index else None,
        "positie": plek.positie(),
        "terug": doel(terug, terug_tekst(plek.route, terug)) if terug else None,
        "vorige": vorige,
        "volgende": volgende,
        "lijst": [
            {**doel(h), "huidig": huidig, "open": huidig or any(k for _, k in kinderen),
             "kinderen": [{**doel(k), "huidig": kh} for k, kh in kinderen]}
            for h, huidig, kinderen in plek.lijst()
        ],
    }


def bladertekst(h: Halte | None) -> str | None:
    """A halte after "Vorige:" or "Volgende:": 'stap 2 – Oorzaken', a substep by its title."""
    if h is None or h.stap is None or h.substap:
        return None
    return f"stap {h.stap} – {h.titel.partition(': ')[2]}"


def terug_tekst(route: Leesroute, h: Halte) -> str:
    """'Terug naar stap 2: Oorzaken', 'Terug naar het overzicht van de korte route'."""
    if h.stap is None:
        return f"Terug naar het overzicht van {route.naam}"
    return f"Terug naar {h.titel[:1].lower()}{h.titel[1:]}"


def voor_javascript(routes: tuple[Leesroute, ...], url) -> dict:
    """Every route's haltes (URL and title), so a detour page can offer the way back."""
    def halte(h: Halte) -> dict:
        return {"url": url(h.pad), "titel": h.titel, **({"stap": h.stap} if h.stap and not h.substap else {}), **({"gedeeld": True} if h.gedeeld else {})}

    return {r.id: {"naam": r.naam, "haltes": [halte(h) for h in r.haltes]} for r in routes}


def plekken(routes: tuple[Leesroute, ...], pad: str) -> list[Plek]:
    """Every route `pad` is on, its own (not shared) route first."""
    gevonden = [Plek(r, i) for r in routes for i, h in enumerate(r.haltes) if h.pad == pad]
    return sorted(gevonden, key=lambda p: p.halte.gedeeld)
