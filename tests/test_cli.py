"""The CLI as a subprocess, as a team's CI would call it."""

import io
import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import jsonschema
import pytest
import yaml

from qisite import cli

from support import REPO, fill_in, run_qisite


def test_new_scaffold_passes_check_and_is_stratified(scaffold):
    project = scaffold
    result = run_qisite("check", project)
    assert result.returncode == 0, result.stdout
    assert "checked 1 project: 0 errors, 1 warning" in result.stdout   # the placeholder text, below
    # equity is the point: the scaffold's measure has groups and a reference group in its data
    (measure,) = yaml.safe_load((project / "measures.yaml").read_text(encoding="utf-8"))["measures"]
    assert measure["group"] == "group" and measure["reference_group"] == "Reference group"
    rows = (project / "data" / "main-outcome.csv").read_text(encoding="utf-8").splitlines()
    assert {row.split(",")[1] for row in rows[1:]} == {"Affected group", "Reference group"}


def test_placeholder_text_is_a_warning_and_fails_strict_until_replaced(scaffold):
    result = run_qisite("check", "--strict", scaffold)
    assert result.returncode == 1
    assert "project.yaml:5:10: warning: project.yaml still holds the placeholder text of 'qisite new' in: summary" in result.stdout
    result = run_qisite("check", "--strict", fill_in(scaffold))
    assert result.returncode == 0 and "0 errors, 0 warnings" in result.stdout, result.stdout


def test_new_never_overwrites(project):
    (project / "story.md").write_text("our story", encoding="utf-8")
    result = run_qisite("new", project)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert (project / "story.md").read_text(encoding="utf-8") == "our story"


def test_new_rejects_a_bad_id(tmp_path):
    result = run_qisite("new", "My Clinic", cwd=tmp_path)
    assert result.returncode == 2 and "my-clinic" in result.stderr and not list(tmp_path.iterdir())


def test_check_reports_file_line_column_and_hint(project):
    text = (project / "measures.yaml").read_text(encoding="utf-8").replace("    chart: p", "    chrt: p")
    (project / "measures.yaml").write_text(text, encoding="utf-8")
    line = next(number for number, text_line in enumerate(text.splitlines(), 1) if "chrt:" in text_line)
    result = run_qisite("check", project, cwd=project.parent)
    assert result.returncode == 1
    assert f"demo-project/measures.yaml:{line}:5: error: unknown key 'chrt' in a measure" in result.stdout
    assert "did you mean 'chart'?" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_json_for_ci_tools(project):
    (project / "pdsa.yaml").write_text((project / "pdsa.yaml").read_text().replace(
        "change_idea: translated-leaflets", "change_idea: translated-leaflet"), encoding="utf-8")
    result = run_qisite("check", "--format", "json", project)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["ok"] is False and report["errors"] == 1
    [problem] = [p for p in report["problems"] if p["severity"] == "error"]
    assert problem["file"].endswith("pdsa.yaml") and problem["line"] == 6
    assert problem["hint"] == "did you mean 'translated-leaflets'?"


def test_warnings_fail_only_when_strict(project):
    csv = project / "data" / "main-outcome.csv"
    csv.write_text("\n".join(csv.read_text().splitlines()[:15]) + "\n")  # 7 months of 2 groups: too few for limits
    assert run_qisite("check", project).returncode == 0
    strict = run_qisite("check", "--strict", project)
    assert strict.returncode == 1 and "rest on 7 points" in strict.stdout


def test_check_missing_path_is_a_usage_error(tmp_path):
    result = run_qisite("check", tmp_path / "nowhere")
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_schemas_describe_what_check_accepts(tmp_path):
    """Every YAML file of the scaffold and the example network validates against `qisite schema`."""
    result = run_qisite("schema", "--out", tmp_path / "schemas", cwd=REPO)
    assert result.returncode == 0, result.stderr
    files = [REPO / "site.yaml", *REPO.glob("projects/*/*.yaml"), *(REPO / "qisite" / "scaffold").glob("*.yaml")]
    assert len(files) > 20
    for path in files:
        if path.name == "project.yaml" and "scaffold" in str(path):
            continue  # holds ${placeholders} until `qisite new` fills them in
        schema = json.loads((tmp_path / "schemas" / path.name.replace(".yaml", ".schema.json")).read_text())
        document = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8-sig")), default=str))
        jsonschema.validate(document, schema)


def test_schema_rejects_unknown_keys_and_vocabulary(tmp_path):
    run_qisite("schema", "--out", tmp_path, cwd=REPO)
    schema = json.loads((tmp_path / "project.schema.json").read_text())
    areas = schema["properties"]["equity_areas"]["items"]["enum"]
    assert "ethnicity" in areas and "sexuality" in areas
    assert schema["additionalProperties"] is False


# -- exit codes and output ---------------------------------------------------------

