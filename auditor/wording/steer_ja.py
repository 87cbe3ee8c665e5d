"""Steering a review (undo, back, go to N, quit, --change), in Japanese; steer_en.py the same."""

WORDS: dict[str, str] = {
    "steer.question": ("ご自身の出金ですか？ [m]自分のもの / [n]身に覚えがない / [s]わからない"
                       "（Enter = {key}）、? でほかのキー: "),
    "steer.again": "m・n・s のどれかを入力してください（? でほかのキーを表示します）。",
    "steer.keys": ("キー: m 自分のもの、n 身に覚えがない、s わからない、Enter は括弧内の回答のまま。"
                   "u 直前の回答を取り消す。b ひとつ前の検出に戻る。g N（または N）N番目の検出へ移る。"
                   "q 回答をすべて保存して終了（`auditor review` で続きから再開できます）。? このキーの一覧。"),
    "steer.did.undo": "取り消し",
    "steer.did.back": "戻る",
    "steer.did.go": "移動",
    "steer.did.quit": "終了",
    "steer.first": "最初の検出です。これより前の検出はありません。",
    "steer.no_such": "{number}番目の検出はありません（この確認は{count}件です）。",
    "steer.nothing_to_undo": "取り消す回答はありません（まだ回答していません）。",
    "steer.undone": "回答「{answer}」を取り消しました。{counter}をもう一度確認します。",
    "steer.quit_left": "未確認の{count}件は次回 `auditor review` で確認します",
    "steer.change_hint": "`auditor review --change N` でN番目の検出の回答を変更できます",
    "steer.no_change": ("--change {number}: その番号の検出はありません（`auditor review --all` で"
                        "この確認の{count}件に番号が付きます）"),
    "help.review.change": "N番目の検出（--all と同じ番号）の回答だけを変更します。確認が終わった後でも使えます。",
    "help.review.since": "この日付以降の検出結果を確認します（2020-09-01、または今日からさかのぼって 90d, 12w, 6m, 1y）。",
    "help.review.until": "この日付までの検出結果を確認します。",
}
