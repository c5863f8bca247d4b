"""The business settings kept in the book: every key, its type, its default and its checks in
one table (:data:`TABLE`); one typed read of them all (:func:`load`, :func:`read`) and one
write that checks every value before writing any (:func:`save`, :func:`save_in`).

The settings live in the ``settings`` table as key/value text (so a backup carries them).
The stored key strings never change: a book keeps its values from one version to the next.

A stored text that cannot be read (a hand-edited or damaged book) reads as the key's default,
as the old getters did. A value given to :func:`save` that the owner typed wrong raises a
:class:`UserError` naming its field (the dialog's field); a value no dialog can produce (a
kind of alert with a comma, a rate table that is not JSON) raises ``TypeError``/``ValueError``.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Setting
from services.core import db
from services.core.errors import UserError
from services.core.i18n import FIELD_LABELS, QT_TRANSLATE_NOOP
from services.core.text import check_ascii_digits, clean_text

MSG_MAX_MB = QT_TRANSLATE_NOOP("Messages", "give a size between 1 and 2000 MB")
MSG_LIMIT_RANGE = QT_TRANSLATE_NOOP("Messages", "choose a number from {low} to {high}.")
MSG_FOLDER_UNUSABLE = QT_TRANSLATE_NOOP(
    "Messages", "the folder {folder} cannot hold backups: {detail}"
)
MSG_RATE = QT_TRANSLATE_NOOP("Messages", "{value} is not a rate in percent (e.g. 2.15)")
MSG_WINDOW = QT_TRANSLATE_NOOP("Messages", "the window must lie on an A4 page (0–210 × 0–297 mm)")
MSG_DEADLINE = QT_TRANSLATE_NOOP("Messages", "give a number of days between 1 and 60")

# the settings' fields that the shared labels do not name yet
FIELD_LABELS.update(
    {
        "mediator": QT_TRANSLATE_NOOP("Fields", "Consumer mediator"),
    }
)
# the e-mail account (issue #13, point 10)
MSG_SMTP_HOST = QT_TRANSLATE_NOOP("Messages", "{value} is not a server name")
MSG_SMTP_SECURITY = QT_TRANSLATE_NOOP("Messages", "{value} is not SSL, STARTTLS or none")
MSG_ADDRESS = QT_TRANSLATE_NOOP("Messages", "{value} is not an e-mail address")
FIELD_LABELS.update(
    {
        "smtp_host": QT_TRANSLATE_NOOP("Fields", "SMTP server"),
        "smtp_port": QT_TRANSLATE_NOOP("Fields", "SMTP port"),
        "smtp_security": QT_TRANSLATE_NOOP("Fields", "Connection security"),
        "smtp_user": QT_TRANSLATE_NOOP("Fields", "SMTP user"),
        "smtp_sender": QT_TRANSLATE_NOOP("Fields", "Sender address"),
        "smtp_password": QT_TRANSLATE_NOOP("Fields", "SMTP password"),
    }
)
DEFAULT_SMTP_PORT = 587
SMTP_SECURITY = ("ssl", "starttls", "none")
_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")

#: the proof documents' size limit (services.proof.store.DEFAULT_MAX_MB is this one)
DEFAULT_MAX_MB = 50
MAX_MB_RANGE = (1, 2000)
#: CSV imports: the largest file (MB) and the largest value in one cell (KiB) (issue #11)
DEFAULT_MAX_FILE_MB = 100
DEFAULT_MAX_FIELD_KIB = 256
FILE_MB_RANGE = (1, 2000)
FIELD_KIB_RANGE = (1, 64 * 1024)
DEFAULT_DUE_SOON_DAYS = 7
DEFAULT_GRACE_DAYS = 3
#: the deadline to pay after a formal notice, in days from its receipt
DEFAULT_DEADLINE_DAYS = 8
#: the envelope window, whole mm from the page's top-left corner
DEFAULT_WINDOW: dict[str, int] = {"x": 110, "y": 45, "w": 90, "h": 35}
#: a letter text's stored key: ``letters.template.{language}.{key}``
TEMPLATE_PREFIX = "letters.template."

_NAME = re.compile(r"^[a-z0-9_]+$")


# -- checks: a value given to save() -> its clean value ---------------------------------------
def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a whole number is expected, not {value!r}")
    return value


def _between(
    low: int, high: int, message: str, field: str, params: Mapping[str, str] | None = None
) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if not low <= _whole(value) <= high:
            raise UserError(message, field=field, **(params or {}))
        return int(value)

    return check


def _limit(low: int, high: int, field: str) -> Callable[[Any], int]:
    return _between(low, high, MSG_LIMIT_RANGE, field, {"low": str(low), "high": str(high)})


def _clamped(low: int, high: int) -> Callable[[Any], int]:
    return lambda value: max(low, min(high, _whole(value)))


def percent(text: str, field: str = "rate") -> Decimal:
    """A rate in percent as the owner types it ("2,15", "2.15 %"), from -5 to 50."""
    check_ascii_digits(str(text), field)  # Decimal() reads Arabic-Indic digits (issue #11)
    try:
        value = Decimal(str(text).replace(",", ".").replace("%", "").strip())
    except InvalidOperation as exc:
        raise UserError(MSG_RATE, field=field, value=str(text)) from exc
    if not Decimal("-5") <= value <= Decimal("50"):
        raise UserError(MSG_RATE, field=field, value=str(text))
    return value


def _contractual_rate(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str | Decimal):
        raise TypeError(f"a rate is text or a Decimal, not {value!r}")
    return Decimal(f"{percent(str(value), 'rate'):.2f}")


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"True or False is expected, not {value!r}")
    return value


def _folder(value: Any) -> str:
    """The backup folder ("" = the default beside the book): it must take a file."""
    text = clean_text(value, "backup_folder")  # no control character in a path (issue #11)
    if not text:
        return ""
    where = Path(text).expanduser()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, prefix=".encaisse-probe-"):
            pass
    except OSError as exc:
        raise UserError.from_os(
            MSG_FOLDER_UNUSABLE, exc, field="backup_folder", folder=text
        ) from exc
    return str(where.resolve())


def _kinds(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        raise TypeError("the kinds of alert turned off are a set of names, not one text")
    kinds = frozenset(value)
    for kind in kinds:
        if not isinstance(kind, str) or not _NAME.match(kind):
            raise ValueError(f"{kind!r} is not the name of a kind of alert")
    return kinds


def _user_rates(value: Any) -> dict[str, Any]:
    """The rates the owner added (checked row by row by services.followup.rates)."""
    if not isinstance(value, Mapping):
        raise TypeError(f"the owner's rate tables are a mapping, not {value!r}")
    clean: dict[str, Any] = json.loads(json.dumps(dict(value)))  # JSON, or TypeError
    return clean


def _window(value: Any) -> dict[str, int]:
    clean = {k: int(value.get(k, v)) for k, v in DEFAULT_WINDOW.items()}
    if not (
        clean["x"] >= 0
        and clean["x"] + clean["w"] <= 210
        and clean["y"] >= 0
        and clean["y"] + clean["h"] <= 297
        and clean["w"] >= 40
        and clean["h"] >= 20
    ):
        raise UserError(MSG_WINDOW, field="window")
    return clean


def _templates(value: Any) -> dict[tuple[str, str], tuple[str, str] | None]:
    """Letter texts by (language, key): (subject, body), or None for the shipped text. Their
    placeholders are checked by services.paper.letters.set_template before."""
    clean: dict[tuple[str, str], tuple[str, str] | None] = {}
    for (language, key), text in dict(value).items():
        if not (_NAME.match(language) and _NAME.match(key)):
            raise ValueError(f"no letter text {language}.{key}")
        if text is None:
            clean[(language, key)] = None
            continue
        subject, body = text
        clean[(language, key)] = (
            clean_text(subject, "subject"),
            clean_text(body, "body", multiline=True),
        )
    return clean


def _smtp_host(value: Any) -> str:
    text = clean_text(value, "smtp_host")
    if any(ch.isspace() for ch in text) or "/" in text:
        raise UserError(MSG_SMTP_HOST, field="smtp_host", value=text)
    return text


def _smtp_security(value: Any) -> str:
    if value not in SMTP_SECURITY:
        raise UserError(MSG_SMTP_SECURITY, field="smtp_security", value=str(value))
    return str(value)


def _smtp_sender(value: Any) -> str:
    text = clean_text(value, "smtp_sender")
    if text and not _ADDRESS.match(text):
        raise UserError(MSG_ADDRESS, field="smtp_sender", value=text)
    return text


def _stored_security(text: str) -> str:
    if text not in SMTP_SECURITY:
        raise ValueError(text)  # a damaged stored value reads as the default
    return text


# -- reads: the stored text -> the value (a text that cannot be read: the default) -------------
def _stored_int(low: int, high: int | None = None) -> Callable[[str], int]:
    def decode(text: str) -> int:
        value = max(low, int(text))
        return value if high is None else min(high, value)

    return decode


def _stored_window(text: str) -> dict[str, int]:
    data = json.loads(text or "{}")
    return {k: int(data.get(k, v)) for k, v in DEFAULT_WINDOW.items()}


def _stored_user_rates(text: str) -> dict[str, Any]:
    data = json.loads(text or "{}")
    return data if isinstance(data, dict) else {}


def _stored_rate(text: str) -> Decimal | None:
    return Decimal(text.strip()) if text.strip() else None


# -- the table ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Key:
    """One setting: ``name`` is its field in :class:`Settings` and in :func:`save`'s changes,
    ``stored`` its key in the book (never changed), ``check`` turns a value given to
    :func:`save` into the clean value (or raises), ``decode``/``encode`` read and write the
    stored text."""

    name: str
    stored: str
    type: Any
    default: Any
    doc: str
    check: Callable[[Any], Any]
    decode: Callable[[str], Any] = str
    encode: Callable[[Any], str] = str


TABLE: tuple[Key, ...] = (
    Key(
        "max_mb",
        "documents.max_mb",
        int,
        DEFAULT_MAX_MB,
        "The largest proof document accepted, in MB (1 to 2000).",
        _between(*MAX_MB_RANGE, MSG_MAX_MB, "max_mb"),
        _stored_int(1),
    ),
    Key(
        "import_max_file_mb",
        "import_max_file_mb",
        int,
        DEFAULT_MAX_FILE_MB,
        "The largest CSV file an import reads, in MB (issue #11).",
        _limit(*FILE_MB_RANGE, "import_max_file_mb"),
        _stored_int(1),
    ),
    Key(
        "import_max_field_kib",
        "import_max_field_kib",
        int,
        DEFAULT_MAX_FIELD_KIB,
        "The largest value in one cell of an imported CSV file, in KiB (issue #11).",
        _limit(*FIELD_KIB_RANGE, "import_max_field_kib"),
        _stored_int(1),
    ),
    Key(
        "backup_folder",
        "backup.folder",
        str,
        "",
        'Where backups go ("" = the default folder beside the book); checked to take a file.',
        _folder,
    ),
    Key(
        "due_soon_days",
        "alerts.due_soon_days",
        int,
        DEFAULT_DUE_SOON_DAYS,
        "Alert about invoices due within this many days (0 to 90, clamped).",
        _clamped(0, 90),
        _stored_int(0),
    ),
    Key(
        "kinds_off",
        "alerts.off",
        frozenset[str],
        frozenset(),
        "The kinds of start-up alert turned off (stored comma-separated, sorted).",
        _kinds,
        lambda text: frozenset(k for k in text.split(",") if k),
        lambda kinds: ",".join(sorted(kinds)),
    ),
    Key(
        "grace_days",
        "dunning.promise_grace_days",
        int,
        DEFAULT_GRACE_DAYS,
        "Days after a promised date before the promise counts as broken (0 to 60, clamped).",
        _clamped(0, 60),
        _stored_int(0),
    ),
    Key(
        "user_rates",
        "rates.user",
        dict[str, Any],
        {},
        "The ECB and legal interest rates the owner added (JSON: ecb_mro, ecb_known_until, "
        "legal); they take precedence over the shipped tables.",
        _user_rates,
        _stored_user_rates,
        json.dumps,
    ),
    Key(
        "contractual_rate",
        "penalties.contractual_rate",
        Decimal | None,
        None,
        "The late-penalty rate of the company's terms of sale, in percent "
        '(None, stored "": the ECB rate + 10 points).',
        _contractual_rate,
        _stored_rate,
        lambda rate: "" if rate is None else f"{rate:.2f}",
    ),
    Key(
        "mediator",
        "letters.mediator",
        str,
        "",
        "The consumer mediator printed on consumers' letters (several lines).",
        lambda text: clean_text(text, "mediator", multiline=True),
    ),
    Key(
        "deadline_days",
        "letters.deadline_days",
        int,
        DEFAULT_DEADLINE_DAYS,
        "The deadline to pay given in a formal notice, in days (1 to 60).",
        _between(1, 60, MSG_DEADLINE, "deadline_days"),
        _stored_int(1, 60),
    ),
    Key(
        "window",
        "letters.window",
        dict[str, int],
        DEFAULT_WINDOW,
        "The envelope window (x, y, w, h in whole mm from the page's top-left corner).",
        _window,
        _stored_window,
        json.dumps,
    ),
    Key(
        "templates",
        TEMPLATE_PREFIX + "{language}.{key}",
        dict[tuple[str, str], tuple[str, str]],
        {},
        "The owner's letter texts by (language, letter key): (subject, body); a key not "
        "there uses the shipped text. In save(): only the texts given are written, None "
        "puts one back to the shipped text.",
        _templates,
    ),
    # -- the e-mail account (issue #13, point 10); its password is in the system keyring --
    Key(
        "smtp_host",
        "email.smtp_host",
        str,
        "",
        'The SMTP server that sends e-mails ("" = no account: e-mails are only written).',
        _smtp_host,
    ),
    Key(
        "smtp_port",
        "email.smtp_port",
        int,
        DEFAULT_SMTP_PORT,
        "The SMTP server's port (1 to 65535; 587 for STARTTLS, 465 for SSL).",
        _limit(1, 65535, "smtp_port"),
        _stored_int(1, 65535),
    ),
    Key(
        "smtp_security",
        "email.smtp_security",
        str,
        "starttls",
        'How the connection is protected: "ssl", "starttls" or "none".',
        _smtp_security,
        _stored_security,
    ),
    Key(
        "smtp_user",
        "email.smtp_user",
        str,
        "",
        'The SMTP login ("" = the server takes mail without one).',
        lambda text: clean_text(text, "smtp_user"),
    ),
    Key(
        "smtp_sender",
        "email.smtp_sender",
        str,
        "",
        'The From address of e-mails ("" = the company\'s e-mail address).',
        _smtp_sender,
    ),
    Key(
        "payments_to_penalties_first",
        "penalties.payments_first",
        bool,
        False,
        "C. civ. 1343-1 (shared/domain.md §3.5): a partial payment first pays the penalties "
        'accrued to its date, then the principal (False, stored "0": principal first, '
        "the conservative claim).",
        _flag,
        lambda text: text.strip() == "1",
        lambda value: "1" if value else "0",
    ),
)
KEYS: Mapping[str, Key] = {key.name: key for key in TABLE}
_BY_STORED = {key.stored: key for key in TABLE if key.name != "templates"}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of the book, read at once (see :data:`TABLE` for each one). The dicts
    are fresh copies: change them and save them, never in place."""

    max_mb: int
    import_max_file_mb: int
    import_max_field_kib: int
    backup_folder: str
    due_soon_days: int
    kinds_off: frozenset[str]
    grace_days: int
    user_rates: dict[str, Any]
    contractual_rate: Decimal | None
    mediator: str
    deadline_days: int
    window: dict[str, int]
    templates: dict[tuple[str, str], tuple[str, str]]
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_sender: str
    payments_to_penalties_first: bool

    @property
    def max_bytes(self) -> int:
        """The largest proof document accepted, in bytes."""
        return self.max_mb * 1_048_576

    @property
    def import_limits(self) -> tuple[int, int]:
        """(largest CSV file in bytes, largest value in characters)."""
        return self.import_max_file_mb * 1_048_576, self.import_max_field_kib * 1024

    def template(self, language: str, key: str) -> tuple[str, str] | None:
        """The owner's (subject, body) of a letter, or None: the shipped text."""
        return self.templates.get((language, key))


