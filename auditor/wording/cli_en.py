"""What the commands say on the terminal and refuse, in English; cli_ja.py holds the same keys."""

WORDS: dict[str, str] = {
    # --- Options shared by the commands (exit 2) ---
    "cli.encoding": ("--encoding: unknown encoding {encoding}; use a Python codec name such as "
                     "cp932"),
    "cli.year": "--year must be between {first} and {last}",
    "cli.lang": "--lang must be one of {langs}",
    "cli.window": "{option} takes a date like 2020-09-01 or a span like 90d",
    # --- How a run ends when it cannot go on ---
    "cli.internal": "internal error ({kind}); set AUDITOR_DEBUG=1 for details",
    "cli.stopped": "stopped by {signal}",
    "cli.interrupted": "interrupted",
    # --- auditor scan: an allow entry past its day ---
    "cli.expired": "allow entry for {wallet} ended on {until}; its top-ups are checked again",
    # --- auditor report ---
    "cli.warning": "warning: {warning}",
    "cli.report.account": "--account: {problem}",
    "cli.report.account_digits": "an account number may hold only digits, spaces and hyphens",
    "cli.report.input_as_output": "{path} is one of the statements; choose another --output",
    "cli.report.no_answers": "{path}: no such answers file",
    "cli.report.no_draft": ("{path}: {error}; no draft was written (set AUDITOR_DEBUG=1 for "
                            "details)"),
    "cli.report.accounts": ("the statements name {count} accounts ({accounts}); a draft should "
                            "be about one account"),
    "cli.report.account_differs": "--account ends in {digits} but the statements name {accounts}",
}
