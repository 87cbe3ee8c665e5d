"""Stitching: one account's overlapping downloads joined into one timeline, each row once."""
