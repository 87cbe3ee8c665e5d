"""What a read statement carries, in Japanese: notes, rejected rows; notes_en.py likewise."""

WORDS: dict[str, str] = {
    # --- The notes a statement carries (JSON "notes", stderr "note: ...") ---
    "note.no_rows": "見出し行（{line}行目）の下に取引がありません",
    "note.generic": "銀行を特定できないため、汎用の形式で読み込みました（使った列：{columns}）",
    "note.no_year": ("日付に年がないため、ファイルの日付から明細の始まりを{year}年と見なしました。"
                     "--year で指定できます"),
    # Lines of another encoding; more is empty or note.more
    "note.mixed": ("文字コードが混在しています。{lines}行目{more}は他の行と違って{encoding}では"
                   "ないため、読み込みませんでした"),
    "note.mixed_utf8": ("文字コードが混在しています。{lines}行目{more}は他の行と違って{encoding}"
                        "ではなくUTF-8のため、読み込みませんでした"),
    "note.more": "（ほか{count}行）",
    "note.not_stitched": ("内部エラーのため、同じ口座の他のダウンロードとつなぎ合わせていません"
                          "（詳しくは AUDITOR_DEBUG=1 を設定して実行してください）。共通する行が"
                          "二重に数えられている可能性があります"),
    "note.fail_fast": "--fail-fast のため、読み込めなかったこのファイルで止めました",
    "note.repeat": "{path} と同じ内容のため、1回だけ読み込んで数えました",
    # The bank of a statement read with the generic layout
    "bank.unknown": "不明な銀行",
    # --- Why a row was not read (JSON "rejected" and "skipped"); column names the layout's ---
    "reject.date": "「{column}」列の日付が読み取れません",
    "reject.time": "「{column}」列の時刻が読み取れません",
    "reject.amount": "「{column}」列の金額が数値ではありません",
    "reject.no_amount": "「{column}」列に金額がありません",
    "reject.no_amounts": "「{withdrawal}」列にも「{deposit}」列にも金額がありません",
    "reject.year_range": "「{column}」列の年が範囲外です（{first}〜{last}年）",
    "reject.no_such_day": "見なした年にはない日付です。--year で年を指定してください",
    "reject.too_wide": "見出し行の{width}列より項目が多い行です",
    "reject.utf8": "この行はUTF-8で、ファイルの他の行は{encoding}です",
    "reject.cp932": "この行はCP932（Shift_JIS）で、ファイルの他の行はUTF-8です",
    "reject.undecodable": "この行はファイルの他の行と違い、{encoding}として読めません",
    "reject.note_line": "表の後にある注記の行です",
    # --- One line on stderr per problem with a file, after its name ---
    "message.rejected": "{line}行目: この行は読み込みませんでした（{reason}）",
    "message.more_rejected": "ほかにも読み込まなかった行が{count}行あります（--format json で確認できます）",
    "message.breaks": ("{lines}行目で残高がつながりません（行が欠けているか、書き換えられている"
                       "可能性があります）"),
    "message.note": "お知らせ: {note}",
    # Numbers of lines in a list
    "message.line_separator": "、",
}
