"""The pinned Qt binding must keep the reference counts of None and True.

PySide6 6.12.0 did not, on Python 3.11 (where None and True are not immortal): every
``emit()`` from Python took a reference away from True, and every signal sent from C++ to a
Python slot (a timer, a click) one from None. A long session, or a backup reporting its
progress, ended in "Fatal Python error: bool_dealloc / none_dealloc". Encaisse pins 6.11.3;
these tests keep an upgrade honest.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QPushButton


class Emitter(QThread):
    progressed = Signal(int, int)

    def run(self) -> None:
        for n in range(3000):
            self.progressed.emit(n, 3000)


class Plain(QObject):
    changed = Signal()
    value = Signal(object)


@contextmanager
def counted(obj: object) -> Iterator[Callable[[], int]]:
    """How the reference count of ``obj`` moved meanwhile (other objects' garbage aside)."""
    gc.collect()
    gc.disable()
    before = sys.getrefcount(obj)
    moved = [0]
    try:
        yield lambda: moved[0]
    finally:
        moved[0] = sys.getrefcount(obj) - before
        gc.enable()


def test_emitting_from_python_keeps_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = Plain()
    received: list[object] = []
    plain.value.connect(received.append)
    with counted(True) as moved:
        for _ in range(2000):
            plain.changed.emit()
            plain.value.emit(None)
        worker = Emitter()
        with qtbot.waitSignal(worker.finished, timeout=10_000):
            worker.start()
        worker.wait()
    assert len(received) == 2000
    assert moved() > -500  # PySide6 6.12.0: 7,000 fewer


def test_signals_from_qt_to_python_keep_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = QPushButton()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    ticks: list[int] = []
    with counted(None) as moved:
        for _ in range(1000):
            button.click()
        for n in range(1000):
            QTimer.singleShot(0, lambda n=n: ticks.append(n))
        qtbot.waitUntil(lambda: len(ticks) == 1000, timeout=10_000)
        QApplication.processEvents()
    assert len(clicks) == 1000
    assert moved() > -500  # PySide6 6.12.0: 2,000 fewer