def defaults() -> Settings:
    """The settings of a new book (and of no book at all)."""
    return Settings(**{key.name: copy.deepcopy(key.default) for key in TABLE})


def _stored_template(text: str) -> tuple[str, str] | None:
    if not text:
        return None
    data = json.loads(text)
    return str(data["subject"]), str(data["body"])


def load(session: Session) -> Settings:
    """Every setting, read in one query in the caller's ``session``."""
    values: dict[str, Any] = {key.name: copy.deepcopy(key.default) for key in TABLE}
    templates: dict[tuple[str, str], tuple[str, str]] = {}
    for stored, text in session.execute(select(Setting.key, Setting.value)):
        key = _BY_STORED.get(stored)
        try:
            if key is not None:
                values[key.name] = key.decode(text)
            elif stored.startswith(TEMPLATE_PREFIX):
                language, _, name = stored[len(TEMPLATE_PREFIX) :].partition(".")
                template = _stored_template(text)
                if template is not None:
                    templates[(language, name)] = template
        except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError):
            pass  # a damaged value reads as the default, as it always did
    values["templates"] = templates
    return Settings(**values)


def read() -> Settings:
    """Every setting, in a read session of its own (:func:`load` reads in the caller's); the
    defaults when no book is open."""
    if not db.is_open():
        return defaults()
    with db.reading() as s:
        return load(s)


