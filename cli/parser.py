"""The command line's parser: every command, its options and their help.

The names, options and their meaning are a contract (see :mod:`cli`); ``args.command`` is
the command's name, None when no command is given (``main.py`` then opens the window).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import NoReturn

from models import DOCUMENT_KINDS
from services.core.errors import UserError
from services.core.terms import MSG_BAD_DATE, parse_date
from services.core.text import visible
from services.core.version import __version__
from services.ledger import imports

PROG = "encaisse"

DEMO_FORCE_HELP = (
    "add the demo data even if the database is not empty. Nothing existing is changed: "
    "the demo clients' codes and the demo invoice numbers get a 'DEMO-' prefix (DEMO2-, "
    "DEMO3-… if that one is taken) so they never collide with yours, and the company "
    "details are filled in only if they are still empty."
)


def _date_arg(text: str) -> dt.date:
    try:
        return parse_date(text, "date")
    except UserError as exc:
        if exc.message != MSG_BAD_DATE:  # out of range, digits other than 0-9 (issue #11)
            raise argparse.ArgumentTypeError(visible(exc.reason())) from exc
        raise argparse.ArgumentTypeError(
            f"'{visible(text)}' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)"
        ) from exc


def _add_as_of(
    parser: argparse.ArgumentParser, text: str = "as of this date (default: today)"
) -> None:
    """The ``--date`` option of the reports that are read "as of" a day."""
    parser.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", default=None, help=text)


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors show the user's arguments escaped like every other output
    (``unrecognized arguments: \\u001b[31m``), never a control character raw (issue #11).
    The sub-commands' parsers are of this class too (``add_subparsers`` uses the parent's)."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``main.py``; ``args.command`` is None when no command is given."""
    parser = _Parser(
        prog=PROG,
        description="Encaisse — receivables for French small businesses. "
        "Without a command, opens the window.",
    )
    db_help = (
        "the database: a SQLite file path or a SQLAlchemy URL "
        "(default: $ENCAISSE_DB, else the per-user data folder)"
    )
    parser.add_argument("--db", metavar="DB", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # --db is also accepted after the command (main.py invoices --json --db x.db)
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=db_help)

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="fill the database with demo data",
        description="Fill the database with realistic demo data (a joinery "
        "business near Lyon: 30+ clients, 300+ invoices over 18 months), "
        "built relative to DATE. Refuses a non-empty database unless --force.",
    )
    p.add_argument(
        "--date",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="the 'today' the demo book is built around (default: today)",
    )
    p.add_argument("--force", action="store_true", help=DEMO_FORCE_HELP)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import a CSV file (all or nothing)",
        description="Import clients, invoices or payments from a CSV file "
        "(separator , ; or tab; UTF-8 or Windows-1252; English or French "
        "column names). All or nothing: one bad row and nothing is written; "
        "every bad row is reported as 'line N: column: reason'.",
    )
    p.add_argument("kind", choices=imports.KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    p = sub.add_parser(
        "invoices",
        parents=[common],
        help="the open-item view as of a date",
        description="Invoices and credit notes as of DATE: what was issued "
        "by then, what was paid by then, days late and status.",
    )
    _add_as_of(p)
    p.add_argument("--open", action="store_true", help="only documents with a balance")
    p.add_argument("--client", metavar="CODE", default=None, help="only this client")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "clients",
        parents=[common],
        help="client balances as of a date",
        description="Per client (and currency): balance, overdue and "
        "unallocated credit as of DATE.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "aged",
        parents=[common],
        help="the aged balance as of a date",
        description="Per client and currency, what is open by days past due on DATE: not due, "
        "1-30, 31-60, 61-90, 91-180 and over 180 days, and the credits not set against an "
        "invoice (unapplied credit notes, unallocated payments) apart; the totals per currency.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument(
        "--out", default=None, metavar="FILE.csv", help="also write it to FILE.csv (or FILE.pdf)"
    )

    p = sub.add_parser(
        "kpi",
        parents=[common],
        help="how much is owed, how late, by whom, as of a date",
        description="Per currency: receivable, overdue and the overdue ratio, DSO (count-back "
        "and accounting methods), the average payment delay of the last 12 months, the "
        "weighted days late, what falls due within 7 and 30 days, what is disputed, the aged "
        "bands, the 10 biggest debtors, the top-5 share and the HHI of the receivables. "
        "--history: receivable, overdue and DSO at each of the last N month ends.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--history", action="store_true", help="one entry per month end")
    p.add_argument("--months", type=int, default=12, metavar="N", help="with --history (12)")

    p = sub.add_parser(
        "attach",
        parents=[common],
        help="attach proof documents",
        description="Copy files into the document store and attach them to an "
        "invoice or a client. All or nothing: every file is checked first.",
    )
    owner = p.add_mutually_exclusive_group(required=True)
    owner.add_argument("--invoice", metavar="NUMBER", help="attach to this invoice")
    owner.add_argument("--client", metavar="CODE", help="attach to this client")
    p.add_argument("--kind", required=True, choices=DOCUMENT_KINDS, help="what the document is")
    p.add_argument("--signed", action="store_true", help="the document is signed")
    p.add_argument(
        "--signed-on",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="the date it was signed (with --signed)",
    )
    p.add_argument("--title", metavar="T", default="", help="a title (default: the file name)")
    p.add_argument(
        "--date", type=_date_arg, metavar="YYYY-MM-DD", default=None, help="the document's own date"
    )
    p.add_argument(
        "--cgv-version",
        metavar="LABEL",
        default=None,
        help="with --kind cgv --signed on a client: the CGV version accepted "
        "(default: the one in force on the signature date)",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF or image files")

    p = sub.add_parser(
        "documents",
        parents=[common],
        help="list proof documents",
        description="Current documents (not in the trash), for one invoice, "
        "one client (its own and its invoices') or all.",
    )
    owner = p.add_mutually_exclusive_group()
    owner.add_argument("--invoice", metavar="NUMBER", help="only this invoice's documents")
    owner.add_argument("--client", metavar="CODE", help="only this client's documents")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "evidence",
        parents=[common],
        help="build an evidence file (PDF)",
        description="One PDF with a cover page (parties, invoices, balance, "
        "index of documents with their SHA-256) followed by every proof "
        "document in a logical order.",
    )
    owner = p.add_mutually_exclusive_group(required=True)
    owner.add_argument("--invoice", metavar="NUMBER", help="for this invoice")
    owner.add_argument("--client", metavar="CODE", help="for all of this client's invoices")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    _add_as_of(p, "amounts as of this date (default: today)")
    p.add_argument(
        "--language",
        choices=("fr", "en"),
        default=None,
        help="language of the cover (default: the client's)",
    )

    p = sub.add_parser(
        "alerts",
        parents=[common],
        help="what needs attention on a date",
        description="What the start-up panel shows: due soon, dunning steps due, "
        "promises due or broken, clients over their credit limit, claims soon "
        "time-barred, overdue invoices with proof missing.",
    )
    _add_as_of(p, "as of this date (default: today; a future date plans ahead)")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "actions",
        parents=[common],
        help="the day's dunning actions",
        description="One action per client and step (and currency), covering "
        "all of the client's invoices at that step.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "promise",
        parents=[common],
        help="record a promise to pay",
        description="The client promised to pay AMOUNT by DATE: the invoice's "
        "dunning pauses until then plus the grace period.",
    )
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    p.add_argument("--amount", required=True, metavar="A")
    p.add_argument("--date", required=True, type=_date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--note", default="", metavar="TEXT")

    p = sub.add_parser(
        "dispute",
        parents=[common],
        help="open or close a dispute",
        description="A disputed invoice leaves the dunning ladder (it still "
        "counts in the balance) until the dispute is closed.",
    )
    p.add_argument("operation", choices=("open", "close"))
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    p.add_argument(
        "--reason",
        default=None,
        metavar="R",
        help="open: not_received, price, quantity, quality, delivery, already_paid, "
        "other (default other); close: resolved or rejected (default resolved)",
    )
    p.add_argument("--note", default="", metavar="TEXT")

    p = sub.add_parser(
        "procedure",
        parents=[common],
        help="the dates of an injonction de payer in progress",
        description="Record the dates of the injonction de payer an invoice was handed to "
        "(request filed, ordonnance, service) and show the deadlines they lead to: serve the "
        "ordonnance within 6 months (art. 1411 CPC), one month to oppose from service (1416).",
    )
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    p.add_argument("--filed", type=_date_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--ordonnance", type=_date_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--served", type=_date_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "letters",
        parents=[common],
        help="write the day's reminder letters",
        description="One PDF per client and step (phone calls excepted) plus all.pdf, "
        "in the client's language, with the late charges by law and an EPC QR code.",
    )
    _add_as_of(p, "the day's letters as of this date (default: today)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PDF files")
    p.add_argument(
        "--record",
        action="store_true",
        help="record the letters as sent (actions done, letters archived as documents)",
    )
    p.add_argument(
        "--eml",
        action="store_true",
        help="for steps whose channel is e-mail, also write the e-mail (.eml, the letter "
        "attached) beside its PDF; with --record the e-mails are queued for send-queue instead "
        "of recorded as sent (a client without an e-mail address gets the paper letter)",
    )
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "send-queue",
        parents=[common],
        help="send the queued e-mails through the SMTP account of Settings",
        description="Each e-mail the server accepts is recorded as done (its Message-ID kept) "
        "and kept with its letter in the client's documents. An unreachable server or a "
        "refused login leaves every e-mail queued.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "statement",
        parents=[common],
        help="a client's statement of account (PDF)",
        description="The invoices and credit notes still open on DATE, with the "
        "balance and the payment details.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    _add_as_of(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")

    p = sub.add_parser(
        "agreement",
        parents=[common],
        help="the payment-plan agreement to sign (PDF)",
        description="The client's payment plan in progress, as an agreement to sign.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument(
        "--waive-charges",
        action="store_true",
        help="the late charges are waived if every instalment is paid on its date "
        "(default: they are reserved; the agreement says which)",
    )

    p = sub.add_parser(
        "claim",
        parents=[common],
        help="the claim summary for an injonction de payer (PDF)",
        description="Principal, penalties and indemnity of the client's overdue invoices, the "
        "exhibits and the court to seize.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    _add_as_of(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")

    p = sub.add_parser(
        "backup",
        parents=[common],
        help="back up the book and its documents",
        description="One zip: the database (SQLite's online backup), the documents and a "
        "manifest with counts and fingerprints.",
    )
    p.add_argument(
        "--out", metavar="FILE", default=None, help="where to write it (default: the backup folder)"
    )

    p = sub.add_parser(
        "backups",
        parents=[common],
        help="list the backups",
        description="The backups in the backup folder, with their dates and counts.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="restore a backup",
        description="Verify every member, back up the current book, then replace it.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do it (without: show what the backup holds)")

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export every table as CSV, with the documents",
        description="Write every table as a CSV file (UTF-8, with a header row) and a copy "
        "of every document into a new folder: your way out, or, with --client, the answer "
        "to a client's GDPR access request (only the rows and documents about that client).",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="a new (or empty) folder")
    p.add_argument("--client", metavar="CODE", default=None, help="only this client's data")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "print",
        parents=[common],
        help="send a PDF to a printer",
        description="Print a PDF through the same Qt print path as the window's "
        "Print button (default printer unless --printer).",
    )
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument(
        "--printer", metavar="NAME", default="", help="the printer (default: the system's)"
    )

    p = sub.add_parser(
        "penalties",
        parents=[common],
        help="late charges of an invoice, by French law",
        description="Statutory penalties (ECB rate + 10 points per half-year for a "
        "business, + 8 frozen for a public buyer, legal interest from the formal "
        "notice for a consumer) and the €40 indemnity, as of a date.",
    )
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "rates",
        parents=[common],
        help="the ECB and legal interest rate tables; enter a new rate",
        description="Without an operation (or 'list'): the rate tables, each row with its "
        "source, and the half-years whose rates are not entered yet (late charges computed "
        "in them are provisional). add-ecb --from D --rate R --reference T: a new ECB main "
        "refinancing rate; unchanged-until --date D --reference T: the ECB rate did not "
        "change up to D; add-legal --half 2026-H2 --professional P --individual I "
        "--reference T: a half-year's legal interest rates. A rate lies between 0 and 30 %; "
        "its official reference (the ECB decision's date, the arrêté's date or text) is "
        "required.",
    )
    p.add_argument(
        "operation",
        nargs="?",
        choices=("list", "add-ecb", "unchanged-until", "add-legal"),
        default="list",
    )
    p.add_argument(
        "--from",
        dest="in_force_from",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="add-ecb: the day the rate applies from",
    )
    p.add_argument(
        "--date",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="unchanged-until: the last day the rate is known unchanged; list: the day the "
        "missing half-years are counted to (default: today)",
    )
    p.add_argument("--rate", metavar="R", default=None, help="add-ecb: the rate in percent")
    p.add_argument("--half", metavar="YYYY-HN", default=None, help="add-legal: e.g. 2026-H2")
    p.add_argument(
        "--professional",
        metavar="R",
        default=None,
        help="add-legal: the rate for a creditor acting professionally (tous les autres cas)",
    )
    p.add_argument(
        "--individual",
        metavar="R",
        default=None,
        help="add-legal: the rate for a private creditor",
    )
    p.add_argument(
        "--reference",
        metavar="TEXT",
        default=None,
        help="the official reference (ECB decision date, arrêté date or text): required",
    )
    p.add_argument("--json", action="store_true", help="JSON output (list)")

    p = sub.add_parser(
        "check",
        parents=[common],
        help="check the database and the documents",
        description="Run SQLite's integrity check (on PostgreSQL: every foreign "
        "key points at a row), recompute every running total (what each invoice "
        "is paid, each credit note and payment allocated) from the allocations, "
        "and recompute the SHA-256 of every stored document. Exit status 1 when "
        "anything is wrong, with one line per problem.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument(
        "--repair",
        action="store_true",
        help="back the book up, then set every running total to what its allocations "
        "add up to (allocations beyond an invoice's total are taken back, newest "
        "first, and kept as credit), move stored files that belong to no document "
        "and partial copies older than an hour to the store's trash (kept 30 days); "
        "then check",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="with --repair, on a book Encaisse cannot back up (PostgreSQL): repair "
        "without a backup (make one with the server's tools first)",
    )
    return parser
