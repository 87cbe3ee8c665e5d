"""odd-hour: a wallet debit in the middle of the night, where the bank prints the time."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import both, yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Wallet debits with a time of day between the night hours of the settings."""
    if not debits["timed"].any():  # most banks print no time of day
        return []
    wallets = debits[debits["timed"] & (debits["wallet"].notna() | debits["marker"].notna())]
    hour = wallets["ts"].dt.hour
    night = wallets[(hour >= ctx.settings.night_from) & (hour < ctx.settings.night_to)]
    return [
        RULE.hit(seq, *both("rule.odd-hour", amount=yen(amount), time=time))
        for seq, time, amount in zip(night.index, night["time"], night["debit"], strict=True)
    ]


RULE = Rule("odd-hour", *both("rule.odd-hour.title"), Severity.low, check)
