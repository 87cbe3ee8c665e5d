"""The words of the listings (auditor wallets, auditor rules) beyond their headers, in English."""

WORDS: dict[str, str] = {
    "lists.kind.wallet": "wallet",
    "lists.kind.brokerage": "brokerage",
    "lists.grades": "{lowest}-{highest}",
}
