"""The tool's words in English, by key; ja.py and en.py hold the same keys."""

WORDS: dict[str, str] = {
    # --- Labels: the findings table (auditor scan), the review card and the summaries ---
    "label.date": "Date",
    "label.time": "Time",
    "label.description": "Description (as printed)",
    "label.wallet": "Wallet",
    "label.amount": "Amount",
    "label.severity": "Severity",
    "label.reasons": "Reasons",
    "label.file": "File",
    "label.line": "Line",
    "label.findings_title": "Debits you may not have made",
    # Severities, and what the holder answered
    "label.high": "high",
    "label.medium": "medium",
    "label.low": "low",
    "label.answer_mine": "answered: mine",
    "label.answer_not-mine": "answered: not mine",
    "label.answer_not-sure": "answered: not sure",
    "label.refunded": "refunded on {date} (line {line})",
    # The tables on stderr after a scan of several files
    "label.by_wallet": "By wallet",
    "label.by_bank": "By bank",
    "label.top_accounts": "Accounts most at risk",
    "label.campaigns": "Campaigns: one wallet, many accounts",
    "label.bank": "bank",
    "label.account": "account",
    "label.accounts": "accounts",
    "label.findings": "findings",
    "label.at_risk": "at risk",
    "label.from": "from",
    "label.to": "to",
    # The line on stderr after a scan: for several files, and for any scan
    "label.run_line": ("{files} files: {audited} audited, {failed} failed; findings {high} "
                       "high, {medium} medium, {low} low; {at_risk} at risk"),
    "label.none": "no suspicious debits found",
    "label.summary": ("{files} file(s) checked ({failed} unreadable): {findings} finding(s) "
                      "({high} high, {medium} medium, {low} low), {at_risk} at risk"),
    # Sentences joined in one line or one table cell
    "label.sentence_separator": "; ",
    # --- The draft letter (auditor report) ---
    "report.title": "Request for investigation and compensation of unauthorised debits (draft)",
    "report.draft": ("This is a draft prepared by auditor from your bank statements. Check it, "
                     "fill in the blanks and correct anything before you send it."),
    "report.dated": "Date: {date}",
    "report.to": "To: {bank}",
    # The holder
    "report.holder": "Account holder",
    "report.item": "Item",
    "report.entry": "Details",
    "report.name": "Name",
    "report.address": "Address",
    "report.phone": "Phone",
    "report.birth": "Date of birth",
    "report.signature": "Signature",
    # The account
    "report.account": "Account",
    "report.bank": "Bank",
    "report.branch": "Branch",
    "report.kind": "Account type",
    "report.number": "Account number",
    "report.masked": "Only the last 4 digits of the account number are shown.",
    # Summary
    "report.summary": "Summary",
    "report.summary_text": ("Between {first} and {last}, {count} debit(s) totalling {total} "
                            "were taken from my account to payment services ({services}) "
                            "without my knowledge."),
    "report.nothing": "There are no debits to claim.",
    "report.count": "Transactions",
    "report.total": "Total taken",
    "report.first": "First debit",
    "report.last": "Last debit",
    "report.services": "Services involved",
    "report.per_service": "{name}: {count} debit(s), {total}",
    "report.items": "{count}",
    "report.list_separator": ", ",
    # Chart
    "report.chart": "Debits over the statement period",
    "report.chart_caption": ("The debits I claim (red) over the period of the statements. Bar "
                             "height follows the square root of the amount."),
    "report.chart_caption_apart": ("The debits I claim (red) and those I have still to check "
                                   "(orange) over the period of the statements. Bar height "
                                   "follows the square root of the amount."),
    "report.legend_claimed": "claimed",
    "report.legend_apart": "for review",
    "report.legend_other": "other debits",
    # The table
    "report.table": "Unauthorised debits",
    "report.no": "No.",
    "report.date": "Date",
    "report.time": "Time",
    "report.descriptor": "Description (as printed)",
    "report.service": "Service",
    "report.amount": "Amount",
    "report.why": "Why it is not mine",
    "report.sum": "Total",
    "report.unknown": "unknown",
    # Statement and requests
    "report.requests": "My statement and requests",
    "report.statement": ("I have never registered with or used {services}. I did not make any "
                         "of the debits above; I believe a third party linked my account to "
                         "these services without my knowledge. I therefore ask you to:"),
    "report.investigate": ("investigate these transactions, including when my account was "
                           "linked to these services and how the person who linked it was "
                           "identified;"),
    "report.stop": ("stop and remove every link between my account and these services (direct "
                    "debit or instant transfer), so that no more money can be taken;"),
    "report.refund": "refund the {total} taken;",
    "report.reply": "reply in writing with the result of the investigation and the compensation.",
    "report.closing": "",
    # What the holder did
    "report.actions": "What I have done",
    "report.actions_note": "I have ticked what I have done and written in the dates and numbers.",
    "report.operator": "Told the service operator ({services}) on {date}, reference {ref}",
    "report.police": "Consulted the police consultation line (#9110) on {date}",
    "report.secrets": "Changed my cash card PIN and my online banking password",
    # The 2020 precedent (bank-formats.md §3)
    "report.precedent": "For reference: the 2020 cases",
    "report.precedent_text": ("In September 2020 third parties opened ドコモ口座 (docomo Koza) "
                              "wallets in other people's names, linked them to their bank "
                              "accounts and drained them (219 cases, ¥28.48 million by 27 "
                              "September). NTT docomo and the linked banks compensated the "
                              "victims in full, and docomo opened a dedicated hotline "
                              "(0120-885-360) on 12 September. Japan Post Bank (ゆうちょ銀行) also "
                              "compensated in full for unauthorised debits through linked "
                              "payment services. This case looks like the same kind of fraud, "
                              "and I ask that it be handled in the same way."),
    # Sources
    "report.sources": "Statement files used",
    "report.file": "File",
    "report.period": "Period",
    "report.rows": "Rows",
    "report.sha256": "SHA-256",
    "report.to_date": "{first} to {last}",
    "report.sources_note": ("The figures above were computed by auditor {version} from these "
                            "files; the SHA-256 values fingerprint them. Please check the "
                            "figures against your own records."),
    # For the holder only
    "report.review": "For your review before sending (not part of this request)",
    "report.review_note": ("These debits were flagged too but are not in the request above. "
                           "Move any you did not make into the list above, and delete this "
                           "section before you send it."),
    "report.status": "Status",
    "report.not-sure": "you answered \"not sure\"",
    "report.unreviewed": "not reviewed (low severity)",
    # For the terminal (stderr), not the draft
    "report.told": ("draft: {count} debit(s) claimed ({total}), {apart} listed apart for your "
                    "review, {out} left out ({mine} you answered as yours)"),
    "report.unknown_service": "unknown",
    # --- The rules' titles (auditor rules) and reasons ---
    "rule.unrecognised-wallet.title": "Debit to a wallet or brokerage you do not use",
    "rule.unrecognised-wallet": ("{amount} was charged to {wallet}, a service not on your list "
                                 "of wallets you use"),
    "rule.unrecognised-wallet.brokerage": ("{amount} was moved to {wallet}, a brokerage not on "
                                           "your list of services you use"),
    "rule.unrecognised-wallet.cut": "what is most likely {wallet} (the bank cut the name short)",
    "rule.wallet-burst.title": "Several debits to one wallet within a day or minutes",
    "rule.wallet-burst": "one of {count} debits to {wallet} {when}, {total} in all",
    "rule.wallet-burst.usual": "{burst}; your usual amounts, so listed for information only",
    "rule.wallet-burst.signs": "{burst}: {signs}",
    "rule.wallet-burst.sign_separator": ", ",
    "rule.wallet-burst.fast": "{count} within {minutes} minutes",
    "rule.wallet-burst.amount": "about {times:.0f} times your usual top-up of {usual}",
    "rule.wallet-burst.many": ("more at once than you ever topped it up (at most {busiest} a "
                               "day before)"),
    "rule.wallet-burst.night": "in the middle of the night",
    "rule.wallet-burst.on_day": "on {first}",
    "rule.wallet-burst.days": "from {first} to {last}",
    "rule.wallet-burst.on_day_between": "on {first} between {start:%H:%M:%S} and {end:%H:%M:%S}",
    "rule.wallet-burst.between": "between {start:%Y-%m-%d %H:%M:%S} and {end:%Y-%m-%d %H:%M:%S}",
    "rule.amount-spike.title": "Top-up far above your own history with wallets",
    "rule.amount-spike": "{amount} to {wallet} is {times:.0f} times {usual} of {typical}",
    "rule.amount-spike.usual": "your usual top-up",
    "rule.amount-spike.usual_all": "your usual top-up to your wallets",
    "rule.near-cap.title": "Top-ups reach most of the wallet's monthly or daily cap",
    "rule.near-cap.monthly": ("{total} went to {wallet} in {month}: {percent}% of its {cap} "
                              "monthly limit"),
    "rule.near-cap.daily": ("{total} went to {wallet} {within}: {percent}% of its {cap} daily "
                            "limit"),
    "rule.near-cap.24h": "within 24 hours",
    "rule.near-cap.on_day": "on {day}",
    "rule.first-seen.title": "First debit ever to a wallet you do not use",
    "rule.first-seen": "first debit ever to {wallet} in {quiet} days of history (since {since})",
    "rule.first-seen.payee": "this payee",
    "rule.wallet-like.title": "Looks like a wallet top-up but matches no known wallet",
    "rule.wallet-like": ("{amount} left as {shape}, the way wallet top-ups are charged, to a "
                         "payee that is no wallet you have listed"),
    "rule.wallet-like.shape": "a top-up",
    "rule.wallet-like.shape.yucho-rt": "an instant debit (ＲＴ) with the payee in brackets",
    "rule.wallet-like.shape.mufg-rtk": "a ＲＴＫ account transfer",
    "rule.wallet-like.shape.sumishin-furikae": "a フリカエ pull",
    "rule.wallet-like.shape.iwate-rs": "an RS pull",
    "rule.wallet-like.shape.charge": "a チャージ (top-up)",
    "rule.odd-hour.title": "Wallet debit in the middle of the night",
    "rule.odd-hour": "{amount} was taken at {time}, in the middle of the night",
    # --- The listings: auditor identify, auditor wallets and auditor rules ---
    # The English titles carry their Japanese too; under --lang ja every word is Japanese.
    "listing.statements": "Statements / 明細ファイル",
    "listing.file": "File", "listing.layout": "Layout", "listing.encoding": "Encoding",
    "listing.rows": "Rows", "listing.rejected": "Rejected", "listing.debits": "Debits",
    "listing.credits": "Credits", "listing.period": "Period", "listing.breaks": "Breaks",
    "listing.error": "error",
    "listing.wallets": "Wallets / 決済サービス",
    "listing.id": "id", "listing.kind": "kind", "listing.name_ja": "名称", "listing.name_en": "Name",
    "listing.cap": "Cap", "listing.matches": "Matches (folded)",
    "listing.monthly_cap": "{cap}/month", "listing.daily_cap": "{cap}/day",
    "listing.rules": "Rules / ルール",
    "listing.severity": "severity", "listing.title": "title",
    "account.title": "Accounts", "account.files": "Files", "account.period": "Period",
    "account.rows": "Rows", "account.joined": "Joined by", "account.gaps": "Gaps",
    "account.breaks": "Breaks", "account.by_number": "account number",
    "account.by_chain": "balance chain", "account.by_told": "as told (--same-account)",
    "account.more": "… and {count} more accounts (all of them in --format json)",
    "account.gap": "{account}: no file covers {start} – {end} (a download missing?)",
    "account.break": ("{account}: the balance does not run on from {before} into {after}: "
                      "{missing} moved with no row for it"),
    "account.unchained": ("{account}: {rows} rows two files share were counted once on date, "
                          "text and amounts alone (no balance to confirm)"),
    # --- A wallet the holder plainly uses, suggested for the allow list ---
    "suggestion": ("looks like yours: {name}, {debits} top-ups of everyday amounts from {first} "
                   "to {last}; only its bursts and spikes were flagged. If it is yours: "
                   "`{command}`? If not, scan again with --allow and the wallets you do use (or "
                   "--allow none) to check every one"),
}
