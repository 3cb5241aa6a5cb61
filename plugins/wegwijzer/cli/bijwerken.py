"""`wegwijzer bijwerken`: bring a catalogus written for an earlier release up to the current format.

What changes is planned in `catalogus/migraties.py`; this module reads and writes
the files, so that nothing an editor made is lost:

- only the stretches of text a migration names change (`catalogus/yaml_edit.py`);
  comments, quotes, the order of fields, CRLF and the rest stay byte for byte;
- the new text is read back before it is written: the changed fields must say
  what the old ones meant and every other value must be the same, or the file
  is left alone;
- a file is written whole or not at all (`whole_file.py`), keeps its permissions,
  and a symbolic link stays a link (the file it points at is written);
- a read-only file or folder is refused, not overwritten;
- a file saved by someone else while this runs is not overwritten: its size,
  time and content are compared once more just before the new one is swapped in;
- after writing, the file is read again; if it does not load, the original returns;
- every problem is a Dutch sentence naming the file and the fix, never a traceback.

It also keeps the files for publishing in step (`publicatie.py`): the program the
workflows install (`programma/`, only where the guide has it or a workflow) and
the workflows and .gitignore, each only while nobody changed it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..catalogus import migraties
from ..catalogus.loader import display_path, read_register
from ..catalogus.normen import FILE_NAME, PACKAGE_REGISTER, Register
from ..catalogus.yaml_source import parse_yaml
from ..whole_file import write_atomic, write_whole
from . import publicatie

#: The sector's own files a migration may change, by folder ('' is the catalogus folder itself).
FOLDERS = ("", "oplossingen", "knelpunten")


class _Changed(Exception):
    """The file on disk is no longer the one that was read."""


def run(args) -> int:
    try:
        return _run(Path(args.map))
    except Exception as error:  # noqa: BLE001 - an editor gets a sentence, never a traceback
        print(f"Fout: bijwerken stopte onverwacht ({type(error).__name__}: {error}). Bestanden die hierboven niet als bijgewerkt staan, zijn niet veranderd.")
        return 1


def _run(folder: Path) -> int:
    shown = display_path(folder)
    try:
        os.stat(folder)
    except FileNotFoundError:
        print(f"Fout: de map {shown} bestaat niet. Geef de catalogusmap op met --map.")
        return 1
    except OSError as error:
        print(f"Fout: de map {shown} kan niet gelezen worden ({error.strerror}). Maak hem leesbaar, bijvoorbeeld met 'chmod u+rx {shown}'.")
        return 1
    if not (folder / "catalogus.yml").is_file():
        print(f"Fout: in {shown} staat geen catalogus.yml. Geef de catalogusmap op met --map.")
        return 1
    texts, states, trouble = _read_own_files(folder)
    project = folder.parent / migraties.MKDOCS  # the settings of the project the catalogus belongs to
    if project.is_file():
        more, more_states, more_trouble = _read_files([project])
        texts.update(more)
        states.update(more_states)
        trouble += more_trouble
    plan = migraties.plan(folder, texts, _register(folder))
    changed: list[tuple[Path, list[str]]] = []
    refused: list[tuple[Path, str]] = list(trouble)
    for edit in plan.changed():
        problem = edit.check() or _write(edit.path, edit.new.encode("utf-8"), states[edit.path])
        if problem:
            refused.append((edit.path, problem))
        else:
            changed.append((edit.path, edit.notes))
    by_hand = [(path, problem) for path, problem in plan.problems if path not in {p for p, _ in refused}]
    warning = _publishing(folder.parent, changed, refused, by_hand) if project.is_file() else ""
    for path, notes in changed:
        print(f"bijgewerkt: {display_path(path)}")
        for note in notes:
            print(f"  - {note}")
    for path, problem in refused:
        print(f"niet bijgewerkt: {display_path(path)}: {problem}")
    for path, problem in by_hand:
        print(f"zelf doen: {display_path(path)}: {problem}")
    if warning:
        print(f"Let op: {warning}.")
    print(f"{len(changed)} bestand(en) bijgewerkt, {len(refused)} overgeslagen. Controleer het resultaat met 'wegwijzer check'.")
    return 1 if refused or by_hand else 0


def _publishing(project: Path, changed: list, refused: list, by_hand: list) -> str:
    """Bring the files for publishing up to this version: appends to the three lists; a note for a developer or ''."""
    carried = (project / publicatie.FOLDER).is_dir()
    for name in publicatie.FILES:
        path = project / name
        if not path.is_file():
            continue  # never made again: the editor may have removed it on purpose
        carried = carried or name != ".gitignore"
        texts, states, trouble = _read_files([path])
        refused += trouble
        if path not in texts:
            continue
        text = texts[path]
        new = publicatie.template(name)
        if "\r\n" in text:
            new = new.replace("\n", "\r\n")
        if text == new:
            continue
        if not publicatie.untouched(name, text):
            todo = publicatie.still_to_do(name, text)
            if todo:
                by_hand.append((path, todo))
            continue
        # our own template, word for word: not a catalogus file to read back (a workflow's 'on:' is no field name there)
        problem = _write(path, new.encode("utf-8"), states[path], catalogus_file=False)
        if problem:
            refused.append((path, problem))
        else:
            changed.append((path, ["zoals deze versie van het programma het schrijft (je had het niet veranderd)"]))
    if not carried:
        return ""
    from . import wiel  # here, not above: it loads the editor plugin, which a plain catalogus does not need

    try:
        wheel, content = wiel.build()
    except wiel.WielFout as error:
        by_hand.append((project / publicatie.FOLDER, str(error)))
        return ""
    folder = project / publicatie.FOLDER
    path = folder / wheel
    notes = []
    try:
        if not (path.is_file() and path.read_bytes() == content):
            folder.mkdir(exist_ok=True)
            write_atomic(path, content)
            notes.append("het programma van deze versie, dat de workflows installeren")
        # only what this program wrote there, by name; anything else in the folder stays
        for old in sorted(folder.iterdir()):
            if old.name != wheel and wiel.WHEEL_PATTERN.fullmatch(old.name) and old.is_file() and not old.is_symlink():
                old.unlink()
                notes.append(f"{old.name} weggehaald: het programma van een andere versie")
    except OSError as error:
        shown = display_path(folder)
        refused.append((path, f"kan niet schrijven in de map {shown} ({error.strerror}). Maak de map schrijfbaar (bijvoorbeeld met 'chmod u+w {shown}') en draai 'wegwijzer bijwerken' opnieuw"))
    if notes:
        changed.append((path, notes))
    return wiel.stale()


def _state(path: Path) -> tuple:
    """What tells whether a file changed: its size, modification time and content."""
    info = os.stat(path)
    return (info.st_size, info.st_mtime_ns, hashlib.sha256(Path(path).read_bytes()).hexdigest())


def _read_own_files(folder: Path) -> tuple[dict[Path, str], dict[Path, tuple], list[tuple[Path, str]]]:
    """The text of each file a migration may change, and what could not be read, in Dutch."""
    texts: dict[Path, str] = {}
    states: dict[Path, tuple] = {}
    trouble: list[tuple[Path, str]] = []
    for name in FOLDERS:
        where = folder / name if name else folder
        try:
            with os.scandir(where) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".yml") and not e.name.startswith("."))
        except FileNotFoundError:
            continue
        except OSError as error:
            shown = display_path(where)
            trouble.append((where, f"de map kan niet gelezen worden ({error.strerror}); maak hem leesbaar, bijvoorbeeld met 'chmod u+rx {shown}', en draai 'wegwijzer bijwerken' opnieuw"))
            continue
        if not name:
            names = [n for n in names if n == "catalogus.yml"]
        found, found_states, found_trouble = _read_files([where / n for n in names])
        texts.update(found)
        states.update(found_states)
        trouble += found_trouble
    return texts, states, trouble


def _read_files(paths: list[Path]) -> tuple[dict[Path, str], dict[Path, tuple], list[tuple[Path, str]]]:
    """Each file's text and state (`_state`), and what could not be read or is no UTF-8, in Dutch."""
    texts: dict[Path, str] = {}
    states: dict[Path, tuple] = {}
    trouble: list[tuple[Path, str]] = []
    for path in paths:
        try:
            raw = path.read_bytes()
            states[path] = _state(path)
        except OSError as error:
            trouble.append((path, f"kan het bestand niet lezen ({error.strerror}); maak het leesbaar, bijvoorbeeld met 'chmod u+r {display_path(path)}'"))
            continue
        try:
            texts[path] = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            trouble.append((path, f"is geen UTF-8 (regel {line}); sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8) en draai 'wegwijzer bijwerken' opnieuw"))
    return texts, states, trouble


