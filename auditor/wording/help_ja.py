"""What `--help` says of each command and option, in Japanese; help_en.py holds the same keys."""

WORDS: dict[str, str] = {
    # --- auditor itself ---
    "help.app": "銀行の入出金明細CSVから、身に覚えのない電子マネーへのチャージを見つけます。",
    "help.version": "バージョンを表示して終了します。",
    # --- Options several commands share ---
    "help.option.files": "明細のCSVファイルまたはフォルダ。",
    "help.option.encoding": ("すべてのファイルをこの文字コード（例: cp932）で読みます"
                             "（自動で判定しません）。"),
    "help.option.layout": "独自のレイアウトのTOML（組み込みのものと同じ形式）。複数指定できます。",
    "help.option.year": "年のない日付を印字する銀行向けに、いちばん古い行の年を指定します。",
    "help.option.config": ("設定ファイル（既定: $AUDITOR_CONFIG、なければユーザーの設定フォルダの "
                           "config.toml）。"),
    "help.option.lang": "ja または en（既定: ロケールから判断）。",
    "help.option.allow": ("自分で使っているサービス: そのIDか名前（`auditor wallets` を参照）。"
                          "複数指定できます。"),
    "help.option.same_account": ("銀行ごとの明細を1つの口座のものとして扱い、口座番号や残高の"
                                 "つながりで判断できなくてもつなぎ合わせます。"),
    "help.option.format": "出力形式。",
    # --- auditor scan ---
    "help.scan": "明細を調べ、身に覚えのないかもしれない電子マネーへの出金を一覧にします。",
    "help.scan.format": "出力形式（既定は table、--excel のときは csv）。",
    "help.scan.excel": ("Excel向けのCSV: BOM付きのUTF-8（--format csv を含みます。"
                        "--output-dir のCSVファイルも同じです）。"),
    "help.scan.output": "出力を標準出力ではなくこのファイルに書きます（アトミックに書き込み）。- は標準出力。",
    "help.scan.since": "この日付以降の検出結果を表示します（2020-09-01、または今日からさかのぼって 90d, 12w, 6m, 1y）。",
    "help.scan.until": "この日付までの検出結果を表示します。",
    "help.scan.fail_on": "この重要度以上の検出結果があれば終了コード1で終わります（既定 medium）。",
    "help.scan.output_dir": ("このフォルダに findings.csv, findings.jsonl, files.csv と "
                             "summary.json も書きます。"),
    "help.scan.jobs": "同時に調べるファイルの数（既定: CPUコアごとに1つ）。",
    "help.scan.fail_fast": "読めないファイルがあれば、そこで止めます。",
    "help.scan.max_size": "この大きさ（MB）を超える明細ファイルは読みません。",
    "help.scan.quiet": "エラー以外は何も表示しません（データは --output に書かれます）。",
    "help.scan.new_only": ("これまでの --new-only の実行で報告していない検出結果だけを"
                           "表示します（cron向け）。"),
    "help.scan.state": ("--new-only の記録を保存するデータベース（既定: $AUDITOR_STATE、"
                        "なければユーザーの状態フォルダの state.sqlite3）。"),
    "help.scan.answers": ("表示するレビューの回答（既定: $AUDITOR_ANSWERS、なければユーザーの"
                          "データフォルダ）。"),
    # --- auditor identify ---
    "help.identify": "各ファイルがどの銀行のレイアウトか、そこから何を読み取ったかを表示します。",
    # --- auditor allow ---
    "help.allow": ("自分で使っているサービスを追加・削除・一覧表示します"
                   "（そのチャージは検出しません）。"),
    "help.allow.wallet": ("追加するサービス。IDか名前で指定します（`auditor wallets` を参照）。"
                          "指定しなければ一覧を表示します。"),
    "help.allow.reason": "このサービスが自分のものである理由。",
    "help.allow.until": "この登録が有効な最後の日（例: 2026-12-31）。",
    "help.allow.remove": "このサービスIDを一覧から削除します。",
    # --- auditor wallets and auditor rules ---
    "help.wallets": "明細の中で見分けられる決済サービスを一覧表示します。",
    "help.rules": "調べるときに使うルールを、それぞれの重要度とともに一覧表示します。",
    # --- auditor review ---
    "help.review": "検出結果を1件ずつ尋ね、どの出金が自分のものかを記録します。",
    "help.review.answers": ("回答ファイル（既定: $AUDITOR_ANSWERS、なければユーザーのデータ"
                            "フォルダの answers.json）。"),
    "help.review.yes": ("何も尋ねず、各検出結果に既定の回答（わからない、--all のときは前回の"
                        "回答）を記録します。許可リストは変えません。"),
    "help.review.all": "前に回答した検出結果についても尋ねます。",
    "help.review.min_severity": "この重要度以上の検出結果について尋ねます。",
    # --- auditor report ---
    "help.report": "身に覚えのない出金の調査と補償を銀行に依頼する文書の下書きを作ります。",
    "help.report.lang": "ja または en（既定 ja: 日本の銀行に送る文書のため）。",
    "help.report.format": "md（Markdown）または html（A4で印刷できる1つのファイル）。",
    "help.report.output": "下書きをこのファイルに書きます（アトミックに書き込み）。既定（または -）は標準出力。",
    "help.report.force": "既にある --output のファイルを置き換えます。",
    "help.report.name": "口座名義人としてのあなたの氏名。",
    "help.report.bank": "銀行名（既定: 明細から判断）。",
    "help.report.branch": "支店名。",
    "help.report.account": "口座番号。表示されるのは下4桁だけです。",
    "help.report.answers": ("`auditor review` の回答（既定: $AUDITOR_ANSWERS、なければユーザーの"
                            "データフォルダの answers.json）。"),
    "help.report.confirmed_only": "`auditor review` で「身に覚えがない」（n）と答えた出金だけを請求します。",
    "help.report.since": "この日付以降の出金を請求します（2020-09-01、または今日からさかのぼって 90d, 12w, 6m, 1y）。",
    "help.report.until": "この日付までの出金を請求します。",
    # --- auditor state ---
    "help.state": "`auditor scan --new-only` が報告済みの内容を表示または整理します。",
    "help.state.state": ("状態データベース（既定: $AUDITOR_STATE、なければユーザーの状態フォルダの "
                         "state.sqlite3。例: ~/.local/state/auditor/）。"),
    "help.state.show": "サービス・重要度・月ごとの合計と、最近の報告（口座番号は伏せて）を表示します。",
    "help.state.show.limit": "最近の報告を何件表示するか。",
    "help.state.forget": "報告済みの記録を消し、次の --new-only の実行でまた報告されるようにします。",
    "help.state.forget.before": ("この日付より前の取引の報告だけを消します（2024-01-01、または今日から"
                                 "さかのぼって 90d, 12w, 6m, 1y）。既定: すべて消します。"),
    "help.state.forget.yes": "確認せずにすべての報告を消します（端末以外から実行するときに必要）。",
}
