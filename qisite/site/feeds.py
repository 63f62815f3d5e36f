"""The Atom feed of project updates and sitemap.xml."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from qisite.site import urls
from qisite.site.context import SiteData


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(site: SiteData) -> str:
    config = site.network.config
    base = config.site_url.rstrip("/") + "/" if config.site_url else ""
    recent = sorted(site.projects, key=lambda d: d.last_activity, reverse=True)
    updated = recent[0].last_activity if recent else site.generated
    entries = "".join(_entry(d, base) for d in recent)
    feed_id = base + urls.FEED if base else f"urn:qisite:{escape(config.title)}"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(config.title)}</title>\n"
        f"  <id>{escape(feed_id)}</id>\n"
        f"  <updated>{_stamp(updated)}</updated>\n"
        f"  <link href={quoteattr(base + urls.HOME if base else urls.HOME)}/>\n"
        f"{entries}</feed>\n"
    )


def _entry(data, base: str) -> str:
    p = data.project
    link = base + urls.project(p.id) if base else urls.project(p.id)
    entry_id = link if base else f"urn:qisite:project:{p.id}"
    return (
        "  <entry>\n"
        f"    <title>{escape(p.title)}</title>\n"
        f"    <id>{escape(entry_id)}</id>\n"
        f"    <updated>{_stamp(data.last_activity)}</updated>\n"
        f"    <link href={quoteattr(link)}/>\n"
        f"    <author><name>{escape(p.team)}</name></author>\n"
        f"    <summary>{escape(_summary(data))}</summary>\n"
        "  </entry>\n"
    )


def _summary(data) -> str:
    """The equity headline first (the same words as the pages), then the team's summary."""
    return f"{data.headline_text}. {data.project.summary}" if data.headline_text else data.project.summary


def sitemap(site: SiteData, pages: list[str]) -> str:
    site_url = site.network.config.site_url
    assert site_url is not None, "sitemap() is only called when site_url is set"
    base = site_url.rstrip("/") + "/"
    rows = "".join(f"  <url><loc>{escape(base + page)}</loc></url>\n" for page in sorted(pages) if page != urls.NOT_FOUND)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n")
