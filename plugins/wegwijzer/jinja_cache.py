"""Compiled Jinja templates kept in memory and on disk, so neither the preview's rebuilds nor
a new build compile them again.

MkDocs makes a new theme environment for every build, and the print plugin a new
one per document (its filters belong to one catalogus). Compiling the templates
took about a third of a rebuild of the example guide, and a fixed part of every
build (Material's templates, our page and print templates). Jinja checks each
template's source against the checksum stored with its code, so an edited
template is compiled anew; the code also depends on the environment's options,
so each set of options has names of its own. On disk they are the store
`templates` of `cache.py`; in memory they serve every later environment of the
process (the preview's rebuilds, each printed document).
"""

from __future__ import annotations

import jinja2

from . import cache


class CompiledTemplates(jinja2.BytecodeCache):
    """One per family of environments; `load` looks in memory, then on disk."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # By name only: a test's or editor's project in a new folder then reuses the entry
        # (the checksum decides), so the store holds one file per template name.
        return cache.key(name)[:24]

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        name = _name(bucket)
        code = self.store.get(name)
        if code is None:
            code = cache.read(cache.path("templates", name))
            if code is None:  # not kept yet
                return
        try:
            bucket.bytecode_from_string(code)
        except Exception:  # a file cut short or from another Jinja: compiled anew
            bucket.reset()
            return
        self.store[name] = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        name = _name(bucket)
        code = self.store[name] = bucket.bytecode_to_string()
        path = cache.path("templates", name)
        if path is not None:
            cache.write(path, code)


def _name(bucket: jinja2.bccache.Bucket) -> str:
    """The template's name in the cache: its family of options, then its own key."""
    return f"{_family(bucket.environment)}-{bucket.key}"


def _family(env: jinja2.Environment) -> str:
    """What the compiled code of a template depends on besides its source."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", repr(env.autoescape))
    options = (
        jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
        env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
        env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.is_async, autoescape,
    )
    return cache.key(*options)[:16]