def closed_pipe_run(*args, cwd=None):
    """Run qisite with its stdout a pipe whose reader has already gone (as `| head` leaves it)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "qisite", *map(str, args)], cwd=cwd, stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)


def test_a_closed_pipe_ends_quietly_with_141():
    result = closed_pipe_run("check", "--format", "json", REPO)
    assert result.returncode == 141, result.stderr
    assert result.stderr == ""


def test_a_closed_pipe_from_text_output_ends_quietly(project):
    result = closed_pipe_run("check", project)
    assert result.returncode == 141 and result.stderr == ""


def test_head_reads_the_first_line_and_qisite_ends_quietly(tmp_path):
    # a real pipe: head stops after one line of a table far longer than a pipe buffer
    (tmp_path / "big.csv").write_text("v\n" + "\n".join(str(i % 7) for i in range(20000)) + "\n", encoding="utf-8")
    shell = f"'{sys.executable}' -m qisite spc big.csv --chart run --y v; echo \"exit $?\" >&2"
    result = subprocess.run(["bash", "-c", f"({shell}) | head -1"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300)
    assert result.stdout.startswith("run chart")
    assert result.stderr.strip() == "exit 141", result.stderr


def test_quiet_and_verbose_work_before_and_after_the_command(project):
    plain = run_qisite("check", project)
    assert plain.returncode == 0 and "checked 1 project" in plain.stdout
    for args in (("-q", "check", project), ("check", "-q", project), ("check", project, "--quiet")):
        quiet = run_qisite(*args)
        assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == "", args
    for args in (("-v", "build", project.parent), ("build", project.parent, "-v")):
        (project.parent / "site.yaml").write_text("title: T\nprojects: .\n", encoding="utf-8")
        verbose = run_qisite(*args)
        assert verbose.returncode == 0 and "building the network in" in verbose.stderr, verbose.stderr
        assert "built " in verbose.stdout


def test_verbose_steps_never_spoil_json_output(project):
    result = run_qisite("-v", "check", "--format", "json", project)
    assert json.loads(result.stdout)["ok"] is True
    assert "checking " in result.stderr


def test_quiet_still_prints_problems(project):
    csv = project / "data" / "main-outcome.csv"
    csv.write_text("\n".join(csv.read_text().splitlines()[:15]) + "\n")  # 7 months of 2 groups
    result = run_qisite("check", "-q", project)
    assert result.returncode == 0 and "rest on 7 points" in result.stdout and "checked" not in result.stdout


def test_usage_errors_exit_2_without_a_traceback(tmp_path):
    for args in (("frobnicate",), ("check", "--format", "xml"), ("spc",), (), ("serve", "--port", "70000"),
                 ("serve", "--port", "http")):
        result = run_qisite(*args, cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args


def test_a_located_input_error_reads_like_a_problem(tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("v\n1\n2\nabc\n", encoding="utf-8")
    result = run_qisite("spc", "d.csv", "--chart", "i", "--y", "v", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("d.csv:4: error: column 'v': 'abc' is not a number\n    hint: ")
    assert "Traceback" not in result.stderr and "qisite: error" not in result.stderr


def test_a_machine_error_is_plain_words_not_a_bug(project):
    (project.parent / "site.yaml").write_text("title: T\nprojects: .\noutput: out/site\n", encoding="utf-8")
    (project.parent / "out").mkdir()
    (project.parent / "out").chmod(0o500)  # read-only: the staging folder cannot be made
    try:
        if os.access(project.parent / "out", os.W_OK):
            pytest.skip("running as a user who may write anywhere (root)")
        result = run_qisite("build", project.parent)
    finally:
        (project.parent / "out").chmod(0o700)
    assert result.returncode == 2, result.stderr
    assert "Permission denied" in result.stderr and "bug" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_disk_error_is_reported_in_plain_words(tmp_path):
    # /dev/full accepts the open and fails every write with ENOSPC, as a full disk does
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "qisite", "check", "--format", "json", REPO], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "No space left on device" in result.stderr and "bug" not in result.stderr
    assert "Traceback" not in result.stderr


def test_an_internal_error_exits_3_and_says_how_to_report_it(tmp_path):
    # a sitecustomize that breaks one qisite function stands in for a bug
    (tmp_path / "sitecustomize.py").write_text(
        "import qisite.commands.check as c\n"
        "def broken(*a, **k):\n    raise ZeroDivisionError('boom')\n"
        "c.check_path = broken\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop("QISITE_DEBUG", None)
    run = partial(subprocess.run, capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    result = run([sys.executable, "-m", "qisite", "check", REPO])
    assert result.returncode == 3
    assert "internal error: ZeroDivisionError: boom" in result.stderr and "please report it" in result.stderr
    assert "Traceback" not in result.stderr
    verbose = run([sys.executable, "-m", "qisite", "-v", "check", REPO])
    assert verbose.returncode == 3 and "Traceback" in verbose.stderr


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli.use_colour(Terminal()) and not cli.use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_colour(Terminal())


def test_no_color_means_no_escape_codes_on_errors(tmp_path):
    result = run_qisite("check", tmp_path / "nowhere")
    assert "\033[" not in result.stderr and result.stderr.startswith("qisite: error: ")


def test_build_and_serve_find_the_network_from_a_project_folder(project):
    network = project.parent
    (network / "site.yaml").write_text("title: Walk up\nprojects: .\n", encoding="utf-8")
    result = run_qisite("build", cwd=project / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (network / "_site" / "projects" / "demo-project" / "index.html").is_file()
    lost = run_qisite("build", cwd=project.parent.parent.parent)  # no site.yaml at or above: said plainly
    assert lost.returncode == 2 and "no site.yaml" in lost.stderr


def test_the_version_is_written_once():
    from importlib.metadata import version

    import qisite

    assert version("qisite") == qisite.__version__
    assert run_qisite("--version").stdout.strip() == f"qisite {qisite.__version__}"
    assert '\nversion = "' not in (REPO / "pyproject.toml").read_text(encoding="utf-8")
