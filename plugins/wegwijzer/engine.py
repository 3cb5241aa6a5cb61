"""Which engine builds and previews the site: MkDocs 1.6 (the default) or ProperDocs.

MkDocs 1.6 is the last 1.x and is no longer maintained. ProperDocs (package
`properdocs`, module `properdocs`) is its fork by a former maintainer; both are
installed side by side. It reads the same mkdocs.yml (given with `-f`), loads
the same plugins (the `mkdocs.plugins` entry points) and runs mkdocs-material
unchanged: its module `properdocs.replacement` makes every `import mkdocs...`
load the matching `properdocs...` module.

`WEGWIJZER_MOTOR=properdocs` chooses ProperDocs for `wegwijzer bouwen` (it runs
`python -m properdocs build`) and `wegwijzer bekijken` (ProperDocs' live-reload
server, in this process). An environment variable, so the commands in the
README and in a guide's publishing workflow stay the same for either engine.

The alias must be in place before anything imports `mkdocs`: the command line
(`wegwijzer.cli`) imports this module first. The plugins never import it: under
`mkdocs build` they run on MkDocs, under `properdocs build` on ProperDocs.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys

#: The environment variable that chooses the engine.
VARIABLE = "WEGWIJZER_MOTOR"
MKDOCS = "mkdocs"
PROPERDOCS = "properdocs"
ENGINES = (MKDOCS, PROPERDOCS)


def chosen() -> str:
    """The engine `WEGWIJZER_MOTOR` names (mkdocs when it is not set)."""
    return os.environ.get(VARIABLE, "").strip().lower() or MKDOCS


def problem() -> str | None:
    """Why the chosen engine cannot run, in Dutch; None when it can."""
    engine = chosen()
    if engine not in ENGINES:
        return f"{VARIABLE}={os.environ.get(VARIABLE, '').strip()} ken ik niet. Kies {MKDOCS} (de standaard) of {PROPERDOCS}."
    if engine == PROPERDOCS and importlib.util.find_spec(PROPERDOCS) is None:
        return f"{VARIABLE}={PROPERDOCS}, maar ProperDocs is niet geïnstalleerd. Installeer het programma opnieuw, of laat {VARIABLE} weg."
    return None


def module() -> str:
    """The module to run with `python -m` for a build."""
    return PROPERDOCS if chosen() == PROPERDOCS else MKDOCS


def in_this_process() -> None:
    """Make this process run the chosen engine (the preview builds in-process); call after `problem()`.

    For ProperDocs the alias must come before the first `import mkdocs`: two
    engines in one process would mix their classes (a plugin's PluginError
    would not be the one the build catches).
    """
    if chosen() != PROPERDOCS or _aliased():
        return
    if any(name == MKDOCS or name.startswith(MKDOCS + ".") for name in sys.modules):
        raise RuntimeError(f"{__name__} must be imported before anything imports mkdocs")
    import properdocs.replacement  # noqa: F401 - installs the alias


def logger() -> logging.Logger:
    """The logger every message of a build reaches.

    ProperDocs logs under 'properdocs'; what plugins log under 'mkdocs' goes
    there too, as ProperDocs' own command line arranges (its `State`).
    """
    if not _aliased():
        return logging.getLogger(MKDOCS)
    legacy = logging.getLogger(MKDOCS)
    legacy.parent = logging.getLogger(PROPERDOCS)
    legacy.setLevel(logging.NOTSET)
    legacy.propagate = True
    return logging.getLogger(PROPERDOCS)


def _aliased() -> bool:
    return sys.modules.get(MKDOCS) is not None and sys.modules.get(MKDOCS) is sys.modules.get(PROPERDOCS)


# The command line imports this module first: with ProperDocs chosen, the alias is in place before any `import mkdocs`.
if chosen() == PROPERDOCS and problem() is None and MKDOCS not in sys.modules:
    in_this_process()
