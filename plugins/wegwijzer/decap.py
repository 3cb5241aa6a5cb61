"""Where Decap CMS's JavaScript is: the browser editor serves it, `wegwijzer wiel` carries it in a wheel.

Both ask here, so the command line needs no plugin code for it. The folders stay
beside the editor plugin: scripts/setup installs npm there, and a wheel made by
an earlier release carries the JavaScript there.
"""

from __future__ import annotations

from pathlib import Path

_EDITOR = Path(__file__).resolve().parent / "plugins" / "editor"
#: The npm folder with the pinned decap-cms (package.json beside it), installed by scripts/setup.
NPM = _EDITOR / "npm"
#: Decap CMS's JavaScript as a wheel of this program carries it (`cli/wiel.py` copies it there),
#: so a guide installed from its own wheel needs no npm.
VENDORED = _EDITOR / "decap"


def decap_folder() -> Path:
    """Where Decap CMS's JavaScript is: carried in this program's wheel, or installed by npm beside it."""
    return VENDORED if any(VENDORED.glob("*decap-cms.js")) else NPM / "node_modules" / "decap-cms" / "dist"
