"""Figures, actions, returns and report versions for API tests, made through the services (found
again when present). The quarters are the current financial year's (Q1 open, which opens the
quarterly returns of Q1 through the ``period_opened`` hook)."""

from __future__ import annotations

from actionplans.models import Action
from indicators.models import Figure, Indicator, ReportingPeriod
from reports.models import ReportJob, ReportVersion, Return

from .access_registry.reports import make_job, make_version
from .action_helpers import make_action
from .cast import Side
from .measurement_helpers import figure, periods, referrals


def q1(side: Side) -> ReportingPeriod:
    return periods(side)["q1"]


def the_figure(side: Side) -> Figure:
    return figure(side)


def the_indicator(side: Side) -> Indicator:
    return referrals(side)


def council_action(side: Side) -> Action:
    found = Action.objects.filter(partnership=side.partnership, owner_organisation=side.council).first()
    return found or make_action(side, organisation=side.council, title="Licensing visits to car washes")


def police_action(side: Side) -> Action:
    found = Action.objects.filter(partnership=side.partnership, owner_organisation=side.police).first()
    return found or make_action(side, organisation=side.police, title="Train response officers")


def police_return(side: Side) -> Return:
    referrals(side)  # the police report an indicator, so their return has a figure to give
    return Return.objects.get(organisation=side.police, period=q1(side))


def a_version(side: Side) -> ReportVersion:
    return ReportVersion.objects.filter(partnership=side.partnership).first() or make_version(side)


def a_job(side: Side) -> ReportJob:
    return ReportJob.objects.filter(partnership=side.partnership).first() or make_job(side)
