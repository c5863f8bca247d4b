"""Backups of the book (issue #6): one zip per backup holding the database (copied with
SQLite's online backup API — never a raw copy of a live file), the document store and a
manifest (application and schema versions, creation time, row counts per table, the
SHA-256 of every member). Restore verifies every member first, backs up the current
book, then replaces it and migrates it if the backup is older; a backup from a newer
version is refused. Rotation keeps 7 daily, 4 weekly and 12 monthly backups.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models import SCHEMA_REVISION
from services import clock, db, documents
from services.errors import UserError
from services.i18n import QT_TRANSLATE_NOOP
from services.version import __version__

FOLDER_SETTING = "backup.folder"
MANIFEST = "manifest.json"
DATABASE = "book.db"
PREFIX = "encaisse-"

MSG_NOT_SQLITE = QT_TRANSLATE_NOOP("Messages", "backups are made of SQLite books only")
MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP("Messages", "{name} is not an Encaisse backup ({detail})")
MSG_DAMAGED = QT_TRANSLATE_NOOP("Messages", "the backup {name} is damaged: {member} does not match its fingerprint")
MSG_NEWER = QT_TRANSLATE_NOOP(
    "Messages", "the backup {name} comes from a newer version of Encaisse (schema {schema}); update the application first")
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "the backup cannot be written in {folder}: {detail}")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: str
    app_version: str
    schema: str
    counts: dict[str, int]
    documents: int

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "created_at": self.created_at, "app_version": self.app_version,
                "schema": self.schema, "counts": self.counts, "documents": self.documents}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def folder() -> Path:
    """Where backups go: the folder set in Settings, else ``backups`` beside the book."""
    from services.company import get_setting

    chosen = get_setting(FOLDER_SETTING, "")
    if chosen:
        return Path(chosen).expanduser()
    path = db.current().path
    if path is None:
        raise UserError(MSG_NOT_SQLITE, field="database")
    return path.parent / "backups"


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'invoices_search%' ORDER BY name")]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}


def create(out: Path | None = None) -> BackupInfo:
    """Write a consistent backup of the open book without stopping work."""
    source = db.current().path
    if source is None:
        raise UserError(MSG_NOT_SQLITE, field="database")
    now = clock.now()
    target = out or folder() / f"{PREFIX}{now.astimezone():%Y%m%d-%H%M%S}.zip"
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="encaisse-backup-") as tmp:
            copy = Path(tmp) / DATABASE
            with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)  # SQLite's online backup: consistent while the book is in use
            members: dict[str, str] = {DATABASE: _sha256(copy)}
            store = documents.the_store()
            objects = sorted(store.digests_on_disk())
            partial = target.with_suffix(".part")
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(copy, DATABASE)
                for sha in objects:
                    name = f"documents/objects/{sha[:2]}/{sha}"
                    zf.write(store.path_of(sha), name)
                    members[name] = sha
                manifest = {"app_version": __version__, "schema": SCHEMA_REVISION,
                            "created_at": now.isoformat(timespec="seconds"), "counts": _counts(copy),
                            "members": members}
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
            os.chmod(partial, 0o600)
            os.replace(partial, target)
    except OSError as exc:
        raise UserError(MSG_CANNOT_WRITE, field="file", folder=str(target.parent),
                        detail=exc.strerror or str(exc)) from exc
    return BackupInfo(target, manifest["created_at"], __version__, SCHEMA_REVISION, manifest["counts"], len(objects))


def read(path: Path, *, check: bool = True) -> BackupInfo:
    """The manifest of a backup; with ``check``, every member verified against it."""
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
            if check:
                for name, expected in manifest["members"].items():
                    digest = hashlib.sha256()
                    with zf.open(name) as fh:
                        while chunk := fh.read(1024 * 1024):
                            digest.update(chunk)
                    if digest.hexdigest() != expected:
                        raise UserError(MSG_DAMAGED, field="file", name=path.name, member=name)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UserError(MSG_NOT_A_BACKUP, field="file", name=path.name, detail=str(exc)) from exc
    docs = sum(1 for name in manifest["members"] if name.startswith("documents/"))
    return BackupInfo(path, manifest["created_at"], manifest["app_version"], manifest["schema"], manifest["counts"],
                      docs)


def list_backups(where: Path | None = None) -> list[BackupInfo]:
    where = where or folder()
    out = []
    for path in sorted(where.glob(f"{PREFIX}*.zip")) if where.is_dir() else []:
        try:
            out.append(read(path, check=False))
        except UserError:
            continue
    return sorted(out, key=lambda b: b.created_at)


def restore(path: Path) -> BackupInfo:
    """Replace the open book (and its documents) with a verified backup; the current book is
    backed up first; an older backup is migrated on opening."""
    info = read(path, check=True)
    if info.schema > SCHEMA_REVISION:
        raise UserError(MSG_NEWER, field="file", name=path.name, schema=info.schema)
    current = db.current()
    target = current.path
    if target is None:
        raise UserError(MSG_NOT_SQLITE, field="database")
    if target.exists():
        create()  # the book as it is now, kept before anything changes
    store = documents.the_store()
    url_target = str(target)
    db.close()
    with zipfile.ZipFile(path) as zf:
        fresh = target.with_name(target.name + ".restoring")
        with zf.open(DATABASE) as src, fresh.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.chmod(fresh, 0o600)
        os.replace(fresh, target)
        for name in zf.namelist():
            if not name.startswith("documents/objects/"):
                continue
            sha = name.rsplit("/", 1)[-1]
            dest = store.path_of(sha)
            if dest.exists() and store.verify(sha) == "ok":
                continue
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with zf.open(name) as src, open(dest.with_suffix(".tmp"), "wb") as out:
                shutil.copyfileobj(src, out)
            os.chmod(dest.with_suffix(".tmp"), 0o400)
            os.replace(dest.with_suffix(".tmp"), dest)
    db.open_database(url_target)  # migrates an older book
    return info


def rotate(where: Path | None = None, today: dt.date | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days, 4 weeks and 12 months that have
    one; delete the others. Never deletes the only backup. Returns what was deleted."""
    where = where or folder()
    today = today or clock.today()
    backups = list_backups(where)
    if len(backups) <= 1:
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
