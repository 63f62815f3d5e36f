"""Markdown from teams, rendered safely: raw HTML off, unsafe links refused, and
no image loaded from another host: a page makes no request to another host (and
a team's story cannot track its readers). An image on another host is shown as
a link to it; an image from the project's own folder, which the build copies
beside the page (:mod:`qisite.site.images`), is shown when the caller says where
the copies are (``images``); any other image as its description."""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from qisite.load.images import is_elsewhere, local_path

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def _image(renderer, tokens, index, options, env) -> str:
    token = tokens[index]
    source = str(token.attrGet("src") or "")
    words = escape(token.content or source or "image")
    own = local_path(source)
    if own is not None and env.get("images") is not None:
        return f'<img src="{escape(posixpath.join(env["images"], quote(own)))}" alt="{escape(token.content)}" loading="lazy">'
    if not is_elsewhere(source) or not _md.validateLink(source):
        return f'<span class="image-not-shown">[image: {words}]</span>'
    return f'<a class="image-not-shown" href="{escape(source)}" rel="external">[image: {words}]</a>'


def _link_open(renderer, tokens, index, options, env) -> str:
    token = tokens[index]
    if is_elsewhere(str(token.attrGet("href") or "")):
        token.attrSet("rel", "external")
    return renderer.renderToken(tokens, index, options, env)


_md.add_render_rule("image", _image)
_md.add_render_rule("link_open", _link_open)


@functools.lru_cache(maxsize=4096)
def render_markdown(text: str, heading_offset: int = 2, images: str | None = None) -> Markup:
    """HTML for a Markdown text; headings shifted down so a page keeps one <h1>. ``images`` is the
    link from the page to the folder holding the project's copied images (None: show none).
    Remembered (a pure function of its arguments): a change idea's description and a project's
    summary are on many pages, and ``qisite serve`` renders the same pages again at each edit."""
    if not text:
        return Markup("")
    tokens = _md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + heading_offset)
            token.tag = f"h{level}"
    return Markup(_md.renderer.render(tokens, _md.options, {"images": images}))
