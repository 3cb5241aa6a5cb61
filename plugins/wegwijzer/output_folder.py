"""Where a command may write its output: never over the sources it is made from.

`wegwijzer bouwen --uit catalogus` once replaced the whole catalogus with the site
and ended without an error: the build swaps its new folder in for the old one
(`plugins/catalogus/atomic.py`), whatever that old one held. This module is the
one rule for every command that writes a folder or a file (the site, the
toetsingsdossier, the open-data export): refused are

- the project folder (with mkdocs.yml) and every folder above it;
- the project's sources and everything in them: the catalogus and its bases, the
  docs folder (`content/`), `overrides/`, mkdocs.yml and `.git`;
- a folder that holds anything else than an earlier output of the same command
  (a site is known by its 404.html and sitemap.xml; a dossier folder holds only
  toetsingsdossier.*), and any folder with a `.git` in it;
- a file where a folder belongs, and the other way round.

`refusal` answers in Dutch, naming the folder and the one to use instead, before
anything is written. The export's CSV files are the one lighter case: written
into the current folder by default (docs/starten.md), they add two files and
remove nothing, so only those two must be earlier exports if they exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .catalogus.reads import reason


@dataclass(frozen=True)
class Output:
    """What a command writes, and how an earlier one of it is known."""

    noun: str  # Dutch, for messages: "de site"
    folder: bool  # a folder (site, dossier, csv) or one file (json)
    replaces_folder: bool  # the whole folder is swapped for a new one (the site)
    own_files: frozenset[str] = frozenset()  # names an earlier output leaves in its folder
    example: str = ""  # the folder or file to suggest, as the editor would type it
    header: str = ""  # how an earlier output file starts (csv, json)


SITE = Output("de site", folder=True, replaces_folder=True, example="site")
DOSSIER = Output("het toetsingsdossier", folder=True, replaces_folder=False,
                 own_files=frozenset({"toetsingsdossier.csv", "toetsingsdossier.pdf"}), example="toetsingsdossier")
EXPORT_CSV = Output("de export", folder=True, replaces_folder=False,
                    own_files=frozenset({"knelpunten.csv", "oplossingen.csv"}), example="export", header="\ufeffid;titel;")
EXPORT_JSON = Output("de export", folder=False, replaces_folder=False, example="catalogus.json",
                     header='{\n  "formaat": "wegwijzer-catalogus"')


@dataclass(frozen=True)
class Source:
    """A folder or file of the project that output must never land on or in."""

    path: Path
    noun: str  # Dutch: "de catalogus"
    docs: bool = False  # the docs folder, whose names a site may hold too


def project_sources(project: Path, catalogus: list[Path] = (), docs_dir: Path | None = None,
                    overrides: Path | None = None, config: Path | None = None) -> list[Source]:
    """The project's sources; what is not given is looked for at its usual place."""
    project = _real(project)
    sources = [Source(_real(folder), "de catalogus") for folder in catalogus or [project / "catalogus"]]
    sources.append(Source(_real(docs_dir or project / "content"), "de map met je eigen pagina's (docs_dir)", docs=True))
    sources.append(Source(_real(overrides or project / "overrides"), "de map overrides"))
    sources.append(Source(_real(config or project / "mkdocs.yml"), "mkdocs.yml"))
    sources.append(Source(project / ".git", "de geschiedenis van git (.git)"))
    return sources


def refusal(target: Path, output: Output, project: Path, sources: list[Source], shown: str, instead: str = "") -> str | None:
    """Why `output` may not be written at `target`, in Dutch; None when it may.

    `shown` is how the editor gave the place ("--uit catalogus"); `instead` how to
    give a good one ("--uit site"), by default `shown`'s option with the example.
    """
    instead = instead or _instead(shown, output)
    fix = f"Er is niets geschreven. Kies een eigen {'map' if output.folder else 'bestand'}, bijvoorbeeld {instead}."
    if output.folder and target.exists() and not target.is_dir():
        return f"{shown}: dit is een bestand, geen map. {fix}"
    if not output.folder and target.is_dir():
        return f"{shown}: dit is een map; hier hoort een bestandsnaam. {fix}"
    blocked = _blocking_file(target)
    if blocked is not None:
        return f"{shown}: {blocked} is een bestand, geen map, dus hier kan geen map komen. {fix}"
    real, project = _real(target), _real(project)
    noun = output.noun[0].upper() + output.noun[1:]
    gone = (f"{noun} komt in de plaats van de hele map." if output.replaces_folder
            else f"{noun} zou daar bestanden bij zetten." if output.folder else f"{noun} zou het overschrijven.")
    adds_only = output is EXPORT_CSV  # two files beside what is there: the project folder is its default
    if real == project and not adds_only:
        return f"{shown}: dit is de map van je project (met mkdocs.yml). {gone} {fix}"
    if project.is_relative_to(real) and real != project:
        return f"{shown}: in deze map staat je project ({project}). {gone} {fix}"
    for source in sources:
        if real == source.path:
            return f"{shown}: hier staat {source.noun}. {gone} {fix}"
        if real.is_relative_to(source.path):
            return f"{shown}: {'deze map' if output.folder else 'dit bestand'} ligt in {source.noun} ({source.path}). {fix}"
        if source.path.is_relative_to(real) and not adds_only:
            return f"{shown}: in deze map staat {source.noun} ({source.path}). {gone} {fix}"
    if not output.folder:
        if target.is_file() and not _starts_with(target, output.header):
            return f"{shown}: dit bestand bestaat al en is geen eerdere export; het zou overschreven worden. {fix}"
        return None
    if not target.is_dir():
        return None
    try:
        names = sorted(os.listdir(target))
    except OSError as error:
        return f"{shown}: kan deze map niet lezen ({reason(error)}). {fix}"
    if ".git" in names and not adds_only:
        return f"{shown}: in deze map staat een git-map (.git). {gone} {fix}"
    if output.replaces_folder:
        stranger = site_stranger(target, next((source.path for source in sources if source.docs), None)) if names else None
        if stranger is not None:
            return (f"{shown}: deze map is niet leeg en is geen eerder gebouwde site (er staat bijvoorbeeld '{stranger}' in, "
                    f"dat de build niet maakte). {gone} {fix}")
        return None
    for name in names:
        if output is EXPORT_CSV:  # the two files only: a folder of other things keeps them
            if name in output.own_files and not _starts_with(target / name, output.header):
                return f"{shown}: {name} bestaat al en is geen eerdere export; het zou overschreven worden. {fix}"
        elif name not in output.own_files and not name.startswith("."):
            return (f"{shown}: in deze map staan andere bestanden dan {output.noun} (bijvoorbeeld '{name}'). "
                    f"{fix}")
    return None


