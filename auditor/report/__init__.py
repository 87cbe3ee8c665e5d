"""The draft letter to the bank: what it claims, its wording, and its Markdown and HTML forms."""
