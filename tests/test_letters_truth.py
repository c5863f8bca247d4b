"""Letters say only what the book records (issue #13, point 7; shared/domain.md §4.3–4.4).

For every default ladder of every kind of client, each step is missed in turn: the owner
acts on every other step of the ladder on its day (letters recorded as sent, the phone call
done) and lets the missed one pass. On each step's day the letter is read: it cites exactly
the reminders and notices the book records, with their dates, and never an earlier letter
that was not sent; a final notice whose formal notice was missed is a formal notice itself.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from reportlab.pdfgen.canvas import Canvas

from services.followup import dunning
from services.paper import letters
from services.pdf import formats
from tests.service_fixtures import add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")

ISSUE = dt.date(2025, 1, 15)
DUE = dt.date(2025, 2, 14)  # 30 jours
CITED = set(letters.CITED_STEPS)
LADDERS = [
    (kind, missed)
    for kind in ("pro", "consumer", "nonprofit", "public")
    for missed in range(len(dunning.DEFAULT_STEPS[kind]))
]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _cited_dates(body: str) -> set[str]:
    """The long dates a body cites ("3 mars 2025")."""
    months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    return set(re.findall(rf"\d{{1,2}}(?:er)? (?:{months}) \d{{4}}", body))


@pytest.mark.parametrize(("kind", "missed"), LADDERS)
def test_every_ladder_with_each_step_missed_in_turn_says_only_what_was_done(
    kind: str, missed: int
) -> None:
    steps = dunning.DEFAULT_STEPS[kind]
    add_client("ACME", kind=kind, language="fr")
    add_invoice("F1", issue=ISSUE, total="1200.00")
    done: list[tuple[str, dt.date]] = []  # (action, date) of the letter steps recorded
    seen_letters = 0
    for n, step in enumerate(steps):
        day = DUE + dt.timedelta(days=step.offset_days)
        if n == missed:
            continue  # the owner let this step pass
        prepared = letters.prepare(day)
        actions = [a for a in dunning.actions(day) if a.client_code == "ACME"]
        assert len(actions) == 1 and actions[0].step == step, (kind, missed, step, actions)
        if step.action in letters.NO_LETTER:
            assert prepared == []
        else:
            [(letter, action)] = prepared
            seen_letters += 1
            _subject, body = letters.subject_and_body(letter)
            body = _flat(body)
            earlier = sorted(d for a, d in done if a in CITED)
            expected = {formats.long_date(d, "fr") for d in earlier}
            if step.action in ("reminder", "formal_notice", "moratorium_claim") and not (
                step.action == "reminder" and letter.level == 1
            ):
                # "despite our reminders of …": exactly the dates recorded, or no such claim
                assert _cited_dates(body) == expected, (kind, missed, step, body)
                if not earlier:
                    assert "Malgré" not in body and "précédent" not in body, body
            if step.action == "final_notice":
                notices = [d for a, d in done if a == "formal_notice"]
                if notices:
                    assert f"Notre mise en demeure du {formats.long_date(notices[0], 'fr')}" in body
                    assert "restée sans effet" in body
                else:  # the formal notice was missed: this letter is one, in full
                    assert "restée sans effet" not in body, body
                    assert "mettons en demeure" in body and "réception de ce courrier" in body
                    assert letters.template_key(letter) == "formal_notice"
            assert "Malgré notre précédent courrier" not in body and "Malgré nos relances," not in (
                body
            )
            dunning.mark_done(action, day)
            if step.action in CITED:
                done.append((step.action, day))
            continue
        dunning.mark_done(actions[0], day)
    assert seen_letters >= 2


def test_a_final_notice_cites_the_formal_notice_by_its_date() -> None:
    add_client("ACME", kind="pro", language="fr")
    add_invoice("F1", issue=ISSUE, total="1200.00")
    notice_day = DUE + dt.timedelta(days=30)
    [action] = [a for a in dunning.actions(notice_day) if a.step.action == "formal_notice"]
    dunning.mark_done(action, notice_day)
    [(letter, _action)] = letters.prepare(DUE + dt.timedelta(days=45))
    _subject, body = letters.subject_and_body(letter)
    assert "Notre mise en demeure du 16 mars 2025 est restée sans effet." in _flat(body)


def test_an_english_letter_cites_the_reminders_and_agrees_with_several_invoices() -> None:
    add_client("ACME", kind="pro", language="en")
    add_invoice("F1", issue=ISSUE, total="1200.00")
    add_invoice("F2", issue=ISSUE, total="300.00")
    first = DUE + dt.timedelta(days=5)
    [action] = [a for a in dunning.actions(first) if a.step.action == "reminder"]
    dunning.mark_done(action, first)
    [(letter, _action)] = letters.prepare(DUE + dt.timedelta(days=15))
    _subject, body = letters.subject_and_body(letter)
    body = _flat(body)
    assert "Despite our reminder of 19 February 2025, the invoices below are still unpaid." in body
    assert "pay them without delay" in body and " is still unpaid" not in body


def test_an_owners_text_that_mentions_a_step_the_ladder_may_skip_is_refused() -> None:
    from services.core.errors import UserError

    with pytest.raises(UserError) as caught:
        letters.set_template(
            "fr", "reminder_2", "Relance", "Malgré notre précédent courrier, merci de régler."
        )
    assert caught.value.field == "body" and "{unpaid}" in caught.value.render()
    with pytest.raises(UserError) as caught:
        letters.set_template(
            "fr",
            "formal_notice",
            "Mise en demeure",
            "{unpaid} Payez sous 8 jours, faute de quoi les frais resteront à votre charge.",
        )
    assert "L111-8" in caught.value.render()
    # the sentences that follow the book are accepted; a final notice may name its notice
    letters.set_template("fr", "reminder_2", "Relance", "{unpaid} Merci de régler {total_due}.")
    letters.set_template(
        "fr", "final_notice", "Dernier avis", "Notre mise en demeure du {formal_notice_date} …"
    )


def test_a_hand_off_letter_names_whom_the_file_went_to_or_says_what_is_being_done() -> None:
    """shared/domain.md §4.8: the hand-off letter says where payment goes now."""
    from tests.test_letters import letter

    subject = letter(kind="pro", step="agency", invoices=1)
    subject.handed_to, subject.handed_on = "Recouvre SA, 4 quai Perrache, 69002 Lyon", DUE
    body = _flat(letters.subject_and_body(subject)[1])
    assert "transmis le 14 février 2025 à Recouvre SA, 4 quai Perrache, 69002 Lyon" in body
    assert "lui être adressés" in body
    subject.handed_to, subject.handed_on = "", None  # nothing recorded: no one is named
    body = _flat(letters.subject_and_body(subject)[1])
    assert "lui être adressé" not in body and "reste à nous adresser" in body
    subject.step = "injunction"
    assert "requête en injonction de payer" in _flat(letters.subject_and_body(subject)[1])
    subject.client = subject.client.__class__("Acme Inc.", "1 Main St", "97201", "Portland", "US")
    body = _flat(letters.subject_and_body(subject)[1])
    assert "injonction" not in body  # no French injonction against a debtor abroad (§4.6.1)


def test_a_formal_notice_to_a_debtor_abroad_or_a_consumer_says_the_right_consequence() -> None:
    from tests.test_letters import letter

    pro = _flat(letters.subject_and_body(letter(kind="pro"))[1])
    assert "(injonction de payer)" in pro
    consumer = _flat(letters.subject_and_body(letter(kind="consumer"))[1])
    assert "resteront à votre charge" not in consumer  # L111-8 CPCE (§3.7)
    assert "pourront être mis à votre charge par le juge" in consumer
    public = _flat(letters.subject_and_body(letter(kind="public"))[1])
    assert "tribunal administratif" in public and "injonction" not in public
    german = letter(kind="pro")
    german.client = german.client.__class__("Müller GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")
    assert "1896/2006" in _flat(letters.subject_and_body(german)[1])


def test_the_creditor_is_identified_on_every_letter_and_the_signatory_signs() -> None:
    """Issue #13, point 9 (shared/domain.md §2.7, art. 57 CPC): legal form and capital,
    registered office, register, signatory — from the company's settings."""
    from services.core import company

    company.save_company(
        {
            "name": "Menuiserie Lefèvre",
            "legal_form": "SARL",
            "address": "12 rue des Artisans",
            "postcode": "69007",
            "city": "Lyon",
            "siren": "812456374",
            "share_capital": "10000.00",
            "register_kind": "rcs",
            "register_city": "Lyon",
            "register_number": "812456374",
            "signatory_name": "Jean Lefèvre",
            "signatory_title": "gérant",
        }
    )
    add_client("ACME", kind="pro", language="fr")
    add_invoice("F1", issue=ISSUE, total="1200.00")
    [(letter, _action)] = letters.prepare(DUE + dt.timedelta(days=5))
    assert letter.signatory == "Jean Lefèvre, gérant"
    flat = [_flat(line) for line in letter.identification]
    assert "SARL au capital de 10 000,00 €" in flat
    assert "Siège social : 12 rue des Artisans, 69007 Lyon" in flat
    assert "RCS Lyon 812 456 374" in flat
    drawn = letters.draw_letter(Canvas(io.BytesIO()), letter)
    texts = [_flat(t) for t in drawn.texts]
    assert "Jean Lefèvre, gérant" in texts and "RCS Lyon 812 456 374" in texts


