import pytest

from support import fill_in, run_qisite


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