#: The package itself: its bases are sources too, but never near a project's output.
PACKAGE = Path(__file__).resolve().parent


def own_layers(lagen) -> list[Path]:
    """The catalogus folders of `Catalogus.lagen` that belong to the editor, not to the package."""
    return [Path(layer) for layer in lagen if not _real(Path(layer)).is_relative_to(PACKAGE)]


#: What a build writes at the top of a site besides the folders of its pages.
SITE_NAMES = frozenset({"404.html", "index.html", "sitemap.xml", "sitemap.xml.gz", "assets", "data", "pagefind",
                        "pdf", "schema", "admin", "search", "objects.inv", "CNAME", "robots.txt"})


#: Written into every site a build makes: the files it made, one path a line, so the next build
#: knows the folder holds nothing else before it replaces it.
MANIFEST = ".wegwijzer-site"


def site_files(folder: Path) -> set[str]:
    """Every file below `folder`, hidden ones too, as paths relative to it with '/'."""
    found = set()
    for root, dirs, names in os.walk(folder):
        relative = os.path.relpath(root, folder)
        for name in names:
            found.add(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/"))
    found.discard(MANIFEST)
    return found


def mark_site(folder: Path) -> None:
    """Note what a finished build wrote (see MANIFEST)."""
    (folder / MANIFEST).write_text("\n".join(sorted(site_files(folder))) + "\n", encoding="utf-8")


def site_stranger(folder: Path, docs_dir: Path | None = None) -> str | None:
    """A file or folder in `folder` that no earlier build made; None when it is such a site, and only that.

    A site of this version carries its MANIFEST, and must hold exactly those files. A site from
    before it is recognised by what every Wegwijzer build writes (404.html, sitemap.xml and the
    house style), with at its top nothing but the build's own files, folders of pages and names
    from the docs folder: no other HTML file, no hidden file.
    """
    manifest = folder / MANIFEST
    if manifest.is_file():
        made = set(manifest.read_text(encoding="utf-8", errors="replace").splitlines())
        extra = sorted(site_files(folder) - made)
        return extra[0] if extra else None
    for needed in ("404.html", "sitemap.xml", "assets/stylesheets/huisstijl.css"):
        if not (folder / needed).is_file():
            return next((entry.name for entry in os.scandir(folder)), needed)
    own = set(os.listdir(docs_dir)) if docs_dir is not None and docs_dir.is_dir() else set()
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = entry.name
        if name in SITE_NAMES or (name in own and not name.startswith(".")):
            continue
        if not name.startswith(".") and entry.is_dir(follow_symlinks=False) and _holds_pages(Path(entry.path)):
            continue  # a page, or a section of pages such as checklists/stap-1/ (directory URLs)
        return name
    return None


def _holds_pages(folder: Path) -> bool:
    return (folder / "index.html").is_file() or any(folder.glob("*/index.html"))


def make_folder(folder: Path, shown: str) -> str | None:
    """Create `folder` with its parents; the reason it cannot be, in Dutch, or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocked = _blocking_file(folder)
        if blocked is not None or isinstance(error, (FileExistsError, NotADirectoryError)):
            return f"{shown}: {blocked or folder} is een bestand, geen map. Kies een andere map."
        why = "een map erboven kan er niet komen" if isinstance(error, FileNotFoundError) else reason(error)
        return f"{shown}: kan de map {folder} niet maken ({why}). Kies een map waarin je mag schrijven."
    return None


def _instead(shown: str, output: Output) -> str:
    option = shown.split(" ", 1)[0] if shown.startswith("-") else ""
    return f"{option} {output.example}".strip()


def _blocking_file(target: Path) -> Path | None:
    """The first folder above `target` that is a file instead, if any."""
    for parent in reversed(Path(os.path.abspath(target)).parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return None


def _starts_with(path: Path, header: str) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(header.encode("utf-8"))) == header.encode("utf-8")
    except OSError:
        return False


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))
