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
    "cli.expired": "{wallet} の許可は {until} で期限が切れたため、それ以降のチャージをまた確認します",
    # --- auditor scan: findings the options kept out of the output, then the last line ---
    "cli.scan.hidden_since_one": "{day}より前の検出1件は表示していません（--since）",
    "cli.scan.hidden_since": "{day}より前の検出{count}件は表示していません（--since）",
    "cli.scan.hidden_until_one": "{day}より後の検出1件は表示していません（--until）",
    "cli.scan.hidden_until": "{day}より後の検出{count}件は表示していません（--until）",
    "cli.scan.hidden_reported_one": ("以前の --new-only の実行で報告済みの検出1件は表示していません"
                                     "（--new-only）"),
    "cli.scan.hidden_reported": ("以前の --new-only の実行で報告済みの検出{count}件は表示していません"
                                 "（--new-only）"),
    "cli.scan.none_shown": "表示する不審な出金はありません",
    # --- auditor allow ---
    "cli.allow.both": "追加するサービスIDか --remove ID のどちらか一方を指定してください",
    "cli.allow.until": "--until には 2026-12-31 のような日付を指定してください",
    "cli.allow.added": "{wallet} を {path} に追加しました",
    "cli.allow.removed": "{wallet} を {path} から削除しました",
    # The list: each entry's wallet, then these, then its reason
    "cli.allow.until_day": "{until}まで",
    "cli.allow.ended": "（期限切れ）",
    # --- auditor report ---
    "cli.warning": "警告: {warning}",
    "cli.report.account": "--account: {problem}",
    "cli.report.account_digits": "口座番号に使えるのは数字、スペース、ハイフンだけです",
    "cli.report.input_as_output": "{path} は読み込む明細の1つです。別の --output を指定してください",
    "cli.report.no_answers": "{path}: 回答ファイルがありません",
    "cli.report.no_draft": ("{path}: {error}。下書きは作成していません（詳しくは AUDITOR_DEBUG=1 "
                            "を設定して実行してください）"),
    "cli.report.account_differs": ("--account の末尾は {digits} ですが、明細の口座は {accounts} "
                                   "です"),
    # --- auditor state forget ---
    "cli.state.before": "--before には 2024-01-01 のような日付か、1y のような期間を指定してください",
    "cli.state.not_found": "{path}: 記録データベースが見つかりません",
    "cli.state.needs_yes": ("端末以外から実行するときは、すべての記録を消すには --yes が必要です"
                            "（または --before DATE を指定してください）"),
    "cli.state.confirm": ("{path} の記録をすべて消しますか？ 次に --new-only で確認したとき、"
                          "すべてもう一度報告されます。[y/N] "),
    "cli.state.none_yet": "消した記録は0件です（{path} に記録データベースはまだありません）",
    "cli.state.nothing": "何も消していません",
    "cli.state.forgot_one": "{path} から{scope}記録1件を消しました",
    "cli.state.forgot": "{path} から{scope}記録{count}件を消しました",
    "cli.state.scope": "{day}より前の取引の",
    # --- auditor state show: the heading line, then the tables ---
    "cli.state.count_one": "{path}: 記録1件{span}",
    "cli.state.count": "{path}: 記録{count}件{span}",
    "cli.state.span": "（報告日 {first}〜{last}）",
    "cli.state.by_severity": "重要度別",
    "cli.state.by_month": "月別",
    "cli.state.month": "取引月",
    "cli.state.alerts": "件数",
    "cli.state.latest": "最近の記録",
    "cli.state.first_reported": "初回の報告",
    "cli.state.account": "口座",
    # Standard input, --excel and a wallet named on the command line
    "error.stdin_terminal": "標準入力が端末です。明細をパイプで渡す（auditor scan - < statement.csv）か、ファイル名を指定してください",
    "error.excel_format": "--excel はCSV用です（{format}には使えません）。--format csv か --output-dir と一緒に指定してください",
    "error.unknown_wallet": "{where}: 不明な決済サービス {name}（{closest} のことですか？一覧は `auditor wallets`）",
    "error.unknown_wallet_none": "{where}: 不明な決済サービス {name}（一覧は `auditor wallets`）",
}
