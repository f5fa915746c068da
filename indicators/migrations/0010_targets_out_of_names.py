"""Targets are values with periods, never words in a name (issue 14). Indicators adopted from the
library before it changed carry their suggested target in their name, "(target: at least 80%)":
the words come out of the name and, where the indicator has no target for the whole plan yet, the
number becomes that target. Each change is written to the audit log, by "data migration"."""

import re
from decimal import Decimal

from django.db import migrations

# The library's five phrases (indicators O7-04, O7-14, O7-17, O7-23 and O7-24), and the number each meant.
TARGET_IN_NAME = re.compile(r"\s*\(target: at least (\d{1,3})%\)$|\s*\(target: at least (three) in years 1-2\)$")
WORDS = {"three": 3}


def move_targets_out_of_names(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    Target = apps.get_model("indicators", "Target")
    AuditEvent = apps.get_model("partnerships", "AuditEvent")
    for indicator in Indicator.objects.filter(name__contains="(target: at least"):
        found = TARGET_IN_NAME.search(indicator.name)
        if not found:
            continue
        old_name, new_name = indicator.name, indicator.name[: found.start()].rstrip()
        number = Decimal(found.group(1) or WORDS[found.group(2)])
        indicator.name = new_name
        indicator.save(update_fields=["name"])
        changes = {"name": [old_name, new_name]}
        if not Target.objects.filter(indicator=indicator, period__isnull=True).exists():
            Target.objects.create(
                partnership_id=indicator.partnership_id, indicator=indicator, period=None, value=number
            )
            changes["whole plan target"] = [None, str(number)]
        AuditEvent.objects.create(
            partnership_id=indicator.partnership_id,
            actor_label="data migration",
            action="indicator.target_out_of_name",
            object_type="indicators.indicator",
            object_id=str(indicator.pk),
            object_repr=f"{indicator.code} {new_name}"[:255],
            changes=changes,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0009_text_limits_dates_and_one_line_names"),
        ("partnerships", "0008_text_limits_dates_and_one_line_names"),
    ]

    operations = [migrations.RunPython(move_targets_out_of_names, migrations.RunPython.noop)]
