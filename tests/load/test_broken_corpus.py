"""Every folder in tests/load/broken/ is a project with a realistic mistake.

Its ``expected.txt`` (YAML; not named *.yaml so that qisite does not read it as a
project file) lists the problems ``qisite check`` must report: file, line,
severity and a substring of the message (and of the hint). Each folder is checked
in a subprocess, as a team would run it, so a traceback anywhere fails the test.

Folders whose expected list is empty are controls: they must pass cleanly.
Folders that expect only warnings must pass, and fail under ``--strict``.

The folders are written by make_broken_corpus.py (run it after changing a
case); a test checks the committed folders are still exactly what it writes.
"""

from __future__ import annotations

import filecmp
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from qisite.load.observations import MAX_CELL_ERRORS

CORPUS = Path(__file__).parent / "broken"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "expected.txt").is_file())


def run_check(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qisite", "check", "--format", "json", *extra, str(folder)],
                          cwd=CORPUS, capture_output=True, text=True, encoding="utf-8", timeout=60)


def expected_problems(folder: Path) -> tuple[str, list[dict]]:
    """The expected problems, one entry per line.

    A list of lines is the same fault on many rows: qisite reports the first
    MAX_CELL_ERRORS of a file one by one and sums up the rest in one error
    that starts at the next of those lines.
    """
    spec = yaml.safe_load((folder / "expected.txt").read_text(encoding="utf-8"))
    problems = []
    for item in spec["problems"]:
        lines = item["line"] if isinstance(item["line"], list) else [item["line"]]
        problems.extend({**item, "line": line} for line in lines[:MAX_CELL_ERRORS])
        if len(lines) > MAX_CELL_ERRORS:
            rest = lines[MAX_CELL_ERRORS:]
            problems.append({"file": item["file"], "line": rest[0], "severity": "error",
                             "message": f"{len(rest)} more rows have errors (lines {rest[0]}–{rest[-1]})"})
    return spec["why"], problems


def same_file(reported: str, folder: Path, expected: str) -> bool:
    return (CORPUS / reported).resolve() == (folder / expected).resolve()


def matches(problem: dict, folder: Path, want: dict) -> bool:
    return (same_file(problem["file"], folder, want["file"])
            and problem["line"] == want["line"]
            and problem["severity"] == want["severity"]
            and want["message"] in problem["message"]
            and ("hint" not in want or want["hint"] in (problem["hint"] or "")))


def describe(problems: list[dict]) -> str:
    return "\n".join(f"  {p['file']}:{p['line']}: {p['severity']}: {p['message']} (hint: {p['hint']})" for p in problems) or "  (none)"


def test_corpus_is_large_enough():
    assert len(FOLDERS) >= 30


def test_corpus_is_what_the_generator_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("make_broken_corpus", Path(__file__).parent / "make_broken_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    comparison = filecmp.dircmp(tmp_path, CORPUS, ignore=["__pycache__"])
    assert _differences(comparison) == [], "run: python tests/load/make_broken_corpus.py"


def _differences(comparison: filecmp.dircmp) -> list[str]:
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found = [*comparison.left_only, *comparison.right_only, *mismatch, *errors]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_whole_corpus_as_one_network():
    """The same problems when every folder is checked at once, as a network."""
    result = subprocess.run([sys.executable, "-m", "qisite", "check", "--format", "json", "."],
                            cwd=CORPUS, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["projects"] == len(FOLDERS)
    wanted = [(folder, want) for folder in FOLDERS for want in expected_problems(folder)[1]]
    for folder, want in wanted:
        assert any(matches(p, folder, want) for p in report["problems"]), (folder.name, want)
    assert report["errors"] == sum(1 for _, want in wanted if want["severity"] == "error")


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_check_reports_every_fault(folder: Path):
    why, wanted = expected_problems(folder)
    result = run_check(folder)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr.lower(), result.stderr
    report = json.loads(result.stdout)
    got = report["problems"]
    context = f"{folder.name}: {why}\nqisite reported:\n{describe(got)}"

    for want in wanted:
        assert any(matches(p, folder, want) for p in got), f"missing {want}\n{context}"
    for problem in got:
        if problem["severity"] == "error":
            assert any(matches(problem, folder, w) for w in wanted), f"unexpected error {problem}\n{context}"

    expects_errors = any(w["severity"] == "error" for w in wanted)
    assert result.returncode == (1 if expects_errors else 0), context
    assert report["ok"] is not expects_errors
    if not wanted:  # a control: clean under --strict as well
        assert report["warnings"] == 0, context
    elif not expects_errors:
        strict = run_check(folder, "--strict")
        assert strict.returncode == 1 and "Traceback" not in strict.stderr, context
