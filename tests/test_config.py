"""The user config: where it lives, what it may hold, and that saving it loses nothing."""

from __future__ import annotations

import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.store.config import (
    ENV_VAR,
    AllowEntry,
    Config,
    config_is_explicit,
    config_path,
    default_config_path,
    dumps_config,
    load_config,
    save_config,
    with_allow,
    without_allow,
)
from auditor.errors import UsageError

# The catalogue's ids, fixed here so these tests do not move when the catalogue does.
KNOWN = (
    "docomo-koza", "d-barai", "paypay", "line-pay", "merpay", "kyash", "paypal",
    "rakuten-edy", "rakuten-pay", "au-pay", "famipay", "pring", "shiharai-hisho", "payb",
    "yumeca", "mijica", "yucho-pay", "aeon-pay", "mobile-suica", "sbi-securities",
)
TODAY = date(2025, 6, 15)

HOSTILE_REASONS = [
    'she said "hi"', "C:\\Users\\me\\", "line one\nline two\r\n", '"""', "'''", "]]",
    "[[allow]]\nwallet = \"kyash\"", "\\u0041 not an escape", "タブ\tと\x00ヌル\x7f\x1b[31m",
    "口座振替 ペイペイ 🎌", "\u2028\u2029\x85", "", " ", "#not a comment", "a = 1",
]


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Never read or write the real user's config, whatever the environment says.
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_config(path, KNOWN)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert caught.value.exit_code == 2
    return message.removeprefix(f"{path}: ")


# --- where --------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is the Linux layout")
def test_default_path_follows_xdg(tmp_path: Path) -> None:
    assert default_config_path() == tmp_path / "xdg" / "auditor" / "config.toml"


def test_precedence_flag_then_env_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert config_path(None) == default_config_path()
    assert not config_is_explicit(None)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.toml"))
    assert config_path(None) == tmp_path / "env.toml"
    assert config_is_explicit(None)
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"
    monkeypatch.setenv(ENV_VAR, "")  # empty means unset
    assert config_path(None) == default_config_path()


def test_missing_default_is_empty(tmp_path: Path) -> None:
    config = load_config(default_config_path(), KNOWN)
    assert config == Config((), None, None, default_config_path())
    assert not (tmp_path / "xdg").exists()


def test_missing_explicit_is_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(UsageError, match=r"nope\.toml: config file not found"):
        load_config(path, KNOWN, required=True)


# --- load ---------------------------------------------------------------------------


def test_full_file_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, """\ufeff
fail_on = "medium"
lang = "en"

[[allow]]
wallet = "paypay"
reason = "mine"
until = 2025-12-31
added = 2025-01-10

[[allow]]
wallet = "kyash"
""")
    config = load_config(path, KNOWN)
    assert config.fail_on == "medium" and config.lang == "en" and config.path == path
    assert config.allow == (
        AllowEntry("paypay", "mine", date(2025, 12, 31), date(2025, 1, 10)),
        AllowEntry("kyash"),
    )


def test_unknown_top_level_key(tmp_path: Path) -> None:
    assert _error(tmp_path, '[[alow]]\nwallet = "paypay"\n') == (
        "unknown key 'alow'; known keys: allow, fail_on, lang"
    )


def test_unknown_key_in_entry(tmp_path: Path) -> None:
    message = _error(tmp_path, '[[allow]]\nwallet = "paypay"\nreson = "x"\n')
    assert message == "allow[1]: unknown key 'reson'; known keys: wallet, reason, until, added"


def test_unknown_wallet_suggests(tmp_path: Path) -> None:
    text = '[[allow]]\nwallet = "kyash"\n[[allow]]\nwallet = "paypy"\n'
    assert _error(tmp_path, text) == "allow[2]: unknown wallet id 'paypy' (did you mean 'paypay'?)"


def test_unknown_wallet_without_close_match(tmp_path: Path) -> None:
    message = _error(tmp_path, '[[allow]]\nwallet = "zzzzzz"\n')
    assert message == "allow[1]: unknown wallet id 'zzzzzz'"


