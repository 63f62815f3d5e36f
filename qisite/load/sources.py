"""site.yaml's ``sources:`` → the folders of project folders a network is read from.

The network's own ``projects`` folder is always the first source. Each entry of
``sources:`` adds a local folder (``path:``) or a folder inside a git repository
(``git:``, ``ref:``, ``path:``). A git source is cloned once into
``.qisite-cache/sources/`` and updated by later builds; when it cannot be
reached, the cached copy is used (with a warning), so a build works offline
once the cache holds the commit asked for. A commit named in full is never
fetched again once it is cached.

The ``git`` command runs with the repository's hooks switched off
(``core.hooksPath=/dev/null``), no submodules, no ``ext::`` transport, no
terminal prompt (``GIT_TERMINAL_PROMPT=0``) and none of the caller's ``GIT_DIR``
style variables, so that a repository can never run code on the machine that
builds the site. Clones are blobless (``--filter=blob:none``): only the files of
the commit shown are downloaded, while the history of which commit touched which
folder is kept, for each project's last-commit date.

Each source's problems are located at its entry in site.yaml and never stop the
other sources. A project id already read from an earlier source is an error
naming both folders; the earlier one is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

try:
    import fcntl
except ImportError:  # Windows: builds sharing one cache are not serialised
    fcntl = None  # type: ignore[assignment]

from qisite.load.files import is_inside
from qisite.model import Project, ProjectSource, Provenance, SiteConfig
from qisite.problems import Location, Problems
from qisite.slugs import slug

SOURCES_CACHE = Path(".qisite-cache") / "sources"
DEFAULT_REPOSITORY_FOLDER = "projects"
GIT_TIMEOUT_VARIABLE = "QISITE_GIT_TIMEOUT"
DEFAULT_GIT_TIMEOUT = 600  # seconds for one git command (a first clone of a large repository)

# configuration given to every git command: no hooks, no submodules, no command-running transport
SAFE_GIT_CONFIG = ("core.hooksPath=/dev/null", "protocol.ext.allow=never", "submodule.recurse=false",
                   "core.fsmonitor=false", "advice.detachedHead=false")
# variables that would point git at another repository than the one asked for (a pre-commit hook sets some)
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
                        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_CONFIG",
                        "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_QUARANTINE_PATH", "GIT_GRAFT_FILE",
                        "GIT_IMPLICIT_WORK_TREE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_SHALLOW_FILE")
FULL_COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


class GitError(Exception):
    """A git command failed: its last line of error output, in git's words."""


def run_git(args: list[str], cwd: Path | None = None) -> str:
    """Run ``git`` safely (see the module's docstring); its standard output, or GitError."""
    env = {name: value for name, value in os.environ.items() if name not in REPOSITORY_VARIABLES}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_ASKPASS="", SSH_ASKPASS="", LC_ALL="C")
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    command = ["git"] + [part for setting in SAFE_GIT_CONFIG for part in ("-c", setting)] + args
    timeout = int(os.environ.get(GIT_TIMEOUT_VARIABLE, "").strip() or DEFAULT_GIT_TIMEOUT)
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, check=False)
    except FileNotFoundError:
        raise GitError("the git command is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {timeout} s (raise {GIT_TIMEOUT_VARIABLE} for a slow network)") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith(("fatal:", "error:"))] or lines
        raise GitError(errors[-1] if errors else f"git {args[0]} failed (exit {done.returncode})")
    return done.stdout


@dataclass(frozen=True)
class ResolvedSource:
    """A source made ready to read: its folder of project folders and what to record."""

    folder: Path
    label: str                          # how the source is named (folder, or address without credentials)
    where: Location                     # its entry in site.yaml
    organisation: str = ""
    ref: str | None = None
    commit: str | None = None
    checkout: Path | None = None        # the repository's work tree, for git sources
    inside: str = ""                    # the folder's path inside the repository (posix)
    web: str | None = None              # the repository's web address, when it has one
    branch: str | None = None           # the ref the edit link names (the default branch when none was given)

    def provenance(self, project_folder: Path) -> Provenance:
        """What the site records about one project of this source."""
        committed, edit = None, None
        if self.checkout is not None and self.commit:
            where = "/".join(part for part in (self.inside, project_folder.name) if part)
            committed = last_commit_date(self.checkout, self.commit, where)
            if self.web and self.branch:
                edit = edit_url(self.web, self.branch, f"{where}/project.yaml")
        return Provenance(self.label, self.organisation, self.ref, self.commit, committed, edit)


