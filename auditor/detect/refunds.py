"""Refunds: a top-up the same service paid back (same amount, within days after it)."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from auditor.models import Refund

REFUND_DAYS = 14


def refunds(debits: pd.DataFrame, credits: pd.DataFrame,
            days: int = REFUND_DAYS) -> dict[int, Refund]:
    """By debit seq: the credit from the same service, of the same amount, that reversed it.

    The same service is the same wallet id, or for a top-up-shaped payee no wallet names,
    the same descriptor, of the same account (column ``acct``). Each credit pays back one debit: the earliest one before it that
    is not paid back yet, at most ``days`` after it (on the same day where the bank prints
    no time, either may be listed first).
    """
    if debits.empty or credits.empty:
        return {}
    waiting: dict[tuple[object, int], list[tuple[pd.Timestamp, bool, int]]] = defaultdict(list)
    for seq, service, amount, ts, timed in _rows(debits, "debit"):
        waiting[service, amount].append((ts, timed, seq))
    paid: dict[int, Refund] = {}
    window = pd.Timedelta(days=days)
    for seq, service, amount, ts, timed in _rows(credits, "credit"):
        queue = waiting.get((service, amount), [])
        for index, (when, debit_timed, debit_seq) in enumerate(queue):
            after = ts > when if timed and debit_timed else ts.normalize() >= when.normalize()
            if after and ts.normalize() - when.normalize() <= window:
                paid[debit_seq] = Refund(int(credits.at[seq, "line"]), ts.date())
                del queue[index]
                break
    return paid


def _rows(rows: pd.DataFrame, amount: str) -> list[tuple[int, object, int, pd.Timestamp, bool]]:
    """(seq, service, amount, ts, timed) in time order; the service as refunds() defines it."""
    service = rows["wallet"].where(rows["wallet"].notna(), "key:" + rows["key"].astype(str))
    ordered = rows.assign(service=service).sort_values("ts", kind="stable")  # rows come in seq order
    services = zip(ordered["acct"].tolist(), ordered["service"].tolist(), strict=True)
    return list(zip(ordered["seq"].tolist(), services,
                    ordered[amount].astype(int).tolist(), ordered["ts"].tolist(),
                    ordered["timed"].tolist(), strict=True))


def credit_keys(debits: pd.DataFrame) -> frozenset[str]:
    """Descriptors of top-up-shaped debits that no wallet names: their refunds match by text."""
    return frozenset(debits.loc[debits["wallet"].isna(), "key"].tolist())


__all__ = ["REFUND_DAYS", "credit_keys", "refunds"]
