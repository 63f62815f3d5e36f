"""Rebuild tests/golden/expected/ from the fixture network.

    python -m tests.golden.update      (from the repository root)

Builds ``tests/golden/network`` exactly as ``tests/test_golden_site.py`` does,
normalises it the same way (``tests/golden/snapshot.py``), and makes
``tests/golden/expected/`` hold exactly that: changed files rewritten, new ones
added, stale ones removed. Nothing is touched when the build fails. Review the
result with ``git diff tests/golden/expected`` before committing it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from .snapshot import EXPECTED, REPO, BuildFailedError, build_snapshot, differences, read_expected, write_expected


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qisite-golden-") as scratch:
        try:
            built = build_snapshot(Path(scratch), keep_cache=True)
        except BuildFailedError as failure:
            print(f"{failure}\ntests/golden/expected/ was not changed.", file=sys.stderr)
            return 1
    missing, new, changed = differences(read_expected(), built)
    write_expected(built)
    where = EXPECTED.relative_to(REPO).as_posix()
    if not (missing or new or changed):
        print(f"{where}/ is up to date ({len(built)} files, {time.perf_counter() - started:.1f} s)")
        return 0
    print(f"updated {where}/ in {time.perf_counter() - started:.1f} s: "
          f"{len(changed)} changed, {len(new)} new, {len(missing)} removed")
    for label, paths in (("changed", changed), ("new", new), ("removed", missing)):
        for path in paths:
            print(f"  {label:8} {path}")
    print(f"review it with: git diff --stat {where}; git diff {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
