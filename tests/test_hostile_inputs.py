"""Hostile inputs get a message, never "an unexpected problem", and one thing has one
identity (issue #11, points 5 and 6).

Point 5: CSV values of any size up to a limit, imports bounded by a file-size limit, only
regular files for ``import`` and ``attach`` (a FIFO or a device refused at once, never waited
on), dates outside 1900-01-01 … 2100-12-31 and digits other than 0-9 refused everywhere, a
file decoded entirely in one encoding or refused with the line of the first bad byte, a
header-only CSV refused, a file rewritten while it is attached refused.

Point 6: client codes and invoice numbers normalised (NFC, trimmed) and refused with a
control, format (zero-width, bidirectional) or no-break character; invoice numbers unique
without regard to case; names refuse control characters (tabs and newlines only in notes
and addresses); the command line never prints a control character raw.

Each test asserts the message (its field or line) and that nothing was written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from models import SCHEMA_REVISION, Client, Document, Invoice, Payment
from services.core import db, lookups, terms
from services.core import settings as book_settings
from services.core.errors import UserError
from services.core.money import parse_amount
from services.core.paths import migrations_path
from services.core.text import clean_identifier, clean_text, visible
from services.ledger import clients, imports, invoices
from services.proof import documents, store
from tests.helpers_cli import ROOT, frozen_book_path, open_book, run_cli, write_csv

ARABIC_123 = "\u0661\u0662\u0663"  # "١٢٣"


@pytest.fixture
def cli_book(tmp_path: Path) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path)


@pytest.fixture
def book(cli_book: Path) -> Path:
    """ACME with one invoice, F2025-0001."""
    with open_book(cli_book):
        clients.create_client({"code": "ACME", "name": "Acme Menuiserie", "kind": "pro"})
        invoices.create_invoice(
            {
                "number": "F2025-0001",
                "client": "ACME",
                "issue_date": "2026-01-05",
                "total": "1200.00",
            }
        )
    return cli_book


def counts(path: Path) -> tuple[int, int, int, int]:
    """(clients, invoices, payments, documents) in the book."""
    with open_book(path), db.reading() as s:
        return tuple(
            s.scalar(select(func.count(model.id))) or 0  # type: ignore[return-value]
            for model in (Client, Invoice, Payment, Document)
        )


def stored_files(path: Path) -> list[Path]:
    """Every file in the book's document store (objects and partial copies)."""
    root = path.with_suffix(".documents")
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def run_bounded(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS…`` in a fresh interpreter that must end within ``timeout``
    seconds (a command blocked on a FIFO fails the test instead of hanging it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def pdf_bytes(size: int) -> bytes:
    return b"%PDF-1.4\n" + b"0" * (size - 9)


# == point 5: files that are not regular files ====================================


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_a_fifo_is_refused_by_import_and_attach_without_waiting(book: Path, tmp_path: Path) -> None:
    """issue #11: 'A FIFO given to attach or import blocks forever.'"""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    before = counts(book)
    for argv in (
        ["import", "invoices", str(fifo)],
        ["attach", "--client", "ACME", "--kind", "other", str(fifo)],
    ):
        run = run_bounded("--db", str(book), *argv)  # TimeoutExpired if it ever blocks
        assert run.returncode == 1, run.stderr
        assert "pipe.csv is not an ordinary file (a pipe, a device or a socket)" in run.stderr
        assert "Traceback" not in run.stderr and "unexpected problem" not in run.stderr
    assert counts(book) == before and stored_files(book) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_the_regular_file_check_never_opens_a_fifo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """require_regular_file (shared with restore) decides from stat, before any open."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    opened: list[object] = []
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a) or -1)
    with pytest.raises(UserError) as caught:
        store.require_regular_file(fifo, "file")
    assert caught.value.field == "file" and str(fifo) in caught.value.render()
    with pytest.raises(UserError):
        store.open_regular(fifo, "file")
    with pytest.raises(UserError):
        imports.read_table(fifo)
    if Path("/dev/zero").exists():  # a device: refused the same way, never read
        with pytest.raises(UserError):
            imports.read_table(Path("/dev/zero"))
    assert opened == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_at_once(book: Path) -> None:
    """issue #11: 'import invoices /dev/zero' read the whole (endless) file into memory.
    Refused from stat, before any read (test_the_regular_file_check_never_opens_a_fifo)."""
    run = run_bounded("--db", str(book), "import", "invoices", "/dev/zero", timeout=30)
    assert run.returncode == 1
    assert run.stderr.strip() == (
        "error: File: /dev/zero is not an ordinary file "
        "(a pipe, a device or a socket) and cannot be read"
    )
    run = run_bounded(
        "--db", str(book), "attach", "--client", "ACME", "--kind", "other", "/dev/zero", timeout=30
    )
    assert run.returncode == 1 and "zero is not an ordinary file" in run.stderr
    assert counts(book) == (1, 1, 0, 0) and stored_files(book) == []


def test_a_folder_is_refused_by_import_and_attach(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    run = run_cli(capsys, book, "import", "clients", str(folder))
    assert run.code == 1 and run.err_lines == [f"error: File: {folder} is a folder, not a file"]
    run = run_cli(capsys, book, "attach", "--client", "ACME", "--kind", "other", str(folder))
    assert run.code == 1 and run.err_lines == ["error: File: folder.csv is a folder, not a file"]
    assert counts(book) == (1, 1, 0, 0)


# == point 5: sizes ===================================================================


def test_a_value_beyond_csvs_own_128_kib_limit_imports(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue #11: a CSV field over 128 KiB gave 'an unexpected problem' (csv.field_size_limit)."""
    notes = "x" * (200 * 1024)
    path = write_csv(tmp_path / "c.csv", f'code,name,notes\nBIG,Big notes,"{notes}"\n')
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 0, run.err
    with open_book(cli_book), db.reading() as s:
        assert s.scalar(select(Client.notes).where(Client.code == "BIG")) == notes


def test_a_value_beyond_the_limit_is_refused_with_its_line(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert book_settings.DEFAULT_MAX_FIELD_KIB == 256
    path = write_csv(
        tmp_path / "c.csv", f'code,name,notes\nOK,Fine,\nBIG,Big notes,"{"x" * (300 * 1024)}"\n'
    )
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines == [
        f"error: File: line 3 of {path} holds a value of 300 KiB, "
        "over the limit of 256 KiB for one value."
    ]
    assert counts(cli_book) == (0, 0, 0, 0)
    # the limit is a setting
    with open_book(cli_book):
        book_settings.save({"import_max_field_kib": 512})
    assert run_cli(capsys, cli_book, "import", "clients", str(path)).code == 0
    assert counts(cli_book)[0] == 2


def test_a_file_beyond_the_size_limit_is_refused_naming_file_and_limit(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"C{i:06d},Client {i}\n" for i in range(80_000))  # ~1.5 MB
    path = write_csv(tmp_path / "big.csv", "code,name\n" + rows)
    assert path.stat().st_size > 1_048_576
    with open_book(cli_book):
        book_settings.save({"import_max_file_mb": 1})
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines == [
        f"error: File: the file {path} is larger than the limit of 1 MB for an import."
    ]
    assert counts(cli_book) == (0, 0, 0, 0)


def test_the_read_stops_at_the_limit_even_when_stat_says_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows after its size was looked at is cut at the limit, then refused:
    never more than the limit is read into memory."""
    path = write_csv(tmp_path / "c.csv", "code,name\n" + "A,B\n" * 100_000)  # 400 kB
    real_require = store.require_regular_file

    def shrunk(*args: object, **kwargs: object) -> os.stat_result:
        info = real_require(*args, **kwargs)  # type: ignore[arg-type]
        return os.stat_result((info.st_mode, 0, 0, 0, 0, 0, 10, 0, 0, 0))

    monkeypatch.setattr(imports, "require_regular_file", shrunk)
    reads: list[int] = []
    real_open = store.open_regular

    def counting_open(*args: object, **kwargs: object) -> object:
        fh = real_open(*args, **kwargs)  # type: ignore[arg-type]
        read = fh.read

        def counted(n: int = -1) -> bytes:
            data = read(n)
            reads.append(len(data))
            return data

        fh.read = counted  # type: ignore[method-assign]
        return fh

    monkeypatch.setattr(imports, "open_regular", counting_open)
    with pytest.raises(UserError) as caught:
        imports.read_table(path, max_file_bytes=100_000)
    assert caught.value.message == imports.MSG_FILE_TOO_BIG
    assert sum(reads) == 100_001


def test_a_header_only_csv_is_refused(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "h.csv", "code,name\n\n")
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines == [f"error: File: the file {path} has a header line but no rows."]
    assert run_cli(capsys, cli_book, "import", "clients", str(path), "--dry-run").code == 1


# == point 5: encodings =============================================================


def test_a_file_mixing_utf8_and_windows_1252_gives_the_line(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue #11: such a file imported as 'CafÃ©'."""
    data = (
        b"code,name\n"
        + "CAFE,Café de la Gare\n".encode()
        + "CREME,Crème et Cie\n".encode("cp1252")
        + b"OK,Ok\n"
    )
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines == [
        f"error: File: the file {path} mixes text encodings: line 3 is not "
        "UTF-8 like the other lines. Save the file again as UTF-8."
    ]
    assert counts(cli_book) == (0, 0, 0, 0)
    # the other way round: the first bad byte is on line 2
    path.write_bytes(b"code,name\n" + "CREME,Crème\n".encode("cp1252") + "CAFE,Café\n".encode())
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1 and "line 2 is not UTF-8" in run.err


@pytest.mark.parametrize(
    ("data", "encoding", "line"),
    [
        (b"\xef\xbb\xbfcode,name\nA,Caf\xc3\xa9\nB,Cr\xe8me\n", "UTF-8", 3),  # BOM, then cp1252
        (b"code,name\nA,B\nC,\x81\x8d\n", "Windows-1252", 3),  # bytes Windows-1252 leaves undefined
    ],
)
def test_a_byte_that_is_no_character_gives_the_line(data: bytes, encoding: str, line: int) -> None:
    with pytest.raises(UserError) as caught:
        imports.decode(data, "f.csv")
    assert caught.value.render() == (
        f"File: the file f.csv is not valid {encoding}: line {line} "
        "holds a byte that is not a character. "
        "Save the file again as UTF-8."
    )


def test_one_encoding_throughout_is_read() -> None:
    assert imports.decode("Société;Crème\n".encode("cp1252")) == ("Société;Crème\n", "cp1252")
    assert imports.decode("Société;Crème\n".encode()) == ("Société;Crème\n", "utf-8")
    assert imports.decode(b"\xef\xbb\xbf" + "Société\n".encode()) == ("Société\n", "utf-8-sig")


# == point 5: dates and digits ===========================================================


@pytest.mark.parametrize(
    "command", [["penalties", "--invoice", "F2025-0001"], ["invoices"], ["clients"], ["alerts"]]
)
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "31/12/2101", "1899-12-31"])
def test_a_date_option_outside_the_range_is_a_usage_error(
    book: Path, capsys: pytest.CaptureFixture[str], command: list[str], date: str
) -> None:
    """issue #11: 'a date of 9999-12-31 (OverflowError, also in penalties)'."""
    run = run_cli(capsys, book, *command, "--date", date)
    assert run.code == 2
    assert "is outside the dates Encaisse accepts (1900-01-01 to 2100-12-31)" in run.err
    assert "Traceback" not in run.err and "unexpected problem" not in run.err


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("1900-01-01", True),
        ("2100-12-31", True),
        ("31/12/2100", True),
        ("1899-12-31", False),
        ("2101-01-01", False),
        ("9999-12-31", False),
        ("0001-01-01", False),
    ],
)
def test_parse_date_bounds(text: str, ok: bool) -> None:
    if ok:
        assert terms.FIRST_DATE <= terms.parse_date(text, "issue_date") <= terms.LAST_DATE
        return
    with pytest.raises(UserError) as caught:
        terms.parse_date(text, "issue_date")
    assert caught.value.field == "issue_date"
    assert "outside the dates Encaisse accepts" in caught.value.render()


