"""Helpers shared by the tests (import as ``from support import …``)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_qisite(*args, cwd=None):
    """Run the CLI as a user would: a subprocess, output captured."""
    return subprocess.run([sys.executable, "-m", "qisite", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
