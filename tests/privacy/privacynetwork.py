"""A small network built from `qisite new`'s scaffold, edited per test."""

from __future__ import annotations

from pathlib import Path

from qisite.commands.new import write_scaffold

from support import fill_in


def make_network(root: Path, site_extra: str = "", project: str = "clinic") -> Path:
    """root/site.yaml and root/projects/<project>, the scaffold as written by `qisite new`,
    its main-outcome measure made unstratified (these tests write its CSV with one row per month)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(f"title: Privacy test network\n{site_extra}", encoding="utf-8")
    folder = root / "projects" / project
    write_scaffold(folder)
    fill_in(folder)                                   # a team's first edit: no placeholder text left
    measures = folder / "measures.yaml"
    lines = measures.read_text(encoding="utf-8").splitlines(keepends=True)
    measures.write_text("".join(line for line in lines if not line.lstrip().startswith(("group:", "reference_group:"))),
                        encoding="utf-8")
    (folder / "data" / "main-outcome.csv").write_text(
        "month,seen,referred\n" + "".join(f"2024-{m:02d}-01,{20 + m % 3},{40 + m % 4}\n" for m in range(1, 13)),
        encoding="utf-8")
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
