"""Compiled Jinja templates kept in memory and on disk, so neither the preview's rebuilds nor
a new build compile them again.

MkDocs makes a new theme environment for every build, and the print plugin a new
one per document (its filters belong to one catalogus). Compiling the templates
took about a third of a rebuild of the example guide, and a fixed part of every
build (Material's templates, our page and print templates). Jinja checks each
template's source against the checksum stored with its code, so an edited
template is compiled anew; the code also depends on the environment's options,
so each set of options has a folder of its own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

from ..user_cache import user_cache, write_kept


class CompiledTemplates(jinja2.BytecodeCache):
    """One per family of environments; `load` looks in memory, then on disk."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # By name only: a test's or editor's project in a new folder then reuses the entry
        # (the checksum decides), so the folder holds one file per template name.
        return hashlib.sha1(name.encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        name = _name(bucket)
        code = self.store.get(name)
        if code is None:
            path = _on_disk(name)
            if path is None:
                return
            try:
                code = path.read_bytes()
            except OSError:  # not kept yet
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
        path = _on_disk(name)
        if path is not None:
            write_kept(path, lambda out: out.write(code))


def _name(bucket: jinja2.bccache.Bucket) -> str:
    """The template's name in the cache: its family of options, then its own key."""
    return f"{_family(bucket.environment)}/{bucket.key}"


def _on_disk(name: str) -> Path | None:
    folder = user_cache("templates")
    return folder / name if folder else None


def _family(env: jinja2.Environment) -> str:
    """What the compiled code of a template depends on besides its source."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", repr(env.autoescape))
    options = (
        jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
        env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
        env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.is_async, autoescape,
    )
    return hashlib.sha1(repr(options).encode("utf-8")).hexdigest()[:16]
