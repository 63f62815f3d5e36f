"""Read structure back out of a chart's SVG (for golden structure tests)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

NS = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def uses(elem: ET.Element) -> list[tuple[float, float]]:
    """Marker positions: the (x, y) of every <use> under ``elem``."""
    return [(float(u.get("x")), float(u.get("y"))) for u in elem.iter(SVG + "use")]


def path_points(elem: ET.Element) -> list[tuple[float, float]]:
    pts = []
    for p in elem.iter(SVG + "path"):
        nums = re.findall(r"[ML] (-?[\d.]+) (-?[\d.]+)", p.get("d", ""))
        pts += [(float(a), float(b)) for a, b in nums]
    return pts


def texts(root: ET.Element) -> list[tuple[str, float, float]]:
    return [("".join(t.itertext()), float(t.get("x", 0)), float(t.get("y", 0))) for t in root.iter(SVG + "text")]


def y_scale(root: ET.Element):
    """value → SVG y, from the grid lines and the y tick labels (same order)."""
    grid = by_class(root, "qisite-grid")[0]
    ys = sorted({round(y, 3) for _, y in path_points(grid)}, reverse=True)   # bottom (low value) first
    labels = [(s, x, y) for s, x, y in texts(root) if 0 < x < 58 and re.fullmatch(r"[−\d.,%]+", s)]
    labels.sort(key=lambda t: -t[2])
    vals = [float(s.replace("−", "-").replace(",", "").rstrip("%")) for s, _, _ in labels]
    (v0, y0), (v1, y1) = (vals[0], ys[0]), (vals[-1], ys[len(vals) - 1])
    return lambda v: y0 + (v - v0) * (y1 - y0) / (v1 - v0)
