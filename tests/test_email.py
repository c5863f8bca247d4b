"""The e-mail channel (issue #13, point 10): a dunning step whose channel is e-mail makes an
Internet message (.eml, RFC 5322/MIME) with the letter's PDF attached; ``letters --eml``
writes it beside the PDF; the send queue lives in the book and ``send-queue`` sends it
through the SMTP account of Settings (tested against a local aiosmtpd server started here);
an unreachable server or a refused login names its field and records nothing as sent; the
password is kept in the keyring (a test keyring here, never the user's).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend
from sqlalchemy import select, update

from models import Client, Document, DunningRecord, OutboxEmail
from services.core import clock, db, settings
from services.core.errors import UserError
from services.paper import email, letters, outbox
from tests.helpers_cli import run_cli
from tests.service_fixtures import add_client, add_invoice, fresh_book

#: the frozen day: the invoices below fall due on 5 July, the pro ladder's pre-reminder
#: (5 days before, channel e-mail) is due today
TODAY = dt.date(2025, 6, 30)


# -- a keyring of the test's own (never the user's) -----------------------------------------------
class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", ring)
    return ring


# -- a local SMTP server ---------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Collect:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@contextlib.contextmanager
def smtp_server(**auth: Any) -> Iterator[tuple[Collect, int]]:
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **auth)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def authenticator(login: bytes, password: bytes) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (login, password)
        return AuthResult(success=ok, handled=False)

    return check


# -- a book with e-mail steps ------------------------------------------------------------------
@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "book.db"
    with fresh_book(path, TODAY):
        from services.core import company

        company.save_company(
            {
                "name": "Menuiserie Lefèvre",
                "address": "12 rue des Artisans",
                "postcode": "69007",
                "city": "Lyon",
                "email": "contact@menuiserie-lefevre.fr",
                "iban": "FR7630004008230001012345669",
            }
        )
        add_client("ELOISE", name="Éloïse Café", email="compta@eloise-cafe.fr")
        add_client("NOMAIL", name="Sans Adresse SARL")
        # issued 5 June, 30 days: due 5 July; the pre-reminder (e-mail) is due on 30 June
        add_invoice("F-001", "ELOISE", "2025-06-05", "1200.00")
        add_invoice("F-002", "NOMAIL", "2025-06-05", "300.00")
        db.close()
        clock.freeze(TODAY)
        yield path


def _open(path: Path) -> None:
    db.open_database(path)


def _set_account(port: int, user: str = "", security: str = "none") -> None:
    settings.save(
        {
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_security": security,
            "smtp_user": user,
        }
    )


def _records(channel_step: str = "pre_reminder") -> list[DunningRecord]:
    with db.reading() as s:
        rows = list(s.scalars(select(DunningRecord).where(DunningRecord.action == channel_step)))
        s.expunge_all()
        return rows


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


# -- the message itself --------------------------------------------------------------------------
def test_the_eml_parses_back_with_its_headers_body_and_the_pdf(tmp_path: Path) -> None:
    from tests.test_letters import COMPANY, letter

    one = letter(step="reminder", invoices=1)
    pdf = tmp_path / "2025-10-01-BRASSHALLES-reminder-1.pdf"
    letters.write_letter(pdf, one)
    when = dt.datetime(2025, 10, 1, 9, 30, tzinfo=dt.UTC)
    built = email.build(
        one, pdf, recipient="compta@brasserie-halles.fr", sender=COMPANY.email, when=when
    )
    data = email.as_bytes(built)
    data.decode("ascii")  # 7-bit: the text kept is the bytes sent
    message = parse(data)
    subject, body = letters.subject_and_body(one)
    assert "é" in subject  # "Relance n° 1 — la facture impayée": accents survive RFC 2047
    assert message["Subject"] == subject
    assert message["To"].addresses[0].addr_spec == "compta@brasserie-halles.fr"
    assert message["To"].addresses[0].display_name == "Brasserie des Halles"
    assert message["From"].addresses[0].addr_spec == "contact@menuiserie-lefevre.fr"
    assert message["From"].addresses[0].display_name == "Menuiserie Lefèvre"
    assert parsedate_to_datetime(message["Date"]) == when
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith(
        "@menuiserie-lefevre.fr>"
    )
    text = message.get_body(("plain",)).get_content()
    assert body in text and "Madame, Monsieur," in text and "F-001" in text
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == pdf.name
    assert attachment.get_content() == pdf.read_bytes()


def test_an_english_client_gets_english_texts(tmp_path: Path) -> None:
    from tests.test_letters import letter

    one = letter(step="formal_notice", language="en", invoices=1)
    pdf = tmp_path / "notice.pdf"
    letters.write_letter(pdf, one)
    message = parse(
        email.as_bytes(email.build(one, pdf, recipient="ap@example.com", sender="a@b.fr"))
    )
    assert message["Subject"] == letters.subject_and_body(one)[0]
    text = message.get_body(("plain",)).get_content()
    assert "Dear Sir or Madam," in text and "Please find this letter attached" in text


def test_a_bad_address_is_refused_naming_its_field(tmp_path: Path) -> None:
    from tests.test_letters import letter

    one = letter(invoices=1)
    pdf = tmp_path / "x.pdf"
    letters.write_letter(pdf, one)
    with pytest.raises(UserError) as caught:
        email.build(one, pdf, recipient="not an address", sender="a@b.fr")
    assert caught.value.field == "email"
    with pytest.raises(UserError) as caught:
        email.build(one, pdf, recipient="a@b.fr", sender="nobody")
    assert caught.value.field == "smtp_sender"


def test_the_store_keeps_an_eml_as_a_message(tmp_path: Path) -> None:
    from services.proof import store
    from tests.test_letters import letter

    one = letter(invoices=1)
    pdf = tmp_path / "x.pdf"
    letters.write_letter(pdf, one)
    data = email.as_bytes(email.build(one, pdf, recipient="c@d.fr", sender="a@b.fr"))
    assert store.sniff(data[:1024]) == "message/rfc822"
    assert store.sniff(b"From: someone\r\n\r\nno MIME") is None  # only a MIME message


# -- letters --eml on the command line ------------------------------------------------------------
def test_letters_eml_writes_the_messages_beside_the_pdfs_and_notes_a_client_without_email(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_cli(capsys, book, "letters", "--out", str(out), "--eml", "--json")
    assert run.code == 0, run.err
    items = {item["client"]: item for item in run.json()["letters"]}
    assert set(items) == {"ELOISE", "NOMAIL"}
    mail = items["ELOISE"]
    assert mail["step"] == "pre_reminder" and mail["to"] == "compta@eloise-cafe.fr"
    eml = Path(mail["eml"])
    assert eml.parent == out and eml == Path(mail["file"]).with_suffix(".eml")
    message = parse(eml.read_bytes())
    assert message["Message-ID"] == mail["message_id"]
    assert message["To"].addresses[0].display_name == "Éloïse Café"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content() == Path(mail["file"]).read_bytes()
    # no address: the paper letter, and a note saying why
    paper = items["NOMAIL"]
    assert paper["eml"] is None and Path(paper["file"]).is_file()
    assert paper["note"] == "NOMAIL has no e-mail address: a paper letter instead of the e-mail"
    assert mail["note"] is None
    # the plain output says it too; without --record nothing is written to the book
    run = run_cli(capsys, book, "letters", "--out", str(tmp_path / "again"), "--eml")
    assert run.code == 0, run.err
    assert "e-mail to compta@eloise-cafe.fr" in run.out
    assert "note: NOMAIL has no e-mail address" in run.out
    _open(book)
    try:
        assert outbox.listed() == [] and _records() == []
    finally:
        db.close()


def test_letters_without_eml_are_as_before(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, book, "letters", "--out", str(tmp_path / "out"), "--json")
    assert run.code == 0, run.err
    for item in run.json()["letters"]:
        assert "eml" not in item and "note" not in item
    assert not list((tmp_path / "out").glob("*.eml"))


# -- queue, send, record ---------------------------------------------------------------------------
def _queue(book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    run = run_cli(
        capsys, book, "letters", "--out", str(tmp_path / "q"), "--eml", "--record", "--json"
    )
    assert run.code == 0, run.err
    payload: dict[str, Any] = run.json()
    assert payload["queued"] == 1
    return payload


def test_record_queues_the_email_and_records_only_the_paper_letter(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(book, tmp_path, capsys)
    _open(book)
    try:
        (queued,) = outbox.listed()
        assert (queued.client_code, queued.recipient, queued.status) == (
            "ELOISE",
            "compta@eloise-cafe.fr",
            "queued",
        )
        # the paper letter (no address) is recorded as sent; the e-mail is not: not sent yet
        with db.reading() as s:
            done = {
                (code, r.channel)
                for r, code in s.execute(
                    select(DunningRecord, Client.code).join(
                        Client, Client.id == DunningRecord.client_id
                    )
                )
            }
        assert done == {("NOMAIL", "letter")}  # recorded as it went: on paper, not by e-mail
    finally:
        db.close()
    # the e-mail step is still to do: the next day's letters offer it again, queued once
    _queue(book, tmp_path / "2", capsys)
    _open(book)
    try:
        assert len(outbox.listed()) == 1
    finally:
        db.close()


def test_send_queue_sends_to_a_local_server_and_records_the_step_with_its_message_id(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = _queue(book, tmp_path, capsys)
    (mail,) = [i for i in payload["letters"] if i["client"] == "ELOISE"]
    with smtp_server() as (server, port):
        _open(book)
        try:
            _set_account(port)
        finally:
            db.close()
        run = run_cli(capsys, book, "send-queue", "--json")
        assert run.code == 0, run.err
        result = run.json()
        assert result["queued"] == 0 and result["error"] is None and result["refused"] == []
        assert [s["message_id"] for s in result["sent"]] == [mail["message_id"]]
    ((sender, recipients, content),) = server.received
    assert sender == "contact@menuiserie-lefevre.fr" and recipients == ["compta@eloise-cafe.fr"]
    received = parse(content)
    assert received["Message-ID"] == mail["message_id"]
    (attachment,) = list(received.iter_attachments())
    assert attachment.get_content() == Path(mail["file"]).read_bytes()
    _open(book)
    try:
        assert outbox.listed() == []
        (sent,) = outbox.listed(sent=True)
        assert sent.status == "sent" and sent.message_id == mail["message_id"]
        assert sent.sent_at is not None
        eloise = [r for r in _records() if r.channel == "email" and r.message_id]
        assert len(eloise) == 1 and eloise[0].status == "done"
        assert eloise[0].message_id == mail["message_id"] and eloise[0].on == TODAY
        with db.reading() as s:
            kept = dict(
                s.execute(
                    select(Document.media_type, Document.original_name).where(
                        Document.kind == "correspondence"
                    )
                ).all()
            )
        # the message as sent and its letter, kept in the client's documents
        assert {"message/rfc822", "application/pdf"} <= set(kept)
        assert kept["message/rfc822"] == Path(mail["eml"]).name
    finally:
        db.close()
    # done: the day's letters no longer hold that step
    run = run_cli(capsys, book, "letters", "--out", str(tmp_path / "after"), "--json")
    assert [i["client"] for i in run.json()["letters"]] == []


def test_a_login_checks_the_password_from_the_keyring(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    _queue(book, tmp_path, capsys)
    auth = {"authenticator": authenticator(b"relances", b"s3cret"), "auth_require_tls": False}
    with smtp_server(**auth) as (server, port):
        _open(book)
        try:
            _set_account(port, user="relances")
            acc = outbox.account()
            assert acc is not None
            # no password kept yet: the field to fill is named, nothing is sent
            report = outbox.send_queue()
            assert report.error is not None and report.error.field == "smtp_password"
            outbox.set_password(acc, "s3cret")
            assert memory_keyring.secrets == {("Encaisse SMTP", "relances@127.0.0.1"): "s3cret"}
            with db.reading() as s:  # the password is never in the book
                dump = json.dumps([list(r) for r in s.execute(select(OutboxEmail.eml))])
                assert "s3cret" not in dump
                assert "s3cret" not in json.dumps(dataclass_values(settings.load(s)))
            report = outbox.send_queue()
            assert report.error is None and len(report.sent) == 1
        finally:
            db.close()
    assert len(server.received) == 1


def dataclass_values(values: settings.Settings) -> list[str]:
    return [str(getattr(values, key.name)) for key in settings.TABLE]


def test_a_refused_login_names_the_user_and_records_nothing(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    _queue(book, tmp_path, capsys)
    auth = {"authenticator": authenticator(b"relances", b"right"), "auth_require_tls": False}
    with smtp_server(**auth) as (server, port):
        _open(book)
        try:
            _set_account(port, user="relances")
            acc = outbox.account()
            assert acc is not None
            outbox.set_password(acc, "wrong")
        finally:
            db.close()
        run = run_cli(capsys, book, "send-queue")
    assert run.code == 1
    assert "SMTP user" in run.err and "refused the login of relances" in run.err
    assert server.received == []
    _open(book)
    try:
        (queued,) = outbox.listed()
        assert queued.attempts == 1 and "refused the login" in queued.last_error
        assert [r for r in _records() if r.message_id] == []
        assert {r.client_id for r in _records()} == {_client_id("NOMAIL")}
    finally:
        db.close()


def _client_id(code: str) -> int:
    with db.reading() as s:
        found = s.scalar(select(Client.id).where(Client.code == code))
        assert found is not None
        return int(found)


def test_an_unreachable_server_keeps_the_email_queued_and_names_the_host(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(book, tmp_path, capsys)
    closed = free_port()  # nothing listens there
    _open(book)
    try:
        _set_account(closed)
        report = outbox.send_queue()
        assert report.error is not None and report.error.field == "smtp_host"
        assert f"127.0.0.1:{closed} cannot be reached" in str(report.error)
        assert str(report.error).startswith("SMTP server: ")
        assert report.sent == [] and report.remaining == 1
        (queued,) = outbox.listed()
        assert queued.status == "queued" and queued.attempts == 1
        # nothing recorded as sent: no e-mail step done, no correspondence kept for it
        assert {r.client_id for r in _records()} == {_client_id("NOMAIL")}
        with db.reading() as s:
            kinds = list(s.scalars(select(Document.media_type)))
        assert "message/rfc822" not in kinds
    finally:
        db.close()
    run = run_cli(capsys, book, "send-queue")
    assert run.code == 1 and "SMTP server" in run.err and "1 still queued" in run.out


def test_no_server_set_keeps_the_queue_and_says_so(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(book, tmp_path, capsys)
    run = run_cli(capsys, book, "send-queue")
    assert run.code == 1 and "no SMTP server is set" in run.err


def test_the_queue_survives_a_restart_and_send_queue_sends_it(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(book, tmp_path, capsys)
    _open(book)
    try:
        before = outbox.listed()
        assert len(before) == 1
    finally:
        db.close()  # the application quits
    clock.freeze(TODAY + dt.timedelta(days=1))  # and starts again the next day
    _open(book)
    try:
        assert outbox.listed() == before  # still there, as it was
    finally:
        db.close()
    with smtp_server() as (server, port):
        _open(book)
        try:
            _set_account(port)
        finally:
            db.close()
        run = run_cli(capsys, book, "send-queue")
        assert run.code == 0, run.err
        assert "1 e-mail sent, 0 still queued" in run.out
    assert len(server.received) == 1
    _open(book)
    try:
        (done,) = [r for r in _records() if r.message_id]
        assert done.on == TODAY + dt.timedelta(days=1)  # the day it really went out
    finally:
        db.close()


def test_the_smtp_settings_are_checked_naming_their_field(book: Path) -> None:
    _open(book)
    try:
        for changes, field in (
            ({"smtp_host": "smtp example"}, "smtp_host"),
            ({"smtp_port": 70000}, "smtp_port"),
            ({"smtp_security": "tls"}, "smtp_security"),
            ({"smtp_sender": "compta"}, "smtp_sender"),
        ):
            with pytest.raises(UserError) as caught:
                settings.save(changes)
            assert caught.value.field == field
        assert settings.read().smtp_host == ""
        # a stored value no dialog could write reads as the default
        with db.transaction() as s:
            from models import Setting

            s.add(Setting(key="email.smtp_security", value="rot13"))
        assert settings.read().smtp_security == "starttls"
    finally:
        db.close()


def test_a_sender_address_set_in_settings_is_the_from(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _open(book)
    try:
        settings.save({"smtp_sender": "relances@menuiserie-lefevre.fr"})
        with db.transaction() as s:
            s.execute(update(Client).where(Client.code == "ELOISE").values(email="  "))
    finally:
        db.close()
    run = run_cli(capsys, book, "letters", "--out", str(tmp_path / "o"), "--eml", "--json")
    items = {i["client"]: i for i in run.json()["letters"]}
    assert items["ELOISE"]["eml"] is None and "no e-mail address" in items["ELOISE"]["note"]
    _open(book)
    try:
        with db.transaction() as s:
            s.execute(update(Client).where(Client.code == "ELOISE").values(email="e@f.fr"))
    finally:
        db.close()
    run = run_cli(capsys, book, "letters", "--out", str(tmp_path / "p"), "--eml", "--json")
    items = {i["client"]: i for i in run.json()["letters"]}
    message = parse(Path(items["ELOISE"]["eml"]).read_bytes())
    assert message["From"].addresses[0].addr_spec == "relances@menuiserie-lefevre.fr"


class RefuseRecipient(Collect):
    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        return "550 5.1.1 no such mailbox"


def test_a_recipient_the_server_refuses_stays_queued_with_the_reason(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(book, tmp_path, capsys)
    handler = RefuseRecipient()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        _open(book)
        try:
            _set_account(port)
            report = outbox.send_queue()
        finally:
            db.close()
    finally:
        controller.stop()
    assert report.error is None and report.sent == [] and report.remaining == 1
    ((_id, problem),) = report.refused
    assert problem.field == "email" and "550" in str(problem)
    assert "compta@eloise-cafe.fr" in str(problem)
    _open(book)
    try:
        (queued,) = outbox.listed()
        assert "no such mailbox" in queued.last_error and queued.attempts == 1
        assert [r for r in _records() if r.message_id] == []
    finally:
        db.close()


def test_starttls_on_a_server_without_it_names_the_security_field(book: Path) -> None:
    with smtp_server() as (_server, port):
        _open(book)
        try:
            _set_account(port, security="starttls")
            acc = outbox.account()
            assert acc is not None
            with pytest.raises(UserError) as caught:
                outbox.test_account(acc)
        finally:
            db.close()
    assert caught.value.field == "smtp_security" and "STARTTLS" in str(caught.value)
