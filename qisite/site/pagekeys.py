"""What each page of the site is made from, as a key: a page whose key has not
changed since the published site was built is not rendered again.

A key covers everything the page's template can show. The site-wide part
(qisite's code, the templates, ``site.yaml``, the build date, every
organisation's address) is in every key. Beyond it, with qisite's own page
templates:

- a project's page: its project, and the id, title and team of each related
  project (all the page shows of it) with the reasons and score that relate it;
- a change idea's page: every project that uses the idea;
- an organisation's or a stage's page: the projects listed on it;
- every other page (home, lists, equity areas, search, 404): the whole network.

A project stands for its key: the content of its folder, with ``site.yaml``
and qisite's code (everything its load and analysis read). A network with
page templates of its own may show anything on any page, so there every key
covers the whole network. The property test in tests/test_incremental.py
holds these rules to a clean build.
"""

from __future__ import annotations

from dataclasses import dataclass

from qisite.buildcache import digest
from qisite.site.context import SiteData
from qisite.site.pages import Page


@dataclass(frozen=True)
class SiteKeys:
    site: str                      # the site-wide inputs
    projects: dict[str, str]       # project id → project key
    network: str                   # every project's key
    own_page_templates: bool       # the network overrides a page template: every page depends on everything


def site_keys(site: SiteData, inputs: str, projects: dict[str, str], own_page_templates: bool) -> SiteKeys:
    """``inputs``: a digest of code, templates, site.yaml and build options."""
    organisations = [(name, site.urls.organisation(name)) for name in site.by_organisation]
    whole = digest(inputs, site.generated.isoformat(), organisations)
    network = digest([(p.project.id, projects[p.project.id]) for p in site.projects])
    return SiteKeys(whole, projects, network, own_page_templates)


def page_key(page: Page, keys: SiteKeys) -> str:
    return digest(keys.site, page.path, page.template, keys.network if keys.own_page_templates else "", _depends_on(page, keys))


def project_files_key(project_id: str, keys: SiteKeys) -> str:
    """A project's downloads (chart SVGs, data CSVs): its own project alone, with the site-wide inputs."""
    return digest(keys.site, "files", project_id, keys.projects[project_id])


def _depends_on(page: Page, keys: SiteKeys):
    context, projects = page.context, keys.projects
    if page.template == "project.html":
        data = context["data"]
        return (projects[data.project.id],
                [(r.project.id, r.project.title, r.project.team, r.reasons, r.score) for r in data.related])
    if page.template == "idea.html":
        return [(use.project.id, projects[use.project.id]) for use in context["entry"].uses]
    if page.template in ("organisation.html", "stage.html"):
        return [(p.id, projects[p.id]) for p in context["projects"]]
    return keys.network
