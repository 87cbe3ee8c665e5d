"""Detect: wallet debits picked from transactions, judged by the rules, scored for this holder."""
