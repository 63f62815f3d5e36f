"""How the qisite command ends (qisite.collector.exit_now): as any exit would for whoever watches it —
its code, its output flushed, its exit handlers run, a running thread waited for — only without freeing
a build's objects one by one. Run in a process of its own, as the command is."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(tmp_path)],
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_command_ends_with_its_code_its_output_flushed_and_its_exit_handlers_run(tmp_path):
    done = _run("""
        import atexit, sys
        from pathlib import Path
        from qisite import collector
        collector.ending_with_this_command()
        collector.leave_for_exit([object() for _ in range(1000)])
        atexit.register(lambda: Path(sys.argv[1], "handler-ran").write_text("yes"))
        sys.stdout.write("no line break at the end")
        sys.stderr.write("nor here")
        collector.exit_now(3)
        """, tmp_path)
    assert done.returncode == 3
    assert done.stdout == "no line break at the end" and done.stderr == "nor here"
    assert (tmp_path / "handler-ran").read_text() == "yes"


def test_the_command_waits_for_a_thread_still_running(tmp_path):
    done = _run("""
        import sys, threading, time
        from pathlib import Path
        from qisite import collector
        def late():
            time.sleep(0.5)
            Path(sys.argv[1], "thread-finished").write_text("yes")
        threading.Thread(target=late).start()
        collector.ending_with_this_command()
        collector.exit_now(4)
        """, tmp_path)
    assert done.returncode == 4, done.stderr
    assert (tmp_path / "thread-finished").read_text() == "yes"
