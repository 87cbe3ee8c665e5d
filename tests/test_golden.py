"""Every bundled sample: its layout, its counts and totals, its findings, its golden JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from auditor.ingest.layouts import builtin_layouts
from tests.conftest import GOLDEN, ROOT, SAMPLES, Run

TRUTH: dict[str, dict[str, Any]] = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
SAMPLE_FILES = sorted(SAMPLES.glob("*.csv"))


def _scan_args(path: Path) -> list[str]:
    truth = TRUTH[path.name]
    args = ["scan", str(path.relative_to(ROOT)), "--format", "json", "--lang", "en"]
    args += [arg for wallet in truth["allow"] for arg in ("--allow", wallet)]
    # JA Bank prints no year; the sample's truth says which year it starts in.
    return [*args, "--year", truth["period"]["from"][:4]]


def test_every_sample_has_truth_and_golden_and_nothing_else() -> None:
    names = {p.name for p in SAMPLE_FILES}
    assert names == set(TRUTH)
    assert {p.stem for p in GOLDEN.glob("*.json")} == {p.stem for p in SAMPLE_FILES}


def test_every_layout_has_a_sample() -> None:
    assert {layout.id for layout in builtin_layouts()} <= {p.stem for p in SAMPLE_FILES}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_matches_truth_and_golden(path: Path, cli: Callable[..., Run],
                                         monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(ROOT)
    run = cli(*_scan_args(path))
    assert run.code in (0, 1), run.err
    result = json.loads(run.out)
    truth = TRUTH[path.name]
    (report,) = result["files"]
    expected_layout = "generic" if truth["layout"] == "generic_77" else truth["layout"]
    assert report["layout"] == expected_layout
    assert report["encoding"] == truth["encoding"]
    assert (report["rows"], report["debit_total"], report["credit_total"]) == (
        truth["rows"], truth["debit_total"], truth["credit_total"])
    assert report["period"] == truth["period"]
    assert report["rejected"] == [] and report["balance_breaks"] == []
    flagged = Counter((f["date"], f["amount"]) for f in result["findings"]
                      if f["severity"] in ("medium", "high"))
    assert flagged == Counter(tuple(row) for row in truth["flag"])
    own = {tuple(row) for row in truth["own_wallet"] + truth.get("lookalike", [])}
    assert not own & {(f["date"], f["amount"]) for f in result["findings"]}
    refunded = Counter((f["date"], f["amount"]) for f in result["findings"] if f["refund"])
    assert refunded == Counter(tuple(row) for row in truth["refunded"])
    assert result["summary"]["at_risk"] == sum(amount for _, amount in truth["flag"]) - sum(
        amount for _, amount in truth["refunded"])
    _compare_golden(path.stem, result, update_golden)


def _compare_golden(stem: str, result: dict[str, Any], update: bool) -> None:
    golden = GOLDEN / f"{stem}.json"
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if update or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"wrote missing golden file {golden.name}; review and commit it")
    assert json.loads(golden.read_text(encoding="utf-8")) == result
