"""Texts measured once a process, not once a chart.

matplotlib measures every text it draws (to align it) and keeps what it
measured only while that renderer lives: one chart, as each chart is saved
with a renderer of its own. The same tick labels, axis words and PDSA labels
recur on every chart of a site, so nine texts in ten were measured again.

What an SVG renderer measures depends only on the text, the fonts the
properties resolve to and the size (it measures unhinted at 72 dpi), so a
:class:`ChartFigure` drawn by an SVG renderer measures through a memo kept
for the process, keyed on the text, the font properties and matplotlib's
font settings. The numbers are matplotlib's own
(:class:`matplotlib.textpath.TextToPath`), so the SVG is the same, byte for
byte. A figure drawn by any other renderer (a PNG for slides) measures as
matplotlib always does.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from matplotlib import rcParams
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.textpath import TextToPath

_FONT_SETTINGS = ("font.family", "font.sans-serif", "font.serif", "font.monospace", "font.cursive", "font.fantasy",
                  "font.style", "font.variant", "font.weight", "font.stretch", "font.size", "mathtext.fontset",
                  "text.usetex")
MOST_KEPT = 100_000   # measurements a process keeps (~300 bytes each)
_MEASURED: dict[tuple, dict[tuple, tuple]] = {}   # by font settings: by ("text", text, *font) and ("heights", *font)


class ChartFigure(Figure):
    """A chart's figure: drawn to SVG, its texts are measured through the process's memo."""

    def draw(self, renderer) -> None:
        svg = getattr(renderer, "_renderer", renderer)   # (savefig wraps the SVG renderer in a MixedModeRenderer)
        if isinstance(svg, RendererSVG) and not isinstance(svg._text2path, _RememberingTextToPath):
            settings = tuple(str(cast(Any, rcParams)[name]) for name in _FONT_SETTINGS)
            known = _MEASURED.setdefault(settings, {})
            if len(known) > MOST_KEPT:   # (a long build of many sites' worth of distinct texts: start again)
                known.clear()
            svg._text2path = _RememberingTextToPath(known)
            svg._get_font_height_metrics = partial(_font_heights, known)   # type: ignore[attr-defined]
        super().draw(renderer)


def _font_heights(known: dict, prop: FontProperties) -> tuple[float | None, float | None, float | None]:
    """The font's ascent, descent and line gap at the text's size, as ``Text._get_layout`` works them
    out from the font's tables when its renderer offers no ``_get_font_height_metrics`` (an SVG
    renderer, drawing at 72 dpi): looked up in the font's files once a process, not once a text."""
    key = ("heights", *_font_key(prop))
    found = known.get(key)
    if found is None:
        found = (None, None, None)
        font: Any = get_font(fontManager._find_fonts_by_props(prop))
        for table_name, gap_key, ascent_key, descent_key in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                                             ("hhea", "lineGap", "ascent", "descent")):
            table = font.get_sfnt_table(table_name)
            if table is not None:
                dpi = 72   # (the figure's, while an SVG renderer draws it)
                scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * dpi / 72
                found = (table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale)
                break
        known[key] = found
    return found


def _font_key(prop: FontProperties) -> tuple:
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(), prop.get_stretch(),
            prop.get_size_in_points(), prop.get_file(), prop.get_math_fontfamily())


class _RememberingTextToPath(TextToPath):
    """TextToPath whose plain-text measurements are kept in ``known``."""

    def __init__(self, known: dict[tuple, tuple]):
        super().__init__()
        self.known = known

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath) -> tuple[float, float, float]:
        if ismath:   # (mathtext and TeX: measured as matplotlib measures them, each time)
            return super().get_text_width_height_descent(s, prop, ismath)
        key = ("text", s, *_font_key(prop))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = super().get_text_width_height_descent(s, prop, ismath)
        return found
