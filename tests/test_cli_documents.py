"""Command line of the proof documents: attach, documents, evidence, check, and the
``proof`` object of ``invoices --json`` (issue: proof documents)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from services.ledger import clients, invoices
from services.proof import documents
from tests.helpers_cli import by_number, frozen_book_path, open_book, run_cli

DOC_KEYS = {
    "id",
    "kind",
    "title",
    "signed",
    "signed_on",
    "sha256",
    "size",
    "original_name",
    "invoice",
    "client",
}


@pytest.fixture
def cli_book(tmp_path: Path) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path)


def make_pdf(path: Path, pages: int = 1) -> Path:
    c = canvas.Canvas(str(path))
    for n in range(pages):
        c.drawString(72, 720, f"{path.stem} page {n + 1}")
        c.showPage()
    c.save()
    return path


@pytest.fixture
def book(cli_book: Path) -> Path:
    with open_book(cli_book):
        clients.create_client({"code": "ACME", "name": "Acme Menuiserie", "kind": "pro"})
        clients.create_client({"code": "BETA", "name": "Beta Conseil", "kind": "pro"})
        invoices.create_invoice(
            {"number": "F1", "client": "ACME", "issue_date": "2026-01-05", "total": "1200.00"}
        )
        invoices.create_invoice(
            {"number": "F2", "client": "ACME", "issue_date": "2026-02-20", "total": "600.00"}
        )
        invoices.create_invoice(
            {
                "number": "AV1",
                "client": "ACME",
                "kind": "credit_note",
                "issue_date": "2026-02-25",
                "total": "100.00",
            }
        )
    return cli_book


def test_attach_then_documents_json(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quote = make_pdf(tmp_path / "devis.pdf", 2)
    run = run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F1",
        "--kind",
        "quote",
        "--signed",
        "--signed-on",
        "2025-12-20",
        "--title",
        "Devis D-12",
        str(quote),
    )
    assert run.code == 0, run.err
    assert "attached devis.pdf as document 1" in run.out
    run = run_cli(capsys, book, "documents", "--invoice", "F1", "--json")
    assert run.code == 0, run.err
    [doc] = run.json()["documents"]
    assert set(doc) >= DOC_KEYS
    assert (doc["kind"], doc["title"], doc["signed"], doc["signed_on"]) == (
        "quote",
        "Devis D-12",
        True,
        "2025-12-20",
    )
    assert (doc["invoice"], doc["client"], doc["original_name"]) == ("F1", "ACME", "devis.pdf")
    assert doc["size"] == quote.stat().st_size and len(doc["sha256"]) == 64
    # the client view covers the invoice's documents; another client sees none
    assert (
        len(run_cli(capsys, book, "documents", "--client", "ACME", "--json").json()["documents"])
        == 1
    )
    assert run_cli(capsys, book, "documents", "--client", "BETA", "--json").json() == {
        "documents": []
    }
    text = run_cli(capsys, book, "documents")
    assert "Devis D-12" in text.out and "1 document" in text.out


def test_attach_several_files_is_all_or_nothing(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = make_pdf(tmp_path / "a.pdf")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"PK\x03\x04 not a proof")
    run = run_cli(
        capsys, book, "attach", "--client", "ACME", "--kind", "contract", str(good), str(bad)
    )
    assert run.code == 1
    assert run.err_lines == [
        "error: File: b.docx is neither a PDF nor an image (PNG, JPEG, TIFF, GIF, WebP)"
    ]
    assert run_cli(capsys, book, "documents", "--json").json() == {"documents": []}
    with open_book(book):
        assert documents.the_store().digests_on_disk() == set()


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["--invoice", "F404", "--kind", "quote"],
            "no invoice has the number 'F404'.",
        ),  # one message (issue #12)
        (["--client", "NOPE", "--kind", "quote"], "no client has the code 'NOPE'."),
    ],
)
def test_attach_to_something_unknown(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    run = run_cli(capsys, book, "attach", *argv, str(make_pdf(tmp_path / "x.pdf")))
    assert run.code == 1 and message in run.err


def test_attach_usage_errors(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = str(make_pdf(tmp_path / "x.pdf"))
    assert run_cli(capsys, book, "attach", "--kind", "quote", pdf).code == 2  # no owner
    assert (
        run_cli(
            capsys, book, "attach", "--invoice", "F1", "--client", "ACME", "--kind", "quote", pdf
        ).code
        == 2
    )
    assert run_cli(capsys, book, "attach", "--invoice", "F1", "--kind", "receipt", pdf).code == 2
    run = run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F1",
        "--kind",
        "quote",
        "--signed-on",
        "2026-01-01",
        pdf,
    )
    assert run.code == 2 and "--signed-on needs --signed" in run.err


def test_invoices_json_gains_proof(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F1",
        "--kind",
        "purchase_order",
        "--signed",
        str(make_pdf(tmp_path / "bdc.pdf")),
    )
    image = tmp_path / "bl.jpg"
    Image.new("RGB", (50, 50), "white").save(image)
    run_cli(
        capsys, book, "attach", "--invoice", "F1", "--kind", "delivery_note", "--signed", str(image)
    )
    run_cli(
        capsys,
        book,
        "attach",
        "--client",
        "ACME",
        "--kind",
        "cgv",
        "--signed",
        str(make_pdf(tmp_path / "cgv.pdf")),
    )
    rows = by_number(run_cli(capsys, book, "invoices", "--json").json())
    assert rows["F1"]["proof"] == {"order": True, "delivery": True, "cgv": True}
    assert rows["F2"]["proof"] == {"order": False, "delivery": False, "cgv": True}
    assert set(rows["AV1"]["proof"]) == {"order", "delivery", "cgv"}


def test_evidence_for_an_invoice(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F1",
        "--kind",
        "quote",
        "--signed",
        str(make_pdf(tmp_path / "devis.pdf", 2)),
    )
    run_cli(
        capsys,
        book,
        "attach",
        "--client",
        "ACME",
        "--kind",
        "cgv",
        "--signed",
        str(make_pdf(tmp_path / "cgv.pdf", 3)),
    )
    run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F2",
        "--kind",
        "quote",
        str(make_pdf(tmp_path / "other.pdf", 4)),
    )  # another invoice's: not in F1's file
    out = tmp_path / "out" / "preuves-F1.pdf"
    run = run_cli(capsys, book, "evidence", "--invoice", "F1", "--out", str(out))
    assert run.code == 0, run.err
    reader = PdfReader(str(out))
    cover = int(run.out.split("(")[1].split(" cover")[0])
    assert len(reader.pages) == cover + 2 + 3
    first = reader.pages[0].extract_text()
    assert "Acme Menuiserie" in first and "F1" in first
    # the client's file has everything
    run = run_cli(capsys, book, "evidence", "--client", "ACME", "--out", str(tmp_path / "acme.pdf"))
    assert run.code == 0, run.err
    assert "3 documents" in run.out


def test_evidence_refuses_a_damaged_store(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(
        capsys,
        book,
        "attach",
        "--invoice",
        "F1",
        "--kind",
        "quote",
        str(make_pdf(tmp_path / "d.pdf")),
    )
    with open_book(book):
        [doc] = documents.list_documents()
        path = documents.the_store().path_of(doc.sha256)
    os.chmod(path, 0o600)
    path.write_bytes(path.read_bytes() + b"tampered")
    run = run_cli(capsys, book, "evidence", "--invoice", "F1", "--out", str(tmp_path / "x.pdf"))
    assert run.code == 1 and "altered" in run.err
    assert not (tmp_path / "x.pdf").exists()


def test_check_reports_missing_and_altered_files(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b", "c"):
        run_cli(
            capsys,
            book,
            "attach",
            "--invoice",
            "F1",
            "--kind",
            "other",
            str(make_pdf(tmp_path / f"{name}.pdf")),
        )
    run = run_cli(capsys, book, "check")
    assert run.code == 0 and "3 documents verified: ok" in run.out
    payload = run_cli(capsys, book, "check", "--json").json()
    assert payload["ok"] is True and payload["documents"]["checked"] == 3
    with open_book(book):
        rows = documents.list_documents()
        the = documents.the_store()
        altered, missing = the.path_of(rows[0].sha256), the.path_of(rows[1].sha256)
    os.chmod(altered, 0o600)
    altered.write_bytes(b"%PDF-1.4 something else")
    os.chmod(missing, 0o600)
    missing.unlink()
    run = run_cli(capsys, book, "check")
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert any("was altered" in line and rows[0].sha256 in line for line in lines)
    assert any("is missing" in line and rows[1].sha256 in line for line in lines)
    payload = run_cli(capsys, book, "check", "--json").json()
    assert payload["ok"] is False
    assert sorted(p["kind"] for p in payload["documents"]["problems"]) == ["altered", "missing"]
    assert payload["database"] == {"ok": True, "problems": [], "notes": []}
    assert payload["totals"]["problems"] == []  # the running totals are sound (issue #11)
