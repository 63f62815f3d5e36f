"""`qisite serve` over loopback HTTP: serves the site, rebuilds on change, tells the page to reload."""

import subprocess
import sys
import time
import urllib.request

import pytest

from support import run_qisite


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def server(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Serve test network\n", encoding="utf-8")
    assert run_qisite("new", tmp_path / "projects" / "clinic-access").returncode == 0
    process = subprocess.Popen([sys.executable, "-m", "qisite", "serve", "--port", "0", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        for line in process.stdout:
            if line.startswith("serving "):
                yield tmp_path, line.split(" at ")[1].split()[0]
                break
            assert time.monotonic() < deadline, "the server did not start"
        else:
            pytest.fail("qisite serve exited before serving")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_pages_with_the_reload_script(server):
    root, base = server
    page = get(base + "projects/clinic-access/index.html")
    assert "Clinic access" in page and "/__qisite/epoch" in page
    assert get(base + "assets/site.css").startswith("/*")


def test_a_change_rebuilds_and_moves_the_epoch(server):
    root, base = server
    epoch = int(get(base + "__qisite/epoch?since=-1"))
    project = root / "projects" / "clinic-access" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("title: Clinic access", "title: Clinic access for all"),
                       encoding="utf-8")
    assert int(get(base + f"__qisite/epoch?since={epoch}")) > epoch  # long-poll answers once rebuilt
    assert "Clinic access for all" in get(base + "projects/clinic-access/index.html")
