"""``qisite build``: the pipeline, in one direction, doing again only what changed.

    site.yaml → config → project folders → load + validate → analyse → render → write

Everything is gathered first (cross-links need the whole network), then pages
are rendered into a staging folder that replaces the output only when all of
it has been written (qisite.site.output).

Incremental: each project's load and analysis is kept in ``.qisite-cache/build``
under a key made from the content of its folder, ``site.yaml`` and qisite's own
code (qisite.buildcache); each page has a key made from what it shows
(qisite.site.pagekeys), and a page whose key matches the published site's is
hard-linked from it rather than rendered; a file rendered again whose bytes did
not change is linked too. A build whose inputs are all unchanged, on an output
nobody touched, writes nothing. Whatever is reused, the site is byte for byte
the one a clean build makes.

Parallel: projects to load and analyse, charts to draw and pages to render are
shared among worker processes. :class:`Builder` keeps its cache, and with
``keep_pool`` its worker processes, from one build to the next (``qisite serve``);
:func:`build` is one build.

This module decides what to do: the configuration, the scan of the project folders, the keys, the
manifest of the published site and, when nothing changed, nothing more. What makes a site's parts is
qisite.site.making, imported only once there is something to make (so a build with nothing to do
loads neither it nor jinja2, markdown-it, numpy or matplotlib: tests/test_imports.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import pickle
import stat
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qisite import collector
from qisite.buildcache import BuildCache, FileDigests, WatchedChanges, code_digest, digest, load_sealed, save_sealed
from qisite.config import SITE_FILE, load_config
from qisite.forked import Forked, can_fork
from qisite.load.lone import lone_config
from qisite.load.network import project_folders
from qisite.model import Network, Project, Provenance, SiteConfig
from qisite.problems import Problem, Problems, QisiteError
from qisite.progress import Progress
from qisite.site.output import CACHE_DIR, LOCK_WAIT_SECONDS, MARKER, SiteWriter, file_stamp

CARDS_FILE = "cards.pickle"   # in .qisite-cache/build/
RELATED_FILE = "related.pickle"   # in .qisite-cache/build/: the last ranking of related projects (RelatedMemo)
if TYPE_CHECKING:   # the code that makes a site, imported where a build first has something to make (so
    from qisite.links import RelatedMemo  # that a build with nothing to do reads none of it: qisite.site.making)
    from qisite.site import making
    from qisite.site.cards import CardCache
    from qisite.site.context import ProjectData, SiteData
    from qisite.site.pagekeys import SiteKeys
    from qisite.site.pages import Page

PARALLEL_FROM = 8          # fewer projects to analyse (or charts to draw) than this: in this process
PAGES_SHARED_FROM = 24     # fewer other pages to render than this: in this process (forking workers costs more)


@dataclass
class BuildReport:
    output: Path
    problems: Problems
    pages: int = 0               # pages in the site
    files: int = 0               # files in the site
    charts: int = 0              # charts in the site
    seconds: float = 0.0
    written: bool = False        # the output holds this build's site (False: --strict stopped it)
    drafts_left_out: int = 0
    projects: int = 0            # projects published
    pages_written: int = 0       # pages whose bytes changed; the rest are unchanged (hard links)
    files_written: int = 0       # files (of every kind) whose bytes changed
    pages_rendered: int = 0      # pages rendered again (a page rendered to the same bytes is not written)
    projects_analysed: int = 0   # projects loaded and analysed anew; the rest came from the cache
    charts_drawn: int = 0
    charts_reused: int = 0
    cache_pruned: int = 0        # chart-cache and project-cache entries no build uses, removed
    fingerprint: str = ""        # the published files' paths and stamps: moves on iff a file's bytes changed
    phases: dict[str, float] = field(default_factory=dict)   # seconds by phase

    @property
    def pages_unchanged(self) -> int:
        return self.pages - self.pages_written


@dataclass(frozen=True)
class ProjectEntry:
    """One project folder loaded and analysed: what the cache keeps, whole or as its listing part."""

    project: Project | None
    problems: tuple[Problem, ...]
    data: ProjectData | None      # without related projects (they need the whole network)
    card: str = ""                # what listing pages show of it (qisite.site.pagekeys.card_key)
    listed: str = ""              # its listing part's key (qisite.site.pagekeys.listing_key), on that part

    def listing(self) -> ProjectEntry:
        """What every page but the project's own reads (qisite.site.context.listing_data)."""
        from qisite.site.context import listing_data
        from qisite.site.pagekeys import listing_key

        if self.data is None:
            return self
        data = listing_data(self.data)
        return dataclasses.replace(self, project=data.project, data=data, listed=listing_key(data))


@dataclass
class Manifest:
    """What the published site at an output was made from (kept in the build cache)."""

    token: str                                     # the published site's token (qisite.site.output)
    inputs: str                                    # everything the whole site depends on
    files: dict[str, tuple[str, int, int, int]]    # path → (key, size, mtime_ns, inode)
    problems: list[Problem]                        # the problems after the configuration's and folders'
    counts: dict[str, int]                         # projects, pages, charts, drafts_left_out
    project_keys: set[str]                         # the project-cache entries it used
    charts: dict[str, tuple[str, ...]]             # project files key → chart keys
    fingerprint: str = ""                          # moves on iff a published file's bytes changed (BuildReport)


