"""``qisite check [PATH…]``: validate a network, a projects folder or one project."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from qisite.config import SITE_FILE, load_config
from qisite.load.network import config_for_project, discover, find_network_root, load_network
from qisite.load.project import is_project_folder, load_project
from qisite.problems import Problems, QisiteError
from qisite.site.urls import clash_warnings
from qisite.terminal import for_terminal

log = logging.getLogger("qisite")


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate project folders (exit 1 on errors)",
                                   description="Validate a network, a projects folder or single project folders.")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                        help="network root, projects folder or project folder (default: .)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (json for CI tools)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.set_defaults(func=run)


def run(args) -> int:
    problems = Problems()
    checked = sum(check_path(path, problems) for path in args.paths)
    failed = bool(problems.errors) or (args.strict and bool(problems.warnings))
    report = _json_report if args.format == "json" else _text_report
    report(problems, checked, failed)
    return 1 if failed else 0


def check_path(path: Path, problems: Problems) -> int:
    """Check what is at ``path``; return how many projects were checked."""
    log.debug(f"checking {path}")
    if not path.exists():
        raise QisiteError(f"{path}: no such file or folder")
    if path.is_file():
        path = path.parent
    if is_project_folder(path):
        load_project(path.resolve(), config_for_project(path, problems), problems)
        return 1
    if (path / SITE_FILE).is_file():
        network = load_network(path, problems)
        problems.extend(clash_warnings(network))
        return len(discover(network.config.projects_dir))
    folders = discover(path, problems)
    if not folders:
        raise QisiteError(f"{path}: no site.yaml, project.yaml or project folders here")
    root = find_network_root(path.resolve())
    config = load_config(root, problems) if root else load_config(path, problems)
    for folder in folders:
        load_project(folder.resolve(), config, problems)
    return len(folders)


def _text_report(problems: Problems, checked: int, failed: bool) -> None:
    cwd = Path.cwd()
    for problem in _sorted(problems):
        print(for_terminal(problem.format(cwd)))
    errors, warnings = len(problems.errors), len(problems.warnings)
    verdict = "failed" if failed else "ok"
    log.info(f"checked {checked} project{'s' if checked != 1 else ''}: "
          f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''} — {verdict}")


def _json_report(problems: Problems, checked: int, failed: bool) -> None:
    cwd = Path.cwd()
    print(json.dumps({
        "ok": not failed,
        "projects": checked,
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "problems": [p.to_dict(cwd) for p in _sorted(problems)],
    }, indent=2))


def _sorted(problems: Problems):
    return sorted(problems, key=lambda p: (str(p.where.file), p.where.line, p.where.column))
