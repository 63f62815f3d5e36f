"""The client-side search: a small index that ranks, and one fragment per project
that holds its text, all plain scripts, so search works from file:// (no fetch,
no modules, no workers) and loads only when used.

Every narrative field is indexed (story, PDSA plan/prediction/do/study/act,
change-idea descriptions, fishbone causes, sustain items, co-production…).
Split as Pagefind does, so that the index stays small (under 2 MB at 1,000
projects) and a one-project edit re-encodes one project's text only:

* ``assets/search-index.js`` (:data:`urls.SEARCH_INDEX`) holds what ranking
  needs: one vocabulary of the site's words, most frequent first, and per
  entry its title, summary and, for each field label, the *distinct words* it
  contains (no punctuation), as codes into the vocabulary. The browser
  (templates/static/site.js) matches words with a typo allowance against the
  vocabulary and scores each entry from these alone, exactly as it would from
  the full text (a field's score is its best word's).
* ``assets/search/<project id>.js`` (:func:`urls.search_fragment`) holds one
  project's fields as plain text (each field's tokens separated by single
  spaces), so it depends on that project alone and is byte for byte the same
  from build to build while the project is: worked out with its analysis
  (:class:`SearchRecord`), written by :func:`search_fragment`. The other
  entries' fragments (``idea.<id>``, ``measure.<id>``, ``area.<id>``: a dot,
  so never a project's id) depend on several projects (an idea's teams) and
  are written with the index (:func:`search_files`). The browser loads the
  fragments of the results it shows and fills in their snippets (the label
  and a window of words round the first match of the best field, chosen from
  the full text as before); until one arrives (or if it is missing) a result
  shows its summary.

A code is a varint over two alphabets that JSON needs no escape for: zero or
more *continuation* characters then one *final* character, so the 45 most
frequent words take one character and the next 1,980 two. A label's distinct
words are sorted by rank and stored as gaps (each word's rank minus the
previous one's, minus one), which are mostly small.

Shape of ``window.QISITE_SEARCH_INDEX``::

    {"v": "word word …",              # the vocabulary, space-separated, rank order
     "l": ["Aim", "Story", …],        # field labels
     "n": ["The figures are …", …],   # illustrative-data notices
     "d": "assets/search",            # the fragments' folder
     "e": [{"t": title, "u": url, "k": kind, "s": summary codes,
            "w": [[label index, gap codes of its distinct words], …],
            "g": fragment key,                # its fragment is d/<key>.js
            "i": notice index}, …]}       # only on an illustrative project (or an idea only they use)

and a fragment is ``window.QISITE_SEARCH_FRAGMENT("<key>", [[label index,
"tokens"], …]);``, the entry's fields in order.

Titles are kept as written (they are shown and matched whole); every other
text is rebuilt from its tokens with ordinary spacing.
"""

from __future__ import annotations

import json
import operator
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from qisite.site import urls
from qisite.site.context import SiteData
from qisite.squire import BY_KEY, REPORT_KEYS

GLOBAL = "QISITE_SEARCH_INDEX"
FRAGMENT_CALLBACK = "QISITE_SEARCH_FRAGMENT"   # what a fragment calls (site.js defines it)

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


@dataclass(frozen=True)
class SearchRecord:
    """One project's part of search, worked out once with its analysis and kept in its cached
    entry (ProjectData.search), so that a build neither tokenises nor encodes every project again.
    Every build reads ``words`` (for the index; about a fifth of the record); ``fragment`` is
    needed only when the project's fragment file is written."""

    words: tuple[tuple[int, str], ...]   # label index, that label's distinct words (no punctuation), space-separated
    fragment: str                        # the text of its fragment file
    # its listing part's only (:meth:`listing`), so that a build neither tokenises nor counts a project's words:
    title: str | None = None             # its entry's title and summary (ProjectData.summary_sentence)
    summary: str | None = None           # as they were when the rest was worked out
    summary_tokens: str = ""             # the summary's tokens, space-separated
    counted: tuple[str, tuple[int, ...]] = ("", ())   # the words the index counts of it (:func:`_counted`)
    ideas: tuple[tuple[str, str], ...] = ()   # its change ideas' descriptions, each with its tokens (space-separated)

    def listing(self, data) -> SearchRecord:
        """What every build reads (the project's listing part: qisite.site.context.listing_data): its
        words, its entry's summary's tokens and how often its entry has each word (title, summary,
        words), and the tokens of its change ideas' descriptions (a change idea's entry has them), worked
        out from ``data``."""
        title, summary = data.project.title, data.summary_sentence
        found = " ".join(tokens(summary))
        ideas = tuple((text, " ".join(tokens(text))) for text in dict.fromkeys(
            i.description for i in data.project.drivers.change_ideas) if text)
        return SearchRecord(self.words, "", title, summary, found, _counted(" ".join(tokens(title)), found, self.words),
                            ideas)


