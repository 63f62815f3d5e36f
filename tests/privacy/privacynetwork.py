"""A small network built from `qisite new`'s scaffold, edited per test."""

from __future__ import annotations

from pathlib import Path

from qisite.commands.new import write_scaffold


def make_network(root: Path, site_extra: str = "", project: str = "clinic") -> Path:
    """root/site.yaml and root/projects/<project>, the scaffold as written by `qisite new`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(f"title: Privacy test network\n{site_extra}", encoding="utf-8")
    folder = root / "projects" / project
    write_scaffold(folder)
    return folder


def add_measure(folder: Path, yaml_text: str, csv_name: str, csv_text: str) -> None:
    """Append a measure (YAML list item, indented as in the scaffold) and write its CSV."""
    with (folder / "measures.yaml").open("a", encoding="utf-8") as out:
        out.write(yaml_text)
    (folder / "data" / csv_name).write_text(csv_text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
