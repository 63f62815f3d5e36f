"""site.yaml → SiteConfig, with located errors and the default vocabularies."""

from __future__ import annotations

from pathlib import Path

from qisite.load.kinds import Context, read_record
from qisite.load.schemas import SITE
from qisite.model import SiteConfig, Term
from qisite.problems import Problems

SITE_FILE = "site.yaml"

DEFAULT_EQUITY_AREAS = (
    Term("ethnicity", "Ethnicity and race", "Differences in access, experience or outcome by ethnic group."),
    Term("age", "Age", "Differences between age groups."),
    Term("sexuality", "Sexuality", "Differences experienced by lesbian, gay, bisexual and other sexual-minority people."),
    Term("gender", "Gender", "Differences by gender, including for trans and non-binary people."),
    Term("deprivation", "Deprivation", "Differences by neighbourhood deprivation (IMD decile or quintile)."),
    Term("disability", "Disability", "Differences experienced by disabled people and people with learning disabilities."),
    Term("language", "Language", "Differences for people who do not speak English as a first language."),
    Term("core20plus5", "Core20PLUS5", "NHS England's most deprived 20%, PLUS groups and five clinical areas."),
)

DEFAULT_STAGES = (
    Term("identify", "Identify the equity gap", "Disaggregate the data and compare with a reference group."),
    Term("understand", "Understand it", "Process maps, fishbones, Pareto charts and a three-part data review."),
    Term("strategy", "Develop a strategy", "An aim naming the inequity, a driver diagram and a measurement plan."),
    Term("test", "Test changes", "PDSA cycles: does each change close, widen or keep the gap?"),
    Term("implement", "Implement and sustain", "Standardise, document, train, measure and resource the change."),
)


def default_config(root: Path) -> SiteConfig:
    return SiteConfig(root=root, title="QI projects", description="", site_url=None,
                      projects_dir=root / "projects", output_dir=root / "_site", date_format="iso",
                      equity_areas=DEFAULT_EQUITY_AREAS, stages=DEFAULT_STAGES)


def load_config(root: Path, problems: Problems) -> SiteConfig:
    """Read ``root/site.yaml``; without one, a network of defaults rooted there."""
    path = root / SITE_FILE
    if not path.exists():
        return default_config(root)
    values = read_record(path, SITE, Context(problems, {}))
    if values is None:
        return default_config(root)
    return SiteConfig(
        root=root,
        title=values["title"],
        description=values["description"],
        site_url=values["site_url"],
        projects_dir=root / values["projects"],
        output_dir=root / values["output"],
        date_format=values["date_format"],
        equity_areas=values["equity_areas"] or DEFAULT_EQUITY_AREAS,
        stages=values["stages"] or DEFAULT_STAGES,
        small_number_threshold=(values["small_numbers"] or {}).get("threshold") or 5,
    )
