"""One build of NETWORK into OUTPUT, as `qisite build` runs it (a new process: imports included), with
its wall and CPU time, peak memory and time by phase (qisite byte-compiled first, as ``pip install``
leaves it). Run it after an edit to time that edit:

    python bench/phases.py NETWORK OUTPUT [WORKERS]
"""

import resource
import sys
import time
from pathlib import Path

from run import compile_qisite

compile_qisite()   # as an installed qisite is: its import timed, not its compilation
started = time.perf_counter()
from qisite import collector  # noqa: E402  (the import is part of what is timed)
from qisite.build import build  # noqa: E402

collector.ending_with_this_command()   # as the qisite command does (qisite.cli.run)

imported = time.perf_counter() - started


def main() -> None:
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    report = build(Path(sys.argv[1]), Path(sys.argv[2]), workers or None)
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    print(f"wall {time.perf_counter() - started:.2f} s  cpu {cpu:.2f} s  import {imported:.2f} s  "
          f"peak RSS {me.ru_maxrss / 1024:.0f} MB + worker {children.ru_maxrss / 1024:.0f} MB")
    print("  ", ", ".join(f"{name} {seconds:.2f}" for name, seconds in report.phases.items()))
    print(f"   analysed {report.projects_analysed}, rendered {report.pages_rendered}, written {report.pages_written}, "
          f"drawn {report.charts_drawn}, problems {len(report.problems)}")


if __name__ == "__main__":
    main()
    collector.exit_now(0)   # as the qisite command ends
