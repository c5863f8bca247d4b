"""The document store: files copied in, named by their SHA-256, never overwritten.

Design (see README, "Documents"): the store is a folder beside the database,
``<book>.documents/``, holding ``objects/<2 hex>/<64 hex>`` and ``tmp/``.

- Content-addressed: the same scan attached twice is stored once, and the
  integrity check is a rehash compared with the name.
- Names from the outside never become paths: only the 64-hex digest does,
  checked against a pattern before any path is built.
- Copy first, row second: a file is streamed into ``tmp/`` while hashed,
  flushed to disk, then renamed into ``objects/`` (atomic on one file system);
  only then is the database row committed.  A crash leaves at worst a file
  nobody refers to, which the integrity check reports as an orphan.
- Files are made read-only for the owner (0400; folders 0700).

Kept outside the database so the book stays small and fast, and so a backup
can copy the objects without rewriting them (issue: data safety).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from services.core import settings
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP

CHUNK = 1024 * 1024
DEFAULT_MAX_MB = settings.DEFAULT_MAX_MB  # the setting's default (Settings can change it)
_DIGEST = re.compile(r"^[0-9a-f]{64}$")

MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Messages", "the file {name} does not exist")
MSG_NOT_A_FILE = QT_TRANSLATE_NOOP("Messages", "{name} is a folder, not a file")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Messages", "the file {name} cannot be read: {detail}")
MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "the file {name} is empty")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages", "the file {name} is {size} MB, over the limit of {limit} MB (see Settings)"
)
MSG_HEIC = QT_TRANSLATE_NOOP(
    "Messages",
    "{name} is a HEIC photo, which cannot be kept as proof here: export it as JPEG or PDF first",
)
MSG_BAD_TYPE = QT_TRANSLATE_NOOP(
    "Messages", "{name} is neither a PDF nor an image (PNG, JPEG, TIFF, GIF, WebP)"
)
MSG_STORE = QT_TRANSLATE_NOOP("Messages", "the document could not be stored in {folder}: {detail}")
MSG_SPECIAL = QT_TRANSLATE_NOOP(
    "Messages", "{name} is not an ordinary file (a pipe, a device or a socket) and cannot be read"
)
MSG_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "the file {name} changed while it was being copied: nothing was kept. "
    "Try again once the program writing it has finished",
)

#: media types accepted, by what the first bytes say (never by the file name)
MEDIA_TYPES = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "image/gif",
    "image/webp",
    "message/rfc822",  # an e-mail sent for a dunning step, kept as correspondence (issue #13)
)

Progress = Callable[[int, int], None]


def sniff(head: bytes) -> str | None:
    """The media type the first bytes announce, or None when not accepted."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    # PDF readers accept the header anywhere in the first 1024 bytes
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    # an Internet message as services.paper.email writes one: header lines from the first byte
    if re.match(rb"(From|To|Subject|Date|Message-ID|MIME-Version): ", head) and (
        b"\r\nMIME-Version: 1.0\r\n" in head
    ):
        return "message/rfc822"
    return None


