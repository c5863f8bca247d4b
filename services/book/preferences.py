"""The Settings dialog's and the late-charges dialog's OK: every value checked by its own
setter, then all written in one transaction (issue #11, point 1)."""

from __future__ import annotations

from services.book import backup
from services.core.company import settings_batch
from services.followup import alerts, dunning, penalties
from services.ledger import imports
from services.paper import letters
from services.proof import documents


def save_settings(
    *,
    max_mb: int | None = None,
    due_soon_days: int | None = None,
    grace_days: int | None = None,
    backup_folder: str | None = None,
    kinds_off: set[str] | None = None,
    import_max_file_mb: int | None = None,
    import_max_field_kib: int | None = None,
) -> None:
    """The Settings dialog's OK: every value given (None = unchanged) is checked by its own
    setter first, then all are written in one transaction — all or nothing (issue #11)."""
    with settings_batch():
        if max_mb is not None:
            documents.set_max_mb(max_mb)
        if due_soon_days is not None:
            alerts.set_due_soon_days(due_soon_days)
        if grace_days is not None:
            dunning.set_grace_days(grace_days)
        if backup_folder is not None:
            backup.set_folder(backup_folder)
        if kinds_off is not None:
            alerts.set_kinds_off(kinds_off)
        if import_max_file_mb is not None or import_max_field_kib is not None:
            imports.set_import_limits(import_max_file_mb, import_max_field_kib)


def save_charge_settings(
    *, contractual_rate: str, mediator: str, deadline_days: int, window: dict[str, int]
) -> None:
    """The late-charges dialog's OK (the company's penalty rate, the consumer mediator, the
    deadline of a formal notice, the envelope window): checked first, then written in one
    transaction — all or nothing (issue #11)."""
    with settings_batch():
        penalties.set_contractual_rate(contractual_rate)
        letters.set_mediator(mediator)
        letters.set_deadline_days(deadline_days)
        letters.set_window(window)
