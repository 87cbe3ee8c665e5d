"""The review conversation (auditor review), in Japanese; review_en.py holds the same keys."""

WORDS: dict[str, str] = {
    "review.mine": "自分のもの",
    "review.not-mine": "身に覚えがない",
    "review.not-sure": "わからない",
    "review.before": "前回の回答",
    "review.offer": "{wallet}を利用中のサービスに追加し、以後は不明なサービスとして検出しないようにしますか？ [y/N]: ",
    "review.yes_no": "y か n を入力してください。",
    "review.reason": "理由（任意、Enterで省略）: ",
    "review.added": "{wallet}を{path}に追加しました",
    "review.hint": "{wallet}を不明なサービスとして検出しないようにするには: auditor allow {id}",
    "review.summary": ("{asked}件を確認しました（自分のもの{mine}・身に覚えがない{not_mine}・わからない{not_sure}）。回答の保存先: "
                       "{path}"),
    "review.nothing": "確認する検出はありません",
    "review.skipped": "回答済みの{count}件は省略しました（--all で再確認できます）",
    "review.below": "重要度が{severity}未満の{count}件は確認していません（--min-severity）",
    "review.left": "入力が終わったため{count}件は未確認です",
    "review.stopped": "中断しました。{count}件の回答を{path}に保存しました",
    "review.wallet_name": "{name}（{id}）",
    "review.bad_input": ("入力の{line}行目: {text} は回答として読めません（m・n・s で答えてください）。"
                         "{count}件の回答を{path}に保存しました"),
}
