import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCAFFOLD = REPO / "qisite" / "scaffold"


def run_qisite(*args, cwd=None):
    """Run the CLI as a user would: a subprocess, output captured."""
    return subprocess.run([sys.executable, "-m", "qisite", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path):
    """A valid project folder (from ``qisite new``) to break in a test."""
    result = run_qisite("new", tmp_path / "demo-project")
    assert result.returncode == 0, result.stderr
    return tmp_path / "demo-project"
