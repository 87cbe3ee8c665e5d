"""The words of the listings (auditor wallets, auditor rules) beyond their headers, in Japanese."""

WORDS: dict[str, str] = {
    "lists.kind.wallet": "決済サービス",
    "lists.kind.brokerage": "証券会社",
    "lists.grades": "{lowest}〜{highest}",
    "lists.allow_none": "{path} に利用中のサービスはまだありません（`auditor allow WALLET` で追加します）",
}
