"""Changes to other libraries' behaviour, in one place, each checked against the version it was written for.

- MkDocs' preview server (`mkdocs serve`) puts an inline script into every page
  it serves, for the live reload. The page's Content-Security-Policy (`csp.py`)
  allows only the scripts it knows by hash, so the served page's policy is
  extended with the hash of exactly that script. Written against MkDocs 1.6's
  `LiveReloadServer._inject_js_into_html(content, epoch) -> bytes`.
"""

from __future__ import annotations

import mkdocs
from mkdocs.livereload import LiveReloadServer

from .csp import allow_script

#: MkDocs versions whose preview server these patches were written for.
MKDOCS_VERSIONS = ("1.6.",)


def live_reload_under_policy() -> bool:
    """Let the preview's live reload script run under the page's policy; False if this MkDocs is unknown."""
    inject = getattr(LiveReloadServer, "_inject_js_into_html", None)
    if inject is None or not mkdocs.__version__.startswith(MKDOCS_VERSIONS):
        return False
    if getattr(inject, "wegwijzer", False):
        return True

    def injected(self, content: bytes, epoch: int) -> bytes:
        result = inject(self, content, epoch)
        start = result.rfind(b"<script>", 0, result.rfind(b"</body>") if b"</body>" in result else len(result))
        end = result.find(b"</script>", start)
        if start < 0 or end < 0:
            return result
        body = result[start + len(b"<script>"):end].decode("utf-8")
        return allow_script(result.decode("utf-8"), body).encode("utf-8")

    injected.wegwijzer = True
    LiveReloadServer._inject_js_into_html = injected
    return True