def test_missing_wallet(tmp_path: Path) -> None:
    assert _error(tmp_path, '[[allow]]\nreason = "x"\n') == "allow[1]: missing key 'wallet'"


def test_duplicate_wallet(tmp_path: Path) -> None:
    text = "".join(f'[[allow]]\nwallet = "{w}"\n' for w in ("paypay", "kyash", "paypay"))
    assert _error(tmp_path, text) == "allow[3]: wallet 'paypay' is listed twice (also allow[1])"


@pytest.mark.parametrize(("text", "expected"), [
    ('[[allow]]\nwallet = 1\n', "allow[1]: wallet must be a string, not integer"),
    ('[[allow]]\nwallet = "paypay"\nreason = true\n',
     "allow[1]: reason must be a string, not boolean"),
    ('[[allow]]\nwallet = "paypay"\nuntil = "2025-01-01"\n',
     "allow[1]: until must be a date (YYYY-MM-DD), not string"),
    ('[[allow]]\nwallet = "paypay"\nuntil = 2025-01-01T09:00:00\n',
     "allow[1]: until must be a date (YYYY-MM-DD), not date-time"),
    ('[[allow]]\nwallet = "paypay"\nadded = 12:00:00\n',
     "allow[1]: added must be a date (YYYY-MM-DD), not time"),
    ('allow = "paypay"\n', "allow must be an array of tables ([[allow]]), not string"),
    ('allow = ["paypay"]\n', "allow[1]: must be a table, not string"),
    ('fail_on = 3\n', "fail_on must be a string, not integer"),
    ('fail_on = "hgh"\n', "fail_on must be one of low, medium, high, not 'hgh'"),
    ('lang = "fr"\n', "lang must be one of ja, en, not 'fr'"),
])
def test_wrong_types_and_values(tmp_path: Path, text: str, expected: str) -> None:
    assert _error(tmp_path, text) == expected


def test_inline_array_of_tables_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, 'allow = [{wallet = "merpay"}]\n')
    assert load_config(path, KNOWN).allow == (AllowEntry("merpay"),)


def test_bad_toml_does_not_quote_content(tmp_path: Path) -> None:
    message = _error(tmp_path, 'reason = "口座 1234567 secret\n')
    assert message.startswith("not valid TOML: ")
    assert "1234567" not in message and "secret" not in message


def test_hostile_key_is_escaped_and_cut(tmp_path: Path) -> None:
    message = _error(tmp_path, '"evil\\nkey' + "x" * 100 + '" = 1\n')
    assert message.startswith("unknown key 'evil\\nkey") and "…" in message
    assert len(message) < 120


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('[[allow]]\nreason = "ペイペイ"\n'.encode("cp932"))
    with pytest.raises(UsageError, match="not UTF-8"):
        load_config(path, KNOWN)


# --- expiry -------------------------------------------------------------------------


def test_active_and_expired() -> None:
    config = Config(
        (
            AllowEntry("paypay"),
            AllowEntry("kyash", until=TODAY),  # counts through its last day
            AllowEntry("merpay", until=date(2025, 6, 14)),
            AllowEntry("au-pay", until=date(2026, 1, 1)),
        ),
        None, None, Path("c.toml"),
    )
    assert list(config.active(TODAY)) == ["paypay", "kyash", "au-pay"]
    assert [e.wallet for e in config.expired(TODAY)] == ["merpay"]
    assert list(config.active(date(2025, 6, 16))) == ["paypay", "au-pay"]


# --- change -------------------------------------------------------------------------


def test_with_allow_adds_then_replaces_in_place() -> None:
    config = Config((AllowEntry("kyash", added=date(2024, 1, 1)),), None, None, Path("c.toml"))
    config = with_allow(config, "paypay", "mine", None, TODAY, known_ids=KNOWN)
    assert config.allow[1] == AllowEntry("paypay", "mine", None, TODAY)
    later = date(2025, 7, 1)
    config = with_allow(config, "kyash", "card", date(2025, 12, 31), later)
    assert [e.wallet for e in config.allow] == ["kyash", "paypay"]
    assert config.allow[0] == AllowEntry("kyash", "card", date(2025, 12, 31), date(2024, 1, 1))


