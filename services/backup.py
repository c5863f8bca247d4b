"""Backups of the book (issue #6): one zip per backup holding the database (copied with
SQLite's online backup API — never a raw copy of a live file), the document store and a
manifest (application and schema versions, creation time, row counts per table, the
SHA-256 of every member). Restore verifies every member first, backs up the current
book, then replaces it and migrates it if the backup is older; a backup from a newer
version is refused. Rotation keeps 7 daily, 4 weekly and 12 monthly backups.

A backup file is named ``<book name>-<YYYYMMDD-HHMMSS>.zip``, so several books can share
one backup folder (a USB key) without one's rotation touching the other's backups.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import SCHEMA_REVISION
from services import clock, db, documents
from services.errors import UserError
from services.i18n import QT_TRANSLATE_NOOP
from services.store import Store
from services.version import __version__

FOLDER_SETTING = "backup.folder"
MANIFEST = "manifest.json"
DATABASE = "book.db"
CHUNK = 1024 * 1024
OBJECTS = "documents/objects/"
#: the working folder of a backup being written, inside the backup folder
LEFTOVER = ".encaisse-backup-"

#: ``done, total`` in bytes read so far
Progress = Callable[[int, int], None]

MSG_NOT_SQLITE = QT_TRANSLATE_NOOP("Messages", "backups are made of SQLite books only")
MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP("Messages", "{name} is not an Encaisse backup ({detail})")
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages", "the backup {name} is damaged: {member} does not match its fingerprint"
)
MSG_NEWER = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} comes from a newer version of Encaisse (schema {schema}); "
    "update the application first",
)
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Messages", "the backup cannot be written in {folder}: {detail}"
)
MSG_CANNOT_RESTORE = QT_TRANSLATE_NOOP(
    "Messages", "the backup cannot be restored into {folder}: {detail}"
)
MSG_FOLDER_UNUSABLE = QT_TRANSLATE_NOOP(
    "Messages", "the folder {folder} cannot hold backups: {detail}"
)
MSG_SOURCE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Messages", "the book {path} cannot be read for a backup: {detail}"
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: str
    app_version: str
    schema: str
    counts: dict[str, int]
    documents: int
    #: store objects whose content no longer matched their name when backed up
    altered: tuple[str, ...] = field(default=())
    size: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "created_at": self.created_at,
            "app_version": self.app_version,
            "schema": self.schema,
            "counts": self.counts,
            "documents": self.documents,
            "size": self.size,
            "altered_documents": list(self.altered),
        }


# -- where backups go ------------------------------------------------------------------------
def default_folder(book: Path) -> Path:
    """``backups`` beside the book: in the per-user data folder for the default book."""
    return book.parent / "backups"


def folder() -> Path:
    """Where backups go: the folder chosen in Settings, else :func:`default_folder`."""
    chosen = chosen_folder()
    return Path(chosen).expanduser() if chosen else default_folder(_book())


def chosen_folder() -> str:
    """The folder set in Settings ("" = the default)."""
    from services.company import get_setting

    return get_setting(FOLDER_SETTING, "")


def set_folder(path: str) -> None:
    """Choose where backups go ("" = back to the default); the folder must take a file."""
    from services.company import set_setting

    text = path.strip()
    if text:
        where = Path(text).expanduser()
        try:
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=where, prefix=".encaisse-probe-"):
                pass
        except OSError as exc:
            raise UserError.from_os(MSG_FOLDER_UNUSABLE, exc, field="backup_folder", folder=text) from exc
        text = str(where.resolve())
    set_setting(FOLDER_SETTING, text)


def _book() -> Path:
    path = db.current().path
    if path is None:
        raise UserError(MSG_NOT_SQLITE, field="database")
    return path


def _pattern(book: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(book.stem)}-\d{{8}}-\d{{6}}(-\d+)?\.zip$")


def target_for(book: Path, where: Path, now: dt.datetime) -> Path:
    """A new backup's file name: the book's name and the local time, never an existing file."""
    base = f"{book.stem}-{now.astimezone():%Y%m%d-%H%M%S}"
    target = where / f"{base}.zip"
    n = 2
    while target.exists():
        target = where / f"{base}-{n}.zip"
        n += 1
    return target


# -- making one --------------------------------------------------------------------------------
def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'invoices_search%' ORDER BY name"
            )
        ]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        con.close()


def _compressible(path: Path) -> bool:
    """PDFs and photos are mostly compressed already: deflating them again costs time for
    nothing. A sample decides."""
    with path.open("rb") as fh:
        sample = fh.read(64 * 1024)
    return bool(sample) and len(zlib.compress(sample, 1)) < 0.9 * len(sample)


def _add(zf: zipfile.ZipFile, source: Path, name: str, on_bytes: Callable[[int], None]) -> str:
    """Stream ``source`` into the zip as ``name``, hashing what was written; its SHA-256."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.file_size = source.stat().st_size  # lets zipfile choose ZIP64 for very large files
    info.external_attr = 0o600 << 16
    if _compressible(source):
        info.compress_type = zipfile.ZIP_DEFLATED
        # level 1: fast, and the database still shrinks to about a fifth (3.13 renamed the field)
        setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 1)
    else:
        info.compress_type = zipfile.ZIP_STORED
    digest = hashlib.sha256()
    with source.open("rb") as src, zf.open(info, "w", force_zip64=info.file_size > 2**31) as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            on_bytes(len(chunk))
    return digest.hexdigest()


