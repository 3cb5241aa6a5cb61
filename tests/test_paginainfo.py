"""What every page says about itself, and numbers that are counted, not typed:
the accessibility and privacy statements (generated, replaceable by the sector),
the contact line in the footer, "Laatst gewijzigd" from git, the short route's
reading time counted from its rendered pages, the werksessie's schedule with its
breaks, the scan's top sizes in the step texts, and the instruments' facts."""

from __future__ import annotations

import math
import os
import re
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_build
from wegwijzer.catalogus import load_catalogus
from wegwijzer.catalogus.leestijd import WOORDEN_PER_MINUUT, woorden
from wegwijzer.catalogus.model import datum_nl
from wegwijzer.catalogus.paginainfo import contact_van

catalogus = load_catalogus(ROOT / "catalogus")
INFO = catalogus.info
BASE = ROOT / "plugins" / "wegwijzer" / "basis" / "werkdruk"
#: Page kinds whose footer must link the statements: start, both routes, a substep, a knelpunt, an oplossing, a tool, the werksessie.
PAGE_KINDS = [
    "index.html",
    "mkb/stap-1/index.html",
    f"stappen/stap-1/{catalogus.substappen[0].id}/index.html",
    f"knelpunten/{next(iter(catalogus.knelpunten))}/index.html",
    f"oplossingen/{next(iter(catalogus.oplossingen))}/index.html",
    "scan/index.html",
    "werksessie/index.html",
    "privacy/index.html",
]


class Tree(HTMLParser):
    """A page as elements: (tag, attrs, text inside, depth path) and text outside any skipped part."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": [], "parents": list(self.open)}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"].append(data)

    def find(self, tag: str, cls: str | None = None) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag and (cls is None or cls in (e["attrs"].get("class") or "").split())]


def text(element) -> str:
    return " ".join("".join(element["text"]).split())


def page(site: Path, path: str) -> Tree:
    return Tree((site / path).read_text(encoding="utf-8"))


def article_words(html: str) -> int:
    """Words a reader reads in the page's article, counted here on the built page, independently of the plugin:
    without navigation, the "Laatst gewijzigd" aside, hidden parts, what search leaves out, code and pictures."""

    class Words(HTMLParser):
        SKIP = {"nav", "aside", "script", "style", "svg", "template"}

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.parts, self.inside = [], [], 0

        def handle_starttag(self, tag, attrs):
            if tag in Tree.VOID:
                return
            a = dict(attrs)
            if tag == "article":
                self.inside += 1
            skip = tag in self.SKIP or "hidden" in a or "data-pagefind-ignore" in a or "headerlink" in (a.get("class") or "").split()
            self.stack.append((tag, skip or bool(self.stack and self.stack[-1][1])))

        def handle_endtag(self, tag):
            if tag in Tree.VOID:
                return
            while self.stack:
                open_tag, _ = self.stack.pop()
                if open_tag == tag:
                    break
            if tag == "article":
                self.inside -= 1

        def handle_data(self, data):
            if self.inside and not (self.stack and self.stack[-1][1]):
                self.parts.append(data)

    parser = Words()
    parser.feed(html)
    return woorden(" ".join(parser.parts))


def expected_day(path: Path) -> date:
    """The day of the file's last commit, as git says it for that one file; its mtime without one."""
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", str(path)], capture_output=True, text=True).stdout.strip()
    return date.fromisoformat(out) if out else date.fromtimestamp(path.stat().st_mtime)


def source(kind: str, entry_id: str) -> Path:
    own = ROOT / "catalogus" / kind / f"{entry_id}.yml"
    return own if own.is_file() else BASE / kind / f"{entry_id}.yml"


# -- the statements ------------------------------------------------------------------


def test_statements_exist_name_the_organisation_and_are_in_every_footer(example_site):
    for name, title in (("toegankelijkheid", "Toegankelijkheidsverklaring"), ("privacy", "Privacyverklaring")):
        tree = page(example_site, f"{name}/index.html")
        assert text(tree.find("h1")[0]).startswith(title)
        article = text(tree.find("article")[0])
        assert INFO.uitgever in article and INFO.contact in article
        assert f"mailto:{INFO.contact}" in [a["attrs"].get("href") for a in tree.find("a")]
    for path in PAGE_KINDS:
        tree = page(example_site, path)
        footer = tree.find("div", "md-copyright")[0]
        links = {text(a): a["attrs"]["href"] for a in tree.find("a") if footer in a["parents"]}
        for label, target in (("Verantwoording en toetsing", "verantwoording"), ("Toegankelijkheid", "toegankelijkheid"), ("Privacy", "privacy")):
            assert label in links, (path, links)
            resolved = (example_site / path).parent / links[label] / "index.html"
            assert resolved.resolve() == (example_site / target / "index.html").resolve()


