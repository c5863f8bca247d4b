"""What Encaisse does, without Qt: the use cases and rules the window and the command line share.

Packages, lowest first; each imports only from those below it (``tests/test_layers.py``):

- ``core``: the base every feature stands on — clock, money, text, errors, translation markers,
  identifiers, payment terms, the database and its sessions, settings, the company, the event log,
  and finding a client or an invoice by what the user types.
- ``proof``: the documents behind an invoice — the store, attaching and listing, the proof rules.
- ``ledger``: clients, invoices, payments and allocation, the open items as of a date, CSV import.
- ``followup``: getting paid — rates and late charges, the dunning ladder, actions, holds,
  promises, payment plans, alerts.
- ``pdf``: how a document is drawn — fonts, parties, page template, tables, QR code.
- ``paper``: what a document says — letters, statement, agreement, claim, evidence file.
- ``book``: the book as a whole — backup and restore, export, integrity check, demo data, the lock.
"""
