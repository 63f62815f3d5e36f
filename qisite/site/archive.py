"""The built site as one zip archive (``qisite build --zip FILE.zip``).

Every file of the output folder goes under one top folder named after the
archive (``qi-site.zip`` → ``qi-site/index.html``), so the archive unpacks into a
folder of its own and works from there, like the site itself, from file:// or
any web server. The build marker (whose token vouches for the output folder) is
left out. Entries are sorted and dated with the build date, so the same site
makes the same archive; the archive is written beside its final name and
renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import zipfile
from pathlib import Path

from qisite.problems import QisiteError
from qisite.site.output import MARKER


def check_archive_path(archive: Path, output: Path) -> None:
    """A QisiteError unless ``archive`` is a .zip file outside the site it holds."""
    if archive.suffix.lower() != ".zip":
        raise QisiteError(f"{archive}: the archive's name must end in .zip")
    if archive.resolve().is_relative_to(output.resolve()):
        raise QisiteError(f"{archive}: the archive cannot be inside the site it holds ({output})",
                          "write it beside the output folder, e.g. --zip site.zip")
    if archive.is_dir():
        raise QisiteError(f"{archive}: is a folder, not a file")


def write_archive(output: Path, archive: Path, built: dt.date) -> int:
    """Zip the site in ``output`` into ``archive``; how many files it holds."""
    check_archive_path(archive, output)
    top = archive.stem or "site"
    stamp = (max(built.year, 1980), built.month, built.day, 0, 0, 0)
    files = sorted((p for p in output.rglob("*") if p.is_file() and not p.is_symlink() and p.name != MARKER),
                   key=lambda p: p.relative_to(output).as_posix())   # by entry name ("search-index.js" before "search/")
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(f".{archive.name}.{secrets.token_hex(4)}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
            for path in files:
                entry = zipfile.ZipInfo(f"{top}/{path.relative_to(output).as_posix()}", date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                zipped.writestr(entry, path.read_bytes())
        os.replace(partial, archive)
    finally:
        partial.unlink(missing_ok=True)
    return len(files)
