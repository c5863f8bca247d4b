"""Test-wide set-up: Qt offscreen, settings and data folders kept away from the user's."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _isolated_qt_paths(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings and QStandardPaths point at throw-away folders during tests."""
    home = tmp_path_factory.mktemp("home")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        return
    QStandardPaths.setTestModeEnabled(True)


pytest_plugins = ["tests.engines", "tests.book_template"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow tests (kill loops, full runs) first, the rest in their order: with xdist, the
    workers start on the long ones and share the short ones out after, instead of one worker
    finishing a 46 s kill loop alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
