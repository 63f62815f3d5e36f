"""The client-side search index: a .js file that sets a global, so search works
from file:// (no fetch, no modules, no workers) and loads only when used.

Every narrative field is indexed (story, PDSA plan/prediction/do/study/act,
change-idea descriptions, fishbone causes, sustain items, co-production…), so
the text is stored compactly: one vocabulary of the words and punctuation of
the whole site, most frequent first, and each field as a string of codes into
it. A code is a varint over two alphabets that JSON needs no escape for: zero
or more *continuation* characters then one *final* character, so the 45 most
frequent tokens take one character and the next 1,980 two. The browser
(templates/static/site.js) decodes the fields to rebuild snippets, matches
words with a typo allowance against the vocabulary, and highlights what matched.

Shape of ``window.QISITE_SEARCH_INDEX``::

    {"v": "word word …",              # the vocabulary, space-separated, rank order
     "l": ["Aim", "Story", …],        # field labels
     "n": ["The figures are …", …],   # illustrative-data notices
     "e": [{"t": title, "u": url, "k": kind, "s": summary codes,
            "f": [[label index, codes], …],
            "i": notice index}, …]}       # only on an illustrative project (or an idea only they use)

Titles are kept as written (they are shown and matched whole); every other
text is rebuilt from its tokens with ordinary spacing.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from qisite.site import urls
from qisite.site.context import SiteData
from qisite.squire import BY_KEY, REPORT_KEYS

GLOBAL = "QISITE_SEARCH_INDEX"

# digits of a code: FINAL ends it, CONTINUATION digits come before (no quote, backslash or '<')
FINAL = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+"
CONTINUATION = "abcdefghijklmnopqrstuvwxyz,-./:;=>?@[]^_`{|}~"[:44]

# a number (2.0, 85%, 1,303), a word with inner hyphens or apostrophes (co-designed, team's), or one other character
TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*%?|[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = str.maketrans(dict.fromkeys("*_`#>|~", " "))   # a mark is never part of a token: a space will do

# what a field is called on a search result, and how much a match in it counts (site.js: WEIGHTS by label)
LABELS = ("Aim", "About", "Story", "PDSA plan", "PDSA prediction", "PDSA do", "PDSA study", "PDSA act",
          "PDSA cycle", "Change idea", "Cause", "Measure", "Co-production", "Sustain", "Team",
          *(BY_KEY[name].name for name in REPORT_KEYS))   # the write-up, headed by its SQUIRE 2.0 items


def tokens(text: str) -> list[str]:
    """Words, numbers and punctuation of a field (Markdown marks and link targets dropped)."""
    linked = _MARKDOWN_LINK.sub(r"\1", text) if "](" in text else text
    return TOKEN.findall(linked.translate(_MARKDOWN_MARKS))


def encode(rank: int) -> str:
    """A vocabulary rank as a varint: continuation digits, then one final digit."""
    base_f, base_c = len(FINAL), len(CONTINUATION)
    out = FINAL[rank % base_f]
    rank //= base_f
    while rank:
        rank -= 1
        out = CONTINUATION[rank % base_c] + out
        rank //= base_c
    return out


def decode(codes: str) -> list[int]:
    """The inverse of joining ``encode`` results (the browser does the same in site.js)."""
    out, value = [], 0
    for char in codes:
        at = CONTINUATION.find(char)
        if at >= 0:
            value = value * len(CONTINUATION) + at + 1
        else:
            out.append(value * len(FINAL) + FINAL.index(char))
            value = 0
    return out


def project_tokens(project) -> tuple[tuple[str, str], ...]:
    """A project's searchable fields, tokenised (label, tokens joined by spaces: no token holds one):
    worked out once with its analysis and kept in its cached entry (ProjectData.search_tokens), so that
    an edit build does not tokenise every project's narrative again."""
    return tuple((label, " ".join(tokens(text))) for label, text in _project_fields(project))


