"""What an incremental build keeps between builds, in ``.qisite-cache/build/``.

- **Content digests** of input files, with a stat cache in front of them (size,
  modification time, inode): a file is read again when any of those changed,
  or when it was modified less than :data:`RACY_SECONDS` before it was last
  hashed (the "racily clean" case git knows: a second edit in the same clock
  tick would otherwise go unseen).
- **Project entries**: a project's load and analysis (the Project, its located
  problems, its ProjectData without related projects), stored under a key made
  from the content of its folder, ``site.yaml``, and qisite's own code: whole,
  and as its listing part (what pages other than its own read of it).
- **Output manifests**: for each output folder, which build key produced each
  published file and the file's size, modification time and inode, so that a
  file whose inputs did not change is hard-linked into the next site instead of
  rendered again, and a file edited by hand in the output is noticed.

Every stored blob is sealed with an HMAC whose key lives outside the network's
folder (in the user's cache folder, created private), so a cache folder that
was committed, restored or tampered with is never unpickled: it is a miss, and
the work is done again.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import qisite

BUILD_CACHE = "build"
RACY_SECONDS = 2.0
KEY_VARIABLE = "QISITE_CACHE_KEY_DIR"
_DIGEST = 32


def digest(*parts: Any) -> str:
    """A stable hex key for ``parts`` (strings, numbers, tuples and lists of them)."""
    h = hashlib.sha256()
    _feed(h, parts)
    return h.hexdigest()


def canonical_bytes(value: Any) -> bytes:
    """``value`` (plain data and frozen records of it) as bytes that equal values share: pickled
    without the memo, so that a second use of one object is written out again, not as a reference to
    the first (which would make the bytes depend on which objects happen to be shared). Every field,
    type and exact float is in it; several times quicker than :func:`digest`'s walk of a record."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True   # no memo (and so no cycles: records have none)
    pickler.dump(value)
    return buffer.getvalue()


def _feed(h, value: Any) -> None:
    if isinstance(value, (tuple, list)):
        h.update(b"(%d" % len(value))
        for item in value:
            if type(item) is str:   # (most parts: fed here, not by a call each)
                text = repr(item).encode("utf-8", "surrogatepass")
                h.update(b"s%d:" % len(text) + text)
            else:
                _feed(h, item)
        h.update(b")")
    elif isinstance(value, bytes):
        h.update(b"b%d:" % len(value) + value)
    else:
        text = repr(value).encode("utf-8", "surrogatepass")
        h.update(b"s%d:" % len(text) + text)


# -- sealing ---------------------------------------------------------------------------------------


def _key_folder() -> Path:
    given = os.environ.get(KEY_VARIABLE, "").strip()
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qisite"


_SECRET: dict[str, bytes] = {}


def secret() -> bytes:
    """This user's cache key: made once, readable by the user alone. Where it cannot be kept,
    a key for this process only (the cache then lasts as long as the process)."""
    if "key" in _SECRET:
        return _SECRET["key"]
    path = _key_folder() / "build-cache.key"
    key = b""
    with contextlib.suppress(OSError):
        key = _read_private(path)
        if len(key) < 32:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
            key = _read_private(path)
    _SECRET["key"] = key if len(key) >= 32 else secrets.token_bytes(32)
    return _SECRET["key"]


