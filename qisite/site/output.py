"""Writing the site atomically: build into a temporary folder beside the
output, then swap it into place. A failed build leaves the old site whole, and
a folder qisite did not write is never deleted."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from qisite.problems import QisiteError

MARKER = ".qisite-build"


class SiteWriter:
    """Collects files in a staging folder; :meth:`commit` swaps it into place."""

    def __init__(self, output: Path):
        self.output = output
        _refuse_foreign(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
        self.written: list[str] = []

    def write_text(self, path: str, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    def write_bytes(self, path: str, data: bytes) -> None:
        target = self.staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.append(path)

    def copy(self, path: str, source: Path) -> None:
        self.write_bytes(path, source.read_bytes())

    def commit(self) -> None:
        (self.staging / MARKER).write_text("This folder is written by `qisite build`; it is replaced on every build.\n")
        old = None
        if self.output.exists():
            old = self.output.with_name(f".{self.output.name}.old-{os.getpid()}")
            self.output.rename(old)
        self.staging.rename(self.output)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _refuse_foreign(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise QisiteError(f"{output}: the output path is a file; choose another 'output' in site.yaml")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise QisiteError(f"{output}: this folder was not written by qisite and is not empty; "
                          "refusing to replace it (choose another 'output' in site.yaml, or empty it yourself)")
