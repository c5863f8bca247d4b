"""The Qt user interface (no SQLAlchemy here: it talks to services only)."""

from ui import qt_workarounds  # noqa: F401 - fixes the binding before any signal is emitted
