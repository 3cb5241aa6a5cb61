"""How long the MKB-route takes to read, counted from its words.

The MKB-route promises an owner or team leader that all five steps take a few
minutes. Two counts:

- `mkb_leestijd`: the words of the MKB texts in the catalogus, before the site is
  built, so the build (and `wegwijzer check`) can warn an editor whose texts have
  grown past `mkb_leestijd_max`;
- `woorden_in_html`: the words of a page as it is rendered, headings, link texts
  and all. The site states the reading time from the five step pages counted this
  way (`leestijd_tekst`), so the number a reader sees is what they will read.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

from .links import expand_links
from .model import Catalogus

#: Reading speed for plain Dutch on a screen. Readers at level B1 read slower
#: than the 250 words a minute often quoted; 200 keeps the promise honest.
WOORDEN_PER_MINUUT = 200

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:['’-][0-9A-Za-zÀ-ÿ]+)*")


def mkb_teksten(catalogus: Catalogus, stap=None) -> list[str]:
    """Every text a reader meets on the MKB-route pages (or one step's page), links as their titles."""
    texts = []
    for stap in [stap] if stap else catalogus.stappen:
        texts += [stap.titel, stap.mkb.inleiding, stap.mkb.tip or ""]
        for actie in stap.mkb.acties:
            texts += [actie.titel, actie.tekst, actie.meer.titel]
    return [expand_links(text, lambda link: link.label or _title(catalogus, link)) for text in texts]


def woorden(text: str) -> int:
    return len(_WORD.findall(text))


def minuten(count: int) -> int:
    """Minutes to read `count` words, rounded up; at least one."""
    return max(1, math.ceil(count / WOORDEN_PER_MINUUT))


def mkb_leestijd(catalogus: Catalogus) -> tuple[int, int]:
    """(words, minutes rounded up) of the MKB texts in the catalogus."""
    count = sum(woorden(text) for text in mkb_teksten(catalogus))
    return count, minuten(count)


#: Elements whose text a reader does not read as the page's text: code and pictures,
#: what is hidden, and navigation (the route's progress bar, previous and next; also
#: whatever the theme marks `data-pagefind-ignore`, as search leaves it out).
_NIET_GELEZEN = {"script", "style", "svg", "template", "nav", "aside"}
_LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its text left out?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _LEEG:
            return
        names = dict(attrs)
        skip = (
            tag in _NIET_GELEZEN or "hidden" in names or "data-pagefind-ignore" in names  # the way around, not the text
            or "headerlink" in (names.get("class") or "").split()
        )
        self.stack.append(skip or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in _LEEG and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def tekst_van_html(html: str) -> str:
    """The text a reader reads in `html` (a page's content)."""
    parser = _Tekst()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def woorden_in_html(html: str) -> int:
    """The words a reader reads in `html`: its text without code, hidden parts and navigation."""
    return woorden(tekst_van_html(html))


def getal(n: int) -> str:
    """A number as Dutch writes it: 1.078."""
    return f"{n:,}".replace(",", ".")


def _title(catalogus: Catalogus, link) -> str:
    entry = catalogus.entries(link.kind).get(link.id)
    if entry is None:
        return catalogus.link_title(link.kind, link.id) or ""
    return getattr(entry, "titel", None) or getattr(entry, "wie", "")


#: What a page may write where the reading time of the short route belongs; the site fills
#: in the number counted from its five step pages as rendered (`vul_leestijd_in`). In the
#: organisation's own pages too: "Kort: de vijf stappen lees je in {{ leestijd_korte_route }}".
LEESTIJD_TEKENS = {
    "leestijd_korte_route": lambda n: f"{minuten(n)} {'minuut' if minuten(n) == 1 else 'minuten'}",
    "minuten_korte_route": lambda n: str(minuten(n)),
    "woorden_korte_route": getal,
}
_TEKEN = re.compile(r"\{\{\s*(" + "|".join(LEESTIJD_TEKENS) + r")\s*\}\}")


def teken(naam: str) -> str:
    """The placeholder for `naam` (a key of LEESTIJD_TEKENS), as a page writes it."""
    return "{{ %s }}" % naam


def heeft_leestijd(text: str) -> bool:
    return "{{" in text and _TEKEN.search(text) is not None


def vul_leestijd_in(text: str, woorden_korte_route: int) -> str:
    """`text` with every reading-time placeholder replaced by the number it stands for."""
    return _TEKEN.sub(lambda m: LEESTIJD_TEKENS[m.group(1)](woorden_korte_route), text)
