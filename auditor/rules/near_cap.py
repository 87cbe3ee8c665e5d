"""near-cap: a month's top-ups to one wallet reaching most of that wallet's monthly cap."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Every debit of a calendar month whose total to a capped wallet nears the cap."""
    hits: list[Hit] = []
    with_cap = [w.id for w in ctx.catalogue.wallets if w.monthly_cap is not None]
    capped = debits[debits["wallet"].isin(with_cap)]
    if capped.empty:
        return hits
    month = capped["date"].dt.strftime("%Y-%m")
    for (wallet_id, when), group in capped.groupby(["wallet", month], sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        total = int(group["debit"].sum())
        if wallet.monthly_cap is None or total < wallet.monthly_cap * ctx.settings.cap_share:
            continue
        share = round(100 * total / wallet.monthly_cap)
        for seq in group.index:
            hits.append(RULE.hit(
                seq,
                f"{yen(total)} went to {wallet.name_en} in {when}: {share}% of its "
                f"{yen(wallet.monthly_cap)} monthly limit",
                f"{when}の{wallet.name_ja}への出金合計{yen(total)}は、月間上限"
                f"{yen(wallet.monthly_cap)}の{share}%に達しています",
            ))
    return hits


RULE = Rule("near-cap", "A month's top-ups reach most of the wallet's cap",
            "月間上限額に迫るチャージ", Severity.medium, check)
