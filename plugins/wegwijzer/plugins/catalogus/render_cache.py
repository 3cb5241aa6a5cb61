"""Under `mkdocs serve`, render again only the pages whose Markdown changed.

After an editor saves one knelpunt, MkDocs rebuilds the whole site, and turning
Markdown into HTML is most of the work. A page whose final Markdown is the same
as in the previous build, in a site with the same set of files (so every link
resolves the same way), gets its previous HTML back instead.
"""

from __future__ import annotations

import hashlib


class RenderCache:
    def __init__(self) -> None:
        self.pages: dict[str, tuple] = {}
        self.files_key = ""

    def new_build(self, files) -> None:
        """Remember which files this build has: a link's target may come or go."""
        names = "\n".join(sorted(file.src_uri for file in files))
        self.files_key = hashlib.sha1(names.encode("utf-8", "surrogatepass")).hexdigest()

    def wrap(self, page) -> None:
        """Give `page` a render that reuses the last result when nothing it depends on changed."""
        original = page.render
        uri = page.file.src_uri

        def render(config, files):
            hit = self.pages.get(uri)
            if hit and hit[0] == page.markdown and hit[1] == self.files_key:
                page.content, page.toc, page._title_from_render, page.present_anchor_ids = hit[2:]
                page.links_to_anchors = {}  # checked when it was rendered; the files are the same
                return
            original(config, files)
            self.pages[uri] = (page.markdown, self.files_key, page.content, page.toc, page._title_from_render, page.present_anchor_ids)

        page.render = render
