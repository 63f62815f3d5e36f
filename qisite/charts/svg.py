"""Figure → SVG text ready to inline in an HTML page.

matplotlib writes a standalone file; the page needs: no XML prolog or
doctype, no metadata, a root ``<svg>`` that scales (``width="100%"`` and a
viewBox) with ``role="img"`` and ``aria-labelledby`` pointing at ``<title>``
and ``<desc>``, ids unique to the chart (several charts share a page), the
``qisite-…`` gids as classes, CSS scoped to the chart (matplotlib's ``*{…}``
rule would otherwise style the whole page), text in the page's system font
stack, in-page PDSA links without ``target="_blank"``, and colours that
follow the page's light/dark theme (``style.THEMED``: each a CSS variable with
the literal colour as its fallback; ``literal_colours`` undoes it for a
standalone download, which no page styles).
"""
from __future__ import annotations

import functools
import io
import re
from html import escape, unescape

from . import style

_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')
_QISITE_ID = re.compile(r'<g id="(qisite-[^"]*)"')
_ID = re.compile(r' id="([^"]+)"')
_REF = re.compile(r'(xlink:href="#|url\(#)([^")]+)')
_FONT = re.compile(r"font-family: [^;\"]*(; )?")
_GEOMETRY = re.compile(r'(\s(?:d|x|y|x1|x2|y1|y2|width|height|transform|points)=")([^"]*)"')
_DECIMALS = re.compile(r"(?<=\d\.\d\d)\d+")      # 0.01 px is plenty
_BLANK = re.compile(r' target="_blank"')
_LINK = re.compile(r'<a xlink:href="([^"]*)">')
# a tag up to its style attribute (attributes skipped whole: a path's data is read once, not tried at
# every character), its name, and the style's text
_STYLED_TAG = re.compile(r'(<(\w+)(?:\s+[\w:-]+="[^"]*")*?\s+style=")([^"]*)"')
_COLOUR = re.compile(r"\b(fill|stroke): (#[0-9a-f]{6})\b")
_THEMED = re.compile(r"var\(--qc-[a-z-]+, (#[0-9a-f]{6})\)")
_TIPS = re.compile(r'<g id="qisite-tips-(\d+)-r([\d.]+)-i([\d.]+)-at([-\d., ]*)"/>')
_EVENT = re.compile(r'<g id="qisite-event-(\d+)">')


def figure_svg(fig) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG  # imported only to draw

    FigureCanvasSVG(fig)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return buf.getvalue()


def finish(raw: str, *, prefix: str, title: str, description: str, kind: str,
           link_labels: dict[str, str] | None = None, tips: dict[str, str] | None = None,
           events: dict[str, str] | None = None) -> str:
    """Post-process matplotlib's SVG (see the module docstring). ``tips``: each point's
    details by ``"<panel>-<index>"`` (``draw.point_targets`` placed its target);
    ``events``: each event marker's words by its number."""
    s = _PROLOG.sub("", raw, count=1)
    s = _points(s, tips or {})
    s = _EVENT.sub(lambda m: (f'<g class="qisite-event"><title>{escape((events or {}).get(m.group(1), ""))}</title>'
                              if (events or {}).get(m.group(1)) else '<g class="qisite-event">'), s)
    if "<metadata>" in s:
        s = _METADATA.sub("", s)
    s = _BLANK.sub("", s)
    s = _QISITE_ID.sub(r'<g class="\1"', s)
    s = _unique_ids(s, prefix)
    s = _FONT.sub("", s)
    s = _GEOMETRY.sub(_geometry, s)
    s = s.replace("*{stroke-linejoin: round; stroke-linecap: butt}",
                  f".{prefix} *{{stroke-linejoin:round;stroke-linecap:butt}}"
                  f".{prefix} text{{font-family:{style.FONT_STACK}}}"
                  f".{prefix} .qisite-point{{pointer-events:all;cursor:pointer;outline:none}}"
                  f".{prefix} .qisite-point:hover circle,.{prefix} .qisite-point:focus circle"
                  f"{{stroke:currentColor;stroke-width:2px}}"
                  f".{prefix} .qisite-point:focus-visible circle{{stroke-width:3px}}")
    s = _STYLED_TAG.sub(_theme_tag, s)
    labels = link_labels or {}
    s = _LINK.sub(lambda m: _link(unescape(m.group(1)), labels), s)
    viewbox = _VIEWBOX.search(s)
    if viewbox is None:
        raise ValueError("matplotlib wrote an SVG without a viewBox")
    view = viewbox.group(1)
    role = "group" if "<a href=" in s or 'class="qisite-point"' in s else "img"  # an image may not hold links or
    # focusable points (WAI-ARIA: its children are presentational); a group may
    root = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'viewBox="{view}" width="100%" role="{role}" class="qisite-chart qisite-chart-{kind} {prefix}" '
            f'aria-labelledby="{prefix}-title {prefix}-desc" style="max-width:100%;height:auto">'
            f'<title id="{prefix}-title">{escape(title)}</title>'
            f'<desc id="{prefix}-desc">{escape(description)}</desc>')
    return _ROOT.sub(lambda m: root, s, count=1).strip() + "\n"


