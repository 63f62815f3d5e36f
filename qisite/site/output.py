"""Writing the site atomically and safely.

The site is built into a staging folder beside the output and swapped into
place only when all of it is written, so the output is at every moment either
the previous site or the new one:

1. take the output's lock (one build per output; a second one waits briefly,
   then says which process holds it);
2. recover from a build killed earlier: restore the previous site from its
   backup if the output is missing, and remove leftover staging and backup
   folders;
3. write every file into ``.<output>.building-<token>``; a file whose bytes are
   those of the published site's file at the same path (or that an incremental
   build knows is unchanged) is hard-linked from it instead of written again,
   so an unchanged site costs links, not writes, and the published files are
   never modified in place;
4. rename the output to ``.<output>.old-<token>``, the staging folder to the
   output, and the backup to ``.<output>.spare``.

The spare (the site before last) is the next build's staging folder: most of
its files are hard links to the published site's files already, so an
incremental build checks each unchanged file with one ``lstat`` instead of
linking it again into an empty folder, and no build removes a whole site.
Whatever the spare holds that the new site does not is removed before the swap,
so a recycled staging folder ends exactly as a new one would. A spare that is
not on record, or holds anything but plain files and folders, is never used.

qisite only ever replaces a folder it wrote itself. The ``.qisite-build``
marker inside the output is not trusted by itself (anyone can commit one): it
holds a random token that must match a record kept in the network's cache
folder, keyed by the output's absolute path, together with the folder's
device and inode numbers, which no committed file can predict. The output may
never be the network folder, contain it, contain ``site.yaml`` or
``projects/``, or sit inside the projects or templates folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from qisite.problems import QisiteError

MARKER = ".qisite-build"
CACHE_DIR = ".qisite-cache"
LOCK_WAIT_SECONDS = 300.0
LOCK_NOTICE_SECONDS = 0.5   # say who we are waiting for once the wait is longer than this
SPARE_AGAIN_FROM = 256   # files written anew: from this many, the spare is made again as a copy of the new site
_MARKER_TEXT = "This folder is written by `qisite build`; it is replaced on every build.\ntoken: {token}\n"

try:
    import fcntl
except ImportError:  # Windows: builds are not locked against each other there
    fcntl = None  # type: ignore[assignment]


class SiteWriter:
    """Collects files in a staging folder; :meth:`commit` swaps it into place."""

    def __init__(self, output: Path, root: Path | None = None, projects_dir: Path | None = None,
                 lock_wait: float = LOCK_WAIT_SECONDS, on_wait: Callable[[str], None] | None = None,
                 remove_later: bool = False, stage: bool = True):
        """``remove_later``: a folder to remove is removed by a thread of its own once the new site is in
        place (a process that lives on, such as ``qisite serve``: its next page is served sooner).
        ``stage=False``: only look at the published site (the lock held, leftovers recovered)."""
        self.remove_later = remove_later
        self.output = Path(os.path.abspath(output))
        if root is not None:
            refuse_unsafe_output(self.output, root, projects_dir or root / "projects")
        self.records = OutputRecords(Path(os.path.abspath(root if root is not None else self.output.parent)), self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(self.records.lock_path, self.output)
        self.lock.acquire(lock_wait, on_wait)
        try:
            recover(self.output, self.records)
            _refuse_foreign(self.output, self.records)
            self.token = secrets.token_hex(8)
            spare = _take_spare(self.output, self.records, self.token) if stage else None
            self.staging = spare[0] if spare else staging_path(self.output, self.token)
            if stage and not spare:
                _make_staging(self.staging, self.token)
        except BaseException:
            self.lock.release()
            raise
        self.written: list[str] = []     # every file of the new site
        self.changed = 0                 # of which new or changed (the rest are links to the published files)
        self._made: set[str] = set(spare[2]) if spare else set()   # folders in the staging folder, relative to it
        self.recycled: set[str] = spare[1] if spare else set()     # files the recycled spare held when taken
        self._output_text, self._staging_text = str(self.output), str(self.staging)
        self.spare_due: dict | None = None   # the site published, once committed, if the spare is to be made again

    @property
    def previous_token(self) -> str | None:
        """The token of the published site being replaced (None if there is none)."""
        current = self.records.current() if self.output.is_dir() else None
        return current.get("token") if current else None

    def write_text(self, path: str, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    def write_bytes(self, path: str, data: bytes) -> bool:
        """Stage a file; True if its bytes are new (False: linked, unchanged, from the published site)."""
        self._make_folder_of(path)
        return self.adopt(path, stage_file(self.output, self.staging, path, data))

    def adopt(self, path: str, changed: bool) -> bool:
        """Count a file staged by :func:`stage_file` in another process."""
        self.changed += changed
        self.written.append(path)
        return changed

    def keep(self, path: str, expected: tuple[int, int, int] | None = None) -> bool:
        """Put the published site's file at ``path`` into the new site unchanged (a hard link);
        False if it cannot be (then the caller writes it), or if it is not a regular file of the
        ``expected`` (size, modification time, inode). Called for every unchanged file of a large
        site: one stat a file when the recycled spare holds it already, else one stat and one link,
        no other system call once its folder is made."""
        target = f"{self._staging_text}/{path}"   # (a site path is '/'-separated and relative)
        if path in self.recycled and expected is not None and file_stamp(target) == expected:
            self.written.append(path)   # the spare's file is the published one already (the same inode)
            return True
        source = f"{self._output_text}/{path}"
        found = file_stamp(source)
        if found is None or (expected is not None and found != expected):
            return False
        try:
            self._make_folder_of(path)
            if path in self.recycled:
                _clear(Path(target))
            os.link(source, target, follow_symlinks=False)
        except OSError:
            return False
        self.written.append(path)
        return True

    def drop(self, path: str) -> None:
        """Take a file back out of the staging folder."""
        (self.staging / path).unlink(missing_ok=True)
        self.written.remove(path)

    def staged_stat(self, path: str) -> os.stat_result:
        return os.lstat(self.staging / path)

    def _make_folder_of(self, path: str) -> None:
        """Make the staging folder's folder for ``path``, once per folder."""
        folder = os.path.dirname(path)
        if folder not in self._made:
            try:
                os.makedirs(os.path.join(self._staging_text, folder), exist_ok=True)
            except OSError:   # a recycled spare may hold a file where the new site has a folder
                _clear_way(self.staging, folder)
                os.makedirs(os.path.join(self._staging_text, folder), exist_ok=True)
            self._made.add(folder)

    def copy(self, path: str, source: Path) -> None:
        self.write_bytes(path, source.read_bytes())

    def commit(self) -> None:
        """Swap the staging folder into place; the output exists at every instant but one
        rename apart, and a kill between the two renames is undone by the next build."""
        try:
            if self.recycled:
                _remove_leftovers(self.staging, self.recycled - set(self.written), self._made)
            (self.staging / MARKER).write_text(_MARKER_TEXT.format(token=self.token))
            _keep_mode_and_group(self.output, self.staging)
            staged = _identity(self.staging, self.token)
            previous = self.records.current() if self.output.exists() else None
            self.records.save([entry for entry in (previous, staged) if entry])
            backup = None
            if self.output.exists():
                backup = self.output.with_name(f".{self.output.name}.old-{self.token}")
                self.output.rename(backup)
            self.staging.rename(self.output)
            if backup is not None and _keep_as_spare(backup, spare_path(self.output)):
                self.records.save([staged, previous] if previous else [staged])
            else:
                self.records.save([staged])
                if backup is not None:
                    self._remove(backup)
            if self.changed >= SPARE_AGAIN_FROM:
                self.spare_due = staged
        finally:
            self.lock.release()

    def spare_again(self) -> None:
        """After :meth:`commit`: when the build wrote most files anew, make the spare a copy of the new
        site (:meth:`_spare_again`), under the output's lock (taken again: skipped if another build has it)."""
        if self.spare_due is None:
            return
        published, self.spare_due = self.spare_due, None
        try:
            self.lock.acquire(0)
        except QisiteError:
            return
        try:
            if self.records.vouches_for(self.output, [published]):   # (still the site this build published)
                self._spare_again(published)
        finally:
            self.lock.release()

    def _remove(self, folder: Path) -> None:
        if self.remove_later:   # (a build that finds it there removes it too)
            threading.Thread(target=remove_site_folder, args=(folder,), name="qisite-remove-old-site").start()
        else:
            remove_site_folder(folder)

    def _spare_again(self, published: dict) -> None:
        """Make the spare a copy of the site just published, every file a hard link to its published
        file. The site replaced holds old versions of most files when a build wrote most of them anew
        (a first build, a changed template or site.yaml), and the next build, recycling it, would put
        each one right (an unlink and a link a file: some 3 s at 1,000 projects, the first edit after
        ``qisite serve`` starts); a build that wrote this many files takes far longer than linking
        them. Made beside, then renamed into place: never a half-made spare. (Lock held.)"""
        spare = spare_path(self.output)
        if os.path.lexists(spare) and not self.records.vouches_for(spare):
            return   # not ours: left alone
        token = secrets.token_hex(8)
        copy = staging_path(self.output, token)
        try:
            _make_staging(copy, token)
            made = {""}
            for path in dict.fromkeys(self.written):
                folder = os.path.dirname(path)
                if folder not in made:
                    os.makedirs(os.path.join(copy, folder), exist_ok=True)
                    while folder not in made:
                        made.add(folder)
                        folder = os.path.dirname(folder)
                os.link(f"{self._output_text}/{path}", f"{copy}/{path}", follow_symlinks=False)
            (copy / MARKER).write_text(_MARKER_TEXT.format(token=token))
            if os.path.lexists(spare):
                replaced = self.output.with_name(f".{self.output.name}.old-{token}")
                spare.rename(replaced)
                self._remove(replaced)
            copy.rename(spare)
        except OSError:   # (the next build recycles what is there, or starts afresh: slower, never wrong)
            remove_site_folder(copy)
            return
        self.records.save([published, _identity(spare, token)])

    def abandon(self) -> None:
        remove_site_folder(self.staging)
        self.lock.release()


