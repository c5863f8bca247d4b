"""The book's accounts: clients, invoices and credit notes, payments and their allocation, the
open items and balances as of any date, and the all-or-nothing CSV import."""
