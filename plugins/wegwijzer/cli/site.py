"""`wegwijzer bekijken` and `wegwijzer bouwen`: MkDocs on the project, without its English noise.

An editor should not need to know MkDocs' commands or its options. `bekijken`
is the preview that redoes only what a save changed (`mkdocs serve --dirty`, which
the catalogus plugin makes exact: see `plugins/catalogus/preview.py`); `bouwen`
is the build the publishing workflow runs. Both tell Material not to print its
English notice about MkDocs 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _mkdocs(args, *command: str) -> int:
    config = Path(args.config)
    if not config.is_file():
        print(f"{config}: dit bestand bestaat niet. Ga naar de map van je Wegwijzer (met mkdocs.yml), of geef het aan met --config.", file=sys.stderr)
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    argv = [sys.executable, "-m", "mkdocs", *command, "-f", str(config)]
    if os.name == "posix":  # MkDocs takes this process's place: Ctrl+C or a stop signal reaches it directly
        sys.stdout.flush()
        os.execve(sys.executable, argv, env)
    try:
        return subprocess.run(argv, env=env).returncode
    except KeyboardInterrupt:  # Ctrl+C stops the preview: that is how it ends
        return 0


def bekijken(args) -> int:
    print(f"De Wegwijzer staat op http://127.0.0.1:{args.poort}/ en wordt na elke wijziging bijgewerkt. Stoppen: Ctrl+C.")
    return _mkdocs(args, "serve", "--dirty", "-a", f"127.0.0.1:{args.poort}")


def bouwen(args) -> int:
    return _mkdocs(args, "build", "--strict", "-d", args.uit)
