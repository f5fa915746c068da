"""How the partners we influence are changing: the outcome journals in the annual report.

Each boundary partner reviewed during the year, the change hoped for, how many of its progress
markers at each level were seen at its last review of the year against the year before's last review,
and the evidence of that review. The numbers are numbers of markers, not of people; the free text
goes through the review of words for publication.
"""

from __future__ import annotations

from actionplans.learning import journal_selectors as selectors
from actionplans.learning.models import MarkerLevel

from .base import ReportContext, Section


def _journals(ctx: ReportContext) -> dict:
    """Four queries: the partners, their markers, their reviews and the markers seen."""
    rows = []
    for progress in selectors.overview(ctx.partnership):
        in_year = [p for p in progress.points if ctx.year.start <= p.date <= ctx.year.end]
        if not in_year:
            continue
        before = [p for p in progress.points if p.date < ctx.year.start]
        partner = progress.partner
        entries = sorted(
            (e for e in partner.entries.all() if ctx.year.start <= e.date <= ctx.year.end), key=lambda e: (e.date, e.pk)
        )
        last = entries[-1]
        evidence = ctx.publishable(f"journal:{last.pk}:evidence", f"Outcome journal, {partner.name}", last.evidence)
        challenge = ctx.publishable(
            f"boundarypartner:{partner.pk}:challenge",
            f"Outcome journal, {partner.name}: change hoped for",
            partner.outcome_challenge,
        )
        out_of = progress.out_of
        rows.append(
            {
                "name": partner.name,
                "challenge": challenge,
                "levels": [
                    (
                        label,
                        in_year[-1].seen.get(level, 0),
                        before[-1].seen.get(level, 0) if before else None,
                        out_of[level],
                    )
                    for level, label in MarkerLevel.choices
                ],
                "reviews": len(in_year),
                "last_date": last.date,
                "evidence": evidence,
            }
        )
    return {"partners": rows}


JOURNALS = Section(
    key="journals",
    title="How the partners we influence are changing",
    template="reports/annual/sections/journals.html",
    gather=_journals,
    help_text="The outcome journals: the progress markers seen in each boundary partner at its reviews this year.",
)
