"""The disclosure policies a partnership may choose for what leaves it (pure rules, no database).

* **Threshold suppression** (the default): counts from 1 to ``threshold - 1`` are hidden and shown as
  "<threshold" (threshold 5: 1–4 hidden, shown as "<5"). The partnership chooses the threshold,
  from 3 to 20.
* **NHS Digital method** (as for Hospital Episode Statistics): counts from 1 to 7 are hidden (shown
  as "*"), and every other count is rounded to the nearest 5. A total is the true total rounded the
  same way (never the sum of rounded parts), so parts and total may differ by a few: the report says so.
* **Rounding only**: every count is rounded to the nearest 5 (1 and 2 become 0, 3 to 7 become 5);
  nothing is hidden.

Hidden counts are then protected by the interval audit (:mod:`aspm.disclosure.audit`), whatever
the method: no hidden count may be worked out, or narrowed to fewer than ``protection_width``
possible values, from what an output shows.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = "threshold"
NHS = "nhs"
ROUNDING = "rounding"

METHOD_CHOICES = [
    (THRESHOLD, "Hide small counts"),
    (NHS, "NHS Digital method: hide 1 to 7, round the rest to the nearest 5"),
    (ROUNDING, "Round every count to the nearest 5"),
]
METHOD_LABELS = dict(METHOD_CHOICES)

MIN_THRESHOLD = 3
MAX_THRESHOLD = 20
DEFAULT_THRESHOLD = 5
NHS_THRESHOLD = 8  # hide 1–7
ROUNDING_BASE = 5

SECONDARY_MARK = "[c]"  # ONS's mark for a figure withheld so that another cannot be worked out
NHS_MARK = "*"
MISSING_MARK = "–"


@dataclass(frozen=True)
class Policy:
    method: str = THRESHOLD
    threshold: int = DEFAULT_THRESHOLD  # what the partnership chose (used by the threshold method)
    also_round: bool = False  # only when several partnerships' policies are combined (benchmarks)

    # ------------------------------------------------------------------ what the method does
    @property
    def hide_below(self) -> int | None:
        """Counts from 1 to ``hide_below - 1`` are hidden; None when nothing is hidden."""
        if self.method == NHS:
            return NHS_THRESHOLD
        if self.method == ROUNDING:
            return None
        return self.threshold

    @property
    def rounding_base(self) -> int | None:
        return ROUNDING_BASE if self.method in (NHS, ROUNDING) or self.also_round else None

    @property
    def protection_width(self) -> int:
        """How many values a hidden count must still be able to take, given everything shown:
        the width of the hidden band (4 for "<5": 1, 2, 3 or 4). An interval [lo, hi] passes when
        ``hi - lo >= protection_width - 1``."""
        return (self.hide_below or 1) - 1

    @property
    def group_minimum(self) -> int:
        """The fewest people a shown group may have (survey answers): the first count shown."""
        return self.hide_below or self.threshold

    @property
    def small_mark(self) -> str:
        return NHS_MARK if self.method == NHS else f"<{self.hide_below}"

    # ------------------------------------------------------------------ words for outputs
    @property
    def label(self) -> str:
        return METHOD_LABELS.get(self.method, self.method)

    @property
    def summary(self) -> str:
        """One sentence printed on every published output."""
        if self.method == NHS:
            return (
                "Disclosure control: NHS Digital method. Counts from 1 to 7 are shown as “*”, every other count "
                "is rounded to the nearest 5 (totals are the true totals rounded, so parts may not add up "
                "exactly), and “[c]” marks a figure withheld so that a hidden count cannot be worked out."
            )
        if self.also_round:
            return (
                f"Disclosure control: counts from 1 to {self.threshold - 1} are shown as “<{self.threshold}” and "
                "every other count is rounded to the nearest 5 (the strictest rules of the partnerships compared)."
            )
        if self.method == ROUNDING:
            return (
                "Disclosure control: every count is rounded to the nearest 5 (totals are the true totals "
                "rounded, so parts may not add up exactly)."
            )
        return (
            f"Disclosure control: counts from 1 to {self.threshold - 1} are shown as “<{self.threshold}” "
            f"(threshold {self.threshold}), and “[c]” marks a figure withheld so that a hidden count cannot "
            "be worked out from totals."
        )

    def round(self, value: int) -> int:
        base = self.rounding_base
        if not base:
            return value
        return int((value + base // 2) // base * base) if value >= 0 else -int((-value + base // 2) // base * base)

    def is_small(self, value: int | None) -> bool:
        return value is not None and self.hide_below is not None and 0 < value < self.hide_below

    def show(self, value: int | None) -> tuple[str, bool]:
        """One count standing alone (no total beside it): its text, and whether it is hidden."""
        if value is None:
            return MISSING_MARK, False
        if self.is_small(value):
            return self.small_mark, True
        return f"{self.round(value):,}", False


DEFAULT_POLICY = Policy()


def strictest(policies) -> Policy:
    """One policy at least as careful as each of ``policies`` (for figures drawn from several
    partnerships): the widest hidden band, and rounding if any of them rounds."""
    policies = list(policies) or [DEFAULT_POLICY]
    hide = max((p.hide_below or 0) for p in policies)
    rounds = any(p.rounding_base for p in policies)
    if not rounds:
        return Policy(THRESHOLD, hide)
    if hide == 0:
        return Policy(ROUNDING)
    if hide == NHS_THRESHOLD:
        return Policy(NHS)
    return Policy(THRESHOLD, hide, also_round=True)


def validate_threshold(value: int) -> str | None:
    """The plain-English reason a threshold is refused, or None."""
    if value is None or not MIN_THRESHOLD <= int(value) <= MAX_THRESHOLD:
        return (
            f"Enter a threshold from {MIN_THRESHOLD} to {MAX_THRESHOLD}. Below {MIN_THRESHOLD} hides too little "
            f"to protect anyone; above {MAX_THRESHOLD} hides most of a partnership's figures."
        )
    return None
