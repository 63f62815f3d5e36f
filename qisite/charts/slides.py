"""A chart as a PNG for slides: the figure rasterised large, with its title above it and
its source line (the download's provenance) below, inside the image.

A slide is projected, pasted into a board paper or a poster, and travels without the page:
so the image carries what a reader needs to know where it comes from. It is drawn from the
same figure as the SVG (it shows exactly what the SVG shows), in the light colours, at
``WIDTH`` pixels wide (a full-HD projector's width). The PNG's bytes depend only on its
inputs: matplotlib's "Software" text chunk is left out, so a rebuild writes the same file.
"""
from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave

from . import style

WIDTH = 1920                # pixels: a full-HD projector
PAD = 48                    # pixels around the content
TITLE_PX = 40               # title text height, pixels
SOURCE_PX = 22              # source lines' text height, pixels
GAP = 28                    # between title, chart and source
TITLE_CHARS = 78            # characters a title line holds at TITLE_PX on WIDTH - 2·PAD (DejaVu Sans)
SOURCE_CHARS = 150
_DPI = 100.0
COMPRESSION = 6            # zlib level of the PNG


@dataclass(frozen=True)
class SlideText:
    """The words a slide carries: its title lines and its source lines (already wrapped)."""

    title: tuple[str, ...]
    source: tuple[str, ...]


def slide_text(title: str, provenance: list[str]) -> SlideText:
    """The title, wrapped to the slide's width, and the source: the download's provenance
    (qisite.site.provenance.provenance_lines), one fact a line, each wrapped."""
    title_lines = tuple(textwrap.wrap(" ".join(title.split()), TITLE_CHARS)) or ("Chart",)
    source = tuple(part for line in provenance for part in textwrap.wrap(" ".join(line.split()), SOURCE_CHARS))
    return SlideText(title_lines, source)


def _pt(pixels: float) -> float:
    return pixels * 72.0 / _DPI


def _raster(fig: Figure) -> np.ndarray:
    """The figure drawn by Agg at its dpi: rows × columns × RGB."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3]


def _lines(lines: tuple[str, ...], pixels: float, step: int, **options) -> np.ndarray:
    """A strip WIDTH wide holding ``lines`` of text ``pixels`` high, one every ``step`` pixels."""
    height = step * len(lines)
    strip = Figure(figsize=(WIDTH / _DPI, height / _DPI), dpi=_DPI, facecolor="white")
    for n, line in enumerate(lines):
        strip.text(PAD / WIDTH, 1 - n * step / height, line, ha="left", va="top", fontsize=_pt(pixels), **options)
    return _raster(strip)


def slide_png(make_figure: Callable[[], Figure], title: str, provenance: list[str]) -> bytes:
    """The PNG bytes of a slide of the chart ``make_figure`` draws (in the shared style): the title, the
    chart and the source, each drawn on its own and stacked (a composing figure would resample the chart)."""
    text = slide_text(title, provenance)
    with matplotlib.rc_context(style.RC):
        chart = make_figure()
        chart.set_dpi((WIDTH - 2 * PAD) / chart.get_figwidth())   # the kit draws in page pixels: the same drawing, larger
        drawn = _raster(chart)
        title_strip = _lines(text.title, TITLE_PX, round(TITLE_PX * 1.3), fontweight="bold", color=style.INK)
        source_strip = _lines(text.source, SOURCE_PX, round(SOURCE_PX * 1.45), color=style.MUTED)
    chart_strip = np.full((drawn.shape[0], WIDTH, 3), 255, dtype=np.uint8)
    left = (WIDTH - drawn.shape[1]) // 2
    chart_strip[:, left:left + drawn.shape[1]] = drawn
    top, gap = np.full((PAD, WIDTH, 3), 255, dtype=np.uint8), np.full((GAP, WIDTH, 3), 255, dtype=np.uint8)
    image = np.vstack([top, title_strip, gap, chart_strip, gap, source_strip, top])
    out = io.BytesIO()
    imsave(out, image, format="png", metadata={"Software": None},   # type: ignore[dict-item]  # None: no Software chunk
           pil_kwargs={"compress_level": COMPRESSION})
    return out.getvalue()