def _is_heic(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif")


def pdf_is_readable(path: Path) -> bool:
    """True when pypdf can open the PDF and count its pages."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return False
        return len(reader.pages) > 0
    except Exception:  # noqa: BLE001 - any parser failure means "unreadable"
        return False


@dataclass(frozen=True, slots=True)
class Ingested:
    sha256: str
    size: int
    media_type: str
    original_name: str
    unreadable: bool


def require_regular_file(
    path: Path | str, field: str = "file", name: str | None = None
) -> os.stat_result:
    """The ``os.stat`` of ``path`` when it is a regular file (or a link to one); a UserError
    naming ``field`` at once for a missing path, a folder, a FIFO, a device or a socket —
    decided from ``stat``, before anything is opened (opening a FIFO blocks until a writer
    comes; reading /dev/zero never ends).  For every file a user hands over (issue #11)."""
    shown = name if name is not None else str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise UserError(MSG_NOT_FOUND, field=field, name=shown) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(MSG_UNREADABLE, field=field, name=shown, detail=detail) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserError(MSG_NOT_A_FILE, field=field, name=shown)
    if not stat.S_ISREG(info.st_mode):
        raise UserError(MSG_SPECIAL, field=field, name=shown)
    return info


def open_regular(path: Path | str, field: str = "file", name: str | None = None) -> BinaryIO:
    """``path`` opened for reading in binary, once :func:`require_regular_file` accepts it.

    Opened without blocking, then checked again on the open descriptor: a path swapped for
    a FIFO between the two checks is refused too, never waited on.
    """
    shown = name if name is not None else str(path)
    require_regular_file(path, field, shown)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UserError.from_os(MSG_UNREADABLE, exc, field=field, name=shown) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UserError(MSG_SPECIAL, field=field, name=shown)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_source(path: Path, max_bytes: int) -> tuple[int, str]:
    """Refuse what cannot be a proof document; return (size, media type)."""
    name = path.name or str(path)
    info = require_regular_file(path, "file", name)
    size = info.st_size
    try:
        with open_regular(path, "file", name) as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UserError.from_os(MSG_UNREADABLE, exc, field="file", name=name) from exc
    if size == 0:
        raise UserError(MSG_EMPTY, field="file", name=name)
    if size > max_bytes:
        raise UserError(
            MSG_TOO_BIG,
            field="file",
            name=name,
            size=f"{size / 1_048_576:.1f}",
            limit=str(max_bytes // 1_048_576),
        )
    if _is_heic(head):
        raise UserError(MSG_HEIC, field="file", name=name)
    media_type = sniff(head)
    if media_type is None:
        raise UserError(MSG_BAD_TYPE, field="file", name=name)
    return size, media_type


def _same_file(before: os.stat_result, after: os.stat_result) -> bool:
    return (before.st_size, before.st_mtime_ns, before.st_ino, before.st_dev) == (
        after.st_size,
        after.st_mtime_ns,
        after.st_ino,
        after.st_dev,
    )


def _unchanged(path: Path, fh: BinaryIO, before: os.stat_result, copied: int, sha: str) -> bool:
    """True when the file copied from ``fh`` is, after the copy, what it was before it.

    A file rewritten during the copy would be stored torn under the hash of what was read:
    its size and modification time are compared with what they were before the copy, on
    the open file and through its path (replaced or deleted meanwhile), then its content is
    hashed again (issue #11)."""
    if copied != before.st_size or not _same_file(before, os.fstat(fh.fileno())):
        return False
    try:
        if not _same_file(before, os.stat(path)):
            return False
    except OSError:
        return False
    fh.seek(0)
    digest = hashlib.sha256()
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest() == sha


def safe_name(name: str) -> str:
    """The last component of an outside name, for display only (never a path)."""
    base = re.split(r"[\\/]", name)[-1].strip()
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:255] or "document"


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.tmp = root / "tmp"

    # -- paths ------------------------------------------------------------
    def path_of(self, sha256: str) -> Path:
        if not _DIGEST.match(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.objects / sha256[:2] / sha256

    def _ensure(self) -> None:
        for folder in (self.root, self.objects, self.tmp):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if folder.is_symlink():
                raise OSError(f"{folder} is a symbolic link")

    # -- writing ----------------------------------------------------------
    def ingest(self, source: Path, *, max_bytes: int, progress: Progress | None = None) -> Ingested:
        """Copy ``source`` into the store (hashing as it goes); return what was stored.

        The file lands under its digest; content already there is kept and the
        copy dropped.  The database row is the caller's business, after this.
        """
        size, media_type = check_source(source, max_bytes)
        name = safe_name(source.name)
        shown = source.name or str(source)
        try:
            self._ensure()
            digest = hashlib.sha256()
            fd = -1
            tmp_path = self.tmp / f"in-{os.getpid()}-{os.urandom(8).hex()}"
            fd = os.open(
                tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
            done = 0
            try:
                with open_regular(source, "file", shown) as src, os.fdopen(fd, "wb") as out:
                    fd = -1
                    before = os.fstat(src.fileno())
                    if before.st_size != size:  # rewritten since check_source looked at it
                        raise UserError(MSG_CHANGED, field="file", name=shown)
                    # never more than the size the checks accepted, even if the file grows
                    while done <= before.st_size and (chunk := src.read(CHUNK)):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, size)
                    out.flush()
                    os.fsync(out.fileno())
                    sha = digest.hexdigest()
                    if not _unchanged(source, src, before, done, sha):
                        raise UserError(MSG_CHANGED, field="file", name=shown)
                target = self.path_of(sha)
                target.parent.mkdir(mode=0o700, exist_ok=True)
                if target.exists() and self.verify(sha) == "ok":
                    tmp_path.unlink()
                    # re-used: it is young again, so `check --repair` never takes an object
                    # that an action in progress is about to point at for an orphan
                    os.utime(target)
                else:
                    os.chmod(tmp_path, 0o400)
                    os.replace(tmp_path, target)
                    _fsync_dir(target.parent)
            except BaseException:
                if fd >= 0:
                    os.close(fd)
                tmp_path.unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise UserError.from_os(MSG_STORE, exc, field="file", folder=str(self.root)) from exc
        unreadable = media_type == "application/pdf" and not pdf_is_readable(self.path_of(sha))
        return Ingested(sha, done, media_type, name, unreadable)

    def remove(self, sha256: str) -> None:
        path = self.path_of(sha256)
        if path.exists():
            os.chmod(path, 0o600)
            path.unlink()

    # -- checking ---------------------------------------------------------
    def verify(self, sha256: str) -> str:
        """``ok``, ``missing`` or ``altered`` (a link inside the store counts as altered)."""
        path = self.path_of(sha256)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return "missing"
        if not stat.S_ISREG(info.st_mode):
            return "altered"
        digest = hashlib.sha256()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
        except OSError:
            return "missing"
        return "ok" if digest.hexdigest() == sha256 else "altered"

    def digests_on_disk(self) -> set[str]:
        found: set[str] = set()
        if not self.objects.is_dir():
            return found
        for sub in self.objects.iterdir():
            if sub.is_dir() and not sub.is_symlink():
                for item in sub.iterdir():
                    if _DIGEST.match(item.name):
                        found.add(item.name)
        return found

    def leftovers(self) -> list[Path]:
        """Partial copies left in tmp/ by a crash."""
        if not self.tmp.is_dir():
            return []
        return sorted(self.tmp.iterdir())

    def open_copy_target(self, sha256: str) -> Path:
        """The stored file's path, for reading only (verified to be a regular file)."""
        path = self.path_of(sha256)
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        return path

    # -- the trash of stored files no book refers to (issue #11) --------------------
    # ``trash/<YYYYMMDD>/<sha256>``: out of ``objects/`` (so neither a backup nor the check
    # sees them), kept by day, then purged.
    def to_trash(self, sha256: str, day: str) -> Path | None:
        """Move a stored file into the trash of ``day`` (YYYYMMDD); its new path, None when
        it was not in the store."""
        if not re.fullmatch(r"\d{8}", day):
            raise ValueError(f"not a YYYYMMDD day: {day!r}")
        source = self.path_of(sha256)
        if not source.exists() and not source.is_symlink():
            return None
        folder = self.root / "trash" / day
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / sha256
        os.replace(source, target)
        return target

    def purge_trash(self, before: str) -> int:
        """Delete what went to the trash on the days before ``before`` (YYYYMMDD); how many
        files were deleted."""
        trash = self.root / "trash"
        count = 0
        if not trash.is_dir() or trash.is_symlink():
            return count
        for folder in sorted(trash.iterdir()):
            if (
                not re.fullmatch(r"\d{8}", folder.name)
                or folder.name >= before
                or folder.is_symlink()
            ):
                continue
            for item in folder.iterdir():
                if not item.is_symlink():
                    os.chmod(
                        item, 0o600
                    )  # a stored file is 0400: Windows deletes no read-only file
                item.unlink()
                count += 1
            folder.rmdir()
        return count

    # -- ``check --repair`` tidies what no document refers to (issue #11) -------------------
    def leftover_to_trash(self, leftover: Path, day: str) -> Path | None:
        """Move a file of ``tmp/`` (a partial copy a killed attachment or restore left) into
        the trash of ``day`` (YYYYMMDD); its new path, None when it is gone or is not a file."""
        if not re.fullmatch(r"\d{8}", day):
            raise ValueError(f"not a YYYYMMDD day: {day!r}")
        if leftover.parent != self.tmp:
            raise ValueError(f"{leftover} is not in {self.tmp}")
        try:
            info = leftover.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISDIR(info.st_mode):
            return None  # the trash's purge deletes files only
        folder = self.root / "trash" / day
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / leftover.name
        os.replace(leftover, target)
        return target

    def from_trash(self, sha256: str) -> Path | None:
        """Put a stored file back from the trash (the newest day that holds it whole) into
        ``objects/``: a document points at it again. Its path, None when no sound copy is
        there."""
        target = self.path_of(sha256)
        trash = self.root / "trash"
        if target.exists() or not trash.is_dir() or trash.is_symlink():
            return None
        for folder in sorted(trash.iterdir(), reverse=True):
            candidate = folder / sha256
            if (
                not re.fullmatch(r"\d{8}", folder.name)
                or folder.is_symlink()
                or candidate.is_symlink()
                or not candidate.is_file()
            ):
                continue
            digest = hashlib.sha256()
            with candidate.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
            if digest.hexdigest() != sha256:
                continue
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(candidate, target)
            _fsync_dir(target.parent)
            return target
        return None


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
