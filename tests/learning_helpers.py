"""Making recommendations for tests, through the services (as the product does)."""

from __future__ import annotations

import datetime as dt

from actionplans.learning import services
from actionplans.learning.models import Recommendation

from .cast import Side

DUE = dt.date(2026, 12, 31)


def make_recommendation(
    side: Side, *, organisation=None, text="Share intelligence with housing teams monthly", **values
):
    values.setdefault("source_kind", "evaluation")
    values.setdefault("source_title", "Independent evaluation 2026")
    values.setdefault("due_date", DUE)
    return services.recommendation_create(
        actor=side.coordinator,
        partnership=side.partnership,
        text=text,
        owner_organisation=organisation or side.police,
        **values,
    )


def accepted(side: Side, **values) -> Recommendation:
    rec = make_recommendation(side, **values)
    return services.recommendation_respond(actor=side.coordinator, recommendation=rec, response="accept")


def make_boundary_partner(side: Side, name="Hotel and short-let owners", markers=()):
    """A boundary partner with ``markers`` ((level, text) pairs), through the services."""
    from actionplans.learning.services import journals

    partner = journals.partner_create(
        actor=side.coordinator,
        partnership=side.partnership,
        name=name,
        outcome_challenge="Owners spot the signs of exploitation in their rooms and report them.",
    )
    for level, text in markers:
        journals.marker_add(actor=side.coordinator, partner=partner, level=level, text=text)
    return partner


def make_round(side: Side, *, title="Self-assessment 2026", opens_on=dt.date(2026, 3, 1), open=True, own=()):
    """A self-assessment round from the template (plus ``own`` statements), opened unless told not to."""
    from actionplans.learning.services import self_assessment

    made = self_assessment.round_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=title,
        opens_on=opens_on,
        closes_on=opens_on + dt.timedelta(days=30),
    )
    for text in own:
        self_assessment.statement_add(actor=side.coordinator, round=made, text=text)
    if open:
        self_assessment.round_open(actor=side.coordinator, round=made)
    return made


SERVICE_USER_QUESTIONS = ["su_listened", "su_involved", "su_language", "su_change"]


def make_feedback_form(side: Side, *, organisation=None, title="How was your support?", **values):
    """A service-user feedback form run by ``organisation`` (the side's charity), through the services."""
    from actionplans.learning.services import feedback

    values.setdefault("audience", "service_users")
    values.setdefault("questions", SERVICE_USER_QUESTIONS)
    return feedback.form_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=title,
        organisation=organisation or side.charity,
        **values,
    )


def involved_indicator(side: Side):
    """A proportion the side's charity reports each quarter: service users who felt involved in decisions."""
    from indicators.measurement import services as measurement
    from indicators.models import Indicator

    found = Indicator.objects.filter(partnership=side.partnership, code="FB-1").first()
    return found or measurement.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.charity],
        code="FB-1",
        name="Share of service users who felt involved in decisions about their support",
        type="outcome",
        unit="percentage",
        rollup="ratio",
        direction="higher",
        frequency="quarterly",
    )


def make_feedback_link(side: Side, form, question="su_involved", counts_as=None):
    """``question`` of ``form`` feeding the side's involvement indicator, through the service."""
    from actionplans.learning.services import feedback_indicators

    return feedback_indicators.link_create(
        actor=side.coordinator, form=form, question=question, indicator=involved_indicator(side), counts_as=counts_as
    )