def resolve_sources(config: SiteConfig, problems: Problems) -> list[ResolvedSource]:
    """The network's own projects folder, then every usable source of site.yaml, in order."""
    own = ResolvedSource(config.projects_dir, config.projects, Location(config.root / "site.yaml"))
    found = [own]
    for entry in config.sources:
        where = entry.at.where if entry.at else Location(config.root / "site.yaml")
        resolved = resolve_source(entry, config.root, where, problems)
        if resolved is not None:
            found.append(resolved)
    return found


def project_folders(sources: list[ResolvedSource], discover: Callable[[Path, Problems], list[Path]],
                    problems: Problems) -> list[tuple[Path, ResolvedSource]]:
    """Every project folder of every source, with its source; a project id already
    read from an earlier source is an error naming both, and only the first is read."""
    seen: dict[str, Path] = {}
    found = []
    for source in sources:
        for folder in discover(source.folder, problems):
            first = seen.setdefault(folder.name, folder)
            if first is not folder:
                problems.error(Location(folder / "project.yaml"),
                               f"the project id '{folder.name}' is already used by {first / 'project.yaml'}, "
                               f"so this project (from {source.label}) is not read",
                               "project ids must be unique across all sources: rename one of the two folders")
                continue
            found.append((folder, source))
    return found


def with_provenance(project: Project | None, provenance: Provenance | None) -> Project | None:
    """The project with where it came from; the last commit's date stands for
    ``updated`` when project.yaml does not give one."""
    if project is None or provenance is None:
        return project
    return dataclasses.replace(project, provenance=provenance, updated=project.updated or provenance.committed)


def resolve_source(entry: ProjectSource, root: Path, where: Location, problems: Problems) -> ResolvedSource | None:
    if entry.git is None:
        if entry.path is None:
            problems.error(where, "a source needs 'path:' (a folder of project folders) or 'git:' (a repository)",
                           "for example 'path: ../team-b/projects', or 'git: https://example.org/qi/team-c.git'")
            return None
        if entry.ref:
            problems.warning(where, "'ref:' only applies to a git source, so it is ignored here",
                             "add 'git:' with the repository's address, or remove 'ref:'")
        folder = Path(os.path.normpath(root / entry.path))
        if not folder.is_dir():
            problems.error(where, f"the source folder '{entry.path}' does not exist",
                           "check the path: it is relative to the folder holding site.yaml")
            return None
        return ResolvedSource(folder, entry.path, where, entry.organisation)
    return _resolve_git(entry, entry.git, root, where, problems)


def _resolve_git(entry: ProjectSource, address: str, root: Path, where: Location, problems: Problems) -> ResolvedSource | None:
    label = without_credentials(address)
    if address.startswith("-") or (entry.ref or "").startswith("-"):
        problems.error(where, f"'{address if address.startswith('-') else entry.ref}' starts with '-', which git "
                              "would read as an option, so the source is not read",
                       "write the repository's address or path (e.g. ./-name for a folder called -name)")
        return None
    inside = (entry.path or DEFAULT_REPOSITORY_FOLDER).strip("/")
    checkout = root / SOURCES_CACHE / cache_name(address)
    try:
        with cache_lock(checkout):
            offline = update_checkout(checkout, git_address(address, root), entry.ref)
            commit = resolve_commit(checkout, entry.ref)
            run_git(["checkout", "--quiet", "--force", "--no-recurse-submodules", "--detach", commit], cwd=checkout)
            run_git(["clean", "-ffdxq"], cwd=checkout)
    except GitError as failure:
        problems.error(where, f"the git source {label} could not be read: {str(failure).replace(address, label)}",
                       "check the address and ref (git clone it by hand to see why); the other sources are still built")
        return None
    if offline:
        problems.warning(where, f"the git source {label} could not be updated ({offline.replace(address, label)}), "
                                f"so the cached commit "
                                f"{commit[:12]} is shown", "build again once the repository can be reached")
    folder = checkout / inside
    if not is_inside(folder, checkout):
        problems.error(where, f"the folder '{inside}' is outside the repository {label}, so it is not read",
                       "name a folder inside the repository, e.g. 'path: projects'")
        return None
    if not folder.is_dir():
        problems.error(where, f"the repository {label} has no folder '{inside}' at {entry.ref or 'its default branch'}",
                       "set 'path:' to the folder of project folders inside the repository")
        return None
    branch = entry.ref or default_branch(checkout)
    return ResolvedSource(folder, label, where, entry.organisation, entry.ref, commit, checkout, inside,
                          web_address(address), branch)


