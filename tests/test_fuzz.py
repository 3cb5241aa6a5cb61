"""Whatever an editor writes, the loader answers with a Dutch error list or a valid model.

Property-based: hypothesis writes arbitrary text, bytes and YAML into the files of
a small valid catalogus. The normal run keeps the examples few so the suite stays
fast; a longer run: WEGWIJZER_FUZZ=5000 scripts/test tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from wegwijzer.catalogus import CatalogusError, load_catalogus, schema
from wegwijzer.catalogus.open_data import to_json

EXAMPLES = int(os.environ.get("WEGWIJZER_FUZZ", "40"))
fuzz = settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow], derandomize=EXAMPLES <= 100)
PROBLEM = re.compile(r"^\S.*:\d+:\d+: ")
ODD = ["\u202e", "\u200f", "\u2066", "😀", "\ufeff", "\x00", "\x07", "\u0085", "\u2028", "\\ud800", "\\U0001F600", "é", "ß", "\t"]

FIELDS = sorted({name for record in (schema.KNELPUNT, schema.OPLOSSING, schema.STAP, schema.CATALOGUS, schema.WERKDRUKMODEL, schema.SCAN, schema.WERKSESSIE) for name in record.fields})
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.sampled_from(ODD)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4), max_leaves=12)
documents = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)
files = st.sampled_from(sorted(MINIMAL) + ["werksessie.yml", "scan.yml", "criteria.yml", "praktijk/nieuw.yml", "instrumenten/nieuw.yml"])


def load_with(name: str, content: str | bytes):
    """Load the minimal catalogus with file `name` replaced by `content`; return the outcome."""
    root = Path(tempfile.mkdtemp()) / "catalogus"
    try:
        for other, text in MINIMAL.items():
            path = root / other
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            catalogus = load_catalogus(root)
        except CatalogusError as error:
            assert error.problems
            for problem in error.problems:
                assert PROBLEM.match(str(problem)), str(problem)
            return error
        # a valid model is whole: it exports, and every text encodes as UTF-8
        json.dumps(to_json(catalogus), ensure_ascii=False).encode("utf-8")
        return catalogus
    finally:
        shutil.rmtree(root.parent)


@fuzz
@given(files, st.text(max_size=300))
def test_any_text(name, text):
    load_with(name, text)


@fuzz
@given(files, st.binary(max_size=300))
def test_any_bytes(name, data):
    load_with(name, data)


@fuzz
@given(files, documents)
def test_any_yaml_with_real_field_names(name, document):
    load_with(name, yaml.safe_dump(document, allow_unicode=True))


@fuzz
@given(st.sampled_from(["knelpunten/piekdrukte.yml", "oplossingen/taken-herverdelen.yml", "stappen/2-stap.yml", "catalogus.yml", "werkdrukmodel.yml"]), st.data())
def test_each_field_of_a_valid_file_with_a_wrong_value(name, data):
    document = yaml.safe_load(MINIMAL[name])
    field = data.draw(st.sampled_from(sorted(document)))
    document[field] = data.draw(values)
    load_with(name, yaml.safe_dump(document, allow_unicode=True))


@fuzz
@given(st.lists(st.sampled_from(ODD) | st.text(max_size=5), min_size=1, max_size=8))
def test_odd_unicode_in_quoted_and_plain_text(pieces):
    text = "".join(pieces)
    for line in (f'titel: "{text}"\n', f"titel: {text}\n", f"titel: |\n  {text}\n"):
        load_with("knelpunten/piekdrukte.yml", MINIMAL["knelpunten/piekdrukte.yml"].replace("titel: Piekdrukte\n", line))


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,
        "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 2000)),
        "titel: " + "x" * 2_000_000 + "\n",
        "titel: a\nfactor: b\ntitel: c\n",
        "a: &a [1, 2]\nb: *a\nc: *a\n",
        "a: &a [*a]\n",
        "--- a\n--- b\n",
        "<<: {titel: x}\n",
        "titel: !!python/object/apply:os.system ['echo hoi']\n",
        "\ufefftitel: met BOM\n",
    ],
    ids=["diepe-lijst", "diepe-groepen", "enorme-tekst", "dubbele-sleutel", "alias", "alias-kring", "twee-documenten", "merge", "python-tag", "bom"],
)
def test_hard_cases(text):
    outcome = load_with("knelpunten/piekdrukte.yml", text)
    assert isinstance(outcome, CatalogusError)


def test_billion_laughs_is_refused_quickly_and_small():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9)
    )
    tracemalloc.start()
    start = time.monotonic()
    outcome = load_with("knelpunten/piekdrukte.yml", bomb)
    seconds = time.monotonic() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(outcome, CatalogusError)
    assert "verwijzing (*alias)" in str(outcome)
    assert seconds < 2 and peak < 50_000_000


def test_duplicate_keys_are_refused_not_silently_merged():
    outcome = load_with("knelpunten/piekdrukte.yml", MINIMAL["knelpunten/piekdrukte.yml"] + "factor: tijdsdruk\n")
    assert isinstance(outcome, CatalogusError) and "dit veld staat er twee keer" in str(outcome)
