"""Hand-written pages: the Markdown in the docs folder (`content/`) and a catalogus' `paginas/`.

The site build and `wegwijzer check` both call `page_problems`, so check finds
exactly what the build finds: broken `[[links]]` and unsafe link targets in
those pages, a page whose name clashes with a generated page, a logo that is
not in the docs folder, and whatever in the docs folder cannot be read safely (a
link out of the project, an unreadable folder or file, a page that is not UTF-8:
`docs_folder_problems`). Free of MkDocs: the docs folder is read from mkdocs.yml
with plain YAML (`docs_dir_of`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

import yaml

from .links import escaped_link_warning, find_links, link_problem
from .model import Catalogus
from .problems import Mark, Problem, position
from .reads import active_problem, folder_problems
from .safety import unsafe_targets
from .yaml_source import read_yaml

#: MkDocs' own default is `docs`; every Wegwijzer project uses `content`.
DEFAULT_DOCS_DIR = "content"

#: Pages the catalogus becomes that an organisation may replace with its own page of the
#: same name, in content/ or in a catalogus' paginas/, as it replaces a page of the base:
#: what it says about accessibility and privacy is the organisation's to say.
EIGEN_VERSIE_MOGELIJK = frozenset({"toegankelijkheid.md", "privacy.md"})


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: tags such as !ENV or !!python/name become None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _settings(project: Path) -> list[dict]:
    """mkdocs.yml of `project` and the files it INHERITs, nearest first, read without running anything."""
    found, config = [], project / "mkdocs.yml"
    for _ in range(5):  # INHERIT chains are short; never loop
        try:
            data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader)
        except (OSError, yaml.YAMLError, UnicodeDecodeError, RecursionError):
            break
        if not isinstance(data, dict):
            break
        found.append((config.parent, data))
        if not isinstance(data.get("INHERIT"), str):
            break
        config = config.parent / data["INHERIT"]
    return found


def docs_dir_of(catalogus_folder: str | os.PathLike) -> Path:
    """The docs folder of the project around `catalogus_folder`: `docs_dir` in mkdocs.yml beside it.

    Follows `INHERIT:`; without mkdocs.yml, or without `docs_dir`, it is `content/` beside the catalogus.
    """
    project = Path(catalogus_folder).resolve().parent
    for _, data in _settings(project):
        if isinstance(data.get("docs_dir"), str):  # MkDocs reads it from mkdocs.yml's folder, also when inherited
            return (project / data["docs_dir"]).resolve()
    return project / DEFAULT_DOCS_DIR


def custom_dir_of(project: Path) -> Path | None:
    """`theme.custom_dir` in the project's mkdocs.yml (following INHERIT), as a path; None without one."""
    for folder, data in _settings(project):
        theme = data.get("theme")
        if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
            return folder / theme["custom_dir"]
    return None


def own_html_of(project: Path) -> bool:
    """`eigen_html: true` at the wegwijzer/catalogus plugin in the project's mkdocs.yml (see docs/veiligheid.md)."""
    for _, data in _settings(project):
        for plugin in data.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("wegwijzer/catalogus"), dict):
                return plugin["wegwijzer/catalogus"].get("eigen_html") is True
    return False


def docs_pages(docs_dir: Path) -> dict[str, Path]:
    """The Markdown pages in the docs folder by their path in it, skipping what MkDocs skips (.*, templates/)."""
    if not docs_dir.is_dir():
        return {}
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts) or relative.parts[0] == "templates":
            continue
        found[relative.as_posix()] = path
    return found


def replaced(catalogus: Catalogus, own: Iterable[str]) -> set[str]:
    """The pages of EIGEN_VERSIE_MOGELIJK the organisation wrote itself (docs folder or a layer's paginas/)."""
    return EIGEN_VERSIE_MOGELIJK & (set(own) | set(catalogus.paginas))


