"""The allow list forgives: a wallet by id, name or any catalogued spelling; until by the debit's day."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.detect.naming import closest_wallets, wallet_named
from auditor.detect.wallets import load_catalogue
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"  # ドコモ口座 burst on 2020-08-27; LINE Pay from 06-05 to 09-22
CATALOGUE = load_catalogue()


def _names(cli: Cli, *args: str | Path) -> list[tuple[str, str]]:
    """(date, wallet) of each finding that says its wallet is not the holder's."""
    run = cli("scan", MIZUHO, "-f", "json", *args)
    assert run.code in (0, 1), run.err
    return [(f["date"], f["wallet"]) for f in json.loads(run.out)["findings"]
            if "unrecognised-wallet" in f["rules"]]


@pytest.mark.parametrize("wallet", CATALOGUE.wallets, ids=lambda w: w.id)
def test_every_id_name_and_spelling_names_its_wallet(wallet) -> None:  # noqa: ANN001
    for text in (wallet.id, wallet.id.upper(), wallet.name_ja, wallet.name_en, *wallet.patterns):
        assert wallet_named(CATALOGUE, text) == wallet.id, text


@pytest.mark.parametrize(("text", "wallet"), [
    ("ドコモ口座", "docomo-koza"), ("docomo口座", "docomo-koza"), ("ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),
    ("PayPay", "paypay"), ("ﾍﾟｲﾍﾟｲ", "paypay"), ("ぺいぺい", "paypay"), ("ＰＡＹＰＡＹ", "paypay"),
    ("line pay", "line-pay"), ("LINEペイ", "line-pay"), ("ﾗｲﾝﾍﾟｲ", "line-pay"),
    ("楽天Edy", "rakuten-edy"), ("ﾗｸﾃﾝEDY", "rakuten-edy"), ("楽天キャッシュ", "rakuten-pay"),
    ("ａｕ　ＰＡＹ", "au-pay"), ("D払い", "d-barai"), ("Wellnet", "shiharai-hisho"),
])
def test_spellings_as_people_type_them(text: str, wallet: str) -> None:
    assert wallet_named(CATALOGUE, text) == wallet


@pytest.mark.parametrize("text", ["PayPayカード", "PayPay銀行", "楽天カード", "NTTドコモ",
                                  "ﾍﾟｲﾍﾟ", "ﾄﾞｺﾓ", "PAY", "ペイ", "", "   ", "none"])
def test_look_alikes_cut_names_and_parts_name_no_wallet(text: str) -> None:
    assert wallet_named(CATALOGUE, text) is None


@given(st.text(max_size=40))
def test_any_text_names_a_wallet_or_nothing(text: str) -> None:
    found = wallet_named(CATALOGUE, text)
    assert found is None or found in CATALOGUE.ids
    assert set(closest_wallets(CATALOGUE, text)) <= set(CATALOGUE.ids)


@pytest.mark.parametrize("name", ["ドコモ口座", "ﾄﾞｺﾓｺｳｻﾞ", "docomo Koza", "DOCOMO-KOZA"])
def test_scan_allow_by_name_is_the_same_as_by_id(cli: Cli, name: str) -> None:
    by_id = _names(cli, "--allow", "docomo-koza", "--allow", "line-pay")
    assert _names(cli, "--allow", name, "--allow", "ﾗｲﾝﾍﾟｲ") == by_id
    assert "docomo-koza" not in {wallet for _, wallet in by_id}


def test_allow_command_stores_the_id_of_a_name(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    run = cli("allow", "ﾍﾟｲﾍﾟｲ", "--config", config)
    assert run.code == 0 and run.err == f"added paypay to {config}\n"
    assert 'wallet = "paypay"' in config.read_text(encoding="utf-8")
    assert cli("allow", "--remove", "PayPay", "--config", config).code == 0
    assert "paypay" not in config.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (("scan", MIZUHO, "--allow", "paypy"),
     "auditor: --allow: unknown wallet 'paypy' (did you mean 'paypay', 'paypal', 'payb'? "
     "`auditor wallets` lists all)\n"),
    (("scan", MIZUHO, "--allow", "ﾍﾟｲﾍﾟ"),
     "auditor: --allow: unknown wallet 'ﾍﾟｲﾍﾟ' (did you mean 'paypay', 'payb'? "
     "`auditor wallets` lists all)\n"),
    (("allow", "xyzzy"), "auditor: wallet: unknown wallet 'xyzzy' (`auditor wallets` lists "
                         "them all)\n"),
    (("scan", MIZUHO, "--allow", "\x1b[2J\nevil"),
     "auditor: --allow: unknown wallet '\\x1b[2J\\nevil' (`auditor wallets` lists them all)\n"),
])
def test_an_unknown_name_is_exit_2_with_one_line_and_the_nearest_ids(
        cli: Cli, tmp_path: Path, args: tuple[str | Path, ...], message: str) -> None:
    run = cli(*args)
    assert (run.code, run.out, run.err) == (2, "", message)


# --- until: compared with each debit's date, not with today ------------------------------


def test_an_until_in_the_past_still_allows_the_debits_up_to_it(cli: Cli, tmp_path: Path) -> None:
    """until = 2020-08-27 was past on the day of any scan, so the entry did not count at all
    and the holder's own ドコモ口座 top-ups of that day were flagged."""
    config = tmp_path / "config.toml"
    config.write_text('[[allow]]\nwallet = "docomo-koza"\nuntil = 2020-08-27\n'
                      '[[allow]]\nwallet = "line-pay"\n', encoding="utf-8")
    flagged = [f for f in _names(cli, "--config", config) if f[1] == "docomo-koza"]
    by_id = [f for f in _names(cli, "-a", "docomo-koza", "-a", "line-pay") if f[1] == "docomo-koza"]
    assert flagged == by_id  # through its last day, as if allowed outright
    config.write_text('[[allow]]\nwallet = "docomo-koza"\nuntil = 2020-08-26\n'
                      '[[allow]]\nwallet = "line-pay"\n', encoding="utf-8")
    assert len([f for f in _names(cli, "--config", config) if f[1] == "docomo-koza"]) == 4


def test_only_the_debits_after_until_are_checked_again(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[allow]]\nwallet = "line-pay"\nuntil = 2020-07-31\n', encoding="utf-8")
    line_pay = [day for day, wallet in _names(cli, "--config", config) if wallet == "line-pay"]
    assert line_pay == ["2020-08-14", "2020-08-24", "2020-09-22"]
    # --allow on the command line has no last day: it counts on every day.
    assert "line-pay" not in {w for _, w in _names(cli, "--config", config, "-a", "LINE Pay")}


def test_allow_takes_an_until_in_the_past(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    run = cli("allow", "LINE Pay", "--until", "2020-07-31", "--config", config)
    assert run.code == 0, run.err
    assert "until = 2020-07-31" in config.read_text(encoding="utf-8")
