"""The answers to one feedback question as they may be shown: the count of each option, the number of
answers and (for a statement to agree with) the number who agree, protected together by the project's
disclosure engine (:mod:`aspm.disclosure`).

An option chosen by fewer people than the threshold is hidden ("<5"), and the interval audit withholds
more ("[c]") until no hidden count can be worked out from the number of answers, the other options or
the number who agree. A share is printed only beside a count that is printed, and is worked out from
the printed (rounded, where the policy rounds) numbers, so it never tells more than the counts do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aspm.disclosure.audit import Cell, protect
from aspm.disclosure.policy import Policy
from aspm.disclosure.tables import Figures


@dataclass(frozen=True)
class ProtectedAnswers:
    options: list[Cell]
    answered: Cell
    agree: Cell | None

    def share(self, cell: Cell) -> int | None:
        """Whole per cent of the answers, from what is printed; None when either is withheld."""
        if cell.suppressed or self.answered.suppressed or not self.answered.published:
            return None
        if cell.published is None:
            return None
        return round(100 * cell.published / self.answered.published)


def protect_answers(counts: Sequence[int], policy: Policy | None, agree: Sequence[int] = ()) -> ProtectedAnswers:
    """``counts`` of each option, in order; ``agree`` the positions of the options that make up
    "agree" (empty: no such figure)."""
    figures = Figures()
    parts = [figures.add(n) for n in counts]
    total = figures.add(sum(counts))
    figures.relate(total, parts)
    agreeing = None
    if agree:
        agreeing = figures.add(sum(counts[i] for i in agree))
        figures.relate(agreeing, [parts[i] for i in agree])
    shown = protect(figures, policy)
    return ProtectedAnswers(
        options=[shown[i] for i in parts],
        answered=shown[total],
        agree=None if agreeing is None else shown[agreeing],
    )
