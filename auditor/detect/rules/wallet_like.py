"""wallet-like: a debit shaped like a wallet top-up whose payee is no catalogued wallet."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import yen

_MARKERS = {
    "yucho-rt": ("an instant debit (ＲＴ) with the payee in brackets", "即時振替（ＲＴ）"),
    "mufg-rtk": ("a ＲＴＫ account transfer", "ＲＴＫ口座振替"),
    "sumishin-furikae": ("a フリカエ pull", "フリカエ（振替）"),
    "iwate-rs": ("an RS pull", "RS振替"),
    "charge": ("a チャージ (top-up)", "チャージ"),
}


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Debits carrying a bank's top-up channel marker that match no known wallet."""
    rows = debits[debits["wallet"].isna() & debits["marker"].notna()]
    hits = []
    for seq, marker, amount in zip(rows.index, rows["marker"], rows["debit"], strict=True):
        shape_en, shape_ja = _MARKERS.get(str(marker), ("a top-up", "チャージ"))
        hits.append(RULE.hit(
            seq,
            f"{yen(amount)} left as {shape_en}, the way wallet top-ups are charged, "
            "to a payee that is no wallet you have listed",
            f"{yen(amount)}が{shape_ja}の形で出金されていますが、登録された決済サービスではありません",
        ))
    return hits


RULE = Rule("wallet-like", "Looks like a wallet top-up but matches no known wallet",
            "決済サービスへのチャージに見える不明な出金", Severity.medium, check)
