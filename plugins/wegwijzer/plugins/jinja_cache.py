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
import os
import tempfile
from pathlib import Path

import jinja2


def cache_folder() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "wegwijzer" / "templates"


class CompiledTemplates(jinja2.BytecodeCache):
    """One per family of environments; `load` looks in memory, then on disk."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # By name only: a test's or editor's project in a new folder then reuses the entry
        # (the checksum decides), so the folder holds one file per template name.
        return hashlib.sha1(name.encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        path = _path(bucket)
        code = self.store.get(path)
        if code is None:
            try:
                code = Path(path).read_bytes()
            except OSError:
                return
        try:
            bucket.bytecode_from_string(code)
        except Exception:  # a file cut short or from another Jinja: compiled anew
            bucket.reset()
            return
        self.store[path] = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        path = _path(bucket)
        code = self.store[path] = bucket.bytecode_to_string()
        folder = os.path.dirname(path)
        try:
            os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError:  # no cache where the home folder cannot be written: only slower
            return
        try:  # whole or not at all, also with two builds at once
            with os.fdopen(handle, "wb") as out:
                out.write(code)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def _path(bucket: jinja2.bccache.Bucket) -> str:
    return str(cache_folder() / _family(bucket.environment) / bucket.key)


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
