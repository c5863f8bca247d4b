"""Backups of the book (issue #6): one zip per backup holding the database (copied with
SQLite's online backup API — never a raw copy of a live file), the document store and a
manifest (application and schema versions, creation time, row counts per table, the
SHA-256 and the size of every member). Rotation keeps 7 daily, 4 weekly and 12 monthly
backups.

A backup file is named ``<book name>-<YYYYMMDD-HHMMSS>.zip``, so several books can share
one backup folder (a USB key) without one's rotation touching the other's backups.

Restore checks before it replaces (issue #11, point 4). Only a regular file is read. The
manifest's every field must have its type; a member must be stored or deflated (what
Encaisse writes: any other compression, and any encrypted member, is refused before a byte
is unpacked), no larger than the manifest says (read with a byte cap), and all of them
together no more than 4 × the manifest's total (a backup made before sizes were recorded:
4 × the zip's own size, at least :data:`LEGACY_FLOOR`). The database is unpacked beside the
book (``<book>.restoring``), opened read-only and checked: an SQLite file, sound
(``integrity_check``), an Encaisse book (the ``alembic_version`` table and every table of
the models), a schema this version knows — an older one is migrated on that copy, never on
the live book — and the row counts of the manifest. Every document is checked against its
SHA-256 as it is unpacked. Only then does anything change: the current book is backed up,
the documents are added to the store, and the copy takes the book's place in one rename.
Stored documents the restored book does not know go to the store's trash (``trash/``,
purged after :data:`documents.TRASH_DAYS` days), so ``check`` finds no orphan. A refused
backup leaves the book and the store exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import SCHEMA_REVISION
from services.core import clock, db, settings
from services.core.errors import AppError, KnownError, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.version import __version__
from services.proof import documents
from services.proof.store import Store, _fsync_dir
from services.proof.store import require_regular_file as _require_regular_file

log = logging.getLogger(__name__)

FOLDER_SETTING = settings.KEYS["backup_folder"].stored  # read raw from a damaged book
MANIFEST = "manifest.json"
DATABASE = "book.db"
CHUNK = 1024 * 1024
OBJECTS = "documents/objects/"
#: the working folder of a backup being written, inside the backup folder
LEFTOVER = ".encaisse-backup-"

#: ``done, total`` in bytes read so far
Progress = Callable[[int, int], None]


def _counter(progress: Progress | None, total: int) -> Callable[[int], None]:
    """What each chunk read calls with its size: ``progress`` told the bytes so far of
    ``total``."""
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    return on_bytes


#: the compressions Encaisse writes, the only ones it reads back
COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
#: a backup made before the manifest recorded sizes may unpack to 4 × its own size, or this
LEGACY_FLOOR = 256 * 1024 * 1024
#: the manifest itself is read with this cap (about a million documents)
MANIFEST_CAP = 128 * 1024 * 1024
#: the suffix of the checked copy of a backup's database, beside the book
RESTORING = ".restoring"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_REVISION = re.compile(r"^[0-9A-Za-z_]{1,32}$")

MSG_NOT_SQLITE = QT_TRANSLATE_NOOP(
    "Messages",
    "PostgreSQL books are backed up with the server's own tools (pg_dump); "
    "Encaisse backs up SQLite books",
)
MSG_NOT_A_FILE_BOOK = QT_TRANSLATE_NOOP(
    "Messages", "this book is not a file (it lives in memory): there is nothing to back up"
)
MSG_ENCRYPTED = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} is encrypted ({member}); Encaisse writes and reads unencrypted backups only",
)
MSG_COMPRESSION = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} uses a compression Encaisse does not read ({member}: method {method}); "
    "only stored and deflated members are read",
)
MSG_BAD_MANIFEST = QT_TRANSLATE_NOOP(
    "Messages", "the backup {name} is not an Encaisse backup: its manifest's “{key}” is not valid"
)
MSG_BAD_MEMBER = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} is not an Encaisse backup: it lists an unexpected member {member}",
)
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} is not what it says: {member} is larger than the {size} bytes its "
    "manifest gives",
)
MSG_TOO_MUCH = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} would unpack to {size} MB, more than 4 times what it announces "
    "({limit} MB at most): it is refused",
)
MSG_DB_NOT_SQLITE = QT_TRANSLATE_NOOP(
    "Messages", "the backup {name} does not hold an SQLite database: its book.db is something else"
)
MSG_DB_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages", "the database in the backup {name} is damaged: {detail}"
)
MSG_DB_FOREIGN = QT_TRANSLATE_NOOP(
    "Messages",
    "the database in the backup {name} is not an Encaisse book (tables missing: {tables})",
)
MSG_SCHEMA_MISMATCH = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} is not what it says: its manifest gives schema {expected}, "
    "its database has schema {actual}",
)
MSG_COUNTS = QT_TRANSLATE_NOOP(
    "Messages",
    "the backup {name} is not what it says: its manifest counts {expected} rows in {table}, "
    "its database has {actual}",
)
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
    chosen = settings.read().backup_folder
    return Path(chosen).expanduser() if chosen else default_folder(_book())


def _book() -> Path:
    """The open book's file; a book that is not a file (PostgreSQL, :memory:) is refused
    in plain words."""
    database = db.current()
    if database.path is None:
        if database.engine.dialect.name == "sqlite":
            raise UserError(MSG_NOT_A_FILE_BOOK)
        raise UserError(MSG_NOT_SQLITE)
    return database.path


def require_file_book() -> Path:
    """What ``backup`` and ``restore`` check first: the open book is an SQLite file."""
    return _book()


def _pattern(book: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(book.stem)}-\d{{8}}-\d{{6}}(-\d+)?\.zip$")


def target_for(book: Path, where: Path, now: dt.datetime) -> Path:
    """A new backup's file name: the book's name and the local time, never an existing file."""
    base = f"{book.stem}-{clock.stamp(now)}"
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
        return _table_counts(con)
    finally:
        con.close()


def _revision_of(path: Path) -> str:
    """The schema revision a book says it has (what the manifest records)."""
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:  # a book never opened by Encaisse: no table yet
        row = None
    finally:
        con.close()
    return str(row[0]) if row else SCHEMA_REVISION


def _table_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (the search index excepted): what a manifest's ``counts`` holds."""
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'invoices_search%' ORDER BY name"
        )
    ]
    return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}


