"""Any split of a statement into overlapping pieces stitches back to it, findings and all."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.detect.audit import examine
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import Statement, read_statement
from auditor.models import Finding
from auditor.stitch import Account, stitch
from tests.downloads import (NO_GENERIC_WITHOUT_BALANCE, Balance, Download, Year, downloads,
                             pieces)

LAYOUTS = ("mufg", "yucho", "mizuho", "paypay_bank", "jnb", "shinsei_2018", "rakuten", "kyoto",
           "smbc", "sony", "generic_77")
COLUMNS = ["date", "time", "debit", "credit", "balance", "description", "channel", "key",
           "channel_key", "seq"]


@st.composite
def spans(draw: st.DrawFn, rows: int, least: int) -> list[tuple[int, int]]:
    """Pieces covering every row, each overlapping the one before it by ``least`` or more
    rows; a piece may lie inside another, and may begin or end in the middle of a day."""
    starts = sorted(draw(st.sets(st.integers(1, rows - 2), min_size=1, max_size=5)))
    out, begin = [], 0
    for start in starts:
        start = max(start, begin + 1)
        if start >= rows:
            break
        end = min(rows, start + draw(st.integers(least, 40)))
        out.append((begin, max(end, begin + 1)))
        begin = start
    out.append((begin, rows))
    if draw(st.booleans()) and len(out) > 2:  # one piece inside the one before it
        (a, b), (c, _) = out[0], out[1]
        out.insert(1, (min(a + 3, b - 1), max(min(a + 3, b - 1) + 1, min(b, c + 5))))
    return out


def written(year: Year, made: list[Download], folder: Path) -> list[Statement]:
    read = []
    for one in made:
        (folder / one.name).write_bytes(one.data)
        read.append(read_statement(folder / one.name))
    return read


def facts(found: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.identity(), f.date, f.time, f.amount, f.severity, f.rules, f.score, f.wallet,
             f.refund and f.refund.date) for f in found]


def check_places(account: Account, made: list[Download], folder: Path) -> None:
    """Each stitched row is in exactly the pieces that hold it, at its line in each."""
    expected: dict[int, list[tuple[str, int]]] = {}
    order = {str(folder / name): k for k, name in enumerate(account.files)}
    for one in made:
        for i, line in zip(one.rows, one.lines, strict=True):
            expected.setdefault(i, []).append((str(folder / one.name), line))
    for seq in range(len(account.frame)):
        assert sorted(account.provenance.places(seq), key=lambda p: order[p[0]]) == \
            sorted(expected[seq], key=lambda p: order[p[0]])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), layout=st.sampled_from(LAYOUTS), seed=st.integers(0, 10_000),
       balance=st.sampled_from(["column", "blank", "none"]), shuffle=st.randoms())
def test_any_split_stitches_back_to_the_whole(tmp_path: Path, data: st.DataObject, layout: str,
                                              seed: int, balance: Balance,
                                              shuffle: random.Random) -> None:
    if balance == "none" and layout in NO_GENERIC_WITHOUT_BALANCE:
        balance = "blank"
    year = downloads(layout, seed=seed, months=4, rows=60, duplicate=False, balance=balance)
    rows = len(year.rows)
    # With no balance, a row at the end of one piece and an identical one at the start of
    # the next are one row or two, and nothing in the files tells which: pieces share a row.
    cut = data.draw(spans(rows, 0 if balance == "column" else 1))
    folder = tmp_path / f"{layout}-{seed}-{balance}-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    (whole,) = written(year, pieces(year, [(0, rows)]), folder)
    made = pieces(year, cut)
    shuffle.shuffle(made)
    (account,) = stitch(written(year, made, folder))
    frame = account.frame
    assert frame[COLUMNS].astype(str).equals(whole.frame[COLUMNS].astype(str))
    check_places(account, made, folder)
    if balance == "column":
        assert account.breaks == () and account.gaps == () and account.unchained == 0
    ctx = Context(load_catalogue(), frozenset())
    stitched = examine(account.statement(), ctx, sources=account.provenance)
    alone = examine(whole, ctx)
    assert facts(stitched.findings) == facts(alone.findings)
    assert stitched.suggestions == alone.suggestions
    for finding in stitched.findings:
        assert (finding.file, finding.line) == finding.seen_in[0]