def test_an_invoice_older_than_the_rate_tables_gets_no_charges_and_a_warning_not_zero() -> None:
    """Issue #13, point 1: a date before the first ECB row is never computed at 0 %; the
    day's other letters are still prepared."""
    add_client("OLD", kind="pro", language="fr")
    add_invoice("F0", client="OLD", issue=dt.date(2011, 1, 2), total="500.00")  # due 2011-02-01
    add_client("ACME", kind="pro", language="fr")
    add_invoice("F1", client="ACME", issue=ISSUE, total="1200.00")
    day = DUE + dt.timedelta(days=15)  # ACME's second reminder shows the charges
    prepared = {letter.client_code: letter for letter, _action in letters.prepare(day)}
    old = prepared["OLD"]
    assert old.penalties == 0 and all(i.charges is None for i in old.invoices)
    assert any("F0" in w and "2011-01-01" in w for w in old.warnings), old.warnings
    assert prepared["ACME"].penalties > 0


def test_hand_off_letters_only_for_a_hand_off_that_names_someone() -> None:
    add_client("ACME", kind="pro", language="fr")
    add_invoice("F1", issue=ISSUE, total="1200.00")
    add_invoice("F2", issue=ISSUE, total="300.00")
    dunning.hand_off("F1", "agency", {"name": ""})  # nobody named: no letter naming nobody
    assert letters.hand_off_letters(["F1"]) == []
    dunning.hand_off("F2", "legal", {"to": "injunction", "court": "Tribunal de commerce de Lyon"})
    [letter] = letters.hand_off_letters(["F1", "F2"])
    assert [i.number for i in letter.invoices] == ["F2"] and letter.step == "injunction"
    body = _flat(letters.subject_and_body(letter)[1])
    assert "à Tribunal de commerce de Lyon" in body
