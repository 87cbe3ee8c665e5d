"""Stitched accounts: one account's overlapping downloads as one timeline, every row once.

Pure functions over read statements (``ingest``); the timeline is audited as one statement
(``detect.audit.examine`` with the account's provenance as its sources).
"""

from auditor.stitch.account import Account, stitch
from auditor.stitch.frame import Provenance
from auditor.stitch.grouping import Link, Why
from auditor.stitch.joins import Chain, Join

__all__ = ["Account", "Chain", "Join", "Link", "Provenance", "Why", "stitch"]
