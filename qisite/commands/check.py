"""``qisite check [PATH…]``: validate a network, a projects folder or one project.

``--format github`` / ``gitlab`` print the problems as CI annotations
(:mod:`qisite.check_formats`); ``--changed REF`` checks only the project folders
with a file changed since a git ref (committed, staged, unstaged or new).
``--report squire`` adds what each project still has to write for SQUIRE 2.0
(:mod:`qisite.squire`), in text or in the JSON's ``squire`` field; a missing
item is not a problem and does not change the exit code.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from qisite.check_formats import github_annotations, gitlab_report
from qisite.config import SITE_FILE, load_config
from qisite.load import sources
from qisite.load.layout import is_project_folder
from qisite.load.network import config_for_project, discover, find_network_root, load_network
from qisite.load.project import load_project
from qisite.model import Project
from qisite.problems import Problems, QisiteError
from qisite.site.urls import clash_warnings
from qisite.spread import check_spread
from qisite.squire import CITATION, ITEMS, SHORT_CITATION, STANDARD, URL, coverage
from qisite.terminal import for_terminal

log = logging.getLogger("qisite")


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate project folders (exit 1 on errors)",
                                   description="Validate a network, a projects folder or single project folders.")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                        help="network root, projects folder or project folder (default: .)")
    parser.add_argument("--format", choices=("text", "json", "github", "gitlab"), default="text",
                        help="output format: json for tools, github for GitHub Actions annotations, "
                             "gitlab for a GitLab Code Quality report")
    parser.add_argument("--changed", metavar="REF", help="check only the projects with files changed since "
                                                         "this git ref (e.g. origin/main)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--report", choices=("squire",), help="also list, per project, the items of the SQUIRE 2.0 "
                                                              "reporting standard it does not cover yet (text or json; "
                                                              "never changes the exit code)")
    parser.set_defaults(func=run)


def run(args) -> int:
    report = getattr(args, "report", None)
    if report and args.format not in ("text", "json"):
        raise QisiteError(f"--report {report} is written as text or json, not --format {args.format}",
                          f"run it apart from the CI check: qisite check --report {report}")
    problems = Problems()
    loaded: list[Project] | None = [] if report else None
    checked = sum(check_path(path, problems, changed_files(path, args.changed) if args.changed else None, loaded)
                  for path in folders_to_check(args.paths))
    failed = bool(problems.errors) or (args.strict and bool(problems.warnings))
    if loaded is None:
        REPORTS[args.format](problems, checked, failed)
    elif args.format == "json":
        _json_report(problems, checked, failed, squire_json(loaded))
    else:
        _text_report(problems, checked, failed, squire_text(loaded))
    return 1 if failed else 0


def folders_to_check(paths: list[Path]) -> list[Path]:
    """The paths given, with a file inside a project folder (its data, its story) standing for
    that project, each checked once: a pre-commit hook passes every changed file."""
    out: list[Path] = []
    for path in paths:
        if path.is_file() and path.name != SITE_FILE:
            path = next((folder for folder in path.parents if is_project_folder(folder)), path)
        if path not in out:
            out.append(path)
    return out


def check_path(path: Path, problems: Problems, changed: set[Path] | None = None,
               loaded: list[Project] | None = None) -> int:
    """Check what is at ``path`` (with ``changed``, only project folders holding one of
    those files); return how many projects were checked. ``loaded`` receives each project
    read without errors."""
    keep: Callable[[Project], None] = loaded.append if loaded is not None else (lambda project: None)
    log.debug(f"checking {path}")
    if not path.exists():
        raise QisiteError(f"{path}: no such file or folder")
    if path.is_file():
        path = path.parent
    if is_project_folder(path):
        if changed is not None and not touched(path, changed):
            return 0
        _keep(keep, load_project(path.resolve(), config_for_project(path, problems), problems))
        return 1
    if (path / SITE_FILE).is_file():
        if changed is not None and (path / SITE_FILE).resolve() not in changed:
            return check_changed_network(path, problems, changed, keep)
        network = load_network(path, problems)
        for project in network.projects:
            keep(project)
        problems.extend(clash_warnings(network))
        problems.extend(check_spread(network))
        return len(network.projects) + sum(not any(p.folder == f for p in network.projects)
                                           for f in discover(network.config.projects_dir))
    folders = [f for f in discover(path, problems) if changed is None or touched(f, changed)]
    if changed is not None and not folders:
        return 0
    if not folders:
        raise QisiteError(f"{path}: no site.yaml, project.yaml or project folders here")
    root = find_network_root(path.resolve())
    config = load_config(root, problems) if root else load_config(path, problems)
    for folder in folders:
        _keep(keep, load_project(folder.resolve(), config, problems))
    return len(folders)


def _keep(keep: Callable[[Project], None], project: Project | None) -> None:
    if project is not None:
        keep(project)


def check_changed_network(root: Path, problems: Problems, changed: set[Path],
                          keep: Callable[[Project], None] = lambda project: None) -> int:
    """The changed projects of a network whose site.yaml is unchanged: its own folder and
    its local folder sources (a git source is checked where its team works)."""
    config = load_config(root, problems)
    folders = [config.projects_dir] + [Path(root / s.path) for s in config.sources if s.git is None and s.path]
    checked = 0
    for folder in folders:
        for project in discover(folder, problems):
            if touched(project, changed):
                _keep(keep, load_project(project.resolve(), config, problems))
                checked += 1
    return checked


def changed_files(path: Path, ref: str) -> set[Path]:
    """Every file of the repository holding ``path`` that differs from ``ref``: committed
    since, staged, unstaged or new and not ignored (absolute, links resolved)."""
    where = (path if path.is_dir() else path.parent).resolve()
    try:
        top = Path(sources.run_git(["rev-parse", "--show-toplevel"], cwd=where).strip())
        sources.run_git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd=top)
        names = sources.run_git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], cwd=top)
        names += sources.run_git(["ls-files", "--others", "--exclude-standard", "-z"], cwd=top)
    except sources.GitError as failure:
        raise QisiteError(f"--changed {ref}: {failure}",
                          "run inside a git repository, and name a ref it has (e.g. origin/main after git fetch)") from None
    return {(top / name).resolve() for name in names.split("\0") if name}


def touched(folder: Path, changed: set[Path]) -> bool:
    inside = folder.resolve()
    return any(file.is_relative_to(inside) for file in changed)


def _text_report(problems: Problems, checked: int, failed: bool, extra: str = "") -> None:
    cwd = Path.cwd()
    for problem in _sorted(problems):
        print(for_terminal(problem.format(cwd)))
    if extra:
        print(for_terminal(extra), end="")
    _summary(problems, checked, failed)


def _summary(problems: Problems, checked: int, failed: bool) -> None:
    errors, warnings = len(problems.errors), len(problems.warnings)
    verdict = "failed" if failed else "ok"
    log.info(f"checked {checked} project{'s' if checked != 1 else ''}: "
          f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''} — {verdict}")


def _json_report(problems: Problems, checked: int, failed: bool, squire: dict | None = None) -> None:
    cwd = Path.cwd()
    report = {
        "ok": not failed,
        "projects": checked,
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "problems": [p.to_dict(cwd) for p in _sorted(problems)],
    }
    if squire is not None:
        report["squire"] = squire
    print(json.dumps(report, indent=2, ensure_ascii=False))


def _shown(folder: Path) -> str:
    """A project folder as the problems show their files: relative to the current folder when inside it."""
    cwd = Path.cwd().resolve()
    return str(folder.relative_to(cwd)) if folder.is_relative_to(cwd) else str(folder)


def squire_json(projects: list[Project]) -> dict:
    """``--report squire --format json``: the field ``squire`` (docs/format.md, "Reporting checklist")."""
    return {
        "standard": STANDARD,
        "citation": CITATION,
        "url": URL,
        "items": len(ITEMS),
        "projects": [{"id": p.id, "folder": _shown(p.folder), **coverage(p).to_dict()} for p in projects],
    }


def squire_text(projects: list[Project]) -> str:
    """``--report squire``: per project, each item not covered, what SQUIRE asks and what to write where."""
    lines = [f"{STANDARD} reporting checklist ({SHORT_CITATION}, {URL})",
             "Not covered is not an error: these lines never change the exit code.", ""]
    if not projects:
        lines += ["No project was read without errors: fix the problems above first.", ""]
    for project in projects:
        found = coverage(project)
        lines.append(f"{project.id} ({_shown(project.folder)}): {found.summary()}"
                     + ("" if found.missing else " — nothing left to write"))
        for item in found.missing:
            lines.append(f"  {item.number}. {item.name}: SQUIRE asks for {item.asks}.")
            lines.append(f"      to cover it: {item.todo}")
        lines.append("")
    return "\n".join(lines) + "\n"


def _github_report(problems: Problems, checked: int, failed: bool) -> None:
    print(github_annotations(_sorted(problems), _repository_root("GITHUB_WORKSPACE")), end="")
    _summary(problems, checked, failed)


def _gitlab_report(problems: Problems, checked: int, failed: bool) -> None:
    print(gitlab_report(_sorted(problems), _repository_root("CI_PROJECT_DIR")), end="")  # all of stdout is the report


def _repository_root(variable: str) -> Path:
    """What CI paths are relative to: the checkout the CI service names (so a check run
    in a subfolder still annotates the right file), else the current folder."""
    return Path(os.environ.get(variable, "").strip() or Path.cwd())


def _sorted(problems: Problems):
    return sorted(problems, key=lambda p: (str(p.where.file), p.where.line, p.where.column))


REPORTS: dict[str, Callable[[Problems, int, bool], None]] = {"text": _text_report, "json": _json_report, "github": _github_report, "gitlab": _gitlab_report}
