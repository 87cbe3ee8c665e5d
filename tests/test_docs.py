"""The README documents every command, rule, layout, wallet and exit code the tool has."""

from __future__ import annotations

import re

import pytest

from auditor.ingest.layouts import builtin_layouts
from auditor.detect.rules import all_rules
from auditor.detect.wallets import load_catalogue
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["scan", "review", "report", "identify", "allow", "wallets", "rules", "state"])
def test_every_command_is_documented(command: str) -> None:
    assert f"`auditor {command}" in README


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_every_rule_is_in_the_rules_table(rule) -> None:  # noqa: ANN001
    assert re.search(rf"^\| `{re.escape(rule.id)}` \| {rule.severity.value} \|", README, re.M)


@pytest.mark.parametrize("layout", builtin_layouts(), ids=lambda lay: lay.id)
def test_every_layout_is_in_the_bank_table(layout) -> None:  # noqa: ANN001
    assert f"| `{layout.id}` | {layout.bank} |" in README


def test_every_wallet_is_in_the_wallet_table() -> None:
    for wallet in load_catalogue().wallets:
        assert f"| `{wallet.id}` | {wallet.name_ja} |" in README


def test_exit_codes_are_documented() -> None:
    for code in range(5):
        assert re.search(rf"^\| {code} \| ", README, re.M)


def test_ci_runs_the_readme_test_command() -> None:
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test,dask]' && .venv/bin/python -m pytest"
    assert command in README
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
