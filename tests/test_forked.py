"""qisite.forked: work done in a forked process beside the build, or in line where forking is unsafe.

Each forking case runs in a fresh interpreter: the test process may hold threads of earlier tests (a
browser's, a server's), and with any thread alive qisite rightly does the work in line instead."""

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from qisite.forked import Forked

needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="qisite forks on Linux only")


PRELUDE = """
from qisite.forked import Forked, ForkedWorkError, can_fork
assert can_fork()

def raised_by(work, kind):
    try:
        Forked(work).result()
    except kind as error:
        return error
    raise AssertionError(f"{kind.__name__} not raised")
"""


def in_a_fresh_process(body: str) -> None:
    """Run ``body`` (asserting what it must) in a new interpreter with no thread but its own."""
    script = PRELUDE + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_linux
def test_the_work_runs_in_another_process_and_its_value_comes_back():
    in_a_fresh_process("""
        import os
        work = Forked(lambda: (os.getpid(), list(range(200_000))))   # larger than a pipe's buffer
        pid, numbers = work.result()
        assert pid != os.getpid() and numbers == list(range(200_000))
        assert work.result()[0] == pid   # asked again: the same value, not the work again
    """)


@needs_linux
def test_what_the_work_raises_is_raised_here():
    in_a_fresh_process("""
        from qisite.problems import QisiteError
        def fail():
            raise QisiteError("site.yaml: 'title' is required", "add a title")
        raised = raised_by(fail, QisiteError)
        assert str(raised) == "site.yaml: 'title' is required" and raised.hint == "add a title"
    """)


@needs_linux
def test_a_located_error_keeps_its_place_and_hint():
    in_a_fresh_process("""
        from pathlib import Path
        from qisite.problems import InputError, Location
        where = Location(Path("projects/a/measures.yaml"), 12, 3)
        def fail():
            raise InputError(where, "column 'n' is not in data/wait.csv", "add the column, or remove 'n:'")
        raised = raised_by(fail, InputError)
        assert (raised.where, raised.message, raised.hint) == (
            where, "column 'n' is not in data/wait.csv", "add the column, or remove 'n:'")
        assert str(raised).startswith("projects/a/measures.yaml:12:3: error: column 'n'")
    """)


@needs_linux
def test_an_exception_that_cannot_be_sent_back_arrives_as_text():
    in_a_fresh_process("""
        def fail():
            class LocalError(Exception):   # defined in a function: pickle cannot name it
                pass
            raise LocalError("the reason")
        assert "the reason" in str(raised_by(fail, ForkedWorkError))
    """)


@needs_linux
def test_a_child_killed_mid_work_is_an_error_not_a_hang():
    in_a_fresh_process("""
        import os
        assert "no readable result" in str(raised_by(lambda: os.kill(os.getpid(), 9), ForkedWorkError))
    """)


@needs_linux
def test_close_stops_work_nobody_will_wait_for():
    in_a_fresh_process("""
        import os, time
        work = Forked(lambda: time.sleep(60))
        started = time.monotonic()
        work.close()
        assert time.monotonic() - started < 5
        try:
            work.result()
        except ForkedWorkError:
            pass
        else:
            raise AssertionError("a result from stopped work")
        try:
            os.waitpid(work.pid, os.WNOHANG)
        except ChildProcessError:
            pass   # reaped: no zombie left behind
        else:
            raise AssertionError("the child was not reaped")
    """)


def test_with_another_thread_running_the_work_is_done_here_at_once():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        work = Forked(os.getpid)
        assert work.pid == 0 and work.result() == os.getpid()
    finally:
        stop.set()
        other.join()
