"""Work-arounds for bugs of the pinned Qt binding, each detected at run time so that it
switches itself off once the binding is fixed.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to
it, so every emit from Python takes one reference away from ``True``. On Python 3.11
(where ``True`` is not immortal) a long session, or a backup reporting its progress, ends
with "Fatal Python error: bool_dealloc" when the count reaches zero. The patch gives the
missing reference back after each emit that returned ``True``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_steals_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


def install() -> bool:
    """Patch ``SignalInstance.emit`` when the bug is present; True if patched."""
    if getattr(SignalInstance.emit, "_encaisse_patched", False) or not _emit_steals_true():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            incref(True)
        return result

    emit._encaisse_patched = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


install()
