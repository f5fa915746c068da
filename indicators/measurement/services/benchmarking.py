"""Opting in to benchmarking, and the indicators a partnership may share.

Only numeric indicators adopted from the library can be shared (a library code makes them
comparable across partnerships; a count, amount, percentage or score can be summarised).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from indicators.models import Indicator
from partnerships import audit
from partnerships.access import scoped
from partnerships.models import BenchmarkingChoice, Partnership, User

SHAREABLE_UNITS = ("count", "money", "percentage", "score")


def shareable_indicators(partnership: Partnership) -> list[tuple[str, str]]:
    """(library code, "code – name") of the partnership's own active indicators that can be shared."""
    rows = (
        scoped(partnership, Indicator)
        .filter(is_active=True, unit__in=SHAREABLE_UNITS)
        .exclude(library_code="")
        .order_by("library_code", "id")
        .values_list("library_code", "name")
    )
    seen: dict[str, str] = {}
    for code, name in rows:
        seen.setdefault(code, f"{code} – {name}")
    return list(seen.items())


def benchmarking_choice(partnership: Partnership) -> BenchmarkingChoice:
    return scoped(partnership, BenchmarkingChoice).first() or BenchmarkingChoice(partnership=partnership)


def benchmarking_set(
    *, actor: User | None, partnership: Partnership, opted_in: bool, library_codes: list[str]
) -> BenchmarkingChoice:
    """Opt in (with the indicators to share) or out. Opting out keeps the chosen list for next time
    but takes the partnership out of every comparison straight away."""
    allowed = dict(shareable_indicators(partnership))
    codes = sorted(set(library_codes or []))
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        raise ValidationError(
            {"library_codes": f"These are not numeric library indicators of this partnership: {', '.join(unknown)}."}
        )
    if opted_in and not codes:
        raise ValidationError({"library_codes": "Choose at least one indicator to share, or leave benchmarking off."})
    with transaction.atomic():
        existing = scoped(partnership, BenchmarkingChoice).select_for_update().order_by("pk").first()
        values = {"opted_in": bool(opted_in), "library_codes": codes, "changed_by": actor}
        if existing is None:
            return audit.create(actor=actor, obj=BenchmarkingChoice(partnership=partnership, **values))
        return audit.update(actor=actor, obj=existing, values=values)
