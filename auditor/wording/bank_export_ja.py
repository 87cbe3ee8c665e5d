"""What a bank export read from Parquet or shown by identify says, in Japanese; bank_export_en.py likewise."""

WORDS: dict[str, str] = {
    # --- A Parquet export that pyarrow cannot read: cut short, damaged, or no Parquet ---
    "parquet.unreadable": "読めない Parquet ファイルです（途中で切れているか、壊れているか、Parquet ではありません）",
    # --- identify: the line under an export's row ---
    "identify.export": "銀行の一括出力：{accounts}口座",
}
