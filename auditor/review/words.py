"""The review conversation's own words, in Japanese and English."""

from __future__ import annotations

# The labels the conversation shares with the table come from auditor.i18n.
WORDS: dict[str, dict[str, str]] = {
    "question": {
        "en": "Did you make this debit? [m]ine / [n]ot mine / [s] not sure (Enter = {key}): ",
        "ja": "ご自身の出金ですか？ [m]自分のもの / [n]身に覚えがない / [s]わからない"
              "（Enter = {key}）: ",
    },
    "again": {"en": "Please type m, n or s.", "ja": "m・n・s のどれかを入力してください。"},
    "mine": {"en": "mine", "ja": "自分のもの"},
    "not-mine": {"en": "not mine", "ja": "身に覚えがない"},
    "not-sure": {"en": "not sure", "ja": "わからない"},
    "before": {"en": "Answered before", "ja": "前回の回答"},
    "offer": {
        "en": "Add {wallet} to the wallets you use, so its top-ups are no longer flagged "
              "as unknown? [y/N]: ",
        "ja": "{wallet}を利用中のサービスに追加し、以後は不明なサービスとして検出しない"
              "ようにしますか？ [y/N]: ",
    },
    "yes_no": {"en": "Please type y or n.", "ja": "y か n を入力してください。"},
    "reason": {"en": "Reason (optional, Enter to skip): ", "ja": "理由（任意、Enterで省略）: "},
    "added": {"en": "added {wallet} to {path}", "ja": "{wallet}を{path}に追加しました"},
    "hint": {"en": "to stop flagging {wallet} as unknown: auditor allow {id}",
             "ja": "{wallet}を不明なサービスとして検出しないようにするには: auditor allow {id}"},
    "summary": {
        "en": "reviewed {asked} finding(s): {mine} mine, {not_mine} not mine, "
              "{not_sure} not sure; answers saved to {path}",
        "ja": "{asked}件を確認しました（自分のもの{mine}・身に覚えがない{not_mine}・"
              "わからない{not_sure}）。回答の保存先: {path}",
    },
    "nothing": {"en": "nothing to review", "ja": "確認する検出はありません"},
    "skipped": {"en": "{count} answered before and not asked again (--all asks them too)",
                "ja": "回答済みの{count}件は省略しました（--all で再確認できます）"},
    "below": {"en": "{count} below {severity} severity not asked (see --min-severity)",
              "ja": "重要度が{severity}未満の{count}件は確認していません（--min-severity）"},
    "left": {"en": "input ended with {count} finding(s) not asked",
             "ja": "入力が終わったため{count}件は未確認です"},
    "stopped": {"en": "stopped; {count} answer(s) saved to {path}",
                "ja": "中断しました。{count}件の回答を{path}に保存しました"},
    "bad_input": {
        "en": "input line {line}: {text} is not an answer (use m, n or s); "
              "{count} answer(s) saved to {path}",
        "ja": "入力の{line}行目: {text} は回答として読めません（m・n・s で答えてください）。"
              "{count}件の回答を{path}に保存しました",
    },
}
SEPARATOR = {"en": "; ", "ja": "。"}


def say(what: str, lang: str, /, **values: object) -> str:
    """The sentence `what` in lang, with its values filled in."""
    return WORDS[what][lang].format(**values)
