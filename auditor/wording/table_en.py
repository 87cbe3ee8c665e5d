"""The findings table's own words, in English (table_ja.py holds the same keys)."""

WORDS: dict[str, str] = {
    # The column saying which account (***1234, or a file's name) a finding is of
    "table.account": "Account",
    # A cell under its row, where the terminal left its column no room
    "table.below": "{label}: {value}",
}
