"""Which pages the catalogus becomes, each rendered from a Markdown template.

Templates write references as `[[kind:id]]`, exactly as editors do; the plugin
expands those on every page in one place, so generated and hand-written pages
link the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import jinja2

from ...catalogus import model
from .routes import path_of

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    template: str
    context: dict[str, Any]


def page_specs(catalogus: model.Catalogus) -> Iterator[PageSpec]:
    """Every generated page, in reading order."""
    yield PageSpec("stappen/index.md", "stappen.md", {})
    substappen = catalogus.substappen
    for stap in catalogus.stappen:
        yield PageSpec(path_of("stap", stap), "stap.md", {"stap": stap})
    for i, substap in enumerate(substappen):
        neighbours = {
            "vorige": substappen[i - 1] if i > 0 else None,
            "volgende": substappen[i + 1] if i + 1 < len(substappen) else None,
        }
        yield PageSpec(path_of("substap", substap), "substap.md", {"substap": substap, **neighbours})
    yield PageSpec("werkdrukmodel/index.md", "werkdrukmodel.md", {})
    for factor in catalogus.factoren:
        yield PageSpec(path_of("factor", factor), "factor.md", {"factor": factor})
    yield PageSpec("knelpunten/index.md", "knelpunten.md", {})
    for knelpunt in catalogus.knelpunten.values():
        yield PageSpec(path_of("knelpunt", knelpunt), "knelpunt.md", {"knelpunt": knelpunt})
    yield PageSpec("oplossingen/index.md", "oplossingen.md", {})
    for oplossing in catalogus.oplossingen.values():
        yield PageSpec(path_of("oplossing", oplossing), "oplossing.md", {"oplossing": oplossing})
    yield PageSpec("instrumenten/index.md", "instrumenten.md", {})
    yield PageSpec("praktijk/index.md", "praktijk.md", {})
    if catalogus.werksessie:
        yield PageSpec("werksessie/index.md", "werksessie.md", {})


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown, rendered (and escaped) by MkDocs
    )
    env.filters["quote"] = lambda text: "\n".join(f"> {line}".rstrip() for line in text.splitlines())
    env.filters["labels"] = lambda values, labels: ", ".join(labels[v] for v in values)
    env.filters["artikel"] = _article_label
    env.globals.update(AANPAK=model.AANPAK, NIVEAU=model.NIVEAU, TERMIJN=model.TERMIJN, KOSTEN=model.KOSTEN)
    return env


def _article_label(article: str) -> str:
    """'art. 3 lid 2' with its subject: 'art. 3 lid 2 (Arbobeleid)'."""
    number = article.split()[1]
    return f"{article} ({model.ARBOWET[number]})"


def render(env: jinja2.Environment, spec: PageSpec, catalogus: model.Catalogus) -> str:
    return env.get_template(spec.template).render(catalogus=catalogus, **spec.context)
