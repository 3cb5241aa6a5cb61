"""The HTML frame with Markdown pieces (pages/stukken.py): each piece's HTML lands in its own place,
and text an editor typed stays text, also when it looks like the frame's own markers."""

from __future__ import annotations

import json
import re

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
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]


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


@pytest.mark.parametrize("opening, shown", [
    ("# Te druk", "# Te druk"),
    ("#geenkop te druk", "#geenkop te druk"),
    ("- Te druk", "- Te druk"),
    ("* Te druk", "* Te druk"),
    ("+ Te druk", "+ Te druk"),
    ("1. Te druk", "1. Te druk"),
    ("2024. Te druk", "2024. Te druk"),
    ("> Te druk", "&gt; Te druk"),
    ("**Te** druk", "<strong>Te</strong> druk"),
    ("---", "---"),
    ("* * * druk", "* * * druk"),
    ("___", "___"),
    ('!!! note "Te druk"', "!!! note &#34;Te druk&#34;"),
    ("??? Te druk", "&#63;?? Te druk"),
    ("```python", "```python"),
    ("~~~ Te druk", "&#126;~~ Te druk"),
])
def test_a_cards_first_sentence_stays_one_line_of_text_whatever_it_starts_with(opening, shown):
    """A card's line (a `regel` piece) is text inside the card: an opening that Markdown would
    take as a heading or list keeps the card whole and reads as the editor typed it."""
    html = stukken.maak(environment().from_string('<li>{% filter md_regel %}{{ zin }}{% endfilter %}</li>'), zin=opening)
    assert html.vul(markdown.markdown(html.markdown, extensions=EXTENSIONS)) == f"<li>{shown}</li>"


def page_html(catalogus, uri: str) -> str:
    """A generated page as the build makes it: its links expanded, its pieces converted, its frame filled."""
    from wegwijzer.catalogus.links import expand_links
    from wegwijzer.pages.generated import page_specs, render
    from wegwijzer.pages.routes import markdown_link

    spec = next(spec for spec in page_specs(catalogus) if spec.src_uri == uri)
    page = render(environment(), spec, catalogus)
    text = expand_links(page.markdown.split("---", 2)[2], lambda link: markdown_link(catalogus, link, uri))
    return page.vul(markdown.markdown(text, extensions=EXTENSIONS))


def test_titles_typed_over_two_lines_and_openings_like_a_heading_keep_every_page_whole(make_catalogus):
    """A title with a line break (YAML's `|`) in a card's heading and link, and a description that starts
    as a heading: the knelpunt's page and the list show them as text in their cards (a non-breaking space stays)."""
    from wegwijzer.catalogus import load_catalogus

    root = make_catalogus()
    path = root / "knelpunten" / "piekdrukte.yml"
    path.write_text(path.read_text().replace("omschrijving: Op vaste momenten is het te druk.", "omschrijving: '# Op vaste momenten is het te druk.'"))
    path = root / "oplossingen" / "rooster-met-buffer.yml"
    path.write_text(path.read_text().replace("titel: Rooster met buffer", "titel: |\n  Rooster\n  === met\u00a0buffer"))
    catalogus = load_catalogus(root)

    knelpunt = page_html(catalogus, "knelpunten/piekdrukte.md")
    assert re.search(r'<h3 class="ww-kaart__titel" id="[^"]+"><a href="[^"]+">Rooster === met\u00a0buffer</a></h3>', knelpunt), knelpunt
    lijst = page_html(catalogus, "knelpunten/index.md")
    card = re.search(r'<li class="ww-kaart"[^>]*id="piekdrukte">(.*?)</li>', lijst, re.S)
    assert card and "# Op vaste momenten is het te druk." in card[1] and "<h1" not in card[1], lijst


@pytest.mark.parametrize("titel", ["Piekdrukte 😓 op maandag", "𝔘itval \"zonder\" \\ vervanging", "Piekdrukte <b>&</b> ’s ochtends"])
def test_a_title_with_an_emoji_or_markup_is_the_pages_title_not_text_on_top_of_it(make_catalogus, titel):
    """A title pasted from a mail with an emoji: MkDocs reads the page's title from its front matter;
    a front matter YAML refuses is dropped whole and shows at the top of the page as text."""
    from mkdocs.utils.meta import get_data
    from markupsafe import escape

    from wegwijzer.catalogus import load_catalogus
    from wegwijzer.pages.generated import page_specs, render

    root = make_catalogus()
    path = root / "knelpunten" / "piekdrukte.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Piekdrukte", "titel: " + json.dumps(titel, ensure_ascii=False)), encoding="utf-8")
    catalogus = load_catalogus(root)
    for spec in page_specs(catalogus):
        if spec.src_uri in ("knelpunten/piekdrukte.md", "knelpunten/index.md"):
            markdown_text, meta = get_data(render(environment(), spec, catalogus).markdown)
            assert not markdown_text.startswith("---"), markdown_text[:200]
            if spec.src_uri == "knelpunten/piekdrukte.md":
                assert meta["title"] == str(escape(titel))


def test_the_front_matter_the_page_layer_hands_over_is_what_mkdocs_reads_from_it(make_catalogus):
    """The engine gets a generated page's front matter values from the page layer (framed.GeneratedPage),
    not by parsing its YAML: for every generated page, with odd titles too, they are what MkDocs would read."""
    from mkdocs.utils.meta import get_data

    from wegwijzer.catalogus import load_catalogus
    from wegwijzer.pages.generated import page_specs, render

    from conftest import ROOT

    root = make_catalogus()
    path = root / "knelpunten" / "piekdrukte.yml"
    odd = 'Piek 😓 "drukte" \\\\ <b>&amp;</b> # hide: [toc]\\u2028'
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Piekdrukte", "titel: " + json.dumps(odd, ensure_ascii=False)), encoding="utf-8")
    checked = 0
    for catalogus in (load_catalogus(root), load_catalogus(ROOT / "catalogus")):
        for spec in page_specs(catalogus):
            page = render(environment(), spec, catalogus)
            if page.voorwerk is None:  # no front matter: MkDocs reads the page itself
                assert not page.markdown.startswith("---") and page.tekst_en_meta(page.markdown) is None, spec.src_uri
                continue
            assert page.tekst_en_meta(page.markdown) == get_data(page.markdown), spec.src_uri
            checked += 1
    assert checked > 100
    # a source another plugin replaced is read by MkDocs itself
    assert page.tekst_en_meta(page.markdown + "\nmeer") is None