def test_with_allow_checks_id_and_text() -> None:
    empty = Config((), None, None, Path("c.toml"))
    suggestion = r"^unknown wallet id 'line-pey' \(did you mean 'line-pay'\?\)$"
    with pytest.raises(UsageError, match=suggestion):
        with_allow(empty, "line-pey", None, None, TODAY, known_ids=KNOWN)
    # A past until is kept: it still allows the wallet's debits up to that day (it was
    # refused as "already past", when the day was compared with today).
    past = with_allow(empty, "paypay", None, date(2025, 6, 14), TODAY, known_ids=KNOWN)
    assert past.allow[0].until == date(2025, 6, 14)
    with pytest.raises(UsageError, match="not valid text"):
        with_allow(empty, "paypay", "bad \udcff bytes", None, TODAY, known_ids=KNOWN)


def test_without_allow() -> None:
    config = Config((AllowEntry("kyash"), AllowEntry("paypay")), None, None, Path("c.toml"))
    assert without_allow(config, "kyash").allow == (AllowEntry("paypay"),)
    with pytest.raises(UsageError, match="'merpay' is not in the allow list"):
        without_allow(config, "merpay")


# --- save ---------------------------------------------------------------------------


def test_save_round_trip_creates_directory(tmp_path: Path) -> None:
    path = tmp_path / "xdg" / "auditor" / "config.toml"
    config = Config(
        (AllowEntry("paypay", "mine", date(2025, 12, 31), date(2025, 1, 10)), AllowEntry("kyash")),
        "high", "ja", path,
    )
    save_config(config)
    assert load_config(path, KNOWN, required=True) == config
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp left behind


def test_save_then_edit_then_save(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(with_allow(load_config(path, KNOWN), "paypay", None, None, TODAY))
    config = load_config(path, KNOWN)
    save_config(with_allow(config, "merpay", "r", None, TODAY))
    assert [e.wallet for e in load_config(path, KNOWN).allow] == ["paypay", "merpay"]
    save_config(without_allow(load_config(path, KNOWN), "paypay"))
    assert [e.wallet for e in load_config(path, KNOWN).allow] == ["merpay"]


def test_empty_config_saves_as_valid_toml(tmp_path: Path) -> None:
    config = Config((), None, None, tmp_path / "c.toml")
    assert tomllib.loads(dumps_config(config)) == {}


@pytest.mark.parametrize("reason", HOSTILE_REASONS)
def test_hostile_reasons_round_trip(tmp_path: Path, reason: str) -> None:
    config = Config((AllowEntry("paypay", reason), AllowEntry("kyash")), None, None,
                    tmp_path / "c.toml")
    text = dumps_config(config)
    assert tomllib.loads(text)["allow"][0]["reason"] == reason
    assert len(tomllib.loads(text)["allow"]) == 2  # nothing in the reason opened a new table
    save_config(config)
    assert load_config(config.path, KNOWN) == config


def test_control_characters_are_escaped_not_written_raw() -> None:
    text = dumps_config(Config((AllowEntry("paypay", "a\x00b\x1bc\u2028d\te\n"),), None, None,
                               Path("c.toml")))
    assert 'reason = "a\\u0000b\\u001Bc\\u2028d\\te\\n"' in text
    assert "\x00" not in text and "\x1b" not in text


@settings(max_examples=200, deadline=None)
@given(reason=st.text(), lang=st.sampled_from([None, "ja", "en"]),
       until=st.none() | st.dates(), added=st.none() | st.dates())
def test_any_reason_round_trips(
    tmp_path_factory: pytest.TempPathFactory,
    reason: str, lang: str | None, until: date | None, added: date | None,
) -> None:
    path = tmp_path_factory.mktemp("prop") / "config.toml"
    config = Config((AllowEntry("rakuten-edy", reason, until, added),), "low", lang, path)
    save_config(config)
    assert load_config(path, KNOWN, required=True) == config
