"""The CLI as a subprocess, as a team's CI would call it."""

import json

import jsonschema
import yaml

from support import REPO, run_qisite


def test_new_scaffold_passes_check_strictly(project):
    result = run_qisite("check", "--strict", project)
    assert result.returncode == 0, result.stdout
    assert "checked 1 project: 0 errors, 0 warnings" in result.stdout


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
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "chrt:" in l)
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
    [problem] = report["problems"]
    assert problem["file"].endswith("pdsa.yaml") and problem["line"] == 6
    assert problem["hint"] == "did you mean 'translated-leaflets'?"


def test_warnings_fail_only_when_strict(project):
    csv = project / "data" / "main-outcome.csv"
    csv.write_text("\n".join(csv.read_text().splitlines()[:8]) + "\n")  # 7 points: too few for limits
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