def test_accessibility_statement_claims_no_audit_and_names_the_standard(example_site):
    article = text(page(example_site, "toegankelijkheid/index.html").find("article")[0])
    assert "WCAG 2.1" in article and "AA" in article and "24 bij 24 pixels" in article
    assert "axe" in article and "toetsenbord" in article and "360 pixels" in article
    assert "niet gedaan" in article  # no audit was done, so no status is claimed
    for status in ("voldoet volledig", "voldoet gedeeltelijk", "Status A", "status B"):
        assert status not in article


def test_privacy_statement_matches_what_the_tools_do(example_site):
    article = text(page(example_site, "privacy/index.html").find("article")[0])
    assert f"wegwijzer:{INFO.id}" in article and "localStorage" in article and "geen cookies" in article
    # every delete button it names exists with those words
    buttons = {
        "Wis mijn antwoorden": example_site / "scan" / "index.html",
        "Wis het plan": example_site / "plan" / "index.html",
        "Nieuwe stembus": example_site / "scan" / "team" / "index.html",
        "Vinkjes wissen": example_site / "assets" / "javascripts" / "wegwijzer" / "checklists.js",
    }
    for label, where in buttons.items():
        assert label in article and label in where.read_text(encoding="utf-8"), label
    # "no requests to other origins": every page's policy allows its own origin only
    for path in PAGE_KINDS:
        html = (example_site / path).read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        assert "default-src 'self'" in policy and "connect-src 'self'" in policy and "http" not in policy
        assert not re.search(r'<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)="(?:https?:)?//', html), path


