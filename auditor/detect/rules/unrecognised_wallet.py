"""unrecognised-wallet: money taken into a wallet or brokerage the holder does not use."""

from __future__ import annotations

import pandas as pd

from auditor.detect.catalogue import Wallet
from auditor.models import Reason, Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import Bi, both, yen


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
    name = Bi(wallet.name_en, wallet.name_ja)
    if cut:
        name = both("rule.unrecognised-wallet.cut", wallet=name)
    key = ("rule.unrecognised-wallet.brokerage" if wallet.kind == "brokerage"
           else "rule.unrecognised-wallet")
    return RULE.reason(*both(key, amount=yen(amount), wallet=name))


RULE = Rule("unrecognised-wallet", *both("rule.unrecognised-wallet.title"), Severity.medium,
            check)