def _compressible(path: Path) -> bool:
    """PDFs and photos are mostly compressed already: deflating them again costs time for
    nothing. A sample decides."""
    with path.open("rb") as fh:
        sample = fh.read(64 * 1024)
    return bool(sample) and len(zlib.compress(sample, 1)) < 0.9 * len(sample)


def _add(
    zf: zipfile.ZipFile, source: Path, name: str, on_bytes: Callable[[int], None]
) -> tuple[str, int]:
    """Stream ``source`` into the zip as ``name``, hashing what was written; its SHA-256 and
    size."""
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
    size = 0
    with source.open("rb") as src, zf.open(info, "w", force_zip64=info.file_size > 2**31) as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
            on_bytes(len(chunk))
    return digest.hexdigest(), size


def _clear_leftovers(where: Path, book: Path) -> None:
    """Working folders and partial zips left by a backup that was killed (a day old or more:
    a backup running in another window is left alone)."""
    # file ages come from the system clock that wrote them, never from the application's
    # clock (tests and ENCAISSE_TODAY move it to other days)
    limit = time.time() - 86_400
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
        raise UserError.from_os(
            MSG_CANNOT_WRITE, exc, field="file", folder=str(target.parent)
        ) from exc
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
            on_bytes = _counter(progress, copy.stat().st_size + sum(sizes.values()))

            members: dict[str, str] = {}
            member_sizes: dict[str, int] = {}
            altered: list[str] = []
            counts = _counts(copy)
            schema = _revision_of(copy)
            with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
                members[DATABASE], member_sizes[DATABASE] = _add(zf, copy, DATABASE, on_bytes)
                for sha in objects:
                    name = f"{OBJECTS}{sha[:2]}/{sha}"
                    members[name], member_sizes[name] = _add(zf, store.path_of(sha), name, on_bytes)
                    if members[name] != sha:
                        altered.append(sha)  # kept as it is; restore will not install it
                manifest: dict[str, Any] = {
                    "app_version": __version__,
                    "schema": schema,
                    "book": source.name,
                    "created_at": clock.local_iso(
                        now
                    ),  # the file name's local time, with its offset
                    "counts": counts,
                    "members": members,
                    "sizes": member_sizes,  # what restore caps each member at (issue #11)
                    "size": sum(member_sizes.values()),
                    "altered": altered,
                }
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError.from_os(
            MSG_CANNOT_WRITE, exc, field="file", folder=str(target.parent)
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupInfo(
        target,
        manifest["created_at"],
        __version__,
        schema,
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
    _purge_store_trash(documents.the_store())
    return info


# -- reading one -------------------------------------------------------------------------------
def require_regular_file(path: Path) -> None:
    """Only a regular file is read as a backup: a folder, a device or a pipe (which would
    block for ever) is refused at once."""
    _require_regular_file(path, "file", name=path.name or str(path))


@dataclass(frozen=True, slots=True)
class _Member:
    name: str
    sha256: str
    #: the most bytes it may unpack to (what the manifest says, else the zip's header)
    cap: int
    info: zipfile.ZipInfo


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _object_name(name: str) -> bool:
    """``documents/objects/ab/abcd…``: the only members besides the database."""
    if not name.startswith(OBJECTS):
        return False
    parts = name[len(OBJECTS) :].split("/")
    return len(parts) == 2 and bool(_DIGEST.match(parts[1])) and parts[0] == parts[1][:2]


def _check_entry(info: zipfile.ZipInfo, path: Path) -> None:
    """Refuse, before unpacking anything, what Encaisse never writes."""
    if info.flag_bits & 0x1:
        raise UserError(MSG_ENCRYPTED, field="file", name=path.name, member=info.filename)
    if info.compress_type not in COMPRESSIONS:
        raise UserError(
            MSG_COMPRESSION,
            field="file",
            name=path.name,
            member=info.filename,
            method=str(info.compress_type),
        )


def _validate(manifest: object, path: Path) -> dict[str, Any]:
    """Every field of the manifest with its type (issue #11): a wrong one is named."""

    def bad(key: str) -> UserError:
        return UserError(MSG_BAD_MANIFEST, field="file", name=path.name, key=key)

    if not isinstance(manifest, dict):
        raise bad(MANIFEST)
    for key in ("app_version", "schema", "created_at"):
        if not isinstance(manifest.get(key), str):
            raise bad(key)
    if not _REVISION.match(manifest["schema"]):
        raise bad("schema")
    try:
        dt.datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise bad("created_at") from None
    if not isinstance(manifest.get("book", ""), str):
        raise bad("book")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and _is_count(v) for k, v in counts.items()
    ):
        raise bad("counts")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and _DIGEST.match(v) for k, v in members.items()
    ):
        raise bad("members")
    if DATABASE not in members:
        raise UserError(MSG_NOT_A_BACKUP, field="file", name=path.name, detail=f"no {DATABASE}")
    for name in members:
        if name != DATABASE and not _object_name(name):
            raise UserError(MSG_BAD_MEMBER, field="file", name=path.name, member=name[:200])
    altered = manifest.get("altered", [])
    if not isinstance(altered, list) or not all(
        isinstance(a, str) and _DIGEST.match(a) for a in altered
    ):
        raise bad("altered")
    if "sizes" in manifest:  # since issue #11; older backups have neither sizes nor size
        sizes = manifest["sizes"]
        if (
            not isinstance(sizes, dict)
            or set(sizes) != set(members)
            or not all(_is_count(v) for v in sizes.values())
        ):
            raise bad("sizes")
        if not _is_count(manifest.get("size")):
            raise bad("size")
    elif "size" in manifest:
        raise bad("sizes")
    return manifest


