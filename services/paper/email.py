"""The e-mail channel (issue #13, point 10): for a dunning step whose channel is e-mail, the
letter becomes an Internet message (RFC 5322 / MIME) that any mail program opens — To the
client's e-mail address, From the company's (or the sender address set in Settings), the
subject and the body of the letter's texts in the client's language, the letter's PDF
attached.

A client without an e-mail address gets the paper letter, and a note says why. Nothing here
sends or records anything: services.paper.outbox queues and sends.

The message is built 7-bit (quoted-printable body, base64 attachment, RFC 2047 headers), with
CRLF line ends: its bytes are the ones an SMTP server receives, and they are kept as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from services.core import clock, settings
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.paper import letters
from services.paper.letters import Letter
from services.pdf import formats

#: the channel of a dunning step whose letter goes by e-mail (models.dunning.CHANNELS)
EMAIL_CHANNEL = "email"

MSG_NO_SENDER = QT_TRANSLATE_NOOP(
    "Messages",
    "no sender address: give the company's e-mail address, or the sender address in Settings",
)
MSG_BAD_ADDRESS = QT_TRANSLATE_NOOP("Messages", "{value} is not an e-mail address")
#: the note shown (command line, dialog) when an e-mail step's client has no address
NOTE_NO_EMAIL = QT_TRANSLATE_NOOP(
    "Messages",
    "{client} has no e-mail address: a paper letter instead of the e-mail",
)

#: what the e-mail adds to the letter's own text, in the client's language
TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "attached": "Vous trouverez ce courrier en pièce jointe (PDF), avec le détail des "
        "sommes dues.",
        "invoices": "Facture(s) concernée(s) :",
    },
    "en": {
        "attached": "Please find this letter attached (PDF), with the details of the sums due.",
        "invoices": "Invoice(s) concerned:",
    },
}


def _texts(language: str) -> dict[str, str]:
    return TEXTS["en" if language == "en" else "fr"]


def _letter_texts(language: str) -> dict[str, Any]:
    return letters.TEXTS["en" if language == "en" else "fr"]


def address(text: str, field: str, name: str = "") -> Address:
    """``text`` as an e-mail address (with a display ``name``), or a UserError naming
    ``field``."""
    text = text.strip()
    try:
        parsed = Address(display_name=name, addr_spec=text)
    except (ValueError, IndexError) as exc:
        raise UserError(MSG_BAD_ADDRESS, field=field, value=text) from exc
    if not parsed.username or "." not in parsed.domain or any(ch.isspace() for ch in text):
        raise UserError(MSG_BAD_ADDRESS, field=field, value=text)
    return parsed


def sender_address(values: settings.Settings, company_email: str) -> str:
    """The From address: the sender set in Settings, else the company's e-mail address."""
    sender = values.smtp_sender.strip() or company_email.strip()
    if not sender:
        raise UserError(MSG_NO_SENDER, field="smtp_sender")
    return sender


def body_text(letter: Letter) -> str:
    """The e-mail's text: the letter's greeting, body and closing in the client's language, the
    invoices it is about, and a word on the attached PDF."""
    t = _letter_texts(letter.language)
    mine = _texts(letter.language)
    _subject, body = letters.subject_and_body(letter)
    lines = [t["greeting"], "", body, ""]
    if letter.invoices:
        lines.append(mine["invoices"])
        lines += [
            "- "
            + " — ".join(
                (
                    inv.number,
                    formats.short_date(inv.due_date, letter.language),
                    formats.money(inv.balance, letter.currency, letter.language),
                )
            )
            for inv in letter.invoices
        ]
        lines.append("")
    lines += [mine["attached"], "", t["closing"], "", letter.company.name]
    return "\n".join(lines) + "\n"


def build(
    letter: Letter,
    pdf: Path,
    *,
    recipient: str,
    sender: str,
    when: dt.datetime | None = None,
) -> EmailMessage:
    """The e-mail of ``letter``: its PDF (the file ``pdf``) attached under its file name."""
    to = address(recipient, "email", letter.client.name)
    source = address(sender, "smtp_sender", letter.company.name)
    subject, _body = letters.subject_and_body(letter)
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = source
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime((when or clock.now()).astimezone(dt.UTC))
    message["Message-ID"] = make_msgid(domain=source.domain)
    message.set_content(body_text(letter), cte="quoted-printable")
    message.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name
    )
    return message


def as_bytes(message: EmailMessage) -> bytes:
    """The message as sent and kept (CRLF line ends, 7-bit)."""
    return message.as_bytes(policy=policy.SMTP)


@dataclass(slots=True)
class Email:
    """One e-mail made for one letter."""

    letter: Letter
    action: Any  # services.followup.dunning.Action
    pdf: Path
    recipient: str
    sender: str
    subject: str
    message_id: str
    data: bytes
    file: Path | None = None  # where the .eml was written, when it was


@dataclass(slots=True)
class Made:
    """What :func:`make_all` made of the day's letters: the e-mails, and the letters of e-mail
    steps that go on paper with the reason (the note, its parameters)."""

    emails: list[Email] = field(default_factory=list)
    paper: list[tuple[Letter, Any, Path, str, dict[str, str]]] = field(default_factory=list)

    def note_of(self, client_code: str, step: str) -> tuple[str, dict[str, str]] | None:
        for letter, _action, _path, note, params in self.paper:
            if letter.client_code == client_code and letter.step == step:
                return note, params
        return None

    def emailed(self, letter: Letter) -> Email | None:
        for email in self.emails:
            if email.letter is letter:
                return email
        return None


def is_email_step(action: Any) -> bool:
    return getattr(getattr(action, "step", None), "channel", "") == EMAIL_CHANNEL


def client_emails(codes: Sequence[str]) -> dict[str, str]:
    """The e-mail address of each client code ("" when none is recorded)."""
    from sqlalchemy import select

    from models import Client
    from services.core import db

    out: dict[str, str] = {}
    with db.reading() as s:
        for chunk in [codes[n : n + 900] for n in range(0, len(codes), 900)]:
            for code, mail in s.execute(
                select(Client.code, Client.email).where(Client.code.in_(chunk))
            ):
                out[code] = (mail or "").strip()
    return out


def make_all(written: Sequence[tuple[Letter, Any, Path]], *, write: bool = True) -> Made:
    """The e-mail of every letter whose step's channel is e-mail (the others are left alone),
    written beside its PDF as ``<same name>.eml`` when ``write``. A client without an e-mail
    address is listed in ``paper`` with the note. Refused (UserError naming the field) when no
    sender address is known or a client's address is not one."""
    made = Made()
    chosen = [(letter, action, path) for letter, action, path in written if is_email_step(action)]
    if not chosen:
        return made
    values = settings.read()
    emails = client_emails(sorted({letter.client_code for letter, _a, _p in chosen}))
    sender = ""
    for letter, action, path in chosen:
        recipient = emails.get(letter.client_code, "")
        if not recipient:
            made.paper.append((letter, action, path, NOTE_NO_EMAIL, {"client": letter.client_code}))
            continue
        sender = sender or sender_address(values, letter.company.email)
        message = build(letter, path, recipient=recipient, sender=sender)
        data = as_bytes(message)
        email = Email(
            letter,
            action,
            path,
            recipient,
            sender,
            str(message["Subject"]),
            str(message["Message-ID"]),
            data,
        )
        if write:
            email.file = path.with_suffix(".eml")
            tmp = email.file.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(email.file)
        made.emails.append(email)
    return made
