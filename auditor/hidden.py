"""What a scan's filters kept out of its output: how many findings, by the option that hid them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hidden:
    """Findings not shown: outside --since or --until, or reported by an earlier --new-only run."""

    since: int = 0
    until: int = 0
    reported_before: int = 0

    def __add__(self, other: Hidden) -> Hidden:
        return Hidden(self.since + other.since, self.until + other.until,
                      self.reported_before + other.reported_before)

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.reported_before)

    def to_dict(self) -> dict[str, int]:
        """The JSON summary's "hidden" (schema 2)."""
        return {"since": self.since, "until": self.until, "reported_before": self.reported_before}
