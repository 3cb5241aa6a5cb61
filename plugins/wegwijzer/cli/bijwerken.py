"""`wegwijzer bijwerken`: rewrite an editor's files from older versions of the format.

Today that means two renamed fields of an oplossing: `arbowet: [art. 3 lid 2]`
becomes `grondslag: [arbowet 3 lid 2]`, and `bron:` (naam, url) becomes
`bronnen:` (a list with titel and link). Only those lines change; comments, the
order of fields and everything else stay as the editor wrote them. Each file is
written whole or not at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..catalogus.loader import display_path, read_register
from ..catalogus.normen import FILE_NAME, PACKAGE_REGISTER, Register
from ..whole_file import write_atomic

_KEY = re.compile(r"^(arbowet|bron):[ \t]*(.*)$")


def run(args) -> int:
    folder = Path(args.map)
    if not (folder / "catalogus.yml").is_file():
        print(f"Fout: in {args.map} staat geen catalogus.yml. Geef de catalogusmap op met --map.")
        return 1
    register = _register(folder)
    changed, refused = [], []
    for path in sorted(folder.glob("oplossingen/*.yml")):
        text = path.read_text(encoding="utf-8")
        new, problem = rewrite(text, register)
        if problem:
            refused.append(f"{display_path(path)}: {problem}")
        elif new != text:
            write_atomic(path, new.encode("utf-8"))
            changed.append(display_path(path))
    for name in changed:
        print(f"bijgewerkt: {name}")
    for line in refused:
        print(f"niet bijgewerkt: {line}")
    print(f"{len(changed)} bestand(en) bijgewerkt, {len(refused)} overgeslagen. Controleer het resultaat met 'wegwijzer check'.")
    return 1 if refused else 0


def rewrite(text: str, register: Register | None = None) -> tuple[str, str]:
    """(the new text, '') or (the old text, why it was left alone)."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    keys = {m.group(1) for line in lines if (m := re.match(r"^([a-z_]+):", line))}
    while i < len(lines):
        match = _KEY.match(lines[i].rstrip("\r\n"))
        if not match:
            out.append(lines[i])
            i += 1
            continue
        key, rest = match.groups()
        block = []
        i += 1
        while i < len(lines) and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
            block.append(lines[i])
            i += 1
        trailing = []
        while block and not block[-1].strip():
            trailing.insert(0, block.pop())
        new_key = {"arbowet": "grondslag", "bron": "bronnen"}[key]
        if new_key in keys:
            return text, f"heeft zowel '{key}' als '{new_key}'; zet de inhoud van '{key}' zelf bij '{new_key}'"
        try:
            value = yaml.safe_load(rest + "\n" + "".join(block)) if rest.strip() else yaml.safe_load("".join(block))
        except yaml.YAMLError:
            return text, f"'{key}' is geen geldige YAML; herstel dat eerst"
        if key == "arbowet":
            items = value if isinstance(value, list) else [value]
            cited = [_citation(str(item), register) for item in items if item is not None]
            out.append("grondslag: [" + ", ".join(cited) + "]\n")
        else:
            if not isinstance(value, dict) or "naam" not in value:
                return text, "'bron' heeft geen 'naam'; herstel dat eerst"
            out.append("bronnen:\n")
            out.append(f"  - titel: {_scalar(value['naam'])}\n")
            if value.get("url"):
                out.append(f"    link: {_scalar(value['url'])}\n")
        out += trailing
    return "".join(out), ""


def _citation(old: str, register: Register | None) -> str:
    """'art. 3 lid 2' as the register writes it ('arbowet 3 lid 2'); unknown ones keep their words."""
    if register:
        bepaling, _, _ = register.resolve(old, "arbowet")
        if bepaling:
            return bepaling.notatie
    return "arbowet " + re.sub(r"^art(?:ikel|\.)?\s*", "", old.strip())


def _scalar(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).strip().removesuffix("...").strip()


def _register(folder: Path) -> Register:
    """The package's register with the catalogus's own additions; its problems are for `wegwijzer check`."""
    own = folder / FILE_NAME
    register, _ = read_register([PACKAGE_REGISTER, *([own] if own.is_file() else [])])
    return register
