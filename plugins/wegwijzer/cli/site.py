"""`wegwijzer bekijken` and `wegwijzer bouwen`: MkDocs on the project, without its English noise.

An editor should not need to know MkDocs' commands or its options. `bekijken`
is the preview that redoes only what a save changed (`mkdocs serve --dirty`, which
the catalogus plugin makes exact: see `plugins/catalogus/preview.py`); `bouwen`
is the build the publishing workflow runs. Both tell Material not to print its
English notice about MkDocs 2.

Before MkDocs starts, both check what MkDocs would report in English or with a
traceback, and say it in Dutch: mkdocs.yml itself (`mkdocs_config.py`), what in
the docs folder cannot be read safely (`handpaginas.docs_folder_problems`) and,
for `bouwen`, whether `--uit` is a place the site may go (`output_folder.py`:
never over the catalogus, content, overrides, mkdocs.yml, .git or the project).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..catalogus import CatalogusError
from ..catalogus.handpaginas import docs_folder_problems
from ..catalogus.loader import display_path
from ..output_folder import SITE, make_folder, project_sources, refusal
from .mkdocs_config import read_config


def _mkdocs(args, *command: str, site: str | None = None, starting: str = "") -> int:
    config = Path(args.config)
    if config.is_dir():
        print(f"{config}: dit is een map, geen bestand. Geef het instellingenbestand aan, bijvoorbeeld --config {config / 'mkdocs.yml'}.", file=sys.stderr)
        return 1
    if not config.is_file():
        print(f"{config}: dit bestand bestaat niet. Ga naar de map van je Wegwijzer (met mkdocs.yml), of geef het aan met --config.", file=sys.stderr)
        return 1
    problem = _before_mkdocs(config, site)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if starting:
        print(starting)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    argv = [sys.executable, "-m", "mkdocs", *command, "-f", str(config)]
    if os.name == "posix":  # MkDocs takes this process's place: Ctrl+C or a stop signal reaches it directly
        sys.stdout.flush()
        os.execve(sys.executable, argv, env)
    try:
        return subprocess.run(argv, env=env).returncode
    except KeyboardInterrupt:  # Ctrl+C stops the preview: that is how it ends
        return 0


def _before_mkdocs(config_path: Path, site: str | None) -> str | None:
    """What would stop MkDocs, in Dutch; None when it may start."""
    config = read_config(config_path)
    if config.problems:
        count = len(config.problems)
        return "\n".join([f"{display_path(config_path)} bevat {count} {'fout' if count == 1 else 'fouten'}; de site is niet gebouwd:", *(f"  {p}" for p in config.problems)])
    docs_dir = config.folder("docs_dir", "docs")
    problems = docs_folder_problems(docs_dir, display_path) if docs_dir else []
    if problems:
        return CatalogusError(problems).report().replace("De catalogus bevat", "De map met je eigen pagina's bevat", 1)
    if site is None:
        return None
    sources = project_sources(config.project, [config.catalogus], docs_dir, config.custom_dir, config_path)
    target = Path(site)
    return refusal(target, SITE, config.project, sources, f"--uit {site}") or make_folder(target.parent, f"--uit {site}")


def bekijken(args) -> int:
    return _mkdocs(args, "serve", "--dirty", "-a", f"127.0.0.1:{args.poort}",
                   starting=f"De Wegwijzer staat op http://127.0.0.1:{args.poort}/ en wordt na elke wijziging bijgewerkt. Stoppen: Ctrl+C.")


def bouwen(args) -> int:
    return _mkdocs(args, "build", "--strict", "-d", args.uit, site=args.uit)
