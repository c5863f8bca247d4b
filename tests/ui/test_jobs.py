"""The background-job runner (issue #12, point 7): work on a worker thread; progress,
results and errors delivered on the GUI thread; cancel; a bug goes to the crash handler."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from ui import jobs

pytestmark = pytest.mark.gui
MSG = QT_TRANSLATE_NOOP("Messages", "The file {name} is not there.")


def gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]


def test_the_result_and_the_progress_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    worked_on: list[int] = []

    def work(progress: jobs.Progress) -> str:
        worked_on.append(threading.get_ident())
        for step in range(1, 4):
            progress(step * 2**40, 3 * 2**40)  # bytes beyond a Qt int
        return "written"

    job = jobs.Job(work)
    seen: list[tuple[int, int, bool]] = []
    job.progressed.connect(lambda done, total: seen.append((done, total, gui_thread())))
    finished: list[bool] = []
    job.done.connect(lambda: finished.append(gui_thread()))
    with qtbot.waitSignal(job.done, timeout=10_000):
        job.start()
        assert job.running()
    assert worked_on and worked_on[0] != threading.get_ident()
    assert finished == [True]
    assert job.ok and job.result == "written" and not job.running()
    assert seen == [(n * 2**40, 3 * 2**40, True) for n in (1, 2, 3)]
    assert jobs.fit(2**40, 3 * 2**40) == (2**20, 3 * 2**20)  # KiB would still overflow
    assert jobs.fit(5, 10) == (5, 10) and jobs.fit(0, 0) == (0, 1)


def test_a_user_error_is_the_jobs_error_in_plain_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(_progress: jobs.Progress) -> None:
        raise UserError(MSG, name="devis.pdf")

    job = jobs.run_modal(None, "Test", "Working…", work)
    assert job.finished and not job.ok and not job.crashed and not job.cancelled
    assert job.error == "The file devis.pdf is not there."
    assert job.result is None


def test_cancel_stops_the_work_at_its_next_progress_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    reached: list[int] = []

    def work(progress: jobs.Progress) -> str:
        for step in range(100_000):
            progress(step, 100_000)
            reached.append(step)
            threading.Event().wait(0.001)
        return "never"

    job = jobs.Job(work)
    job.progressed.connect(lambda _done, _total: job.cancel())  # at the first report
    with qtbot.waitSignal(job.done, timeout=20_000):
        job.start()
    assert job.cancelled and not job.ok and job.error == ""
    assert job.result is None
    assert len(reached) < 100_000


def test_a_bug_goes_to_the_crash_handler_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(_progress: jobs.Progress) -> None:
        raise ZeroDivisionError("a bug in a job")

    with qtbot.capture_exceptions() as caught:
        job = jobs.run_modal(None, "Test", "Working…", work)
    assert job.crashed and not job.ok and job.error == ""
    assert [type(exc) for _kind, exc, _tb in caught] == [ZeroDivisionError]


def test_run_modal_cancel_button_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    tries: list[int] = []

    def work(progress: jobs.Progress) -> None:
        for step in range(10**9):
            progress(step, 10**9)
            threading.Event().wait(0.002)

    def press_cancel() -> None:
        tries.append(1)
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        if shown:
            [button] = shown[0].findChildren(QPushButton)
            assert button.text() == "Cancel"
            button.click()
            return
        if len(tries) > 1000:  # never shown: stop the job, the test fails below
            for job in list(jobs._running):
                job.cancel()
            return
        QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(20, press_cancel)
    job = jobs.run_modal(None, "Test", "Working…", work, cancel="Cancel")
    assert job.cancelled and job.finished
    assert len(tries) <= 1000, "the progress dialog never showed"
