"""Figures, actions, returns and report versions for API tests, made through the services (found
again when present). The quarters are the current financial year's (Q1 open, which opens the
quarterly returns of Q1 through the ``period_opened`` hook)."""

from __future__ import annotations

import datetime as dt

from actionplans.models import Action
from indicators.models import Figure, Indicator, ReportingPeriod
from reports.models import ReportJob, ReportVersion, Return

from .action_helpers import make_action
from .cast import Side
from .measurement_helpers import figure, periods, referrals

DUE = dt.date(2030, 3, 31)  # not overdue


def q1(side: Side) -> ReportingPeriod:
    return periods(side)["q1"]


def the_figure(side: Side) -> Figure:
    return figure(side)


def the_indicator(side: Side) -> Indicator:
    return referrals(side)


def council_action(side: Side) -> Action:
    found = Action.objects.filter(partnership=side.partnership, owner_organisation=side.council).first()
    return found or make_action(side, organisation=side.council, title="Licensing visits to car washes", due_date=DUE)


def police_action(side: Side) -> Action:
    found = Action.objects.filter(partnership=side.partnership, owner_organisation=side.police).first()
    return found or make_action(side, organisation=side.police, title="Train response officers", due_date=DUE)


def police_return(side: Side) -> Return:
    referrals(side)  # the police report an indicator, so their return has a figure to give
    return Return.objects.get(organisation=side.police, period=q1(side))


def a_version(side: Side) -> ReportVersion:
    from .access_registry.reports import make_version  # (the registry imports this module)

    return ReportVersion.objects.filter(partnership=side.partnership).first() or make_version(side)


def a_job(side: Side) -> ReportJob:
    from .access_registry.reports import make_job

    return ReportJob.objects.filter(partnership=side.partnership).first() or make_job(side)
