"""Proof documents: attach, list, replace, trash and restore, export, verify.

Facts: shared/domain.md §8.2 — a copy has evidential value when it is faithful
and durable; the SHA-256 fingerprint taken when the file is stored, and the
append-only history of what happened to it since, are what make it so.

Attaching copies the file into the store first (``services.proof.store``), then
writes the rows in one transaction; if the transaction fails, the copies it
brought in are removed again, so nothing is stored half-way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import (
    DOCUMENT_KINDS,
    CgvAcceptance,
    CgvVersion,
    Client,
    Document,
    Invoice,
    StoredFile,
)
from services.core import clock, db, history, lookups, settings
from services.core.errors import NotFound, UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.proof import store
from services.proof.store import Ingested, Progress, Store

TRASH_DAYS = 30

KIND_LABELS: dict[str, str] = {
    "cgv": QT_TRANSLATE_NOOP("Messages", "Terms of sale (CGV)"),
    "quote": QT_TRANSLATE_NOOP("Messages", "Quote"),
    "purchase_order": QT_TRANSLATE_NOOP("Messages", "Purchase order"),
    "delivery_note": QT_TRANSLATE_NOOP("Messages", "Delivery note"),
    "contract": QT_TRANSLATE_NOOP("Messages", "Contract"),
    "invoice_copy": QT_TRANSLATE_NOOP("Messages", "Invoice copy"),
    "acknowledgment": QT_TRANSLATE_NOOP("Messages", "Acknowledgment of receipt"),
    "correspondence": QT_TRANSLATE_NOOP("Messages", "Correspondence"),
    "other": QT_TRANSLATE_NOOP("Messages", "Other"),
}

MSG_KIND = QT_TRANSLATE_NOOP("Messages", "unknown kind {value}; expected one of {choices}")
MSG_OWNER = QT_TRANSLATE_NOOP("Messages", "say which invoice or client the document belongs to")
MSG_DOC_GONE = QT_TRANSLATE_NOOP("Messages", "this document no longer exists")
MSG_SIGNED_FUTURE = QT_TRANSLATE_NOOP("Messages", "the signature date {value} is in the future")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "at most {max} characters")
MSG_NO_FILES = QT_TRANSLATE_NOOP("Messages", "choose at least one file")
MSG_IN_TRASH = QT_TRANSLATE_NOOP("Messages", "this document is in the trash; restore it first")
MSG_NOT_IN_TRASH = QT_TRANSLATE_NOOP("Messages", "this document is not in the trash")
MSG_PURGED = QT_TRANSLATE_NOOP(
    "Messages", "this document was deleted more than {days} days ago and can no longer be restored"
)
MSG_SUPERSEDED = QT_TRANSLATE_NOOP(
    "Messages", "this is an earlier version; replace or delete the current one"
)
MSG_CGV_LABEL = QT_TRANSLATE_NOOP("Messages", "a CGV version labelled {value} already exists")
MSG_CGV_DATE = QT_TRANSLATE_NOOP("Messages", "a CGV version is already in force from {value}")
MSG_CGV_EMPTY = QT_TRANSLATE_NOOP("Messages", "give the version a label")
MSG_CGV_GONE = QT_TRANSLATE_NOOP("Messages", "no CGV version {value}")
MSG_CGV_NONE = QT_TRANSLATE_NOOP(
    "Messages", "no CGV version is in force on {value}; add one in the company's settings"
)
MSG_STORE_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages", "the stored copy is {state}; run the integrity check (Tools menu)"
)

# History actions (shown through QCoreApplication.translate("History", …)).
history.ACTIONS.update(
    {
        "document_added": QT_TRANSLATE_NOOP("History", "document added"),
        "document_replaced": QT_TRANSLATE_NOOP("History", "document replaced"),
        "document_deleted": QT_TRANSLATE_NOOP("History", "document moved to the trash"),
        "document_restored": QT_TRANSLATE_NOOP("History", "document restored"),
        "document_purged": QT_TRANSLATE_NOOP("History", "document removed from the trash"),
        "document_exported": QT_TRANSLATE_NOOP("History", "copy exported"),
        "document_verified": QT_TRANSLATE_NOOP("History", "fingerprint verified"),
        "cgv_accepted": QT_TRANSLATE_NOOP("History", "CGV acceptance recorded"),
        "cgv_acceptance_removed": QT_TRANSLATE_NOOP("History", "CGV acceptance removed"),
        "cgv_version_added": QT_TRANSLATE_NOOP("History", "CGV version added"),
    }
)


# -- where the store lives ------------------------------------------------------
def store_root() -> Path:
    """``<book>.documents`` beside a SQLite book; ENCAISSE_DOCUMENTS overrides."""
    database = db.current()
    return store_root_for(database.path, url=database.url)


def store_root_for(path: Path | None, url: str | None = None) -> Path:
    """The store of the book at ``path`` (open or not: a damaged book's store too).

    A book that is not a file (a PostgreSQL URL) gets its own folder in the per-user data
    folder, named after its server and database (never the password), so two such books
    never share documents (issue #11); an in-memory book gets a folder of its own too.
    """
    override = os.environ.get("ENCAISSE_DOCUMENTS")
    if override:
        return Path(override).expanduser()
    if path is not None:
        return path.parent / f"{path.stem}.documents"
    base = Path(os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share"))
    return base / "Encaisse" / "documents" / _url_key(url or "")


def _url_key(url: str) -> str:
    """A folder name for a book that is not a file: readable, unique, without secrets."""
    import hashlib
    import re

    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
        if parsed.database in (None, "", ":memory:") and parsed.get_backend_name() == "sqlite":
            return f"memory-{os.getpid()}-{id(db.current()) if db.is_open() else 0}"
        visible = (
            f"{parsed.get_backend_name()}-{parsed.host or 'local'}-{parsed.port or ''}"
            f"-{parsed.database or ''}"
        )
        secret_free = parsed.render_as_string(hide_password=True)  # "***" for any password
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy reads: still a folder of its own
        visible, secret_free = "book", url
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", visible).strip("_-")[:60] or "book"
    return f"{slug}-{hashlib.sha256(secret_free.encode()).hexdigest()[:10]}"


def the_store() -> Store:
    return Store(store_root())


# -- data shapes ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    kind: str
    title: str
    document_date: dt.date | None
    signed: bool
    signed_on: dt.date | None
    original_name: str
    size: int
    media_type: str
    sha256: str
    unreadable: bool
    added_at: dt.datetime
    added_by: str
    notes: str
    client_id: int | None
    client_code: str
    invoice_id: int | None
    invoice_number: str
    cgv_version_id: int | None
    cgv_label: str
    replaces_id: int | None
    superseded_at: dt.datetime | None
    deleted_at: dt.datetime | None

    @property
    def current(self) -> bool:
        return self.superseded_at is None and self.deleted_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "signed": self.signed,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "sha256": self.sha256,
            "size": self.size,
            "original_name": self.original_name,
            "invoice": self.invoice_number or None,
            "client": self.client_code or None,
            "media_type": self.media_type,
            "document_date": self.document_date.isoformat() if self.document_date else None,
            "cgv_version": self.cgv_label or None,
            "unreadable": self.unreadable,
            "added_at": self.added_at.isoformat(timespec="seconds"),
            "added_by": self.added_by,
        }


@dataclass(frozen=True, slots=True)
class Meta:
    """What the user says about a document."""

    kind: str
    title: str = ""
    document_date: dt.date | None = None
    signed: bool = False
    signed_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Owner:
    invoice_id: int | None = None
    client_id: int | None = None
    cgv_version_id: int | None = None


@dataclass(frozen=True, slots=True)
class CgvVersionRow:
    id: int
    label: str
    in_force_from: dt.date
    notes: str
    document_id: int | None
    accepted_by: int


@dataclass(frozen=True, slots=True)
class AcceptanceRow:
    id: int
    client_id: int
    cgv_version_id: int
    cgv_label: str
    in_force_from: dt.date
    accepted_on: dt.date
    document_id: int | None
    notes: str


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # missing | altered | orphan | leftover
    source: str  # English text marked for translation, with {params}
    params: dict[str, Any] = field(default_factory=dict)
    document_id: int | None = None
    sha256: str = ""
    path: str = ""

    def render(self, translate: Any = None) -> str:
        text = translate("Messages", self.source) if translate else self.source
        return text.format(**self.params)

    @property
    def message(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document": self.document_id,
            "sha256": self.sha256 or None,
            "path": self.path or None,
            "message": self.message,
        }


@dataclass(slots=True)
class CheckReport:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    results: list[tuple[int, str]] = field(default_factory=list)  # (document id, state)

    @property
    def ok(self) -> bool:
        return not self.problems


# -- validation ---------------------------------------------------------------------
def validate_meta(meta: Meta) -> Meta:
    from services.core.terms import check_date_range
    from services.core.text import clean_text

    errors: list[UserError] = []
    if meta.kind not in DOCUMENT_KINDS:
        errors.append(
            UserError(MSG_KIND, field="kind", value=meta.kind, choices=", ".join(DOCUMENT_KINDS))
        )

    def checked(check: Any, value: Any, field: str, **options: Any) -> Any:
        try:  # each field's own message; every bad field listed (issue #11)
            return check(value, field, **options)
        except UserError as exc:
            errors.append(exc)
            return value

    title = checked(clean_text, meta.title, "title")  # one line, no control character
    notes = checked(clean_text, meta.notes, "notes", multiline=True)
    if len(title) > 200:
        errors.append(UserError(MSG_TOO_LONG, field="title", max="200"))
    # the document's own date is the --date of attach, "Date" in the errors
    if meta.document_date is not None:
        checked(check_date_range, meta.document_date, "date")
    signed = meta.signed or meta.signed_on is not None
    if meta.signed_on is not None:
        checked(check_date_range, meta.signed_on, "signed_on")
        if meta.signed_on > clock.today():
            errors.append(
                UserError(MSG_SIGNED_FUTURE, field="signed_on", value=meta.signed_on.isoformat())
            )
    if errors:
        raise ValidationError(errors)
    return Meta(meta.kind, title, meta.document_date, signed, meta.signed_on, notes)


def _owner_ids(s: Session, owner: Owner) -> tuple[int | None, int | None, int | None]:
    """(client_id, invoice_id, cgv_version_id), checked to exist."""
    if owner.invoice_id is not None:
        invoice = s.get(Invoice, owner.invoice_id)
        if invoice is None:
            raise NotFound(lookups.MSG_INVOICE_GONE, field="invoice")
        return invoice.client_id, invoice.id, None
    if owner.client_id is not None:
        lookups.client(s, owner.client_id)
        return owner.client_id, None, None
    if owner.cgv_version_id is not None:
        if s.get(CgvVersion, owner.cgv_version_id) is None:
            raise NotFound(MSG_CGV_GONE, field="cgv_version", value=str(owner.cgv_version_id))
        return None, None, owner.cgv_version_id
    raise UserError(MSG_OWNER, field="file")


# -- attaching ------------------------------------------------------------------------
def ingest(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> Ingested:
    """Copy one file into the store (safe to run off the GUI thread: no database access
    when ``limit`` is given)."""
    return the_store().ingest(
        path, max_bytes=limit if limit is not None else settings.read().max_bytes, progress=progress
    )


def _add_stored_file(s: Session, item: Ingested) -> None:
    if s.get(StoredFile, item.sha256) is None:
        s.add(
            StoredFile(
                sha256=item.sha256,
                size=item.size,
                media_type=item.media_type,
                stored_at=clock.now(),
            )
        )
        s.flush()  # no relationship tells the unit of work to insert it first


def _who() -> str:
    try:
        return getpass.getuser()[:100]
    except Exception:  # noqa: BLE001 - no user name on some systems
        return ""


def _record(
    s: Session,
    doc: Document,
    action: str,
    details: dict[str, Any] | None = None,
    *,
    on_owner: bool = False,
) -> None:
    label = doc.title or doc.original_name
    history.record(
        s, "document", doc.id, action, client_id=doc.client_id, label=label, details=details
    )
    entity, owner_id = (
        ("invoice", doc.invoice_id) if doc.invoice_id is not None else ("client", doc.client_id)
    )
    if on_owner and owner_id is not None:
        history.record(
            s,
            entity,
            owner_id,
            action,
            client_id=doc.client_id,
            label=label,
            details={"document": doc.id, "kind": doc.kind},
        )


def _new_document(
    s: Session,
    ids: tuple[int | None, int | None, int | None],
    item: Ingested,
    meta: Meta,
    replaces: Document | None = None,
) -> Document:
    client_id, invoice_id, cgv_version_id = ids
    _add_stored_file(s, item)
    doc = Document(
        client_id=client_id,
        invoice_id=invoice_id,
        cgv_version_id=cgv_version_id,
        kind=meta.kind,
        title=meta.title or Path(item.original_name).stem,
        document_date=meta.document_date,
        signed=meta.signed,
        signed_on=meta.signed_on,
        original_name=item.original_name,
        size=item.size,
        media_type=item.media_type,
        sha256=item.sha256,
        unreadable=item.unreadable,
        added_at=clock.now(),
        added_by=_who(),
        notes=meta.notes,
        replaces_id=replaces.id if replaces else None,
    )
    s.add(doc)
    s.flush()
    return doc


def _forget_unreferenced(items: Iterable[Ingested]) -> None:
    """After a failed transaction: drop the copies no row refers to."""
    digests = {i.sha256 for i in items}
    if not digests:
        return
    with db.reading() as s:
        kept = set(s.scalars(select(StoredFile.sha256).where(StoredFile.sha256.in_(digests))))
    the = the_store()
    for sha in digests - kept:
        with contextlib.suppress(OSError):  # the integrity check will report it as an orphan
            the.remove(sha)


def _add_document(
    s: Session, ids: tuple[int | None, int | None, int | None], item: Ingested, meta: Meta
) -> Document:
    """A new document for a stored file, in the history of the document and of its owner."""
    doc = _new_document(s, ids, item, meta)
    _record(
        s,
        doc,
        "document_added",
        {
            "kind": doc.kind,
            "sha256": doc.sha256,
            "size": doc.size,
            "original_name": doc.original_name,
            "signed": doc.signed,
        },
        on_owner=True,
    )
    return doc


def attach_in_session(
    s: Session, owner: Owner, item: Ingested, meta: Meta, *, checked: bool = False
) -> Document:
    """Record one stored file inside the caller's transaction (the demo book, imports);
    ``checked``: the caller vouches for the metadata (the demo, built around its own date)."""
    if not checked:
        meta = validate_meta(meta)
    return _add_document(s, _owner_ids(s, owner), item, meta)


def accept_in_session(
    s: Session, client_id: int, version: CgvVersion, on: dt.date, document_id: int | None
) -> None:
    _upsert_acceptance(s, client_id, version, on, document_id, "")


def forget(items: Iterable[Ingested]) -> None:
    """Drop copies that were made for an attachment the user could not complete."""
    _forget_unreferenced(items)


def check_file(path: Path, limit: int | None = None) -> None:
    """Refuse at once a file that cannot be attached (missing, empty, too big, wrong type)."""
    store.check_source(path, limit if limit is not None else settings.read().max_bytes)


def attach_ingested(
    owner: Owner, items: Sequence[Ingested], meta: Meta, *, accept_cgv_version: int | None = None
) -> list[DocumentRow]:
    """Write the rows for files already copied into the store (one transaction)."""
    meta = validate_meta(meta)
    if not items:
        raise UserError(MSG_NO_FILES, field="file")
    try:
        with db.transaction() as s:
            ids = _owner_ids(s, owner)
            docs = []
            for item in items:
                docs.append(_add_document(s, ids, item, meta))
            if meta.kind == "cgv" and meta.signed and ids[1] is None and ids[0] is not None:
                _accept_signed_cgv(s, ids[0], docs[-1], meta, accept_cgv_version)
            doc_ids = [d.id for d in docs]
    except BaseException:
        _forget_unreferenced(items)
        raise
    return get_documents(doc_ids)


def attach_files(
    owner: Owner,
    paths: Sequence[Path],
    meta: Meta,
    *,
    progress: Progress | None = None,
    accept_cgv_version: int | None = None,
) -> list[DocumentRow]:
    """Check every file, copy them into the store, then record them — all or nothing."""
    meta = validate_meta(meta)
    if not paths:
        raise UserError(MSG_NO_FILES, field="file")
    limit = settings.read().max_bytes
    for path in paths:  # refuse before copying anything
        store.check_source(path, limit)
    with db.reading() as s:
        _owner_ids(s, owner)
    items = ingest_all(paths, limit=limit, progress=progress)
    return attach_ingested(owner, items, meta, accept_cgv_version=accept_cgv_version)


def ingest_all(
    paths: Sequence[Path], *, limit: int | None = None, progress: Progress | None = None
) -> list[Ingested]:
    """Check every file, then copy them all into the store, outside any transaction: the
    caller then records them (``attach_in_session``) in one transaction with the rest of its
    action, and calls :func:`forget` if that fails. One bad file and nothing is copied;
    a failed copy drops the copies already made (issue #11)."""
    limit = limit if limit is not None else settings.read().max_bytes
    for path in paths:  # refuse before copying anything
        store.check_source(path, limit)
    items: list[Ingested] = []
    try:
        for path in paths:
            items.append(ingest(path, limit=limit, progress=progress))
    except BaseException:
        _forget_unreferenced(items)
        raise
    return items


def _accept_signed_cgv(
    s: Session, client_id: int, doc: Document, meta: Meta, version_id: int | None
) -> None:
    """A signed CGV attached to a client records its acceptance of the version in
    force on the signature date (or of the version the user chose)."""
    on = meta.signed_on or meta.document_date or clock.today()
    version = s.get(CgvVersion, version_id) if version_id else _version_in_force(s, on)
    if version is None:
        return  # no versions kept: the signed copy itself is the proof (services.proof.rules)
    _upsert_acceptance(s, client_id, version, on, doc.id, "")


def _version_in_force(s: Session, on: dt.date) -> CgvVersion | None:
    return s.scalars(
        select(CgvVersion)
        .where(CgvVersion.in_force_from <= on)
        .order_by(CgvVersion.in_force_from.desc())
        .limit(1)
    ).first()


# -- reading ------------------------------------------------------------------------
def _rows(s: Session, docs: Iterable[Document]) -> list[DocumentRow]:
    docs = list(docs)
    client_ids = {d.client_id for d in docs if d.client_id}
    invoice_ids = {d.invoice_id for d in docs if d.invoice_id}
    version_ids = {d.cgv_version_id for d in docs if d.cgv_version_id}
    codes = (
        dict(s.execute(select(Client.id, Client.code).where(Client.id.in_(client_ids))).all())
        if client_ids
        else {}
    )
    numbers = (
        dict(s.execute(select(Invoice.id, Invoice.number).where(Invoice.id.in_(invoice_ids))).all())
        if invoice_ids
        else {}
    )
    labels = (
        dict(
            s.execute(
                select(CgvVersion.id, CgvVersion.label).where(CgvVersion.id.in_(version_ids))
            ).all()
        )
        if version_ids
        else {}
    )
    return [
        DocumentRow(
            id=d.id,
            kind=d.kind,
            title=d.title,
            document_date=d.document_date,
            signed=d.signed,
            signed_on=d.signed_on,
            original_name=d.original_name,
            size=d.size,
            media_type=d.media_type,
            sha256=d.sha256,
            unreadable=d.unreadable,
            added_at=d.added_at,
            added_by=d.added_by,
            notes=d.notes,
            client_id=d.client_id,
            client_code=codes.get(d.client_id or 0, ""),
            invoice_id=d.invoice_id,
            invoice_number=numbers.get(d.invoice_id or 0, ""),
            cgv_version_id=d.cgv_version_id,
            cgv_label=labels.get(d.cgv_version_id or 0, ""),
            replaces_id=d.replaces_id,
            superseded_at=d.superseded_at,
            deleted_at=d.deleted_at,
        )
        for d in docs
    ]


def get_documents(ids: Sequence[int]) -> list[DocumentRow]:
    with db.reading() as s:
        docs = s.scalars(select(Document).where(Document.id.in_(ids)).order_by(Document.id)).all()
        return _rows(s, docs)


def get_document(document_id: int) -> DocumentRow:
    found = get_documents([document_id])
    if not found:
        raise NotFound(MSG_DOC_GONE, field="document")
    return found[0]


def list_documents(
    *,
    invoice_id: int | None = None,
    client_id: int | None = None,
    cgv_version_id: int | None = None,
    trash: bool = False,
    only_client_level: bool = False,
) -> list[DocumentRow]:
    """Current documents (or those in the trash), in a logical order.

    ``client_id`` covers the client's own documents and those of its invoices
    (unless ``only_client_level``)."""
    with db.reading() as s:
        query = select(Document).where(Document.superseded_at.is_(None))
        query = query.where(
            Document.deleted_at.is_not(None) if trash else Document.deleted_at.is_(None)
        )
        if invoice_id is not None:
            query = query.where(Document.invoice_id == invoice_id)
        if client_id is not None:
            query = query.where(Document.client_id == client_id)
            if only_client_level:
                query = query.where(Document.invoice_id.is_(None))
        if cgv_version_id is not None:
            query = query.where(Document.cgv_version_id == cgv_version_id)
        docs = s.scalars(query.order_by(Document.added_at, Document.id)).all()
        rows = _rows(s, docs)
    order = {k: i for i, k in enumerate(DOCUMENT_KINDS)}
    return sorted(rows, key=lambda r: (r.invoice_number, order.get(r.kind, 99), r.added_at))


def versions(document_id: int) -> list[DocumentRow]:
    """The document and every earlier version it replaced, newest first."""
    with db.reading() as s:
        chain: list[Document] = []
        doc = s.get(Document, document_id)
        while doc is not None:
            chain.append(doc)
            doc = s.get(Document, doc.replaces_id) if doc.replaces_id else None
        return _rows(s, chain)


def document_path(document_id: int) -> Path:
    """The stored file (read-only), after checking it is still intact in size."""
    row = get_document(document_id)
    the = the_store()
    try:
        path = the.open_copy_target(row.sha256)
    except (OSError, ValueError) as exc:
        raise UserError(
            MSG_STORE_DAMAGED, field="file", state=QT_TRANSLATE_NOOP("Messages", "missing")
        ) from exc
    if path.stat().st_size != row.size:
        raise UserError(
            MSG_STORE_DAMAGED, field="file", state=QT_TRANSLATE_NOOP("Messages", "altered")
        )
    return path


# -- changing -------------------------------------------------------------------------
def _current_doc(s: Session, document_id: int) -> Document:
    doc = s.get(Document, document_id)
    if doc is None:
        raise NotFound(MSG_DOC_GONE, field="document")
    if doc.deleted_at is not None:
        raise UserError(MSG_IN_TRASH, field="document")
    if doc.superseded_at is not None:
        raise UserError(MSG_SUPERSEDED, field="document")
    return doc


def update_meta(document_id: int, meta: Meta) -> DocumentRow:
    meta = validate_meta(meta)
    with db.transaction() as s:
        doc = _current_doc(s, document_id)
        before = {
            k: getattr(doc, k)
            for k in ("kind", "title", "document_date", "signed", "signed_on", "notes")
        }
        after = {
            "kind": meta.kind,
            "title": meta.title or doc.title,
            "document_date": meta.document_date,
            "signed": meta.signed,
            "signed_on": meta.signed_on,
            "notes": meta.notes,
        }
        diff = history.changes(before, after)
        for key, value in after.items():
            setattr(doc, key, value)
        if diff:
            history.record(
                s,
                "document",
                doc.id,
                "edited",
                client_id=doc.client_id,
                label=doc.title,
                details=diff,
            )
    return get_document(document_id)


def replace(document_id: int, item: Ingested, meta: Meta | None = None) -> DocumentRow:
    """A new version of a document; the earlier one stays in its history."""
    try:
        with db.transaction() as s:
            old = _current_doc(s, document_id)
            meta = (
                validate_meta(meta)
                if meta
                else Meta(
                    old.kind, old.title, old.document_date, old.signed, old.signed_on, old.notes
                )
            )
            new = _new_document(
                s, (old.client_id, old.invoice_id, old.cgv_version_id), item, meta, replaces=old
            )
            old.superseded_at = clock.now()
            for acceptance in s.scalars(
                select(CgvAcceptance).where(CgvAcceptance.document_id == old.id)
            ):
                acceptance.document_id = new.id
            _record(
                s,
                new,
                "document_replaced",
                {
                    "replaces": old.id,
                    "old_sha256": old.sha256,
                    "sha256": new.sha256,
                    "original_name": new.original_name,
                },
                on_owner=True,
            )
            _record(s, old, "document_replaced", {"replaced_by": new.id})
            new_id = new.id
    except BaseException:
        _forget_unreferenced([item])
        raise
    return get_document(new_id)


def delete(document_id: int) -> None:
    """Move to the trash (restorable for TRASH_DAYS days)."""
    with db.transaction() as s:
        doc = _current_doc(s, document_id)
        doc.deleted_at = clock.now()
        _record(s, doc, "document_deleted", {"sha256": doc.sha256}, on_owner=True)


def restore(document_id: int) -> DocumentRow:
    with db.transaction() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise UserError(MSG_PURGED, field="document", days=str(TRASH_DAYS))
        if doc.deleted_at is None:
            raise UserError(MSG_NOT_IN_TRASH, field="document")
        doc.deleted_at = None
        _record(s, doc, "document_restored", on_owner=True)
    return get_document(document_id)


def purge_trash() -> int:
    """Remove what has been in the trash for more than TRASH_DAYS days (with its
    earlier versions); drop the stored bytes nobody else refers to."""
    limit = clock.now() - dt.timedelta(days=TRASH_DAYS)
    released: set[str] = set()
    count = 0
    with db.transaction() as s:
        expired = s.scalars(
            select(Document).where(Document.deleted_at.is_not(None), Document.deleted_at < limit)
        ).all()
        for doc in expired:
            chain = []
            item: Document | None = doc
            while item is not None:
                chain.append(item)
                item = s.get(Document, item.replaces_id) if item.replaces_id else None
            for version in chain:  # newest first, so no row points at a deleted one
                _record(
                    s,
                    version,
                    "document_purged",
                    {"sha256": version.sha256},
                    on_owner=version is doc,
                )
                for acceptance in s.scalars(
                    select(CgvAcceptance).where(CgvAcceptance.document_id == version.id)
                ):
                    acceptance.document_id = None
                released.add(version.sha256)
                s.delete(version)
                s.flush()
                count += 1
        for sha in list(released):
            if s.scalar(select(Document.id).where(Document.sha256 == sha).limit(1)) is None:
                stored = s.get(StoredFile, sha)
                if stored is not None:
                    s.delete(stored)
            else:
                released.discard(sha)
    the = the_store()
    for sha in released:
        with contextlib.suppress(OSError):
            the.remove(sha)
    return count


def export_copy(document_id: int, destination: Path, *, reason: str = "export") -> Path:
    """Copy the stored bytes out (checked against the fingerprint) and log it."""
    source = document_path(document_id)
    row = get_document(document_id)
    the = the_store()
    state = the.verify(row.sha256)
    if state != "ok":
        raise UserError(MSG_STORE_DAMAGED, field="file", state=state)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
    with db.transaction() as s:
        doc = s.get(Document, document_id)
        if doc is not None:
            _record(s, doc, "document_exported", {"to": str(destination), "reason": reason})
    return destination


def viewing_copy(document_id: int) -> Path:
    """A temporary copy with the original name, for the system viewer."""
    row = get_document(document_id)
    folder = Path(tempfile.mkdtemp(prefix="encaisse-view-"))
    return export_copy(document_id, folder / store.safe_name(row.original_name), reason="open")


# -- integrity ------------------------------------------------------------------------------
MSG_MISSING = QT_TRANSLATE_NOOP(
    "Messages", "document {id} “{title}”: the stored file is missing ({sha})"
)
MSG_ALTERED = QT_TRANSLATE_NOOP(
    "Messages",
    "document {id} “{title}”: the stored file was altered (its SHA-256 no longer matches {sha})",
)
MSG_ORPHAN = QT_TRANSLATE_NOOP("Messages", "a stored file belongs to no document: {path}")
MSG_LEFTOVER = QT_TRANSLATE_NOOP(
    "Messages", "a partial copy was left by an interrupted attachment: {path}"
)
MSG_LEFTOVER_RESTORE = QT_TRANSLATE_NOOP(
    "Messages", "a partial copy was left by an interrupted restore: {path}"
)


def check_documents(*, record: bool = True) -> CheckReport:
    """Rehash every stored document; report missing, altered and orphan files."""
    the = the_store()
    report = CheckReport()
    with db.reading() as s:
        docs = [
            (d.id, d.title or d.original_name, d.sha256)
            for d in s.scalars(select(Document).order_by(Document.id))
        ]
        known = set(s.scalars(select(StoredFile.sha256)))
    states: dict[str, str] = {}
    for sha in {sha for _, _, sha in docs}:
        states[sha] = the.verify(sha)
    results = report.results
    for doc_id, title, sha in docs:
        report.checked += 1
        state = states[sha]
        results.append((doc_id, state))
        if state in ("missing", "altered"):
            source = MSG_MISSING if state == "missing" else MSG_ALTERED
            report.problems.append(
                Problem(
                    state,
                    source,
                    {"id": doc_id, "title": title, "sha": sha},
                    doc_id,
                    sha,
                    str(the.path_of(sha)),
                )
            )
    for sha in sorted(the.digests_on_disk() - known):
        path = str(the.path_of(sha))
        report.problems.append(Problem("orphan", MSG_ORPHAN, {"path": path}, None, sha, path))
    for leftover in the.leftovers():  # tmp/restore-<sha256>: what a killed restore was unpacking
        source = MSG_LEFTOVER_RESTORE if leftover.name.startswith("restore-") else MSG_LEFTOVER
        report.problems.append(
            Problem("leftover", source, {"path": str(leftover)}, None, "", str(leftover))
        )
    if record:
        record_verification(report)
    return report


def record_verification(report: CheckReport) -> None:
    """Write "fingerprint verified" with its result into each document's history."""
    if not report.results:
        return
    with db.transaction() as s:
        for doc_id, state in report.results:
            doc = s.get(Document, doc_id)
            if doc is not None:
                history.record(
                    s,
                    "document",
                    doc_id,
                    "document_verified",
                    client_id=doc.client_id,
                    label=doc.title,
                    details={"result": state},
                )


def clean_leftovers() -> int:
    """Remove partial copies and orphan files (after the user saw the report)."""
    the = the_store()
    with db.reading() as s:
        known = set(s.scalars(select(StoredFile.sha256)))
    count = 0
    for leftover in the.leftovers():
        leftover.unlink(missing_ok=True)
        count += 1
    for sha in the.digests_on_disk() - known:
        the.remove(sha)
        count += 1
    return count


# -- CGV versions and acceptances -----------------------------------------------------------------
def list_cgv_versions() -> list[CgvVersionRow]:
    with db.reading() as s:
        versions_ = s.scalars(select(CgvVersion).order_by(CgvVersion.in_force_from)).all()
        out = []
        for v in versions_:
            doc_id = s.scalar(
                select(Document.id)
                .where(
                    Document.cgv_version_id == v.id,
                    Document.superseded_at.is_(None),
                    Document.deleted_at.is_(None),
                )
                .order_by(Document.id.desc())
                .limit(1)
            )
            accepted = len(
                s.scalars(
                    select(CgvAcceptance.id).where(CgvAcceptance.cgv_version_id == v.id)
                ).all()
            )
            out.append(CgvVersionRow(v.id, v.label, v.in_force_from, v.notes, doc_id, accepted))
        return out


def add_cgv_version(
    label: str,
    in_force_from: dt.date,
    file: Path | None = None,
    notes: str = "",
    item: Ingested | None = None,
) -> CgvVersionRow:
    from services.core.terms import check_date_range
    from services.core.text import clean_text

    try:  # a label without control character, a date within 1900-2100 (issue #11)
        label = clean_text(label, "label")
        if not label:
            raise UserError(MSG_CGV_EMPTY, field="label")
        check_date_range(in_force_from, "in_force_from")
        notes = clean_text(notes, "notes", multiline=True)
    except UserError:
        if item is not None:  # nothing kept of a refused version
            _forget_unreferenced([item])
        raise
    if file is not None and item is None:
        item = ingest(file)
    try:
        with db.transaction() as s:
            if s.scalar(select(CgvVersion.id).where(CgvVersion.label == label)):
                raise UserError(MSG_CGV_LABEL, field="label", value=label)
            if s.scalar(select(CgvVersion.id).where(CgvVersion.in_force_from == in_force_from)):
                raise UserError(
                    MSG_CGV_DATE, field="in_force_from", value=in_force_from.isoformat()
                )
            version = CgvVersion(
                label=label, in_force_from=in_force_from, notes=notes, created_at=clock.now()
            )
            s.add(version)
            s.flush()
            history.record(
                s,
                "cgv_version",
                version.id,
                "cgv_version_added",
                label=label,
                details={"in_force_from": in_force_from},
            )
            if item is not None:
                doc = _new_document(
                    s, (None, None, version.id), item, Meta("cgv", label, in_force_from)
                )
                _record(
                    s,
                    doc,
                    "document_added",
                    {"kind": "cgv", "sha256": doc.sha256, "original_name": doc.original_name},
                )
            version_id = version.id
    except BaseException:
        if item is not None:
            _forget_unreferenced([item])
        raise
    return next(v for v in list_cgv_versions() if v.id == version_id)


def cgv_version_id_for(label: str) -> int:
    with db.reading() as s:
        found = s.scalar(select(CgvVersion.id).where(CgvVersion.label == label))
    if found is None:
        raise NotFound(MSG_CGV_GONE, field="cgv_version", value=label)
    return found


def cgv_in_force(on: dt.date) -> CgvVersionRow | None:
    for version in reversed(list_cgv_versions()):
        if version.in_force_from <= on:
            return version
    return None


def _upsert_acceptance(
    s: Session,
    client_id: int,
    version: CgvVersion,
    on: dt.date,
    document_id: int | None,
    notes: str,
) -> CgvAcceptance:
    acceptance = s.scalars(
        select(CgvAcceptance).where(
            CgvAcceptance.client_id == client_id, CgvAcceptance.cgv_version_id == version.id
        )
    ).first()
    if acceptance is None:
        acceptance = CgvAcceptance(
            client_id=client_id,
            cgv_version_id=version.id,
            accepted_on=on,
            document_id=document_id,
            notes=notes,
            created_at=clock.now(),
        )
        s.add(acceptance)
    else:
        acceptance.accepted_on = on
        if document_id is not None:
            acceptance.document_id = document_id
        acceptance.notes = notes or acceptance.notes
    s.flush()
    history.record(
        s,
        "client",
        client_id,
        "cgv_accepted",
        client_id=client_id,
        label=version.label,
        details={"version": version.label, "accepted_on": on, "document": document_id},
    )
    return acceptance


def record_acceptance(
    client_id: int,
    cgv_version_id: int,
    accepted_on: dt.date,
    *,
    signed_copy: Ingested | None = None,
    notes: str = "",
) -> AcceptanceRow:
    """The client accepted this CGV version on this date (optionally with the signed copy)."""
    from services.core.terms import check_date_range
    from services.core.text import clean_text

    try:  # a date within 1900-2100, notes without control character (issue #11)
        check_date_range(accepted_on, "accepted_on")
        notes = clean_text(notes, "notes", multiline=True)
    except UserError:
        if signed_copy is not None:  # nothing kept of a refused acceptance
            _forget_unreferenced([signed_copy])
        raise
    if accepted_on > clock.today():
        raise UserError(MSG_SIGNED_FUTURE, field="accepted_on", value=accepted_on.isoformat())
    try:
        with db.transaction() as s:
            lookups.client(s, client_id)
            version = s.get(CgvVersion, cgv_version_id)
            if version is None:
                raise NotFound(MSG_CGV_GONE, field="cgv_version", value=str(cgv_version_id))
            doc_id = None
            if signed_copy is not None:
                doc = _new_document(
                    s,
                    (client_id, None, None),
                    signed_copy,
                    Meta("cgv", version.label, accepted_on, True, accepted_on),
                )
                _record(
                    s,
                    doc,
                    "document_added",
                    {"kind": "cgv", "sha256": doc.sha256, "original_name": doc.original_name},
                    on_owner=True,
                )
                doc_id = doc.id
            acceptance = _upsert_acceptance(
                s, client_id, version, accepted_on, doc_id, notes.strip()
            )
            acceptance_id = acceptance.id
    except BaseException:
        if signed_copy is not None:
            _forget_unreferenced([signed_copy])
        raise
    return next(a for a in acceptances(client_id) if a.id == acceptance_id)


def acceptances(client_id: int) -> list[AcceptanceRow]:
    with db.reading() as s:
        rows = s.execute(
            select(CgvAcceptance, CgvVersion)
            .join(CgvVersion, CgvVersion.id == CgvAcceptance.cgv_version_id)
            .where(CgvAcceptance.client_id == client_id)
            .order_by(CgvVersion.in_force_from)
        ).all()
        return [
            AcceptanceRow(
                a.id,
                a.client_id,
                v.id,
                v.label,
                v.in_force_from,
                a.accepted_on,
                a.document_id,
                a.notes,
            )
            for a, v in rows
        ]


def remove_acceptance(acceptance_id: int) -> None:
    with db.transaction() as s:
        acceptance = s.get(CgvAcceptance, acceptance_id)
        if acceptance is None:
            raise NotFound(MSG_DOC_GONE, field="document")
        version = s.get(CgvVersion, acceptance.cgv_version_id)
        history.record(
            s,
            "client",
            acceptance.client_id,
            "cgv_acceptance_removed",
            client_id=acceptance.client_id,
            label=version.label if version else "",
            details={"accepted_on": acceptance.accepted_on},
        )
        s.delete(acceptance)


def owner_has_documents(
    s: Session, *, client_id: int | None = None, invoice_id: int | None = None
) -> bool:
    """Used to refuse deleting a client or an invoice that still holds proof."""
    query = select(Document.id)
    if client_id is not None:
        query = query.where(or_(Document.client_id == client_id))
    if invoice_id is not None:
        query = query.where(Document.invoice_id == invoice_id)
    return s.scalar(query.limit(1)) is not None
