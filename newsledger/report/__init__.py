"""Ways out of the ledger: JSONL export, the terminal report, the HTML report."""