def staging_path(output: Path, token: str) -> Path:
    """Where a build writes the new site (a folder of its own, or the spare renamed there)."""
    return output.with_name(f".{output.name}.building-{token}")


def spare_path(output: Path) -> Path:
    """Where the site before last is kept, to become the next build's staging folder."""
    return output.with_name(f".{output.name}.spare")


def _take_spare(output: Path, records: OutputRecords, token: str) -> tuple[Path, set[str], set[str]] | None:
    """The spare renamed to this build's staging folder, with the files and folders it holds; None
    if there is no spare qisite vouches for, or it holds anything but plain files and folders."""
    spare = spare_path(output)
    if not spare.is_dir() or spare.is_symlink() or not records.vouches_for(spare):
        return None
    staging = staging_path(output, token)
    spare.rename(staging)
    found = _plain_tree(staging)
    if found is None:
        remove_site_folder(staging)
        return None
    (staging / MARKER).write_text(_MARKER_TEXT.format(token=f"staging-{token}"))
    return staging, *found


def _plain_tree(root: Path) -> tuple[set[str], set[str]] | None:
    """The files and folders under ``root`` (relative, '/'-separated; the root's marker left out;
    the root itself is ""); None if anything in it is a link or not a plain file or folder."""
    files: set[str] = set()
    folders = {""}
    pending = [""]
    while pending:
        folder = pending.pop()
        with os.scandir(os.path.join(root, folder)) as found:
            for entry in found:
                relative = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_symlink():
                    return None
                if entry.is_dir(follow_symlinks=False):
                    folders.add(relative)
                    pending.append(relative)
                elif entry.is_file(follow_symlinks=False):
                    if relative != MARKER:
                        files.add(relative)
                else:
                    return None
    return files, folders


