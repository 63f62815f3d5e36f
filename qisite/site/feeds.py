"""The Atom feed of project updates and sitemap.xml."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from qisite.model import Update
from qisite.site import urls
from qisite.site.context import SiteData
from qisite.site.markdown import render_markdown
from qisite.site.render import format_day


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(site: SiteData) -> str:
    config = site.network.config
    base = config.site_url.rstrip("/") + "/" if config.site_url else ""
    recent = sorted(site.projects, key=lambda d: d.last_activity, reverse=True)
    updated = recent[0].last_activity if recent else site.generated
    dated = [(d.last_activity, _entry(d, base)) for d in recent]
    dated += [(u.date, _update_entry(d, anchor, u, base)) for d, anchor, u in site.updates]
    entries = "".join(text for _, text in sorted(dated, key=lambda pair: pair[0], reverse=True))
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
        f"    <summary>{escape(data.summary_sentence)}</summary>\n"
        "  </entry>\n"
    )


def _update_entry(data, anchor: str, update: Update, base: str) -> str:
    """One entry per update of a project's log: its text (Markdown rendered, then escaped as Atom's
    type="html" wants), dated, its author the role the team gave with the team's name."""
    p = data.project
    page = base + urls.project(p.id) if base else urls.project(p.id)
    link = f"{page}#{anchor}"
    entry_id = link if base else f"urn:qisite:project:{p.id}:{anchor}"
    author = f"{update.author}, {p.team}" if update.author else p.team
    html = render_markdown(update.text, heading_offset=1)
    return (
        "  <entry>\n"
        f"    <title>{escape(update_title(p.title, update.date))}</title>\n"
        f"    <id>{escape(entry_id)}</id>\n"
        f"    <updated>{_stamp(update.date)}</updated>\n"
        f"    <link href={quoteattr(link)}/>\n"
        f"    <author><name>{escape(author)}</name></author>\n"
        f'    <content type="html">{escape(str(html))}</content>\n'
        "  </entry>\n"
    )


def update_title(project_title: str, day: dt.date) -> str:
    """"East India ward: update of 28 Jun 2021" (the feed's entry and the home page's line)."""
    return f"{project_title}: update of {format_day(day)}"


def sitemap(site: SiteData, pages: list[str]) -> str:
    site_url = site.network.config.site_url
    assert site_url is not None, "sitemap() is only called when site_url is set"
    base = site_url.rstrip("/") + "/"
    rows = "".join(f"  <url><loc>{escape(base + page)}</loc></url>\n" for page in sorted(pages) if page != urls.NOT_FOUND)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n")