def _clear_leftovers(where: Path, book: Path) -> None:
    """Working folders and partial zips left by a backup that was killed (a day old or more:
    a backup running in another window is left alone)."""
    limit = clock.now().timestamp() - 86_400
    for item in where.glob(f"{LEFTOVER}*"):
        try:
            if item.stat().st_mtime < limit:
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        except OSError:
            continue
    ours = _pattern(book)
    for item in where.glob("*.zip.part"):  # only our own names: never another program's file
        try:
            if ours.match(item.name[: -len(".part")]) and item.stat().st_mtime < limit:
                item.unlink()
        except OSError:
            continue


def create(out: Path | None = None, *, progress: Progress | None = None) -> BackupInfo:
    """Write a consistent backup of the open book without stopping work.

    Safe to run off the GUI thread: it reads the book through its own SQLite connection
    (the online backup API) and the store's objects, which are never rewritten.
    """
    source = _book()
    now = clock.now()
    target = out or target_for(source, folder(), now)
    store = documents.the_store()
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError.from_os(MSG_CANNOT_WRITE, exc, field="file", folder=str(target.parent)) from exc
    partial = target.with_name(target.name + ".part")
    try:
        _clear_leftovers(target.parent, source)
        # the working copy goes beside the backup: one disk involved, and a full one is
        # reported as the backup folder's problem, not the book's
        with tempfile.TemporaryDirectory(prefix=LEFTOVER, dir=target.parent) as tmp:
            copy = Path(tmp) / DATABASE
            try:
                if not source.is_file():
                    raise sqlite3.DatabaseError("no such file")
                src = sqlite3.connect(source)
                dst = sqlite3.connect(copy)
                try:
                    src.backup(dst)  # SQLite's online backup: consistent while the book is in use
                finally:
                    dst.close()
                    src.close()
            except sqlite3.DatabaseError as exc:
                if "full" in str(exc) or "unable to open" in str(exc):  # writing the copy failed
                    code = errno.ENOSPC if "full" in str(exc) else errno.EACCES
                    raise OSError(code, os.strerror(code)) from exc
                raise UserError(
                    MSG_SOURCE_UNREADABLE, field="database", path=str(source), detail=str(exc)
                ) from exc
            objects = sorted(store.digests_on_disk())
            sizes = {sha: store.path_of(sha).stat().st_size for sha in objects}
            total = copy.stat().st_size + sum(sizes.values())
            done = 0

            def on_bytes(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            members: dict[str, str] = {}
            altered: list[str] = []
            counts = _counts(copy)
            with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
                members[DATABASE] = _add(zf, copy, DATABASE, on_bytes)
                for sha in objects:
                    name = f"{OBJECTS}{sha[:2]}/{sha}"
                    members[name] = _add(zf, store.path_of(sha), name, on_bytes)
                    if members[name] != sha:
                        altered.append(sha)  # kept as it is; restore will not install it
                manifest = {
                    "app_version": __version__,
                    "schema": SCHEMA_REVISION,
                    "book": source.name,
                    "created_at": now.isoformat(timespec="seconds"),
                    "counts": counts,
                    "members": members,
                    "altered": altered,
                }
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError.from_os(MSG_CANNOT_WRITE, exc, field="file", folder=str(target.parent)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupInfo(
        target,
        manifest["created_at"],
        __version__,
        SCHEMA_REVISION,
        counts,
        len(objects),
        tuple(altered),
        target.stat().st_size,
    )


def back_up(*, progress: Progress | None = None) -> BackupInfo:
    """A new backup in the backup folder, then that folder's rotation: what the window does
    on quitting and once a day, and ``backup`` without ``--out``."""
    info = create(progress=progress)
    rotate(info.path.parent)
    return info


# -- reading one -------------------------------------------------------------------------------
def read(path: Path, *, check: bool = True, progress: Progress | None = None) -> BackupInfo:
    """The manifest of a backup; with ``check``, every member verified against it."""
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
            members: dict[str, str] = manifest["members"]
            if DATABASE not in members:
                raise KeyError(DATABASE)
            if check:
                total = sum(zf.getinfo(name).file_size for name in members)
                done = 0
                for name, expected in members.items():
                    digest = hashlib.sha256()
                    try:
                        with zf.open(name) as fh:
                            while chunk := fh.read(CHUNK):
                                digest.update(chunk)
                                done += len(chunk)
                                if progress is not None:
                                    progress(done, total)
                    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
                        # the zip's own checks (CRC, compressed stream) caught the damage
                        raise UserError(MSG_DAMAGED, field="file", name=path.name, member=name) from exc
                    if digest.hexdigest() != expected:
                        raise UserError(MSG_DAMAGED, field="file", name=path.name, member=name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError, TypeError) as exc:
        raise UserError(MSG_NOT_A_BACKUP, field="file", name=path.name, detail=str(exc)) from exc
    docs = sum(1 for name in members if name.startswith(OBJECTS))
    return BackupInfo(
        path,
        manifest["created_at"],
        manifest["app_version"],
        manifest["schema"],
        manifest["counts"],
        docs,
        tuple(manifest.get("altered", ())),
        path.stat().st_size,
    )


def order(info: BackupInfo) -> tuple[str, int, str]:
    """Oldest first: by creation time, then ``name-2.zip`` after ``name.zip`` (a second
    backup in the same second)."""
    found = re.search(r"-\d{6}-(\d+)\.zip$", info.path.name)
    return info.created_at, int(found.group(1)) if found else 1, info.path.name


def list_backups(where: Path | None = None, book: Path | None = None) -> list[BackupInfo]:
    """The backups of ``book`` (the open one by default) in ``where``, oldest first."""
    book = book or _book()
    where = where or folder()
    pattern = _pattern(book)
    out = []
    for path in sorted(where.iterdir()) if where.is_dir() else []:
        if not pattern.match(path.name):
            continue
        try:
            out.append(read(path, check=False))
        except UserError:
            continue
    return sorted(out, key=order)


# -- restoring ---------------------------------------------------------------------------------
def _install(backup_path: Path, target: Path, store: Store) -> None:
    """Put the backup's database at ``target`` and its objects in ``store`` (the book is closed).

    The database lands through a temporary file and a rename; an object already sound in
    the store is kept; an object the backup holds altered is never installed.
    """
    with zipfile.ZipFile(backup_path) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        fresh = target.with_name(target.name + ".restoring")
        try:
            with zf.open(DATABASE) as src, fresh.open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
            os.chmod(fresh, 0o600)
            for name, sha in manifest["members"].items():
                if not name.startswith(OBJECTS):
                    continue
                key = name.rsplit("/", 1)[-1]
                if key != sha:
                    continue  # backed up altered: a sound copy may still come from an older backup
                dest = store.path_of(key)
                if dest.exists() and store.verify(key) == "ok":
                    continue
                dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                tmp = dest.with_name(dest.name + ".restoring")
                with zf.open(name) as src, open(tmp, "wb") as out:
                    shutil.copyfileobj(src, out, CHUNK)
                if dest.exists():
                    os.chmod(dest, 0o600)
                os.chmod(tmp, 0o400)
                os.replace(tmp, dest)
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            os.replace(fresh, target)
        except OSError as exc:
            fresh.unlink(missing_ok=True)
            raise UserError.from_os(MSG_CANNOT_RESTORE, exc, field="file", folder=str(target.parent)) from exc


def restore(path: Path, *, verified: bool = False, safety: bool = True) -> BackupInfo:
    """Replace the open book (and its documents) with a verified backup; the current book is
    backed up first; an older backup is migrated on opening.

    ``verified`` and ``safety=False`` let the window do the slow parts (the check and the
    safety backup) off its thread first.
    """
    info = read(path, check=not verified)
    if info.schema > SCHEMA_REVISION:
        raise UserError(MSG_NEWER, field="file", name=path.name, schema=info.schema)
    target = _book()
    if safety and target.exists():
        create()  # the book as it is now, kept before anything changes
    store = documents.the_store()
    db.close()
    try:
        _install(path, target, store)
    finally:
        db.open_database(target)  # migrates an older book; the old one again if it failed
    return info


# -- a damaged book ----------------------------------------------------------------------------
def quick_check(book: Path) -> list[str]:
    """SQLite's quick check of a closed book: [] when sound (or absent), else what is wrong."""
    if not book.exists() or book.stat().st_size == 0:
        return []
    try:
        con = sqlite3.connect(book)
        try:
            rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _folder_of_damaged(book: Path) -> Path | None:
    """The backup folder set in a book that may be damaged (best effort)."""
    if not book.is_file():
        return None
    try:
        con = sqlite3.connect(book)
        try:
            row = con.execute(
                "SELECT value FROM settings WHERE key = ?", (FOLDER_SETTING,)
            ).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return Path(row[0]).expanduser() if row and row[0] else None


def candidates(book: Path, extra: Iterable[Path] = ()) -> list[BackupInfo]:
    """The backups of a book, newest first, from its folders (chosen, default, ``extra``)."""
    folders: list[Path] = []
    for where in (_folder_of_damaged(book), default_folder(book), *extra):
        if where is not None and where not in folders:
            folders.append(where)
    found: dict[Path, BackupInfo] = {}
    for where in folders:
        for info in list_backups(where, book):
            found[info.path.resolve()] = info
    return sorted(found.values(), key=order, reverse=True)


def latest_good(
    book: Path, extra: Iterable[Path] = (), progress: Progress | None = None
) -> BackupInfo | None:
    """The newest backup of ``book`` that passes its checks and this version can open."""
    for info in candidates(book, extra):
        if info.schema > SCHEMA_REVISION:
            continue
        try:
            return read(info.path, check=True, progress=progress)
        except UserError:
            continue
    return None


def recover(book: Path, backup_path: Path) -> Path:
    """Replace a damaged, closed book by a backup. The damaged file is kept aside (renamed,
    never deleted); its new name is returned."""
    info = read(backup_path, check=True)
    if info.schema > SCHEMA_REVISION:
        raise UserError(MSG_NEWER, field="file", name=backup_path.name, schema=info.schema)
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    aside = book.with_name(f"{book.stem}.damaged-{stamp}{book.suffix}")
    try:
        if book.exists():
            os.replace(book, aside)
        for suffix in ("-wal", "-shm"):
            companion = Path(str(book) + suffix)
            if companion.exists():
                os.replace(companion, Path(str(aside) + suffix))
    except OSError as exc:
        raise UserError.from_os(MSG_CANNOT_RESTORE, exc, field="file", folder=str(book.parent)) from exc
    _install(backup_path, book, Store(documents.store_root_for(book)))
    return aside


# -- rotation ----------------------------------------------------------------------------------
def rotate(where: Path | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days, 4 weeks and 12 months that have
    one; delete the others. Returns what was deleted.

    Never deletes the only good backup: nothing is deleted unless the newest backup passes
    its full check (so a damaged newest backup never pushes out the sound older ones).
    """
    where = where or folder()
    backups = list_backups(where)
    if len(backups) <= 1:
        return []
    try:
        read(backups[-1].path, check=True)
    except UserError:
        return []
    keep: set[Path] = set()
    by_day: dict[dt.date, BackupInfo] = {}
    for b in backups:
        day = dt.datetime.fromisoformat(b.created_at).date()
        by_day[day] = b  # sorted oldest first: the newest of the day wins
    days = sorted(by_day, reverse=True)
    keep |= {by_day[d].path for d in days[:7]}
    weeks: dict[tuple[int, int], BackupInfo] = {}
    months: dict[tuple[int, int], BackupInfo] = {}
    for d in sorted(by_day):
        weeks[d.isocalendar()[:2]] = by_day[d]
        months[(d.year, d.month)] = by_day[d]
    keep |= {weeks[k].path for k in sorted(weeks, reverse=True)[:4]}
    keep |= {months[k].path for k in sorted(months, reverse=True)[:12]}
    keep.add(backups[-1].path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted
