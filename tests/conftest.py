import re

import pytest

from support import run_qisite

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


@pytest.fixture
def scaffold(tmp_path):
    """A project folder exactly as ``qisite new`` writes it."""
    result = run_qisite("new", tmp_path / "demo-project")
    assert result.returncode == 0, result.stderr
    return tmp_path / "demo-project"


@pytest.fixture
def project(scaffold):
    """A valid project folder (from ``qisite new``, its placeholders replaced) to break in a test."""
    return fill_in(scaffold)
