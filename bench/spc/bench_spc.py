"""Benchmark: SPC limits + special-cause rules on 1,000 and 100,000 points,
qisite against the Python peers in one run.

    python3 bench/spc/bench_spc.py [--sizes 1000 100000] [--repeat 5]

Peers (optional, never dependencies of qisite; install them only to run this):
    pip install abspc==1.1.0 clinical-qikit==0.5.0
A peer that is not installed is skipped, and the output says so.

Each case times the best of --repeat runs (after one warm-up) of the whole
"limits + rules" computation from in-memory arrays: no plotting, no I/O.
Input conversion for a peer (numpy → pandas DataFrame) happens outside the
timer. Target: 100,000 points in < 0.1 s and ≥ 10× faster than the fastest peer.
"""
from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from qisite.spc import analyse  # noqa: E402

TARGET_SECONDS = 0.1
TARGET_RATIO = 10.0


def best_of(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def make_data(size: int, seed: int = 20240101) -> dict:
    rng = np.random.default_rng(seed)
    n = rng.integers(50, 500, size)
    return {"y": rng.normal(100.0, 10.0, size), "n": n, "count": rng.binomial(n, 0.2)}


def peer_modules() -> dict:
    found, missing = {}, []
    for label, module in (("abspc 1.1.0", "abspc"), ("clinical-qikit 0.5.0", "qikit")):
        try:
            found[label] = importlib.import_module(module)
        except ImportError:
            missing.append(label)
    for label in missing:
        print(f"peer {label}: not installed — skipped (pip install it to compare)")
    return found


def cases(data: dict, peers: dict) -> list[tuple[str, object, dict]]:
    """(case name, qisite callable, {peer: callable})."""
    y, n, count = data["y"], data["n"], data["count"]
    out = []
    peer_i, peer_i_nhs, peer_p = {}, {}, {}
    if "abspc 1.1.0" in peers:
        import pandas as pd
        abspc = peers["abspc 1.1.0"]
        df_i = pd.DataFrame({"value": y})
        df_p = pd.DataFrame({"value": n, "num": count})
        peer_i_nhs["abspc 1.1.0"] = lambda: abspc.detect_special_causes(
            abspc.calculate_control_limits(df_i, "i"))
        peer_p["abspc 1.1.0"] = lambda: abspc.detect_special_causes(
            abspc.calculate_control_limits(df_p, "p", numerator_col="num"))
    if "clinical-qikit 0.5.0" in peers:
        qikit = peers["clinical-qikit 0.5.0"]
        peer_i["clinical-qikit 0.5.0"] = lambda: qikit.qic(y=y, chart="i")
        peer_p["clinical-qikit 0.5.0"] = lambda: qikit.qic(y=count, n=n, chart="p")
    # Every case is compared with every installed peer's nearest computation
    # (abspc only implements its Making Data Count rules, qikit its qicharts2
    # port), so the "fastest peer" ratio is the conservative one.
    peer_i_all = {**peer_i, **peer_i_nhs}
    out.append(("i chart, anhoej rules", lambda: analyse(y, chart="i"), peer_i_all))
    out.append(("i chart, nhs rules", lambda: analyse(y, chart="i", rules="nhs"), peer_i_all))
    out.append(("p chart, anhoej rules", lambda: analyse(count, n, chart="p"), peer_p))
    out.append(("p chart, nhs rules", lambda: analyse(count, n, chart="p", rules="nhs"), peer_p))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"{platform.machine()}, {platform.processor() or 'cpu'}")
    peers = peer_modules()
    rows, ok = [], True
    for size in args.sizes:
        data = make_data(size)
        for name, ours, theirs in cases(data, peers):
            t_ours = best_of(ours, args.repeat)
            peer_times = {label: best_of(fn, args.repeat) for label, fn in theirs.items()}
            fastest = min(peer_times.items(), key=lambda kv: kv[1]) if peer_times else None
            ratio = fastest[1] / t_ours if fastest else float("nan")
            rows.append((size, name, t_ours, peer_times, fastest, ratio))
            if size >= 100000:
                ok &= t_ours < TARGET_SECONDS and (not fastest or ratio >= TARGET_RATIO)
    print()
    print(f"{'points':>7}  {'case':<22} {'qisite':>10}  {'fastest peer':<22} {'peer':>10} {'ratio':>7}")
    for size, name, t, peer_times, fastest, ratio in rows:
        peer = f"{fastest[0]}" if fastest else "(none installed)"
        pt = f"{fastest[1] * 1000:8.2f}ms" if fastest else "-"
        r = f"{ratio:6.1f}×" if fastest else "-"
        print(f"{size:>7}  {name:<22} {t * 1000:8.2f}ms  {peer:<22} {pt:>10} {r:>7}")
        for label, pt_all in peer_times.items():
            if not fastest or label != fastest[0]:
                print(f"{'':>7}  {'':<22} {'':>10}  {label:<22} {pt_all * 1000:8.2f}ms "
                      f"{pt_all / t:6.1f}×")
    verdict = "met" if ok else "NOT met"
    print(f"\ntarget (100,000 points < {TARGET_SECONDS}s and ≥ {TARGET_RATIO:g}× the fastest peer): {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