def _read_private(path: Path) -> bytes:
    """The key file's bytes, if it is a regular file of this user that nobody else may read."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return b""
    if not stat.S_ISREG(found.st_mode) or (hasattr(os, "getuid") and found.st_uid != os.getuid()) or found.st_mode & 0o077:
        return b""
    return path.read_bytes()[:64]


def seal(payload: bytes) -> bytes:
    return hmac.new(secret(), payload, hashlib.sha256).digest() + payload


def signature(purpose: bytes, payload: bytes) -> bytes:
    """This user's signature of ``payload`` for one ``purpose`` (never a sealed file's tag: that signs the
    payload alone)."""
    return hmac.new(secret(), purpose + b"\0" + payload, hashlib.sha256).digest()


def unseal(data: bytes) -> bytes | None:
    """The payload, if ``data`` was sealed with this user's key; else None."""
    tag, payload = data[:_DIGEST], data[_DIGEST:]
    if len(tag) < _DIGEST or not hmac.compare_digest(tag, hmac.new(secret(), payload, hashlib.sha256).digest()):
        return None
    return payload


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_sealed(path: Path) -> Any:
    """The object pickled at ``path``, or None when it is missing, damaged or not sealed by us."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = unseal(data)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # sealed by us, but by another qisite version: a miss
        return None


def save_sealed(path: Path, value: Any) -> None:
    write_atomically(path, seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


# -- qisite's own code -----------------------------------------------------------------------------

_CODE: dict[str, str] = {}


def code_digest() -> str:
    """qisite's version, its source files and packaged theme, and the Python version:
    a change to any of them is a change to every output."""
    if "digest" not in _CODE:
        package = Path(qisite.__file__).parent
        files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        h = hashlib.sha256(f"{qisite.__version__} {sys.version_info[:2]}".encode())
        for path in files:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        _CODE["digest"] = h.hexdigest()
    return _CODE["digest"]


# -- input files -----------------------------------------------------------------------------------


class FileDigests:
    """Content digests of input files, read again only when their stat changed (or is too recent to trust)."""

    def __init__(self, known: dict[str, tuple] | None = None):
        self.known: dict[str, tuple] = dict(known or {})
        self.seen: dict[str, tuple] = {}
        self.hashed = 0
        self.linked: set[str] = set()   # folders given to :meth:`tree` that hold a link (it may lead out of them)

    def file(self, path: str, found: os.stat_result) -> str:
        signature = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
        entry = self.seen.get(path) or self.known.get(path)   # (read again in this build: the same, unless racy)
        if entry is not None and entry[0] == signature and entry[1] - found.st_mtime_ns > RACY_SECONDS * 1e9:
            self.seen[path] = entry
            return entry[2]
        try:
            with open(path, "rb") as handle:
                value = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as exc:
            value = f"unreadable:{exc.errno}"
        self.hashed += 1
        self.seen[path] = (signature, time.time_ns(), value)
        return value

    def tree(self, folder: Path) -> str:
        """A digest of everything under ``folder``: names, kinds, link targets and file contents."""
        h = hashlib.sha256()
        self.linked.discard(str(folder))
        for line in self._entries(str(folder), ""):
            h.update(line.encode("utf-8", "surrogateescape") + b"\n")
            if " -> " in line and not line.startswith("!"):
                self.linked.add(str(folder))
        return h.hexdigest()

    def _entries(self, folder: str, prefix: str) -> Iterable[str]:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            yield f"{prefix}!unreadable {exc.errno}"
            return
        for entry in entries:
            name = prefix + entry.name
            try:
                if entry.is_symlink():
                    target = os.readlink(entry.path)
                    found = os.stat(entry.path)  # what a reader following the link gets
                    yield f"{name} -> {target} " + (self.file(entry.path, found) if stat.S_ISREG(found.st_mode) else
                                                    f"kind {stat.S_IFMT(found.st_mode)}")
                elif entry.is_dir():
                    yield f"{name}/"
                    yield from self._entries(entry.path, name + "/")
                else:
                    found = entry.stat()
                    yield f"{name} " + (self.file(entry.path, found) if stat.S_ISREG(found.st_mode) else
                                        f"kind {stat.S_IFMT(found.st_mode)}")
            except OSError as exc:
                yield f"{name} !missing {exc.errno}"


class WatchedChanges:
    """What a watcher saw change (``qisite serve``): the paths it reported since the last build began,
    under the folders it watches. A folder it watches where it reported nothing is as the last build
    read it (unless it holds a link, which may lead where nobody watches: qisite.build reads those again)."""

    MOST = 256   # more changes than this (a git pull): every folder is read again

    def __init__(self, paths: Iterable[Path], watched: Iterable[Path]):
        self.paths = {os.path.realpath(p) for p in paths}
        self.watched = tuple(os.path.realpath(p) for p in watched)

    @property
    def few(self) -> bool:
        return len(self.paths) <= self.MOST

    def untouched(self, folder: str) -> bool:
        """Whether ``folder`` (a real path) is watched and nothing in it, or above it, was reported."""
        inside = folder + os.sep
        return (any(inside.startswith(w + os.sep) for w in self.watched)
                and not any(p == folder or p.startswith(inside) or inside.startswith(p + os.sep) for p in self.paths))


# -- the store -------------------------------------------------------------------------------------


class BuildCache:
    """The folder ``.qisite-cache/build/`` of one network: project entries, digests, manifests.

    A project is stored twice under its key: its whole entry (read only when its own page and
    downloads are made) and its listing entry (what every other page reads of it, read by every
    build; qisite.site.context.listing_data). Listing entries are kept in memory for the next build."""

    def __init__(self, cache_dir: Path):
        self.folder = cache_dir / BUILD_CACHE
        self.entries: dict[str, Any] = {}   # project key → listing entry, kept in memory for the next build
        self.read_manifests: dict[Path, tuple[tuple, Any]] = {}   # each output's manifest as read, by its file's stamp

    def project_path(self, key: str, part: str = "whole") -> Path:
        return self.folder / "projects" / key[:2] / (f"{key}.pickle" if part == "whole" else f"{key}.{part}.pickle")

    def stored(self, key: str) -> bool:
        """Whether a project's entry is stored (its listing part read already, or its file there)."""
        return key in self.entries or self.project_path(key, "listing").is_file()

    def listing(self, key: str) -> Any:
        """A project's listing entry (None when not stored)."""
        if key not in self.entries:
            found = load_sealed(self.project_path(key, "listing"))
            if found is None:
                return None
            self.entries[key] = found
        return self.entries[key]

    def read_listings(self, keys: Iterable[str], stop: Callable[[], bool]) -> None:
        """Read back these projects' listing entries ahead of need, in order, until ``stop()`` says so."""
        for key in keys:
            if stop():
                return
            self.listing(key)

    def whole(self, key: str) -> Any:
        """A project's whole entry (None when not stored): read each time, never kept in memory."""
        return load_sealed(self.project_path(key))

    def store_project(self, key: str, listing: Any, whole: bytes, listing_payload: bytes | None = None) -> bool:
        """Keep a project's entries (``whole`` pickled); whether the whole one was stored."""
        self.entries[key] = listing
        data = listing_payload if listing_payload is not None else pickle.dumps(listing, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            write_atomically(self.project_path(key), seal(whole))
            write_atomically(self.project_path(key, "listing"), seal(data))
        except OSError:
            return False
        return True

    def forget_others(self, keep: set[str]) -> None:
        """Drop in-memory entries of projects not in this build (a long ``serve`` must not grow)."""
        for key in [k for k in self.entries if k not in keep]:
            del self.entries[key]

    def manifest_path(self, output: Path) -> Path:
        return self.folder / "outputs" / f"{digest(str(output))[:24]}.pickle"

    def digests_path(self) -> Path:
        return self.folder / "digests.pickle"

    def load_digests(self) -> FileDigests:
        known = load_sealed(self.digests_path())
        return FileDigests(known if isinstance(known, dict) else None)

    def save_digests(self, digests: FileDigests) -> None:
        """Keep what this build read (unless it is what the file holds: what the build started from)."""
        if digests.seen == digests.known:
            return
        with contextlib.suppress(OSError):
            save_sealed(self.digests_path(), digests.seen)

    def manifests(self) -> list[Any]:
        """Every output's manifest, each read again only when its file changed (a kept Builder looks
        at them all whenever an edit leaves a project entry or a chart unused)."""
        folder = self.folder / "outputs"
        read: dict[Path, tuple[tuple, Any]] = {}
        for path in sorted(folder.glob("*.pickle")) if folder.is_dir() else ():
            try:
                found = path.stat()
            except OSError:
                continue
            stamp = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
            kept = self.read_manifests.get(path)
            read[path] = kept if kept is not None and kept[0] == stamp else (stamp, load_sealed(path))
        self.read_manifests = read
        return [manifest for _, manifest in read.values() if manifest is not None]

    def remove_projects(self, keys: set[str]) -> int:
        """Remove these projects' stored entries (whole and listing); how many files went."""
        removed = 0
        for key in keys:
            for part in ("whole", "listing"):
                with contextlib.suppress(FileNotFoundError):
                    self.project_path(key, part).unlink()
                    removed += 1
        return removed

    def prune_projects(self, keep: set[str]) -> int:
        """Remove stored project entries no output's manifest uses."""
        removed = 0
        for path in sorted((self.folder / "projects").glob("*/*.pickle")):
            if path.name.split(".")[0] not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
