"""``qisite check --format github|gitlab``, ``--changed REF`` and the pre-commit hook's file lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from gitrepos import add_project, commit, git

from qisite.check_formats import escape_data, escape_property, github_annotations, gitlab_report
from qisite.problems import Location, Problem

from support import REPO, run_qisite

# GitHub's workflow-command syntax (docs.github.com/actions/reference/workflow-commands-for-github-actions):
#   ::{command} {name}={value},{name}={value}::{message}
# with the toolkit's escaping (actions/toolkit, packages/core/src/command.ts): a message
# carries no raw CR or LF ('%' → %25, CR → %0D, LF → %0A); a property value also no ':' or ','.
WORKFLOW_COMMAND = re.compile(r"^::(error|warning|notice)(?: ([a-z]+=[^,:\r\n]*(?:,[a-z]+=[^,:\r\n]*)*))?::([^\r\n]*)$")


def unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = WORKFLOW_COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    properties = dict(part.split("=", 1) for part in match.group(2).split(",")) if match.group(2) else {}
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def test_escaping_matches_githubs_toolkit():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_hostile_text_stays_one_command_and_reads_back_whole():
    tricky = Problem("error", Location(Path("pro,jects/a:b/measures.yaml"), 3, 7),
                     "bad value '%0A::error::injected'\nsecond line, with: punctuation", "fix it: now")
    [line] = github_annotations([tricky]).splitlines()
    level, properties, message = parse_command(line)
    assert level == "error"
    assert properties == {"file": "pro,jects/a:b/measures.yaml", "line": "3", "col": "7", "title": "qisite check"}
    assert message == "bad value '%0A::error::injected'\nsecond line, with: punctuation\nhint: fix it: now"


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch):
    """Paths relative to the current folder, even when these tests run in GitHub's or GitLab's CI."""
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def network(tmp_path):
    root = tmp_path / "net"
    root.mkdir()
    (root / "site.yaml").write_text("title: Check test\n", encoding="utf-8")
    add_project(root / "projects" / "good-project", "Org")
    add_project(root / "projects" / "bad-project", "Org")
    measures = root / "projects" / "bad-project" / "measures.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace("chart: p", "chart: pie"), encoding="utf-8")
    return root


def test_github_format_is_one_annotation_per_problem_on_its_file_and_line(network):
    text = run_qisite("check", "--format", "github", cwd=network)
    json_report = json.loads(run_qisite("check", "--format", "json", cwd=network).stdout)
    assert text.returncode == 1
    commands = [parse_command(line) for line in text.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == len(json_report["problems"]) >= 1
    for (level, properties, message), expected in zip(commands, json_report["problems"], strict=True):
        assert level == expected["severity"]
        assert properties["file"] == expected["file"] == "projects/bad-project/measures.yaml"
        assert properties["line"] == str(expected["line"])
        assert message.startswith(expected["message"])
    assert "checked 2 projects" in text.stdout


# GitLab Code Quality report format (docs.gitlab.com/ee/ci/testing/code_quality.html,
# "Code Quality report format"): a JSON array of objects, each with these required fields.
GITLAB_REQUIRED = {"description": str, "check_name": str, "fingerprint": str, "severity": str}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def assert_code_quality(report) -> None:
    assert isinstance(report, list)
    for issue in report:
        for name, kind in GITLAB_REQUIRED.items():
            assert isinstance(issue[name], kind) and issue[name], name
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith("/")
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and begin >= 1
    assert len({issue["fingerprint"] for issue in report}) == len(report)


def test_gitlab_format_is_a_code_quality_report(network):
    done = run_qisite("check", "--format", "gitlab", cwd=network)
    assert done.returncode == 1
    report = json.loads(done.stdout)  # the whole of stdout
    assert_code_quality(report)
    assert report and all(i["location"]["path"] == "projects/bad-project/measures.yaml" for i in report)
    assert {i["severity"] for i in report} == {"major"}
    assert json.loads(run_qisite("check", "--format", "gitlab", cwd=network).stdout) == report  # stable fingerprints


@pytest.mark.parametrize(("output", "variable"), [("github", "GITHUB_WORKSPACE"), ("gitlab", "CI_PROJECT_DIR")])
def test_paths_are_relative_to_the_checkout_the_ci_service_names(network, output, variable, monkeypatch):
    monkeypatch.setenv(variable, str(network.parent))
    done = run_qisite("check", "--format", output, cwd=network)
    assert "net/projects/bad-project/measures.yaml" in done.stdout
    assert "file=projects/" not in done.stdout and '"path": "projects/' not in done.stdout


def test_repeated_problems_get_distinct_fingerprints_and_unlocated_ones_line_1():
    same = Problem("warning", Location(Path("a/project.yaml")), "same words")
    report = json.loads(gitlab_report([same, same]))
    assert_code_quality(report)
    assert report[0]["location"]["lines"]["begin"] == 1 and report[0]["severity"] == "minor"


def test_changed_checks_only_projects_changed_since_the_ref(network):
    git(network, "init", "--quiet", "--initial-branch=main")
    commit(network, "two projects, one broken", "2024-01-01")
    story = network / "projects" / "good-project" / "story.md"
    story.write_text("A second commit changes this project only.\n", encoding="utf-8")
    commit(network, "change the good project", "2024-02-01")
    assert run_qisite("check", cwd=network).returncode == 1
    done = run_qisite("check", "--changed", "HEAD~1", cwd=network)
    assert done.returncode == 0 and "checked 1 project: 0 errors" in done.stdout, done.stdout + done.stderr
    done = run_qisite("check", "--changed", "HEAD~1", "--format", "json", network / "projects", cwd=network)
    assert json.loads(done.stdout)["projects"] == 1
    add_project(network / "projects" / "new-project", "Org")  # not yet committed: still checked
    assert "checked 1 project:" in run_qisite("check", "--changed", "HEAD", cwd=network).stdout
    assert "checked 2 projects:" in run_qisite("check", "--changed", "HEAD~1", network, cwd=network).stdout
    (network / "site.yaml").write_text("title: Renamed\n", encoding="utf-8")  # everyone's vocabulary may change
    assert run_qisite("check", "--changed", "HEAD", cwd=network).returncode == 1
    bad = run_qisite("check", "--changed", "no-such-ref", cwd=network)
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr


def test_the_pre_commit_hook_checks_each_changed_project_once(network):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["entry"] == "qisite check" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    bad = network / "projects" / "bad-project"
    changed = [bad / "measures.yaml", bad / "data" / "main-outcome.csv", bad / "story.md"]
    assert all(files.search(p.relative_to(network).as_posix()) for p in changed)
    assert not files.search("README.md") and not files.search(".github/workflows/site.yml")
    done = run_qisite(*hook["entry"].split()[1:], *[p.relative_to(network) for p in changed], cwd=network)
    assert done.returncode == 1 and "checked 1 project:" in done.stdout
