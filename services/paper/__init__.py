"""What Encaisse's documents say: reminder letters, the account statement, the payment-plan
agreement, the claim summary and the evidence file. How they are drawn is ``services.pdf``."""
