"""The proof behind an invoice: the content-addressed document store, attaching, listing,
replacing and verifying documents, and the rules that say which proof an invoice lacks."""
