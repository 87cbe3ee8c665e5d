"""What `--help` says of each command and option, in English; help_ja.py holds the same keys."""

WORDS: dict[str, str] = {
    # --- auditor itself ---
    "help.app": ("Find e-wallet top-ups you never made in Japanese bank statement CSVs. "
                 "銀行の入出金明細CSVから、身に覚えのない電子マネーへのチャージを見つけます。"),
    "help.version": "Show the version and exit.",
    # --- Options several commands share ---
    "help.option.files": "Statement CSV files or folders.",
    "help.option.encoding": ("Read every file with this encoding (e.g. cp932) instead of "
                             "detecting it."),
    "help.option.layout": "Your own layout TOML (same schema as the built-in ones); repeatable.",
    "help.option.year": "Year of the oldest row, for banks that print dates without a year.",
    "help.option.config": ("Config file (default: $AUDITOR_CONFIG, else config.toml in the user's "
                    "config folder)."),
    "help.option.lang": "ja or en (default: from the locale).",
    "help.option.allow": "A wallet you use: its id or name (see `auditor wallets`); repeatable.",
    "help.option.same_account": ("The statements of each bank are one account's: stitch them even "
                          "where no account number or balance chain says so."),
    "help.option.format": "Output format.",
    # --- auditor scan ---
    "help.scan": "Scan statements and list debits to e-wallets you may not have made.",
    "help.scan.format": "Output format (default table; csv with --excel).",
    "help.scan.excel": ("CSV for Excel: UTF-8 with a byte-order mark (implies --format csv; "
                        "the --output-dir CSV files too)."),
    "help.scan.output": "Write the output to this file (atomically) instead of stdout; - is stdout.",
    "help.scan.since": "Report findings from this date (2020-09-01, or 90d, 12w, 6m, 1y ago).",
    "help.scan.until": "Report findings up to this date.",
    "help.scan.fail_on": "Exit 1 when a finding is at least this severe (default medium).",
    "help.scan.output_dir": ("Also write findings.csv, findings.jsonl, files.csv and "
                             "summary.json into this folder."),
    "help.scan.jobs": "Files audited at once (default: one per core).",
    "help.scan.fail_fast": "Stop at the first file that cannot be read.",
    "help.scan.max_size": "Refuse statement files larger than this many MB.",
    "help.scan.quiet": "Print nothing but errors (data still goes to --output).",
    "help.scan.new_only": ("Report only findings no earlier --new-only run reported "
                           "(for cron)."),
    "help.scan.state": ("State database for --new-only (default: $AUDITOR_STATE, else "
                        "state.sqlite3 in the user's state folder)."),
    "help.scan.answers": ("Review answers to show (default: $AUDITOR_ANSWERS, else the user's "
                          "data folder)."),
    # --- auditor identify ---
    "help.identify": "Show which bank layout each file is, and what was read from it.",
    # --- auditor allow ---
    "help.allow": "Add, remove or list the wallets you use (their top-ups are not flagged).",
    "help.allow.wallet": ("Wallet to add, by id or name (see `auditor wallets`); none lists "
                              "the entries."),
    "help.allow.reason": "Why this wallet is yours.",
    "help.allow.until": "Last day the entry counts (e.g. 2026-12-31).",
    "help.allow.remove": "Remove this wallet id from the list.",
    # --- auditor wallets and auditor rules ---
    "help.wallets": "List the wallet services the tool recognises in statements.",
    "help.rules": "List the rules a scan applies, with the severities they give.",
    # --- auditor review ---
    "help.review": "Ask about each finding and record which debits you made.",
    "help.review.answers": ("Answers file (default: $AUDITOR_ANSWERS, else answers.json in the "
                            "user's data folder)."),
    "help.review.yes": ("Ask nothing: record each finding's default answer (not sure, or "
                        "the earlier answer with --all) and never change the allow list."),
    "help.review.all": "Also ask about findings answered before.",
    "help.review.min_severity": "Ask about findings at least this severe.",
    # --- auditor report ---
    "help.report": ("Write a draft asking the bank to investigate and refund debits you did "
                    "not make."),
    "help.report.lang": "ja or en (default ja: the letter goes to a Japanese bank).",
    "help.report.format": "md (Markdown) or html (one file that prints on A4).",
    "help.report.output": "Write the draft to this file (atomically); default (or -) stdout.",
    "help.report.force": "Replace an existing --output file.",
    "help.report.name": "Your name, as the account holder.",
    "help.report.bank": "The bank's name (default: from the statements).",
    "help.report.branch": "The branch's name.",
    "help.report.account": "Account number; only its last 4 digits are ever printed.",
    "help.report.answers": ("Answers from `auditor review` (default: $AUDITOR_ANSWERS, else "
                            "answers.json in the user data folder)."),
    "help.report.confirmed_only": 'Claim only the debits you answered "not mine" in a review.',
    "help.report.since": "Claim debits from this date (2020-09-01, or 90d, 12w, 6m, 1y ago).",
    "help.report.until": "Claim debits up to this date.",
    # --- auditor state ---
    "help.state": "Show or trim what `auditor scan --new-only` has already reported.",
    "help.state.state": ("State database (default: $AUDITOR_STATE, else state.sqlite3 in your "
                         "user state folder, e.g. ~/.local/state/auditor/)."),
    "help.state.show": ("Totals by wallet, severity and month, and the latest alerts "
                        "(accounts masked)."),
    "help.state.show.limit": "How many of the latest alerts to list.",
    "help.state.forget": ("Forget reported alerts, so that a later --new-only scan reports them "
                          "again."),
    "help.state.forget.before": ("Forget only alerts for transactions before this date "
                                 "(2024-01-01, or 90d, 12w, 6m, 1y ago). Default: forget every "
                                 "alert."),
    "help.state.forget.yes": "Forget every alert without asking (needed off a terminal).",
}
