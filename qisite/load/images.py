"""Images a project's Markdown shows from its own folder: found, confined, checked.

A story (or a PDSA cycle's text, or a change idea's description) may show an
image kept in the project folder: ``![the new leaflet](images/leaflet.png)``.
Such an image is copied into the site beside the project's page
(``projects/<id>/images/<its path>``, by :mod:`qisite.site.images`), so the
page loads it from the site itself and never from another host. Each one is
checked when the project is loaded, so ``qisite check`` reports the same
problems as the build, each at the line that shows the image:

- it must be a file inside the project folder, read through the one
  confinement rule (:func:`qisite.load.files.read_inside`: no links out, a
  regular file, within the size limit);
- it must be a PNG, JPEG, GIF or WebP image whose content matches its name, or
  an SVG drawing that can do nothing but draw: no script, event handler,
  foreign content, animation, external resource or link out
  (:func:`svg_refusal`). An SVG opened on its own runs at the site's address,
  so one that could run script is refused, not cleaned.

Images on other hosts are not copied; the page links to them instead
(:mod:`qisite.site.markdown`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from markdown_it import MarkdownIt

from qisite.load.files import FileRefusedError, read_inside
from qisite.model import Project
from qisite.problems import Location, Problems
from qisite.squire import REPORT_KEYS

IMAGES_FOLDER = "images"  # beside a project's page: projects/<id>/images/<path in the project folder>
_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".svg": (),
}
_TYPES = "PNG, JPEG, GIF, WebP or SVG"
_parser = MarkdownIt("commonmark", {"html": False})


class ImageRefusedError(Exception):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class ImageUse:
    """An image a project's Markdown shows from the project folder."""

    path: str  # normalised, relative to the project folder (and to projects/<id>/images/ in the site)
    written: str  # as the Markdown wrote it
    where: Location


def is_elsewhere(source: str) -> bool:
    """A link to another host, or with a scheme (https:, data:, javascript:)."""
    return source.startswith("//") or ":" in source.split("/", 1)[0]


def local_path(source: str) -> str | None:
    """The path inside the project folder that an image source names, or None when it names
    no file there (another host, an absolute path, a path climbing out with '..')."""
    if not source or is_elsewhere(source) or source.startswith(("/", "\\", "#", "?")):
        return None
    path = unquote(source.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/")
    normal = posixpath.normpath(path)
    if normal in (".", "", "..") or normal.startswith(("../", "/")) or "\x00" in normal:
        return None
    return normal


def image_sources(text: str) -> Iterator[tuple[str, int]]:
    """(image source as written, line within the text counted from 0) for each Markdown image."""
    if "![" not in text:  # no image: spare parsing a long text
        return
    for token in _parser.parse(text):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        for child in token.children:
            if child.type == "image":
                yield str(child.attrGet("src") or ""), line


def markdown_texts(project: Project) -> Iterator[tuple[str, Location, bool]]:
    """(Markdown text, where it was written, whether lines count from that place) for every
    Markdown field the site shows of the project."""
    yield project.story, Location(project.folder / "story.md", 1), True
    for name in REPORT_KEYS:
        text = getattr(project, name)
        if text and project.at is not None:
            yield text, project.at.of(name), False
    for cycle in project.cycles:
        for name in ("plan", "prediction", "do", "study", "act"):
            text = getattr(cycle, name, "")
            if text and cycle.at is not None:
                yield text, cycle.at.of(name), False
    for idea in project.drivers.change_ideas:
        if idea.description and idea.at is not None:
            yield idea.description, idea.at.of("description"), False


def image_uses(project: Project) -> Iterator[tuple[str, Location]]:
    """(source as written, where) for each image in the project's Markdown on no other host."""
    for text, where, counts_lines in markdown_texts(project):
        for source, line in image_sources(text):
            if is_elsewhere(source):
                continue
            at = Location(where.file, (where.line or 1) + line) if counts_lines else where
            yield source, at


def project_images(project: Project, problems: Problems) -> Iterator[tuple[ImageUse, bytes]]:
    """Each of the project's own images, checked, with its bytes (one at a time, so memory
    holds one image); a located error for each that cannot be shown."""
    done: set[str] = set()
    for source, where in image_uses(project):
        path = local_path(source)
        if path is None:
            problems.error(where, f"the image '{source}' is not in the project folder, so it cannot be shown",
                           "keep the image in the project folder and give its path from there, e.g. images/ward.png")
            continue
        if path in done:
            continue
        done.add(path)
        try:
            data = read_image(project.folder, path)
        except ImageRefusedError as refused:
            problems.error(where, refused.message, refused.hint)
            continue
        yield ImageUse(path, source, where), data


def check_images(project: Project, problems: Problems) -> None:
    """A located error for each image the project's Markdown shows that cannot be shown."""
    for _ in project_images(project, problems):
        pass


def read_image(folder: Path, path: str) -> bytes:
    """The bytes of an image in the project folder, if a page may show it; else ImageRefusedError."""
    suffix = posixpath.splitext(path)[1].lower()
    if suffix not in _MAGIC:
        raise ImageRefusedError(f"'{path}' is not an image a page can show ({_TYPES})",
                                f"save the picture as a {_TYPES} file and show that")
    try:
        data = read_inside(folder / path, folder)
    except FileNotFoundError:
        raise ImageRefusedError(f"the image '{path}' is not in the project folder",
                                "add the file, or correct the path: it is relative to the project folder") from None
    except FileRefusedError as refused:
        raise ImageRefusedError(f"the image {refused.message}", refused.hint) from None
    except OSError as exc:
        raise ImageRefusedError(f"cannot read the image '{path}': {exc.strerror or exc}",
                                "check the file's permissions") from None
    if suffix == ".svg":
        reason = svg_refusal(data)
        if reason:
            raise ImageRefusedError(f"the SVG image '{path}' {reason}, so it is not shown",
                                    "export the figure again as PNG, or as a plain SVG drawing without it")
    elif not _matches(suffix, data):
        raise ImageRefusedError(f"'{path}' is not a {suffix[1:].upper()} image, whatever its name says",
                                f"save the picture as a {_TYPES} file with the matching name")
    return data


def _matches(suffix: str, data: bytes) -> bool:
    if suffix == ".webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return data.startswith(_MAGIC[suffix])


# --- SVG: a drawing, nothing more -------------------------------------------

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_METADATA_NAMESPACES = frozenset({  # editors' bookkeeping, which browsers neither draw nor run
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/", "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/", "http://ns.adobe.com/Extensibility/1.0/", "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/Variables/1.0/", "http://ns.adobe.com/ImageReplacement/1.0/", "http://ns.adobe.com/Flows/1.0/",
    "http://ns.adobe.com/GenericCustomNamespace/1.0/", "http://ns.adobe.com/XPath/1.0/",
})
_DRAWING = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "textPath", "clipPath", "mask", "pattern", "marker",
    "linearGradient", "radialGradient", "stop", "filter", "image", "style", "view",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
    "feSpotLight", "feTile", "feTurbulence",
})
_RASTER_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
_URL = re.compile(r"url\(\s*([^)]*)\)", re.IGNORECASE)


