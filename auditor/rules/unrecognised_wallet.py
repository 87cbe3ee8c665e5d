"""unrecognised-wallet: money taken into a wallet service the holder does not use."""

from __future__ import annotations

import pandas as pd

from auditor.models import Reason, Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Every debit to a catalogued wallet that is not on the holder's allow list."""
    rows = debits[debits["wallet"].notna() & ~debits["allowed"]]
    reasons: dict[tuple[str, int], Reason] = {}  # top-ups repeat a few round amounts
    hits = []
    for seq, wallet_id, amount in zip(rows.index.tolist(), rows["wallet"].tolist(),
                                      rows["debit"].tolist(), strict=True):
        reason = reasons.get((wallet_id, amount))
        if reason is None:
            reason = reasons[wallet_id, amount] = _reason(ctx, wallet_id, amount)
        hits.append(Hit(seq, reason))
    return hits


def _reason(ctx: Context, wallet_id: str, amount: int) -> Reason:
    wallet = ctx.catalogue.get(wallet_id)
    return RULE.reason(
        f"{yen(amount)} was charged to {wallet.name_en}, a service not on your list of "
        "wallets you use",
        f"利用登録していない{wallet.name_ja}へ{yen(amount)}がチャージされています",
    )


RULE = Rule("unrecognised-wallet", "Debit to a wallet service you do not use",
            "利用していない決済サービスへの出金", Severity.high, check)
