"""Project cards, each rendered once and reused: by every listing page of a build, and by the next build.

The listing pages (home, projects, equity areas, stages, organisations) show a
project as a card, and at a thousand projects they are most of what an edit
renders again. A card's HTML is a function of the project's *card key*
(:func:`qisite.site.pagekeys.card_key`: everything a listing can show of it),
the site-wide inputs (code, templates, ``site.yaml``, build date, organisations'
addresses: ``SiteKeys.site``), the heading level and the folder of the page it
is on (its links are relative). :class:`CardCache` keeps the HTML under exactly
that, so a card is rendered once per folder and heading, and an edit renders
only the cards of the projects whose card changed. A network whose own templates
override a page may show anything on a card: there the cache is off.

The cache lives on the :class:`qisite.build.Builder` (in memory between
``qisite serve`` builds) and in ``.qisite-cache/build/cards.pickle`` (sealed, as
every cache blob is), keeping only the cards the last build used.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

CardKey = tuple[str, str, str, str]   # (site-wide inputs, card key, heading, page folder)


class CardCache:
    def __init__(self, stored: dict[CardKey, str] | None = None):
        self.html: dict[CardKey, str] = dict(stored or {})
        self.site = ""
        self.cards: dict[str, str] = {}      # project id → card key
        self.enabled = False
        self.new: dict[CardKey, str] = {}    # rendered by this process since :meth:`take_new`
        self.dirty = False                   # differs from what was stored

    def start(self, site: str, cards: dict[str, str], enabled: bool) -> None:
        """A new build: its site-wide key and its projects' card keys."""
        self.site, self.cards, self.enabled = site, cards, enabled

    def card(self, page: str, project_id: str, heading: str, render: Callable[[], Any]) -> Markup:
        if not self.enabled or project_id not in self.cards:
            return Markup(render())
        key = (self.site, self.cards[project_id], heading, posixpath.dirname(page))
        found = self.html.get(key)
        if found is None:
            found = self.html[key] = self.new[key] = str(render())
            self.dirty = True
        return Markup(found)

    def take_new(self) -> dict[CardKey, str]:
        """The cards rendered here since the last call (a forked worker hands them to the parent)."""
        new, self.new = self.new, {}
        return new

    def adopt(self, cards: dict[CardKey, str]) -> None:
        """Cards a forked worker rendered for this build."""
        self.dirty |= any(key not in self.html for key in cards)
        self.html.update(cards)

    def kept(self) -> dict[CardKey, str]:
        """What to keep for the next build: the cards of this build's site (every card it could show
        again; those of other sites, other builds' keys, are dropped)."""
        wanted = set(self.cards.values())
        kept = {k: v for k, v in self.html.items() if k[0] == self.site and k[1] in wanted}
        self.dirty |= len(kept) != len(self.html)
        self.html = kept
        return kept


def card_global(cache: CardCache) -> Callable[..., Markup]:
    """The template global ``cached_card(render, project, heading)``: ``render`` is the macro that draws
    the card (templates/partials/macros.html), called only when the card is not kept."""

    @jinja2.pass_context
    def cached_card(context, render, project, heading: str) -> Markup:
        return cache.card(context["page"], project.id, heading, lambda: render(project, heading))

    return cached_card
