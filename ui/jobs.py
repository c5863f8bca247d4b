"""Background jobs: the one way the window runs slow work off its thread (issue #12).

A :class:`Job` runs ``work(progress)`` on a worker thread of its own. ``progress(done,
total)`` reports how far it got and raises :class:`Cancelled` once :meth:`Job.cancel` was
called, so the work stops at its next report. Every signal of a job is delivered on the GUI
thread: ``progressed``, then ``done`` once (after ``result``, ``error``, ``cancelled`` and
``crashed`` are set). A :class:`~services.core.errors.AppError` becomes ``error``, in plain
words; any other exception is a bug: it goes to the crash handler (logged, the crash
dialog) and the job is ``crashed``.

:func:`run_modal` runs a job behind a progress dialog and returns it finished.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from services.core.errors import AppError
from ui import i18n

#: the progress dialog shows only for a job longer than this
PROGRESS_AFTER_MS = 400
#: the largest value a progress bar holds (a Qt int)
_QT_INT_MAX = 2**31 - 1

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]
#: jobs whose thread runs: kept alive until their ``done`` even when their caller let go
_running: set[Job] = set()


class Cancelled(Exception):
    """Raised from a job's progress callback when the user pressed Cancel."""


def fit(done: int, total: int) -> tuple[int, int]:
    """(done, total) scaled down so that a progress bar can hold them (bytes overflow it)."""
    total = max(total, 1)
    shift = 0
    while total >> shift > _QT_INT_MAX:
        shift += 10
    return min(done, total) >> shift, max(total >> shift, 1)


class _Worker(QThread):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run()


class Job(QObject):
    """``work(progress)`` on a worker thread; results, errors and progress on the GUI thread.

    Create it on the GUI thread; :meth:`start` it; connect ``done`` (or use
    :func:`run_modal`)."""

    progressed = Signal(object, object)  # done, total (any size: see fit())
    done = Signal()
    _reported = Signal(object, object)  # from the worker thread
    _ended = Signal()  # from the worker thread

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.result: Any = None
        #: an AppError's message, in plain words ("" otherwise)
        self.error = ""
        self.cancelled = False
        #: a bug ended the job; it went to the crash handler
        self.crashed = False
        self.finished = False  # ``done`` was delivered
        self._stop = False
        self._bug: BaseException | None = None
        self._thread: _Worker | None = None
        self._reported.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._end, Qt.ConnectionType.QueuedConnection)

    @property
    def ok(self) -> bool:
        """Finished with a result: no error, no cancel, no bug."""
        return not (self.error or self.cancelled or self.crashed)

    def start(self) -> Job:
        self._thread = _Worker(self)
        _running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._stop = True

    def running(self) -> bool:
        """Started and ``done`` not delivered yet."""
        return self._thread is not None and not self.finished

    def isRunning(self) -> bool:  # noqa: N802 - the QThread spelling callers know
        return self._thread is not None and self._thread.isRunning()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker thread ended (``result``, ``error``, ``cancelled`` are then
        set; ``done`` comes with the next turn of the event loop)."""
        if self._thread is None:
            return True
        return bool(self._thread.wait() if msecs < 0 else self._thread.wait(msecs))

    # -- on the worker thread ------------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        if self._stop:
            raise Cancelled
        self._reported.emit(done, total)

    def _run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except Cancelled:
            self.cancelled = True
        except AppError as exc:
            self.error = i18n.message(exc)
        except Exception as exc:  # a bug: told on the GUI thread, by the crash handler
            self._bug = exc
            self.crashed = True
        finally:
            self._ended.emit()

    # -- on the GUI thread ---------------------------------------------------------------
    @Slot(object, object)
    def _relay_progress(self, done: int, total: int) -> None:
        if not self.finished:
            self.progressed.emit(done, total)

    @Slot()
    def _end(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        bug, self._bug = self._bug, None
        self.finished = True
        _running.discard(self)
        if bug is not None:
            sys.excepthook(type(bug), bug, bug.__traceback__)
        self.done.emit()


def start(work: Work, parent: QObject | None = None) -> Job:
    """A job started now."""
    return Job(work, parent).start()


def wait_modal(parent: QWidget | None, title: str, text: str, job: Job, *, cancel: str = "") -> Job:
    """Show a progress dialog (after a moment) until ``job`` delivered ``done``; the window
    keeps painting. ``cancel``: the text of a button that cancels the job."""
    if job.finished:
        return job
    progress = QProgressDialog(text, cancel, 0, 0, parent)
    progress.setWindowTitle(title)
    if not cancel:
        progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(job.cancel)

    def on_progress(done: int, total: int) -> None:
        shown, most = fit(done, total)
        progress.setMaximum(most)
        progress.setValue(shown)

    loop = QEventLoop()
    job.progressed.connect(on_progress)
    job.done.connect(loop.quit)
    if not job.finished:
        loop.exec()
    job.progressed.disconnect(on_progress)
    job.done.disconnect(loop.quit)
    progress.close()
    progress.deleteLater()
    return job


def run_modal(
    parent: QWidget | None,
    title: str,
    text: str,
    work: Work,
    *,
    cancel: str = "",
) -> Job:
    """Run ``work`` in a :class:`Job` behind a progress dialog; return the finished job
    (``ok``, ``result``, ``error``, ``cancelled``, ``crashed``)."""
    return wait_modal(parent, title, text, start(work), cancel=cancel)