def _project_fields(p) -> list[tuple[str, str]]:
    fields = [("Aim", p.aim.statement),
              ("About", " · ".join(t for t in (p.equity_gap, p.affected_group, p.reference_group, p.population,
                                               p.place, p.organisation, " ".join(p.equity_areas), p.stage) if t)),
              ("Team", p.team)]
    fields += [("Change idea", f"{i.title}: {i.description}" if i.description else i.title)
               for i in p.drivers.change_ideas]
    fields += [("Measure", m.title) for m in p.measures]
    for c in p.cycles:
        fields.append(("PDSA cycle", c.title))
        fields += [(label, text) for label, text in (("PDSA plan", c.plan), ("PDSA prediction", c.prediction),
                                                      ("PDSA do", c.do), ("PDSA study", c.study), ("PDSA act", c.act))
                   if text]
    if p.fishbone:
        fields.append(("Cause", p.fishbone.effect))
        fields += [("Cause", f"{category.name}: {cause}") for category in p.fishbone.categories
                   for cause in category.causes]
    if p.coproduction:
        fields.append(("Co-production", p.coproduction))
    fields += [(BY_KEY[name].name, getattr(p, name)) for name in REPORT_KEYS]
    if p.story:
        fields.append(("Story", p.story))
    fields += [("Sustain", item.item) for item in p.sustain]
    return [(label, text) for label, text in fields if text and text.strip()]


def search_entries(site: SiteData) -> list[dict]:
    """One entry per project, change idea, network measure and equity area: title, url, kind, summary and its fields as text."""
    entries = []
    for data in site.projects:
        p = data.project
        summary = f"{data.headline_text}. {p.summary}" if data.headline_text else p.summary  # the equity headline leads
        entries.append(_entry(p.title, urls.project(p.id), "project", summary, [],
                              p.illustrative_notice(site.network.config),
                              tokenised=[(label, joined.split()) for label, joined in
                                         (data.search_tokens or project_tokens(p))]))
    for entry in site.library.values():
        fields = [("Change idea", text) for text in dict.fromkeys(u.idea.description for u in entry.uses)
                  if text] + [("Team", ", ".join(entry.teams))]
        summary = f"Tested by {len(entry.teams)} team{'' if len(entry.teams) == 1 else 's'}"
        only_illustrative = all(u.project.illustrative for u in entry.uses)
        entries.append(_entry(entry.title, urls.idea(entry.id), "change idea", summary, fields,
                              site.network.config.illustrative_note if only_illustrative else ""))
    for shared in site.shared:
        teams = [r.label for r in shared.reporters]
        summary = (f"Network measure reported by {len(teams)} team{'' if len(teams) == 1 else 's'}"
                   + (": a funnel plot compares them" if shared.funnel is not None else ""))
        only_illustrative = bool(shared.reporters) and all(r.project.illustrative for r in shared.reporters)
        entries.append(_entry(shared.entry.title, urls.network_measure(shared.entry.id), "network measure", summary,
                              [("Measure", shared.entry.definition), ("Team", ", ".join(teams))],
                              site.network.config.illustrative_note if only_illustrative else ""))
    for area in site.network.config.equity_areas:
        if area.id in site.by_area:
            entries.append(_entry(area.title, urls.area(area.id), "equity area", area.description, [("About", area.id)]))
    return entries


def _entry(title: str, url: str, kind: str, summary: str, fields: list[tuple[str, str]], illustrative: str = "",
           tokenised: list[tuple[str, list[str]]] | None = None) -> dict:
    """``fields`` as text, or ``tokenised`` already (a project's, kept in its cached entry)."""
    return {"t": title, "u": url, "k": kind, "s": summary, "fields": fields, "i": illustrative, "tokenised": tokenised}


def search_index(site: SiteData) -> dict:
    """The index as the browser reads it (see the module docstring)."""
    entries = search_entries(site)
    counts: Counter[str] = Counter()
    tokenised = []
    for e in entries:
        counts.update(tokens(e["t"]) + tokens(e["s"]))   # the title in the vocabulary too, for typo matching
        fields = e.get("tokenised") or [(label, tokens(text)) for label, text in e["fields"]]
        for _, found in fields:
            counts.update(found)
        tokenised.append(fields)
    vocabulary = [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    code = {word: encode(i) for i, word in enumerate(vocabulary)}.__getitem__   # each word's code, worked out once
    notes: dict[str, int] = {}
    out = []
    for e, fields in zip(entries, tokenised):
        title, url, kind = e["t"], e["u"], e["k"]
        item = {"t": title, "u": url, "k": kind, "s": "".join(map(code, tokens(e["s"]))),
                "f": [[LABELS.index(label), "".join(map(code, found))] for label, found in fields if found]}
        if e["i"]:
            item["i"] = notes.setdefault(e["i"], len(notes))   # the illustrative notice, by index
        out.append(item)
    return {"v": " ".join(vocabulary), "l": list(LABELS), "n": list(notes), "e": out}


def search_script(site: SiteData) -> str:
    payload = json.dumps(search_index(site), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL}={payload};\n"
