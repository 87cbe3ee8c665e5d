"""The words of the listings (auditor wallets, auditor rules) beyond their headers, in Japanese."""

WORDS: dict[str, str] = {
    "lists.kind.wallet": "決済サービス",
    "lists.kind.brokerage": "証券会社",
    "lists.grades": "{lowest}〜{highest}",
}
