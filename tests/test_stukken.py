"""The HTML frame with Markdown pieces (pages/stukken.py): each piece's HTML lands in its own place,
and text an editor typed stays text, also when it looks like the frame's own markers."""

from __future__ import annotations

import markdown
import pytest

from wegwijzer.pages import stukken
from wegwijzer.pages.generated import environment

FRAME = (
    '<p class="label">{% filter md_regel %}Factor: *{{ factor }}*{% endfilter %}</p>\n'
    "{% filter md %}\n# {{ titel }}\n\n{{ tekst }}\n{% endfilter %}\n\n"  # a block tag eats the newline after it
    '<ul class="kaarten">\n{% for k in kaarten %}<li>{% filter md_kop("kaart") %}### {{ k }}{% endfilter %}</li>\n{% endfor %}</ul>\n'
    "{% filter md %}\nSlot.\n{% endfilter %}\n\n"
)


#: The Markdown extensions a new guide has (wegwijzer start), fenced code among them.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def make(**values) -> str:
    page = stukken.maak(environment().from_string(FRAME), **values)
    return page.vul(markdown.markdown(page.markdown, extensions=EXTENSIONS))


def test_each_piece_lands_in_its_place():
    html = make(factor="Werkdruk", titel="Titel", tekst="Eerste alinea.\n\nTweede *alinea*.", kaarten=["Een", "Twee"])
    assert html == (
        '<p class="label">Factor: <em>Werkdruk</em></p>\n'
        '<h1 id="titel">Titel</h1>\n<p>Eerste alinea.</p>\n<p>Tweede <em>alinea</em>.</p>\n'
        '<ul class="kaarten">\n<li><h3 class="kaart" id="een">Een</h3></li>\n<li><h3 class="kaart" id="twee">Twee</h3></li>\n</ul>\n'
        "<p>Slot.</p>"
    )


def test_text_that_looks_like_a_marker_or_html_stays_text():
    marker = stukken.MARKER.format(0)
    html = make(factor=marker, titel="<b>vet</b>", tekst=f"{marker}\n\n{stukken.MARKER.format(3)}", kaarten=[marker])
    assert "<b>" not in html and html.count("&lt;!--ww-stuk-") == 4
    assert html.startswith('<p class="label">Factor: <em>&lt;!--ww-stuk-0--&gt;</em></p>\n<h1')
    assert html.endswith("<p>Slot.</p>")


@pytest.mark.parametrize("tekst", [
    "Begin\n\n```\ncode",  # a code block never closed
    "    ingesprongen als code",
    "- een lijst\n- die doorloopt",
    "> een citaat\nover twee regels",
    "!!! note\n    een kader",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Tekst met een harde regelafbreking  ",
])
def test_whatever_markdown_a_piece_holds_the_frame_stays_whole(tekst):
    """Each marker stands in a block of its own after an empty line, so no Markdown an editor
    writes can take it into a list, quote, code block or table: every piece after it keeps its place."""
    html = make(factor="F", titel="T", tekst=tekst, kaarten=["Een"])
    assert "<!--ww-stuk" not in html
    assert '<ul class="kaarten">\n<li><h3 class="kaart" id="een">Een</h3></li>\n</ul>\n' in html
    assert html.endswith("<p>Slot.</p>")
