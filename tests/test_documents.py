"""Proof documents (issue: proof documents; shared/domain.md §8.2): attach, dedup,
replace, trash/restore, integrity, proof status rules, bad input, path safety."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from models import Document, Event, StoredFile
from services.core import clock, db, lookups, settings
from services.core.errors import UserError, ValidationError
from services.proof import documents, store
from services.proof import rules as proof
from services.proof.documents import Meta, Owner
from tests.service_fixtures import TODAY, add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")


def make_pdf(path: Path, pages: int = 1, text: str = "proof") -> Path:
    c = canvas.Canvas(str(path))
    for n in range(pages):
        c.drawString(72, 720, f"{text} page {n + 1}")
        c.showPage()
    c.save()
    return path


def make_png(path: Path, colour: str = "red") -> Path:
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_count() -> tuple[int, int]:
    with db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Document)) or 0,
            s.scalar(select(func.count()).select_from(StoredFile)) or 0,
        )


@pytest.fixture
def invoice() -> int:
    add_client("ACME")
    return add_invoice("F-001", issue="2025-03-01").id


# -- attaching ---------------------------------------------------------------------
def test_attach_copies_the_file_into_the_store_and_records_its_fingerprint(
    invoice: int, tmp_path: Path
) -> None:
    original = make_pdf(tmp_path / "devis signé.pdf", pages=2)
    digest = sha(original)
    [row] = documents.attach_files(
        Owner(invoice_id=invoice),
        [original],
        Meta("quote", signed=True, signed_on=dt.date(2025, 2, 20)),
    )
    assert row.sha256 == digest
    assert row.size == original.stat().st_size
    assert row.media_type == "application/pdf"
    assert row.original_name == "devis signé.pdf"
    assert row.title == "devis signé"
    assert row.signed and row.signed_on == dt.date(2025, 2, 20)
    assert row.invoice_number == "F-001" and row.client_code == "ACME"
    original.unlink()  # the owner moves the scan away: nothing is lost
    stored = documents.document_path(row.id)
    assert sha(stored) == digest
    assert stored.name == digest  # the outside name never becomes a path
    assert stored.stat().st_mode & 0o777 == 0o400


def test_the_same_content_attached_twice_is_stored_once(invoice: int, tmp_path: Path) -> None:
    first = make_pdf(tmp_path / "a.pdf")
    second = tmp_path / "copy of a.pdf"
    second.write_bytes(first.read_bytes())
    documents.attach_files(Owner(invoice_id=invoice), [first], Meta("delivery_note"))
    documents.attach_files(Owner(invoice_id=invoice), [second], Meta("invoice_copy"))
    assert stored_count() == (2, 1)
    assert len(documents.the_store().digests_on_disk()) == 1


def test_attaching_is_recorded_in_the_history_of_the_document_and_of_the_invoice(
    invoice: int, tmp_path: Path
) -> None:
    [row] = documents.attach_files(
        Owner(invoice_id=invoice), [make_png(tmp_path / "bl.png")], Meta("delivery_note", "BL 12")
    )
    with db.reading() as s:
        actions = s.execute(select(Event.entity, Event.action)).all()
    assert ("document", "document_added") in actions
    assert ("invoice", "document_added") in actions
    assert row.added_by  # who added it


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "/abs/path/evil.pdf", "..\\..\\x.pdf"])
def test_outside_names_never_become_paths(invoice: int, tmp_path: Path, name: str) -> None:
    assert store.safe_name(name) in {"passwd.pdf", "evil.pdf", "x.pdf"}
    source = make_pdf(tmp_path / "plain.pdf")
    [row] = documents.attach_files(Owner(invoice_id=invoice), [source], Meta("other"))
    root = documents.store_root().resolve()
    assert documents.document_path(row.id).resolve().is_relative_to(root)
    with pytest.raises(ValueError):
        documents.the_store().path_of("../" + "0" * 61)


def test_a_digest_that_is_not_hex_is_refused_as_a_path() -> None:
    with pytest.raises(ValueError):
        documents.the_store().path_of("a" * 63 + "/")


# -- bad input ---------------------------------------------------------------------
def test_bad_files_are_refused_with_the_field_named_and_nothing_stored(
    invoice: int, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    heic = tmp_path / "photo.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40)
    good = make_pdf(tmp_path / "good.pdf")
    cases = [
        (tmp_path / "missing.pdf", "does not exist"),
        (tmp_path, "is a folder"),
        (empty, "is empty"),
        (text, "neither a PDF nor an image"),
        (heic, "HEIC"),
    ]
    for bad, words in cases:
        with pytest.raises(UserError) as caught:
            # the good file comes first: it must not be stored either
            documents.attach_files(Owner(invoice_id=invoice), [good, bad], Meta("other"))
        assert words in caught.value.render()
        assert caught.value.render().startswith("File: ")
    assert stored_count() == (0, 0)
    assert documents.the_store().digests_on_disk() == set()


def test_the_size_limit_is_a_setting(invoice: int, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(1_048_576 + 10))
    settings.save({"max_mb": 1})
    with pytest.raises(UserError) as caught:
        documents.attach_files(Owner(invoice_id=invoice), [big], Meta("other"))
    assert "over the limit of 1 MB" in caught.value.render()
    settings.save({"max_mb": 2})
    [row] = documents.attach_files(Owner(invoice_id=invoice), [big], Meta("other"))
    assert row.unreadable  # not a real PDF: accepted, flagged
    with pytest.raises(UserError):
        settings.save({"max_mb": 0})


def test_a_pdf_that_does_not_parse_is_kept_as_unreadable(invoice: int, tmp_path: Path) -> None:
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(b"%PDF-1.3\n%garbage from a scanner\n" + os.urandom(500))
    [row] = documents.attach_files(Owner(invoice_id=invoice), [odd], Meta("delivery_note"))
    assert row.unreadable
    [good] = documents.attach_files(
        Owner(invoice_id=invoice), [make_pdf(tmp_path / "ok.pdf")], Meta("quote")
    )
    assert not good.unreadable


def test_bad_metadata_is_refused(invoice: int, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        documents.attach_files(
            Owner(invoice_id=invoice),
            [make_pdf(tmp_path / "a.pdf")],
            Meta("receipt", signed_on=TODAY + dt.timedelta(days=1)),
        )
    text = caught.value.render()
    assert "Kind: unknown kind receipt" in text
    assert "in the future" in text
    assert stored_count() == (0, 0)


def test_a_failed_transaction_leaves_no_orphan_file(invoice: int, tmp_path: Path) -> None:
    item = documents.ingest(make_pdf(tmp_path / "a.pdf"))
    assert documents.the_store().digests_on_disk() == {item.sha256}
    with pytest.raises(UserError):
        documents.attach_ingested(Owner(invoice_id=999_999), [item], Meta("quote"))
    assert documents.the_store().digests_on_disk() == set()
    assert stored_count() == (0, 0)


def test_an_interrupted_copy_and_an_unrecorded_file_are_reported(
    invoice: int, tmp_path: Path
) -> None:
    # A crash after the copy but before the row: the file is there, nobody refers to it.
    item = documents.ingest(make_pdf(tmp_path / "a.pdf"))
    the = documents.the_store()
    (the.tmp / "in-123-deadbeef").write_bytes(b"partial")
    report = documents.check_documents()
    kinds = sorted(p.kind for p in report.problems)
    assert kinds == ["leftover", "orphan"]
    assert any(item.sha256 in p.message for p in report.problems)
    assert documents.clean_leftovers() == 2
    assert documents.check_documents().ok


# -- replace, trash, restore --------------------------------------------------------
def test_replacing_keeps_the_earlier_version(invoice: int, tmp_path: Path) -> None:
    [first] = documents.attach_files(
        Owner(invoice_id=invoice),
        [make_pdf(tmp_path / "v1.pdf", text="v1")],
        Meta("quote", "Devis 42", signed=True),
    )
    new_item = documents.ingest(make_pdf(tmp_path / "v2.pdf", text="v2"))
    second = documents.replace(first.id, new_item)
    assert second.replaces_id == first.id and second.title == "Devis 42" and second.signed
    assert [d.id for d in documents.list_documents(invoice_id=invoice)] == [second.id]
    chain = documents.versions(second.id)
    assert [d.id for d in chain] == [second.id, first.id]
    assert chain[1].superseded_at is not None
    assert sha(documents.document_path(first.id)) == first.sha256  # still readable
    with pytest.raises(UserError):
        documents.replace(first.id, new_item)  # an earlier version cannot be replaced again


def test_delete_moves_to_the_trash_and_restore_brings_it_back(invoice: int, tmp_path: Path) -> None:
    [row] = documents.attach_files(
        Owner(invoice_id=invoice),
        [make_pdf(tmp_path / "bl.pdf")],
        Meta("delivery_note", signed=True),
    )
    assert proof.proof_of(invoice).delivery
    documents.delete(row.id)
    assert documents.list_documents(invoice_id=invoice) == []
    assert [d.id for d in documents.list_documents(trash=True)] == [row.id]
    assert not proof.proof_of(invoice).delivery
    documents.restore(row.id)
    assert proof.proof_of(invoice).delivery
    with db.reading() as s:
        actions = [a for (a,) in s.execute(select(Event.action).where(Event.entity == "document"))]
    assert actions == ["document_added", "document_deleted", "document_restored"]


def test_the_trash_keeps_documents_30_days(invoice: int, tmp_path: Path) -> None:
    [row] = documents.attach_files(
        Owner(invoice_id=invoice), [make_pdf(tmp_path / "x.pdf")], Meta("other")
    )
    [kept] = documents.attach_files(
        Owner(invoice_id=invoice), [make_png(tmp_path / "y.png")], Meta("other")
    )
    documents.delete(row.id)
    with clock.frozen(TODAY + dt.timedelta(days=29)):
        assert documents.purge_trash() == 0
        documents.restore(row.id)
        documents.delete(row.id)
    with clock.frozen(TODAY + dt.timedelta(days=29 + 31)):
        assert documents.purge_trash() == 1
        with pytest.raises(UserError) as caught:
            documents.restore(row.id)
        assert "more than 30 days" in caught.value.render()
    assert documents.the_store().digests_on_disk() == {kept.sha256}
    assert stored_count() == (1, 1)


# -- integrity ------------------------------------------------------------------------
def test_the_integrity_check_finds_altered_and_missing_files(invoice: int, tmp_path: Path) -> None:
    [a] = documents.attach_files(
        Owner(invoice_id=invoice), [make_pdf(tmp_path / "a.pdf")], Meta("quote")
    )
    [b] = documents.attach_files(
        Owner(invoice_id=invoice), [make_png(tmp_path / "b.png")], Meta("delivery_note")
    )
    [c] = documents.attach_files(
        Owner(invoice_id=invoice), [make_png(tmp_path / "c.png", "blue")], Meta("other")
    )
    assert documents.check_documents().ok
    path_a = documents.document_path(a.id)
    os.chmod(path_a, 0o600)
    data = bytearray(path_a.read_bytes())
    data[-5] ^= 0xFF
    path_a.write_bytes(bytes(data))
    os.chmod(documents.document_path(b.id), 0o600)
    documents.document_path(b.id).unlink()
    report = documents.check_documents()
    assert not report.ok and report.checked == 3
    by_kind = {p.kind: p for p in report.problems}
    assert set(by_kind) == {"altered", "missing"}
    assert by_kind["altered"].document_id == a.id and a.sha256 in by_kind["altered"].message
    assert by_kind["missing"].document_id == b.id
    with db.reading() as s:
        verified = s.execute(
            select(Event.entity_id, Event.details).where(Event.action == "document_verified")
        ).all()
    assert len(verified) == 6  # two checks × three documents
    assert any(d_id == c.id and '"ok"' in details for d_id, details in verified)
    with pytest.raises(UserError):
        documents.export_copy(a.id, tmp_path / "out.pdf")  # an altered copy is never handed out


def test_export_copy_is_byte_identical_and_logged(invoice: int, tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "a.pdf", pages=3)
    [row] = documents.attach_files(Owner(invoice_id=invoice), [source], Meta("quote"))
    out = documents.export_copy(row.id, tmp_path / "export" / "copy.pdf")
    assert out.read_bytes() == source.read_bytes()
    with db.reading() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(Event).where(Event.action == "document_exported")
            )
            == 1
        )


# -- proof status (rules in services/proof/rules.py) -------------------------------------------
def test_proof_needs_signed_order_signed_delivery_note_and_accepted_cgv(
    invoice: int, tmp_path: Path
) -> None:
    status = proof.proof_of(invoice)
    assert status.missing == ["order", "delivery", "cgv"]
    # an unsigned quote is not proof of the client's commitment
    documents.attach_files(Owner(invoice_id=invoice), [make_pdf(tmp_path / "q.pdf")], Meta("quote"))
    assert not proof.proof_of(invoice).order
    documents.attach_files(
        Owner(invoice_id=invoice),
        [make_pdf(tmp_path / "po.pdf", text="po")],
        Meta("purchase_order", signed=True),
    )
    documents.attach_files(
        Owner(invoice_id=invoice),
        [make_png(tmp_path / "bl.png")],
        Meta("delivery_note", signed=True),
    )
    status = proof.proof_of(invoice)
    assert (status.order, status.delivery, status.cgv) == (True, True, False)
    # no CGV versions kept: a signed CGV attached to the client is the proof
    client_id = lookups.client_id_for("ACME")
    documents.attach_files(
        Owner(client_id=client_id),
        [make_pdf(tmp_path / "cgv.pdf", text="cgv")],
        Meta("cgv", signed=True, signed_on=dt.date(2024, 12, 1)),
    )
    assert proof.proof_of(invoice).complete


def test_a_framework_contract_on_the_client_covers_its_invoices(
    invoice: int, tmp_path: Path
) -> None:
    client_id = lookups.client_id_for("ACME")
    documents.attach_files(
        Owner(client_id=client_id), [make_pdf(tmp_path / "c.pdf")], Meta("contract", signed=True)
    )
    assert proof.proof_of(invoice).order
    other = add_invoice("F-002", issue="2025-04-01").id
    assert proof.proof_of(other).order


def test_cgv_version_in_force_on_the_issue_date_must_be_accepted_before_it(
    invoice: int, tmp_path: Path
) -> None:
    v2024 = documents.add_cgv_version(
        "2024", dt.date(2024, 1, 1), make_pdf(tmp_path / "cgv2024.pdf", text="2024")
    )
    v2025 = documents.add_cgv_version(
        "2025", dt.date(2025, 2, 1), make_pdf(tmp_path / "cgv2025.pdf", text="2025")
    )
    assert v2025.document_id is not None
    client_id = lookups.client_id_for("ACME")
    # the client accepted the old version only: the invoice of March 2025 falls under 2025
    documents.record_acceptance(client_id, v2024.id, dt.date(2024, 3, 1))
    status = proof.proof_of(invoice)
    assert not status.cgv and status.cgv_version == "2025" and status.cgv_accepted_on is None
    # accepted after the invoice was issued: too late for that invoice
    documents.record_acceptance(client_id, v2025.id, dt.date(2025, 3, 15))
    assert not proof.proof_of(invoice).cgv
    # accepted before: proof on file; the invoice shows which version applied
    documents.record_acceptance(
        client_id,
        v2025.id,
        dt.date(2025, 2, 10),
        signed_copy=documents.ingest(make_png(tmp_path / "signed.png")),
    )
    status = proof.proof_of(invoice)
    assert (
        status.cgv
        and status.cgv_version == "2025"
        and status.cgv_accepted_on == dt.date(2025, 2, 10)
    )
    # an invoice of 2024 falls under the 2024 version, accepted in March 2024
    old = add_invoice("F-000", issue="2024-06-01").id
    assert proof.proof_of(old).cgv and proof.proof_of(old).cgv_version == "2024"
    assert [a.cgv_label for a in documents.acceptances(client_id)] == ["2024", "2025"]


def test_a_signed_cgv_attached_to_a_client_records_its_acceptance(
    invoice: int, tmp_path: Path
) -> None:
    documents.add_cgv_version("2025", dt.date(2025, 1, 1))
    client_id = lookups.client_id_for("ACME")
    documents.attach_files(
        Owner(client_id=client_id),
        [make_pdf(tmp_path / "cgv-signed.pdf")],
        Meta("cgv", signed=True, signed_on=dt.date(2025, 1, 5)),
    )
    [acceptance] = documents.acceptances(client_id)
    assert acceptance.cgv_label == "2025" and acceptance.accepted_on == dt.date(2025, 1, 5)
    assert acceptance.document_id is not None
    assert proof.proof_of(invoice).cgv


def test_cgv_versions_refuse_duplicates(tmp_path: Path) -> None:
    documents.add_cgv_version("2025", dt.date(2025, 1, 1))
    with pytest.raises(UserError):
        documents.add_cgv_version("2025", dt.date(2025, 6, 1))
    with pytest.raises(UserError):
        documents.add_cgv_version("2025-bis", dt.date(2025, 1, 1))


def test_the_missing_proof_expression_filters_in_sql(invoice: int, tmp_path: Path) -> None:
    from models import Invoice

    complete = add_invoice("F-010", issue="2025-03-05").id
    owner = Owner(invoice_id=complete)
    documents.attach_files(
        owner, [make_pdf(tmp_path / "po.pdf")], Meta("purchase_order", signed=True)
    )
    documents.attach_files(
        owner, [make_png(tmp_path / "bl.png")], Meta("delivery_note", signed=True)
    )
    documents.attach_files(
        owner, [make_pdf(tmp_path / "cgv.pdf", text="c")], Meta("cgv", signed=True)
    )
    with db.reading() as s:
        missing = set(s.scalars(select(Invoice.number).where(proof.missing_expr())))
    assert missing == {"F-001"}
    statuses = proof.proof_map([invoice, complete])
    assert statuses[complete].complete and statuses[invoice].missing == ["order", "delivery", "cgv"]


def test_deleting_a_client_or_an_invoice_that_holds_proof_is_refused(
    invoice: int, tmp_path: Path
) -> None:
    from services.ledger import invoices as invoice_service

    documents.attach_files(Owner(invoice_id=invoice), [make_pdf(tmp_path / "a.pdf")], Meta("quote"))
    with pytest.raises(UserError) as caught:
        invoice_service.delete_invoice(invoice)
    assert "documents" in caught.value.render()


def test_the_python_proof_rules_agree_with_the_sql_ones(invoice: int, tmp_path: Path) -> None:
    """proof_map (Python, for lists) and the SQL expressions (filters) on a mixed set."""
    from models import Invoice

    client_id = lookups.client_id_for("ACME")
    add_client("BETA")
    ids = [invoice] + [
        add_invoice(f"F-1{n}", client="BETA" if n % 2 else "ACME", issue=f"2025-0{1 + n % 5}-10").id
        for n in range(8)
    ]
    documents.add_cgv_version("2025-03", dt.date(2025, 3, 1))
    documents.record_acceptance(
        client_id, documents.cgv_version_id_for("2025-03"), dt.date(2025, 3, 1)
    )
    beta = lookups.client_id_for("BETA")
    documents.attach_files(
        Owner(client_id=beta), [make_pdf(tmp_path / "contract.pdf")], Meta("contract", signed=True)
    )
    documents.attach_files(
        Owner(client_id=beta), [make_pdf(tmp_path / "cgv.pdf", text="c")], Meta("cgv", signed=True)
    )
    for n, invoice_id in enumerate(ids):
        if n % 3 == 0:
            documents.attach_files(
                Owner(invoice_id=invoice_id),
                [make_png(tmp_path / f"bl{n}.png", "white")],
                Meta("delivery_note", signed=n % 2 == 0),
            )
        if n % 4 == 1:
            documents.attach_files(
                Owner(invoice_id=invoice_id),
                [make_pdf(tmp_path / f"q{n}.pdf", text=str(n))],
                Meta("quote", signed=True),
            )
    python = proof.proof_map(ids)
    with db.reading() as s:
        rows = s.execute(
            select(Invoice.id, proof.order_expr(), proof.delivery_expr(), proof.cgv_expr()).where(
                Invoice.id.in_(ids)
            )
        ).all()
    sql = {i: (bool(o), bool(d), bool(c)) for i, o, d, c in rows}
    assert {i: (p.order, p.delivery, p.cgv) for i, p in python.items()} == sql
    assert len({v for v in sql.values()}) > 2  # the set really mixes cases
