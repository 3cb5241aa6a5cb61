"""The preview renders again only the pages whose parts changed (pages/dependencies.py): a kept page
must be exactly the page a new render makes, after any edit an editor can make.

Each edit below is made to a copy of the example and of its base, then the catalogus is
loaded again and every generated page is made twice: through `Kept` (kept where nothing it
read changed) and anew. They must be the same, page for page and link for link.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project
from wegwijzer.catalogus import load_catalogus
from wegwijzer.catalogus.links import expand_links
from wegwijzer.pages.dependencies import Kept
from wegwijzer.pages.generated import environment, page_specs, render
from wegwijzer.pages.routes import markdown_link

BASE = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk"


def change(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def substap(stap: dict, nummer: int = 0) -> dict:
    return stap["substappen"][nummer]


def add_knelpunt(folder: Path) -> None:
    source = folder / "knelpunten" / "lawaai-op-de-groep.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["titel"] = "Een nieuw knelpunt"
    (folder / "knelpunten" / "nieuw-knelpunt.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


#: (what an editor does, the folder it is done in: "eigen" or "basis", the edit)
EDITS = [
    ("the title of a knelpunt", "eigen", lambda f: change(f / "knelpunten" / "lawaai-op-de-groep.yml", lambda d: d.update(titel="Altijd lawaai"))),
    ("a knelpunt moved to another factor", "eigen", lambda f: change(f / "knelpunten" / "lawaai-op-de-groep.yml", lambda d: d.update(factor="tijdsdruk"))),
    ("an oplossing taken off a knelpunt", "eigen", lambda f: change(f / "knelpunten" / "lawaai-op-de-groep.yml", lambda d: d.update(oplossingen=d["oplossingen"][:1]))),
    ("the title of an oplossing of the base", "basis", lambda f: change(f / "oplossingen" / "buddysysteem.yml", lambda d: d.update(titel="Aaa: een maatje"))),
    ("the legal ground of an oplossing", "basis", lambda f: change(f / "oplossingen" / "buddysysteem.yml", lambda d: d.update(grondslag=["arbowet 3 lid 2"]))),
    ("the words of a quote", "eigen", lambda f: change(next((f / "praktijk").glob("*.yml")), lambda d: d.update(citaat="Nu zeggen we het anders."))),
    ("the guide's name", "eigen", lambda f: change(f / "catalogus.yml", lambda d: d.update(titel="Een andere naam"))),
    ("a knelpunt of the base left out", "eigen", lambda f: change(f / "catalogus.yml", lambda d: d.update(weglaten=[*d.get("weglaten", []), "altijd-bereikbaar", "stelling:bereikbaar-buiten-werktijd"]))),
    ("the title of a substap", "basis", lambda f: change(f / "stappen" / "2-oorzaken.yml", lambda d: substap(d).update(titel="Oorzaken vinden"))),
    ("what a factor means", "basis", lambda f: change(f / "werkdrukmodel.yml", lambda d: d["groepen"][0]["factoren"][0].update(omschrijving="Anders gezegd."))),
    ("the title of an instrument", "basis", lambda f: change(f / "instrumenten" / "rie.yml", lambda d: d.update(titel="De RI&E"))),
    ("a statement of the scan", "basis", lambda f: change(f / "scan.yml", lambda d: d["stellingen"][0].update(tekst="Ik moet vaak haasten."))),
    ("a new knelpunt", "eigen", add_knelpunt),
    ("that knelpunt deleted", "eigen", lambda f: (f / "knelpunten" / "nieuw-knelpunt.yml").unlink()),
]


@pytest.fixture
def guide(tmp_path, monkeypatch):
    """The example on a base of its own, both free to edit."""
    project = copy_project(tmp_path)
    shutil.copytree(BASE, tmp_path / "basis")
    change(project / "catalogus" / "catalogus.yml", lambda d: d.update(basis=str(tmp_path / "basis")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return {"eigen": project / "catalogus", "basis": tmp_path / "basis"}


def make_all(catalogus, kept: Kept | None) -> dict:
    env = environment()
    pages = {}
    if kept is not None:
        kept.start(catalogus, env)
    for spec in page_specs(catalogus):
        page = kept.render(env, spec, render) if kept is not None else render(env, spec, catalogus)
        expand = lambda text, read, uri=spec.src_uri: expand_links(text, lambda link: markdown_link(catalogus, link, uri, read))  # noqa: E731
        markdown = kept.links(spec.src_uri, page.markdown, expand) if kept is not None else expand(page.markdown, None)
        pages[spec.src_uri] = (page, markdown)
    return pages


def test_a_kept_page_is_the_page_a_new_render_makes_after_every_kind_of_edit(guide):
    kept = Kept()
    catalogus = load_catalogus(guide["eigen"])
    first = make_all(catalogus, kept)
    assert kept.rendered == len(first)  # nothing kept yet
    assert first == make_all(catalogus, None)
    make_all(catalogus, kept)
    assert kept.rendered == 0  # nothing changed: every page comes back
    for what, where, edit in EDITS:
        edit(guide[where])
        catalogus = load_catalogus(guide["eigen"])
        got, fresh = make_all(catalogus, kept), make_all(catalogus, None)
        wrong = sorted(uri for uri in got.keys() | fresh.keys() if got.get(uri) != fresh.get(uri))
        assert not wrong, f"after {what}, these pages are not what a new render makes: {wrong}"
        assert 0 < kept.rendered, what
        if what == "the title of a knelpunt":  # the point of it: a handful of pages, not all
            assert kept.rendered < len(fresh) / 10, kept.rendered


def test_a_changed_page_template_renders_every_page_again(guide, tmp_path):
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    (folder / "privacy.md").write_text("Eerste versie\n", encoding="utf-8")
    env = environment(folder)
    kept = Kept()
    catalogus = load_catalogus(guide["eigen"])
    specs = list(page_specs(catalogus))
    kept.start(catalogus, env)
    for spec in specs:
        kept.render(env, spec, render)
    (folder / "privacy.md").write_text("Tweede versie\n", encoding="utf-8")
    import os
    os.utime(folder / "privacy.md", ns=(1, 1))  # another time, even within the file system's resolution
    kept.start(catalogus, env)
    pages = {spec.src_uri: kept.render(env, spec, render) for spec in specs}
    assert kept.rendered == len(specs)
    assert "Tweede versie" in pages["privacy.md"].markdown


def test_a_number_true_and_two_entries_under_one_key_are_never_taken_for_each_other():
    """Found by an attack on this module: 1, 1.0 and True compare equal in Python; and an entry met again
    under its own key while its fields are looked at must keep the mark that makes it always differ."""
    from wegwijzer.catalogus.model import Bron, Knelpunt
    from wegwijzer.pages.dependencies import comparable, fingerprints

    assert len({comparable(v) for v in (1, 1.0, True)}) == 3

    def knelpunt(bronnen):
        return Knelpunt(id="k", titel="K", factor=None, omschrijving="", signalen=[], oplossingen=[], bronnen=bronnen)

    from wegwijzer.catalogus import model

    twin = knelpunt([])
    first = knelpunt([Bron(titel="x", uitgever=twin)])  # a knelpunt that holds its twin
    catalogus = model.Catalogus(info=None, stappen=[], werkdrukmodel=model.Werkdrukmodel(inleiding="", groepen=[]),
                                knelpunten={"k": first}, oplossingen={}, praktijk={}, instrumenten={})
    assert fingerprints(catalogus)[("Knelpunt", "k")] != fingerprints(catalogus)[("Knelpunt", "k")]
