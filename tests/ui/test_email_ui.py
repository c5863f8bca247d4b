"""The e-mail channel in the window (issue #13, point 10): the SMTP account in Settings (the
password in a test keyring, never the user's), "Send e-mails" in the letters dialog against a
local aiosmtpd server, a client without an address told and given the paper letter, the send
queue's window, and the retry when the window opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from services.core import clock, company, db, settings
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.paper import outbox
from tests.test_email import MemoryKeyring, free_port, smtp_server
from ui import i18n
from ui.email_settings import EmailSettingsDialog
from ui.letters_dialog import LettersDialog
from ui.outbox_dialog import OutboxDialog

pytestmark = pytest.mark.gui
TODAY = dt.date(2025, 6, 30)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", ring)
    return ring


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(TODAY)
    path = tmp_path / "book.db"
    db.open_database(path)
    company.save_company({"name": "Menuiserie Lefèvre", "email": "contact@lefevre.fr"})
    client_service.create_client(
        {"code": "ELOISE", "name": "Éloïse Café", "kind": "pro", "email": "compta@eloise.fr"}
    )
    client_service.create_client({"code": "NOMAIL", "name": "Sans Adresse", "kind": "pro"})
    for number, code in (("F1", "ELOISE"), ("F2", "NOMAIL")):
        invoice_service.create_invoice(
            {
                "number": number,
                "client": code,
                "issue_date": "2025-06-05",
                "due_date": "2025-07-05",  # the pre-reminder (e-mail) is due today
                "total": "1000.00",
            }
        )
    yield path
    clock.freeze(None)
    db.close()


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes said (none is shown)."""
    said: list[str] = []

    def tell(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, tell)
    return said


def _account(port: int) -> None:
    settings.save({"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none"})


def test_the_account_dialog_saves_the_settings_and_the_password_in_the_keyring(
    qtbot, book: Path, memory_keyring: MemoryKeyring, told: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = EmailSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("smtp example")  # a space: refused, naming the field, nothing saved
    dialog.save()
    assert told and told[-1].startswith("SMTP server: ")
    assert settings.read().smtp_host == ""
    dialog.host.setText("smtp.example.org")
    dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
    assert dialog.port.value() == 465  # the usual port of the security chosen
    dialog.user.setText("relances")
    dialog.password.setText("s3cret")
    dialog.save()
    saved = settings.read()
    assert (saved.smtp_host, saved.smtp_port, saved.smtp_security, saved.smtp_user) == (
        "smtp.example.org",
        465,
        "ssl",
        "relances",
    )
    assert memory_keyring.secrets == {("Encaisse SMTP", "relances@smtp.example.org"): "s3cret"}


def test_the_account_dialog_tests_the_connection(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = EmailSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    dialog.port.setValue(free_port())  # nothing listens there
    assert not dialog.test_connection()
    assert dialog.status.text().startswith("SMTP server: ")
    with smtp_server() as (_server, port):
        dialog.port.setValue(port)
        assert dialog.test_connection()


def _letters(qtbot) -> LettersDialog:  # type: ignore[no-untyped-def]
    dialog = LettersDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.wait_ready()
    qtbot.waitUntil(lambda: dialog.viewer is not None, timeout=5000)
    return dialog


def test_send_emails_sends_the_email_steps_and_leaves_the_paper_letter_to_record(
    qtbot, book: Path, told: list[str]
) -> None:  # type: ignore[no-untyped-def]
    with smtp_server() as (server, port):
        _account(port)
        dialog = _letters(qtbot)
        assert {letter.client_code for letter, _a, _p in dialog.written} == {"ELOISE", "NOMAIL"}
        assert dialog.email_button.isEnabled()
        # told before anything is sent: that client's letter goes by post
        assert (
            "NOMAIL has no e-mail address: a paper letter instead of the e-mail"
            in dialog.summary.text()
        )
        assert "ELOISE" not in dialog.summary.text()
        dialog.email_button.click()
    assert len(server.received) == 1 and server.received[0][1] == ["compta@eloise.fr"]
    text = told[-1]
    assert "1 e-mail sent." in text
    assert "NOMAIL has no e-mail address: a paper letter instead of the e-mail" in text
    # what is left to print and record: the paper letter only
    assert [letter.client_code for letter, _a, _p in dialog.written] == ["NOMAIL"]
    assert not dialog.email_button.isEnabled() and dialog.record_button.isEnabled()
    assert outbox.listed() == [] and len(outbox.listed(sent=True)) == 1
    dialog.close()


def test_offline_the_email_waits_in_the_queue_then_goes_from_the_queue_window(
    qtbot, book: Path, told: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _account(free_port())  # nothing listens: offline
    dialog = _letters(qtbot)
    dialog.email_button.click()
    assert "cannot be reached" in told[-1] and "1 e-mail still in the send queue." in told[-1]
    dialog.close()
    (queued,) = outbox.listed()
    assert queued.client_code == "ELOISE" and queued.attempts == 1
    with smtp_server() as (server, port):
        _account(port)  # the connection is back
        window = OutboxDialog()
        qtbot.addWidget(window)
        assert window.table.rowCount() == 1 and window.send_button.isEnabled()
        window.send_now()
        window.wait_sent()
    assert len(server.received) == 1
    assert "1 e-mail sent." in window.result_label.text()
    assert window.table.rowCount() == 0 and not window.send_button.isEnabled()


def test_the_window_retries_the_queue_when_it_opens(qtbot, book: Path, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    _account(free_port())
    dialog = _letters(qtbot)
    dialog.email_button.click()
    dialog.close()
    assert len(outbox.listed()) == 1
    with smtp_server() as (server, port):
        _account(port)
        window = MainWindow(str(book))
        qtbot.addWidget(window)
        job = window.retry_send_queue()
        assert job is not None
        job.wait()
        qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert len(server.received) == 1 and outbox.listed() == []
    assert "1 e-mail sent." in window.statusBar().currentMessage()
    window.skip_backup_on_close = True
    window.close()
