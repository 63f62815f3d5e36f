"""`qisite serve`'s Builder kept between builds (here in this process, as it is in the preview's build
process), told what changed as the watcher tells it: one build of NETWORK into OUTPUT, then EDITS story
edits of one project, each built and timed (wall, CPU, phases):

    python bench/kept_edits.py NETWORK OUTPUT [EDITS]

(bench/run.py times the whole of `qisite serve` over HTTP; this shows where an edit's time goes.)
"""

import sys
import time
from pathlib import Path

from run import probe_word

from qisite.buildcache import WatchedChanges
from qisite.builder_process import preview_builder


def main() -> None:
    root, output = Path(sys.argv[1]), Path(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    builder = preview_builder(root, output)
    build = builder.build
    first = build(None)
    print(f"first build {first.seconds:.2f} s, {first.pages_rendered} pages rendered")
    folders = sorted(p for p in (root / "projects").iterdir() if p.is_dir())
    story = folders[len(folders) // 3] / "story.md"
    try:
        for n in range(edits):
            story.write_text(story.read_text(encoding="utf-8") + f"\nEdit {probe_word()}.\n", encoding="utf-8")
            wall, cpu = time.perf_counter(), time.process_time()
            report = build(WatchedChanges([story], [root / "projects"]))
            print(f"edit {n + 1}: {time.perf_counter() - wall:.2f} s, cpu {time.process_time() - cpu:.2f} s, "
                  f"{report.pages_rendered} pages rendered; "
                  + ", ".join(f"{name} {seconds:.2f}" for name, seconds in report.phases.items()))
    finally:
        builder.close()


if __name__ == "__main__":
    main()
