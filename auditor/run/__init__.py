"""The run: expand inputs, read and audit them in parallel, never stop at a bad file."""
