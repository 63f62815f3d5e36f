"""A project still carrying ``qisite new``'s placeholder text: a warning (so an
error under ``--strict``), since a placeholder publishes as if it were the team's
own words ("Your organisation" as a team page, a made-up aim on the home page).

The placeholders are read from the scaffold itself (qisite/scaffold/project.yaml),
so the check follows the scaffold when its wording changes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from qisite.model import Project
from qisite.problems import Problems


@cache
def scaffold_placeholders() -> dict[str, str]:
    """project.yaml key (``aim.statement`` for the aim's) → the scaffold's placeholder
    text; keys whose scaffold value is filled in by ``qisite new`` are left out."""
    text = (resources.files("qisite") / "scaffold" / "project.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    found = {k: v for k, v in data.items() if isinstance(v, str) and "${" not in v and " " in v.strip()}
    found.update({f"aim.{k}": v for k, v in data.get("aim", {}).items() if isinstance(v, str) and "${" not in v and " " in v.strip()})
    return found


def check_placeholders(project: Project, problems: Problems) -> None:
    """One warning per project, at the first key still holding placeholder text."""
    kept = []
    for name, placeholder in scaffold_placeholders().items():
        record, key = (project.aim, name.split(".", 1)[1]) if name.startswith("aim.") else (project, name)
        if isinstance(getattr(record, key, None), str) and " ".join(getattr(record, key).split()) == " ".join(placeholder.split()):
            kept.append((name, record.at.of(key) if record.at else None))
    if not kept:
        return
    names = ", ".join(name for name, _ in kept)
    where = next((at for _, at in kept if at is not None), None)
    if where is None:
        return
    problems.warning(where, f"project.yaml still holds the placeholder text of 'qisite new' in: {names}",
                     "write the project's own words: placeholder text would be published as the team's")
