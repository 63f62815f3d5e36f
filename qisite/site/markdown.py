"""Markdown from teams, rendered safely: raw HTML off, unsafe links refused."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


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
