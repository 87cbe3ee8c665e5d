"""amount-spike: a top-up far above what the holder usually puts into wallets."""

from __future__ import annotations

import pandas as pd

from auditor.detect.habits import WALLET_BASE
from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import yen


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
        if base == WALLET_BASE:
            usual_en, usual_ja = "your usual top-up", "普段のチャージ額"
        else:
            usual_en, usual_ja = "your usual top-up to your wallets", "普段の決済サービスへのチャージ額"
        hits.append(RULE.hit(
            seq,
            f"{yen(int(amount))} to {wallet.name_en} is {times:.0f} times {usual_en} of "
            f"{yen(int(usual))}",
            f"{wallet.name_ja}への{yen(int(amount))}は、{usual_ja}{yen(int(usual))}の{times:.0f}倍です",
            severity,
        ))
    return hits


RULE = Rule("amount-spike", "Top-up far above your own history with wallets",
            "普段よりはるかに高額なチャージ", Severity.high, check, Severity.medium)
