"""``qisite check`` problems in the formats CI services show on the changed lines.

- ``github``: GitHub Actions workflow commands, one per problem
  (``::error file=…,line=…,col=…,title=…::message``), escaped as GitHub's own
  toolkit does: in the message ``%``, CR and LF; in a property also ``:`` and ``,``
  (https://docs.github.com/actions/reference/workflow-commands-for-github-actions,
  actions/toolkit packages/core/src/command.ts).
- ``gitlab``: a GitLab Code Quality report, a JSON array of issues each with
  ``description``, ``check_name``, ``fingerprint``, ``severity`` and
  ``location.path`` / ``location.lines.begin``
  (https://docs.gitlab.com/ee/ci/testing/code_quality.html#code-quality-report-format).

Pure: problems in, text out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from qisite.problems import Problem

GITHUB_LEVELS = {"error": "error", "warning": "warning"}
GITLAB_SEVERITIES = {"error": "major", "warning": "minor"}  # GitLab's: info, minor, major, critical, blocker
TITLE = "qisite check"


def escape_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it (escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (escapeProperty): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def problem_text(problem: Problem) -> str:
    return problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")


def github_annotations(problems: Iterable[Problem], relative_to: Path | None = None) -> str:
    """One workflow command per problem, one per line."""
    lines = []
    for problem in problems:
        properties = [("file", problem.display_path(relative_to))]
        if problem.where.line:
            properties.append(("line", str(problem.where.line)))
            if problem.where.column:
                properties.append(("col", str(problem.where.column)))
        properties.append(("title", TITLE))
        joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
        lines.append(f"::{GITHUB_LEVELS[problem.severity]} {joined}::{escape_data(problem_text(problem))}")
    return "".join(line + "\n" for line in lines)


def gitlab_report(problems: Iterable[Problem], relative_to: Path | None = None) -> str:
    """A Code Quality report. The fingerprint is stable across builds (file, severity and
    message; repeats numbered), so GitLab can tell new problems from ones already there."""
    issues, seen = [], Counter[tuple[str, str, str]]()
    for problem in problems:
        path = problem.display_path(relative_to)
        identity = (path, problem.severity, problem.message)
        seen[identity] += 1
        fingerprint = hashlib.sha256("\0".join((*identity, str(seen[identity]))).encode()).hexdigest()
        issues.append({
            "description": problem_text(problem),
            "check_name": f"qisite-{problem.severity}",
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITIES[problem.severity],
            "location": {"path": path, "lines": {"begin": max(problem.where.line, 1)}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
