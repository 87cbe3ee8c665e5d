"""Why a statement or a layout cannot be read, in Japanese; reading_en.py likewise."""

WORDS: dict[str, str] = {
    # --- A statement that cannot be read (exit 3) ---
    # A line number goes in front of the reason, where there is one
    "read.line": "{line}行目: {message}",
}
