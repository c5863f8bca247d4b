"""The SQL and the Python forms of the same rules agree on any book (issue #12, point 8):
property tests over small generated books, not only the demo.

Each example is a new book (a copy of the migrated template) holding clients of every
kind (some in a collective procedure, some on a named scenario), invoices with random dates,
amounts and terms, payments, proof documents (signed or not, on the invoice or the client,
some deleted), CGV versions and acceptances, and the follow-up's history (steps done or
skipped, promises, postponements, disputes, hand-offs). Then, on several days from today on
(where SQLite takes its fast paths):

- the proof rules: ``proof_map`` (Python, for lists) gives every invoice the same three
  proofs as the SQL expressions (``order_expr``, ``delivery_expr``, ``cgv_expr``), and
  ``missing_expr`` (the invoice list's filter) selects exactly the invoices it says lack one;
- the ladder: the day's actions of ``dunning.actions`` (Python ladder over every open
  invoice) are the ``step_due`` alerts (SQL ladder over the invoices without history, the
  Python one over the few with history), client, step, currency and amount alike;
- missing proof: the alerts count the overdue invoices ``proof_map`` says lack a proof.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models import Invoice
from services.core import clock, db
from services.core.errors import UserError
from services.followup import alerts, dunning
from services.followup.dunning import Step
from services.ledger import clients, invoices, payments
from services.proof import documents
from services.proof import rules as proof
from services.proof.documents import Meta, Owner
from tests.service_fixtures import fresh_book

TODAY = dt.date(2026, 3, 15)
KINDS = ("pro", "consumer", "nonprofit", "public")
PROOF_KINDS = ("quote", "purchase_order", "contract", "delivery_note", "cgv")
TERMS = ("30 jours", "à réception", "45 jours fin de mois", "net 60", "")
HISTORY = ("done", "skip", "postpone", "promise", "dispute", "hand_off")

index = st.integers(0, 30)  # into what exists, modulo its length
# days before today on a coarse grid, so that an issue date, a version's first day and an
# acceptance often fall on the same day (where <= and < part)
back = st.integers(0, 8).map(lambda k: 20 * k)
cents = st.integers(1, 300_000)

books = st.fixed_dictionaries(
    {
        # kind, collective procedure (days from today), on the named scenario
        "clients": st.lists(
            st.tuples(
                st.sampled_from(KINDS),
                st.sampled_from([None, None, None, -20, 15]),
                st.booleans(),
            ),
            min_size=1,
            max_size=4,
        ),
        # client, issued (days before today), total, terms, or a due date of its own
        "invoices": st.lists(
            st.tuples(
                index,
                back,
                cents,
                st.sampled_from(TERMS),
                st.none() | st.integers(-30, 60),
            ),
            min_size=1,
            max_size=10,
        ),
        # client, amount, received (days before today)
        "payments": st.lists(st.tuples(index, cents, st.integers(0, 100)), max_size=4),
        # kind, on an invoice (else on the client), which one, signed, deleted
        "documents": st.lists(
            st.tuples(
                st.sampled_from(PROOF_KINDS), st.booleans(), index, st.booleans(), st.booleans()
            ),
            max_size=8,
        ),
        # CGV versions in force from (days before today); acceptances: client, version, day
        "cgv": st.lists(back, max_size=2, unique=True),
        "accepted": st.lists(st.tuples(index, index, back), max_size=4),
        # what the follow-up did: on which of the day's actions, or on which invoice
        "history": st.lists(st.tuples(st.sampled_from(HISTORY), index), max_size=4),
        # the days the forms are compared on (from today on: SQLite's fast paths)
        "days": st.lists(st.integers(0, 75), min_size=1, max_size=3, unique=True),
    }
)


def _at(items: list[Any], i: int) -> Any:
    return items[i % len(items)]


def _file(folder: Path, n: int) -> Path:
    """A small distinct PDF (the store keeps one copy per content)."""
    path = folder / f"doc{n}.pdf"
    body = f"BT /F1 12 Tf 72 720 Td (proof {n}) Tj ET".encode()
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(body)}>>stream\n".encode()
        + body
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return path


def build(spec: dict[str, Any], folder: Path) -> None:
    gentle = dunning.save_scenario(
        "Gentle",
        [
            Step(-2, "pre_reminder", "email"),
            Step(9, "reminder", "letter"),
            Step(33, "formal_notice", "registered_letter"),
        ],
    )
    codes: list[str] = []
    for n, (kind, procedure, named) in enumerate(spec["clients"]):
        code = f"C{n}"
        row = clients.create_client({"code": code, "name": f"Client {n}", "kind": kind})
        if named:
            clients.update_client(
                row.id, {"code": code, "name": row.name, "kind": kind, "scenario_id": gentle}
            )
        if procedure is not None:
            dunning.set_collective_procedure(row.id, TODAY + dt.timedelta(days=procedure))
        codes.append(code)
    numbers: list[str] = []
    ids: list[int] = []
    for n, (who, days, amount, terms, due) in enumerate(spec["invoices"]):
        issued = TODAY - dt.timedelta(days=days)
        data: dict[str, Any] = {
            "number": f"F{n}",
            "client": _at(codes, who),
            "issue_date": issued,
            "total": Decimal(amount).scaleb(-2),
            "terms": terms,
        }
        if due is not None or not terms:
            data["due_date"] = issued + dt.timedelta(days=max(0, due or 0))
        row, _warnings = invoices.create_invoice(data)
        numbers.append(row.number)
        ids.append(row.id)
    for who, amount, days in spec["payments"]:
        payments.record_payment(
            {
                "client": _at(codes, who),
                "date": TODAY - dt.timedelta(days=days),
                "amount": Decimal(amount).scaleb(-2),
            },
            None,
            confirm_overpayment=True,
        )
    for days in spec["cgv"]:
        documents.add_cgv_version(f"CGV -{days}", TODAY - dt.timedelta(days=days))
    versions = documents.list_cgv_versions()
    for who, which, days in spec["accepted"] if versions else []:
        client_id = clients.get_client_by_code(_at(codes, who)).id
        version = _at(versions, which)
        # refused (e.g. accepted before the version existed): nothing written
        with contextlib.suppress(UserError):
            documents.record_acceptance(client_id, version.id, TODAY - dt.timedelta(days=days))
    for n, (kind, on_invoice, which, signed, deleted) in enumerate(spec["documents"]):
        owner = (
            Owner(invoice_id=_at(ids, which))
            if on_invoice
            else Owner(client_id=clients.get_client_by_code(_at(codes, which)).id)
        )
        [row] = documents.attach_files(owner, [_file(folder, n)], Meta(kind, signed=signed))
        if deleted:
            documents.delete(row.id)
    for what, which in spec["history"]:
        number = _at(numbers, which)
        if what in ("done", "skip", "postpone"):
            todays = dunning.actions(TODAY)
            if not todays:
                continue
            action = _at(todays, which)
            if what == "done":
                dunning.mark_done(action, TODAY)
            elif what == "skip":
                dunning.skip(action, "called instead", TODAY)
            else:
                dunning.postpone(action, TODAY + dt.timedelta(days=1 + which % 20), TODAY)
        elif what == "promise":
            with contextlib.suppress(UserError):  # a paid invoice: refused, nothing written
                dunning.promise(
                    number, Decimal("10.00"), TODAY + dt.timedelta(days=which % 10), today=TODAY
                )
        elif what == "dispute":
            with contextlib.suppress(UserError):  # already disputed: refused, nothing written
                dunning.open_dispute(number, "price", today=TODAY)
        else:
            with contextlib.suppress(UserError):
                dunning.hand_off(number, "agency", {"agency": "Recouvre"}, today=TODAY)


def check_proof() -> None:
    with db.reading() as s:
        rows = s.execute(
            select(
                Invoice.id,
                Invoice.kind,
                proof.order_expr(),
                proof.delivery_expr(),
                proof.cgv_expr(),
            )
        ).all()
        missing_sql = set(s.scalars(select(Invoice.id).where(proof.missing_expr())))
    python = proof.proof_map([r[0] for r in rows])
    sql = {i: (bool(o), bool(d), bool(c)) for i, _k, o, d, c in rows}
    assert {i: (p.order, p.delivery, p.cgv) for i, p in python.items()} == sql
    assert missing_sql == {i for i, p in python.items() if p.missing}
    assert {i for i, p in python.items() if not p.applies} == {
        r[0] for r in rows if r[1] != "invoice"
    }


def check_ladder(day: dt.date) -> None:
    python = sorted(
        (a.client_code, a.step.action, a.currency, a.amount) for a in dunning.actions(day)
    )
    sql = sorted(
        (a.client, a.step, a.currency, a.amount)
        for a in alerts.alerts(day, include_off=True)
        if a.kind == "step_due"
    )
    found = alerts.find(day, include_off=True)
    assert sql == python, day
    assert found.counts().get("step_due", 0) == len(python)
    # missing proof: the overdue invoices proof_map says lack a proof
    situation = dunning.situation(day)
    overdue = [r[0] for r in situation.rows if r[3] > 0]
    statuses = proof.proof_map(overdue)
    lacking = sum(1 for i in overdue if statuses[i].missing)
    assert found.counts().get("missing_proof", 0) == lacking, day


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=books)
# the boundaries, always tried: CGV accepted on the very day an invoice is issued (in force
# from that day too), and an invoice issued the day before the acceptance
@example(
    spec={
        "clients": [("pro", None, False)],
        "invoices": [(0, 40, 10_000, "30 jours", None), (0, 41, 10_000, "30 jours", None)],
        "payments": [],
        "documents": [("purchase_order", True, 0, True, False)],
        "cgv": [60],
        "accepted": [(0, 0, 40)],
        "history": [],
        "days": [0],
    }
)
# and a day on which an invoice's age is exactly a step's offset (due in 10 days; on day 15
# it is 5 days late, the default pro ladder's first reminder; on day 25, 15: its second)
@example(
    spec={
        "clients": [("pro", None, False), ("consumer", None, True)],
        "invoices": [(0, 20, 10_000, "30 jours", None), (1, 20, 5_000, "30 jours", None)],
        "payments": [],
        "documents": [],
        "cgv": [],
        "accepted": [],
        "history": [],
        "days": [15, 25, 39],
    }
)
def test_sql_and_python_agree_on_any_book(
    tmp_path_factory: pytest.TempPathFactory, spec: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("agree")
    with fresh_book(folder / "book.db", TODAY):
        build(spec, folder)
        check_proof()
        for offset in spec["days"]:
            day = TODAY + dt.timedelta(days=offset)
            with clock.frozen(TODAY):  # today stays today: later days take the fast paths
                check_ladder(day)
