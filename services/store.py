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

from services.errors import UserError
from services.i18n import QT_TRANSLATE_NOOP

CHUNK = 1024 * 1024
DEFAULT_MAX_MB = 50
_DIGEST = re.compile(r"^[0-9a-f]{64}$")

MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Messages", "the file {name} does not exist")
MSG_NOT_A_FILE = QT_TRANSLATE_NOOP("Messages", "{name} is a folder, not a file")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Messages", "the file {name} cannot be read: {detail}")
MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "the file {name} is empty")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages", "the file {name} is {size} MB, over the limit of {limit} MB (see Settings)"
)
MSG_HEIC = QT_TRANSLATE_NOOP(
    "Messages", "{name} is a HEIC photo, which cannot be kept as proof here: "
    "export it as JPEG or PDF first"
)
MSG_BAD_TYPE = QT_TRANSLATE_NOOP(
    "Messages", "{name} is neither a PDF nor an image (PNG, JPEG, TIFF, GIF, WebP)"
)
MSG_STORE = QT_TRANSLATE_NOOP("Messages", "the document could not be stored in {folder}: {detail}")

#: media types accepted, by what the first bytes say (never by the file name)
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/tiff", "image/gif", "image/webp")

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


def check_source(path: Path, max_bytes: int) -> tuple[int, str]:
    """Refuse what cannot be a proof document; return (size, media type)."""
    name = path.name or str(path)
    if not path.exists():
        raise UserError(MSG_NOT_FOUND, field="file", name=name)
    if path.is_dir():
        raise UserError(MSG_NOT_A_FILE, field="file", name=name)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UserError.from_os(MSG_UNREADABLE, exc, field="file", name=name) from exc
    if size == 0:
        raise UserError(MSG_EMPTY, field="file", name=name)
    if size > max_bytes:
        raise UserError(MSG_TOO_BIG, field="file", name=name,
                        size=f"{size / 1_048_576:.1f}", limit=str(max_bytes // 1_048_576))
    if _is_heic(head):
        raise UserError(MSG_HEIC, field="file", name=name)
    media_type = sniff(head)
    if media_type is None:
        raise UserError(MSG_BAD_TYPE, field="file", name=name)
    return size, media_type


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
        try:
            self._ensure()
            digest = hashlib.sha256()
            fd = -1
            tmp_path = self.tmp / f"in-{os.getpid()}-{os.urandom(8).hex()}"
            fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            done = 0
            try:
                with source.open("rb") as src, os.fdopen(fd, "wb") as out:
                    fd = -1
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, size)
                    out.flush()
                    os.fsync(out.fileno())
                sha = digest.hexdigest()
                target = self.path_of(sha)
                target.parent.mkdir(mode=0o700, exist_ok=True)
                if target.exists() and self.verify(sha) == "ok":
                    tmp_path.unlink()
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


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
