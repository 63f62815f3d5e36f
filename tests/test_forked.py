"""qisite.forked: work done in a forked process beside the build, or in line where forking is unsafe."""

import os
import threading
import time
from pathlib import Path

import pytest

from qisite.forked import Forked, ForkedWorkError, can_fork
from qisite.problems import InputError, Location, QisiteError

needs_fork = pytest.mark.skipif(not can_fork(), reason="forks only on Linux with no other thread")


@needs_fork
def test_the_work_runs_in_another_process_and_its_value_comes_back():
    parent = os.getpid()
    work = Forked(lambda: (os.getpid(), list(range(200_000))))   # larger than a pipe's buffer
    pid, numbers = work.result()
    assert pid != parent and numbers == list(range(200_000))
    assert work.result()[0] == pid   # asked again: the same value, not the work again


@needs_fork
def test_what_the_work_raises_is_raised_here():
    def fail():
        raise QisiteError("site.yaml: 'title' is required", "add a title")

    with pytest.raises(QisiteError, match="'title' is required"):
        Forked(fail).result()


@needs_fork
def test_a_located_error_keeps_its_place_and_hint():
    where = Location(Path("projects/a/measures.yaml"), 12, 3)

    def fail():
        raise InputError(where, "column 'n' is not in data/wait.csv", "add the column, or remove 'n:'")

    with pytest.raises(InputError) as raised:
        Forked(fail).result()
    assert (raised.value.where, raised.value.message, raised.value.hint) == (
        where, "column 'n' is not in data/wait.csv", "add the column, or remove 'n:'")
    assert str(raised.value).startswith("projects/a/measures.yaml:12:3: error: column 'n'")


@needs_fork
def test_an_exception_that_cannot_be_sent_back_arrives_as_text():
    class LocalError(Exception):   # defined in a function: pickle cannot name it
        pass

    def fail():
        raise LocalError("the reason")

    with pytest.raises(ForkedWorkError, match="the reason"):
        Forked(fail).result()


@needs_fork
def test_a_child_killed_mid_work_is_an_error_not_a_hang():
    with pytest.raises(ForkedWorkError, match="no readable result"):
        Forked(lambda: os.kill(os.getpid(), 9)).result()


@needs_fork
def test_close_stops_work_nobody_will_wait_for():
    work = Forked(lambda: time.sleep(60))
    started = time.monotonic()
    work.close()
    assert time.monotonic() - started < 5
    with pytest.raises(ForkedWorkError):
        work.result()
    with pytest.raises(ChildProcessError):   # reaped: no zombie left behind
        os.waitpid(work.pid, os.WNOHANG)


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
