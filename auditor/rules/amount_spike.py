"""amount-spike: a top-up far above what the holder usually puts into that wallet."""

from __future__ import annotations

import numpy as np
import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Top-ups to a recognised wallet several times the holder's usual amount."""
    hits: list[Hit] = []
    mine = debits[debits["wallet"].notna() & debits["allowed"]]
    for wallet_id, group in mine.groupby("wallet", sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        usual_top_ups: list[int] = []  # a spike never becomes part of what is usual
        for seq, amount in zip(group.index, group["debit"], strict=True):
            usual = _usual(usual_top_ups, int(amount), ctx)
            if usual is None:
                usual_top_ups.append(int(amount))
                continue
            hits.append(RULE.hit(
                seq,
                f"{yen(amount)} to {wallet.name_en} is {amount / usual:.0f} times your usual "
                f"top-up of {yen(int(usual))}",
                f"{wallet.name_ja}への{yen(amount)}は、普段のチャージ額{yen(int(usual))}の"
                f"{amount / usual:.0f}倍です",
            ))
    return hits


def _usual(history: list[int], amount: int, ctx: Context) -> float | None:
    """The usual top-up when this amount is a spike against it, else None."""
    settings = ctx.settings
    if len(history) < settings.spike_min_history or amount < settings.spike_min_amount:
        return None
    usual = float(np.median(history))
    if amount >= usual * settings.spike_factor and amount >= max(history) * settings.spike_over_max:
        return usual
    return None


RULE = Rule("amount-spike", "Top-up far above your own history with that wallet",
            "普段よりはるかに高額なチャージ", Severity.medium, check)
