"""Every attack in tests/corpus/hostile/ has its exact expected outcome, and the
rest of the network still builds (see make_hostile_corpus.py for the format)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml

from qisite.cli import main
from qisite.commands.new import write_scaffold

CORPUS = Path(__file__).parent.parent / "corpus" / "hostile"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
IGNORED = (".qisite-cache", "_site")


def make_network(case: Path, expected: dict, root: Path) -> None:
    root.mkdir()
    (root / "site.yaml").write_text("title: Hostile corpus network\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    write_scaffold(root / "projects" / "good")
    write_scaffold(root / "projects" / "hostile")
    for extra in expected.get("scaffolds", []):
        write_scaffold(root / extra)
    overlay(case / "project", root / "projects" / "hostile")
    overlay(case / "network", root)
    for relative, edits in expected.get("edits", {}).items():
        path = root / relative
        lines = path.read_text(encoding="utf-8").splitlines()
        for key, line in edits.items():
            lines = [line if old.startswith(f"{key}:") else old for old in lines]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for relative in expected.get("fifos", []):
        (root / relative).unlink(missing_ok=True)
        os.mkfifo(root / relative)
    for relative, megabytes in expected.get("big_files", {}).items():
        (root / relative).write_text("A story. " * (megabytes * 1024 * 1024 // 9 + 1), encoding="utf-8")


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
            if not relative.startswith((".git", ".qisite-build")):
                continue
        if path.is_symlink():
            found[relative] = "-> " + os.readlink(path)
        elif path.is_file():
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def built_text(output: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(name, tmp_path, monkeypatch, capsys):
    case = CORPUS / name
    expected = yaml.safe_load((case / "expected.txt").read_text(encoding="utf-8"))
    root = tmp_path / "network"
    make_network(case, expected, root)
    for variable, value in expected.get("environment", {}).items():
        monkeypatch.setenv(variable, value)
    monkeypatch.chdir(root)
    before = snapshot(root)
    code = main(["build", "--workers", "1", str(root)])
    out, err = capsys.readouterr()
    assert snapshot(root) == before, "a source file changed or was lost"
    if expected["outcome"] == "refused":
        assert code == 2, out + err
        assert expected["message"] in err
        assert "internal error" not in err
        return
    assert code == 0, out + err
    output = root / "_site"
    assert (output / "projects" / "good" / "index.html").is_file(), "the rest of the network did not build"
    for problem in expected.get("problems", []):
        lines = [line for line in out.splitlines() if line.startswith(problem["file"])]
        assert any(f"{problem['severity']}: " in line and problem["message"] in line for line in lines), \
            f"expected {problem} in:\n{out}"
    if any(p["severity"] == "error" and p["file"].startswith("projects/hostile") for p in expected.get("problems", [])):
        assert not (output / "projects" / "hostile").exists(), "a project with errors was published"
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
        text = path.read_text(encoding="utf-8")
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
    make_network(CORPUS / "dollar-maths-in-group", {}, root)
    monkeypatch.chdir(root)
    assert main(["build", "--workers", "1", str(root)]) == 0
    cached = sorted((root / ".qisite-cache" / "charts").rglob("*.svg"))
    assert cached
    payload = '<script>alert("cache")</script>'
    for path in cached:
        path.write_text(path.read_text(encoding="utf-8").replace("<title", payload + "<title", 1), encoding="utf-8")
    assert main(["build", "--workers", "1", str(root)]) == 0
    capsys.readouterr()
    assert payload not in built_text(root / "_site")
    assert all(payload not in path.read_text(encoding="utf-8") for path in cached)  # and the cache is mended