def project_search(project) -> SearchRecord:
    fields = [(LABELS.index(label), found) for label, text in _project_fields(project) if (found := tokens(text))]
    return SearchRecord(_distinct_words(fields), _fragment(project.id, fields))


def _distinct_words(fields: list[tuple[int, list[str]]]) -> tuple[tuple[int, str], ...]:
    """Each label's distinct words, labels in the order they first come: enough to score a field
    (a match is a word; a token that is not, punctuation, never matches a query term)."""
    by_label: dict[int, dict[str, None]] = {}
    for label, found in fields:
        by_label.setdefault(label, {}).update(dict.fromkeys(found))
    joined = ((label, " ".join([w for w in words if w[0].isalnum()])) for label, words in by_label.items())
    return tuple((label, words) for label, words in joined if words)


def _fragment(project_id: str, fields: list[tuple[int, list[str]]]) -> str:
    return f"window.{FRAGMENT_CALLBACK}({_script_json(project_id)},{_script_json(_texts(fields))});\n"


def _texts(fields: list[tuple[int, list[str]]]) -> list[list]:
    return [[label, " ".join(found)] for label, found in fields]


def search_fragment(data) -> str:
    """The text of a project's fragment file (at :func:`search_fragment_path`): its own text only,
    from its whole data (written with its downloads)."""
    if not data.complete:
        raise ValueError(f"{data.project.id}: a project's search fragment is written from its whole data")
    return _record(data).fragment


def _record(data) -> SearchRecord:
    """A project's search record: kept with its analysis, else worked out now (never from its listing
    part, which lacks its story and notes: qisite.site.context.listing_data)."""
    if data.search is not None:
        return data.search
    if not data.complete:
        raise ValueError(f"{data.project.id}: a project's listing data needs its search record worked out first")
    return project_search(data.project)


def search_fragment_path(data) -> str:
    return urls.search_fragment(data.project.id)


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
    """One entry per project, change idea, network measure and equity area: title, url, kind, summary,
    illustrative notice, each label's distinct words, and its fragment (key; the text, if not a project's);
    a project's listing part brings its summary's tokens ("st") and the words it counts ("counted") too."""
    entries = []
    known: dict[str, str] = {}   # text → its tokens, as the listing parts have them
    for data in site.projects:
        p = data.project
        record = _record(data)
        known.update(record.ideas)
        summary = data.summary_sentence   # the equity headline leads
        made = _entry(p.title, urls.project(p.id), "project", summary, p.illustrative_notice(site.network.config),
                      record.words, p.id)
        if record.summary == summary and record.title == p.title:   # its listing part's, worked out from these
            made["st"], made["counted"] = record.summary_tokens, record.counted
        entries.append(made)
    for entry in site.library.values():
        fields = [("Change idea", text) for text in dict.fromkeys(u.idea.description for u in entry.uses)
                  if text] + [("Team", ", ".join(entry.teams))]
        summary = f"Tested by {len(entry.teams)} team{'' if len(entry.teams) == 1 else 's'}"
        only_illustrative = all(u.project.illustrative for u in entry.uses)
        entries.append(_other(entry.title, urls.idea(entry.id), "change idea", f"idea.{entry.id}", summary, fields,
                              site.network.config.illustrative_note if only_illustrative else "", known))
    for shared in site.shared:
        teams = [r.label for r in shared.reporters]
        summary = (f"Network measure reported by {len(teams)} team{'' if len(teams) == 1 else 's'}"
                   + (": a funnel plot compares them" if shared.funnel is not None else ""))
        only_illustrative = bool(shared.reporters) and all(r.project.illustrative for r in shared.reporters)
        entries.append(_other(shared.entry.title, urls.network_measure(shared.entry.id), "network measure",
                              f"measure.{shared.entry.id}", summary,
                              [("Measure", shared.entry.definition), ("Team", ", ".join(teams))],
                              site.network.config.illustrative_note if only_illustrative else ""))
    for area in site.network.config.equity_areas:
        if area.id in site.by_area:
            entries.append(_other(area.title, urls.area(area.id), "equity area", f"area.{area.id}", area.description,
                                  [("About", area.id)]))
    return entries


def _entry(title: str, url: str, kind: str, summary: str, illustrative: str, words: tuple[tuple[int, str], ...],
           key: str, fragment: str = "") -> dict:
    return {"t": title, "u": url, "k": kind, "s": summary, "i": illustrative, "words": words, "g": key,
            "fragment": fragment}


