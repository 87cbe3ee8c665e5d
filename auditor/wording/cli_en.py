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
    "cli.expired": ("allow entry for {wallet} ended on {until}; its top-ups after that day are "
                    "checked again"),
    # --- auditor scan: findings the options kept out of the output, then the last line ---
    "cli.scan.hidden_since_one": "1 finding before {day} not shown (--since)",
    "cli.scan.hidden_since": "{count} findings before {day} not shown (--since)",
    "cli.scan.hidden_until_one": "1 finding after {day} not shown (--until)",
    "cli.scan.hidden_until": "{count} findings after {day} not shown (--until)",
    "cli.scan.hidden_reported_one": ("1 finding an earlier --new-only run reported not shown "
                                     "(--new-only)"),
    "cli.scan.hidden_reported": ("{count} findings an earlier --new-only run reported not shown "
                                 "(--new-only)"),
    "cli.scan.none_shown": "no suspicious debits shown",
    # --- auditor allow ---
    "cli.allow.both": "give a wallet id to add, or --remove ID, not both",
    "cli.allow.until": "--until takes a date like 2026-12-31",
    "cli.allow.added": "added {wallet} to {path}",
    "cli.allow.removed": "removed {wallet} from {path}",
    # The list: each entry's wallet, then these, then its reason
    "cli.allow.until_day": "until {until}",
    "cli.allow.ended": "(ended)",
    # --- auditor report ---
    "cli.warning": "warning: {warning}",
    "cli.report.account": "--account: {problem}",
    "cli.report.account_digits": "an account number may hold only digits, spaces and hyphens",
    "cli.report.input_as_output": "{path} is one of the statements; choose another --output",
    "cli.report.no_answers": "{path}: no such answers file",
    "cli.report.no_draft": ("{path}: {error}; no draft was written (set AUDITOR_DEBUG=1 for "
                            "details)"),
    "cli.report.account_differs": "--account ends in {digits} but the statements name {accounts}",
    # --- auditor state forget ---
    "cli.state.before": "--before takes a date like 2024-01-01 or a span like 1y",
    "cli.state.not_found": "{path}: state database not found",
    "cli.state.needs_yes": ("forgetting every alert needs --yes when not run from a terminal (or "
                            "give --before DATE)"),
    "cli.state.confirm": ("Forget every alert in {path}? A later --new-only scan reports them "
                          "all again. [y/N] "),
    "cli.state.none_yet": "forgot 0 alerts (no state database at {path} yet)",
    "cli.state.nothing": "nothing forgotten",
    "cli.state.forgot_one": "forgot 1 alert{scope} from {path}",
    "cli.state.forgot": "forgot {count} alerts{scope} from {path}",
    "cli.state.scope": " for transactions before {day}",
    # --- auditor state show: the heading line, then the tables ---
    "cli.state.count_one": "{path}: 1 alert{span}",
    "cli.state.count": "{path}: {count} alerts{span}",
    "cli.state.span": ", reported {first} to {last}",
    "cli.state.by_severity": "By severity",
    "cli.state.by_month": "By month",
    "cli.state.month": "Transaction month",
    "cli.state.alerts": "Alerts",
    "cli.state.latest": "Latest alerts",
    "cli.state.first_reported": "First reported",
    "cli.state.account": "Account",
    # Standard input, --excel and a wallet named on the command line
    "error.stdin_terminal": "standard input is a terminal: pipe a statement in (auditor scan - < statement.csv), or give its file name",
    "error.excel_format": "--excel writes CSV, not {format}: use it with --format csv, or with --output-dir for the CSV files there",
    "error.unknown_wallet": "{where}: unknown wallet {name} (did you mean {closest}? `auditor wallets` lists all)",
    "error.unknown_wallet_none": "{where}: unknown wallet {name} (`auditor wallets` lists them all)",
}
