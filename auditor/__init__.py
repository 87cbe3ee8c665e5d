"""Statement auditor: find e-wallet top-ups you never made in bank statement CSVs."""

__version__ = "0.1.0"
