"""The seed guide's four tables, each in its own layout (title rows, its own headings, its own words), built
with openpyxl for the service-level and the browser tests alike. The figures are the guide's; the wording
is ours.

* the Derbyshire action plan: "Action 2016-17 | Owner | Timescale | RAG Status" under a title row;
* the Hampshire SMART objectives: "Strategic objective | 4P | Impact | Actions | Outputs and outcomes";
* the Scottish strategy's measures table: victims identified in 2017/18 by type of exploitation down the
  side and sex × adult/minor across ("Male adult", "Female minor"), with each type's total;
* the pre-NRM funding agreement's results chain: "Desired outcomes | Key performance indicators | Output
  goals", no objective named.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from indicators.measurement import services
from indicators.models import Indicator, PeriodKind, ReportingPeriod


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx with a sheet per name, its rows as given (a blank row is an empty list)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- the Derbyshire action plan

DERBYSHIRE_HEADERS = ["Action 2016-17", "Owner", "Timescale", "RAG Status"]


def derbyshire_plan(side) -> list[list]:
    """An action plan in its own layout: a title row, a blank row, then the plan's own headings."""
    return [
        ["Northvale anti-slavery partnership: action plan 2016-17"],
        [],
        DERBYSHIRE_HEADERS,
        ["Brief taxi drivers on the signs of exploitation", side.police.name, "31/03/2017", "G"],
        ["Agree a referral route with the hospitals", side.council.name, "March 2017", "Blue"],
    ]


# ---------------------------------------------------------------------------- the Hampshire objectives

HAMPSHIRE = [
    ["Vision: a county that shelters victims and gives exploiters nowhere to hide."],
    [],
    ["Strategic objective", "4P", "Impact", "Actions", "Outputs and outcomes"],
    [
        "Make people aware of modern slavery",
        "Protect",
        "People are more aware of modern slavery and harder to exploit",
        "■ Run a partnership engagement plan with a media campaign each quarter\n"
        "■ Give frontline staff awareness material and a yearly training session\n"
        "■ Keep the partnership's website up to date with advice",
        "More reports of modern slavery from staff and the public\nStaff understand what they must do",
    ],
    [
        "Tackle modern slavery by working together",
        "prevent",
        "A joined-up approach stops people being drawn into exploitation",
        "■ Build links between public bodies, charities, faith groups and businesses\n"
        "■ Agree how partners report and share information",
        "Partners share more information and pool resources",
    ],
]


# ------------------------------------------------------------------- the Scottish strategy's measures table

SCOTTISH_HEADERS = ["Type", "Male adult", "Female adult", "Male minor", "Female minor", "Total"]
# Referrals in 2017/18 by type of exploitation (down) and sex × adult/minor (across), with each type's total.
SCOTTISH_ROWS = [
    ["Domestic servitude", 1, 4, 1, 3, 9],
    ["Labour exploitation", 77, 13, 28, 9, 127],
    ["Sexual exploitation", 2, 43, 2, 8, 55],
]
SCOTTISH_TOTAL = 191


def scottish_measures(rows=SCOTTISH_ROWS) -> list[list]:
    """The measures table as the strategy's progress report sets it out: the objective and the measure as
    title rows, then the breakdown with its own headings."""
    return [
        ["Measures of progress: find the people who are exploited and help them to safety and recovery"],
        ["Potential victims identified (everyone entering the NRM), 2017/18"],
        [],
        SCOTTISH_HEADERS,
        *rows,
    ]


def victims_identified(side) -> Indicator:
    """The measure in ASPM: a yearly count split by type of exploitation and by type × sex × age group, with
    the financial year 2017/18 (a past year) open to record it in."""
    year = ReportingPeriod.objects.filter(partnership=side.partnership, kind=PeriodKind.YEAR, label="2017/18").first()
    if year is None:
        start = dt.date(2017, 4, 1)
        services.periods_ensure_year(actor=side.coordinator, partnership=side.partnership, year_start=start)
        year = ReportingPeriod.objects.get(partnership=side.partnership, kind=PeriodKind.YEAR, start=start)
        services.period_open(actor=side.coordinator, period=year)
    found = Indicator.objects.filter(partnership=side.partnership, code="VIC-SCOT").first()
    return found or services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police],
        code="VIC-SCOT",
        name="Potential victims identified",
        type="output",
        unit="count",
        direction="higher",
        frequency="annual",
        disaggregation=["exploitation_type", "exploitation_type*sex*age_group"],
    )


# ------------------------------------------------------------ the pre-NRM funding agreement's results chain

PRE_NRM_HEADERS = ["Desired outcomes", "Key performance indicators", "Output goals"]
PRE_NRM = [
    ["Pre-NRM support for potential victims: results chain agreed with the funder"],
    [],
    PRE_NRM_HEADERS,
    [
        "Potential victims feel supported while they decide whether to enter the NRM",
        "Referrals, new and active service users\nSafe accommodation found\nVolunteers recruited",
        "6 service users in all\nAt least 2 safe places to stay found\nAt least 5 volunteers",
    ],
    [
        "First responders engage better with the service",
        "An online hub for first responders\nHow the partners work together",
        "1 online hub set up\nStaff funded by the council who joined or left the provider",
    ],
    [
        "Better understanding of what stops potential victims entering the NRM\n"
        "Potential victims understand their rights better",
        "Complaints received and how each was settled\nCompliments received and what they praised\n"
        "Service users by equal-opportunities group",
        "Feedback from every service user, in at least one form\n"
        "A yearly equalities review of how accessible the service is",
    ],
]
