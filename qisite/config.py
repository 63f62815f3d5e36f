"""site.yaml → SiteConfig, with located errors and the default vocabularies.

The keys, their kinds and their defaults are declared once, on
:class:`qisite.model.SiteConfig`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qisite.load.kinds import Context, read_record
from qisite.load.records import SITE
from qisite.model import DEFAULT_EQUITY_AREAS, DEFAULT_STAGES, SiteConfig
from qisite.problems import Problems

__all__ = ["DEFAULT_EQUITY_AREAS", "DEFAULT_STAGES", "SITE_FILE", "default_config", "load_config"]

SITE_FILE = "site.yaml"
DEFAULT_TITLE = "QI projects"


def default_config(root: Path) -> SiteConfig:
    return SiteConfig(root=root, title=DEFAULT_TITLE)


def load_config(root: Path, problems: Problems) -> SiteConfig:
    """Read ``root/site.yaml``; without one, a network of defaults rooted there."""
    path = root / SITE_FILE
    if not path.exists():
        return default_config(root)
    values = read_record(path, SITE, Context(problems, {}))
    if values is None:
        return default_config(root)
    config = SiteConfig(root=root, **values)
    # an empty list keeps the default vocabulary: a network replaces it by listing its own
    return replace(config, equity_areas=config.equity_areas or DEFAULT_EQUITY_AREAS,
                   stages=config.stages or DEFAULT_STAGES)