def svg_refusal(data: bytes) -> str | None:
    """Why an SVG file may not be published, in words ('holds a <script> element'); None if it only draws."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered:
        return "declares a DOCTYPE or entities"
    if re.search(r"<\?(?!xml\s)", text):
        return "holds a processing instruction (such as a style sheet from elsewhere)"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        return f"is not well-formed XML ({exc})"
    if root.tag != f"{{{_SVG}}}svg":
        return "is not an SVG drawing (its outer element is not <svg>)"
    for element in root.iter():
        reason = _element_refusal(element)
        if reason:
            return reason
    return None


def _element_refusal(element: ElementTree.Element) -> str | None:
    namespace, name = _split(element.tag)
    if namespace == _SVG:
        if name not in _DRAWING:
            return f"holds a <{name}> element"
    elif namespace not in _METADATA_NAMESPACES:
        return f"holds a <{name}> element from outside SVG"
    for attribute, value in element.attrib.items():
        attribute_namespace, attribute_name = _split(attribute)
        if attribute_name.lower().startswith("on"):
            return f"has an event handler ({attribute_name})"
        squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
        if "javascript:" in squeezed or "vbscript:" in squeezed:
            return f"has a script link in '{attribute_name}'"
        if attribute_name == "href" and attribute_namespace in ("", _XLINK) and not _harmless_link(name, value):
            return f"links to '{value[:60]}' (only parts of the drawing itself, or embedded pictures, may be used)"
        if not _local_urls_only(value):
            return f"loads a resource from elsewhere in '{attribute_name}'"
    if namespace == _SVG and name == "style":
        css = "".join(element.itertext())
        if "@import" in css.lower() or not _local_urls_only(css):
            return "has a style sheet that loads a resource from elsewhere"
    return None


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _harmless_link(element: str, value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or (element == "image" and _RASTER_DATA.fullmatch(value) is not None)


def _local_urls_only(value: str) -> bool:
    return all(target.strip(" '\"").startswith("#") or _RASTER_DATA.fullmatch(target.strip(" '\""))
               for target in _URL.findall(value))
