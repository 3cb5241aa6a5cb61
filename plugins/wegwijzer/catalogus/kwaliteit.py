"""Content gaps and language: what `wegwijzer check` warns about beyond errors.

A catalogus can be valid and still thin: a factor nobody wrote a knelpunt for,
an oplossing no knelpunt points to, MKB texts too long or too hard for an owner
who reads at level B1. These are warnings, not errors: the site still builds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

import pyphen

from .layers import from_base
from .leestijd import WOORDEN_PER_MINUUT, mkb_leestijd, mkb_teksten
from .model import Catalogus, datum_nl
from .problems import Mark, Problem

#: Longest sentence an MKB text should have (words).
MAX_ZIN = 20
#: Flesch-Douma score from which Dutch text is easy enough for readers at level B1.
MIN_DOUMA = 60

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'‘“(])")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:['’-][0-9A-Za-zÀ-ÿ]+)*")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    """Dutch hyphenation, read when a score is asked for: reading its dictionary takes
    60 ms, which every build paid on import though only the checks use it."""
    return pyphen.Pyphen(lang="nl_NL")


@dataclass(frozen=True)
class PageScore:
    """The reading ease of one MKB-route page."""

    stap: int
    douma: float
    woorden: int
    zinnen: int


def content_gaps(catalogus: Catalogus, today: date | None = None) -> list[Problem]:
    gaps = list(catalogus.waarschuwingen) + arbocatalogus(catalogus, today)
    for factor in catalogus.factoren:
        if not factor.knelpunten:
            gaps.append(Problem(_at(factor), "", f"factor '{factor.id}' heeft geen knelpunten", "schrijf een knelpunt met 'factor: " + factor.id + "'"))
    for knelpunt in catalogus.knelpunten.values():
        if len(knelpunt.oplossingen) < 2:
            gaps.append(Problem(_at(knelpunt), "oplossingen", f"knelpunt '{knelpunt.id}' heeft {len(knelpunt.oplossingen)} oplossing(en)", "geef elk knelpunt minstens twee oplossingen om uit te kiezen"))
        if catalogus.scan and not knelpunt.stellingen:
            gaps.append(Problem(_at(knelpunt), "stellingen", f"knelpunt '{knelpunt.id}' komt nooit in de uitslag van de werkdrukscan", "noem bij 'stellingen:' de stellingen van de scan die dit knelpunt aanwijzen, als die er zijn"))
    for verhaal in catalogus.praktijk.values():
        if not verhaal.gebruikt:
            gaps.append(Problem(_at(verhaal), "", f"het citaat '{verhaal.id}' staat alleen op de pagina met alle citaten", "noem het bij 'praktijk:' van een knelpunt, oplossing of substap, of laat het weg"))
    for oplossing in catalogus.oplossingen.values():
        if not oplossing.knelpunten:
            gaps.append(Problem(_at(oplossing), "", f"oplossing '{oplossing.id}' wordt door geen enkel knelpunt genoemd", "noem haar bij 'oplossingen' van een knelpunt, of laat haar weg"))
        if not oplossing.grondslag:
            gaps.append(Problem(_at(oplossing), "grondslag", f"oplossing '{oplossing.id}' noemt geen wettelijke grondslag", "een arbocatalogus noemt per maatregel de bepaling die hij invult, bijvoorbeeld 'grondslag: [arbowet 3 lid 2]'"))
        if not oplossing.bronnen and not (oplossing.onderbouwing and oplossing.onderbouwing.soort == "praktijk"):
            gaps.append(Problem(_at(oplossing), "bronnen", f"oplossing '{oplossing.id}' noemt geen bron", "noem onder 'bronnen:' waar het idee of het bewijs vandaan komt (titel, uitgever, jaar, link), of zeg bij 'onderbouwing:' met 'soort: praktijk' dat het praktijkkennis is"))
        for bepaling in oplossing.grondslag:
            if not bepaling.bevestigd:
                gaps.append(Problem(_at(oplossing), "grondslag", f"oplossing '{oplossing.id}' noemt {bepaling.label}, dat niet tegen de officiële tekst is nagekeken", "kijk de nummering na op wetten.overheid.nl en zet in het register 'bevestigd: ja'"))
    words, minutes = mkb_leestijd(catalogus)
    if minutes > catalogus.info.mkb_leestijd_max:
        gaps.append(Problem(_at(catalogus.info), "mkb_leestijd_max", f"de MKB-route kost ongeveer {minutes} minuten ({words} woorden, {WOORDEN_PER_MINUUT} per minuut)", f"de belofte is hoogstens {catalogus.info.mkb_leestijd_max} minuten; maak de MKB-teksten korter"))
    return [from_base(gap, catalogus.lagen) for gap in gaps]


def arbocatalogus(catalogus: Catalogus, today: date | None = None) -> list[Problem]:
    """What stands between this guide and a positive toetsing by the Arbeidsinspectie."""
    info, at = catalogus.info, _at(catalogus.info)
    today = today or date.today()
    found = []
    if not info.beide_kanten:
        kanten = sorted({p.kant for p in info.partijen}) or ["geen"]
        found.append(Problem(at, "partijen", f"de partijen zijn niet van beide kanten (nu: {', '.join(kanten)}); de Arbeidsinspectie toetst deze catalogus zo niet", "noem onder 'partijen:' minstens één werkgeversorganisatie (kant: werkgevers) en één werknemersorganisatie (kant: werknemers)"))
    if info.geldig_tot is None:
        found.append(Problem(at, "geldig_tot", "de catalogus noemt niet tot wanneer hij geldt", "zet 'geldig_tot:' met een datum, bijvoorbeeld 2029-12-31"))
    elif info.geldig_tot < today:
        found.append(Problem(at, "geldig_tot", f"de geldigheid is verlopen op {datum_nl(info.geldig_tot)}", "laat de catalogus opnieuw toetsen en zet een nieuwe datum bij 'geldig_tot:'"))
    if info.toetsing is None:
        found.append(Problem(at, "toetsing", "de catalogus noemt niet waar de toetsing door de Arbeidsinspectie staat", "zet 'toetsing:' met 'status: in-voorbereiding', 'ingediend' of 'positief-getoetst'"))
    elif info.toetsing.status == "positief-getoetst" and not (info.toetsing.datum and info.toetsing.kenmerk):
        found.append(Problem(at, "toetsing", "een positieve toetsing heeft een datum en een kenmerk", "neem ze over uit de brief van de Arbeidsinspectie"))
    if info.vastgesteld is None:
        found.append(Problem(at, "vastgesteld", "de catalogus noemt niet wanneer de partijen hem vaststelden", "zet 'vastgesteld:' met de datum waarop de partijen deze versie samen vaststelden, bijvoorbeeld 2027-03-01"))
    found += verplicht_bij_indienen(catalogus)
    if info.publicatie is None and not verplicht_bij_indienen(catalogus):
        found.append(Problem(at, "publicatie", "de catalogus noemt niet waar iedereen hem kan lezen", "zet 'publicatie:' met het adres van de site, bijvoorbeeld https://werkdruk.voorbeeld.nl"))
    return found


#: The stages of the toetsing at which the catalogus is out of the parties' hands.
INGEDIEND = ("ingediend", "positief-getoetst")


def verplicht_bij_indienen(catalogus: Catalogus) -> list[Problem]:
    """What a submitted catalogus must name: `check` refuses it missing, the build goes on."""
    info = catalogus.info
    if info.toetsing is None or info.toetsing.status not in INGEDIEND or info.publicatie:
        return []
    return [Problem(_at(info), "publicatie", "een ingediende catalogus noemt het adres waar iedereen hem gratis kan lezen",
                    "zet 'publicatie:' met het adres van de site, bijvoorbeeld https://werkdruk.voorbeeld.nl; een licentie is geen adres")]


def language(catalogus: Catalogus) -> tuple[list[Problem], list[PageScore]]:
    """Long sentences in the MKB texts, and the Flesch-Douma score of each MKB page."""
    problems, pages = [], []
    for stap in catalogus.stappen:
        texts = [_plain(text) for text in mkb_teksten(catalogus, stap)]
        for text in texts:
            for sentence in _sentences(text):
                count = len(_WORD.findall(sentence))
                if count > MAX_ZIN:
                    problems.append(Problem(_at(stap), "mkb", f"zin van {count} woorden: '{_shorten(sentence)}'", f"houd zinnen voor MKB'ers onder de {MAX_ZIN} woorden"))
        score, words, sentences = douma(" ".join(texts))
        pages.append(PageScore(stap.nummer, score, words, sentences))
        if score < MIN_DOUMA:
            problems.append(Problem(_at(stap), "mkb", f"de MKB-pagina van stap {stap.nummer} is moeilijk te lezen (Flesch-Douma {score:.0f})", f"taalniveau B1 vraagt een score van {MIN_DOUMA} of hoger: kortere zinnen, kortere woorden"))
    return [from_base(problem, catalogus.lagen) for problem in problems], pages


def douma(text: str) -> tuple[float, int, int]:
    """Flesch-Douma reading ease (Dutch Flesch): 206.835 - 0.93 x words/sentence - 77 x syllables/word."""
    sentences = _sentences(text)
    words = _WORD.findall(text)
    if not words or not sentences:
        return 100.0, 0, 0
    syllables = sum(len(_hyphenator().positions(word.lower())) + 1 for word in words)
    score = 206.835 - 0.93 * (len(words) / len(sentences)) - 77 * (syllables / len(words))
    return round(score, 1), len(words), len(sentences)


def _plain(text: str) -> str:
    """Markdown as the words a reader reads, each title or heading ending a sentence."""
    text = re.sub(r"[*_`#>]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?:" else text + "."


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if _WORD.search(s)]


def _shorten(sentence: str, length: int = 60) -> str:
    return sentence if len(sentence) <= length else sentence[: length - 1] + "…"


def _at(entry) -> Mark:
    return getattr(entry, "origin", None) or Mark("catalogus")
