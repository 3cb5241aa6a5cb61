"""Compiled Jinja templates kept in memory, so the preview's rebuilds do not compile them again.

MkDocs makes a new theme environment for every build, and the print plugin a new
one per document (its filters belong to one catalogus). Compiling the templates
took about a third of a rebuild of the example guide. Jinja checks each
template's source against the checksum stored with its code, so an edited
template is compiled anew.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """One per family of environments with the same options: the code depends on them."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
