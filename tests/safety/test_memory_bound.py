"""A network of hostile inputs builds with bounded memory and time.

Before the limits, a 1 MB YAML file of aliases became a 1 GB page at 2.9 GB of
memory, a 1,000,000-row CSV built for 91 s at 2.8 GB, and an 18 MB story.md
(within the file-size limit) took 1.5 GB to render. Here every such input
sits in one network beside a good project; the build runs in a subprocess whose
peak resident memory (its own and its children's, from getrusage) must stay
under a generous bound. The figure measured when this test was written:
about 280 MB in 7 s on a shared 2-core machine (the good project alone: 84 MB).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from qisite.commands.new import write_scaffold

BOUND_MB = 1024

MEASURE = """\
measures:
  - id: main-outcome
    title: Seen
    type: outcome
    definition: Seen of referred.
    data: data/main-outcome.csv
    x: month
    y: seen
    n: referred
    chart: p
    period: month
    multiply: 100
  - id: by-group
    title: Seen by group
    type: process
    definition: Seen by group.
    data: data/by-group.csv
    x: month
    y: seen
    n: referred
    group: group
    reference_group: Group 0
    chart: p
    period: month
"""

MEASURE_RSS = """\
import json, resource, sys, time
from qisite.cli import main
started = time.perf_counter()
code = main(["build", "--workers", "1", sys.argv[1]])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"code": code, "peak_mb": peak / 1024, "seconds": time.perf_counter() - started}), file=sys.stderr)
"""


def hostile_network(root):
    (root / "site.yaml").write_text("title: Hostile inputs\n", encoding="utf-8")
    write_scaffold(root / "projects" / "good")
    laughs = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    bombs = {  # project → {file: text}
        "alias-bomb": {"fishbone.yaml": "\n".join(laughs) + "\neffect: x\ncategories: *a11\n"},
        "deep-nesting": {"pdsa.yaml": "cycles: " + "[" * 100_000 + "]" * 100_000 + "\n"},
        "million-rows": {"data/main-outcome.csv": "month,seen,referred\n" + "2024-01-01,20,40\n" * 1_000_000},
        "huge-groups": {"measures.yaml": MEASURE,
                        "data/by-group.csv": "month,group,seen,referred\n" + "".join(
                            f"2024-{m:02d}-01,Group {g},20,40\n" for g in range(20_000) for m in range(1, 5))},
        "huge-story": {"story.md": "# Story\n\n" + "A long story with *emphasis* and [links](#x). " * 400_000},
        "huge-plan": {"pdsa.yaml": "cycles:\n  - id: pdsa-1\n    title: T\n    change_idea: translated-leaflets\n"
                      "    start: 2024-01-01\n    prediction: Q\n    plan: " + "A plan with *emphasis*. " * 750_000 + "\n"},
        "long-story": {"story.md": "# Story\n\n" + "A story within the limits, with *emphasis* and [links](#x). " * 16_000},
        "many-cycles": {"pdsa.yaml": "cycles:\n" + "".join(
            f"  - id: pdsa-{i}\n    title: T\n    change_idea: translated-leaflets\n    start: 2024-01-01\n"
            f"    plan: P\n    prediction: Q\n" for i in range(20_000))},
    }
    for name, files in bombs.items():
        folder = root / "projects" / name
        write_scaffold(folder)
        for relative, text in files.items():
            (folder / relative).write_text(text, encoding="utf-8")


def test_a_network_of_hostile_inputs_builds_with_bounded_memory(tmp_path):
    hostile_network(tmp_path)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE_RSS, str(tmp_path)], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    measured = json.loads(result.stderr.strip().splitlines()[-1])
    print(f"peak {measured['peak_mb']:.0f} MB, {time.perf_counter() - started:.1f} s")
    assert measured["code"] == 0, result.stdout + result.stderr
    assert measured["peak_mb"] < BOUND_MB
    out = result.stdout
    assert (tmp_path / "_site" / "projects" / "good" / "index.html").is_file()
    for expected in ["projects/alias-bomb/fishbone.yaml", "more than the limit of 100,000",
                     "projects/deep-nesting/pdsa.yaml", "nests lists and mappings",
                     "projects/million-rows/data/main-outcome.csv", "more than 100,000 rows, the limit",
                     "projects/huge-groups/data/by-group.csv", "more than 50 groups",
                     "projects/many-cycles/pdsa.yaml", "20,000 PDSA cycles, more than the limit of 500",
                     "projects/huge-story/story.md:1", "projects/huge-plan/pdsa.yaml:7",
                     "Markdown text is longer than the limit of 1,024 KB"]:
        assert expected in out, expected
    assert (tmp_path / "_site" / "projects" / "long-story" / "index.html").is_file()  # long but within the limits
