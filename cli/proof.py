"""Commands over the proof documents: ``attach``, ``documents`` and ``evidence``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.output import clip, err, out, plural, print_json, print_table
from services.core import lookups
from services.paper import dossier
from services.proof import documents


def _cmd_attach(args: argparse.Namespace) -> int:
    if args.signed_on is not None and not args.signed:
        err("error: --signed-on needs --signed")
        return 2
    if args.invoice:
        owner = documents.Owner(invoice_id=lookups.invoice_id_for(args.invoice))
    else:
        owner = documents.Owner(client_id=lookups.client_id_for(args.client))
    version = documents.cgv_version_id_for(args.cgv_version) if args.cgv_version else None
    meta = documents.Meta(args.kind, args.title, args.date, args.signed, args.signed_on)
    rows = documents.attach_files(
        owner, [Path(f) for f in args.files], meta, accept_cgv_version=version
    )
    for row in rows:
        flag = (
            " (unreadable PDF: kept, but it cannot be previewed or merged)"
            if row.unreadable
            else ""
        )
        out(
            f"attached {row.original_name} as document {row.id} "
            f"({row.kind}, {row.size} bytes, sha256 {row.sha256}){flag}"
        )
    return 0


def _cmd_documents(args: argparse.Namespace) -> int:
    if args.invoice:
        rows = documents.list_documents(invoice_id=lookups.invoice_id_for(args.invoice))
    elif args.client:
        rows = documents.list_documents(client_id=lookups.client_id_for(args.client))
    else:
        rows = documents.list_documents()
    if args.json:
        print_json({"documents": [r.to_json() for r in rows]})
        return 0
    cells = [
        [
            str(r.id),
            r.kind,
            clip(r.title, 28),
            "yes" if r.signed else "",
            r.signed_on.isoformat() if r.signed_on else "",
            r.invoice_number or "",
            r.client_code or (f"CGV {r.cgv_label}" if r.cgv_label else ""),
            str(r.size),
            r.sha256[:12],
        ]
        for r in rows
    ]
    headers = [
        "Id",
        "Kind",
        "Title",
        "Signed",
        "Signed on",
        "Invoice",
        "Client",
        "Bytes",
        "SHA-256",
    ]
    print_table(headers, cells, right={0, 7})
    out(plural(len(rows), "document"))
    return 0


def _cmd_evidence(args: argparse.Namespace) -> int:
    path = Path(args.out)
    if args.invoice:
        result = dossier.build(
            path,
            invoice_id=lookups.invoice_id_for(args.invoice),
            as_of=args.date,
            language=args.language,
        )
    else:
        result = dossier.build(
            path,
            client_id=lookups.client_id_for(args.client),
            as_of=args.date,
            language=args.language,
        )
    out(
        f"wrote {path}: {plural(result.pages, 'page')} "
        f"({result.cover_pages} cover, {plural(result.documents, 'document')})"
    )
    for title in result.skipped:
        out(f"warning: {title} could not be included (unreadable); its fingerprint is listed")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "attach": _cmd_attach,
    "documents": _cmd_documents,
    "evidence": _cmd_evidence,
}
