"""One lock for every writer of a book (issue #11, point 3), across processes.

The window and the command line share one lock file beside the book, ``<book>.lock``
(created 0600, never deleted: deleting it would let two processes lock two different
files of the same name):

- the window holds it **exclusively** for its whole life;
- a command that writes holds it **shared** while it runs, without waiting: it is refused
  while a window holds the book ("the book is open in Encaisse; close it first"), and two
  commands share it (they then queue on SQLite's own write lock, as before);
- a restore, which replaces the whole file, holds it exclusively: it waits a moment for
  other commands to finish, and is refused while a window holds the book.

The lock belongs to an open file, not to a file name: the system drops it when its process
ends, a crash or a SIGKILL included, so a lock file left behind is harmless (whatever it
holds — an old Qt lock file's text included — is never read).

POSIX: ``fcntl.flock``. Windows has no shared locks, so they are built from byte ranges
(``msvcrt.locking``): byte 0 is the gate a window holds for its life and a command holds for
an instant, bytes 1..:data:`SLOTS` are one slot per running command; a window that gets the
gate then finds a slot taken knows a command is writing.

Books that are not files — a PostgreSQL URL, SQLite's ``:memory:`` — have no lock file and
no lock: :func:`acquire` returns None for them (a server database has its own locks).
"""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP

MSG_OPEN_IN_WINDOW = QT_TRANSLATE_NOOP("Messages", "the book is open in Encaisse; close it first")
MSG_BUSY = QT_TRANSLATE_NOOP(
    "Messages", "the book is busy: a command is changing it; try again in a moment"
)

#: How long an exclusive lock waits for running commands before "busy" (seconds).
WAIT_SECONDS = 5.0
_POLL = 0.05
#: Windows: concurrent commands writing one book (more wait for a free slot).
SLOTS = 64


class Held(Exception):
    """The lock is held by someone else; ``by_window`` tells whether an exclusive holder
    (a window) has it, as opposed to commands only."""

    def __init__(self, by_window: bool) -> None:
        super().__init__("held by a window" if by_window else "held by a command")
        self.by_window = by_window


def lock_path(book: Path) -> Path:
    return Path(str(book) + ".lock")


def _open(book: Path) -> int:
    path = lock_path(book)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    if os.name == "posix":
        try:  # an older lock file (Qt's QLockFile made it 0644): the owner's only (issue #11 §8)
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
        except OSError:
            pass
    return fd


class BookLock:
    """A held lock; :meth:`release` (or the end of the process) lets it go."""

    def __init__(self, book: Path, fd: int, exclusive: bool, slot: int | None = None) -> None:
        self.book = book
        self.exclusive = exclusive
        self._fd = fd
        self._slot = slot

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def release(self) -> None:
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        try:
            _unlock_all(fd, self.exclusive, self._slot)
        finally:
            os.close(fd)

    def __enter__(self) -> BookLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


# -- the two platforms ---------------------------------------------------------------------------
if sys.platform != "win32":  # this form of the test is the one mypy understands
    import fcntl

    def _try(fd: int, exclusive: bool) -> int | None:
        """Take the lock without waiting: 0 when taken; raise Held otherwise."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return 0
        except BlockingIOError:
            pass
        if not exclusive:
            raise Held(by_window=True)  # only an exclusive holder keeps a shared lock out
        try:  # who has it? a shared lock passes while only commands hold it
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Held(by_window=True) from None
        fcntl.flock(fd, fcntl.LOCK_UN)
        raise Held(by_window=False)

    def _unlock_all(fd: int, exclusive: bool, slot: int | None) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - Windows
    import msvcrt

    def _byte(fd: int, offset: int, mode: int) -> bool:
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, mode, 1)
            return True
        except OSError:
            return False

    def _try(fd: int, exclusive: bool) -> int | None:
        if not _byte(fd, 0, msvcrt.LK_NBLCK):
            # a window holds the gate for its life; a command only for an instant
            raise Held(by_window=True)
        if exclusive:
            for slot in range(1, SLOTS + 1):
                if not _byte(fd, slot, msvcrt.LK_NBLCK):
                    _byte(fd, 0, msvcrt.LK_UNLCK)
                    raise Held(by_window=False)
                _byte(fd, slot, msvcrt.LK_UNLCK)
            return None
        try:
            for slot in range(1, SLOTS + 1):
                if _byte(fd, slot, msvcrt.LK_NBLCK):
                    return slot
            raise Held(by_window=False)
        finally:
            _byte(fd, 0, msvcrt.LK_UNLCK)

    def _unlock_all(fd: int, exclusive: bool, slot: int | None) -> None:
        _byte(fd, slot if slot is not None else 0, msvcrt.LK_UNLCK)


# -- taking it -----------------------------------------------------------------------------------
def acquire(book: Path | None, *, exclusive: bool, wait: float = 0.0) -> BookLock | None:
    """Take the book's lock; None for a book that is not a file, for a read-only book, or
    for one whose folder cannot hold a lock file (then nothing can be written to it either).

    ``wait`` is how long to wait while only commands hold the lock (an exclusive lock then
    waits for them to finish); a window's lock is never waited for. Raises :class:`Held`.
    """
    if book is None:  # PostgreSQL, :memory: — nothing on disk to lock
        return None
    if book.exists() and not os.access(book, os.W_OK):
        return None  # a read-only book: nobody can change it, and nothing is left beside it
    try:
        fd = _open(book)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM, errno.ENOENT):
            return None
        raise
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                slot = _try(fd, exclusive)
                return BookLock(book, fd, exclusive, slot)
            except Held as held:
                if held.by_window or time.monotonic() >= deadline:
                    raise
            time.sleep(_POLL)
    except BaseException:
        os.close(fd)
        raise


def for_command(book: Path | None, *, replaces: bool = False) -> BookLock | None:
    """The lock of a command that writes: shared, or exclusive when it ``replaces`` the whole
    book (a restore). Refused with a plain message while a window holds the book."""
    try:
        return acquire(book, exclusive=replaces, wait=WAIT_SECONDS if replaces else 0.0)
    except Held as held:
        raise UserError(MSG_OPEN_IN_WINDOW if held.by_window else MSG_BUSY) from held
