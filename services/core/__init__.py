"""The base every feature stands on: clock, money, text, errors, translation markers, identifiers,
payment terms, the database and its sessions, settings, the company, the event log, and the one
way to find a client or an invoice from what the user typed. Imports nothing else of services."""