def build(root: Path, output: Path | None = None, workers: int | None = None, strict: bool = False,
          drafts: bool = False, **options: Any) -> BuildReport:
    """Build the site; projects with errors are left out (with ``strict``, any problem stops the build);
    draft projects are left out unless ``drafts`` (the preview) asks for them. ``options`` go to
    :class:`Builder`."""
    with Builder(root, output, workers, strict=strict, drafts=drafts, **options) as builder:
        report = builder.build()
    collector.leave_for_exit(builder)   # (the qisite command ends next: its data need not be freed)
    return report


class Builder:
    """Builds one network into one output, again and again, reusing what has not changed.

    ``workers``: processes (None: one per core; 1: all in this process). ``keep_pool``: keep
    the worker processes between builds (for ``qisite serve``; call :meth:`close`).
    ``progress``: a :class:`qisite.progress.Progress` for a person watching. ``problem_pages`` (the
    preview): a page showing the errors of each project left out, and one listing every problem
    (qisite.site.problem_pages). ``project``: one project folder built on its own (qisite.load.lone);
    ``root`` is then its preview home."""

    def __init__(self, root: Path, output: Path | None = None, workers: int | None = None, *, strict: bool = False,
                 drafts: bool = False, keep_pool: bool = False, progress: Progress | None = None,
                 lock_wait: float = LOCK_WAIT_SECONDS, on_wait: Callable[[str], None] | None = None,
                 problem_pages: bool = False, project: Path | None = None):
        self.root, self.output_given, self.workers = Path(root), output, workers
        self.problem_pages, self.project = problem_pages, project
        self.strict, self.drafts, self.keep_pool = strict, drafts, keep_pool
        self.progress, self.lock_wait, self.on_wait = progress, lock_wait, on_wait
        self.cache = BuildCache(self.root / CACHE_DIR)
        self.digests: FileDigests | None = None
        self.pool: ProcessPoolExecutor | None = None
        self.cards: CardCache | None = None     # project cards' HTML (qisite.site.cards), read when first needed
        self.wholes: making.Wholes   # this build's way to each project's whole data (set as a build starts)
        self.env: Any = None   # the templates' environment (jinja2), made when first needed
        self.env_made_from: tuple = ()
        self.saved: tuple[Path, Any, Manifest] | None = None   # the manifest last saved, and its file's stamp
        self.templates_key = ""
        self.related: RelatedMemo | None = None   # every project's related projects, as the last build ranked them
        self.trees: dict[Path, str] = {}        # each project folder's digest, as the last build read it
        self.project_keys: list[str] = []       # each project's key, as the last build worked them out
        self.real_paths: dict[Path, str] = {}   # … and where it really is (what a watcher reports)
        self._until_built = contextlib.ExitStack()   # what a build undoes when it ends (qisite.collector.frozen)
        self.answer_first = False   # leave what follows a build's commit to :meth:`keep_house` (the preview's build process)
        self._housekeeping: list[Callable[[], None]] = []

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.keep_house()
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def keep_house(self) -> None:
        """What the last build left for later (``answer_first``): its manifest saved, the caches pruned
        of what it stopped using (the report's ``cache_pruned`` counts it then). Before the next build."""
        while self._housekeeping:
            self._housekeeping.pop(0)()

    def warm_up(self, interrupted: Callable[[], bool]) -> None:
        """For a kept Builder (the preview's), while it waits for an edit: read back what its next build
        needs and its last one did not (a build with nothing to do reads almost nothing): each project's
        listing part, the related projects' ranking, the cards and the code that makes pages. So the
        first edit after ``qisite serve`` starts on a site already built costs what every later edit
        does (at 1,000 projects it read ~1,000 listing parts first: 2.1 s against 0.8 s). Stops as soon
        as ``interrupted()`` says a build is wanted: that build reads the rest itself."""
        with collector.paused():   # (unpickling makes only live objects: a collection there finds nothing)
            self.cache.read_listings(self.project_keys, interrupted)
        if interrupted():
            return
        from qisite.site import making  # noqa: F401  (and with it the page, chart-planning and search code)

        self._related()
        self._card_cache()

    def sources(self, config: SiteConfig) -> Path:
        """The folder the output must keep out of: the projects folder, or a lone project's own."""
        return self.project or config.projects_dir

    # -- one build ------------------------------------------------------------------------------

    def build(self, changes: WatchedChanges | None = None) -> BuildReport:
        """Build. ``changes``: what a watcher saw change since this Builder's last build began (``qisite
        serve``): a project folder it watched and saw no change in is not read again to know it is unchanged."""
        self.keep_house()
        with contextlib.ExitStack() as self._until_built:
            return self._build(changes)

    def _build(self, changes: WatchedChanges | None = None) -> BuildReport:
        started = time.perf_counter()
        phases: dict[str, float] = {}
        clock = _Clock(phases)
        problems = Problems()
        if self.project is None:
            config = load_config(self.root, problems)
            folders = project_folders(config, problems)
        else:
            config, folders = lone_config(self.project, self.root), {Path(os.path.abspath(self.project)): None}
        early = len(problems)
        if self.digests is None:
            self.digests = self.cache.load_digests()
        elif self.digests.seen:   # a kept Builder: what the last build read, as it read it (else every file
            self.digests.known = self.digests.seen   # hashed since the first build is hashed again each time)
        reuse = changes is not None and changes.few and bool(self.trees)
        self.digests.seen = dict(self.digests.known) if reuse else {}   # (the folders not read again keep theirs)
        self.config_key = digest(code_digest(), str(self.root.resolve()), self._file_key(self.root / SITE_FILE))
        output = self.output_given or config.output_dir
        manifest = self._manifest(output)
        unpaused = contextlib.ExitStack()   # no collection from the first entry read during the scan until all
        self._until_built.callback(unpaused.close)   # of them are frozen (_entries): it would find nothing
        unpaused.enter_context(collector.paused())
        trees, made_ahead = self._scan(folders, changes if reuse else None, manifest, config)
        keys = {folder: self._project_key(folder, provenance, trees[folder]) for folder, provenance in folders.items()}
        self.project_keys = list(keys.values())
        templates, own_pages = self._templates_key()
        self.templates_key = templates
        site_inputs = digest(self.config_key, templates, build_date().isoformat(), self.drafts,  # in every page's key
                             self.problem_pages)
        inputs = digest(site_inputs, [(str(f), k) for f, k in keys.items()], [p.format() for p in problems])
        self.cache.save_digests(self.digests)
        report = BuildReport(output, problems)
        clock.lap("scan")
        if manifest is not None and manifest.inputs == inputs:  # perhaps nothing to do
            report = self._unchanged(report, manifest, config)
            if report.written or (self.strict and len(problems)):
                report.seconds = time.perf_counter() - started
                return self._finish(report, phases)
            problems.items[early:] = []
        # something to make: the code that makes it is imported now (a build with nothing to do never reads it)
        from qisite.site import making, urls
        from qisite.site.context import site_data
        from qisite.site.pagekeys import site_keys
        from qisite.site.search import search_files
        from qisite.spread import check_spread

        self.wholes = making.Wholes(self.cache, {}, {}, config)
        entries = self._entries(folders, keys, config, report, made_ahead)
        unpaused.close()
        clock.lap("load and analyse")
        for folder in folders:
            problems.extend(entries[folder].problems)
        network = Network(config, tuple(e.project for e in entries.values() if e.project))
        problems.extend(urls.clash_warnings(network))
        problems.extend(check_spread(network))
        if not self.drafts:
            network, report.drafts_left_out = without_drafts(network)
        report.projects = len(network.projects)
        if self.strict and len(problems):
            return self._finish(report, phases)
        by_id = {e.project.id: e for e in entries.values() if e.project}
        related = self._related()
        site = site_data(network, generated=build_date(), analysed=lambda p: by_id[p.id].data,  # type: ignore[arg-type,return-value]
                         related=related)
        self._save_related(related)
        searched = Forked(partial(search_files, site))   # the costliest site-wide files: made meanwhile, on the
        try:                                              # second core (forked: qisite.forked), until _write_site
            writer = SiteWriter(report.output, self.root, self.sources(config), self.lock_wait, self.on_wait,
                                remove_later=self.keep_pool)
            try:
                project_keys = {e.project.id: k for f, k in keys.items() if (e := entries[f]).project}
                self.wholes.keys = project_keys
                cards = {e.project.id: e.card for e in entries.values() if e.project}
                listed = {e.project.id: e.listed for e in entries.values() if e.project}
                skeys = site_keys(site, site_inputs, project_keys, own_pages, cards, listed)
                previous = manifest.files if manifest is not None and manifest.token == writer.previous_token else {}
                clock.lap("site data")
                new = Manifest("", inputs, {}, [], {}, set(keys.values()), {})
                charts_before = manifest.charts if previous and manifest is not None else {}
                self._write_site(site, searched, skeys, previous, charts_before, writer, new, report, clock)
                writer.commit()
                report.written = True
            except BaseException:
                writer.abandon()
                raise
        finally:
            searched.close()   # (stopped, if the build failed before it needed the search files)
        new.token = writer.token
        new.problems = problems.items[early:]
        new.counts = {"projects": report.projects, "pages": report.pages, "charts": report.charts,
                      "drafts_left_out": report.drafts_left_out}
        report.files, report.files_written = len(writer.written), writer.changed
        report.fingerprint = new.fingerprint = _fingerprint(manifest if previous else None, new, writer)

        def keep_house() -> None:   # (the site is in place: what is left is for the next build)
            writer.spare_again()
            self._save_manifest(report.output, new)
            report.cache_pruned = self._prune(manifest, new)
            self.cache.forget_others(set(keys.values()))

        if self.answer_first:
            self._housekeeping.append(keep_house)
        else:
            keep_house()
        clock.lap("commit")
        report.seconds = time.perf_counter() - started
        return self._finish(report, phases)

    def _finish(self, report: BuildReport, phases: dict[str, float]) -> BuildReport:
        report.phases = phases
        if self.progress is not None:
            self.progress.finish()
        return report

    def _unchanged(self, report: BuildReport, manifest: Manifest, config: SiteConfig) -> BuildReport:
        """The published site, if it is exactly what these inputs make and nobody touched it."""
        report.problems.extend(manifest.problems)
        report.projects, report.pages = manifest.counts["projects"], manifest.counts["pages"]
        report.charts, report.drafts_left_out = manifest.counts["charts"], manifest.counts["drafts_left_out"]
        if self.strict and len(report.problems):
            return report
        writer = SiteWriter(report.output, self.root, self.sources(config), self.lock_wait, self.on_wait, stage=False)
        try:
            intact = manifest.token == writer.previous_token and _output_matches(writer.output, manifest.files)
        finally:
            writer.abandon()
        if intact:
            report.written = True
            report.files, report.fingerprint = len(manifest.files), manifest.fingerprint or manifest.token
            report.charts_reused = report.charts
        return report

    # -- projects -------------------------------------------------------------------------------

    def _project_key(self, folder: Path, provenance: Provenance | None, tree: str | None = None) -> str:
        """What a project's load and analysis read: its folder's content (``tree``: its digest, else read
        now), where it came from (a source's commit), site.yaml and qisite's code."""
        assert self.digests is not None
        return digest(self.config_key, str(folder), tree or self.digests.tree(folder), repr(provenance))

    def _scan(self, folders: dict[Path, Provenance | None], changes: WatchedChanges | None,
              manifest: Manifest | None, config: SiteConfig) -> tuple[dict[Path, str], dict[str, tuple[bytes, bytes]]]:
        """Each project folder's digest (:meth:`_trees`), and the projects the scan loaded (:meth:`_made_ahead`).
        Where it can, read in a forked process while this one reads back the listing entries the last build
        used (most are this build's), until the digests arrive: the two take a core each, and a build with
        nothing to do waits for nothing more."""
        if manifest is None or changes is not None or len(folders) < PARALLEL_FROM or not can_fork():
            return self._trees(folders, changes), {}
        scan = Forked(partial(self._scanned, folders, config))
        try:
            self.cache.read_listings(manifest.project_keys, scan.ready)
            found = scan.result()
        finally:
            scan.close()
        # the entries read kept out of every collection (as _entries keeps them all): a build with nothing
        # to do leaves them unread, and the first collection after it would go through every one of them
        self._until_built.enter_context(collector.frozen())
        assert self.digests is not None
        in_order, self.digests.hashed, self.digests.linked, gone, changed, made_ahead = found
        self.digests.seen = {p: e for p, e in self.digests.known.items() if p not in gone} | changed
        return self._kept(dict(zip(folders, in_order))), made_ahead

    def _scanned(self, folders: dict[Path, Provenance | None], config: SiteConfig) -> tuple:
        """:meth:`_trees` (in the forked process) as little to send back as can be: the folders' digests in
        their order, and its digests' files as the files they were read from (those gone, and those read
        anew: the rest is as it was known); then the projects made ahead (:meth:`_made_ahead`)."""
        assert self.digests is not None
        trees, digests = self._trees(folders, None), self.digests
        return ([trees[f] for f in folders], digests.hashed, digests.linked,
                {p for p in digests.known if p not in digests.seen},
                {p: e for p, e in digests.seen.items() if digests.known.get(p) is not e},
                self._made_ahead(folders, trees, config))

    def _made_ahead(self, folders: dict[Path, Provenance | None], trees: dict[Path, str],
                    config: SiteConfig) -> dict[str, tuple[bytes, bytes]]:
        """In the forked scan, once it is done: the projects with no stored entry (an edit's), loaded and
        analysed there, as a worker does it (by key: whole and as listing part, pickled), while this
        process reads back the others' listing parts. Only as many as this process would otherwise load
        itself (fewer than PARALLEL_FROM; more go to the worker pool); one that raises is left to the build."""
        keys = {folder: self._project_key(folder, provenance, trees[folder]) for folder, provenance in folders.items()}
        missing = [folder for folder, key in keys.items() if not self.cache.stored(key)]
        if not missing or len(missing) >= PARALLEL_FROM or self.workers == 1:
            return {}
        from qisite.site import making

        made = {}
        for folder in missing:
            with contextlib.suppress(Exception):   # (the build loads it again, and says what went wrong)
                made[keys[folder]] = making.load_batch([(folder, folders[folder])], config)[0]
        return made

    def _trees(self, folders: dict[Path, Provenance | None], changes: WatchedChanges | None) -> dict[Path, str]:
        """Each project folder's digest: the last build's for a folder ``changes`` shows untouched, else read."""
        assert self.digests is not None
        trees = {}
        for folder in folders:
            kept = None
            if changes is not None:   # (where a folder really is: what a watcher reports)
                real = self.real_paths.get(folder) or self.real_paths.setdefault(folder, os.path.realpath(folder))
                kept = self.trees.get(folder) if changes.untouched(real) else None
            trees[folder] = kept or self.digests.tree(folder)
        return self._kept(trees)

    def _kept(self, trees: dict[Path, str]) -> dict[Path, str]:
        """``trees``, kept for the next build but those of folders holding a link (read again each time)."""
        assert self.digests is not None
        self.trees = {f: t for f, t in trees.items() if str(f) not in self.digests.linked}
        self.real_paths = {f: r for f, r in self.real_paths.items() if f in self.trees}
        return trees

    def _entries(self, folders: dict[Path, Provenance | None], keys: dict[Path, str], config: SiteConfig,
                 report: BuildReport, made_ahead: dict[str, tuple[bytes, bytes]]) -> dict[Path, ProjectEntry]:
        with collector.paused():   # unpickling makes only live objects: a collection there finds nothing
            entries = self._read_entries(folders, keys, config, report, made_ahead)
            # the network's data kept out of every collection, frozen before collections resume (else the
            # first one, due at once after so many allocations, traverses all of it: 0.5 s at 1,000 projects)
            self._until_built.enter_context(collector.frozen())
            return entries

    def _read_entries(self, folders: dict[Path, Provenance | None], keys: dict[Path, str], config: SiteConfig,
                      report: BuildReport, ahead: dict[str, tuple[bytes, bytes]]) -> dict[Path, ProjectEntry]:
        """Each folder's entry: its listing part read back, else made ahead by the scan (``ahead``, by key),
        else loaded and analysed now."""
        entries: dict[Path, ProjectEntry] = {}
        missing = []
        for folder in folders:
            found = self.cache.listing(keys[folder])
            if isinstance(found, ProjectEntry):
                entries[folder] = found
                self.wholes.sources[keys[folder]] = (folder, folders[folder])
            else:
                missing.append(folder)
        if self.progress is not None:
            self.progress.phase("projects loaded and analysed", len(missing))
        made_here = self._load_all([f for f in missing if keys[f] not in ahead], folders, config)
        for folder, made in chain(((f, ahead[keys[f]]) for f in missing if keys[f] in ahead), made_here):
            key = keys[folder]
            whole, listing_payload = made if isinstance(made, tuple) else (made, None)
            listing = pickle.loads(listing_payload) if listing_payload is not None else whole.listing()
            entries[folder] = listing
            whole_payload = whole if isinstance(whole, bytes) else pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL)
            stored = (self._project_key(folder, folders[folder]) == key   # else it changed while read: use it once, keep nothing
                      and self.cache.store_project(key, listing, whole_payload, listing_payload))
            if stored:
                self.wholes.sources[key] = (folder, folders[folder])
            else:
                self.wholes.unsaved[key] = pickle.loads(whole_payload) if isinstance(whole, bytes) else whole
            if self.progress is not None:
                self.progress.advance()
        report.projects_analysed = len(missing)
        return {folder: entries[folder] for folder in folders}

    def _load_all(self, missing: list[Path], folders: dict[Path, Provenance | None], config: SiteConfig):
        from qisite.site import making

        if len(missing) < PARALLEL_FROM or self.workers == 1:
            for folder in missing:
                yield folder, making.load_and_analyse(folder, folders[folder], config)
            return
        pool, own = self._pool()
        try:
            size = max(1, min(16, len(missing) // ((self.workers or os.cpu_count() or 1) * 4)))
            batches = [missing[i:i + size] for i in range(0, len(missing), size)]
            for batch, future in [(b, pool.submit(making.load_batch, [(f, folders[f]) for f in b], config)) for b in batches]:
                yield from zip(batch, future.result())
        finally:
            if own:
                pool.shutdown()

    def _pool(self) -> tuple[Executor, bool]:
        """The kept pool (``keep_pool``), or one for this step (the caller shuts it down)."""
        from qisite.charts.pool import make_pool

        if not self.keep_pool:
            return make_pool(self.workers), True
        if self.pool is None:
            self.pool = make_pool(self.workers, kept=True)
        return self.pool, False

    # -- the site -------------------------------------------------------------------------------

    def _write_site(self, site: SiteData, searched: Forked[dict[str, str]], keys: SiteKeys, previous: dict,
                    charts_before: dict, writer: SiteWriter, new: Manifest, report: BuildReport, clock: _Clock) -> None:
        """Keep what is unchanged; make the rest: each project's charts, downloads and page together
        (so that only a few projects' charts are in memory at once), then the other pages; then the
        site-wide files (the feed, the summaries, and the search files, being made meanwhile: ``searched``)."""
        from qisite.site import making

        making.write_theme_assets(self.root, writer, new)   # (before the site-wide files: one of those wins a clash)
        self._write_pages(site, keys, previous, charts_before, writer, new, report, clock)
        self._stage_site_wide(writer, new, making.other_site_wide_files(site))
        self._stage_site_wide(writer, new, making.encoded(searched.result()))
        clock.lap("assets and search")

    def _stage_site_wide(self, writer: SiteWriter, new: Manifest, files: list[tuple[str, bytes]]) -> None:
        from qisite.site import making

        self._adopt(writer, new, [making.stage_at(writer.output, writer.staging, path, "", data) for path, data in files])

    def _write_pages(self, site: SiteData, keys: SiteKeys, previous: dict, charts_before: dict, writer: SiteWriter,
                     new: Manifest, report: BuildReport, clock: _Clock) -> None:
        from qisite.site import making, urls
        from qisite.site.cards import CardCache, card_global
        from qisite.site.feeds import sitemap
        from qisite.site.pagekeys import page_key, project_files_key
        from qisite.site.pages import all_pages
        from qisite.site.problem_pages import problem_pages as pages_for_problems
        from qisite.site.search import search_fragment_path

        pages = all_pages(site)
        groups: dict[str, list[str]] = {}
        for path, record in previous.items():
            groups.setdefault(record[0], []).append(path)
        project_pages = {page.context["data"].project.id: page for page in pages if "data" in page.context}
        other_pages: list[tuple[str, str]] = []
        network_pages: list[tuple[Page, str, bool]] = []
        tasks: list[making.ProjectTask] = []
        for page in pages:
            key = page_key(page, keys)
            kept = _keep_group(writer, [page.path] if page.path in groups.get(key, ()) else [], previous, new, key)
            if "shared" in page.context:
                network_pages.append((page, key, kept))
            elif "data" not in page.context and kept and page_charts_key(page.path) in charts_before:
                new.charts[page_charts_key(page.path)] = charts_before[page_charts_key(page.path)]
            elif not kept and "data" not in page.context:
                other_pages.append((page.path, key))
            elif not kept:
                data = page.context["data"]
                tasks.append(making.ProjectTask(data.project.id, page.path, key, "", False, 1 + len(data.project.measures)))
        shown = (pages_for_problems(report.problems, site.network.config, {d.project.id for d in site.projects})
                 if self.problem_pages else [])
        other_pages += [(page.path, "problems") for page in shown]  # the preview's pages for problems: few, always made
        pending = {task.project_id: task for task in tasks}
        for data in site.projects:
            pid = data.project.id
            key = project_files_key(pid, keys)
            fragment = search_fragment_path(data)   # its searchable text: one of its files
            recorded = [p for p in groups.get(key, ())
                        if (p.startswith(urls.project_file(pid, "")) or p == fragment) and p != project_pages[pid].path]
            kept = _keep_group(writer, recorded, previous, new, key)
            if kept:
                new.charts[key] = charts_before.get(key, ())
            if pid in pending:
                pending[pid].files_key, pending[pid].write_files = key, not kept
            elif not kept:
                tasks.append(making.ProjectTask(pid, None, "", key, True, 1))
        report.pages = len(pages) + len(shown)
        report.pages_rendered = (len(tasks) + len(other_pages) + sum(not kept for _, _, kept in network_pages)
                                 - sum(t.page is None for t in tasks))
        from qisite.charts.pool import LazyPool

        step_pool = None if self.keep_pool else LazyPool(self.workers)   # one pool for the step, if any chart needs it
        cards = self._card_cache() if other_pages else CardCache()
        cards.start(keys.site, keys.cards, enabled=not keys.own_page_templates)
        job = making.SiteJob(self._environment(), site, writer.output, writer.staging, self.root / CACHE_DIR / "charts",
                       self.workers, self._pool()[0] if self.keep_pool else step_pool, cards,
                       {page.path: page for page in [*pages, *shown]}, self.wholes)
        job.env.globals["cached_card"] = card_global(cards)
        if self.progress is not None:
            self.progress.phase("projects' charts and pages", len(tasks))
        changed: set[str] = set()
        try:
            for result in self._run(job, making.project_batch, tasks, making.project_cost, 2, draws=True):
                report.charts_drawn += result.drawn
                report.problems.extend(result.problems)
                new.charts[result.files_key] = result.charts
                changed |= self._adopt(writer, new, result.staged)
        finally:
            if step_pool is not None:
                step_pool.shutdown()
        clock.lap("charts and project pages")
        if self.progress is not None:
            self.progress.phase("pages", len(other_pages))
        for staged, new_cards, drawn in self._run(job, making.pages_batch, other_pages, lambda _: 1, PAGES_SHARED_FROM):
            changed |= self._adopt(writer, new, [staged])
            cards.adopt(new_cards)
            if drawn:   # a page's own charts (the spread timelines of an idea page), kept in the cache for it
                new.charts[page_charts_key(staged[0])] = drawn
        if other_pages:
            self._save_cards(cards)
        for page, key, kept in network_pages:   # a few pages, each with charts of its own: here
            charts_key = f"network {page.path}"
            if kept:
                new.charts[charts_key] = charts_before.get(charts_key, ())
                continue
            counts: dict[str, int] = {}
            drawn = making.network_measure_charts(page.context["shared"], job.chart_cache, counts)
            changed |= self._adopt(writer, new, [making.stage_text(job, page.path, key, making.render_page(
                job.env, site, page, {}, shared_charts={name: svg for name, (_, svg) in drawn.items()}))])
            new.charts[charts_key] = tuple(k for k, _ in drawn.values())
            report.charts_drawn += counts.get("drawn", 0)
        report.charts = _chart_count(new.charts)
        report.charts_reused = report.charts - report.charts_drawn   # read from the cache, or kept with their page
        report.pages_written = sum(1 for page in pages if page.path in changed)
        clock.lap("other pages")
        if site.network.config.site_url:
            stage_into(writer, new, "sitemap.xml", "", sitemap(site, [p.path for p in pages]).encode())

    def _environment(self):
        """The templates' environment, kept from one build to the next (jinja2 reloads a template whose
        file changed); its compiled templates are kept on disk too, for the next process."""
        from qisite.site.render import environment, template_dirs

        made_from = (tuple(template_dirs(self.root)), self.templates_key)   # a file added to the network's own
        if self.env is None or self.env_made_from != made_from:    # templates may hide a theme's template jinja2 holds
            self.env, self.env_made_from = environment(self.root, self.root / CACHE_DIR / "templates"), made_from
        return self.env

    def _card_cache(self) -> CardCache:
        from qisite.site.cards import CardCache

        if self.cards is None:
            found = load_sealed(self.cache.folder / CARDS_FILE)
            self.cards = CardCache(found if isinstance(found, dict) else None)
        return self.cards

    def _save_cards(self, cards: CardCache) -> None:
        kept = cards.kept()
        if cards.dirty:
            with contextlib.suppress(OSError):   # else the next build renders the cards again: slower, never wrong
                save_sealed(self.cache.folder / CARDS_FILE, kept)
            cards.dirty = False

    def _related(self) -> RelatedMemo:
        from qisite.links import RelatedMemo

        if self.related is None:
            self.related = RelatedMemo(load_sealed(self.cache.folder / RELATED_FILE), code_digest())
        return self.related

    def _save_related(self, related: RelatedMemo) -> None:
        if related.changed:
            with contextlib.suppress(OSError):   # else the next build ranks them again: slower, never wrong
                save_sealed(self.cache.folder / RELATED_FILE, related.saved())
            related.changed = False

    def _run(self, job: making.SiteJob, work: Callable, items: list, cost: Callable, share_from: int,
             draws: bool = False) -> Iterator:
        """``work(batch, job)`` over batches of ``items``: in forked workers (which inherit the site's
        data and write into the staging folder themselves) from ``share_from`` items on, else here.
        ``draws``: the work draws charts (matplotlib is imported before forking, when there is much)."""
        from qisite.site import making

        workers = min(self.workers or os.cpu_count() or 1, len(items)) if len(items) >= share_from else 1
        if workers <= 1 or not can_fork():
            for item in items:
                yield from work([item], job)
                if self.progress is not None:
                    self.progress.advance()
            return
        import multiprocessing

        if draws and len(items) >= PARALLEL_FROM:
            from qisite.charts import figures, style  # noqa: F401  (imported once, shared by the forked workers)

        order = sorted(items, key=cost, reverse=True)   # costly first, dealt round-robin into batches of up to 16
        count = max(workers, len(order) // 16)
        batches = [order[k::count] for k in range(count)]
        making.JOB["job"] = job
        try:
            with collector.frozen(), ProcessPoolExecutor(max_workers=workers,
                                                         mp_context=multiprocessing.get_context("fork")) as pool:
                for batch, future in [(b, pool.submit(work, b)) for b in batches]:
                    yield from future.result()
                    if self.progress is not None:
                        self.progress.advance(len(batch))
        finally:
            making.JOB.clear()

    @staticmethod
    def _adopt(writer: SiteWriter, new: Manifest, staged: list[tuple]) -> set[str]:
        """Count files staged by workers; the paths whose bytes changed."""
        changed = set()
        for path, key, is_new, size, mtime, inode in staged:
            writer.adopt(path, is_new)
            new.files[path] = (key, size, mtime, inode)
            if is_new:
                changed.add(path)
        return changed

    # -- keys, manifests, pruning -----------------------------------------------------------------

    def _file_key(self, path: Path) -> str:
        assert self.digests is not None
        try:
            return self.digests.file(str(path), os.stat(path))
        except OSError:
            return "absent"

    def _templates_key(self) -> tuple[str, bool]:
        """A digest of the network's own templates folder (the packaged theme is part of qisite's code),
        and whether it overrides any page template."""
        own = self.root / "templates"
        if not own.is_dir():
            return "none", False
        assert self.digests is not None
        pages = any(p.suffix == ".html" for p in own.rglob("*") if "static" not in p.relative_to(own).parts)
        return self.digests.tree(own), pages

    def _manifest(self, output: Path) -> Manifest | None:
        """The last build's manifest of ``output``: the one this Builder saved, while its file is as
        saved (``qisite serve``), else read from the cache."""
        path = self.cache.manifest_path(Path(os.path.abspath(output)))
        if self.saved is not None and self.saved[0] == path and file_stamp(path) == self.saved[1]:
            return self.saved[2]
        found = load_sealed(path)
        return found if isinstance(found, Manifest) else None

    def _save_manifest(self, output: Path, manifest: Manifest) -> None:
        path = self.cache.manifest_path(Path(os.path.abspath(output)))
        self.saved = None
        with contextlib.suppress(OSError):  # else the next build is a clean one: slower, never wrong
            save_sealed(path, manifest)
            self.saved = (path, file_stamp(path), manifest)   # (for this Builder's next build, if it has one)

    def _prune(self, previous: Manifest | None, new: Manifest) -> int:
        """Remove cached charts and project entries that no output's last build used: those this build
        stopped using (an edit: a few), or, when there is no record of the output's last build, every
        entry no manifest names (the whole cache listed: a clean build's cost, not an edit's)."""
        from qisite.charts.pool import prune_cache, remove_cached

        if previous is None:
            manifests = [m for m in self.cache.manifests() if isinstance(m, Manifest)]
            return (prune_cache(self.root / CACHE_DIR / "charts", _chart_keys(manifests))
                    + self.cache.prune_projects(_project_keys(manifests)))
        charts = _chart_keys([previous]) - _chart_keys([new])
        projects = previous.project_keys - new.project_keys
        if not charts and not projects:
            return 0
        others = [m for m in self.cache.manifests() if isinstance(m, Manifest) and m is not new]
        return (remove_cached(self.root / CACHE_DIR / "charts", charts - _chart_keys(others))
                + self.cache.remove_projects(projects - _project_keys(others)))


def _fingerprint(previous: Manifest | None, new: Manifest, writer: SiteWriter) -> str:
    """What tells ``qisite serve``'s browser to reload: the last build's fingerprint while no published
    file's bytes changed (every file the same path, kept or linked: a file whose bytes are unchanged is
    the published file), else this build's token. Worked out without reading, listing or even hashing
    the site's records."""
    if previous is not None and previous.fingerprint and writer.changed == 0 and new.files.keys() == previous.files.keys():
        return previous.fingerprint
    return writer.token


def _chart_keys(manifests: list[Manifest]) -> set[str]:
    return {key for m in manifests for keys in m.charts.values() for key in keys}


def _project_keys(manifests: list[Manifest]) -> set[str]:
    return {key for m in manifests for key in m.project_keys}


def _chart_count(charts: dict[str, tuple[str, ...]]) -> int:
    """The charts a manifest records (its PNGs for slides, and the charts of pages other than projects',
    recorded to be kept in the cache, left out)."""
    return sum(1 for group, keys in charts.items() if not group.startswith(page_charts_key(""))
               for key in keys if not key.endswith(".png"))


class _Clock:
    def __init__(self, phases: dict[str, float]):
        self.phases, self.last = phases, time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = self.phases.get(name, 0.0) + now - self.last
        self.last = now


def _keep_group(writer: SiteWriter, paths: list[str], previous: dict, new: Manifest, key: str) -> bool:
    """Link every file of a group from the published site, if each is there as it was recorded."""
    if not paths:
        return False
    for done, path in enumerate(paths):
        if not writer.keep(path, previous[path][1:]):
            for linked in paths[:done]:
                writer.drop(linked)
                del new.files[linked]
            return False
        new.files[path] = (key, *previous[path][1:])
    return True


def stage_into(writer: SiteWriter, new: Manifest, path: str, key: str, data: bytes) -> None:
    writer.write_bytes(path, data)
    found = writer.staged_stat(path)
    new.files[path] = (key, found.st_size, found.st_mtime_ns, found.st_ino)


def _output_matches(output: Path, files: dict[str, tuple]) -> bool:
    """Whether the output holds exactly the recorded files, each a regular file as recorded (its size,
    modification time and inode), and nothing else but folders and the marker."""
    try:
        return _holds_only(str(output), files)
    except OSError:   # a folder that cannot be read: not as recorded
        return False


def _holds_only(output: str, files: dict[str, tuple]) -> bool:
    seen = 0
    pending = [("", output)]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as found:
            for entry in found:
                path = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((path + "/", entry.path))
                    continue
                if path == MARKER:
                    continue
                record = files.get(path)
                if record is None:
                    return False
                stamp = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(stamp.st_mode) or (stamp.st_size, stamp.st_mtime_ns, stamp.st_ino) != record[1:]:
                    return False
                seen += 1
    return seen == len(files)


def page_charts_key(path: str) -> str:
    """Where a manifest records the charts of a page other than a project's (the spread timelines of an
    idea page: kept in the cache while a page shows them, not counted among the site's charts)."""
    return f"page {path}"


# -- the rest of the site ---------------------------------------------------------------------------


def build_date() -> dt.date:
    """The date the site says it was built: today, or the UTC day of
    ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    try:
        if not epoch.isdigit():
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise QisiteError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time: set it to whole seconds since "
                          "1970-01-01 UTC (for example $(git log -1 --format=%ct)), or unset it") from None


def without_drafts(network: Network) -> tuple[Network, int]:
    """The network as published: projects marked ``draft: true`` left out."""
    published = tuple(p for p in network.projects if not p.draft)
    return dataclasses.replace(network, projects=published), len(network.projects) - len(published)