def _other(title: str, url: str, kind: str, key: str, summary: str, fields: list[tuple[str, str]],
           illustrative: str = "", known: dict[str, str] | None = None) -> dict:
    """An entry that is not a project: its fragment (key kind.id, never a project's id: a slug has no
    dot) depends on several projects (an idea's teams…), so it is made with the index, every build
    (from the tokens of a text ``known`` has, as a listing part worked them out)."""
    tokenised = [(LABELS.index(label), found) for label, text in fields if (found := _tokens_known(text, known))]
    return _entry(title, url, kind, summary, illustrative, _distinct_words(tokenised), key, _fragment(key, tokenised))


def _tokens_known(text: str, known: dict[str, str] | None) -> list[str]:
    found = known.get(text) if known else None
    return tokens(text) if found is None else found.split(" ") if found else []


def search_index(site: SiteData, entries: list[dict] | None = None) -> dict:
    """The index as the browser reads it (see the module docstring)."""
    if entries is None:
        entries = search_entries(site)
    counts: dict[str, int] = {}   # every entry's title, summary and words: a project's counted with its listing part
    more = counts.get
    summaries = []
    for e in entries:
        summary = e["st"] if "st" in e else " ".join(tokens(e["s"]))
        summaries.append(summary.split(" ") if summary else [])
        words, times = e["counted"] if "counted" in e else _counted(" ".join(tokens(e["t"])), summary, e["words"])
        for word, n in zip(words.split(" ") if words else (), times):
            counts[word] = more(word, 0) + n
    vocabulary = sorted(counts, key=lambda word: (-counts[word], word))
    rank = {word: i for i, word in enumerate(vocabulary)}
    codes = [encode(i) for i in range(len(vocabulary))]
    code = dict(zip(vocabulary, codes))
    notes: dict[str, int] = {}
    out = []
    for e, summary in zip(entries, summaries):
        item: dict = {"t": e["t"]}   # the title, url and kind as they are
        item["u"], item["k"] = e["u"], e["k"]
        item["s"] = "".join(map(code.__getitem__, summary))
        item["w"] = [[label, _gaps(sorted(map(rank.__getitem__, words.split(" "))), codes)] for label, words in e["words"]]
        item["g"] = e["g"]
        if e["i"]:
            item["i"] = notes.setdefault(e["i"], len(notes))   # the illustrative notice, by index
        out.append(item)
    return {"v": " ".join(vocabulary), "l": list(LABELS), "n": list(notes), "d": urls.SEARCH_FRAGMENTS, "e": out}


def _counted(title_tokens: str, summary_tokens: str, words: tuple[tuple[int, str], ...]) -> tuple[str, tuple[int, ...]]:
    """What the index counts of an entry (its title, for typo matching, its summary, each label's words;
    tokens space-separated): its distinct words, space-separated, and how often it has each."""
    counts: Counter[str] = Counter()
    for text in (title_tokens, summary_tokens, *(found for _, found in words)):
        if text:
            counts.update(text.split(" "))
    return " ".join(counts), tuple(counts.values())


def search_files(site: SiteData) -> dict[str, str]:
    """What a build writes for search besides the projects' fragments (:func:`search_fragment`): the
    index, and the fragments of the entries that are not projects. Path → text."""
    entries = search_entries(site)
    files = {urls.SEARCH_INDEX: _index_script(search_index(site, entries))}
    files.update((urls.search_fragment(e["g"]), e["fragment"]) for e in entries if e["k"] != "project")
    return files


def _gaps(ranks: list[int], codes: list[str]) -> str:
    """Sorted ranks as codes of their gaps (the browser adds them back up: rank = previous + 1 + gap)."""
    # gap = rank - (previous + 1), previous + 1 being 0 before the first: one pass in C, not a loop here
    # (the index encodes every word of every entry at each build: 0.1 s at 1,000 projects as a loop)
    return "".join(map(codes.__getitem__, map(operator.sub, ranks, chain((0,), map((1).__add__, ranks)))))


def undo_gaps(values: list[int]) -> list[int]:
    """The inverse of :func:`_gaps` after :func:`decode` (the browser does the same in site.js)."""
    out, previous = [], -1
    for gap in values:
        previous += gap + 1
        out.append(previous)
    return out


def search_script(site: SiteData) -> str:
    """The index file's text."""
    return _index_script(search_index(site))


def _index_script(index: dict) -> str:
    return f"window.{GLOBAL}={_script_json(index)};\n"


def _script_json(value) -> str:
    """JSON that is safe inside a script: no '<' (it could close a <script> if ever inlined), no U+2028/9."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
