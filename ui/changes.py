"""Views refresh themselves (issue #12): one notifier tells every open view what the last
transactions changed, and each view decides whether to reload.

The services report, after each COMMIT, the topics it touched (:mod:`services.core.changes`),
sometimes from a worker thread; the :class:`Notifier` hands them to the GUI thread, gathers
those that arrive together (one user action may be several transactions) and emits
``changed(Change)`` once, at the next turn of the event loop. A view connects with
:func:`watch`: its slot runs when a topic it shows changed, at once when it is visible,
else when it is next shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from services.core import changes
from services.core.changes import Change

__all__ = ["Change", "Notifier", "notifier", "watch"]


class Notifier(QObject):
    """Create it on the GUI thread (:func:`notifier` does)."""

    changed = Signal(object)  # Change
    _arrived = Signal(object)  # from any thread

    def __init__(self) -> None:
        super().__init__()
        self._pending = Change.NONE
        self._told = 0  # reports from the services (any thread)
        self._taken = 0  # reports collected on the GUI thread
        self._count_lock = threading.Lock()
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._deliver)
        changes.subscribe(self._from_services)

    def _from_services(self, change: Change) -> None:  # any thread
        with self._count_lock:
            self._told += 1
        self._arrived.emit(change)

    @Slot(object)
    def _collect(self, change: Change) -> None:
        self._taken += 1
        self._pending |= change
        self._timer.start()

    def idle(self) -> bool:
        """Every change the services reported has been told to the views."""
        with self._count_lock:
            told = self._told
        return self._taken == told and not self._timer.isActive()

    def _deliver(self) -> None:
        change, self._pending = self._pending, Change.NONE
        if change:
            self.changed.emit(change)


_notifier: Notifier | None = None


def notifier() -> Notifier:
    """The application's notifier (made on first use: on the GUI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = Notifier()
    return _notifier


class _Watch(QObject):
    """A child of the view: the connection dies with the view."""

    def __init__(
        self,
        view: QWidget,
        topics: Change,
        slot: Callable[[Change], None],
        when_hidden: bool,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.topics = topics
        self.slot = slot
        self.when_hidden = when_hidden
        self.missed = Change.NONE
        notifier().changed.connect(self._changed)
        if not when_hidden:
            view.installEventFilter(self)

    @Slot(object)
    def _changed(self, change: Change) -> None:
        relevant = change & self.topics
        if not relevant:
            return
        if self.when_hidden or self.view.isVisible():
            self.slot(relevant)
        else:
            self.missed |= relevant

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.Show and self.missed:
            missed, self.missed = self.missed, Change.NONE
            self.slot(missed)
        return False


def watch(
    view: QWidget,
    topics: Change,
    slot: Callable[[Change], None],
    *,
    when_hidden: bool = False,
) -> None:
    """Call ``slot(the topics of interest that changed)`` when any of ``topics`` changed
    (BOOK always counts): at once if ``view`` is visible (or ``when_hidden``), else when it
    is next shown."""
    _Watch(view, topics | Change.BOOK, slot, when_hidden)
