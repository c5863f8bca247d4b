"""The e-mail send queue and the SMTP account (issue #13, point 10).

An e-mail made for a dunning step (services.paper.email) is queued in the book
(``email_outbox``: it survives a restart), then sent through the SMTP account of Settings —
server, port, security (SSL, STARTTLS or none), user — whose password is kept in the
operating system's keyring (the ``keyring`` package), never in the book.

Sending is the only way an e-mail step is recorded as done: once the server has accepted a
message, in one transaction, its queue row is marked sent with the time, the step is recorded
done for each of its invoices with the Message-ID (``dunning_records.message_id``), and the
message (.eml) and its letter (PDF) are kept as ``correspondence`` documents of the client.
A server that cannot be reached, or that refuses the login, leaves every e-mail queued and
says which field to check (``smtp_host``, ``smtp_user``/``smtp_password``); nothing is recorded
as sent that was not sent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import smtplib
import ssl
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import Client, DunningRecord, Invoice, OutboxEmail
from services.core import clock, db, settings
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.followup import dunning
from services.paper.email import Email

#: the keyring's service name for the SMTP password (the user name is ``user@host``)
KEYRING_SERVICE = "Encaisse SMTP"
#: seconds to wait for the server before the e-mails stay queued
TIMEOUT = 20.0

MSG_NO_SERVER = QT_TRANSLATE_NOOP(
    "Messages", "no SMTP server is set in Settings: the e-mails stay in the send queue"
)
MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "the SMTP server {host}:{port} cannot be reached ({detail}): the e-mails stay in the send "
    "queue and are sent when the connection returns",
)
MSG_LOGIN_REFUSED = QT_TRANSLATE_NOOP(
    "Messages",
    "the SMTP server refused the login of {user} ({detail}): check the user and the password; "
    "the e-mails stay in the send queue",
)
MSG_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "Messages", "no password is kept for {user}: enter it in Settings ▸ E-mail account"
)
MSG_KEYRING = QT_TRANSLATE_NOOP(
    "Messages", "the system keyring cannot be used ({detail}): the password is not kept"
)
MSG_REFUSED = QT_TRANSLATE_NOOP(
    "Messages", "the SMTP server refused the e-mail to {recipient}: {detail}"
)
MSG_NO_STARTTLS = QT_TRANSLATE_NOOP(
    "Messages", "the SMTP server {host} does not offer STARTTLS: choose SSL, or none"
)
MSG_NOT_QUEUED = QT_TRANSLATE_NOOP("Messages", "no e-mail {value} in the send queue")


# -- the account ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Account:
    host: str
    port: int
    security: str  # ssl, starttls, none
    user: str

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.host}"


def account(values: settings.Settings | None = None) -> Account | None:
    """The SMTP account of Settings, or None when no server is set."""
    values = values or settings.read()
    if not values.smtp_host:
        return None
    return Account(values.smtp_host, values.smtp_port, values.smtp_security, values.smtp_user)


def _keyring() -> Any:
    import keyring

    return keyring


def password(acc: Account) -> str | None:
    """The account's password from the system keyring (None when none is kept)."""
    from keyring.errors import KeyringError

    try:
        value = _keyring().get_password(KEYRING_SERVICE, acc.keyring_user)
    except KeyringError as exc:
        raise UserError(
            MSG_KEYRING, field="smtp_password", detail=str(exc) or type(exc).__name__
        ) from exc
    return None if value is None else str(value)


def set_password(acc: Account, secret: str) -> None:
    """Keep ``secret`` in the system keyring for the account ("" forgets it)."""
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if secret:
            _keyring().set_password(KEYRING_SERVICE, acc.keyring_user, secret)
        else:
            with contextlib.suppress(PasswordDeleteError):  # nothing was kept
                _keyring().delete_password(KEYRING_SERVICE, acc.keyring_user)
    except KeyringError as exc:
        raise UserError(
            MSG_KEYRING, field="smtp_password", detail=str(exc) or type(exc).__name__
        ) from exc


