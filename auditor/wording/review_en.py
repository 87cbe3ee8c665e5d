"""The review conversation (auditor review), in English; review_ja.py holds the same keys."""

WORDS: dict[str, str] = {
    "review.mine": "mine",
    "review.not-mine": "not mine",
    "review.not-sure": "not sure",
    "review.before": "Answered before",
    "review.offer": ("Add {wallet} to the wallets you use, so its top-ups are no longer flagged "
                     "as unknown? [y/N]: "),
    "review.yes_no": "Please type y or n.",
    "review.reason": "Reason (optional, Enter to skip): ",
    "review.added": "added {wallet} to {path}",
    "review.hint": "to stop flagging {wallet} as unknown: auditor allow {id}",
    "review.summary": ("reviewed {asked} finding(s): {mine} mine, {not_mine} not mine, "
                       "{not_sure} not sure; answers saved to {path}"),
    "review.nothing": "nothing to review",
    "review.skipped": "{count} answered before and not asked again (--all asks them too)",
    "review.below": "{count} below {severity} severity not asked (see --min-severity)",
    "review.left": "input ended with {count} finding(s) not asked",
    "review.stopped": "stopped; {count} answer(s) saved to {path}",
    "review.wallet_name": "{name} ({id})",
    "review.bad_input": ("input line {line}: {text} is not an answer (use m, n or s); {count} "
                         "answer(s) saved to {path}"),
}
