"""Every attack in tests/corpus/hostile/ has its exact expected outcome, and the
rest of the network still builds (see make_hostile_corpus.py for the format).

Cases that only lay files over a project are built together, in one network
where each is a project of its own named after the case (``projects/hostile``
in a case is read as ``projects/<case>``), beside the good project: one build
proves them all and that none of them stops the others. Cases that change the
network itself (site.yaml, templates, other projects), set limits in the
environment or expect the build to be refused are built one network each.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from qisite.cli import main
from qisite.commands.new import write_scaffold

CORPUS = Path(__file__).parent.parent / "corpus" / "hostile"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
IGNORED = (".qisite-cache", "_site")
HOSTILE = "projects/hostile"


def expected_of(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / "expected.txt").read_text(encoding="utf-8"))


def is_grouped(expected: dict, name: str) -> bool:
    """Whether a case only touches its own project, so that it can share one build with the others."""
    touched = [*expected.get("fifos", []), *expected.get("big_files", {}), *expected.get("written", {}),
               *expected.get("edits", {})]
    return (not (CORPUS / name / "network").exists() and not expected.get("environment") and not expected.get("scaffolds")
            and not expected.get("alone")
            and expected["outcome"] != "refused" and all(t.startswith(HOSTILE + "/") for t in touched))


GROUPED = [name for name in CASES if is_grouped(expected_of(name), name)]
ALONE = [name for name in CASES if name not in GROUPED]


def placed(value, folder: str):
    """A case's expectations with projects/hostile read as the project folder it was given."""
    if isinstance(value, str):   # and its search fragment, named by the project's id
        value = re.sub(r"^assets/search/hostile\.js$", f"assets/search/{folder.rsplit('/', 1)[-1]}.js", value)
        return re.sub(rf"^{HOSTILE}(?=/|$|:)", folder, value)
    if isinstance(value, dict):
        return {placed(k, folder): placed(v, folder) for k, v in value.items()}
    if isinstance(value, list):
        return [placed(v, folder) for v in value]
    return value


