"""The example guide is complete enough to publish: no empty factor, no knelpunt without choice."""

from conftest import ROOT
from wegwijzer.catalogus import load_catalogus

catalogus = load_catalogus(ROOT / "catalogus")


def test_every_factor_has_knelpunten_and_every_knelpunt_two_oplossingen():
    assert len(catalogus.factoren) >= 25 and len(catalogus.werkdrukmodel.groepen) == 5
    assert [f.id for f in catalogus.factoren if not f.knelpunten] == []
    assert [k.id for k in catalogus.knelpunten.values() if len(k.oplossingen) < 2] == []
    assert len(catalogus.knelpunten) >= 30


def test_every_oplossing_is_reachable_and_names_its_legal_basis():
    assert len(catalogus.oplossingen) >= 45
    assert [o.id for o in catalogus.oplossingen.values() if not o.knelpunten] == []
    assert [o.id for o in catalogus.oplossingen.values() if not (o.grondslag and o.invoeren)] == []


def test_steps_substeps_and_tools():
    assert [s.nummer for s in catalogus.stappen] == [1, 2, 3, 4, 5]
    assert len(catalogus.substappen) >= 15
    assert all(s.mkb.acties for s in catalogus.stappen)
    assert len(catalogus.scan.stellingen) >= 21
    assert {s.factor.id for s in catalogus.scan.stellingen} == {f.id for f in catalogus.factoren}
    assert len(catalogus.praktijk) >= 6
    assert [d.minuten for d in catalogus.werksessie.delen] and len(catalogus.werksessie.delen) == 4
