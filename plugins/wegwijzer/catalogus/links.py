"""`[[soort:id]]` links inside Markdown text.

Editors link to any entry by kind and id; the link gets the entry's title, or
their own text with `[[soort:id|tekst]]`. The model only finds and checks links;
how a link becomes a URL is the caller's business (the site, a PDF, an export).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .problems import did_you_mean, position
from .soorten import SOORTEN

#: The kinds an editor can link to, with the Dutch word used in messages.
LINK_KINDS = {soort.naam: soort.woord for soort in SOORTEN.values()}

#: A link; also as the browser editor's rich-text mode saves it, with a backslash before the brackets
#: (`\\[[knelpunt:x]]`, `\\[\\[knelpunt:x\\]\\]`): a reader never sees those backslashes. A backslash
#: that is itself escaped (`\\\\[[...]]`, a backslash shown in the text) is left to Markdown.
LINK = re.compile(r"(?:(?<!\\)\\)?\[\\?\[\s*([^\]\s:|\\]+)\s*:\s*([^\]|\\]*?)\s*(?:\\?\|([^\]]*?))?\\?\]\\?\]")
# Code is left alone, so documentation can show the link syntax itself.
_CODE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$|`+[^`\n]*`+", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Link:
    kind: str
    id: str
    label: str | None
    line: int  # 0-based line within the text
    column: int  # 0-based column within its line
    raw: str

    @property
    def escaped(self) -> bool:
        """Written with backslashes, as Decap's rich-text mode saves it: shown right, but best fixed."""
        return "\\" in self.raw

    @property
    def plain(self) -> str:
        """The link as it should be written: `[[knelpunt:x]]`."""
        return f"[[{self.kind}:{self.id}" + (f"|{self.label}" if self.label else "") + "]]"


def escaped_link_warning(link: Link) -> tuple[str, str]:
    """(message, hint) for a link written with backslashes."""
    return (f"de link {link.raw} heeft een \\ voor de haken (zo bewaart de editor hem in de stand Rijke tekst)",
            f"schrijf {link.plain} zonder \\; in de editor: zet het tekstvak op Markdown (rechtsboven) en haal de \\ weg")


def find_links(text: str) -> Iterator[Link]:
    """Every `[[...]]` link in `text` outside code, with its place in the text."""
    for start, end in _prose_spans(text):
        for match in LINK.finditer(text, start, end):
            line, column = position(text, match.start())
            yield Link(match.group(1), match.group(2), _label(match), line, column, match.group(0))


def expand_links(text: str, render: Callable[[Link], str]) -> str:
    """Replace every link outside code by what `render` makes of it."""
    pieces: list[str] = []
    position = 0
    for start, end in _prose_spans(text):
        pieces.append(text[position:start])
        pieces.append(LINK.sub(lambda m: render(_link_of(m)), text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _link_of(match: re.Match) -> Link:
    return Link(match.group(1), match.group(2), _label(match), 0, 0, match.group(0))


#: Markdown's escapes, as the rich-text mode puts them in a link's own text (`mijn \\*tekst\\*`).
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


def _label(match: re.Match) -> str | None:
    label = match.group(3).strip() if match.group(3) is not None else ""
    if "\\" in match.group(0):
        label = _ESCAPE.sub(r"\1", label)
    return label or None


def _prose_spans(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    if "[[" not in text and "[\\[" not in text:
        return
    for code in _CODE.finditer(text):
        yield position, code.start()
        position = code.end()
    yield position, len(text)


def link_problem(link: Link, ids: Callable[[str], Iterable[str]]) -> tuple[str, str] | None:
    """What is wrong with `link` as (message, hint), or None when it resolves.

    `ids(kind)` gives the ids that exist for a kind; the loader passes the ids of
    the catalogus being read, a site generator those of the finished model.
    """
    if link.kind not in LINK_KINDS:
        hint = did_you_mean(link.kind, LINK_KINDS) or "soorten: " + ", ".join(LINK_KINDS)
        return f"onbekende soort link '{link.kind}' in {link.raw}", hint
    known = ids(link.kind)
    if link.id not in known:
        hint = did_you_mean(link.id, list(known)) or f"er is geen {LINK_KINDS[link.kind]} met deze id"
        return f"link naar onbekende {LINK_KINDS[link.kind]} '{link.id}'", hint
    return None
