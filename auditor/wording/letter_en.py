"""The letter's own facts, blanks and holder's-voice reasons (auditor report), in English."""

WORDS: dict[str, str] = {
    "report.title_final": "Request for investigation and compensation of unauthorised debits",
    # The holder and the account: what a bank asks a victim for
    "report.kana": "Account name in katakana (口座名義（カナ）)",
    "report.branch_no": "Branch number (店番)",
    "report.number_full": "Account number, every digit (written by hand)",
    "report.number_last": "Last 4 digits of the account number (to check)",
    # One day, said as one day
    "report.summary_one_day": ("On {day}, {count} debit(s) totalling {total} were taken from my "
                               "account to payment services ({services}) without my knowledge."),
    "report.statement_known": ("I did not make any of the debits above to {services}; I "
                               "believe a third party used my account without my knowledge. I "
                               "therefore ask you to:"),
    "report.day": "Day of the debits",
    # Dates and limits
    "report.dates": "When I noticed and when I report",
    "report.dates_text": ("I noticed these debits on {found} and report them to you on {filed}. "
                          "I understand that debits are to be reported within 30 days of "
                          "noticing them and within 2 years of each debit."),
    "report.found": "Date I noticed the debits (発見日)",
    "report.filed": "Date I report them to the bank (届出日)",
    "report.limit_notice": "30 days from noticing",
    "report.limit_notice_by": "report by {limit} (30 days after {found})",
    "report.limit_notice_blank": "30 days after the date I noticed them, written above",
    "report.limit_claim": "2 years from each debit",
    "report.limit_claim_one": "the debits of {first}: report by {limit}",
    "report.limit_claim_range": ("the first debit ({first}): report by {limit}; the last "
                                 "({last}): by {limit_last}"),
    # The police
    "report.police_report": "Report to the police",
    "report.police_text": "I have reported these debits to the police, as follows.",
    "report.station": "Police station",
    "report.police_date": "Date reported (届出日)",
    "report.police_ref": "Receipt number (受理番号)",
    # What the holder declares
    "report.declare": "What I declare",
    "report.declare_note": "I have ticked each statement that is true and struck out any that is not.",
    "report.pin": ("I have never told anyone my cash card PIN, nor written it on the card or "
                   "kept it with the card."),
    "report.card": ("I have never lent or handed my cash card to anyone, and it has not been "
                    "lost or stolen."),
    "report.never_registered": ("I have never registered with {services}, never linked my "
                                "account to them, and never asked anyone to do so for me."),
    "report.family": "No one in my family or household made these debits.",
    # Consent
    "report.consent": "Consent to share information",
    "report.consent_text": ("I consent to the bank sharing information about my account and "
                            "these debits with the operator of {services} and with the police, "
                            "for the investigation and the compensation."),
    # Where to turn
    "report.contacts": "Where to turn",
    "report.contact_bank": "{bank}: the desk for unauthorised withdrawals, phone {phone}",
    "report.contact_fsa": ("Financial Services Agency, counselling desk for users of financial "
                           "services (金融庁 金融サービス利用者相談室): 0570-016811"),
    "report.contact_operator": "{operator}, for {service}: phone {phone}",
    "report.contact_operator_noted": "{operator}, for {service}: {phone} ({note})",
    "report.contact_unknown": "the operator of {service}",
    "report.this_bank": "The bank",
    # The reasons, in the holder's voice
    "report.why.unrecognised-wallet": ("{amount} charged to {service}, a service I have never "
                                       "registered with"),
    "report.why.unrecognised-wallet.brokerage": ("{amount} moved to {service}, a brokerage "
                                                 "where I have no account"),
    "report.why.wallet-burst": "one of {count} debits to {service} on {day}, {total} in all",
    "report.why.wallet-burst.near": "one of several debits to {service} in quick succession",
    "report.why.amount-spike": "{amount} is far more than I ever top up {service} with",
    "report.why.near-cap": "the debits to {service} came close to its limit",
    "report.why.first-seen": "the first debit to {service} on my statements",
    "report.why.wallet-like": ("{amount} taken the way wallet top-ups are charged, to a payee "
                               "I do not know"),
    "report.why.odd-hour": "taken at {time}, in the middle of the night",
    # On the terminal (stderr), not in the letter
    "cli.report.nothing": "nothing to claim, so no letter was written",
    "cli.report.nothing_apart": ("nothing to claim, so no letter was written; {apart} finding(s) "
                                 "wait for your answer (`auditor review`)"),
    "cli.report.nothing_for": "{account} ({bank}): nothing to claim, no letter",
    "cli.report.wrote": "{account} ({bank}): {count} debit(s) claimed ({total}) in {path}",
    "cli.report.several": ("{count} accounts have debits to claim ({accounts}): give "
                           "--output-dir DIR for one letter each"),
    "cli.report.both_outputs": "--output and --output-dir cannot be given together",
    "cli.report.old": ("{account}: {count} claimed debit(s) are more than 2 years old (the "
                       "first one's limit was {limit}); the bank may decline them"),
    # --help of the new options
    "help.report.output_dir": ("Write one letter per account into this folder, named by bank "
                               "and the account's last 4 digits."),
    "help.report.final": "Leave out the draft banner (once you have checked the letter).",
    "help.report.found": "The day you noticed the debits (発見日), for the 30-day limit.",
}