def base_pages(catalogus: Catalogus, own: Iterable[str]) -> dict[str, Path]:
    """The catalogus' `paginas/` that the docs folder does not replace, by their path in the site."""
    own = set(own)
    return {uri: Path(path) for uri, path in catalogus.paginas.items() if uri not in own}


def page_problems(
    catalogus: Catalogus,
    docs_dir: Path,
    generated: Iterable[str],
    display: Callable[[Path], str],
) -> list[Problem]:
    """Everything wrong with the hand-written pages and the logo, as the build reports it.

    `generated` are the page paths the catalogus becomes.
    """
    problems = docs_folder_problems(docs_dir, display)
    unread = {problem.mark.path for problem in problems}
    own = docs_pages(docs_dir)
    pages = {**{uri: path for uri, path in own.items()}, **base_pages(catalogus, own)}
    for uri, path in sorted(base_pages(catalogus, set()).items()):  # paginas/ holds pictures too, published as they are
        if not uri.endswith(".md"):
            found = active_problem(path, display)
            if found:
                problems.append(found)

    def ids(kind):  # entries left out of the base still read as words, like in the YAML texts
        return catalogus.entries(kind).keys() | catalogus.weggelaten.get(kind, {}).keys()

    for uri, path in sorted(pages.items()):
        if not uri.endswith(".md"):
            continue  # a picture or document beside the pages: checked above as a file
        where = display(path)
        if where in unread:
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # the loader reports an unreadable page of the catalogus
        for link in find_links(text):
            found = link_problem(link, ids)
            if found:
                problems.append(Problem(Mark(where, link.line + 1, link.column + 1), "", *found))
        for unsafe in unsafe_targets(text):
            line, column = position(text, unsafe.offset)
            problems.append(Problem(Mark(where, line + 1, column + 1), "", unsafe.message, unsafe.hint))
    for uri in sorted(set(generated) & set(own) - EIGEN_VERSIE_MOGELIJK):
        problems.append(Problem(Mark(display(own[uri])), "", "deze pagina botst met een pagina die uit de catalogus wordt gemaakt", "geef het bestand een andere naam"))
    problems += logo_problems(catalogus, docs_dir, display)
    return problems


