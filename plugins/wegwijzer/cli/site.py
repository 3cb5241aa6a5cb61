"""`wegwijzer bekijken` and `wegwijzer bouwen`: MkDocs on the project, without its English noise.

An editor should not need to know MkDocs' commands or its options. `bekijken`
is the preview with the browser editor (`preview_server.py`: MkDocs' live-reload
server, guarded, redoing only what a save changed as `plugins/catalogus/preview.py`
makes exact); `bouwen` is the build the publishing workflow runs. Both tell Material not to print its
English notice about MkDocs 2. `WEGWIJZER_MOTOR=properdocs` runs both on ProperDocs instead (`engine.py`).

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

from .. import engine
from ..catalogus import CatalogusError
from ..catalogus.handpaginas import docs_folder_problems
from ..catalogus.loader import display_path
from ..output_folder import SITE, make_folder, project_sources, refusal
from .mkdocs_config import read_config


def _config_problem(config: Path) -> str | None:
    if config.is_dir():
        return f"{config}: dit is een map, geen bestand. Geef het instellingenbestand aan, bijvoorbeeld --config {config / 'mkdocs.yml'}."
    if not config.is_file():
        return f"{config}: dit bestand bestaat niet. Ga naar de map van je Wegwijzer (met mkdocs.yml), of geef het aan met --config."
    return None


def _mkdocs(args, *command: str, site: str | None = None) -> int:
    config = Path(args.config)
    problem = engine.problem() or _config_problem(config) or _before_mkdocs(config, site)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    argv = [sys.executable, "-m", engine.module(), *command, "-f", str(config)]
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
    """The preview with the editor, in this process (`preview_server.serve`): MkDocs' own `serve` stops at a first failed build."""
    config = Path(args.config)
    problem = engine.problem() or _config_problem(config) or _before_mkdocs(config, None)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    engine.in_this_process()
    print(f"De Wegwijzer staat op http://127.0.0.1:{args.poort}/ en wordt na elke wijziging bijgewerkt.")
    print(f"De editor staat op http://127.0.0.1:{args.poort}/admin/ (wat je daar bewaart, komt in de bestanden op deze computer). Stoppen: Ctrl+C.", flush=True)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from ..preview_server import serve

    try:
        return serve(str(config), args.poort)
    except OSError as error:
        print(f"De voorvertoning kan niet starten op poort {args.poort}: {error.strerror or error}. "
              f"Oplossing: stop de andere voorvertoning, of kies een andere poort met --poort.", file=sys.stderr)
        return 1


def bouwen(args) -> int:
    return _mkdocs(args, "build", "--strict", "-d", args.uit, site=args.uit)
