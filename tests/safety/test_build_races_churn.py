"""A build racing file churn (a ``git pull`` while ``qisite build`` runs): every
build either publishes a whole site or stops with a plain message; a project
whose files change under it is a located problem, never a crash (exit 3) and
never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

GOLDEN_NETWORK = Path(__file__).parent.parent / "golden" / "network"


def churn(projects: Path, stop: threading.Event, seed: int) -> None:
    """Rename, delete and restore project folders and files as a pull would, until told to stop."""
    chance = random.Random(seed)
    spare = projects.parent / "_spare"
    while not stop.is_set():
        folder = chance.choice(sorted(p for p in projects.iterdir() if p.is_dir()))
        action = chance.choice(("move", "rewrite", "delete-file"))
        try:
            if action == "move":
                moved = spare / folder.name
                shutil.move(str(folder), str(moved))
                time.sleep(chance.uniform(0, 0.05))
                shutil.move(str(moved), str(folder))
            elif action == "rewrite":
                path = folder / "measures.yaml"
                text = path.read_text(encoding="utf-8")
                path.write_text("", encoding="utf-8")
                time.sleep(chance.uniform(0, 0.02))
                path.write_text(text, encoding="utf-8")
            else:
                path = chance.choice(sorted((folder / "data").glob("*.csv")))
                data = path.read_bytes()
                path.unlink()
                time.sleep(chance.uniform(0, 0.02))
                path.write_bytes(data)
        except OSError:
            pass  # the churn itself raced the build's cleanup; carry on
        time.sleep(chance.uniform(0, 0.03))


def test_builds_racing_file_churn_never_crash_and_always_leave_a_whole_site(tmp_path):
    network = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, network)
    (network / "_spare").mkdir()
    output = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    for attempt in range(6):
        stop = threading.Event()
        worker = threading.Thread(target=churn, args=(network / "projects", stop, attempt))
        worker.start()
        try:
            result = subprocess.run([sys.executable, "-m", "qisite", "build", str(network), "--output", str(output)],
                                    capture_output=True, text=True, timeout=300, env=env)
        finally:
            stop.set()
            worker.join()
        assert result.returncode in (0, 2), (result.returncode, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        if result.returncode == 0:
            assert (output / "index.html").is_file() and (output / "search.html").is_file()
            assert (output / "projects" / "index.html").is_file()