def make_base(root: Path) -> None:
    root.mkdir()
    (root / "site.yaml").write_text("title: Hostile corpus network\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    write_scaffold(root / "projects" / "good")


def add_case(case: Path, expected: dict, root: Path, folder: str) -> None:
    """Lay a case over the network at ``root``, its project at ``folder`` (a path under root)."""
    write_scaffold(root / folder)
    for extra in expected.get("scaffolds", []):
        write_scaffold(root / extra)
    overlay(case / "project", root / folder)
    overlay(case / "network", root)
    for relative, edits in expected.get("edits", {}).items():
        path = root / relative
        lines = path.read_text(encoding="utf-8").splitlines()
        for key, line in edits.items():
            lines = [line if old.startswith(f"{key}:") else old for old in lines]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for relative in expected.get("fifos", []):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).unlink(missing_ok=True)
        os.mkfifo(root / relative)
    for relative, (head, piece, times, tail) in expected.get("big_files", {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(head + piece * times + tail, encoding="utf-8")
    for relative, text in expected.get("written", {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def overlay(source: Path, target: Path) -> None:
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        destination = target / path.relative_to(source)
        if path.is_symlink():
            destination.unlink(missing_ok=True)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.symlink_to(os.readlink(path))
        elif path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def snapshot(root: Path) -> dict[str, str]:
    """Every source file (not followed through links) and a hash of its content."""
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.split("/")[0] in IGNORED or relative.startswith("."):
            if not relative.startswith((".git", ".qisite-build", ".env")):
                continue
        if path.is_symlink():
            found[relative] = "-> " + os.readlink(path)
        elif path.is_file():
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def built_text(output: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*") if p.is_file())


@dataclass
class Built:
    root: Path
    code: int
    out: str
    err: str
    unchanged: bool


def build_network(root: Path, environment: dict | None = None) -> Built:
    """``qisite build`` in-process, as a team would run it from the network folder."""
    before = snapshot(root)
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        os.chdir(root)
        os.environ.update(environment or {})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["build", "--workers", "1", str(root)])
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Built(root, code, out.getvalue(), err.getvalue(), snapshot(root) == before)


@pytest.fixture(scope="module")
def grouped_build(tmp_path_factory) -> Built:
    """Every grouped case as a project of one network, built once."""
    root = tmp_path_factory.mktemp("corpus") / "network"
    make_base(root)
    for name in GROUPED:
        add_case(CORPUS / name, placed(expected_of(name), f"projects/{name}"), root, f"projects/{name}")
    return build_network(root)


@pytest.mark.parametrize("name", GROUPED)
def test_hostile_case_built_with_the_others(name, grouped_build):
    check_outcome(grouped_build, placed(expected_of(name), f"projects/{name}"), f"projects/{name}")


@pytest.mark.parametrize("name", ALONE)
def test_hostile_case_built_alone(name, tmp_path):
    expected = expected_of(name)
    root = tmp_path / "network"
    make_base(root)
    add_case(CORPUS / name, expected, root, HOSTILE)
    check_outcome(build_network(root, expected.get("environment")), expected, HOSTILE)


def test_the_corpus_has_every_kind_of_attack():
    """The issue's list: at least 60 cases, with each family of attack present."""
    assert len(CASES) >= 60
    for family in ("link", "output-", "nhs-number", "postcode", "small-count", "dollar-maths", "yaml-", "pipe",
                   "device", "formula", "external-image", "image-", "svg-image", "collision", "bidi", "terminal",
                   "too-many", "long-"):
        assert any(family in name for name in CASES), family


def check_outcome(built: Built, expected: dict, folder: str) -> None:
    out, err = built.out, built.err
    assert built.unchanged, "a source file changed or was lost"
    assert "internal error" not in out + err and "Traceback" not in out + err
    own = [line for line in (out + err).splitlines() if line.startswith(folder + "/")]
    assert sum(len(line) for line in own) <= expected.get("max_output", 10**9), "the report echoes a huge value"
    if expected["outcome"] == "refused":
        assert built.code == 2, out + err
        assert expected["message"] in err
        return
    assert built.code == 0, out + err
    output = built.root / "_site"
    assert (output / "projects" / "good" / "index.html").is_file(), "the rest of the network did not build"
    for problem in expected.get("problems", []):
        lines = [line for line in out.splitlines() if line.startswith(problem["file"])]
        assert any(f"{problem['severity']}: " in line and problem["message"] in line for line in lines), \
            f"expected {problem} in:\n{out}"
    errors = [p for p in expected.get("problems", []) if p["severity"] == "error" and p["file"].startswith(folder)]
    assert (output / folder).exists() == (not errors), "a project with errors was published, or one without was not"
    for text in expected.get("output_absent", []):
        assert text not in out + err
    site = built_text(output)
    for text in expected.get("absent", []):
        assert text not in site
    for page, checks in expected.get("pages", {}).items():
        path = output / page
        assert path.is_file() == checks.get("exists", True), page
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for wanted in checks.get("contains", []):
            assert wanted in text, f"{page} lacks {wanted!r}"
        for unwanted in checks.get("absent", []):
            assert unwanted not in text, f"{page} holds {unwanted!r}"


def test_the_corpus_is_what_its_script_writes(tmp_path):
    """The committed cases are exactly what make_hostile_corpus.py writes (run it after changing a case)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_hostile_corpus", CORPUS / "make_hostile_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert sorted(module.CASES) == CASES
    monkeypatch_here = module.HERE
    module.HERE = tmp_path
    try:
        for name, case in module.CASES.items():
            module.write_case(name, case)
    finally:
        module.HERE = monkeypatch_here
    for name in CASES:
        assert snapshot(tmp_path / name) == snapshot(CORPUS / name), name


def test_a_tampered_chart_cache_never_reaches_a_page(tmp_path, monkeypatch, capsys):
    """Every cached chart replaced by one that runs script (a committed or restored cache):
    the rebuild draws them again, and no page holds the payload."""
    root = tmp_path / "network"
    make_base(root)
    add_case(CORPUS / "dollar-maths-in-group", {}, root, HOSTILE)
    monkeypatch.chdir(root)
    assert main(["build", "--workers", "1", str(root)]) == 0
    cached = sorted((root / ".qisite-cache" / "charts").rglob("*.svg"))
    assert cached
    payload = '<script>alert("cache")</script>'
    for path in cached:
        path.write_text(path.read_text(encoding="utf-8").replace("<title", payload + "<title", 1), encoding="utf-8")
    shutil.rmtree(root / "_site")   # a fresh output (as in CI with a restored cache): every chart is read from the cache
    assert main(["build", "--workers", "1", str(root)]) == 0
    capsys.readouterr()
    assert payload not in built_text(root / "_site")
    assert all(payload not in path.read_text(encoding="utf-8") for path in cached)  # and the cache is mended


def test_git_keeps_every_file_of_the_corpus():
    """No case file is hidden by .gitignore (a case's committed ``_site/`` once was,
    so a clean clone lacked it and only CI saw the case fail)."""
    import subprocess

    if shutil.which("git") is None or not (CORPUS.parents[2] / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", "."],
                            cwd=CORPUS, capture_output=True, text=True, check=True).stdout.split()
    hidden = [path for path in listed if "__pycache__" not in path and not path.endswith(".pyc")]
    assert hidden == [], "ignored by git, so missing from a clone: " + ", ".join(hidden)
