"""Why a statement or a layout cannot be read, in Japanese; reading_en.py likewise."""

WORDS: dict[str, str] = {
    # --- A statement that cannot be read (exit 3) ---
    # A line number goes in front of the reason, where there is one
    "read.line": "{line}行目: {message}",
    # The file itself
    "read.folder": "明細ファイル（.csv、.tsv、.txt）が1つも入っていないフォルダです",
    "read.not_regular": "通常のファイルではありません（{kind}）。明細はファイルからのみ読み込めます",
    "read.too_large": ("上限の{limit}MBを超えています。本当に1つの明細であれば、--max-size で上限を"
                       "上げてください"),
    "read.cannot_open": "ファイルを開けません（{reason}）",
    "read.empty": "ファイルが空です",
    "read.xlsx": "Excelのブック（.xlsx）で、CSVではありません。先にCSV形式で保存し直してください",
    "read.xls": "古い形式のExcelファイル（.xls）で、CSVではありません。先にCSV形式で保存し直してください",
    "read.web_page": "Webページ（HTML/XML）で、CSVではありません。CSV形式の明細をダウンロードしてください",
    # Its encoding
    "read.undecodable": ("文字コードを判別できません（UTF-8としては{utf8}行目から、CP932としては"
                         "{cp932}行目から読めません）。--encoding でファイルの文字コードを指定して"
                         "ください（例：--encoding shift_jis_2004）"),
    "read.unknown_encoding": "文字コード {encoding} は使えません。cp932 のようなPythonの文字コード名を指定してください",
    "read.not_encoding": ("{encoding} として読めません。別の --encoding を指定するか、指定せずに"
                          "自動で判別させてください"),
    "read.by_line": "1行ずつでも文字コードを判別できません",
    "read.nul": ("NULバイトが含まれています。バイナリデータか、バイト順マーク（BOM）のないUTF-16"
                 "です（--encoding utf-16-le をお試しください）"),
    # Its cells and rows
    "read.cell_too_large": ("{limit}MBを超える項目があります。明細のエクスポートではないか、"
                            "引用符が閉じていません"),
    "read.too_many_cells": ("項目が{limit}個を超える行があります。明細のエクスポートではありません"
                            "（または、区切り文字が見出し行と違います）"),
    "read.unclosed": "閉じていない引用符（\"）があります。ファイルが途中で切れているか、壊れています",
    "read.no_header": ("先頭から{lines}行の中に銀行の見出し行が見つかりません。明細であれば、"
                       "--layout FILE で形式を指定してください（README の「Your own layout」を参照）"),
    # A bug, not the file (exit 4); kind names the exception
    "read.internal_reading": "読み込み中に内部エラーが起きました（{kind}）",
    "read.internal_auditing": "確認中に内部エラーが起きました（{kind}）",
    # --- A layout: the user's --layout FILE or a built-in one (exit 2) ---
    "layout.unknown_key": "{source}: レイアウトに不明なキー {key} があります",
    "layout.needs": "{source}: レイアウトには {key} の項目が必要です",
    "layout.strings": "{source}: {key} は文字列のリストにしてください",
    "layout.delimiter": "{source}: 'delimiter' は \",\"、\"\\t\"、\";\" のいずれかにしてください",
    "layout.negative": "{source}: 'negative_withdrawals' は true か false にしてください",
    "layout.order": "{source}: 'order' は \"oldest-first\" か \"newest-first\" にしてください",
    "layout.columns_table": "{source}: [columns] はテーブルにしてください",
    "layout.unknown_role": "{source}: 列の役割 {role} は不明です（使えるのは {known}）",
    "layout.one_column": "{source}: 列の役割 {role} に割り当てられる列は1つだけです",
    "layout.not_in_header": "{source}: {role} の列 {column} が見出し行にありません",
    "layout.date_description": "{source}: [columns] には 'date' と 'description' が必要です",
    "layout.amounts": ("{source}: [columns] には 'withdrawal' と 'deposit' の両方か、符号付きの "
                       "'amount' 1つが必要です"),
    # Reading the layout file
    "layout.not_regular": "{path}: レイアウトファイルが通常のファイルではありません（{kind}）",
    "layout.too_large": "{path}: {limit}MBを超えています。レイアウトファイルではありません",
    "layout.cannot_read": "{path}: レイアウトファイルを読めません（{reason}）",
    "layout.invalid": "{path}: TOML形式のレイアウトとして正しくありません（{detail}）",
    "layout.too_deep": "{path}: TOML形式のレイアウトとして正しくありません（入れ子が深すぎます）",
    # A file that --layout does not describe
    "error.layout_mismatch": "見出し行が --layout {layout} のものではなく、組み込みのレイアウト {found} のものです。--layout を外せば {found} として読みます",
    "error.layout_mismatch_none": "見出し行が --layout {layout} のものではありません（既知の銀行のレイアウトでもありません）。レイアウトの header を確認してください",
}
