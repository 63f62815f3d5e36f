"""Markdown from teams, rendered safely: raw HTML off, unsafe links refused, and
no image loaded from anywhere: a page makes no request to another host (and
a team's story cannot track its readers), so an image on another host is shown
as a link to it, and any other image as its description."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def _image_as_link(renderer, tokens, index, options, env) -> str:
    token = tokens[index]
    source = str(token.attrGet("src") or "")
    words = escape(token.content or source or "image")
    if not _elsewhere(source) or not _md.validateLink(source):  # a project's own files are not copied into the site
        return f'<span class="image-not-shown">[image: {words}]</span>'
    return f'<a class="image-not-shown" href="{escape(source)}" rel="external">[image: {words}]</a>'


def _elsewhere(href: str) -> bool:
    """A link to another host (the site marks those rel="external")."""
    return href.startswith("//") or ":" in href.split("/", 1)[0]


def _link_open(renderer, tokens, index, options, env) -> str:
    token = tokens[index]
    if _elsewhere(str(token.attrGet("href") or "")):
        token.attrSet("rel", "external")
    return renderer.renderToken(tokens, index, options, env)


_md.add_render_rule("image", _image_as_link)
_md.add_render_rule("link_open", _link_open)


def render_markdown(text: str, heading_offset: int = 2) -> Markup:
    """HTML for a Markdown text; headings shifted down so a page keeps one <h1>."""
    if not text:
        return Markup("")
    tokens = _md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + heading_offset)
            token.tag = f"h{level}"
    return Markup(_md.renderer.render(tokens, _md.options, {}))
