"""A generated page with an HTML frame (`pages/stukken.py`), as MkDocs' page.

MkDocs lets a plugin give a file its own page object (`File.page`, a `Page`
subclass, as Material's blog plugin does). MkDocs renders its Markdown as for
any page, with the guide's extensions, link checks and table of contents; the
frame then takes that HTML in. Every plugin after this one sees the finished
page, as for a page written in Markdown.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from ...pages.stukken import Opgemaakt


class FramedPage(Page):
    def __init__(self, file, config, opgemaakt: Opgemaakt) -> None:
        super().__init__(None, file, config)
        self.frame = opgemaakt  # the preview compares it too (preview.py): a frame can change while its text does not

    def render(self, config, files) -> None:
        super().render(config, files)
        self.content = self.frame.vul(self.content)
