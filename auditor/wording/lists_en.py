"""The words of the listings (auditor wallets, auditor rules) beyond their headers, in English."""

WORDS: dict[str, str] = {
    "lists.kind.wallet": "wallet",
    "lists.kind.brokerage": "brokerage",
    "lists.grades": "{lowest}-{highest}",
    "lists.allow_none": "no wallet on your allow list in {path}; `auditor allow WALLET` adds one",
}
