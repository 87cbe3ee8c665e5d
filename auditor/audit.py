"""Audit one statement: find its wallet debits, run every rule, score each flagged row."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from auditor.models import SEVERITY_SCORE, Finding, Reason, Severity
from auditor.normalise import distinct, object_array
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

    Matching runs once per distinct descriptor (a year of statements repeats a few
    hundred), and rows are chosen by code, so only the few wallet debits are ever copied.
    """
    key_codes, keys = distinct(frame["key"])
    wallets = object_array([catalogue.match(key) for key in keys])
    marker_codes, markers = _markers(key_codes, keys, frame["channel_key"], catalogue)
    keep = (frame["debit"].to_numpy() > 0) & (_found(wallets)[key_codes]
                                              | _found(markers)[marker_codes])
    rows = frame[keep]
    # From here on only wallet debits remain (a few percent of rows): plain strings are fine.
    debits = rows.assign(wallet=wallets[key_codes[keep]], marker=markers[marker_codes[keep]],
                         key=rows["key"].astype(object),
                         channel_key=rows["channel_key"].astype(object))
    timed = debits["time"].notna()
    # Most banks print no time: parsing a column of "00:00:00" would then be pure cost.
    offset = pd.to_timedelta(debits["time"].where(timed, "00:00:00")) if timed.any() else None
    debits = debits.assign(
        allowed=debits["wallet"].isin(allowed), timed=timed,
        ts=debits["date"] if offset is None else debits["date"] + offset,
    )
    return debits.set_index("seq", drop=False)


def _markers(key_codes: np.ndarray, keys: list[str], channel: pd.Series,
             catalogue: Catalogue) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code into the markers found; every (descriptor, channel) pair looked up once."""
    channel_codes, channels = distinct(channel)
    width = max(len(channels), 1)
    # Hashing the pair codes, not sorting them: a million rows take a few milliseconds.
    pair_codes, pairs = pd.factorize(key_codes.astype(np.int64) * width + channel_codes)
    found = [catalogue.marker(keys[pair // width], channels[pair % width]) for pair in pairs]
    return pair_codes, object_array(found)


def _found(values: np.ndarray) -> np.ndarray:
    """True where a look-up found something."""
    return np.array([value is not None for value in values], dtype=bool)


def _findings(statement: Statement, debits: pd.DataFrame, hits: list[Hit],
              window: Window) -> list[Finding]:
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
        findings.append(Finding(
            file=file, line=line, date=when,
            time=time if isinstance(time, str) else None, amount=amount,
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
    for seq, *same in zip(debits.index.tolist(), debits["date"].to_numpy("datetime64[D]").tolist(),
                          debits["time"].tolist(), debits["debit"].tolist(),
                          debits["key"].tolist(), strict=True):
        seen[tuple(same)] += 1
        numbers[int(seq)] = seen[tuple(same)]
    return numbers