def _detail(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
        )
        return f"{exc.smtp_code} {text}".strip()
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def connect(acc: Account, secret: str | None = None) -> smtplib.SMTP:
    """An open, logged-in connection to the account's server; a UserError naming
    ``smtp_host`` when it cannot be reached, ``smtp_user`` when it refuses the login."""
    context = ssl.create_default_context()
    server: smtplib.SMTP | None = None
    try:
        if acc.security == "ssl":
            server = smtplib.SMTP_SSL(acc.host, acc.port, timeout=TIMEOUT, context=context)
        else:
            server = smtplib.SMTP(acc.host, acc.port, timeout=TIMEOUT)
            if acc.security == "starttls":
                server.starttls(context=context)
    except smtplib.SMTPNotSupportedError as exc:
        if server is not None:
            _quit(server)
        raise UserError(MSG_NO_STARTTLS, field="smtp_security", host=acc.host) from exc
    except (OSError, smtplib.SMTPException) as exc:
        if server is not None:
            _quit(server)
        raise _unreachable(acc, exc) from exc
    if acc.user:
        if secret is None:
            secret = password(acc)
        if secret is None:
            _quit(server)
            raise UserError(MSG_NO_PASSWORD, field="smtp_password", user=acc.user)
        try:
            server.login(acc.user, secret)
        except (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError) as exc:
            _quit(server)
            raise UserError(
                MSG_LOGIN_REFUSED, field="smtp_user", user=acc.user, detail=_detail(exc)
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _quit(server)
            raise _unreachable(acc, exc) from exc
    return server


def _unreachable(acc: Account, exc: BaseException) -> UserError:
    """The server cannot be reached (or dropped the connection): smtp_host to check."""
    return UserError(
        MSG_UNREACHABLE, field="smtp_host", host=acc.host, port=str(acc.port), detail=_detail(exc)
    )


def _quit(server: smtplib.SMTP) -> None:
    try:
        server.quit()
    except (OSError, smtplib.SMTPException):
        server.close()


def test_account(acc: Account, secret: str | None = None) -> None:
    """Connect and log in, then leave (the Settings dialog's "Test")."""
    _quit(connect(acc, secret))


# -- the queue -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Queued:
    """One e-mail of the queue (or sent), as the window lists it."""

    id: int
    client_code: str
    client_name: str
    recipient: str
    subject: str
    step: str
    on: dt.date
    status: str
    attempts: int
    last_error: str
    message_id: str
    sent_at: dt.datetime | None


def queue(emails: Sequence[Email]) -> list[int]:
    """Put ``emails`` in the send queue, in one transaction (the same step of the same client
    on the same day, already queued, is replaced: preparing the letters twice queues it once).
    Their ids, in order."""
    ids: list[int] = []
    if not emails:
        return ids
    now = clock.now()
    with db.transaction() as s:
        for email in emails:
            action, letter = email.action, email.letter
            step = action.step
            invoice_ids = sorted(i.id for i in action.invoices)
            row = s.scalars(
                select(OutboxEmail).where(
                    OutboxEmail.status == "queued",
                    OutboxEmail.client_id == action.client_id,
                    OutboxEmail.offset_days == step.offset_days,
                    OutboxEmail.currency == action.currency,
                    OutboxEmail.on == letter.on,
                )
            ).first()
            if row is None:
                row = OutboxEmail(
                    client_id=action.client_id, status="queued", attempts=0, created_at=now
                )
                s.add(row)
            row.on = letter.on
            row.offset_days = step.offset_days
            row.action = step.action
            row.channel = step.channel
            row.with_penalties = step.with_penalties
            row.label = step.label
            row.currency = action.currency
            row.invoice_ids = json.dumps(invoice_ids)
            row.recipient = email.recipient
            row.subject = email.subject
            row.message_id = email.message_id
            row.file_name = (email.file or email.pdf.with_suffix(".eml")).name
            row.eml = email.data.decode("ascii")
            row.last_error = ""
            s.flush()
            ids.append(row.id)
    return ids


def listed(*, sent: bool = False) -> list[Queued]:
    """The e-mails waiting in the queue (oldest first); with ``sent``, those sent too."""
    with db.reading() as s:
        query = select(OutboxEmail, Client.code, Client.name).join(
            Client, Client.id == OutboxEmail.client_id
        )
        if not sent:
            query = query.where(OutboxEmail.status == "queued")
        return [
            Queued(
                row.id,
                code,
                name,
                row.recipient,
                row.subject,
                row.action,
                row.on,
                row.status,
                row.attempts,
                row.last_error,
                row.message_id,
                row.sent_at,
            )
            for row, code, name in s.execute(query.order_by(OutboxEmail.id))
        ]


def pending_count() -> int:
    return len(listed())


def remove(outbox_id: int) -> None:
    """Take an e-mail out of the queue without sending it (nothing is recorded)."""
    with db.transaction() as s:
        row = s.get(OutboxEmail, outbox_id)
        if row is None or row.status != "queued":
            raise UserError(MSG_NOT_QUEUED, field="email", value=str(outbox_id))
        s.delete(row)


@dataclass(slots=True)
class Report:
    """What :func:`send_queue` did: the e-mails sent (their Message-IDs), those refused one by
    one by the server (id, message), how many stay queued, and the error that stopped the
    sending (unreachable server, login refused), if any."""

    sent: list[tuple[int, str]] = field(default_factory=list)
    refused: list[tuple[int, UserError]] = field(default_factory=list)
    remaining: int = 0
    error: UserError | None = None


def send_queue(
    *,
    secret: str | None = None,
    only: Sequence[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Send the queued e-mails (all, or those ``only``), oldest first, through one connection.

    A server that cannot be reached or refuses the login stops the sending: ``error`` says
    which field to check, every e-mail stays queued, and nothing is recorded. An e-mail the
    server refuses stays queued with the reason. Each e-mail the server accepted is recorded
    at once (:func:`_record_sent`)."""
    report = Report()
    with db.reading() as s:
        query = select(OutboxEmail.id).where(OutboxEmail.status == "queued")
        if only is not None:
            query = query.where(OutboxEmail.id.in_(list(only)))
        ids = list(s.scalars(query.order_by(OutboxEmail.id)))
    if not ids:
        return report
    acc = account()
    try:
        if acc is None:
            raise UserError(MSG_NO_SERVER, field="smtp_host")
        server = connect(acc, secret)
    except UserError as exc:
        _failed(ids, exc)
        report.error, report.remaining = exc, len(ids)
        return report
    try:
        for done, outbox_id in enumerate(ids, 1):
            row = _row(outbox_id)
            if row is None:  # sent or removed meanwhile (another window)
                continue
            data = row.eml.encode("ascii")
            try:
                server.sendmail(_envelope_from(data), [row.recipient], data)
            except smtplib.SMTPRecipientsRefused as exc:
                detail = "; ".join(_detail_of(v) for v in exc.recipients.values())
                problem = UserError(
                    MSG_REFUSED, field="email", recipient=row.recipient, detail=detail
                )
                _failed([outbox_id], problem)
                report.refused.append((outbox_id, problem))
            except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
                problem = UserError(
                    MSG_REFUSED, field="email", recipient=row.recipient, detail=_detail(exc)
                )
                _failed([outbox_id], problem)
                report.refused.append((outbox_id, problem))
            except (OSError, smtplib.SMTPException) as exc:  # the connection dropped
                assert acc is not None
                problem = UserError(
                    MSG_UNREACHABLE,
                    field="smtp_host",
                    host=acc.host,
                    port=str(acc.port),
                    detail=_detail(exc),
                )
                rest = ids[done - 1 :]
                _failed(rest, problem)
                report.error = problem
                break
            else:
                _record_sent(outbox_id, data)
                report.sent.append((outbox_id, row.message_id))
            if progress is not None:
                progress(done, len(ids))
    finally:
        _quit(server)
    report.remaining = pending_count()
    return report


def _detail_of(value: Any) -> str:
    code, text = value if isinstance(value, tuple) else (0, b"")
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"


def _envelope_from(data: bytes) -> str:
    message = message_from_bytes(data, policy=policy.default)
    sender = message["From"]
    addresses = getattr(sender, "addresses", ())
    return str(addresses[0].addr_spec) if addresses else ""


def _row(outbox_id: int) -> OutboxEmail | None:
    with db.reading() as s:
        row = s.get(OutboxEmail, outbox_id)
        if row is None or row.status != "queued":
            return None
        s.expunge(row)
        return row


def _failed(ids: Sequence[int], problem: UserError) -> None:
    """Each e-mail stays queued, with one more attempt and why it failed."""
    with db.transaction() as s:
        for row in s.scalars(select(OutboxEmail).where(OutboxEmail.id.in_(list(ids)))):
            row.attempts += 1
            row.last_error = str(problem)


def _pdf_of(message: EmailMessage) -> tuple[str, bytes] | None:
    for part in message.iter_attachments():
        if part.get_content_type() == "application/pdf":
            payload = part.get_content()
            if isinstance(payload, bytes):
                return part.get_filename() or "letter.pdf", payload
    return None


def _record_sent(outbox_id: int, data: bytes) -> None:
    """The server accepted the e-mail: in one transaction, its row is marked sent, its step is
    recorded done for each of its invoices with the Message-ID, and the message and its letter
    are kept as correspondence documents of the client (copied into the store first, dropped
    if the transaction fails, as services.paper.letters.record_sent does)."""
    from services.proof import documents
    from services.proof.documents import Meta, Owner

    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    with db.reading() as s:
        row = s.get(OutboxEmail, outbox_id)
        assert row is not None
        file_name, subject = row.file_name, row.subject
    with tempfile.TemporaryDirectory(prefix="encaisse-email-") as folder:
        paths = [Path(folder) / file_name]
        paths[0].write_bytes(data)
        pdf = _pdf_of(message)
        if pdf is not None:
            paths.append(Path(folder) / Path(pdf[0]).name)
            paths[1].write_bytes(pdf[1])
        items = documents.ingest_all(paths)
    try:
        with db.transaction() as s:
            row = s.get(OutboxEmail, outbox_id)
            assert row is not None
            today = clock.today()
            row.status, row.sent_at = "sent", clock.now()
            step = dunning.Step(
                row.offset_days, row.action, row.channel, row.with_penalties, row.label
            )
            ids = json.loads(row.invoice_ids)
            for invoice in s.scalars(select(Invoice).where(Invoice.id.in_(ids))):
                dunning.record_step_in_session(s, invoice, step, today)
            for record in list(s.new):  # the records just added carry the Message-ID
                if isinstance(record, DunningRecord):
                    record.message_id = row.message_id
            # the message as sent, then the letter it carried
            titles = [f"{subject} — {row.recipient}", subject]
            for item, title in zip(items, titles, strict=False):
                documents.attach_in_session(
                    s,
                    Owner(client_id=row.client_id),
                    item,
                    Meta("correspondence", title[:200], today),
                )
    except BaseException:
        documents.forget(items)
        raise