def check(changes: Mapping[str, Any]) -> dict[str, str]:
    """Every value of ``changes`` checked (in their order; the first bad one raises, naming
    its field): the stored texts to write, by stored key. An unknown name is refused."""
    rows: dict[str, str] = {}
    for name, value in changes.items():
        key = KEYS.get(name)
        if key is None:
            raise KeyError(f"no setting {name!r}")
        clean = key.check(value)
        if name == "templates":
            for (language, letter), text in clean.items():
                rows[f"{TEMPLATE_PREFIX}{language}.{letter}"] = (
                    "" if text is None else json.dumps({"subject": text[0], "body": text[1]})
                )
        else:
            rows[key.stored] = key.encode(clean)
    return rows


def _write(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def save_in(s: Session, changes: Mapping[str, Any]) -> None:
    """Check every value of ``changes``, then write them into the caller's transaction."""
    for key, text in check(changes).items():
        _write(s, key, text)


def save(changes: Mapping[str, Any]) -> None:
    """Check every value of ``changes`` (name -> value, see :data:`TABLE`), then write them
    all in one transaction — all or nothing (issue #11). Nothing is written when one is
    refused."""
    rows = check(changes)
    if not rows:
        return
    with db.transaction() as s:
        for key, text in rows.items():
            _write(s, key, text)
