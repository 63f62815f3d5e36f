#!/usr/bin/env python3
"""Write the illustrative CSV data of the example network's partner source,
partners/projects/*/data/ (site.yaml's ``sources:``).

The two partner teams and their organisations are FICTIONAL, and so is every
figure: they are there to show a change idea spreading across organisations
(East India ward's post-incident flow chart → Willow ward → Harbour House).
Deterministic (fixed seeds, no clock). Run from anywhere:
python3 scripts/example_partners.py [--out DIR]
The dates the YAML files name (PDSA cycles, parts) must stay consistent with this script.
"""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTNERS = ROOT / "partners" / "projects"

_spec = importlib.util.spec_from_file_location("example_network", ROOT / "scripts" / "example_network.py")
assert _spec is not None and _spec.loader is not None
_network = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_network)
binom, iso, months, poisson, steps, write_csv = (_network.binom, _network.iso, _network.months, _network.poisson,
                                                  _network.steps, _network.write_csv)


def willow_ward(base: Path) -> None:
    """Racist incidents per fortnight on Willow ward, Oct 2020 - Feb 2022: about 2.5 a fortnight in
    the 14 fortnights before the flow chart (first tested 10 May 2021), about 1 after. Monthly:
    incidents followed by a same-day debrief with the person harmed."""
    rng = random.Random(2101)
    fns = steps("2020-10-26", 35, 14)
    counts = [3, 2, 3, 2, 3, 2, 2, 4, 3, 2, 1, 3, 2, 3] + [poisson(rng, 1.0) for _ in range(21)]
    write_csv(base / "data/incidents.csv", ["fortnight", "incidents"], [[iso(d), c] for d, c in zip(fns, counts)])
    rows = []
    for i, d in enumerate(months("2021-03", 12)):
        n = 4 + (i % 3) if i < 2 else 2 + (i % 2)
        rows.append([iso(d), binom(rng, n, 0.3 if i < 2 else 0.9), n])
    write_csv(base / "data/debriefs.csv", ["month", "debriefed_same_day", "incidents"], rows)


def harbour_house(base: Path) -> None:
    """Racist abuse of staff on home visits reported per month, Feb 2021 - Mar 2023 (reports rise
    after the pocket card, as staff learn to report); reports followed up within a week, monthly:
    about one in three in the 12 months before the card (first tested 17 Jan 2022), most after."""
    rng = random.Random(2202)
    ms = months("2021-02", 26)
    reports = [2, 1, 2, 3, 1, 2, 2, 1, 3, 2, 1, 2] + [3, 4, 3, 4, 5, 4, 3, 4, 4, 3, 4, 3, 3, 4]
    write_csv(base / "data/reports.csv", ["month", "reports"], [[iso(d), r] for d, r in zip(ms, reports)])
    rows = []
    for i, (d, r) in enumerate(zip(ms, reports)):
        rows.append([iso(d), binom(rng, r, 0.35 if i < 12 else 0.85), r])
    write_csv(base / "data/follow-up.csv", ["month", "followed_up", "reports"], rows)


GENERATORS = {
    "willow-ward-racist-incidents": willow_ward,
    "harbour-house-home-visits-racism": harbour_house,
}


def generate(out: Path = PARTNERS) -> None:
    for pid, fn in GENERATORS.items():
        fn(Path(out) / pid)


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PARTNERS)
    generate(parser.parse_args().out)
