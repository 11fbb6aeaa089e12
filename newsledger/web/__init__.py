"""Browse a ledger: overview, documents with every figure highlighted, claims, a JSON API."""