def _write(path: Path, content: bytes, state: tuple, catalogus_file: bool = True) -> str:
    """Swap `content` in for the file at `path`; '' when done, else why not (Dutch).

    A catalogus file must load after writing, or the original returns.
    """
    target = Path(os.path.realpath(path))  # a symbolic link stays one: the file it points at is written
    shown = display_path(path)
    try:
        info = os.stat(target)
        if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            return f"het bestand is alleen-lezen, dus bijwerken laat het zoals het is. Maak het schrijfbaar (bijvoorbeeld met 'chmod u+w {shown}') en draai 'wegwijzer bijwerken' opnieuw"
        parent = os.stat(target.parent)
        if not parent.st_mode & stat.S_IWUSR or not os.access(target.parent, os.W_OK):
            folder = display_path(target.parent)
            return f"de map {folder} is alleen-lezen, dus het bestand kan niet veilig vervangen worden. Maak de map schrijfbaar (bijvoorbeeld met 'chmod u+w {folder}') en draai 'wegwijzer bijwerken' opnieuw"
        original = target.read_bytes()
    except OSError as error:
        return f"kan het bestand niet lezen of schrijven ({error.strerror})"

    def write(out) -> None:
        out.write(content)
        out.flush()
        if _state(target) != state:  # the last moment before the new file takes its place
            raise _Changed

    try:
        write_whole(target, write)
    except _Changed:
        return "het bestand is veranderd terwijl bijwerken liep, dus bijwerken heeft het niet aangeraakt. Sla je werk op en draai 'wegwijzer bijwerken' opnieuw"
    except OSError as error:
        return f"kan niet schrijven in de map {display_path(target.parent)} ({error.strerror}). Maak de map schrijfbaar en draai 'wegwijzer bijwerken' opnieuw"
    try:
        written = target.read_bytes()
    except OSError as error:
        return f"geschreven, maar kan het niet teruglezen ({error.strerror}); controleer het met 'wegwijzer check'"
    if written != content:
        return "is direct na het schrijven door een ander programma veranderd; controleer het met 'wegwijzer check'"
    _, problems = parse_yaml(written.decode("utf-8"), shown) if catalogus_file else (None, [])
    if problems:
        write_atomic(target, original)
        return "het resultaat laadde niet, dus het oude bestand staat weer terug"
    return ""


def _register(folder: Path) -> Register:
    """The package's register with the catalogus's own additions; its problems are for `wegwijzer check`."""
    own = folder / FILE_NAME
    register, _ = read_register([PACKAGE_REGISTER, *([own] if own.is_file() else [])])
    return register
