"""Which files beside the pages may be published: pictures, documents, fonts; never something that runs.

A file in `content/` or a catalogus' `paginas/` is put on the site as it is. A
browser that opens its address runs it if it is HTML, XML (in any namespace it
knows, under any name: `.xpdl` served as application/xml ran a script), or an
SVG with a script, and then the script runs as part of the site, where a
visitor's scan answers and plan are kept. A list of file kinds that do
something was tried and had holes, so this is a list of the kinds that are
only shown or downloaded; an SVG is read as XML and must hold drawing only.
`eigen_html: true` in mkdocs.yml lifts the rule for the docs folder
(docs/veiligheid.md).
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET

#: Kinds a browser shows or downloads without running anything. A name without a suffix
#: (CNAME for GitHub Pages) is served as a download.
PASSIVE = frozenset({
    "md", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "svg",
    "pdf", "csv", "txt", "json", "yml", "yaml", "css",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "zip",
    "woff", "woff2", "ttf", "otf", "eot", "mp3", "m4a", "mp4", "webm", "ogg", "oga", "ogv", "wav",
})

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
#: Namespaces drawing programs add for their own bookkeeping: never rendered, never run.
_INERT = {
    "http://www.w3.org/XML/1998/namespace", _XLINK,
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/", "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/", "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/Extensibility/1.0/", "http://ns.adobe.com/SaveForWeb/1.0/", "http://www.bohemiancoding.com/sketch/ns",
}
#: SVG elements that draw or describe; no script, foreignObject, a, animate/set or iframe-like elements.
_DRAWING = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style", "switch",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "filter",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
    "feSpotLight", "feTile", "feTurbulence",
}
_IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
_CSS_REACH = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)|expression\(|javascript:", re.IGNORECASE)


def suffix_problem(name: str) -> str | None:
    """Why a file with this name may not be published, in Dutch; None when its kind is passive."""
    base = name.rsplit("/", 1)[-1]
    suffix = base.rsplit(".", 1)[-1].lower() if "." in base.lstrip(".") else ""
    if suffix and suffix not in PASSIVE:
        return f"een .{suffix}-bestand wordt niet gepubliceerd: alleen plaatjes, documenten, lettertypen, geluid en video"
    return None


def svg_problem(raw: bytes) -> str | None:
    """Why this SVG could do more than show a drawing when opened, in Dutch; None when it only draws."""
    text = _decode(raw)
    if text is None:
        return "dit SVG-bestand is niet als tekst te lezen (gecomprimeerd of een onbekende codering)"
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return "dit SVG-bestand heeft een DOCTYPE of ENTITY; die zijn in een plaatje niet nodig"
    text = re.sub(r"^\s*<\?xml\s[^>]*\?>", "", text)
    if "<?" in text:  # xml-stylesheet and the like: the browser would fetch and apply it
        return "dit SVG-bestand bevat een verwerkingsinstructie (<?...?>), bijvoorbeeld een stylesheet"
    try:
        root = ET.fromstring(text)
    except (ET.ParseError, ValueError):
        return "dit SVG-bestand is geen geldige XML"
    for element in root.iter():
        namespace, name = _split(element.tag)
        if namespace in _INERT:
            continue
        if namespace not in (_SVG, "") or name not in _DRAWING:  # without a namespace it is shown as plain XML
            return f"deze SVG bevat '<{name}>': alleen tekenen mag, geen script, link of ingesloten pagina"
        if name == "style" and _CSS_REACH.search(element.text or ""):
            return "de opmaak in deze SVG haalt iets op (url of @import)"
        for attribute, value in element.attrib.items():
            attr_namespace, attr = _split(attribute)
            if attr.lower().startswith("on"):
                return f"deze SVG bevat '{attr}=': een script dat de browser uitvoert"
            if attr == "href" and attr_namespace in ("", _XLINK):
                target = re.sub(r"[\x00-\x20]", "", value)
                if not (target.startswith("#") or (name == "image" and _IMAGE_DATA.match(target))):
                    return f"deze SVG verwijst naar '{value[:60]}': alleen naar een deel van de tekening zelf (#...)"
            if attr == "style" and _CSS_REACH.search(value):
                return "de opmaak in deze SVG haalt iets op (url of @import)"
    return None


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _decode(raw: bytes) -> str | None:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            break
    else:
        encoding = "utf-8"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None