def test_dates_in_a_csv_outside_the_range_are_refused_with_their_line(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue #11: 'Issue date 0001-01-01 gives 739,921 days late.'"""
    path = write_csv(
        tmp_path / "i.csv",
        (
            "number,client,issue date,total,due date\n"
            "F1,ACME,9999-12-31,100.00,\n"
            "F2,ACME,0001-01-01,100.00,\n"
            "F3,ACME,2026-01-01,100.00,31/12/9999\n"
        ),
    )
    run = run_cli(capsys, book, "import", "invoices", str(path))
    assert run.code == 1
    assert run.err_lines[:-1] == [
        "line 2: issue date: 9999-12-31 is outside the dates Encaisse accepts "
        "(1900-01-01 to 2100-12-31).",
        "line 3: issue date: 0001-01-01 is outside the dates Encaisse accepts "
        "(1900-01-01 to 2100-12-31).",
        "line 4: due date: 9999-12-31 is outside the dates Encaisse accepts "
        "(1900-01-01 to 2100-12-31).",
    ]
    assert counts(book) == (1, 1, 0, 0)


def test_a_date_from_the_editor_outside_the_range_is_refused(book: Path) -> None:
    with open_book(book):
        with pytest.raises(UserError) as caught:
            invoices.create_invoice(
                {
                    "number": "F9",
                    "client": "ACME",
                    "total": "10",
                    "issue_date": dt.date(9999, 12, 31),
                }
            )
        assert caught.value.field == "issue_date"
    assert counts(book) == (1, 1, 0, 0)


def test_arabic_indic_digits_are_refused_in_amounts_dates_and_terms(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue #11: 'Arabic-Indic digits pass as amounts' (Decimal('١٢٣') == 123)."""
    with pytest.raises(UserError) as caught:
        parse_amount(ARABIC_123, "total")
    assert caught.value.render() == (
        f"Total incl. VAT: '{ARABIC_123}' holds digits other than 0-9; "
        "type it again with the digits 0 to 9."
    )
    for date in ("\u0662\u0660\u0662\u0666-01-05", "２０２６-01-05"):  # Arabic-Indic, full-width
        with pytest.raises(UserError):
            terms.parse_date(date, "issue_date")
    with pytest.raises(UserError):
        terms.parse_terms("\u0663\u0660 jours")
    path = write_csv(
        tmp_path / "i.csv", f"number,client,issue date,total\nF9,ACME,2026-01-05,{ARABIC_123}\n"
    )
    run = run_cli(capsys, book, "import", "invoices", str(path))
    assert run.code == 1
    assert run.err_lines[0] == (
        f"line 2: total: '{ARABIC_123}' holds digits other than 0-9; "
        "type it again with the digits 0 to 9."
    )
    assert counts(book) == (1, 1, 0, 0)


@given(
    st.integers(0, 10**9),
    st.characters(categories=("Nd",), exclude_characters="0123456789"),
    st.data(),
)
@settings(max_examples=200)
def test_no_amount_with_a_non_ascii_digit_is_ever_accepted(
    number: int, digit: str, data: st.DataObject
) -> None:
    """Any amount with one of its digits written in another script (which Decimal() reads)."""
    plain_ = f"{number},50"
    at = data.draw(st.integers(0, len(str(number)) - 1))
    with pytest.raises(UserError) as caught:
        parse_amount(plain_[:at] + digit + plain_[at + 1 :], "amount")
    assert caught.value.field == "amount"


# == point 5: a file changed while it is attached ========================================


@pytest.mark.parametrize("change", ["append", "same size, time put back"])
def test_a_file_rewritten_while_attached_is_refused(
    book: Path, tmp_path: Path, change: str
) -> None:
    """issue #11: 'a file rewritten while being attached is stored torn and check says ok'."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(3 * store.CHUNK))
    info = path.stat()

    def rewrite(done: int, total: int) -> None:
        if done != store.CHUNK:  # once, after the first chunk was copied
            return
        with path.open("r+b") as fh:
            if change == "append":
                fh.seek(0, os.SEEK_END)
                fh.write(b"more")
            else:
                fh.seek(store.CHUNK // 2)  # a part already copied: the copy would be torn
                fh.write(b"1" * 100)
        if change != "append":
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    with open_book(book), db.reading() as s:
        owner = documents.Owner(client_id=s.scalar(select(Client.id)))
    with open_book(book), pytest.raises(UserError) as caught:
        documents.attach_files(owner, [path], documents.Meta(kind="other"), progress=rewrite)
    assert caught.value.message == store.MSG_CHANGED and caught.value.field == "file"
    assert "scan.pdf changed while it was being copied" in caught.value.render()
    assert counts(book)[3] == 0 and stored_files(book) == []
    # left alone, the same file is attached
    with open_book(book):
        [row] = documents.attach_files(owner, [path], documents.Meta(kind="other"))
    assert row.size == path.stat().st_size


# == point 6: one identity per thing ====================================================


LOOKALIKE_CODES = [
    ("AC\u200bME", "U+200B, character 3"),  # zero-width space
    ("ACME\u200b", "U+200B, character 5"),
    ("AC\u00a0ME", "U+00A0, character 3"),  # no-break space
    ("AC\u202fME", "U+202F, character 3"),  # narrow no-break space
    ("AC\u2060ME", "U+2060, character 3"),  # word joiner
    ("\u202eACME", "U+202E, character 1"),  # right-to-left override
    ("AC\x00ME", "U+0000, character 3"),  # NUL
    ("AC\tME", "U+0009, character 3"),
]


@pytest.mark.parametrize(("code", "where"), LOOKALIKE_CODES)
def test_a_look_alike_client_code_is_refused(book: Path, code: str, where: str) -> None:
    with open_book(book), pytest.raises(UserError) as caught:
        clients.create_client({"code": code, "name": "Fake Acme"})
    assert caught.value.field == "code"
    assert caught.value.render() == (
        "Code: contains an invisible, control or no-break "
        f"character ({where}); type it again with ordinary "
        "characters."
    )
    assert counts(book)[0] == 1


@pytest.mark.parametrize("code", ["acme", "Acme", " ACME ", "ACME\u00a0", "\u3000ACME"])
def test_the_same_client_code_in_other_case_or_padding_is_taken(book: Path, code: str) -> None:
    with open_book(book), pytest.raises(UserError) as caught:
        clients.create_client({"code": code, "name": "Fake Acme"})
    assert caught.value.message == clients.MSG_CODE_TAKEN
    assert counts(book)[0] == 1


def test_client_codes_are_stored_in_nfc(cli_book: Path) -> None:
    with open_book(cli_book):
        row = clients.create_client({"code": "E\u0301COLE", "name": "École"})  # e + acute
        assert row.code == "\u00c9COLE"
        with pytest.raises(UserError) as caught:
            clients.create_client({"code": "\u00c9COLE", "name": "Twin"})
        assert caught.value.message == clients.MSG_CODE_TAKEN
        with db.reading() as s:  # found whichever form is typed
            assert lookups.client_id(s, "E\u0301COLE") == row.id


def test_look_alike_client_codes_in_a_csv_are_refused(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        (
            "code,name\n"
            "AC\u200bME,Zero width\n"
            "AC\u00a0ME,No-break\n"
            "\u202eACME,Override\n"
            "acme,Lower case\n"
            "NEW,Fine\n"
        ),
    )
    run = run_cli(capsys, book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines[:-1] == [
        "line 2: code: contains an invisible, control or no-break character (U+200B, "
        "character 3); type it again with ordinary characters.",
        "line 3: code: contains an invisible, control or no-break character (U+00A0, "
        "character 3); type it again with ordinary characters.",
        "line 4: code: contains an invisible, control or no-break character (U+202E, "
        "character 1); type it again with ordinary characters.",
        "line 5: code: the code 'acme' is already used by another client.",
    ]
    assert "\u200b" not in run.err and "\u202e" not in run.err  # shown escaped, if at all
    assert counts(book)[0] == 1


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("f2025-0001", "the number 'f2025-0001' is already used."),
        ("F2025-0001 ", "the number 'F2025-0001' is already used."),
        (
            "F2025-\u200b0001",
            "contains an invisible, control or no-break character (U+200B, "
            "character 7); type it again with ordinary characters.",
        ),
        (
            "F2025\u00a0-0001",
            "contains an invisible, control or no-break character (U+00A0, "
            "character 6); type it again with ordinary characters.",
        ),
        (
            "\u202eF2025-0001",
            "contains an invisible, control or no-break character (U+202E, "
            "character 1); type it again with ordinary characters.",
        ),
        (
            "F2025-0001\x00",
            "contains an invisible, control or no-break character (U+0000, "
            "character 11); type it again with ordinary characters.",
        ),
    ],
)
def test_a_look_alike_invoice_number_is_refused(book: Path, number: str, message: str) -> None:
    """issue #11: 'invoice numbers f2025-0001 and F2025-\\u200b0001 accepted next to
    F2025-0001'."""
    with open_book(book), pytest.raises(UserError) as caught:
        invoices.create_invoice(
            {"number": number, "client": "ACME", "issue_date": "2026-02-01", "total": "10"}
        )
    assert caught.value.field == "number"
    assert caught.value.render() == f"Number: {message}"
    assert counts(book)[1] == 1


def test_look_alike_invoice_numbers_in_a_csv_are_refused(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "i.csv",
        (
            "number,client,issue date,total\n"
            "f2025-0001,ACME,2026-02-01,10\n"
            "F2025-\u200b0001,ACME,2026-02-01,10\n"
            "G-1,ACME,2026-02-01,10\n"
            "g-1,ACME,2026-02-01,10\n"
        ),
    )
    run = run_cli(capsys, book, "import", "invoices", str(path))
    assert run.code == 1
    assert run.err_lines[:-1] == [
        "line 2: number: the number 'f2025-0001' is already used.",
        "line 3: number: contains an invisible, control or no-break character (U+200B, "
        "character 7); type it again with ordinary characters.",
        "line 5: number: the number 'g-1' appears twice in the file (first on line 4).",
    ]
    assert counts(book)[1] == 1


def test_an_invoice_renumbered_onto_another_in_other_case_is_refused(book: Path) -> None:
    with open_book(book):
        row, _ = invoices.create_invoice(
            {"number": "F2025-0002", "client": "ACME", "issue_date": "2026-02-01", "total": "10"}
        )
        with pytest.raises(UserError) as caught:
            invoices.update_invoice(
                row.id,
                {
                    "number": "f2025-0001",
                    "client": "ACME",
                    "issue_date": "2026-02-01",
                    "total": "10",
                },
            )
        assert caught.value.message == invoices.MSG_NUMBER_TAKEN
        # its own number in another case is fine, and found whichever case is typed
        again, _ = invoices.update_invoice(
            row.id,
            {"number": "f2025-0002", "client": "ACME", "issue_date": "2026-02-01", "total": "10"},
        )
        assert again.number == "f2025-0002"
        with db.reading() as s:
            assert lookups.invoice_id(s, "F2025-0002") == row.id


def test_the_database_refuses_numbers_differing_only_in_case(book: Path) -> None:
    """The unique index on lower(number) (migration 0006) holds even without the service."""
    with open_book(book) as database, database.engine.begin() as conn:
        client_id = conn.execute(text("SELECT id FROM clients")).scalar()
        with pytest.raises(IntegrityError):
            conn.execute(
                text(
                    "INSERT INTO invoices (number, client_id, kind, issue_date, terms, due_date,"
                    " due_date_manual, total, currency, po_number, notes, disputed, allocated,"
                    " search_key, created_at, updated_at) VALUES ('f2025-0001', :c, 'invoice',"
                    " '2026-01-05', '', '2026-02-05', 0, 100, 'EUR', '', '', 0, 0, '',"
                    " '2026-01-05 10:00:00', '2026-01-05 10:00:00')"
                ),
                {"c": client_id},
            )


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


def test_an_old_book_holding_case_duplicates_still_opens(
    cli_book: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Migration 0006 must not fail on numbers that already differ only in case: the index
    is made without uniqueness, the log names them, the services still refuse a third."""
    old = db.Database(db.database_url(cli_book))
    cfg = _config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    stamp = "2026-01-02 10:00:00.000000"
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, code, name, kind, contact, address, postcode, city,"
                " country, email, phone, siren, siret, vat_number, language, terms, credit_limit,"
                " notes,"
                " search_key, created_at, updated_at) VALUES (1, 'OLD', 'Old', 'pro', '', '', '',"
                " '', 'FR', '', '', '', '', '', 'fr', '', NULL, '', 'old', :at, :at)"
            ),
            {"at": stamp},
        )
        for iid, number in ((1, "F-1"), (2, "f-1")):
            conn.execute(
                text(
                    "INSERT INTO invoices (id, number, client_id, kind, issue_date, terms,"
                    " due_date, due_date_manual, total, currency, po_number, notes, disputed,"
                    " allocated,"
                    " search_key, created_at, updated_at) VALUES (:id, :n, 1, 'invoice',"
                    " '2026-01-02', '', '2026-02-01', 0, 1000, 'EUR', '', '', 0, 0, '', :at, :at)"
                ),
                {"id": iid, "n": number, "at": stamp},
            )
    old.dispose()
    with caplog.at_level(logging.WARNING):
        database = db.open_database(cli_book)
    try:
        assert database.current_revision() == SCHEMA_REVISION  # 0006 and any later one
        assert "invoice numbers that differ only in case" in caplog.text
        assert "F-1, f-1" in caplog.text
        with database.engine.connect() as conn:
            unique = conn.execute(
                text(
                    "SELECT \"unique\" FROM pragma_index_list('invoices') "
                    "WHERE name = 'ix_invoices_number_lower'"
                )
            ).scalar()
        assert unique == 0
        with pytest.raises(UserError) as caught:
            invoices.create_invoice(
                {"number": "F-1 ", "client": "OLD", "issue_date": "2026-02-01", "total": "10"}
            )
        assert caught.value.message == invoices.MSG_NUMBER_TAKEN
        # each of the two stays editable under its own number
        row, _ = invoices.update_invoice(
            2, {"number": "f-1", "client": "OLD", "issue_date": "2026-01-02", "total": "20"}
        )
        assert (row.number, str(row.total)) == ("f-1", "20.00")
    finally:
        db.close()


# == point 6: names and texts =========================================================


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("name", "Acme\n\x1b[31mRED", "U+000A, character 5"),
        ("name", "Acme\x1b[31m", "U+001B, character 5"),
        ("name", "Acme\tSARL", "U+0009, character 5"),
        ("name", "Acme\u202e", "U+202E, character 5"),
        ("city", "Lyon\r", None),  # trimmed: a trailing CR is whitespace
        ("city", "Ly\ron", "U+000D, character 3"),
        ("contact", "Jean\x00", "U+0000, character 5"),
    ],
)
def test_names_refuse_control_characters(
    cli_book: Path, field: str, value: str, where: str | None
) -> None:
    data = {"code": "NEW", "name": "New", field: value}
    with open_book(cli_book):
        if where is None:
            clients.create_client(data)
            return
        with pytest.raises(UserError) as caught:
            clients.create_client(data)
    assert caught.value.field == field
    assert caught.value.reason() == (
        f"contains a control character ({where}), which is not allowed here."
    )
    assert counts(cli_book) == (0, 0, 0, 0)


def test_notes_and_addresses_keep_tabs_and_newlines(book: Path) -> None:
    with open_book(book):
        row = clients.create_client(
            {"code": "NEW", "name": "New", "address": "1 rue Haute\r\nBât. B", "notes": "a\tb\nc"}
        )
        assert (row.address, row.notes) == ("1 rue Haute\nBât. B", "a\tb\nc")
        with pytest.raises(UserError) as caught:
            clients.create_client({"code": "NEW2", "name": "New", "notes": "ring\x07"})
        assert caught.value.field == "notes"
        inv, _ = invoices.create_invoice(
            {
                "number": "F9",
                "client": "ACME",
                "total": "10",
                "issue_date": "2026-02-01",
                "notes": "l1\n\tl2",
            }
        )
        with db.reading() as s:
            assert s.get(Invoice, inv.id).notes == "l1\n\tl2"  # type: ignore[union-attr]
        with pytest.raises(UserError) as caught:
            invoices.create_invoice(
                {
                    "number": "F10",
                    "client": "ACME",
                    "total": "10",
                    "issue_date": "2026-02-01",
                    "po_number": "PO\n1",
                }
            )
        assert caught.value.field == "po_number"


def test_a_name_with_a_terminal_escape_is_refused_in_a_csv(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "c.csv", 'code,name\nEVIL,"Evil\n\x1b[31mRED"\n')
    run = run_cli(capsys, cli_book, "import", "clients", str(path))
    assert run.code == 1
    assert run.err_lines[0] == (
        "line 2: name: contains a control character (U+000A, "
        "character 5), which is not allowed here."
    )
    assert "\x1b" not in run.err
    assert counts(cli_book) == (0, 0, 0, 0)


# == point 6: the command line never prints a control character raw ======================

BAD_NAME = "Evil\n\x1b[31mRED\u202eX\x9b2J"


def _plant_bad_name(path: Path) -> None:
    """An old book, written before the checks: the name goes in with SQL."""
    with open_book(path) as database, database.engine.begin() as conn:
        conn.execute(text("UPDATE clients SET name = :n WHERE code = 'ACME'"), {"n": BAD_NAME})


def _raw_controls(output: str) -> set[str]:
    return {c for c in output if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")}


def test_text_output_of_a_bad_name_from_an_old_book_shows_no_control_character(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant_bad_name(book)
    run = run_cli(capsys, book, "clients")
    assert run.code == 0, run.err
    assert _raw_controls(run.out) == set()
    [acme] = [line for line in run.out.splitlines() if line.startswith("ACME")]
    assert "Evil\\u000a\\u001b[31mRED\\u202eX\\u009b2J" in acme  # one line, visible escapes
    run = run_cli(capsys, book, "invoices")
    assert run.code == 0 and _raw_controls(run.out) == set()
    assert len(run.out.splitlines()) == 5  # as of, header, rule, F2025-0001, total: no more


def test_json_output_of_a_bad_name_is_valid_and_exact(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON is data: the name comes back exactly, yet no raw control character is printed
    (json.dumps leaves DEL, the C1 controls such as U+009B and the format characters raw)."""
    _plant_bad_name(book)
    for command_ in ("clients", "invoices"):
        run = run_cli(capsys, book, command_, "--json")
        assert run.code == 0 and _raw_controls(run.out) == set()
        names = {
            row.get("name", row.get("client_name"))
            for row in run.json()["clients" if command_ == "clients" else "invoices"]
        }
        assert BAD_NAME in names


def test_an_error_message_shows_no_control_character(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, book, "penalties", "--invoice", "NOPE\x1b[2J\u202e")
    assert run.code == 1
    assert run.err_lines == ["error: Invoice: no invoice has the number 'NOPE\\u001b[2J\\u202e'."]
    run = run_cli(capsys, book, "invoices", "--date", "2026-01-01\x1b[2J")
    assert run.code == 2 and "\x1b" not in run.err


# == properties ======================================================================

_HOSTILE = st.characters(categories=("Cc", "Cf"))


@given(st.text(max_size=6), _HOSTILE, st.text(max_size=6))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_no_code_with_a_control_or_format_character_is_ever_accepted(
    before: str, hostile: str, after: str
) -> None:
    code = before + hostile + after
    stripped = unicodedata.normalize("NFC", code).strip()
    if hostile not in stripped:  # trimmed away (a tab or a newline at an end): nothing left
        return
    with pytest.raises(UserError) as caught:
        clean_identifier(code, "code")
    assert caught.value.field == "code"


@given(st.text(max_size=20))
@settings(max_examples=300)
def test_an_accepted_code_holds_only_visible_characters(code: str) -> None:
    try:
        clean = clean_identifier(code, "code")
    except UserError:
        return
    assert clean == unicodedata.normalize("NFC", clean) == clean.strip()
    assert all(c == " " or unicodedata.category(c)[0] not in "CZ" for c in clean)


@given(st.text(max_size=30))
@settings(max_examples=300)
def test_visible_text_never_holds_a_control_character(value: str) -> None:
    shown = visible(value)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in shown)
    json_text = visible(json.dumps({"v": value}, ensure_ascii=False), keep="\n")
    assert json.loads(json_text) == {"v": value}  # an escape means the same in JSON


@given(st.text(max_size=30))
@settings(max_examples=200)
def test_a_single_line_text_accepted_holds_no_control_character(value: str) -> None:
    try:
        clean = clean_text(value, "name")
    except UserError:
        return
    assert not any(unicodedata.category(c) == "Cc" for c in clean)
