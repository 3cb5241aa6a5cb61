"""json_text.py: the open data written with kept parts is the text `json.dumps(indent=1)` writes."""

from __future__ import annotations

import copy
import json

from conftest import ROOT
from wegwijzer.catalogus import load_catalogus
from wegwijzer.catalogus.open_data import to_json
from wegwijzer.json_text import KeptJson


def test_kept_parts_give_the_text_json_writes_also_after_a_change():
    data = to_json(load_catalogus(ROOT / "catalogus"))
    kept = KeptJson()
    expected = json.dumps(data, ensure_ascii=False, indent=1)
    assert kept.dumps(data) == expected
    assert kept.dumps(data) == expected  # from what it kept
    changed = copy.deepcopy(data)
    changed["knelpunten"][0]["titel"] = "Een andere titel, met \"aanhalingstekens\"\nen een regel"
    changed["knelpunten"].append(changed["knelpunten"][0])
    changed["oplossingen"].pop()
    assert kept.dumps(changed) == json.dumps(changed, ensure_ascii=False, indent=1)
    assert kept.dumps(data) == expected


def test_every_shape_is_written_as_json_writes_it():
    shapes = [
        {}, [], "tekst", 1, None, 1.5, True,
        {"a": [], "b": {}, "c": [1, [2, {"d": []}]], "é": {"x": {"y": [None, False, 0.1]}}, "leeg": ""},
        {1: "a", True: [1]}, {"a": {1: [2]}, "b": [{}, []]},
        [{"a": 1}, {"a": 1}], {"ascii": "\u2028 \U0001F600 <script>"},
    ]
    kept = KeptJson()
    for shape in shapes:
        assert kept.dumps(shape) == json.dumps(shape, ensure_ascii=False, indent=1), shape
