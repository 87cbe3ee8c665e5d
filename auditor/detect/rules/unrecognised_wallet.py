"""unrecognised-wallet: money taken into a wallet or brokerage the holder does not use."""

from __future__ import annotations

import pandas as pd

from auditor.detect.catalogue import Wallet
from auditor.models import Reason, Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Every debit to a catalogued service that is neither on the allow list nor a habit."""
    rows = debits[debits["wallet"].notna() & ~debits["own"]]
    reasons: dict[tuple[str, int, bool], Reason] = {}  # top-ups repeat a few round amounts
    hits = []
    for seq, wallet_id, amount, cut in zip(rows.index.tolist(), rows["wallet"].tolist(),
                                           rows["debit"].tolist(), rows["truncated"].tolist(),
                                           strict=True):
        reason = reasons.get((wallet_id, amount, cut))
        if reason is None:
            reason = reasons[wallet_id, amount, cut] = _reason(ctx.catalogue.get(wallet_id),
                                                               amount, cut)
        hits.append(Hit(seq, reason))
    return hits


def _reason(wallet: Wallet, amount: int, cut: bool) -> Reason:
    money, name_en, name_ja = yen(amount), wallet.name_en, wallet.name_ja
    if cut:
        name_en = f"what is most likely {name_en} (the bank cut the name short)"
        name_ja = f"{name_ja}と思われるサービス（明細の表示が途中で切れています）"
    if wallet.kind == "brokerage":
        en = f"{money} was moved to {name_en}, a brokerage not on your list of services you use"
        ja = f"利用登録していない証券会社、{name_ja}へ{money}が振り替えられています"
    else:
        en = f"{money} was charged to {name_en}, a service not on your list of wallets you use"
        ja = f"利用登録していない{name_ja}へ{money}がチャージされています"
    return RULE.reason(en, ja)


RULE = Rule("unrecognised-wallet", "Debit to a wallet or brokerage you do not use",
            "利用していない決済サービス・証券会社への出金", Severity.medium, check)
