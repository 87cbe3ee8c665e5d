"""Flagged rows into findings, per account: reasons, score, occurrence, refund, sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd

from auditor.detect.outcome import Sources, Window
from auditor.detect.rules import Hit
from auditor.hidden import Hidden
from auditor.models import SEVERITY_SCORE, Finding, Reason, Refund, Severity


def findings(frame: pd.DataFrame, accounts: np.ndarray, count: int, debits: pd.DataFrame,
             hits: list[Hit], window: Window, paid: dict[int, Refund], file: str | None,
             sources: Sources | None = None, keys: Sequence[str] | None = None,
             ) -> tuple[list[list[Finding]], list[Hidden]]:
    """Each account's findings in time order, and those its window hides.

    ``accounts`` gives each row's account (0 to count - 1), ``keys`` (if given) its key; a
    row's file is ``file``, else the frame's own ``file`` column."""
    by_row: dict[int, dict[str, Reason]] = defaultdict(dict)
    for hit in hits:  # one reason per rule and row, the first one given
        by_row[hit.seq].setdefault(hit.reason.rule, hit.reason)
    seqs = sorted(by_row)
    rows = frame.iloc[seqs]  # one take, not one look-up per finding
    # Identical rows have the same descriptor, so they are all among the wallet debits.
    occurrence = _occurrences(debits)
    wallets = dict(zip(debits.index.tolist(), debits["wallet"].tolist(), strict=True))
    found: list[list[Finding]] = [[] for _ in range(count)]
    hidden = np.zeros((count, 2), dtype=np.int64)  # before --since, after --until
    names = [file] * len(seqs) if file is not None else rows["file"].astype(str).tolist()
    # Plain Python values, converted in C by column: iterating Series boxes every cell.
    for seq, owner, name, line, when, time, amount, text, channel, key in zip(
            seqs, accounts[seqs].tolist(), names, rows["line"].tolist(),
            rows["date"].to_numpy("datetime64[D]").tolist(), rows["time"].tolist(),
            rows["debit"].tolist(), rows["description"].tolist(), rows["channel"].tolist(),
            rows["key"].tolist(), strict=True):
        if not window.holds(when):
            hidden[owner, 0 if window.since is not None and when < window.since else 1] += 1
            continue
        reasons = list(by_row[seq].values())
        score = min(100, sum(SEVERITY_SCORE[reason.severity] for reason in reasons))
        wallet = wallets.get(seq)
        seen = () if sources is None else sources.places(seq)
        found[owner].append(Finding(
            file=seen[0][0] if seen else name, line=line, date=when,
            time=time if isinstance(time, str) else None, amount=amount,
            description=str(text or channel), wallet=wallet if isinstance(wallet, str) else None,
            score=score, severity=Severity.for_score(score), reasons=tuple(reasons),
            key=str(key), occurrence=occurrence[seq], refund=paid.get(seq), seen_in=seen,
            account=None if keys is None else keys[owner]))
    return found, _hidden(hidden)


def _hidden(counts: np.ndarray) -> list[Hidden]:
    none = Hidden()
    return [none if not (early or late) else Hidden(since=early, until=late)
            for early, late in counts.tolist()]


def _occurrences(debits: pd.DataFrame) -> dict[int, int]:
    """By seq: 1 for the first row of its account with its date, time, debit and descriptor,
    2 for the next."""
    if debits.empty:
        return {}
    # By day, as a finding gives its date: the same day is the same date, whatever the hour.
    same = debits[["acct", "time", "debit", "key"]].assign(
        date=debits["date"].to_numpy("datetime64[D]"))
    counts = same.groupby(list(same.columns), sort=False, dropna=False,
                          observed=True).cumcount() + 1
    return dict(zip(debits.index.tolist(), counts.tolist(), strict=True))


__all__ = ["findings"]
