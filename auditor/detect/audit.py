"""Audit one statement: find its wallet debits, run every rule, score each flagged row."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

import pandas as pd

from auditor.detect.debits import wallet_credits, wallet_debits
from auditor.detect.habits import presumed, with_history
from auditor.hidden import Hidden
from auditor.models import SEVERITY_SCORE, Finding, Reason, Refund, Severity, Suggestion
from auditor.detect.refunds import credit_keys, refunds
from auditor.detect.rules import Context, Hit, Rule, all_rules
from auditor.ingest.statement import Statement

__all__ = ["Examined", "Sources", "Window", "audit", "examine", "wallet_debits"]


@dataclass(frozen=True)
class Window:
    """The dates findings are reported for; earlier history still informs the rules."""

    since: date | None = None
    until: date | None = None

    def holds(self, when: date) -> bool:
        return (self.since is None or when >= self.since) and (self.until is None or when <= self.until)

    def hidden(self, days: Iterable[date]) -> Hidden:
        """How many of these days' findings the window hides: before --since, after --until."""
        early = late = 0
        for when in days:
            if self.since is not None and when < self.since:
                early += 1
            elif self.until is not None and when > self.until:
                late += 1
        return Hidden(since=early, until=late)


class Sources(Protocol):
    """Where each row of a statement stitched from several files was read."""

    def places(self, seq: int) -> tuple[tuple[str, int], ...]:
        """Every (file, line) holding the row, the file it is kept from first."""
        ...


@dataclass(frozen=True)
class Examined:
    """One statement's findings, in time order, and the wallets that look like the holder's."""

    findings: list[Finding]
    suggestions: list[Suggestion]
    hidden: Hidden = Hidden()  # findings outside the window, counted, not shown


def audit(statement: Statement, ctx: Context, window: Window = Window(),
          rules: Iterable[Rule] | None = None, sources: Sources | None = None) -> list[Finding]:
    """Return one finding per suspicious row of the statement, in time order."""
    return examine(statement, ctx, window, rules, sources).findings


def examine(statement: Statement, ctx: Context, window: Window = Window(),
            rules: Iterable[Rule] | None = None, sources: Sources | None = None) -> Examined:
    """Audit the statement against the holder's own history with each wallet.

    With no allow list at all, wallets used regularly from the statement's start are taken
    as the holder's own (and suggested for the allow list); a top-up that the same service
    paid back is marked refunded. A statement stitched from several files comes with its
    sources: each finding then names the file its row is kept from and every file holding it.
    """
    frame = statement.frame
    if frame.empty:
        return Examined([], [])
    layout = statement.layout
    ctx = replace(ctx, history_start=frame["date"].iloc[0],
                  bank=None if layout.generic else layout.bank)
    debits = wallet_debits(frame, ctx.catalogue, ctx.allowed, ctx.bank, ctx.allowed_until)
    suggestions = presumed(debits, ctx)
    mine = [suggestion.wallet for suggestion in suggestions]
    kinds = {wallet.id: wallet.kind for wallet in ctx.catalogue.wallets}
    debits = with_history(debits.assign(own=debits["allowed"] | debits["wallet"].isin(mine)),
                          ctx.settings, kinds)
    hits = [hit for rule in (rules or all_rules()) for hit in rule.check(debits, ctx)]
    paid = {} if not hits else refunds(
        debits, wallet_credits(frame, ctx.catalogue, credit_keys(debits)))
    findings = _findings(statement, debits, hits, window, paid, sources)
    return Examined(findings, suggestions, _hidden(statement, hits, window))


def _hidden(statement: Statement, hits: list[Hit], window: Window) -> Hidden:
    """The flagged rows the window leaves out, one per row as findings are."""
    if window == Window() or not hits:
        return Hidden()
    seqs = sorted({hit.seq for hit in hits})
    days = statement.frame["date"].iloc[seqs].to_numpy("datetime64[D]").tolist()
    return window.hidden(days)


def _findings(statement: Statement, debits: pd.DataFrame, hits: list[Hit], window: Window,
              paid: dict[int, Refund], sources: Sources | None) -> list[Finding]:
    by_row: dict[int, dict[str, Reason]] = defaultdict(dict)
    for hit in hits:  # one reason per rule and row, the first one given
        by_row[hit.seq].setdefault(hit.reason.rule, hit.reason)
    seqs = sorted(by_row)
    rows = statement.frame.iloc[seqs]  # one take, not one look-up per finding
    # Identical rows have the same descriptor, so they are all among the wallet debits.
    occurrence = _occurrences(debits)
    wallets = dict(zip(debits.index.tolist(), debits["wallet"].tolist(), strict=True))
    findings = []
    file = str(statement.path)  # one string for all: a worker sends findings pickled
    # Plain Python values, converted in C by column: iterating Series boxes every cell.
    for seq, line, when, time, amount, text, channel, key in zip(
            seqs, rows["line"].tolist(), rows["date"].to_numpy("datetime64[D]").tolist(),
            rows["time"].tolist(), rows["debit"].tolist(), rows["description"].tolist(),
            rows["channel"].tolist(), rows["key"].tolist(), strict=True):
        if not window.holds(when):
            continue
        reasons = list(by_row[seq].values())
        score = min(100, sum(SEVERITY_SCORE[reason.severity] for reason in reasons))
        wallet = wallets.get(seq)
        seen = () if sources is None else sources.places(seq)
        findings.append(Finding(
            file=seen[0][0] if seen else file, line=line, date=when,
            time=time if isinstance(time, str) else None, amount=amount,
            description=str(text or channel), wallet=wallet if isinstance(wallet, str) else None,
            score=score, severity=Severity.for_score(score), reasons=tuple(reasons),
            key=str(key), occurrence=occurrence[seq], refund=paid.get(seq), seen_in=seen,
        ))
    return findings


def _occurrences(debits: pd.DataFrame) -> dict[int, int]:
    """By seq: 1 for the first row with its date, time, debit and descriptor, 2 for the next.

    Wallet debits are a few percent of a statement, so a plain counter beats a group-by.
    """
    seen: Counter[tuple[object, ...]] = Counter()
    numbers = {}
    for seq, *same in zip(debits.index.tolist(), debits["date"].to_numpy("datetime64[D]").tolist(),
                          debits["time"].tolist(), debits["debit"].tolist(),
                          debits["key"].tolist(), strict=True):
        seen[tuple(same)] += 1
        numbers[int(seq)] = seen[tuple(same)]
    return numbers
