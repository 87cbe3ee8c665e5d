"""What a bank export and the Dask engine say, in Japanese; export_en.py likewise."""

WORDS: dict[str, str] = {
    # --- Reading a bank export (many accounts in one file) ---
    "export.no_account": "{column}列に口座がありません",
    "export.not_export": "銀行の一括出力ではありません（口座の列を持つ形式のどれとも見出しが一致しません）",
    "export.note": "{accounts}口座分の銀行の一括出力です。口座ごとにその口座の履歴で調べました",
    # A cell holding a line break cannot be cut into blocks at line breaks
    "export.quoted_newline": ("引用符で囲まれたセルに改行があります（{line}行目付近）。Daskエンジンは"
                              "ファイルを改行で分割するため、セル内の改行を取り除くか、--engine dask "
                              "なしで調べてください"),
    # --- The Dask engine ---
    "dask.missing": ("--engine dask と Parquet（入力・出力）には dask の追加パッケージが必要ですが、"
                     "インストールされていません：pip install 'statement-auditor[dask]'"
                     "（クローンでは pip install '.[dask]'）"),
    "dask.no_export": ("{path}：--engine dask は銀行の一括出力（口座の列を持つ形式のファイル）を"
                       "読みますが、これは違います。--engine dask なしで調べてください"),
    "dask.one_file": "--engine dask が一度に読む銀行の一括出力は1つです（{count}個指定されました）",
    "dask.needs_dask": "--scheduler には --engine dask が必要です",
    "dask.parquet_output": "--format parquet には --output FILE が必要です（Parquet は端末向けではありません）",
    "dask.scheduler": "Dask スケジューラ {address} に接続できません（{reason}）",
    # --- Help ---
    "help.scan.engine": ("監査を実行する場所：in-process（既定）、または1台に収まらない銀行の一括出力向けの "
                         "dask（dask の追加パッケージが必要）。"),
    "help.scan.scheduler": ("--engine dask のとき：Dask スケジューラのアドレス（tcp://HOST:8786）。"
                            "既定はこのマシン上のワーカー（--jobs）。"),
}
