"""amount-spike: a top-up far above what the holder usually puts into wallets."""

from __future__ import annotations

import pandas as pd

from auditor.detect.habits import WALLET_BASE
from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import Bi, both, yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Top-ups several times the holder's usual amount (see auditor.detect.habits.with_history).

    The usual is the median of the holder's earlier ordinary top-ups to that wallet, or to
    their own wallets in general while that wallet has too little history (and always for a
    wallet they do not use). Medium at spike_factor times it, high at spike_high_factor.
    """
    rows = debits[debits["spike"].fillna(False).astype(bool)]
    hits = []
    for seq, wallet_id, amount, usual, base in zip(rows.index, rows["wallet"], rows["debit"],
                                                   rows["usual"], rows["base"], strict=True):
        wallet = ctx.catalogue.get(str(wallet_id))
        times = amount / usual
        severity = Severity.high if times >= ctx.settings.spike_high_factor else Severity.medium
        kind = "rule.amount-spike.usual" if base == WALLET_BASE else "rule.amount-spike.usual_all"
        reason = both("rule.amount-spike", amount=yen(int(amount)), times=times,
                      wallet=Bi(wallet.name_en, wallet.name_ja), usual=both(kind),
                      typical=yen(int(usual)))
        hits.append(RULE.hit(seq, *reason, severity))
    return hits


RULE = Rule("amount-spike", *both("rule.amount-spike.title"), Severity.high, check,
            Severity.medium)
