"""Commands over the book as a whole: ``demo``, ``backup``, ``backups``, ``restore``,
``export`` and ``check``; and the way back when the book is damaged (``backups`` and
``restore`` without opening it)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cli.output import err, out, plural, print_json
from services.book import backup, demo, export, integrity
from services.core import clock, db
from services.proof import documents


def _cmd_demo(args: argparse.Namespace) -> int:
    today = args.date or clock.today()
    summary = demo.fill_demo(today, force=args.force)
    prefix = f" (codes prefixed '{summary.prefix}')" if summary.prefix else ""
    out(
        f"demo data as of {today.isoformat()}: {plural(summary.clients, 'client')}, "
        f"{plural(summary.invoices, 'invoice')}, {plural(summary.credit_notes, 'credit note')}, "
        f"{plural(summary.payments, 'payment')}, "
        f"{plural(summary.documents, 'proof document')}{prefix}"
    )
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:

    info = backup.create(Path(args.out)) if args.out else backup.back_up()
    out(
        f"wrote {info.path}: {plural(sum(info.counts.values()), 'row')}, "
        f"{plural(info.documents, 'document')}, "
        f"{info.size / 1_048_576:.1f} MB"
    )
    for sha in info.altered:
        out(
            f"warning: the stored document {sha[:12]}… no longer matches its fingerprint; "
            "it was copied as it is (run `check`)"
        )
    return 0


def damaged_book(target: str) -> Path | None:
    """The book's path when it fails SQLite's quick check (then it is not opened)."""

    book = db.sqlite_path(db.database_url(target))
    return book if book is not None and backup.quick_check(book) else None


def _print_backups(items: list[Any], as_json: bool) -> None:
    if as_json:
        print_json({"backups": [b.to_json() for b in items]})
        return
    for b in items:
        out(
            f"{b.created_at}  {b.path}  schema {b.schema}  "
            f"{plural(b.counts.get('invoices', 0), 'invoice')}, "
            f"{plural(b.counts.get('clients', 0), 'client')}, {plural(b.documents, 'document')}"
        )
    out(plural(len(items), "backup"))


def _cmd_backups(args: argparse.Namespace) -> int:

    _print_backups(backup.list_backups(), args.json)
    return 0


def _describe_backup(path: Path) -> Any:

    info = backup.read(path, check=True)
    out(
        f"{path.name}: made {info.created_at} by Encaisse {info.app_version} "
        f"(schema {info.schema}); "
        + ", ".join(f"{n} {t}" for t, n in sorted(info.counts.items()) if n)
        + f"; {info.documents} documents"
    )
    return info


def _cmd_restore(args: argparse.Namespace) -> int:

    backup.require_file_book()  # a PostgreSQL book: said plainly, before reading anything
    _describe_backup(Path(args.file))
    if not args.yes:
        out("nothing changed: add --yes to restore it (the current book is backed up first)")
        return 1
    backup.restore(Path(args.file), verified=True)
    out("restored")
    return 0


def run_on_damaged_book(args: argparse.Namespace, book: Path) -> int:
    """``backups`` and ``restore`` on a book that fails its quick check: the way back
    (issue #6) without opening it."""

    if args.command == "backups":
        err(f"warning: the book {book} is damaged; restore a backup with `restore FILE --yes`")
        _print_backups(sorted(backup.candidates(book), key=backup.order), args.json)
        return 0
    _describe_backup(Path(args.file))
    if not args.yes:
        out(
            f"the book {book} is damaged: add --yes to replace it by this backup "
            "(the damaged file is kept)"
        )
        return 1
    aside = backup.recover(book, Path(args.file))
    out(f"restored; the damaged book is kept as {aside}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:

    info = export.export(Path(args.out), args.client)
    if args.json:
        print_json(info.to_json())
        return 0
    rows = sum(info.tables.values())
    out(
        f"wrote {info.folder}: {plural(rows, 'row')} in {plural(len(info.tables), 'table')}, "
        f"{plural(info.documents, 'document')}"
        + (f" (client {info.client})" if info.client else "")
    )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:

    def files(orphans: int, leftovers: int) -> str:
        """'2 stored files that belong to no document and 1 partial copy'"""
        parts = (
            [
                f"{plural(orphans, 'stored file')} that belong{'s' if orphans == 1 else ''} "
                "to no document"
            ]
            if orphans
            else []
        )
        if leftovers:
            parts.append(f"{leftovers} partial cop{'y' if leftovers == 1 else 'ies'}")
        return " and ".join(parts)

    repair: dict[str, Any] | None = None
    if args.repair:  # issue #11: a backup first, then the running totals from the allocations
        done, backup_path = integrity.back_up_and_repair(without_backup=args.yes)
        repair = {
            "backup": str(backup_path) if backup_path else None,
            "recomputed": done.recomputed,
            "taken_back": done.taken_back,
            "store": done.store.to_json(),
        }
        if not args.json:
            out(
                f"backed up to {backup_path}"
                if backup_path
                else "warning: no backup was made by Encaisse (--yes)"
            )
            out(
                f"repaired: {plural(done.recomputed, 'running total')} recomputed, "
                f"{plural(done.taken_back, 'allocation')} in excess taken back"
            )
            tidy = done.store
            if tidy.orphans or tidy.leftovers:
                out(
                    f"moved to the store's trash (kept {documents.TRASH_DAYS} days): "
                    + files(tidy.orphans, tidy.leftovers)
                )
            if tidy.recovered:
                out(
                    f"put back from the store's trash: {plural(tidy.recovered, 'stored file')} "
                    "a document points at"
                )
    database = db.integrity_problems()
    notes = integrity.database_notes()
    totals = integrity.running_total_problems()
    report = documents.check_documents()
    # the store's files no document refers to stay problems (exit 1): an interrupted action
    # leaves them, but so does a document row that was lost, and only the owner can tell;
    # what --repair will do with them is said (issue #11)
    plan = integrity.store_plan(report)
    lines = (
        [f"database: {m}" for m in database]
        + [p.message for p in totals.problems]
        + [p.message for p in report.problems]
    )
    ok = not lines
    if args.json:
        payload: dict[str, Any] = {
            "ok": ok,
            "database": {"ok": not database, "problems": database, "notes": notes},
            "totals": {
                "checked": totals.checked,
                "problems": [p.to_json() for p in totals.problems],
            },
            "documents": {
                "checked": report.checked,
                "problems": [p.to_json() for p in report.problems],
                "repair": plan.to_json(),
            },
        }
        if repair is not None:
            payload["repair"] = repair
        print_json(payload)
    else:
        for note in notes:  # what could not be checked is said, never passed off as "ok"
            out(f"database: {note}")
        for line in lines:
            out(line)
        if plan.to_trash:
            out(
                f"check --repair will move {files(plan.count('orphan'), plan.count('leftover'))}"
                f" to the store's trash (kept {documents.TRASH_DAYS} days, then deleted)"
            )
        if plan.too_recent:
            out(
                "check --repair leaves "
                + files(plan.count("orphan", recent=True), plan.count("leftover", recent=True))
                + f" alone until {integrity.STALE_AFTER_SECONDS // 60} minutes old: an "
                "attachment or a restore may still be writing it"
            )
        if ok:
            out(
                ("database: ok" if not notes else "foreign keys: ok")
                + f"; {plural(totals.checked, 'running total')}: ok"
                + f"; {plural(report.checked, 'document')} verified: ok"
            )
    return 0 if ok else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "backup": _cmd_backup,
    "backups": _cmd_backups,
    "restore": _cmd_restore,
    "export": _cmd_export,
    "check": _cmd_check,
}
