"""A Content-Security-Policy in every page, computed from the page itself.

The sanitizer (`sanitize.py`) keeps script out of what editors write; this is
the second line, in case something ever slips past it: the browser runs only
scripts from the site's own origin and the inline scripts the theme itself
puts in the page, each allowed by its SHA-256 hash. Inline event handlers
(`onclick=…`), `javascript:` URLs, injected `<script>` elements and requests to
other origins are refused by the browser. A `<meta>` policy is what a static
site can carry wherever it is hosted; it must come before the first script,
so it goes right after `<meta charset>`.

- `'wasm-unsafe-eval'`: Pagefind's search runs as WebAssembly.
- `style-src 'unsafe-inline'`: Material and our tools set inline styles from
  script (positions, the werksessie timer); styles cannot run code.
- `img-src data:`: Material's icons are SVG data URIs in its stylesheet.

With it goes `<meta name="referrer">`: a link to another website tells it the
origin of the guide, never the page a visitor was reading.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: Inline scripts: no `src`, and a type browsers execute (not the JSON data blocks).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
#: The policy's own tag, so a page passing through twice (the preview's reload) gets it updated, not doubled.
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')

#: Where the page's own text starts: what editors wrote, after the sanitizer.
_ARTICLE = '<article class="md-content__inner'

REFERRER = '<meta name="referrer" content="strict-origin-when-cross-origin">'


def script_hash(body: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
    ])


def inline_script_hashes(html: str) -> list[str]:
    """The theme's inline scripts; one inside the page's article is never allowed, whatever put it there."""
    start, end = html.find(_ARTICLE), html.rfind("</article>")
    if 0 <= start < end:
        html = html[:start] + html[end:]
    found = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if _SRC.search(attrs) or _DATA_TYPE.search(attrs):
            continue
        source = script_hash(match.group("body"))
        if source not in found:
            found.append(source)
    return found


def with_policy(html: str) -> str:
    """`html` (a whole page) with its Content-Security-Policy and referrer policy in `<head>`."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    if _POLICY.search(html):
        return _POLICY.sub(lambda _: tag, html, count=1)
    charset = _CHARSET.search(html)
    if charset is None:
        head = html.find("<head>")
        at = head + len("<head>") if head >= 0 else 0
    else:
        at = charset.end()
    return html[:at] + tag + REFERRER + html[at:]


def allow_script(html: str, body: str) -> str:
    """`html` whose policy also allows the inline script `body` (the preview's live reload)."""
    source = script_hash(body)
    return _POLICY.sub(lambda m: m.group(0).replace("script-src 'self'", f"script-src 'self' {source}", 1), html, count=1)
