"""first-seen: the first debit ever to a wallet the holder does not use, after long history."""

from __future__ import annotations

import pandas as pd

from auditor.models import Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import Bi, both, day


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """The first debit to each unrecognised wallet (or wallet-like payee) after quiet months.

    A holder's own wallets are exempt: their first top-up is ordinary, not news. Each
    account (column ``acct``) is judged against its own history, from its first day (``start``).
    """
    payee = debits["wallet"].fillna(debits["key"].where(debits["marker"].notna()))
    strangers = debits[payee.notna() & ~debits["own"]]
    # Every debit at the payee's earliest moment is "first": without a time of day the
    # bank's order within that day says nothing about which came first.
    earliest = strangers.groupby([strangers["acct"], payee[strangers.index]],
                                 sort=False)["ts"].transform("min")
    firsts = strangers[strangers["ts"] == earliest]
    quiet = (firsts["date"] - firsts["start"]).dt.days
    firsts = firsts[quiet >= ctx.settings.first_seen_days]
    hits = []
    for seq, quiet_days, start, wallet_id in zip(firsts.index, quiet[firsts.index].tolist(),
                                                 firsts["start"], firsts["wallet"], strict=True):
        name = both("rule.first-seen.payee")
        if isinstance(wallet_id, str):
            wallet = ctx.catalogue.get(wallet_id)
            name = Bi(wallet.name_en, wallet.name_ja)
        hits.append(RULE.hit(seq, *both("rule.first-seen", wallet=name, quiet=quiet_days,
                                        since=day(start))))
    return hits


RULE = Rule("first-seen", *both("rule.first-seen.title"), Severity.low, check)
