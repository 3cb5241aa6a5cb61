"""Which link and image targets a catalogus text may use.

Catalogus texts are Markdown written by many hands. A link must not run code in
a reader's browser (`javascript:`, `data:`, ...) and an image must not make the
reader's browser fetch from another website. Raw HTML is escaped when texts are
rendered; this module covers what Markdown itself can express.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterator

#: Schemes a link may use; anything else (javascript:, data:, vbscript:, file:, ...) is refused.
SAFE_SCHEMES = ("http", "https", "mailto")

_INLINE = re.compile(r"(!?)\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class UnsafeTarget:
    offset: int  # where the target starts in the text
    target: str
    message: str
    hint: str


def unsafe_targets(text: str) -> Iterator[UnsafeTarget]:
    """Each refused target once, in the order it appears."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return  # no link syntax at all: the common case, kept cheap
    candidates = [(m.start(2), m.group(2), m.group(1) == "!") for m in _INLINE.finditer(text)]
    candidates += [(m.start(1), m.group(1), False) for p in (_REFERENCE, _AUTOLINK) for m in p.finditer(text)]
    seen = set()
    for offset, target, image in sorted(candidates):
        found = _judge(target, image)
        if found and offset not in seen:
            seen.add(offset)
            yield UnsafeTarget(offset, target, *found)


def _judge(target: str, image: bool) -> tuple[str, str] | None:
    # Browsers decode entities and skip invisible characters: 'java&#115;cript:' is javascript:.
    cleaned = _INVISIBLE.sub("", html.unescape(target))
    scheme = _SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return (f"een link naar '{scheme.group(1).lower()}:' is niet toegestaan", "gebruik een webadres (https://...), een e-mailadres (mailto:...) of een [[soort:id]]-link")
    if image and (scheme or cleaned.startswith("//")):
        return ("een afbeelding van een andere website wordt niet geladen (de site vraagt niets op bij andere websites)", "zet de afbeelding in content/ en verwijs ernaar, bijvoorbeeld ![uitleg](../assets/plaatje.png)")
    return None
