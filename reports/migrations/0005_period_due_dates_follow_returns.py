"""Reporting periods carried their own due date (30 days after the end) while quarterly returns
were due one calendar month after it, or on the date the coordinator set; the periods page and the
returns pages disagreed by a day or more. Every period now carries the returns' date."""

import calendar
from datetime import date

from django.db import migrations


def _due_after(end: date) -> date:
    # A copy of indicators.measurement.services.periods.due_after as it stands today (migrations
    # must not import code that may change).
    year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    last = calendar.monthrange(year, month)[1]
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    return date(year, month, last if month_end else min(end.day, last))


def forwards(apps, schema_editor):
    ReportingPeriod = apps.get_model("indicators", "ReportingPeriod")
    ReturnDeadline = apps.get_model("reports", "ReturnDeadline")
    moved = dict(ReturnDeadline.objects.values_list("period_id", "due_date"))
    for period in ReportingPeriod.objects.only("pk", "end", "due_date").iterator():
        due = moved.get(period.pk) or _due_after(period.end)
        if period.due_date != due:
            ReportingPeriod.objects.filter(pk=period.pk).update(due_date=due)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0006_figure_source_api"),
        ("reports", "0004_report_kind_for_quarterly_reports"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
