"""amount-spike: a top-up far above what the holder usually puts into that wallet."""

from __future__ import annotations

import numpy as np
import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Top-ups to a recognised wallet several times the holder's usual amount.

    Each day is judged against the days before it, so the order a bank lists one day's
    rows in never matters; a spike never becomes part of what is usual.
    """
    hits: list[Hit] = []
    mine = debits[debits["wallet"].notna() & debits["allowed"]]
    for wallet_id, group in mine.groupby("wallet", sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        usual_top_ups: list[int] = []
        for _, today in group.groupby("date", sort=True):
            usual = _usual(usual_top_ups, ctx)
            ordinary = []
            for seq, amount in zip(today.index, today["debit"], strict=True):
                if usual is not None and _is_spike(int(amount), usual, usual_top_ups, ctx):
                    hits.append(_hit(seq, int(amount), usual, wallet.name_en, wallet.name_ja))
                else:
                    ordinary.append(int(amount))
            usual_top_ups.extend(ordinary)  # only after the whole day was judged
    return hits


def _usual(history: list[int], ctx: Context) -> float | None:
    """The holder's usual top-up, once there is enough history to know it."""
    if len(history) < ctx.settings.spike_min_history:
        return None
    return float(np.median(history))


def _is_spike(amount: int, usual: float, history: list[int], ctx: Context) -> bool:
    settings = ctx.settings
    return (amount >= settings.spike_min_amount and amount >= usual * settings.spike_factor
            and amount >= max(history) * settings.spike_over_max)


def _hit(seq: int, amount: int, usual: float, name_en: str, name_ja: str) -> Hit:
    return RULE.hit(
        seq,
        f"{yen(amount)} to {name_en} is {amount / usual:.0f} times your usual top-up of "
        f"{yen(int(usual))}",
        f"{name_ja}への{yen(amount)}は、普段のチャージ額{yen(int(usual))}の{amount / usual:.0f}倍です",
    )


RULE = Rule("amount-spike", "Top-up far above your own history with that wallet",
            "普段よりはるかに高額なチャージ", Severity.medium, check)
