"""What is wrong in a wallet catalogue (wallets.toml), in Japanese; catalogue_en.py likewise.

Each message names the file and the entry (label: "<file>: wallet 'id'") and quotes only
the catalogue's own keys, ids and names.
"""

WORDS: dict[str, str] = {
    # --- The file ---
    "catalogue.not_toml": "{origin}: TOML形式として正しくありません（{detail}）",
    "catalogue.no_wallets": "{origin}: [[wallet]] の項目が1つもありません",
    "catalogue.not_array": "{origin}: {quoted} はテーブルの配列（[[{name}]]）にしてください",
    "catalogue.twice": "{what} {value} が2回書かれています",
    "catalogue.shared": "{origin}: {text} が {owner} と {other} の両方にあります",
    # --- An entry ---
    "catalogue.bad_id": "{kind} #{number}: id はケバブケースの文字列にしてください（今は {value}）",
    "catalogue.unknown_keys": "{label}: 不明なキー {keys} があります（使えるキー：{allowed}）",
    "catalogue.missing_keys": "{label}: キー {keys} がありません",
    "catalogue.not_choice": "{label}: {key} は {allowed} のいずれかにしてください（今は {value}）",
    "catalogue.not_text": "{label}: {key} は空でない文字列にしてください",
    "catalogue.not_list": "{label}: {key} は空でない文字列のリストにしてください",
    "catalogue.not_folded": "{label}: {key} {value} が正規化されていません。{folded} と書いてください",
    "catalogue.bad_cap": "{label}: {key} は円単位の正の整数にしてください（今は {value}）",
    "catalogue.bad_regex": "{label}: 正規表現 {source} をコンパイルできません（{detail}）",
    "catalogue.no_channel": "{label}: チャネル {channel} は [[channel]] のパターンにありません",
    # Its names
    "catalogue.no_names": "{label}: patterns、words、alone のどれか1つは必要です",
    "catalogue.no_letters": "{label}: {text} には照合に使える文字や数字がありません",
    "catalogue.same_text": "{label}: {text} と {other} は同じ文字列に一致します",
    # --- [matching] ---
    "catalogue.not_table": "{label} はテーブルにしてください",
    "catalogue.truncated_min": "{label}: truncated_min は3以上の整数にしてください",
    "catalogue.truncated_share": "{label}: truncated_share は0.5より大きく1以下の割合にしてください",
    "catalogue.readings": "{label}: readings は「語 = 読み」のテーブルにしてください",
    "catalogue.katakana": "{where} はカタカナで書いてください",
    "catalogue.reading_folded": "{where}: 語と読みは正規化した形で書いてください",
}