@contextmanager
def cache_lock(checkout: Path) -> Iterator[None]:
    """One process at a time updates a cached repository (a preview and a build may share
    it); the system releases the lock when a process is killed."""
    checkout.parent.mkdir(parents=True, exist_ok=True)
    with open(checkout.with_name(checkout.name + ".lock"), "a", encoding="utf-8") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def update_checkout(checkout: Path, address: str, ref: str | None) -> str:
    """Clone or update the cached repository; why it could not be updated ('' when it was, or need not be)."""
    if not (checkout / ".git").is_dir():
        shutil.rmtree(checkout, ignore_errors=True)
        checkout.parent.mkdir(parents=True, exist_ok=True)
        partial = checkout.with_name(f"{checkout.name}.partial-{os.getpid()}")  # a clone cut short is never used
        shutil.rmtree(partial, ignore_errors=True)
        try:
            run_git(["clone", "--quiet", "--no-checkout", "--no-recurse-submodules", "--filter=blob:none",
                     "--", address, str(partial)])
            partial.rename(checkout)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        return ""
    if ref and FULL_COMMIT.match(ref) and _has_commit(checkout, ref):
        return ""  # a commit never changes: the cache is current
    try:
        run_git(["remote", "set-url", "origin", address], cwd=checkout)
        run_git(["fetch", "--quiet", "--prune", "--tags", "--force", "--filter=blob:none", "origin",
                 "+refs/heads/*:refs/remotes/origin/*"], cwd=checkout)
    except GitError as failure:
        return str(failure)
    return ""


def resolve_commit(checkout: Path, ref: str | None) -> str:
    """The commit a branch, tag or commit names in the cached repository."""
    names = ["refs/remotes/origin/HEAD"] if ref is None else [f"refs/remotes/origin/{ref}", f"refs/tags/{ref}", ref]
    for name in names:
        try:
            return run_git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"], cwd=checkout).strip()
        except GitError:
            continue
    if ref and re.fullmatch(r"[0-9a-f]{7,64}", ref):
        run_git(["fetch", "--quiet", "--filter=blob:none", "origin", ref], cwd=checkout)  # a commit on no branch
        return run_git(["rev-parse", "--verify", "--end-of-options", "FETCH_HEAD^{commit}"], cwd=checkout).strip()
    raise GitError(f"no branch, tag or commit '{ref}' in the repository" if ref else "the repository has no default branch")


def _has_commit(checkout: Path, commit: str) -> bool:
    try:
        run_git(["cat-file", "-e", f"{commit}^{{commit}}"], cwd=checkout)
        return True
    except GitError:
        return False


def default_branch(checkout: Path) -> str | None:
    try:
        name = run_git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], cwd=checkout).strip()
    except GitError:
        return None
    return name.removeprefix("origin/") or None


def last_commit_date(checkout: Path, commit: str, folder: str) -> dt.date | None:
    """The committer date of the last commit up to ``commit`` that touched ``folder``."""
    try:
        text = run_git(["log", "-1", "--format=%cs", commit, "--", folder], cwd=checkout).strip()
    except GitError:
        return None
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


# -- addresses --------------------------------------------------------------------

def is_remote(address: str) -> bool:
    """Whether git reads ``address`` as a URL or ``host:path`` rather than a local path."""
    if "://" in address:
        return True
    colon, slash = address.find(":"), address.find("/")
    return colon > 1 and (slash == -1 or colon < slash)


def git_address(address: str, root: Path) -> str:
    """The address git is given: a local path is taken relative to the folder holding site.yaml."""
    return address if is_remote(address) else str((root / Path(address).expanduser()).resolve())


def cache_name(address: str) -> str:
    """A folder name for the cached repository: readable, and unique to the address."""
    tail = address.rstrip("/").removesuffix(".git").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return f"{slug(tail)[:40] or 'repository'}-{hashlib.sha256(address.encode()).hexdigest()[:12]}"


def without_credentials(address: str) -> str:
    """The address as the site may show it: no user name, password or token."""
    if "://" not in address:
        return address
    parts = urlsplit(address)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def web_address(address: str) -> str | None:
    """The repository's web pages, for an https GitHub- or GitLab-style address; else None."""
    if not address.startswith("https://"):
        return None
    parts = urlsplit(without_credentials(address))
    path = parts.path.strip("/").removesuffix(".git")
    if not parts.hostname or path.count("/") < 1:
        return None
    return f"https://{parts.netloc}/{path}"


def edit_url(web: str, branch: str, file: str) -> str | None:
    """The address of ``file`` on the repository's web pages (GitLab's have ``/-/blob/``)."""
    host = urlsplit(web).hostname or ""
    where = quote(f"{branch}/{file}", safe="/")
    if "gitlab" in host:
        return f"{web}/-/blob/{where}"
    if "github" in host:
        return f"{web}/blob/{where}"
    return None
