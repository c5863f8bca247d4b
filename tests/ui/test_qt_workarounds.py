"""The binding's emit() must not eat references to True (PySide6 6.12.0 did: every emit took
one away, and Python 3.11 aborted with "bool_dealloc" once the count reached zero)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QThread, Signal

import ui  # noqa: F401 - installs the work-arounds


class Emitter(QThread):
    progressed = Signal(int, int)
    done = Signal()

    def run(self) -> None:
        for n in range(3000):
            self.progressed.emit(n, 3000)
        self.done.emit()


class Plain(QObject):
    changed = Signal()
    value = Signal(object)


def test_emitting_keeps_the_reference_count_of_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = Plain()
    received: list[object] = []
    plain.value.connect(received.append)
    gc.collect()
    gc.disable()  # other objects freed meanwhile would move the count a little
    before = sys.getrefcount(True)
    for _ in range(2000):
        plain.changed.emit()
        plain.value.emit(None)
    worker = Emitter()
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.start()
    worker.wait()
    after = sys.getrefcount(True)
    gc.enable()
    assert len(received) == 2000
    assert after > before - 500  # without the patch: 7,000 fewer
