"""wallet-like: a debit shaped like a wallet top-up whose payee is no catalogued wallet."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import both, yen

# How each bank's channel marker charges money, in words (rule.wallet-like.shape.<marker>).
_MARKERS = frozenset({"yucho-rt", "mufg-rtk", "sumishin-furikae", "iwate-rs", "charge"})


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Debits carrying a bank's top-up channel marker that match no known wallet."""
    rows = debits[debits["wallet"].isna() & debits["marker"].notna()]
    hits = []
    for seq, marker, amount in zip(rows.index, rows["marker"], rows["debit"], strict=True):
        shape = "rule.wallet-like.shape" + (f".{marker}" if marker in _MARKERS else "")
        hits.append(RULE.hit(seq, *both("rule.wallet-like", amount=yen(amount),
                                        shape=both(shape))))
    return hits


RULE = Rule("wallet-like", *both("rule.wallet-like.title"), Severity.medium, check)
