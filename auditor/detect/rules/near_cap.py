"""near-cap: top-ups to one wallet reaching most of its monthly or daily cap."""

from __future__ import annotations

import numpy as np
import pandas as pd

from auditor.detect.catalogue import Wallet
from auditor.models import Reason, Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import Bi, both, yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Every debit of a calendar month, or of a day, whose total nears the wallet's cap.

    A day is 24 hours before each debit where the bank prints times, else the calendar day.
    Each account's (column ``acct``) top-ups count alone.
    """
    share = ctx.settings.cap_share
    near = _near(debits, ctx)
    hits = _monthly(near, ctx, share)  # before the daily ones: a row's first reason is kept
    daily = [wallet.id for wallet in ctx.catalogue.wallets if wallet.daily_cap is not None]
    near = near[near["wallet"].isin(daily)]
    for (_, wallet_id), group in near.groupby(["acct", "wallet"], sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        hits += _daily(group, wallet, int(wallet.daily_cap or 0), share)
    return hits


def _near(debits: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """The debits to a capped wallet whose account's top-ups to it reach the share of a cap.

    No month or day holds more than all of them: most accounts are ruled out at once.
    """
    caps = {wallet.id: min(cap for cap in (wallet.monthly_cap, wallet.daily_cap)
                           if cap is not None)
            for wallet in ctx.catalogue.wallets
            if wallet.monthly_cap is not None or wallet.daily_cap is not None}
    named = debits[debits["wallet"].isin(list(caps))]
    total = named.groupby(["acct", "wallet"], sort=False)["debit"].transform("sum")
    least = named["wallet"].map(caps).to_numpy(dtype=float)
    return named[total.to_numpy() >= least * ctx.settings.cap_share]


def _monthly(near: pd.DataFrame, ctx: Context, share: float) -> list[Hit]:
    """Debits of each account's calendar month to a wallet that reach the share of its
    monthly cap: the months of all accounts summed at once, a reason made once a month."""
    caps = {wallet.id: wallet.monthly_cap for wallet in ctx.catalogue.wallets
            if wallet.monthly_cap is not None}
    capped = near[near["wallet"].isin(list(caps))]
    if capped.empty:
        return []
    dates = capped["date"].dt
    month = pd.Series((dates.year * 100 + dates.month).to_numpy(), index=capped.index)
    total = capped.groupby([capped["acct"], capped["wallet"], month], sort=False)[
        "debit"].transform("sum").to_numpy()
    keep = total >= capped["wallet"].map(caps).to_numpy(dtype=float) * share
    rows = capped[keep]
    reasons: dict[tuple[object, ...], Reason] = {}
    hits = []
    for seq, *key in zip(rows.index.tolist(), rows["acct"].tolist(), rows["wallet"].tolist(),
                         month[keep].tolist(), total[keep].tolist(), strict=True):
        reason = reasons.get(tuple(key))
        if reason is None:
            reason = reasons[tuple(key)] = _month_reason(ctx.catalogue.get(str(key[1])),
                                                         int(caps[key[1]]), *key[2:])
        hits.append(Hit(int(seq), reason))
    return hits


def _month_reason(wallet: Wallet, cap: int, month: int, total: int) -> Reason:
    """The reason of a month (year * 100 + month) whose top-ups came to total."""
    return RULE.reason(*both("rule.near-cap.monthly", total=yen(total),
                             month=f"{month // 100:04d}-{month % 100:02d}",
                             wallet=Bi(wallet.name_en, wallet.name_ja),
                             percent=round(100 * total / cap), cap=yen(cap)))


def _daily(group: pd.DataFrame, wallet: Wallet, cap: int, share: float) -> list[Hit]:
    """Debits whose day (24 hours, where the bank prints times) reaches the share of the cap."""
    ordered = group.sort_values("ts", kind="stable")
    seqs, debit = ordered.index.to_numpy(), ordered["debit"].to_numpy()
    timed = bool(ordered["timed"].all())
    stamps = ordered["ts" if timed else "date"].to_numpy()
    totals = np.cumsum(np.concatenate([[0], debit]))
    if timed:  # each debit's window: the 24 hours up to it
        lasts = np.arange(len(stamps))
        firsts = np.searchsorted(stamps, stamps - np.timedelta64(24, "h"), side="right")
    else:  # each calendar day, whole
        firsts = np.searchsorted(stamps, stamps, side="left")
        lasts = np.searchsorted(stamps, stamps, side="right") - 1
    best: dict[int, tuple[int, int, int]] = {}  # seq: the largest window holding it
    for first, last in sorted(set(zip(firsts.tolist(), lasts.tolist(), strict=True))):
        total = int(totals[last + 1] - totals[first])
        if total >= cap * share:
            for position in range(first, last + 1):
                if total > best.get(position, (0, 0, 0))[0]:
                    best[position] = (total, first, last)
    hits = []
    for position, (total, first, last) in sorted(best.items()):
        percent = round(100 * total / cap)
        day = pd.Timestamp(stamps[last]).date().isoformat()
        within = both("rule.near-cap.24h") if timed else both("rule.near-cap.on_day", day=day)
        hits.append(RULE.hit(seqs[position], *both(
            "rule.near-cap.daily", total=yen(total), wallet=Bi(wallet.name_en, wallet.name_ja),
            within=within, percent=percent, cap=yen(cap))))
    return hits


RULE = Rule("near-cap", *both("rule.near-cap.title"), Severity.medium, check)
