import pytest

from support import run_qisite


@pytest.fixture
def project(tmp_path):
    """A valid project folder (from ``qisite new``) to break in a test."""
    result = run_qisite("new", tmp_path / "demo-project")
    assert result.returncode == 0, result.stderr
    return tmp_path / "demo-project"
