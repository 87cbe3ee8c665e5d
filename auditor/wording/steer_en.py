"""Steering a review (undo, back, go to N, quit, --change), in English; steer_ja.py the same."""

WORDS: dict[str, str] = {
    "steer.question": ("Did you make this debit? [m]ine / [n]ot mine / [s] not sure (Enter = "
                       "{key}) or ? for more keys: "),
    "steer.again": "Please type m, n or s. ? shows the other keys.",
    "steer.keys": ("Keys: m mine, n not mine, s not sure, Enter keeps the answer in brackets; "
                   "u undo the last answer; b back to the previous finding; g N (or N) go to "
                   "finding N; q quit, keeping every answer (`auditor review` goes on from "
                   "there); ? these keys."),
    "steer.did.undo": "undo",
    "steer.did.back": "back",
    "steer.did.go": "go to",
    "steer.did.quit": "quit",
    "steer.first": "This is the first finding: there is none before it.",
    "steer.no_such": "There is no finding {number}: this review has {count}.",
    "steer.nothing_to_undo": "Nothing to undo: no answer has been given yet.",
    "steer.undone": "Took back the answer “{answer}”; asking {counter} again.",
    "steer.quit_left": ("{count} finding(s) left for later: `auditor review` asks them next "
                        "time"),
    "steer.change_hint": "`auditor review --change N` changes the answer to finding N",
    "steer.no_change": ("--change {number}: there is no such finding; `auditor review --all` "
                        "numbers the {count} finding(s) of this review"),
    "help.review.change": ("Change the answer to finding N only (numbered as --all numbers "
                           "them), even in a finished review."),
    "help.review.since": "Review findings from this date (2020-09-01, or 90d, 12w, 6m, 1y ago).",
    "help.review.until": "Review findings up to this date.",
}
