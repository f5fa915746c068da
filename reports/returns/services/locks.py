"""The return's row lock, taken by every change to a return."""

from __future__ import annotations

from ...models.returns import Return


def lock_return(return_: Return) -> Return:
    """The return's row, locked until the transaction ends (only that row: ``of=self`` keeps
    PostgreSQL from locking the partnership, period and organisation rows joined in)."""
    return (
        Return.objects.select_for_update(of=("self",))
        .select_related("partnership", "period", "organisation")
        .get(pk=return_.pk)
    )
