"""newsledger: a sourced ledger of the figures in the coverage of a developing news story."""

__version__ = "0.1.0"
