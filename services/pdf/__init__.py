"""How Encaisse's documents are drawn: fonts registered once, the parties' blocks, one page
template (letterhead, footer, page numbers), tables, the payment QR code. What the documents
say is ``services.paper``."""
