"""What the commands say on the terminal and refuse, in Japanese; cli_en.py holds the same keys."""

WORDS: dict[str, str] = {
    # --- Options shared by the commands (exit 2) ---
    "cli.encoding": "--encoding: 文字コード {encoding} は使えません。cp932 のようなPythonの文字コード名を指定してください",
    "cli.year": "--year には {first}〜{last} の年を指定してください",
    "cli.lang": "--lang には {langs} のいずれかを指定してください",
    "cli.window": "{option} には 2020-09-01 のような日付か、90d のような期間を指定してください",
    # --- How a run ends when it cannot go on ---
    "cli.internal": "内部エラーが起きました（{kind}）。詳しくは AUDITOR_DEBUG=1 を設定して実行してください",
    "cli.stopped": "{signal} で停止しました",
    "cli.interrupted": "中断しました",
    # --- auditor scan: an allow entry past its day ---
    "cli.expired": "{wallet} の許可は {until} で期限が切れたため、このサービスへのチャージをまた確認します",
    # --- auditor report ---
    "cli.warning": "警告: {warning}",
    "cli.report.account": "--account: {problem}",
    "cli.report.account_digits": "口座番号に使えるのは数字、スペース、ハイフンだけです",
    "cli.report.input_as_output": "{path} は読み込む明細の1つです。別の --output を指定してください",
    "cli.report.no_answers": "{path}: 回答ファイルがありません",
    "cli.report.no_draft": ("{path}: {error}。下書きは作成していません（詳しくは AUDITOR_DEBUG=1 "
                            "を設定して実行してください）"),
    "cli.report.accounts": ("明細に{count}つの口座（{accounts}）が含まれています。下書きは1つの口座"
                            "についてまとめてください"),
    "cli.report.account_differs": ("--account の末尾は {digits} ですが、明細の口座は {accounts} "
                                   "です"),
}
