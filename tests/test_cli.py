"""The command line as a user meets it: exit codes, stdout for data, stderr for messages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
MIZUHO = SAMPLES / "mizuho.csv"  # ドコモ口座 burst; the holder uses LINE Pay
MUFG_HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'


def _allow_all_of(sample: Path) -> list[str]:
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))[sample.name]
    return [arg for wallet in truth["allow"] for arg in ("--allow", wallet)]


def test_version_and_help_do_not_import_pandas() -> None:
    code = ("import sys\nfrom auditor.cli import main\nsys.argv = ['auditor', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('pandas' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.startswith("auditor ")
    assert done.stderr.strip() == "False"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_scan_for_programs_loads_no_rich_and_no_pydantic(fmt: str) -> None:
    # Start-up is most of a small scan (the speed target: 300 rows in under 1 s). Rich is
    # for terminals, and pydantic came with Typer 0.29's per-option validation (capped).
    code = ("import sys\nfrom auditor.cli import main\n"
            f"sys.argv = ['auditor', 'scan', {str(MIZUHO)!r}, '-f', {fmt!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'pydantic'}),"
            " file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip()
    assert done.stderr.splitlines()[-1] == "[]"


def test_help_lists_every_command(cli: Cli) -> None:
    run = cli("--help")
    assert run.code == 0
    for command in ("scan", "review", "report", "identify", "allow", "wallets", "rules", "state"):
        assert command in run.out


def test_identify_json_schema(cli: Cli) -> None:
    run = cli("identify", MIZUHO, "--format", "json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["schema"] == 2
    (entry,) = data["files"]
    assert {"path", "layout", "encoding", "rows", "rejected", "debit_total", "credit_total",
            "period", "balance_breaks", "error"} <= set(entry)
    assert entry["layout"] == "mizuho" and entry["error"] is None


def test_identify_reports_a_bad_file_and_reads_the_others(cli: Cli, statement_file: Write) -> None:
    broken = statement_file(b"PK\x03\x04 not a csv", "broken.csv")
    run = cli("identify", broken, MIZUHO, "--format", "json")
    assert run.code == 3
    files = json.loads(run.out)["files"]
    assert files[0]["error"] and "Excel" in files[0]["error"]
    assert files[1]["layout"] == "mizuho"
    assert f"{broken}: " in run.err and "Excel" in run.err


def test_scan_flags_the_burst_and_exits_1(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "--allow", "line-pay")
    assert run.code == 1
    assert "docomo-koza" in run.out and "¥100,000" in run.out
    assert "finding" in run.err  # the summary goes to stderr


def test_scan_clean_statement_exits_0(cli: Cli) -> None:
    sample = SAMPLES / "smbc.csv"
    run = cli("scan", sample, *_allow_all_of(sample))
    assert run.code == 0
    assert run.out == ""
    assert "no suspicious debits found" in run.err


def test_scan_json_findings_and_summary(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "--allow", "line-pay", "--format", "json")
    data = json.loads(run.out)
    assert data["summary"]["findings"] == len(data["findings"]) > 0
    assert data["summary"]["files"] == 1 and data["summary"]["failed"] == 0
    finding = data["findings"][0]
    assert set(finding) == {"file", "account", "line", "date", "time", "amount", "description",
                            "wallet", "score", "severity", "rules", "reasons", "answer", "refund",
                            "seen_in"}
    assert [account["files"] for account in data["accounts"]] == [[finding["file"]]]
    assert data["suggestions"] == []  # an allow list was given: nothing is taken as a habit


@pytest.mark.parametrize(("fail_on", "code"), [("high", 1), ("medium", 1), ("low", 1)])
def test_fail_on(cli: Cli, fail_on: str, code: int) -> None:
    assert cli("scan", MIZUHO, "-a", "line-pay", "--fail-on", fail_on).code == code


def test_fail_on_high_ignores_medium_findings(cli: Cli, statement_file: Write) -> None:
    # A wallet-like debit alone is medium: reported, but not a failure under --fail-on high.
    text = ("取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
            "20200901,1,,5000,ＲＴ,(ﾅﾝﾄｶﾍﾟｲ),,\r\n")
    path = statement_file(text.encode("cp932"))
    assert cli("scan", path, "--fail-on", "high").code == 0
    assert cli("scan", path).code == 1


def test_since_until_limit_the_report(cli: Cli) -> None:
    before = json.loads(cli("scan", MIZUHO, "-a", "line-pay", "-f", "json", "--until", "2020-01-01").out)
    assert before["findings"] == []
    during = json.loads(cli("scan", MIZUHO, "-a", "line-pay", "-f", "json",
                            "--since", "2020-09-01", "--until", "2020-09-30").out)
    assert during["findings"] and all(f["date"].startswith("2020-09") for f in during["findings"])
    assert cli("scan", MIZUHO, "--since", "90d").code == 0  # relative: nothing that recent


@pytest.mark.parametrize("args", [
    ["--allow", "paypy"], ["--since", "yesterday-ish"], ["--lang", "fr"], ["--fail-on", "urgent"],
    ["--format", "xml"],
])
def test_usage_errors_exit_2(cli: Cli, args: list[str]) -> None:
    run = cli("scan", MIZUHO, *args)
    assert run.code == 2
    assert run.out == ""


def test_unknown_wallet_id_suggests_the_right_one(cli: Cli) -> None:
    assert "did you mean 'paypay'" in cli("scan", MIZUHO, "--allow", "paypy").err


def test_unreadable_input_is_exit_3_and_the_rest_is_reported(cli: Cli, tmp_path: Path) -> None:
    run = cli("scan", tmp_path / "missing.csv", MIZUHO, "-a", "line-pay", "-f", "json")
    assert run.code == 3
    data = json.loads(run.out)
    assert data["summary"]["failed"] == 1 and data["findings"]


def test_output_file_is_written_and_stdout_stays_empty(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "findings.csv"
    run = cli("scan", MIZUHO, "-a", "line-pay", "-f", "csv", "-o", target)
    assert run.code == 1 and run.out == ""
    assert target.read_text(encoding="utf-8").startswith("file,account,line,date,time,amount")


def test_output_into_a_missing_folder_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    run = cli("scan", MIZUHO, "-o", tmp_path / "no" / "such" / "out.json", "-f", "json")
    assert run.code == 2
    assert "cannot write" in run.err and "Traceback" not in run.err


def test_plain_output_when_not_a_terminal(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "-a", "line-pay")
    assert "\x1b[" not in run.out and "\x1b[" not in run.err


def test_japanese_output(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "-a", "line-pay", "--lang", "ja")
    assert "ドコモ口座" in run.out and "検出" in run.err


def test_folder_input_scans_every_sample(cli: Cli) -> None:
    data = json.loads(cli("scan", SAMPLES, "-f", "json", "--year", "2023").out)
    assert data["summary"]["files"] == len(list(SAMPLES.glob("*.csv")))
    assert data["summary"]["failed"] == 0


def test_internal_error_exits_4_without_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.run.pipeline

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(auditor.run.pipeline, "run_scan", boom)
    run = cli("scan", MIZUHO)
    assert run.code == 4
    assert "internal error (RuntimeError)" in run.err and "Traceback" not in run.err


def test_messages_never_quote_cell_values(cli: Cli, statement_file: Write) -> None:
    text = MUFG_HEADER + (
        '"2020/1/5","振込１","ＳＥＣＲＥＴ　ＮＡＭＥ","12a-SECRET","","","","",""\r\n'
        '"2020/1/6","振込１","ヤマダ","100","","","","",""\r\n'
    )
    run = cli("scan", statement_file(text.encode("cp932")), "-f", "json")
    assert run.code == 3
    report = json.loads(run.out)["files"][0]
    assert report["rejected"] == [{"line": 2, "reason": "amount not a number in column 支払い金額"}]
    assert "SECRET" not in run.err and "ＳＥＣＲＥＴ" not in run.err


def test_allow_command_round_trip(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert cli("allow", "line-pay", "--reason", "my LINE Pay", "--config", config).code == 0
    assert cli("allow", "--config", config).out.startswith("line-pay")
    assert cli("scan", MIZUHO, "--config", config).code == 1  # LINE Pay now counts as mine
    data = json.loads(cli("scan", MIZUHO, "--config", config, "-f", "json").out)
    assert all(f["wallet"] != "line-pay" for f in data["findings"])
    assert cli("allow", "--remove", "line-pay", "--config", config).code == 0
    assert cli("allow", "--remove", "line-pay", "--config", config).code == 2
    assert cli("allow", "paypy", "--config", config).code == 2


def test_expired_allow_entry_is_checked_again(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[allow]]\nwallet = "docomo-koza"\nuntil = 2020-01-01\n', encoding="utf-8")
    run = cli("scan", MIZUHO, "--config", config, "-a", "line-pay")
    assert run.code == 1 and "docomo-koza" in run.out
    assert "ended on 2020-01-01" in run.err


def test_bad_config_key_exits_2(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('alow = []\n', encoding="utf-8")
    run = cli("scan", MIZUHO, "--config", config)
    assert run.code == 2 and "alow" in run.err


def test_wallets_and_rules_commands(cli: Cli) -> None:
    wallets = json.loads(cli("wallets", "-f", "json").out)["wallets"]
    assert {"docomo-koza", "d-barai", "paypay", "kyash", "sbi-securities"} <= {w["id"] for w in wallets}
    rules = json.loads(cli("rules", "-f", "json").out)["rules"]
    assert [r["id"] for r in rules] == ["unrecognised-wallet", "wallet-burst", "amount-spike",
                                        "near-cap", "first-seen", "wallet-like", "odd-hour"]
    assert "ドコモ口座" in cli("wallets").out