def _load_manifest(zf: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise UserError(
            MSG_NOT_A_BACKUP, field="file", name=path.name, detail=f"no {MANIFEST}"
        ) from None
    _check_entry(info, path)
    member = _Member(MANIFEST, "", MANIFEST_CAP, info)
    chunks: list[bytes] = []
    _stream(zf, member, path, write=chunks.append)
    try:
        return _validate(json.loads(b"".join(chunks)), path)
    except (ValueError, RecursionError) as exc:  # not JSON (UnicodeDecodeError is a ValueError)
        raise UserError(
            MSG_NOT_A_BACKUP, field="file", name=path.name, detail=str(exc)[:200]
        ) from exc


def _members(zf: zipfile.ZipFile, path: Path, manifest: dict[str, Any]) -> list[_Member]:
    """The members the manifest lists, each checked (present, unencrypted, a compression we
    read, no larger than the manifest says); together no more than 4 × what it announces."""
    sizes: dict[str, int] | None = manifest.get("sizes")
    out = []
    declared = 0
    for name, sha in manifest["members"].items():
        try:
            info = zf.getinfo(name)
        except KeyError:
            raise UserError(
                MSG_NOT_A_BACKUP, field="file", name=path.name, detail=f"{name} is missing"
            ) from None
        _check_entry(info, path)
        if sizes is not None and info.file_size > sizes[name]:
            raise UserError(
                MSG_TOO_LARGE, field="file", name=path.name, member=name, size=sizes[name]
            )
        declared += info.file_size
        out.append(_Member(name, sha, sizes[name] if sizes is not None else info.file_size, info))
    if sizes is not None:
        limit = 4 * int(manifest["size"])
    else:  # made before sizes were recorded: measured against the zip itself
        limit = max(4 * path.stat().st_size, LEGACY_FLOOR)
    if declared > limit:
        raise UserError(
            MSG_TOO_MUCH,
            field="file",
            name=path.name,
            size=f"{declared / 1_048_576:.1f}",
            limit=f"{limit / 1_048_576:.1f}",
        )
    return out


def _stream(
    zf: zipfile.ZipFile,
    member: _Member,
    path: Path,
    *,
    write: Callable[[bytes], Any] | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> str:
    """Read one member with its byte cap, hashing it (and handing it to ``write``); refused
    when it is larger than its cap or, for a listed member, unlike its SHA-256."""
    digest = hashlib.sha256()
    done = 0
    try:
        with zf.open(member.info) as fh:
            while chunk := fh.read(CHUNK):
                done += len(chunk)
                if done > member.cap:
                    raise UserError(
                        MSG_TOO_LARGE,
                        field="file",
                        name=path.name,
                        member=member.name,
                        size=member.cap,
                    )
                digest.update(chunk)
                if write is not None:
                    write(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        # the zip's own checks (CRC, compressed stream) caught the damage
        raise UserError(MSG_DAMAGED, field="file", name=path.name, member=member.name) from exc
    if member.sha256 and digest.hexdigest() != member.sha256:
        raise UserError(MSG_DAMAGED, field="file", name=path.name, member=member.name)
    return digest.hexdigest()


def _inspect(
    path: Path, *, check: bool, progress: Progress | None = None
) -> tuple[BackupInfo, list[_Member]]:
    """The manifest and members of a backup, checked; with ``check``, every member read."""
    require_regular_file(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _load_manifest(zf, path)
            members = _members(zf, path, manifest)
            if check:
                on_bytes = _counter(progress, sum(m.info.file_size for m in members))
                for member in members:
                    _stream(zf, member, path, on_bytes=on_bytes)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as exc:
        raise UserError(
            MSG_NOT_A_BACKUP, field="file", name=path.name, detail=str(exc)[:200]
        ) from exc
    docs = sum(1 for m in members if m.name.startswith(OBJECTS))
    info = BackupInfo(
        path,
        manifest["created_at"],
        manifest["app_version"],
        manifest["schema"],
        dict(manifest["counts"]),
        docs,
        tuple(manifest.get("altered", ())),
        path.stat().st_size,
    )
    return info, members


def read(path: Path, *, check: bool = True, progress: Progress | None = None) -> BackupInfo:
    """The manifest of a backup (every field checked); with ``check``, every member verified
    against it."""
    return _inspect(path, check=check, progress=progress)[0]


def order(info: BackupInfo) -> tuple[dt.datetime, int, str]:
    """Oldest first: by creation time, then ``name-2.zip`` after ``name.zip`` (a second
    backup in the same second)."""
    found = re.search(r"-\d{6}-(\d+)\.zip$", info.path.name)
    # compared as instants, not strings: older manifests say +00:00, newer ones the local offset
    return clock.parse_instant(info.created_at), int(found.group(1)) if found else 1, info.path.name


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
@dataclass(frozen=True, slots=True)
class _Ready:
    """A backup whose database was unpacked beside the book and passed every check."""

    info: BackupInfo
    backup: Path
    members: list[_Member]
    #: the checked (and, if it was older, migrated) copy of its database
    copy: Path
    #: the documents the restored book refers to
    known: frozenset[str]


def _copy_path(book: Path) -> Path:
    return book.with_name(book.name + RESTORING)


def _discard(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(copy) + suffix).unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file nor leave a -wal/-shm beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _revisions() -> tuple[set[str], str]:
    """The schema revisions this version knows, and its newest (the migrations' head)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from services.core.paths import migrations_path

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    script = ScriptDirectory.from_config(cfg)
    return {r.revision for r in script.walk_revisions()}, str(script.get_current_head())


#: tables every Encaisse book has had since its first schema
_FIRST_TABLES = frozenset({"alembic_version", "clients", "invoices", "payments"})


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _check_copy(copy: Path, info: BackupInfo) -> frozenset[str]:
    """Check the unpacked database (issue #11, point 4) and migrate it if it is older; the
    documents it refers to."""
    name = info.path.name
    with copy.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise UserError(MSG_DB_NOT_SQLITE, field="file", name=name)
    try:
        con = _read_only(copy)
        try:
            problems = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise UserError(
                    MSG_DB_DAMAGED, field="file", name=name, detail="; ".join(problems[:3])
                )
            missing = sorted(_FIRST_TABLES - _tables(con))
            if missing:
                raise UserError(MSG_DB_FOREIGN, field="file", name=name, tables=", ".join(missing))
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
            revision = str(rows[0][0]) if len(rows) == 1 else ""
            known_revisions, head = _revisions()
            if revision not in known_revisions:
                raise UserError(MSG_NEWER, field="file", name=name, schema=revision[:32] or "?")
            if revision != info.schema:
                raise UserError(
                    MSG_SCHEMA_MISMATCH,
                    field="file",
                    name=name,
                    expected=info.schema,
                    actual=revision,
                )
            counts = _table_counts(con)
            for table in sorted(set(counts) | set(info.counts)):
                if counts.get(table, 0) != info.counts.get(table, 0):
                    raise UserError(
                        MSG_COUNTS,
                        field="file",
                        name=name,
                        table=table,
                        expected=info.counts.get(table, 0),
                        actual=counts.get(table, 0),
                    )
        finally:
            con.close()
        if revision != head:  # older: migrated here, on the copy, never on the book
            copied = db.Database(db.database_url(copy))
            try:
                copied.upgrade(backup=False)
            finally:
                copied.dispose()
            con = sqlite3.connect(copy)  # one self-contained file again (no -wal beside it)
            try:
                con.execute("PRAGMA journal_mode=DELETE")
            finally:
                con.close()
        con = _read_only(copy)
        try:
            from models import Base

            missing = sorted(set(Base.metadata.tables) - _tables(con))
            if missing:
                raise UserError(MSG_DB_FOREIGN, field="file", name=name, tables=", ".join(missing))
            known = {str(r[0]) for r in con.execute("SELECT sha256 FROM stored_files")}
            known |= {str(r[0]) for r in con.execute("SELECT sha256 FROM documents")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(MSG_DB_DAMAGED, field="file", name=name, detail=str(exc)) from exc
    return frozenset(known)


def _prepare(
    path: Path, book: Path, *, verified: bool = False, progress: Progress | None = None
) -> _Ready:
    """Unpack the backup's database beside ``book`` and check it (nothing else changes);
    refused with a message naming the problem."""
    info, members = _inspect(path, check=not verified, progress=progress)
    if info.schema not in _revisions()[0]:  # said by the manifest; the database is checked below
        raise UserError(MSG_NEWER, field="file", name=path.name, schema=info.schema)
    copy = _copy_path(book)
    try:
        _discard(copy)  # left by a restore that was killed
        database = next(m for m in members if m.name == DATABASE)
        with zipfile.ZipFile(path) as zf:
            fd = os.open(
                copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
            with os.fdopen(fd, "wb") as out:
                _stream(zf, database, path, write=out.write)
                out.flush()
                os.fsync(out.fileno())
        known = _check_copy(copy, info)
        with copy.open("rb") as fh:
            os.fsync(fh.fileno())
    except OSError as exc:
        _discard(copy)
        raise UserError.from_os(
            MSG_CANNOT_RESTORE, exc, field="file", folder=str(book.parent)
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # the file changed since it was read
        _discard(copy)
        raise UserError(
            MSG_NOT_A_BACKUP, field="file", name=path.name, detail=str(exc)[:200]
        ) from exc
    except BaseException:
        _discard(copy)
        raise
    return _Ready(info, path, members, copy, known)


def _fold_wal(book: Path) -> None:
    """Write the book's write-ahead log into it, so that removing the log loses nothing."""
    if not Path(str(book) + "-wal").exists():
        return
    con = sqlite3.connect(book)
    try:
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        con.close()
    if busy:
        raise KnownError(db.MSG_LOCKED)


def _install_objects(ready: _Ready, store: Store) -> None:
    """Add the backup's documents to the store, each checked against its SHA-256 as it is
    unpacked; one already sound in the store is kept; one backed up altered never lands."""
    store.tmp.mkdir(mode=0o700, parents=True, exist_ok=True)
    for leftover in store.tmp.glob("restore-*"):  # from a restore that was killed
        leftover.unlink(missing_ok=True)
    with zipfile.ZipFile(ready.backup) as zf:
        for member in ready.members:
            if member.name == DATABASE:
                continue
            key = member.name.rsplit("/", 1)[-1]
            if key != member.sha256:
                continue  # backed up altered: a sound copy may still come from an older backup
            dest = store.path_of(key)
            if dest.exists() and store.verify(key) == "ok":
                continue
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = store.tmp / f"restore-{key}"
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
            try:
                with os.fdopen(fd, "wb") as out:
                    _stream(zf, member, ready.backup, write=out.write)
                    out.flush()
                    os.fsync(out.fileno())
                if dest.exists():
                    os.chmod(dest, 0o600)
                os.chmod(tmp, 0o400)
                os.replace(tmp, dest)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise


def _trash_unknown(store: Store, known: frozenset[str]) -> None:
    """Documents of the store the restored book does not know go to the store's trash
    (kept TRASH_DAYS days), so ``check`` finds no orphan; older trash is purged."""
    today = clock.today()
    for sha in sorted(store.digests_on_disk() - known):
        try:
            store.to_trash(sha, f"{today:%Y%m%d}")
        except OSError as exc:  # left where it is: `check` reports it as an orphan
            log.warning("could not move %s to the store's trash: %s", sha, exc)
    _purge_store_trash(store)


def _purge_store_trash(store: Store) -> None:
    """Delete what has been in the store's trash for more than TRASH_DAYS days (after a
    restore, and with each backup into the backup folder: daily while the window is open)."""
    try:
        store.purge_trash(f"{clock.today() - dt.timedelta(days=documents.TRASH_DAYS):%Y%m%d}")
    except OSError as exc:
        log.warning("could not purge the store's trash: %s", exc)


def _install(ready: _Ready, book: Path, store: Store, *, aside: Path | None = None) -> None:
    """Put a checked backup in place of the closed ``book``: the documents first, then the
    database in one rename (the old book until then, the restored one after); then the
    documents it does not know go to the trash. With ``aside``, the (damaged) book is kept
    under that name instead."""
    try:
        if aside is None:
            _fold_wal(book)
        _install_objects(ready, store)
        if aside is not None and book.exists():
            try:
                os.link(book, aside)
            except OSError:
                shutil.copy2(book, aside)
            for suffix in ("-wal", "-shm", "-journal"):  # they belong to the damaged file
                companion = Path(str(book) + suffix)
                if companion.exists():
                    os.replace(companion, Path(str(aside) + suffix))
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(book) + suffix).unlink(missing_ok=True)
        os.replace(ready.copy, book)
        _fsync_dir(book.parent)
    except OSError as exc:
        raise UserError.from_os(
            MSG_CANNOT_RESTORE, exc, field="file", folder=str(book.parent)
        ) from exc
    _trash_unknown(store, ready.known)


def restore(path: Path, *, verified: bool = False, safety: bool = True) -> BackupInfo:
    """Replace the open book (and its documents) with a backup, once the backup has passed
    every check (see the module's docstring); the current book is backed up first.

    ``verified`` and ``safety=False`` let the window do the slow parts (the check of every
    member and the safety backup) off its thread first; the database and the documents are
    checked again as they are unpacked.
    """
    target = _book()
    ready = _prepare(path, target, verified=verified)
    try:
        if safety and target.exists():
            create()  # the book as it is now, kept before anything changes
        store = documents.the_store()
        db.close()
        try:
            _install(ready, target, store)
        finally:
            db.open_database(target)  # the restored book; the old one again if it failed
    finally:
        _discard(ready.copy)
    return ready.info


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
    """The newest backup of ``book`` that passes every check of a restore (its database
    unpacked beside the book, then dropped) and this version can open."""
    for info in candidates(book, extra):
        if info.schema > SCHEMA_REVISION:
            continue
        try:
            ready = _prepare(info.path, book, progress=progress)
        except AppError:
            continue
        _discard(ready.copy)
        return ready.info
    return None


def recover(book: Path, backup_path: Path) -> Path:
    """Replace a damaged, closed book by a backup, once the backup has passed every check.
    The damaged file is kept aside (never deleted); its new name is returned."""
    ready = _prepare(backup_path, book)
    aside = book.with_name(f"{book.stem}.damaged-{clock.stamp()}{book.suffix}")
    try:
        _install(ready, book, Store(documents.store_root_for(book)), aside=aside)
    finally:
        _discard(ready.copy)
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
        day = clock.parse_instant(b.created_at).astimezone().date()  # the local day, as in the name
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