def _points(s: str, tips: dict[str, str]) -> str:
    """Each point's target (a position in the id of ``draw.point_targets``'s placeholder) → a focusable group
    named by its details (``<title>``: hover without script, screen readers). One tab stop
    per chart (the first point; site.js moves it with the arrow keys — a roving tabindex),
    not one per point."""
    first = [True]

    def point(key: str, radius: str, spot: str) -> str:
        tip = tips.get(key, "")
        if not tip:
            return ""
        stop = "0" if first[0] else "-1"
        first[0] = False
        x, y = spot.split(",")
        return (f'<g class="qisite-point" tabindex="{stop}" role="img"><title>{escape(tip)}</title>'
                f'<circle cx="{float(x):.2f}" cy="{float(y):.2f}" r="{radius}" fill="none" stroke="none"/></g>')

    def line(m: re.Match) -> str:
        panel, radius, indices = m.group(1), m.group(2), m.group(3).split(".")
        spots = m.group(4).split(" ") if m.group(4) else []
        space = m.string[m.string.rfind("\n", 0, m.start()):m.start()]     # the group's own indentation
        if len(spots) != len(indices):       # a point placed away: no target rather than a misplaced one
            return ""
        return space.join(point(f"{panel}-{index}", radius, spot) for index, spot in zip(indices, spots))

    return _TIPS.sub(line, s)


def _geometry(m: re.Match) -> str:
    """A geometry attribute's numbers cut to two decimals; a path's data on one line."""
    value = _DECIMALS.sub("", m.group(2))
    if "\n" in value[:-1]:         # (matplotlib ends a path's data with a line break, kept)
        value = value[:-1].replace(" \n", " ").replace("\n", " ") + value[-1]
    return f'{m.group(1)}{value}"'


def _theme_tag(m: re.Match) -> str:
    """One tag's colours (in its style) as theme variables."""
    return f"{m.group(1)}{_themed_style(m.group(2) == 'text', m.group(3))}\""


@functools.lru_cache(maxsize=4096)
def _themed_style(is_text: bool, declarations: str) -> str:
    """A style's colours as theme variables (white text stays white: it sits on a PDSA disc). A chart's
    few hundred styled tags share a few dozen styles: each is worked out once."""

    def swap(c: re.Match) -> str:
        prop, colour = c.group(1), c.group(2)
        name = (style.THEMED_TEXT.get(colour) if is_text and prop == "fill" else None) or style.THEMED.get((prop, colour))
        if name is None or (is_text and colour == "#ffffff"):
            return c.group(0)
        return f"{prop}: var({name}, {colour})"

    return _COLOUR.sub(swap, declarations)


def literal_colours(svg: str) -> str:
    """A chart with its theme variables back to literal colours (a file no page styles)."""
    return _THEMED.sub(r"\1", svg)


def _link(href: str, labels: dict[str, str]) -> str:
    label = labels.get(href)
    aria = f' aria-label="{escape(label)}"' if label else ""
    tip = f"<title>{escape(label)}</title>" if label else ""
    return f'<a href="{escape(href)}" xlink:href="{escape(href)}"{aria}>{tip}'


def _unique_ids(s: str, prefix: str) -> str:
    """Drop matplotlib's ids nobody refers to; prefix the referenced ones."""
    defined = {m.group(1) for m in _ID.finditer(s)}
    refs = {m.group(2) for m in _REF.finditer(s)} & defined

    def fix_id(m):
        name = m.group(1)
        return f' id="{prefix}-{name}"' if name in refs else ""

    s = _ID.sub(fix_id, s)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}" if m.group(2) in refs else m.group(0), s)
