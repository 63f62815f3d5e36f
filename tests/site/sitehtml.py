"""Reading a built site without a browser: the links, ids, headings and
landmarks of each HTML page (stdlib html.parser only), and one page of each type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Debian's chromium, driven by Playwright (never a browser Playwright downloads).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-gpu", "--no-first-run", "--disable-sync"]

# One page of each type in the example network (site path → type). The
# screenshots, the axe checks and the golden outline all use this list.
PAGE_TYPES = {
    "home": "index.html",
    "projects": "projects/index.html",
    "project": "projects/east-india-ward-racism/index.html",
    "area": "areas/ethnicity/index.html",
    "areas": "areas/index.html",
    "ideas": "ideas/index.html",
    "idea": "ideas/community-pop-up-clinics/index.html",
    "teams": "teams/index.html",
    "organisation": "teams/east-london-nhs-foundation-trust/index.html",
    "stages": "stages/index.html",
    "stage": "stages/test/index.html",
    "search": "search.html",
    "network measures": "measures/index.html",
    "network measure": "measures/first-appointment-dna/index.html",
    "404": "404.html",
}

HEADINGS = {f"h{n}" for n in range(1, 7)}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Sectioning elements inside which <header>/<footer> are not landmarks.
SECTIONING = {"article", "aside", "main", "nav", "section"}
LINK_ATTRS = {"href", "src", "xlink:href", "action", "poster", "srcset"}


@dataclass
class Link:
    tag: str
    attr: str
    value: str
    rel: str
    line: int


@dataclass
class Page:
    path: str                                    # site path, e.g. projects/x/index.html
    title: str = ""
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    landmarks: list[str] = field(default_factory=list)
    classes: dict[str, int] = field(default_factory=dict)   # class name → number of elements
    inline_styles: int = 0
    inline_scripts: int = 0
    event_handlers: list[str] = field(default_factory=list)

    def count(self, css_class: str) -> int:
        return self.classes.get(css_class, 0)

    @property
    def h1(self) -> list[str]:
        return [text for level, text in self.headings if level == 1]


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.in_svg = 0
        self.text: list[list[str]] = []          # open heading / title text buffers
        self.capture: list[str] = []             # what each buffer is for

    def handle_starttag(self, tag, attrs):
        self._start(tag, dict(attrs), self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, dict(attrs), self_closing=True)

    def _start(self, tag, attrs, self_closing):
        page = self.page
        line = self.getpos()[0]
        if tag == "html":
            page.lang = attrs.get("lang") or ""
        if attrs.get("id"):
            page.ids.append(attrs["id"])
        for name in (attrs.get("class") or "").split():
            page.classes[name] = page.classes.get(name, 0) + 1
        if attrs.get("style") is not None:
            page.inline_styles += 1
        page.event_handlers += [f"<{tag} {k}>" for k in attrs if k.startswith("on")]
        for attr in LINK_ATTRS & attrs.keys():
            if attrs[attr] is not None:
                page.links.append(Link(tag, attr, attrs[attr], attrs.get("rel") or "", line))
        if tag == "script" and not attrs.get("src"):
            page.inline_scripts += 1
        self._landmark(tag, attrs)
        if tag in HEADINGS and not self.in_svg:
            self.text.append([])
            self.capture.append(tag)
        if tag == "title" and not self.in_svg and not self.stack.count("svg"):
            self.text.append([])
            self.capture.append("title")
        if tag == "svg":
            self.in_svg += 1
        if not self_closing and tag not in VOID:
            self.stack.append(tag)

    def _landmark(self, tag, attrs):
        role = attrs.get("role")
        label = attrs.get("aria-label") or ""
        inside_section = any(t in SECTIONING for t in self.stack)
        name = None
        if role in ("search", "banner", "contentinfo", "navigation", "main", "complementary", "region"):
            name = role
        elif tag == "header" and not inside_section:
            name = "banner"
        elif tag == "footer" and not inside_section:
            name = "contentinfo"
        elif tag == "nav":
            name = "navigation"
        elif tag == "main":
            name = "main"
        elif tag == "aside":
            name = "complementary"
        if name:
            self.page.landmarks.append(f"{name}: {label}" if label else name)

    def handle_endtag(self, tag):
        if tag == "svg" and self.in_svg:
            self.in_svg -= 1
        if self.capture and self.capture[-1] == tag:
            text = " ".join("".join(self.text.pop()).split())
            self.capture.pop()
            if tag == "title":
                self.page.title = text
            else:
                self.page.headings.append((int(tag[1]), text))
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for buffer in self.text:
            buffer.append(data)


def parse(site: Path, path: str) -> Page:
    page = Page(path)
    parser = _Parser(page)
    parser.feed((site / path).read_text(encoding="utf-8"))
    parser.close()
    return page


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def svg_ids(text: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', text)
