"""Many accounts audited in one frame give each account exactly its own findings."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.detect.audit import Window, examine
from auditor.detect.groupwise import examine_accounts
from auditor.detect.rules import Context, Settings
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import ReadOptions, Statement, read_statement
from tests.conftest import ROOT, SAMPLES
from tests.downloads import downloads

sys.path[:0] = [str(ROOT / "benchmarks" / "bank"), str(ROOT / "benchmarks" / "corpus")]
from bank_model import Bank  # noqa: E402
from bank_write import write_files  # noqa: E402

CONTEXTS = {
    "none": frozenset(),
    "paypay": frozenset({"paypay"}),
    "nothing": frozenset({"none"}),
    "several": frozenset({"line-pay", "docomo-koza", "rakuten-securities"}),
}
WINDOWS = [Window(), Window(since=date(2020, 8, 1)), Window(until=date(2020, 7, 15)),
           Window(since=date(2020, 3, 1), until=date(2020, 9, 30))]


@cache
def samples() -> tuple[Statement, ...]:
    return tuple(read_statement(path, ReadOptions(year=2020))
                 for path in sorted(SAMPLES.glob("*.csv")))


def one_frame(statements: Sequence[Statement], mix: np.random.Generator | None = None
              ) -> tuple[pd.DataFrame, dict[str, str | None]]:
    """The statements as accounts of one frame; with mix, their rows interleaved at random
    (each account's rows still in its own order)."""
    frame = pd.concat([st.frame.assign(account=f"a{n}", file=str(st.path))
                       for n, st in enumerate(statements)], ignore_index=True)
    if mix is not None:
        # Each account's rows take that account's random keys sorted, in their own order.
        keys = _sorted_within(frame["account"], mix.random(len(frame)))
        frame = frame.iloc[np.argsort(keys, kind="stable")]
    banks = {f"a{n}": None if st.layout.generic else st.layout.bank
             for n, st in enumerate(statements)}
    return frame, banks


def _sorted_within(accounts: pd.Series, keys: np.ndarray) -> np.ndarray:
    out = np.empty(len(keys))
    for _, at in accounts.groupby(accounts, sort=False).indices.items():
        out[at] = np.sort(keys[at])
    return out


def assert_same(statements: Sequence[Statement], ctx: Context, window: Window,
                mix: np.random.Generator | None = None) -> int:
    frame, banks = one_frame(statements, mix)
    together = examine_accounts(frame, ctx, window, banks=banks)
    found = 0
    for n, statement in enumerate(statements):
        alone = examine(statement, ctx, window)
        if statement.frame.empty:
            assert f"a{n}" not in together
            continue
        assert together[f"a{n}"] == alone, statement.path.name
        found += len(alone.findings)
    return found


@pytest.mark.parametrize("allowed", sorted(CONTEXTS))
def test_samples_in_one_frame_give_each_file_its_own_findings(allowed: str) -> None:
    ctx = Context(load_catalogue(), CONTEXTS[allowed])
    assert assert_same(samples(), ctx, Window()) > 0 or allowed == "several"


def test_windows_hide_the_same_findings_per_account() -> None:
    ctx = Context(load_catalogue(), frozenset())
    for window in WINDOWS:
        assert_same(samples(), ctx, window)


def test_a_generated_bank_in_one_frame_gives_each_file_its_own_findings(tmp_path: Path) -> None:
    write_files(Bank(accounts=120, hit_share=0.3, seed="g", layouts=("mufg", "yucho", "sony",
                                                                      "rakuten", "smbc")),
                tmp_path)
    statements = [read_statement(path) for path in sorted(tmp_path.glob("*.csv"))]
    ctx = Context(load_catalogue(), frozenset())
    assert assert_same(statements, ctx, Window(), np.random.default_rng(1)) > 0


def test_downloads_of_many_layouts_in_one_frame(tmp_path: Path) -> None:
    statements = []
    for n, layout in enumerate(("mufg", "yucho", "rakuten", "sumishin", "paypay_bank")):
        one = downloads(layout, seed=n, overlap=5, duplicate=False).downloads[0]
        path = tmp_path / one.name
        path.write_bytes(one.data)
        statements.append(read_statement(path))
    ctx = Context(load_catalogue(), frozenset(), Settings(burst_count=2))
    assert_same(statements, ctx, Window(), np.random.default_rng(2))


def test_the_bank_named_for_an_account_chooses_its_channel_markers() -> None:
    yucho = next(st for st in samples() if st.path.name == "yucho.csv")
    frame, _ = one_frame([yucho, yucho])
    frame = frame.astype({"key": object, "description": object, "channel_key": object})
    first = frame.index[frame["debit"] > 0][:1]
    for account in ("a0", "a1"):  # ＲＴ with the payee in brackets: a pull at ゆうちょ only
        at = frame.index[(frame["account"] == account) & (frame["line"] == frame.loc[first,
                                                                                    "line"].iloc[0])]
        frame.loc[at, ["key", "description", "channel_key"]] = ["(ﾅﾆｶﾉｻｰﾋﾞｽ)"] * 2 + ["RT"]
    ctx = Context(load_catalogue(), frozenset())
    found = examine_accounts(frame, ctx, banks={"a0": yucho.layout.bank, "a1": None})
    rules = [{r.rule for f in found[a].findings for r in f.reasons} for a in ("a0", "a1")]
    assert "wallet-like" in rules[0] and "wallet-like" not in rules[1]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(list(SAMPLES.glob("*.csv"))) - 1), min_size=1, max_size=6),
       st.sampled_from(sorted(CONTEXTS)), st.sampled_from(WINDOWS), st.integers(0, 2**32 - 1))
def test_accounts_concatenated_keep_their_own_findings(picked: list[int], allowed: str,
                                                       window: Window, seed: int) -> None:
    chosen = [samples()[i] for i in picked]  # the same file twice is two accounts
    assert_same(chosen, Context(load_catalogue(), CONTEXTS[allowed]), window,
                np.random.default_rng(seed))