def _remove_leftovers(staging: Path, files: set[str], made: set[str]) -> None:
    """Remove from a recycled staging folder the files the new site does not have, then its folders
    left empty (deepest first)."""
    for path in files:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging / path)
    folders = {os.path.dirname(path) for path in files}
    for folder in sorted((f for f in folders if f), key=lambda f: f.count("/"), reverse=True):
        while folder:
            try:
                os.rmdir(staging / folder)   # fails (and stops) while the folder holds anything
            except OSError:
                break
            made.discard(folder)
            folder = os.path.dirname(folder)


def _keep_as_spare(backup: Path, spare: Path) -> bool:
    """Rename the replaced site to the spare; False if something else is there already."""
    if os.path.lexists(spare):
        return False
    try:
        backup.rename(spare)
    except OSError:
        return False
    return True


def file_stamp(path: str | Path) -> tuple[int, int, int] | None:
    """A regular file's (size, modification time, inode), as a manifest records it; None if it is
    missing or not a regular file (a link, a folder, a device)."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino) if stat.S_ISREG(found.st_mode) else None


def _clear(target: Path) -> None:
    """Make way at ``target`` in a recycled staging folder (never in the published site)."""
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    else:
        target.unlink(missing_ok=True)


def _clear_way(staging: Path, folder: str) -> None:
    """Remove whatever file stands where ``folder`` (or one of its parents) must be."""
    parts = folder.split("/")
    for depth in range(1, len(parts) + 1):
        here = staging.joinpath(*parts[:depth])
        if os.path.lexists(here) and not (here.is_dir() and not here.is_symlink()):
            here.unlink()
            return


def refuse_unsafe_output(output: Path, root: Path, projects_dir: Path) -> None:
    """A QisiteError if writing the site to ``output`` could replace the network's sources."""
    site, network, projects = output.resolve(), root.resolve(), projects_dir.resolve()
    reason = ""
    if site == network:
        reason = "it is the network folder itself"
    elif network.is_relative_to(site):
        reason = "it contains the network folder"
    elif site.is_relative_to(projects) and projects != network:
        reason = "it is inside the projects folder"
    elif any((folder / "project.yaml").exists() for folder in (site, *site.parents) if folder.is_relative_to(network)):
        reason = "it is inside a project folder"
    elif site.is_relative_to(network / "templates"):
        reason = "it is inside the templates folder"
    elif site.is_relative_to(network) and site.relative_to(network).parts[0] in (".git", CACHE_DIR):
        reason = f"it is inside {site.relative_to(network).parts[0]}/"
    elif (site / "site.yaml").exists() or any((site / "projects").glob("*/project.yaml")):
        reason = "it holds a site.yaml or a projects/ folder: it looks like a network's sources"
    if reason:
        raise QisiteError(f"{output}: refusing to write the site here: {reason}, and building would replace it "
                          "(set 'output' in site.yaml, or --output, to a folder of its own such as _site)")


