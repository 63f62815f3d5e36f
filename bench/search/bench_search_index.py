#!/usr/bin/env python3
"""Size of the search index (assets/search-index.js) for a network of N projects, and of
its fragments (assets/search/<project>.js, one per project, loaded only for results shown).

    python3 bench/search/bench_search_index.py [--projects 1000]

The network is generated in memory from the example network: each project is
copied with a new id and title until there are N. Two vocabularies are
measured, because the index stores one vocabulary for the whole site:
  * shared: copies reuse the example's words (a network whose teams write
    about the same things in the same language);
  * distinct: in each copy every word of 6 letters or more gets a suffix
    unique to that copy, so the vocabulary grows with the network (far more
    distinct words than 1,000 real projects would use: a pessimistic bound).
The target (issue #9) is under 2 MB for 1,000 projects (the index; the fragments are
loaded a few at a time).
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from qisite.links import change_idea_library, group_by  # noqa: E402
from qisite.load.network import load_network  # noqa: E402
from qisite.model import Network  # noqa: E402
from qisite.problems import Problems  # noqa: E402
from qisite.site.search import search_fragment, search_script  # noqa: E402

LONG_WORD = re.compile(r"\b([A-Za-z]{6,})\b")


def _distinct(value, copy: int):
    """Every text field of a record (recursively) with long words made unique to this copy."""
    if isinstance(value, str):
        return LONG_WORD.sub(lambda m: f"{m.group(1)}{copy:x}", value)
    if isinstance(value, tuple):
        return tuple(_distinct(v, copy) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _distinct(getattr(value, f.name), copy) for f in dataclasses.fields(value)
                   if (f.init and f.name not in ("id", "change_idea", "measures", "equity_areas", "stage", "folder")
                   and isinstance(getattr(value, f.name), (str, tuple))) or dataclasses.is_dataclass(getattr(value, f.name))}
        return dataclasses.replace(value, **changes)
    return value


def generate(example: Network, count: int, distinct: bool) -> Network:
    projects = []
    for n in range(count):
        base = example.projects[n % len(example.projects)]
        copy = n // len(example.projects)
        project = _distinct(base, copy) if distinct and copy else base
        projects.append(dataclasses.replace(project, id=f"{base.id}-{n}", title=f"{project.title} ({n})"))
    return dataclasses.replace(example, projects=tuple(projects))


def size(network: Network) -> tuple[int, int]:
    """The index's bytes and all fragments' bytes."""
    projects = [SimpleNamespace(project=p, headline_text="", search=None) for p in network.projects]
    site = SimpleNamespace(network=network, projects=projects, library=change_idea_library(network), shared=[],
                           by_area=group_by(network.projects, lambda p: p.equity_areas))
    return (len(search_script(site).encode("utf-8")),  # type: ignore[arg-type]
            sum(len(search_fragment(data).encode("utf-8")) for data in projects))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=1000)
    args = parser.parse_args()
    example = load_network(ROOT, Problems())
    one, one_fragments = size(example)
    print(f"example network ({len(example.projects)} projects): {one:,} bytes (fragments {one_fragments:,})")
    worst = 0
    for distinct in (False, True):
        bytes_, fragments = size(generate(example, args.projects, distinct))
        worst = max(worst, bytes_)
        print(f"{args.projects} projects, {'distinct' if distinct else 'shared'} vocabulary: "
              f"{bytes_:,} bytes ({bytes_ / 1e6:.2f} MB); fragments {fragments:,} bytes")
    return 0 if worst < 2_000_000 or args.projects != 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
