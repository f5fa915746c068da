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
        "The four strands of the UK's approach to modern slavery: Pursue (offenders), Prevent (people from "
        "becoming exploiters or victims), Protect (people at risk and communities) and Prepare (support for "
        "survivors and readiness to respond).",
    ),
    (
        "ASPM",
        "Anti-Slavery Partnership Monitoring: the system this report was made from.",
    ),
    (
        "Assumption",
        "Something the theory of change takes to be true; reviewed during the year as holding, doubtful or disproved.",
    ),
    (
        "At risk, off track, on track",
        "An indicator's status: its figure to date against its target to date, within the partnership's "
        "tolerance (at risk), below it (off track) or at or above it (on track).",
    ),
    (
        "Baseline",
        "The value of an indicator when measurement began, against which change is read.",
    ),
    (
        "Boundary partner",
        "An organisation or group the partnership works with and hopes to influence but does not control.",
    ),
    (
        "CPS",
        "The Crown Prosecution Service, which decides on and brings criminal prosecutions in England and Wales.",
    ),
    (
        "Duty to Notify",
        "The duty of specified public bodies to tell the Home Office when they meet a potential adult victim "
        "who does not consent to an NRM referral.",
    ),
    (
        "Final, provisional",
        "A quarter's figures are final once the quarter is locked and every organisation's return for it is "
        "approved; until then they are provisional and may change.",
    ),
    (
        "GLAA",
        "The Gangmasters and Labour Abuse Authority, which investigates labour exploitation and licenses "
        "labour providers in some sectors.",
    ),
    (
        "Heat map",
        "The grid of open risks by likelihood and impact (each 1 to 5); their product is the risk's score.",
    ),
    (
        "GP",
        "A general practitioner, a family doctor; a GP practice is a local surgery.",
    ),
    (
        "HMO",
        "A house in multiple occupation: a home let to several households who share facilities.",
    ),
    (
        "HMRC",
        "HM Revenue and Customs, which enforces the National Minimum Wage among other duties.",
    ),
    (
        "Means of verification",
        "The record or source a figure is taken from, so that anyone can check it.",
    ),
    (
        "NGO",
        "A non-governmental organisation: a charity or voluntary body.",
    ),
    (
        "NHS",
        "The National Health Service.",
    ),
    (
        "NRM",
        "The National Referral Mechanism: the UK framework for identifying potential victims and referring "
        "them to support.",
    ),
    (
        "ONS",
        "The Office for National Statistics.",
    ),
    (
        "OPCC",
        "The Office of the Police and Crime Commissioner, which sets local policing priorities and funds "
        "victim services.",
    ),
    (
        "Overdue",
        "An action past its due date and not complete, whatever its RAG status; a risk whose review date has passed.",
    ),
    (
        "Points for action",
        "What a partner asks the partnership or its board to do, written in its quarterly return.",
    ),
    (
        "Progress marker",
        "A sign of change in a boundary partner that the partnership expects, would like or would love to see.",
    ),
    (
        "RAG",
        "Red, amber, green: an action's status. Red is not done or behind schedule, amber at risk or "
        "slipping, green on schedule; complete is finished and closed.",
    ),
    (
        "Results chain",
        "How an objective is meant to work: inputs allow activities, which produce outputs, which bring about"
        " outcomes and, in time, impact.",
    ),
    (
        "SMART",
        "Specific, measurable, relevant, time-bound and owned: the check each objective is read against.",
    ),
    (
        "SPOC",
        "The specific point of contact in each partner organisation, who sends its quarterly return.",
    ),
    (
        "Target",
        "The value an indicator should reach by the end of a period, or by the end of the plan.",
    ),
    (
        "UK",
        "The United Kingdom.",
    ),
    (
        "Very-high risk",
        "A risk scoring 15 or more (likelihood × impact), for the board's attention.",
    ),
    (
        "Year-end return",
        "A partner's last quarterly return of the year, with its key achievements, key challenges and future "
        "priorities.",
    ),
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
