"""Checking a chart read back from the cache before it reaches a page.

The chart cache lives in the network's folder, where a committed or restored
file could replace a chart with one that runs script. A cached chart is used
only if it is exactly the kind of SVG qisite draws: known elements and
attributes, links only to fragments of its own page, no event handlers, no
external resources, no markup that HTML would read differently from XML.
Anything else is treated as a cache miss and drawn again.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ELEMENTS = frozenset({"svg", "g", "use", "path", "text", "tspan", "defs", "title", "desc", "a", "clipPath", "rect",
                      "style", "line", "polyline", "polygon", "circle", "ellipse"})
ATTRIBUTES = frozenset({"style", "x", "y", "href", _XLINK_HREF, "class", "d", "transform", "clip-path", "id",
                        "aria-label", "aria-labelledby", "aria-hidden", "width", "height", "viewBox", "role", "type",
                        "fill", "stroke", "stroke-width", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry",
                        "points", "text-anchor", "font-size", "font-weight", "font-style", "opacity", "focusable",
                        "tabindex", "preserveAspectRatio", "version"})
_LOCAL_LINK = re.compile(r"(index\.html)?#[A-Za-z0-9_.:-]+")
_URL = re.compile(r"url\(\s*([^)]*)\)", re.IGNORECASE)
_FORBIDDEN_TEXT = ("<!", "<?", "]]>", "javascript:", "@import", "expression(")


def is_safe_chart(text: str) -> bool:
    """Whether ``text`` is an SVG chart that may be inlined into a page as it is."""
    lowered = text.lower()
    if not text.startswith("<svg") or any(bad in lowered for bad in _FORBIDDEN_TEXT):
        return False
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return False
    return all(_safe_element(element) for element in root.iter())


def _safe_element(element: ElementTree.Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(_SVG) or tag[len(_SVG):] not in ELEMENTS:
        return False
    for name, value in element.attrib.items():
        if name not in ATTRIBUTES:
            return False
        if name in ("href", _XLINK_HREF) and not _LOCAL_LINK.fullmatch(value):
            return False
        if not _local_urls_only(value):
            return False
    return not (tag == f"{_SVG}style" and not _local_urls_only(element.text or ""))


def _local_urls_only(value: str) -> bool:
    return all(target.strip(" '\"").startswith("#") for target in _URL.findall(value))