def test_a_sector_page_replaces_a_statement_and_a_hostile_contact_stays_text(tmp_path):
    project = copy_project(tmp_path)
    (project / "content").mkdir(exist_ok=True)
    (project / "content" / "privacy.md").write_text("# Onze eigen privacyverklaring\n\nWij bewaren niets.\n", encoding="utf-8")
    hostile = 'javascript:alert(1)//"><script>alert(2)</script><img src=x onerror=alert(3)>'
    config = project / "catalogus" / "catalogus.yml"
    config.write_text(re.sub(r"^contact: .*$", "contact: " + yaml.safe_dump(hostile, width=1000).strip().removesuffix("...").strip(), config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    assert load_catalogus(project / "catalogus").info.contact == hostile

    result = mkdocs_build(project / "mkdocs.yml", project / "site")

    assert result.returncode == 0, result.stderr
    site = project / "site"
    own = page(site, "privacy/index.html")
    assert text(own.find("h1")[0]).startswith("Onze eigen privacyverklaring")
    assert "Wij bewaren niets." in text(own.find("article")[0])
    assert not any("Onze eigen privacyverklaring" in text(n) for n in page(site, "index.html").find("nav"))  # footer only, like the generated one
    assert text(page(site, "toegankelijkheid/index.html").find("h1")[0]).startswith("Toegankelijkheidsverklaring")
    for path in ("index.html", "verantwoording/index.html", "toegankelijkheid/index.html", "knelpunten/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        tree = Tree(html)
        assert "alert(" not in "".join(text(s) for s in tree.find("script")), path
        for element in tree.elements:
            for name, value in element["attrs"].items():
                assert not name.startswith("on"), (path, element)
                assert not (value or "").strip().lower().startswith("javascript:"), (path, element)
        assert not [e for e in tree.find("img") if e["attrs"].get("src") == "x"]
        line = tree.find("p", "ww-voet-contact")[0]
        assert hostile in text(line)  # shown as the words it is
        assert not [e for e in tree.find("a") if line in e["parents"]]


def test_contact_becomes_a_link_only_when_it_is_an_address():
    assert contact_van("werkdruk@example.org").href == "mailto:werkdruk@example.org"
    assert contact_van(" mailto:info@voorbeeld.nl ").href == "mailto:info@voorbeeld.nl"
    assert contact_van("https://www.voorbeeld.nl/contact").href == "https://www.voorbeeld.nl/contact"
    for plain in ("030 123 45 67", "javascript:alert(1)", "JavaScript:alert(1)@x.nl", '"><script>alert(1)</script>',
                  "info@voorbeeld.nl?subject=hoi&body=x", "https://", "data:text/html,<b>x</b>", "http://a b.nl"):
        found = contact_van(plain)
        assert found.href is None and found.soort == "tekst", plain
    assert contact_van("") is None and contact_van(None) is None


def test_footer_contact_is_a_mailto_link(example_site):
    for path in PAGE_KINDS[:3]:
        tree = page(example_site, path)
        line = tree.find("p", "ww-voet-contact")[0]
        links = [a for a in tree.find("a") if line in a["parents"]]
        assert text(line).startswith("Vraag of opmerking? Mail naar")
        assert [(a["attrs"]["href"], text(a)) for a in links] == [(f"mailto:{INFO.contact}", INFO.contact)]
    tree = page(example_site, "verantwoording/index.html")
    assert any(a["attrs"].get("href") == f"mailto:{INFO.contact}" for a in tree.find("a") if tree.find("article")[0] in a["parents"])


# -- laatst gewijzigd ------------------------------------------------------------------


def _shown_day(site: Path, path: str) -> date:
    tree = page(site, path)
    aside = tree.find("aside", "ww-gewijzigd")
    assert aside, f"{path} toont geen 'Laatst gewijzigd'"
    time = [t for t in tree.find("time") if aside[0] in t["parents"]][0]
    day = date.fromisoformat(time["attrs"]["datetime"])
    assert text(aside[0]) == f"Laatst gewijzigd op {datum_nl(day)}"
    return day


def test_last_changed_is_the_last_commit_of_the_page_source(example_site):
    zonder_citaat = lambda entries: next(e for e in entries.values() if not e.praktijk)  # noqa: E731
    knelpunt = zonder_citaat(catalogus.knelpunten)
    eigen = next(k for k in catalogus.knelpunten.values() if (ROOT / "catalogus" / "knelpunten" / f"{k.id}.yml").is_file())
    oplossing = zonder_citaat(catalogus.oplossingen)
    stap = catalogus.stappen[1]
    stap_file = next((BASE / "stappen").glob(f"{stap.nummer}-*.yml"))
    expected = {
        f"knelpunten/{knelpunt.id}/index.html": [source("knelpunten", knelpunt.id)],
        f"knelpunten/{eigen.id}/index.html": [source("knelpunten", eigen.id), *(source("praktijk", v.id) for v in eigen.praktijk)],
        f"oplossingen/{oplossing.id}/index.html": [source("oplossingen", oplossing.id)],
        f"mkb/stap-{stap.nummer}/index.html": [stap_file],
        f"stappen/stap-{stap.nummer}/index.html": [stap_file],
        "werknemer/index.html": [BASE / "paginas" / "werknemer.md"],
        "werksessie/index.html": [BASE / "werksessie.yml"],
    }
    for path, files in expected.items():
        assert _shown_day(example_site, path) == max(map(expected_day, files)), path


def test_a_linked_file_or_folder_counts_as_the_file_it_is(tmp_path):
    """Pages share files: a file reached through a linked folder, or a linked file, is dated once, as the real file."""
    from wegwijzer.catalogus.paginainfo import Gewijzigd

    real = tmp_path / "echt"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.yml").write_text("a")
    (real / "b.yml").write_text("b")
    (tmp_path / "map").symlink_to(real)
    (real / "naar-b.yml").symlink_to(real / "b.yml")
    asked = [tmp_path / "map" / "sub" / "a.yml", real / "naar-b.yml", tmp_path / "map" / "sub" / ".." / "b.yml", real / "b.yml"]
    dates = Gewijzigd(asked)
    assert {dates._echt_pad(p) for p in asked} == {str(real / "sub" / "a.yml"), str(real / "b.yml")}
    assert all(dates._echt_pad(p) == os.path.realpath(p) for p in asked)
    assert set(dates.dagen) == {str(real / "sub" / "a.yml"), str(real / "b.yml")}


# -- numbers counted from the pages ------------------------------------------------------


def test_reading_time_of_the_short_route_is_counted_from_its_pages(example_site):
    count = sum(article_words((example_site / "mkb" / f"stap-{s.nummer}" / "index.html").read_text(encoding="utf-8")) for s in catalogus.stappen)
    minutes = math.ceil(count / WOORDEN_PER_MINUUT)
    assert count > 500
    mkb = text(page(example_site, "mkb/index.html").find("p", "ww-leestijd")[0])
    assert mkb == f"Leestijd van de hele route: ongeveer {minutes} minuten ({count:,} woorden)".replace(",", ".")
    assert f"lees je in ongeveer {minutes} minuten" in text(page(example_site, "index.html").find("article")[0])
    assert f"lees je in ongeveer {minutes} minuten" in text(page(example_site, "stappen/index.html").find("article")[0])
    for html in example_site.rglob("*.html"):
        assert "korte_route }}" not in html.read_text(encoding="utf-8"), html
    # no page promises a typed number for it any more
    assert "tien minuten" not in (BASE / "paginas" / "index.md").read_text(encoding="utf-8").split("Werkdrukscan")[0]


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def test_werksessie_schedule_has_its_breaks_and_adds_up(example_site):
    tree = page(example_site, "werksessie/index.html")
    table = tree.find("table", "ww-rooster")[0]
    rows = [r for r in tree.find("tr") if table in r["parents"] and not any(p["tag"] == "thead" for p in r["parents"])]
    sessie = catalogus.werksessie
    clock, total, pauzes = None, 0, 0
    for row in rows:
        cells = [c for c in tree.find("td") if row in c["parents"]]
        begin, end = re.fullmatch(r"(\d\d:\d\d)–(\d\d:\d\d)", text(cells[0])).groups()
        duration = int(re.fullmatch(r"(\d+) min", text(cells[2])).group(1))
        assert clock in (None, begin), "elk deel begint waar het vorige ophield"
        assert _minutes(end) - _minutes(begin) == duration
        clock, total = end, total + duration
        pauzes += text(cells[1]) == "Pauze"
    assert _minutes(text([c for c in tree.find("td") if rows[0] in c["parents"]][0])[:5]) == _minutes(sessie.starttijd)
    assert pauzes == 2
    assert total == sum(d.minuten for d in sessie.delen) + 2 * 15 == sessie.minuten == 300
    assert "pauze van een kwartier" in sessie.inleiding and "vijf" in sessie.inleiding  # the intro's promise holds


def test_step_texts_use_the_top_sizes_of_the_scan():
    ranking = (ROOT / "plugins" / "wegwijzer" / "theme" / "assets" / "javascripts" / "wegwijzer" / "ranking.js").read_text(encoding="utf-8")
    sizes = {int(re.search(rf"export const {name} = (\d+);", ranking).group(1)) for name in ("TOP", "TOP_MET_OPLOSSINGEN")}
    assert sizes == {7, 3}
    found = []
    for path in [*(BASE / "stappen").glob("*.yml"), BASE / "scan.yml", BASE / "werksessie.yml"]:
        found += [(path.name, int(n)) for n in re.findall(r"\btop[ -](\d+)\b", path.read_text(encoding="utf-8"))]
    assert found and all(n in sizes for _, n in found), found


# -- instruments -----------------------------------------------------------------------


def test_instrument_facts_each_on_a_line_and_every_instrument_has_a_link(example_site):
    tree = page(example_site, "instrumenten/index.html")
    items = [text(li) for li in tree.find("li")]
    assert any(t.startswith("Kosten:") for t in items) and any(t.startswith("Gebruik je bij:") for t in items)
    assert not [t for t in items if "Kosten:" in t and "Gebruik je bij" in t]
    for entry in catalogus.instrumenten.values():
        assert entry.url, f"instrument {entry.id} heeft geen link: een lezer kan het nergens vinden"


@pytest.mark.parametrize("uri", ["toegankelijkheid.md", "privacy.md"])
def test_check_accepts_an_own_statement_page(tmp_path, uri):
    from wegwijzer.catalogus.handpaginas import page_problems
    from wegwijzer.pages.generated import page_specs

    docs = tmp_path / "content"
    docs.mkdir()
    (docs / uri).write_text("# Eigen verklaring\n", encoding="utf-8")
    problems = page_problems(catalogus, docs, [s.src_uri for s in page_specs(catalogus)], str)
    assert problems == []
    (docs / "verantwoording.md").write_text("# Botst\n", encoding="utf-8")
    assert len(page_problems(catalogus, docs, [s.src_uri for s in page_specs(catalogus)], str)) == 1