def page_warnings(catalogus: Catalogus, docs_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """Links in the Markdown pages written with backslashes (`\\[[knelpunt:x]]`, as the editor's
    rich-text mode saves them): shown right on the site, but `wegwijzer check` says how to write them."""
    if not docs_dir.is_dir():
        return []
    own = docs_pages(docs_dir)
    warnings = []
    for uri, path in sorted({**own, **base_pages(catalogus, own)}.items()):
        if not uri.endswith(".md"):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for link in find_links(text):
            if link.escaped:
                warnings.append(Problem(Mark(display(path), link.line + 1, link.column + 1), "", *escaped_link_warning(link)))
    return warnings


def project_of(docs_dir: Path) -> Path:
    """The project of a docs folder: the nearest folder above it with mkdocs.yml (or the one just above)."""
    docs_dir = Path(os.path.abspath(docs_dir))
    for folder in docs_dir.parents:
        if (folder / "mkdocs.yml").is_file():
            return Path(os.path.realpath(folder))
    return Path(os.path.realpath(docs_dir.parent))


def docs_folder_problems(docs_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """What in the docs folder cannot be read safely, as the build would meet it (it reads every file
    there, Markdown or not): links out of the project, unreadable folders and files, pages not in UTF-8.
    Hidden files and templates/ are left out, as MkDocs leaves them out."""
    if not docs_dir.is_dir():
        return []
    skip = lambda relative: relative == "templates"  # noqa: E731
    project = project_of(docs_dir)
    return folder_problems(docs_dir, project, display, skip, active=own_html_of(project))


#: Characters that have no place in a file name written into HTML.
_NOT_IN_A_NAME = set('"\'<>\\`') | {chr(c) for c in range(32)} | {chr(127)}


def logo_problems(catalogus: Catalogus, docs_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """huisstijl.logo must name a file inside the docs folder, by a plain relative path; reported at the logo's own line."""
    logo = catalogus.info.huisstijl.logo
    if not logo:
        return []
    wrong = _wrong_logo_path(logo, docs_dir)
    if wrong is None and _is_file(docs_dir / logo):
        return []
    mark = _logo_mark(catalogus)
    folder = docs_dir.name
    if wrong is not None:
        return [Problem(mark, "huisstijl.logo", wrong, f"zet het logo in de map {folder}/, bijvoorbeeld {folder}/assets/logo.svg, en schrijf 'logo: assets/logo.svg'")]
    inside = logo.removeprefix("./").removeprefix(folder + "/")
    if inside != logo.removeprefix("./") and _is_file(docs_dir / inside):
        hint = f"het pad gaat al uit van de map {folder}/: laat '{folder}/' weg en schrijf 'logo: {inside}'"
    else:
        hint = f"zet het bestand in die map, bijvoorbeeld {folder}/assets/logo.svg, en schrijf 'logo: assets/logo.svg'"
    return [Problem(mark, "huisstijl.logo", f"het logo '{logo}' staat niet in {display(docs_dir)}", hint)]


def _wrong_logo_path(logo: str, docs_dir: Path) -> str | None:
    """Why `logo` is no plain path inside the docs folder, in Dutch; None when it is one."""
    bad = sorted({c for c in logo if c in _NOT_IN_A_NAME})
    if bad:
        shown = ", ".join(repr(c) if c.isprintable() else f"code {ord(c)}" for c in bad)
        return f"het logo '{logo.encode('unicode_escape').decode()}' bevat tekens die niet in een bestandsnaam horen ({shown})"
    if logo.startswith(("/", "~")) or ":" in logo:
        return f"het logo '{logo[:200]}' moet een pad binnen de map {docs_dir.name}/ zijn, geen pad vanaf de schijf of een webadres"
    try:
        real = Path(os.path.realpath(docs_dir / logo))
    except (OSError, ValueError):  # a name too long for the disk
        return f"het logo '{logo[:60]}' is geen pad naar een bestand"
    if not real.is_relative_to(Path(os.path.realpath(docs_dir))):
        return f"het logo '{logo}' ligt buiten de map {docs_dir.name}/ (het wijst naar {real})"
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the disk, or one it cannot hold
        return False


def _logo_mark(catalogus: Catalogus) -> Mark:
    mark = catalogus.info.origin or Mark("catalogus.yml")
    if catalogus.lagen:
        file = Path(catalogus.lagen[-1]) / "catalogus.yml"
        source, trouble = read_yaml(file, mark.path)
        if not trouble:
            mark = source.mark(("huisstijl", "logo"))
    return mark



def settings_problems(project: Path, docs_dir: Path, custom_dir: Path | None, display: Callable[[Path], str]) -> list[Problem]:
    """The folders mkdocs.yml names must lie in the project: MkDocs publishes every file in the
    docs folder and in `custom_dir` (overrides/), so `docs_dir: /home/...` or a link out of
    overrides/ would put files from elsewhere on the site."""
    project = Path(os.path.realpath(project))
    problems = []
    for setting, folder in (("docs_dir", docs_dir), ("theme.custom_dir", custom_dir)):
        if folder is None:
            continue
        real = Path(os.path.realpath(folder))
        if not real.is_relative_to(project):
            problems.append(Problem(
                Mark(display(project / "mkdocs.yml")), setting,
                f"de map {real} ligt buiten het project ({project}); wat erin staat, zou op de site komen",
                "zet de map in het project, bijvoorbeeld 'docs_dir: content' of 'custom_dir: overrides'",
            ))
        elif setting == "theme.custom_dir" and real.is_dir():
            problems += folder_problems(real, project, display, active=True)  # templates are HTML, on purpose
    return problems
