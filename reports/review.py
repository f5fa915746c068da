"""The free-text review of a version for publication (annual or quarterly report).

A version for publication prints words that partners and the coordinator wrote. Before it is made,
every sentence of those words is scanned (:mod:`aspm.disclosure.free_text`); each flagged sentence
needs a coordinator's decision (:class:`reports.models.TextDecision`): approve it as written, or
replace it with edited words. Decisions are kept per partnership, keyed by the words' source and the
sentence, so the same sentence in a later version is not asked about again.

One code path for the review page and the render: the report's own gathering code passes each piece
of free text through :meth:`TextReview.publishable`, which records the source and its flags and
returns the words to print (edited sentences replaced). The review page gathers the text-bearing
parts of the report with a :class:`TextReview` and lists what it recorded; the worker renders with
one and refuses to publish while any flagged sentence is without a decision
(:class:`UnreviewedText`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aspm.disclosure.free_text import Flag, replace_sentences, scan
from aspm.disclosure.policy import DEFAULT_THRESHOLD, ROUNDING_BASE, Policy
from partnerships.access import scoped

from .models import TextDecision, TextDecisionKind

WITHHELD = "[A sentence is left out here until the coordinator has reviewed it.]"


def scan_threshold(policy: Policy | None) -> int:
    """Counts below this are small in words too: the policy's first count shown (5 by default; the
    rounding method hides nothing, but its nearest-5 rounding makes 1 to 4 as telling)."""
    if policy is None:
        return DEFAULT_THRESHOLD
    return policy.hide_below or ROUNDING_BASE


@dataclass
class ReviewItem:
    """One flagged sentence of one source, with its decision if there is one."""

    source: str
    label: str
    flag: Flag
    decision: TextDecision | None = None

    @property
    def sentence(self) -> str:
        return self.flag.text

    @property
    def digest(self) -> str:
        return self.flag.digest

    @property
    def reasons(self) -> list[str]:
        return self.flag.explanation

    @property
    def reviewed(self) -> bool:
        return self.decision is not None


@dataclass
class TextSource:
    key: str
    label: str
    text: str
    items: list[ReviewItem] = field(default_factory=list)


class TextReview:
    """Free text on its way into a version for publication: scanned, recorded, printed as reviewed."""

    def __init__(self, partnership, policy: Policy | None, *, withhold_unreviewed: bool = False):
        self.partnership = partnership
        # The web version of a version for publication shows today's words: a sentence flagged and
        # not yet reviewed is left out there, with a mark, rather than shown as written.
        self.withhold_unreviewed = withhold_unreviewed
        self.threshold = scan_threshold(policy)
        self.sources: list[TextSource] = []
        self._decisions: dict[tuple[str, str], TextDecision] | None = None

    @property
    def decisions(self) -> dict[tuple[str, str], TextDecision]:
        """Every decision of the partnership (one query, when first needed)."""
        if self._decisions is None:
            rows = scoped(self.partnership, TextDecision).select_related("decided_by")
            self._decisions = {(d.source, d.digest): d for d in rows}
        return self._decisions

    def publishable(self, key: str, label: str, text: str) -> str:
        """The words to print for ``text`` (edited sentences replaced, sentences removed when their
        replacement is empty); records the source and each flagged sentence for the review."""
        if not text or not text.strip():
            return text
        source = TextSource(key, label, text)
        replacements = {}
        for flag in scan(text, threshold=self.threshold):
            decision = self.decisions.get((key, flag.digest))
            source.items.append(ReviewItem(key, label, flag, decision))
            if decision is not None and decision.decision == TextDecisionKind.EDITED:
                replacements[flag.digest] = decision.replacement
            elif decision is None and self.withhold_unreviewed:
                replacements[flag.digest] = WITHHELD
        self.sources.append(source)
        return replace_sentences(text, replacements) if replacements else text

    @property
    def items(self) -> list[ReviewItem]:
        """Every flagged sentence once (the same sentence twice in one source is one decision)."""
        seen, out = set(), []
        for source in self.sources:
            for item in source.items:
                if (item.source, item.digest) not in seen:
                    seen.add((item.source, item.digest))
                    out.append(item)
        return out

    @property
    def unreviewed(self) -> list[ReviewItem]:
        return [i for i in self.items if not i.reviewed]

    def check(self) -> None:
        """Refuse to publish while a flagged sentence has no decision."""
        missing = self.unreviewed
        if missing:
            raise UnreviewedText(missing)


class UnreviewedText(Exception):
    def __init__(self, items: list[ReviewItem]):
        self.items = items
        first = items[0].label
        n = len(items)
        super().__init__(
            f"The words in the report changed after the review: {n} flagged sentence{'s' if n != 1 else ''} "
            f"{'have' if n != 1 else 'has'} not been reviewed (the first from {first}). Nothing was published. "
            "Review the new words, then make the publication version again."
        )