def recover(output: Path, records: OutputRecords) -> None:
    """Undo what a killed build left: restore a missing output from its backup, and
    remove staging and backup folders. Call only while holding the output's lock."""
    backups = sorted(output.parent.glob(f".{glob_escape(output.name)}.old-*"))
    if not output.exists():
        for backup in backups:
            if records.vouches_for(backup):
                backup.rename(output)
                break
    pattern = f".{glob_escape(output.name)}"
    spare = spare_path(output)
    unvouched = [spare] if spare.is_dir() and not records.vouches_for(spare) else []
    for leftover in [*output.parent.glob(f"{pattern}.building-*"), *output.parent.glob(f"{pattern}.old-*"), *unvouched]:
        if leftover.is_dir() and not leftover.is_symlink() and ((leftover / MARKER).is_file() or not any(leftover.iterdir())):
            remove_site_folder(leftover)


def remove_site_folder(folder: Path) -> None:
    """Remove a staging or backup folder, its marker last: a build killed half way
    through leaves a folder the next build still knows it may remove."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


def glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[]" else char for char in name)


def staging_folders(output: Path) -> list[Path]:
    """Leftover staging and backup folders beside ``output`` (there should be none between builds)."""
    pattern = f".{glob_escape(output.name)}"
    return sorted([*output.parent.glob(f"{pattern}.building-*"), *output.parent.glob(f"{pattern}.old-*")])


class OutputRecords:
    """What qisite knows it wrote at an output path: tokens and folder identities, kept in
    the network's cache folder (never in the output, where a committed file could forge it)."""

    def __init__(self, root: Path, output: Path):
        key = hashlib.sha256(str(output).encode("utf-8")).hexdigest()[:24]
        folder = root / CACHE_DIR / "outputs"
        self.path = folder / f"{key}.json"
        self.lock_path = folder / f"{key}.lock"
        self.output = output

    def entries(self) -> list[dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, dict) or data.get("output") != str(self.output) or not isinstance(data.get("sites"), list):
            return []
        return [entry for entry in data["sites"] if isinstance(entry, dict)]

    def current(self) -> dict | None:
        return next((entry for entry in self.entries() if self.vouches_for(self.output, [entry])), None)

    def save(self, entries: list[dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"output": str(self.output), "sites": entries}), encoding="utf-8")
        os.replace(temporary, self.path)

    def vouches_for(self, folder: Path, entries: list[dict] | None = None) -> bool:
        """Whether ``folder`` is a site qisite wrote here: its marker's token and its identity are on record."""
        token = _marker_token(folder)
        if not token or folder.is_symlink():
            return False
        try:
            found = folder.stat()
        except OSError:
            return False
        return any(entry.get("token") == token and entry.get("device") == found.st_dev and entry.get("inode") == found.st_ino
                   for entry in (self.entries() if entries is None else entries))


