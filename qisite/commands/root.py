"""Which network a command works on, when the user did not name its folder."""

from __future__ import annotations

from pathlib import Path

from qisite.load.network import find_network_root, require_network_root


def network_root(given: Path | None) -> Path:
    """The folder given, else the nearest one at or above the current folder
    holding site.yaml (as ``qisite check`` finds it), else the current folder.
    A folder that holds no network is a user-facing error."""
    if given is None:
        given = find_network_root(Path.cwd()) or Path(".")
    require_network_root(given)
    return given
