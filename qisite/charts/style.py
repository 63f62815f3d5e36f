"""The one shared style of every qisite chart: sizes, colours, fonts.

Bump ``STYLE_VERSION`` when the look changes: it is part of every chart's
cache key, with a hash of this package's source and matplotlib's version, so
old drawings are never reused.

Colours are Okabe & Ito's colour-blind-safe palette (Okabe & Ito 2008,
"Color Universal Design"); meaning is also carried by marker shape, so charts
read in greyscale print. Improvement is blue and concern orange, as in NHS
England's *Making Data Count*; neutral special causes are grey.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

STYLE_VERSION = "5"

# --- geometry: the page shows charts ~760 px wide; one SVG unit = one px there
WIDTH = 760.0
HEIGHT = 340.0
DPI = 72.0                     # 1 pt = 1 px: figure units are page pixels
MARGIN_LEFT = 58.0
MARGIN_RIGHT = 62.0            # room for the CL / limit value labels
MARGIN_BOTTOM = 40.0           # two-line date labels
KEY_ROW = 20.0                 # unit label (left) and symbol key (right)
PDSA_LANE = 26.0               # numbered PDSA markers above the plot

FONT_STACK = ('system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", '
              'Arial, "Noto Sans", "Liberation Sans", sans-serif')
FONT_SIZE = 12.0
SMALL = 11.0
TINY = 10.0

# --- Okabe–Ito (its yellow is left out: too faint on white)
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"

INK = "#222222"                # text
DATA = "#3B3B3B"               # the data line and ordinary points
GRID = "#E6E6E6"
MUTED = "#6E6E6E"              # limits, axes, secondary text
EXCLUDED = "#B3B3B3"
BASELINE_FILL = "#F2F2F2"
PDSA = "#5A3E85"               # PDSA markers: distinct from every meaning colour
PART_BREAK = "#8C8C8C"
TARGET = GREEN

IMPROVEMENT = BLUE
CONCERN = VERMILLION           # Okabe–Ito's dark orange: reads in print
NEUTRAL = "#7F7F7F"

# --- the page's light/dark theme: an inline chart names each colour as a CSS
# variable whose fallback is the literal colour (templates/static/site.css sets
# the dark values); a downloaded SVG keeps the literal colours (svg.literal_colours).
# (property, colour as matplotlib writes it) → variable. Text keeps white (PDSA
# numbers sit on a purple disc) and the PDSA disc keeps its fill.
THEMED = {
    ("fill", "#ffffff"): "--qc-paper",       # the figure, excluded points, label backgrounds
    ("stroke", "#ffffff"): "--qc-paper",     # the halo round signal and PDSA markers
    ("fill", INK.lower()): "--qc-ink",
    ("stroke", INK.lower()): "--qc-ink",
    ("fill", DATA.lower()): "--qc-data",
    ("stroke", DATA.lower()): "--qc-data",
    ("fill", MUTED.lower()): "--qc-muted",
    ("stroke", MUTED.lower()): "--qc-muted",
    ("stroke", GRID.lower()): "--qc-grid",
    ("fill", GRID.lower()): "--qc-grid",      # the band of a period with no data
    ("fill", BASELINE_FILL.lower()): "--qc-fill",
    ("stroke", BLACK): "--qc-reference",
    ("fill", BLACK): "--qc-reference",
    ("fill", BLUE.lower()): "--qc-blue",
    ("stroke", BLUE.lower()): "--qc-blue",
    ("fill", VERMILLION.lower()): "--qc-vermillion",
    ("stroke", VERMILLION.lower()): "--qc-vermillion",
    ("fill", GREEN.lower()): "--qc-green",
    ("stroke", GREEN.lower()): "--qc-green",
    ("stroke", PDSA.lower()): "--qc-pdsa",
}

# text in a palette colour (direct labels of groups, target and limits) needs 4.5:1 on the
# page, which the palette's light colours do not give: on a page it takes a text shade
THEMED_TEXT = {colour.lower(): f"--qc-text-{name}" for colour, name in (
    (GREEN, "green"), (VERMILLION, "vermillion"), (BLUE, "blue"), (PURPLE, "purple"), (SKY, "sky"),
    (ORANGE, "orange"))}

MEANING_COLOUR = {"improvement": IMPROVEMENT, "concern": CONCERN, "neutral": NEUTRAL}
MEANING_MARKER = {"improvement": "o", "concern": "s", "neutral": "D"}
MEANING_SIZE = {"improvement": 7.5, "concern": 7.0, "neutral": 6.5}
MEANING_WORD = {"improvement": "Improvement", "concern": "Concern", "neutral": "Special cause"}

# groups of a stratified measure: the reference group is black and heavier
GROUP_COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, SKY, ORANGE)
GROUP_MARKERS = ("o", "s", "^", "D", "v", "P")
REFERENCE_COLOUR = BLACK

RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "qisite",
    "svg.image_inline": True,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],   # used only to measure text; the SVG names FONT_STACK
    "font.size": FONT_SIZE,
    "axes.linewidth": 0.8,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "xtick.major.size": 3.5,
    "ytick.major.size": 0,
    "lines.solid_capstyle": "butt",
    "path.simplify": True,
    "axes.unicode_minus": True,
    "text.parse_math": False,  # team-written text: "$" is a dollar sign, never the start of maths
    "text.usetex": False,
}


def apply() -> None:
    """Set the shared rcParams (in this process; each pool worker calls it)."""
    import matplotlib

    matplotlib.rcParams.update(RC)