class OutputLock:
    """One build per output: an exclusive lock on a file in the cache folder, released by the
    system even when the build is killed. The file says who holds it."""

    def __init__(self, path: Path, output: Path):
        self.path, self.output = path, output
        self.handle: TextIO | None = None

    def acquire(self, wait: float, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds for a build holding it; after a moment,
        ``on_wait`` (default: the log) is told whom we wait for."""
        if fcntl is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115  (held open: the lock lives as long as the handle)
        started = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - started
                if waited >= wait:
                    holder = _holder(handle)
                    handle.close()
                    raise QisiteError(f"{self.output}: another qisite build is writing this output ({holder}); "
                                      "wait for it to finish, or stop it and build again") from None
                if not told and waited >= min(LOCK_NOTICE_SECONDS, wait / 2):
                    (on_wait or _log_wait)(f"waiting for another qisite build writing {self.output} "
                                           f"({_holder(handle)}) to finish (up to {wait:.0f} s)")
                    told = True
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()  # closing releases the lock
            self.handle = None


def stage_file(output: Path, staging: Path, path: str, data: bytes) -> bool:
    """Put ``data`` at ``path`` in the staging folder: a hard link to the published file when that
    holds the same bytes, else a new file. True if the bytes are new."""
    target = staging / path
    if _same_bytes(output / path, data) and _link(output / path, target):
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:   # a recycled spare may hold a file where the new site has a folder
        _clear_way(staging, os.path.dirname(path))
        target.parent.mkdir(parents=True, exist_ok=True)
    _clear(target)   # never write through a link to a published file
    with open(target, "xb") as handle:
        handle.write(data)
    return True


def _link(source: Path, target: Path) -> bool:
    found = file_stamp(source)
    if found is None:   # never a link or a device from the published folder
        return False
    if file_stamp(target) == found:   # a recycled staging folder may hold the file already
        return True
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _clear(target)
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def _holder(handle: TextIO) -> str:
    handle.seek(0)
    return handle.read(500).strip() or "another process"


def _log_wait(message: str) -> None:
    logging.getLogger("qisite").warning(message)


def _same_bytes(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data``."""
    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _make_staging(staging: Path, token: str) -> None:
    """A new staging folder, created with the process's umask (not mkdtemp's private 0700),
    holding a marker so that a later build knows it may remove it."""
    staging.mkdir()
    (staging / MARKER).write_text(_MARKER_TEXT.format(token=f"staging-{token}"))


def _keep_mode_and_group(output: Path, staging: Path) -> None:
    """The new site keeps the permissions and group of the folder it replaces."""
    try:
        previous = output.stat()
    except OSError:
        return
    os.chmod(staging, stat.S_IMODE(previous.st_mode))
    with contextlib.suppress(OSError):  # keep the group where we may
        os.chown(staging, -1, previous.st_gid)


def _identity(folder: Path, token: str) -> dict:
    found = folder.stat()
    return {"token": token, "device": found.st_dev, "inode": found.st_ino}


def _marker_token(folder: Path) -> str:
    try:
        text = (folder / MARKER).read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return ""
    for line in text.splitlines():
        if line.startswith("token: "):
            return line[len("token: "):].strip()
    return ""


def _refuse_foreign(output: Path, records: OutputRecords) -> None:
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise QisiteError(f"{output}: the output path is a file or a link; choose another 'output' in site.yaml")
    if output.is_dir() and any(output.iterdir()) and not records.vouches_for(output):
        found_marker = (output / MARKER).exists()
        raise QisiteError(f"{output}: this folder was not written by qisite here and is not empty; refusing to replace it "
                          + ("(its .qisite-build marker does not match qisite's record in .qisite-cache/, so it proves "
                             "nothing; if this is a site qisite built before, delete the folder yourself and build again)"
                             if found_marker else
                             "(choose another 'output' in site.yaml, or empty it yourself)"))
