"""Helpers shared by the tests (import as ``from support import …``)."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_qisite(*args, cwd=None):
    """Run the CLI as a user would: a subprocess, output captured."""
    return subprocess.run([sys.executable, "-m", "qisite", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


PLACEHOLDER_KEYS = ("summary", "organisation", "place", "population", "equity_gap", "affected_group",
                    "reference_group", "coproduction", "  statement")


def fill_in(project):
    """A team's first edit: its own words where ``qisite new`` left placeholder text."""
    path = project / "project.yaml"
    text = path.read_text(encoding="utf-8")
    for key in PLACEHOLDER_KEYS:
        text = re.sub(rf"^({key}): .*$", rf"\1: Our own {key.strip().replace('_', ' ')}.", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return project


def copy_example_network(root: Path) -> Path:
    """A copy of the example network (site.yaml, projects/ and the partner source partners/projects/)
    at ``root``, so a build's chart cache is not written into the repository."""
    import shutil

    shutil.copytree(REPO / "projects", root / "projects")
    shutil.copytree(REPO / "partners", root / "partners")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root
