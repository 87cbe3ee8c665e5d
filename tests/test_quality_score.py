"""benchmarks/quality.py: its arithmetic on hand-made findings, and its runs end to end."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import quality  # noqa: E402
import quality_report  # noqa: E402
from quality_score import by_line, right, score_corpus, score_reference  # noqa: E402


def finding(line: int, severity: str, refund: object = None, **more: object) -> dict:
    out = {"line": line, "severity": severity, "date": "2020-09-01", "amount": 1000, **more}
    if refund is not None:
        out["refund"] = refund
    return out


def label(line: int, cls: str, expect: str) -> dict:
    return {"line": line, "class": cls, "expect": expect, "dir": "debit", "amount": 1000,
            "date": "2020-09-01", "text": "ﾍﾟｲﾍﾟｲ"}


REFUND = {"line": 9, "date": "2020-09-03"}


@pytest.mark.parametrize(("expect", "found", "ok"), [
    ("flag", finding(1, "medium"), True),
    ("flag", finding(1, "high"), True),
    ("flag", finding(1, "low"), False),
    ("flag", None, False),
    ("flag", finding(1, "high", REFUND), False),  # refunded: not money at risk
    ("quiet", None, True),
    ("quiet", finding(1, "low"), True),
    ("quiet", finding(1, "medium"), False),
    ("quiet", finding(1, "medium", REFUND), False),  # still an alarm at ≥ medium
    ("refunded", None, True),
    ("refunded", finding(1, "high", REFUND), True),
    ("refunded", finding(1, "low"), True),
    ("refunded", finding(1, "medium"), False),
])
def test_each_expectation_is_judged_at_medium_and_above(expect: str, found: dict | None,
                                                        ok: bool) -> None:
    assert right(expect, found) is ok


def test_a_null_refund_key_counts_like_an_absent_one() -> None:
    assert right("flag", {"line": 1, "severity": "medium", "refund": None})


def corpus_files() -> dict:
    return {
        "a.csv": {"rows": 10, "scenario": "docomo-burst", "first_run": False, "labels": [
            label(1, "fraud/docomo-burst", "flag"), label(2, "fraud/docomo-burst", "flag"),
            label(3, "fraud/docomo-burst", "flag"), label(4, "habit/allowed", "quiet"),
            label(5, "lookalike/bill", "quiet"), label(6, "refund/refunded", "refunded")]},
        "b.csv": {"rows": 5, "scenario": "clean", "first_run": True, "labels": [
            label(1, "habit/first-run", "quiet")]},
    }


def test_recall_precision_and_the_classes_on_a_small_corpus() -> None:
    findings = {
        "a.csv": [finding(1, "high"), finding(2, "medium"), finding(3, "low"),
                  finding(4, "high"), finding(5, "low"), finding(6, "high", REFUND),
                  finding(8, "medium")],  # line 8: an ordinary row, a false alarm
        "b.csv": [finding(1, "medium")],
    }
    score = score_corpus(corpus_files(), findings)
    figures = score.figures()
    assert (figures["tp"], figures["fn"], figures["fp"]) == (2, 1, 3)
    assert figures["recall"] == pytest.approx(2 / 3)
    assert figures["precision"] == pytest.approx(2 / 5)
    assert figures["lookalike_alarms"] == 0
    assert figures["habit_alarms"] == 2
    tallies = {cls: (t.rows, t.severe, t.wrong) for cls, t in score.classes.items()}
    assert tallies == {
        "fraud/docomo-burst": (3, 2, 1), "habit/allowed": (1, 1, 1), "lookalike/bill": (1, 0, 0),
        "refund/refunded": (1, 1, 0), "habit/first-run": (1, 1, 1),
        "ordinary": (4 + 4, 1, 1),  # a.csv: 10 rows - 6 labelled; b.csv: 5 - 1
    }
    assert score.cases["docomo-burst"] == {"flag": 3, "tp": 2, "fp": 2}
    assert score.cases["clean (no allow list)"] == {"flag": 0, "tp": 0, "fp": 1}
    assert [t["status"] for t in score.targets()] == ["FAIL", "FAIL", "PASS", "FAIL"]


def test_all_right_passes_every_target() -> None:
    findings = {"a.csv": [finding(1, "high"), finding(2, "high"), finding(3, "medium"),
                          finding(4, "low"), finding(6, "medium", REFUND)]}
    score = score_corpus(corpus_files(), findings)
    assert score.figures()["recall"] == 1.0
    assert score.figures()["precision"] == 1.0
    assert all(t["status"] == "PASS" for t in score.targets())
    assert score.wrong == []


def test_no_finding_at_all_leaves_precision_undefined() -> None:
    score = score_corpus(corpus_files(), {})
    assert score.figures()["recall"] == 0.0
    assert score.figures()["precision"] is None
    assert [t["status"] for t in score.targets()] == ["FAIL", "n/a", "PASS", "PASS"]


def test_two_findings_on_one_line_keep_the_one_that_counts() -> None:
    kept = by_line([finding(3, "low"), finding(3, "high"), finding(3, "medium", REFUND)])
    assert kept[3]["severity"] == "high" and "refund" not in kept[3]


def test_reference_pairs_match_as_a_multiset() -> None:
    truth = {"r.csv": {"allow": ["paypay"],
                       "flag": [["2020-09-01", 50000], ["2020-09-01", 50000], ["2020-09-02", 9]],
                       "own_wallet": [["2020-08-01", 3000], ["2020-08-05", 3000]]}}
    findings = {"r.csv": [
        finding(10, "high", date="2020-09-01", amount=50000),
        finding(11, "low", date="2020-09-01", amount=50000),  # too mild: one pair missed
        finding(12, "medium", REFUND, date="2020-09-02", amount=9),  # refunded: missed
        finding(3, "medium", date="2020-08-01", amount=3000),  # the holder's own top-up
        finding(4, "high", date="2020-07-01", amount=777),  # not in the truth at all
    ]}
    score = score_reference(truth, findings)
    figures = score.figures()
    assert (figures["tp"], figures["fn"], figures["fp"]) == (1, 2, 2)
    assert figures["habit_alarms"] == 1
    assert figures["lookalike_alarms"] is None  # the truth lists no look-alikes
    tallies = {cls: (t.rows, t.wrong) for cls, t in score.classes.items()}
    assert tallies == {"flag": (3, 2), "own_wallet": (2, 1), "other": (1, 1)}
    assert sorted((o.cls, o.line) for o in score.wrong) == [
        ("flag", None), ("flag", None), ("other", 4), ("own_wallet", 3)]


# --- quality.py end to end, with a stand-in for auditor ---------------------------------

FAKE = '''#!{python}
"""Stand-in auditor: writes the findings of $FAKE_FINDINGS for the files it is given."""
import json, os, sys
args = sys.argv[1:]
if args == ["--version"]:
    print("auditor 9.9.9"); sys.exit(0)
if os.environ.get("FAKE_EXIT"):
    print("auditor: something broke", file=sys.stderr); sys.exit(int(os.environ["FAKE_EXIT"]))
spec = json.loads(open(os.environ["FAKE_FINDINGS"]).read())
out = args[args.index("--output") + 1]
names = [a for a in args if a.endswith(".csv")]
allow = sorted(args[i + 1] for i, a in enumerate(args) if a == "--allow")
year = [args[i + 1] for i, a in enumerate(args) if a == "--year"]
files, found = [], []
for name in names:
    real = os.path.basename(os.path.realpath(name))
    files.append({{"path": name, "error": None, "rejected": []}})
    found += [dict(f, file=name, allowed=allow, year=year) for f in spec.get(real, [])]
open(out, "w").write(json.dumps({{"schema": 1, "files": files, "findings": found}}))
sys.exit(1 if found else 0)
'''


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny corpus and an `auditor` that reports the findings the test chooses."""
    script = tmp_path / "auditor"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    corpus = tmp_path / "corpus"
    (corpus / "statements").mkdir(parents=True)
    files = corpus_files()
    files["a.csv"]["allow"], files["b.csv"]["allow"] = ["paypay"], []
    for name, meta in files.items():
        meta["layout"] = "yucho"
        (corpus / "statements" / name).write_bytes(b"not read by the stand-in\r\n")
    (corpus / "labels.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    spec = {"a.csv": [finding(1, "high", description="(ﾍﾟｲ\u200bﾍﾟｲ)"), finding(5, "medium")]}
    (tmp_path / "findings.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("FAKE_FINDINGS", str(tmp_path / "findings.json"))
    return tmp_path


def test_the_report_lists_figures_misses_and_false_alarms(fake: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    out = fake / "figures.json"
    code = quality.main(["--corpus", str(fake / "corpus"), "--auditor", str(fake / "auditor"),
                         "--json", str(out)])
    text = capsys.readouterr().out
    assert code == 0  # a report, even when every target fails
    assert "auditor 9.9.9 on the labelled corpus: 2 statements, 15 rows (7 labelled)" in text
    assert "a.csv:2  fraud/docomo-burst  2020-09-01  ¥1,000  ﾍﾟｲﾍﾟｲ  -> no finding" in text
    assert "a.csv:5  lookalike/bill" in text and "-> medium" in text
    assert "result: FAIL" in text
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["overall"]["tp"] == 1 and figures["overall"]["fn"] == 2
    assert figures["classes"]["lookalike/bill"] == {"expect": "quiet", "rows": 1, "severe": 1,
                                                     "wrong": 1}
    assert figures["pass"] is False and figures["statements"] == 2


def test_each_file_is_scanned_with_its_own_allow_list(fake: Path) -> None:
    spec = {"a.csv": [finding(1, "high")], "b.csv": [finding(1, "high")]}
    (fake / "findings.json").write_text(json.dumps(spec), encoding="utf-8")
    findings, _, scans = quality.scan([str(fake / "auditor")], quality.groups_of(
        json.loads((fake / "corpus" / "labels.json").read_text())["files"],
        fake / "corpus" / "statements"))
    assert scans == 2
    assert findings["a.csv"][0]["allowed"] == ["paypay"]
    assert findings["b.csv"][0]["allowed"] == []


def test_a_reference_period_gives_the_year_of_dates_printed_without_one(fake: Path) -> None:
    folder = fake / "corpus" / "statements"
    truth = {"a.csv": {"allow": ["paypay"], "period": {"from": "2023-11-01", "to": "2024-02-29"}},
             "b.csv": {"allow": ["paypay"]}}
    spec = {"a.csv": [finding(1, "high")], "b.csv": [finding(1, "high")]}
    (fake / "findings.json").write_text(json.dumps(spec), encoding="utf-8")
    findings, _, scans = quality.scan([str(fake / "auditor")], quality.groups_of(truth, folder))
    assert scans == 2
    assert findings["a.csv"][0]["year"] == ["2023"]
    assert findings["b.csv"][0]["year"] == []


def test_invisible_characters_are_shown_escaped() -> None:
    assert quality_report.shown("ﾍﾟｲ\u200bﾍﾟｲ\u00a0!") == "ﾍﾟｲ\\u200bﾍﾟｲ\\u00a0!"
    assert quality_report.shown("ＬＩＮＥ　ＰＡＹ") == "ＬＩＮＥ　ＰＡＹ"


def test_an_auditor_that_fails_is_exit_2(fake: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("FAKE_EXIT", "4")
    code = quality.main(["--corpus", str(fake / "corpus"), "--auditor", str(fake / "auditor")])
    assert code == 2
    assert "auditor scan exited 4: auditor: something broke" in capsys.readouterr().err


def test_a_missing_corpus_or_a_bad_option_is_exit_2(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    assert quality.main(["--corpus", str(tmp_path)]) == 2
    assert "labels.json: not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        quality.main(["--no-such-option"])
    assert done.value.code == 2
