"""Chart benchmarks (run by hand, not by the tests).

    python3 bench/charts/bench_charts.py [--repeat 5] [--copies 4]

One run reports, for the example network's charts:

1. the bare matplotlib floor: a 50-point line with three horizontal lines
   saved as SVG (Figure API, text as text), and the same through pyplot with
   matplotlib's default rcParams, for reference;
2. the mean cost per chart of qisite's drawing (spec → finished SVG text, in
   process, no cache), overall and per kind, as a ratio to the floor
   (target ≤ 1.5×);
3. the warm rebuild: ``draw_charts`` on unchanged charts, all in the cache
   (target < 1 ms per chart), and with ``chart_requests`` (planning and
   hashing) included;
4. the process pool: a cold draw of ``--copies`` × the network's charts with
   1 worker and with 2 (target ≥ 1.7× on 2 cores).

Exit status 0 when every target is met.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from qisite.analysis import analyse_measure  # noqa: E402
from qisite.charts import chart_requests, draw_charts, render  # noqa: E402
from qisite.charts import style  # noqa: E402
from qisite.load.network import load_network  # noqa: E402
from qisite.problems import Problems  # noqa: E402


def floor_figure_api() -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    fig = Figure(figsize=(style.WIDTH / style.DPI, style.HEIGHT / style.DPI), dpi=style.DPI)
    FigureCanvasSVG(fig)
    return _floor_svg(fig, fig.add_subplot())


def _floor_svg(fig, ax) -> str:
    """The floor's drawing: a 50-point line and three horizontal lines, saved as SVG."""
    rng = np.random.default_rng(1)
    ax.plot(np.arange(50), rng.normal(10, 2, 50))
    for v in (4, 10, 16):
        ax.axhline(v)
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue()


def floor_pyplot() -> str:
    import matplotlib
    import matplotlib.pyplot as plt
    with matplotlib.rc_context(matplotlib.rcParamsDefault):
        matplotlib.use("Agg")
        fig, ax = plt.subplots(figsize=(style.WIDTH / style.DPI, style.HEIGHT / style.DPI))
        svg = _floor_svg(fig, ax)
        plt.close(fig)
    return svg


def best_mean(fn, repeat: int, inner: int = 20) -> float:
    """Best of ``repeat`` runs of the mean over ``inner`` calls, in seconds."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        runs.append((time.perf_counter() - t) / inner)
    return min(runs)


def network_requests():
    net = load_network(REPO, Problems())
    out = []
    for p in net.projects:
        out += chart_requests(p, {m.id: analyse_measure(m) for m in p.measures})
    return net, out


def plan_all(net, analyses):
    out = []
    for p in net.projects:
        out += chart_requests(p, analyses[p.id])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args(argv)
    style.apply()
    import matplotlib
    print(f"python {sys.version.split()[0]}, matplotlib {matplotlib.__version__}, numpy {np.__version__}, "
          f"{os.cpu_count()} CPUs")

    floor = best_mean(floor_figure_api, args.repeat)
    floor_plt = best_mean(floor_pyplot, args.repeat)
    style.apply()
    print(f"\nfloor (50-point line + 3 horizontal lines → SVG): Figure API, text as text {floor * 1e3:.1f} ms; "
          f"pyplot, default rcParams {floor_plt * 1e3:.1f} ms")

    net, requests = network_requests()
    per_kind: dict[str, list[float]] = {}
    for r in requests:
        t = best_mean(lambda: render(r), max(1, args.repeat // 2), inner=3)
        per_kind.setdefault(r.kind, []).append(t)
    every = [t for ts in per_kind.values() for t in ts]
    mean = statistics.fmean(every)
    print(f"\n{len(requests)} charts of the example network; drawing cost per chart (spec → finished SVG):")
    print("| kind | charts | mean | ratio to floor |")
    print("|---|---:|---:|---:|")
    for kind, ts in per_kind.items():
        print(f"| {kind} | {len(ts)} | {statistics.fmean(ts) * 1e3:.1f} ms | {statistics.fmean(ts) / floor:.2f}× |")
    print(f"| **all** | {len(every)} | {mean * 1e3:.1f} ms | {mean / floor:.2f}× |")
    spc_mean = statistics.fmean(per_kind.get("spc", every))

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        draw_charts(requests, cache_dir=cache, workers=None)
        warm = best_mean(lambda: draw_charts(requests, cache_dir=cache, workers=None), args.repeat, inner=3)
        analyses = {p.id: {m.id: analyse_measure(m) for m in p.measures} for p in net.projects}
        warm_plan = best_mean(lambda: draw_charts(plan_all(net, analyses), cache_dir=cache, workers=None),
                              args.repeat, inner=1)
    print(f"\nwarm rebuild, all {len(requests)} charts cached: draw_charts {warm / len(requests) * 1e3:.3f} ms per chart; "
          f"with chart_requests from the analyses (planning, texts, hashing) {warm_plan / len(requests) * 1e3:.3f} ms per chart")

    batch = [dataclasses.replace(r, key=f"{r.key}-{i}") for i in range(args.copies) for r in requests]
    t = time.perf_counter()
    draw_charts(batch, cache_dir=None, workers=1)
    serial = time.perf_counter() - t
    t = time.perf_counter()
    draw_charts(batch, cache_dir=None, workers=2)
    pooled = time.perf_counter() - t
    print(f"\ncold draw of {len(batch)} charts: 1 worker {serial:.2f} s, 2 workers {pooled:.2f} s "
          f"→ {serial / pooled:.2f}× (pool start-up included)")

    ok = (mean / floor <= 1.5, warm / len(requests) < 1e-3, serial / pooled >= 1.7)
    print(f"\ntargets: mean ≤ 1.5× floor {'met' if ok[0] else 'NOT met'} ({mean / floor:.2f}×; SPC charts "
          f"{spc_mean / floor:.2f}×); warm < 1 ms/chart {'met' if ok[1] else 'NOT met'}; "
          f"pool ≥ 1.7× on 2 workers {'met' if ok[2] else 'NOT met'}")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
