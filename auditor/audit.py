"""Audit one statement: find its wallet debits, run every rule, score each flagged row."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from auditor.models import SEVERITY_SCORE, Finding, Reason, Severity
from auditor.rules import Context, Hit, Rule, all_rules
from auditor.statement import Statement
from auditor.wallets import Catalogue


@dataclass(frozen=True)
class Window:
    """The dates findings are reported for; earlier history still informs the rules."""

    since: date | None = None
    until: date | None = None

    def holds(self, when: date) -> bool:
        return (self.since is None or when >= self.since) and (self.until is None or when <= self.until)


def audit(statement: Statement, ctx: Context, window: Window = Window(),
          rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Return one finding per suspicious row of the statement, in time order."""
    frame = statement.frame
    if frame.empty:
        return []
    ctx = Context(ctx.catalogue, ctx.allowed, ctx.settings, frame["date"].iloc[0])
    debits = wallet_debits(frame, ctx.catalogue, ctx.allowed)
    hits = [hit for rule in (rules or all_rules()) for hit in rule.check(debits, ctx)]
    return _findings(statement, debits, hits, window)


def wallet_debits(frame: pd.DataFrame, catalogue: Catalogue, allowed: frozenset[str]) -> pd.DataFrame:
    """The debits that name a wallet or carry a top-up marker, indexed by ``seq``.

    Matching runs once per distinct descriptor: a year of statements repeats a few hundred.
    """
    debits = frame[frame["debit"] > 0]
    wallet = _per_distinct(debits["key"], catalogue.match)
    marker = _markers(debits, catalogue)
    keep = wallet.notna().to_numpy() | marker.notna().to_numpy()
    # From here on only wallet debits remain (a few percent of rows): plain strings are fine.
    debits = debits[keep].assign(wallet=wallet[keep], marker=marker[keep],
                                 key=debits["key"][keep].astype(object),
                                 channel_key=debits["channel_key"][keep].astype(object))
    times = pd.to_timedelta(debits["time"].fillna("00:00:00"))
    debits = debits.assign(
        allowed=debits["wallet"].isin(allowed), timed=debits["time"].notna(),
        ts=debits["date"] + times,
    )
    return debits.set_index("seq", drop=False)


def _markers(debits: pd.DataFrame, catalogue: Catalogue) -> pd.Series:
    """The channel marker of each debit, looked up once per (descriptor, channel) pair."""
    key_codes, keys = pd.factorize(debits["key"], use_na_sentinel=False)
    channel_codes, channels = pd.factorize(debits["channel_key"], use_na_sentinel=False)
    pairs, inverse = np.unique(key_codes * max(len(channels), 1) + channel_codes,
                               return_inverse=True)
    width = max(len(channels), 1)
    found = np.array([catalogue.marker(str(keys[p // width]), str(channels[p % width]))
                      for p in pairs] + [None], dtype=object)[:-1]
    return pd.Series(found[inverse] if len(inverse) else [], index=debits.index, dtype=object)


def _per_distinct(column: pd.Series, find: object) -> pd.Series:
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    found = np.array([find(str(u)) for u in uniques] + [None], dtype=object)[:-1]  # type: ignore[operator]
    return pd.Series(found[codes] if len(codes) else [], index=column.index, dtype=object)


def _findings(statement: Statement, debits: pd.DataFrame, hits: list[Hit],
              window: Window) -> list[Finding]:
    by_row: dict[int, list[Reason]] = defaultdict(list)
    for hit in hits:
        if all(reason.rule != hit.reason.rule for reason in by_row[hit.seq]):
            by_row[hit.seq].append(hit.reason)
    seqs = sorted(by_row)
    rows = statement.frame.iloc[seqs]  # one take, not one look-up per finding
    # Identical rows have the same descriptor, so they are all among the wallet debits.
    occurrence = _occurrences(debits)
    wallets = debits["wallet"].to_dict()
    findings = []
    for seq, line, when, time, amount, text, channel, key in zip(
            seqs, rows["line"], rows["date"].dt.date, rows["time"], rows["debit"],
            rows["description"], rows["channel"], rows["key"], strict=True):
        if not window.holds(when):
            continue
        reasons = by_row[seq]
        score = min(100, sum(SEVERITY_SCORE[reason.severity] for reason in reasons))
        wallet = wallets.get(seq)
        findings.append(Finding(
            file=str(statement.path), line=int(line), date=when,
            time=time if isinstance(time, str) else None, amount=int(amount),
            description=str(text or channel), wallet=wallet if isinstance(wallet, str) else None,
            score=score, severity=Severity.for_score(score), reasons=tuple(reasons),
            key=str(key), occurrence=occurrence[seq],
        ))
    return findings


def _occurrences(debits: pd.DataFrame) -> dict[int, int]:
    """By seq: 1 for the first row with its date, time, debit and descriptor, 2 for the next.

    Wallet debits are a few percent of a statement, so a plain counter beats a group-by.
    """
    seen: Counter[tuple[object, ...]] = Counter()
    numbers = {}
    for seq, *same in zip(debits.index, debits["date"], debits["time"], debits["debit"],
                          debits["key"], strict=True):
        seen[tuple(same)] += 1
        numbers[int(seq)] = seen[tuple(same)]
    return numbers
