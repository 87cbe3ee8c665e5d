"""What the tool keeps between runs: config, answers, the --new-only state and its secret."""
