"""Annex: what each indicator means and where its figure comes from; the terms the report uses."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch

from indicators.models import Indicator
from partnerships.access import scoped
from partnerships.models import Organisation

from .base import ReportContext, Section

TERMS = (
    (
        "4Ps",
        "The four strands of the UK's approach to modern slavery: Pursue (offenders), Prevent "
        "(people from becoming exploiters or victims), Protect (people at risk and communities) and "
        "Prepare (support for survivors and readiness to respond).",
    ),
    ("Baseline", "The value of an indicator when measurement began, against which change is read."),
    ("Means of verification", "The record or source a figure is taken from, so that anyone can check it."),
    (
        "NRM",
        "The National Referral Mechanism: the UK framework for identifying potential victims and "
        "referring them to support.",
    ),
    (
        "Duty to Notify",
        "The duty of specified public bodies to tell the Home Office when they meet a "
        "potential adult victim who does not consent to an NRM referral.",
    ),
    (
        "Results chain",
        "How an objective is meant to work: inputs allow activities, which produce outputs, "
        "which bring about outcomes and, in time, impact.",
    ),
    ("SPOC", "The specific point of contact in each partner organisation, who sends its quarterly return."),
    ("Target", "The value an indicator should reach by the end of a period, or by the end of the plan."),
)


# Up to this many reporting organisations are named; more are counted by sector, so a county's
# annex gives each indicator a line or two rather than half a page of names.
NAMED_REPORTERS = 5


def _in_a_sentence(label: str) -> str:
    """ "Local authority" -> "local authority"; "NGO / charity" keeps its capitals."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


def _reporters(active: list[Organisation], everyone: int) -> str:
    if everyone > 1 and len(active) == everyone:
        return "All partner organisations"
    if len(active) <= NAMED_REPORTERS:
        return "; ".join(o.name for o in active)
    sectors = Counter(_in_a_sentence(o.get_sector_display()) for o in active)
    return f"{len(active)} organisations (" + ", ".join(f"{n} {name}" for name, n in sorted(sectors.items())) + ")"


def _annex(ctx: ReportContext) -> dict:
    organisations = Organisation.objects.order_by("name")
    indicators = list(
        scoped(ctx.partnership, Indicator)
        .filter(is_active=True)
        .prefetch_related(Prefetch("reporting_organisations", queryset=organisations, to_attr="reporters"))
        .order_by("code")
    )
    everyone = scoped(ctx.partnership, Organisation).filter(is_active=True).count()
    for indicator in indicators:
        # "All partner organisations" rather than the same long list on every row (it made the annex
        # a third of the report, and its slowest part to lay out)
        active = [o for o in indicator.reporters if o.is_active]
        indicator.reported_by = _reporters(active, everyone)
    return {
        "indicators": indicators,
        "without_source": sum(not i.means_of_verification.strip() for i in indicators),
        "terms": TERMS,
    }


ANNEX = Section(
    key="annex",
    title="Annex: definitions and data sources",
    template="reports/annual/sections/annex.html",
    gather=_annex,
    help_text="Each indicator's definition and means of verification, and a glossary.",
)
