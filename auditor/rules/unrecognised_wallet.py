"""unrecognised-wallet: money taken into a wallet service the holder does not use."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Every debit to a catalogued wallet that is not on the holder's allow list."""
    rows = debits[debits["wallet"].notna() & ~debits["allowed"]]
    hits = []
    for seq, wallet_id, amount in zip(rows.index, rows["wallet"], rows["debit"], strict=True):
        wallet = ctx.catalogue.get(wallet_id)
        hits.append(RULE.hit(
            seq,
            f"{yen(amount)} was charged to {wallet.name_en}, a service not on your list of "
            "wallets you use",
            f"利用登録していない{wallet.name_ja}へ{yen(amount)}がチャージされています",
        ))
    return hits


RULE = Rule("unrecognised-wallet", "Debit to a wallet service you do not use",
            "利用していない決済サービスへの出金", Severity.high, check)
