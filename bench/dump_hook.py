"""MkDocs hook used by the benchmark: write each page's final Markdown to $WEGWIJZER_DUMP.

Hooks run after the plugins, so this is the Markdown our plugins made, with every
[[link]] already a normal Markdown link: the same text the floor site builds.
"""

import os
from pathlib import Path

import yaml


def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["WEGWIJZER_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    # the page's front matter too (title, icon, hidden sidebars): the floor renders the same page
    meta = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
    target.write_text(meta + markdown, encoding="utf-8")
    return markdown
