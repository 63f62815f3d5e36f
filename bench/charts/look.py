"""Render the example network's charts to PNG (at the 760 px the page shows
them) for a look by eye: clutter, overlap, legibility.

    python3 bench/charts/look.py [OUT_DIR] [--only WORD …]

Each file is named PROJECT--CHART.png; the alt text, description and headline
of each chart are printed. PNGs come from the same Figure as the SVG (DejaVu
Sans instead of the page's system font).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from qisite.analysis import analyse_measure  # noqa: E402
from qisite.charts import chart_requests, figures, style  # noqa: E402
from qisite.load.network import load_network  # noqa: E402
from qisite.problems import Problems  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="/tmp/qisite-charts")
    ap.add_argument("--only", nargs="*", default=[])
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    style.apply()
    net = load_network(REPO, Problems())
    for project in net.projects:
        analyses = {m.id: analyse_measure(m) for m in project.measures}
        for r in chart_requests(project, analyses):
            name = f"{project.id}--{r.filename.removesuffix('.svg')}"
            if args.only and not any(w in name for w in args.only):
                continue
            figures.figure(r.spec).savefig(out / f"{name}.png", dpi=style.DPI)
            print(f"{name}.png\n  alt: {r.alt}\n  description: {r.description}"
                  + (f"\n  headline: {r.headline}" if r.headline else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
