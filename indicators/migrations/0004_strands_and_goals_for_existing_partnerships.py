"""Partnerships made before the ``partnership_created`` hook get the 4Ps and the eight development goals."""

from django.db import migrations

STRANDS = (
    ("pursue", "Pursue", "Prosecute and disrupt the people and groups behind modern slavery."),
    ("prevent", "Prevent", "Stop people from becoming exploiters or being drawn into exploitation."),
    ("protect", "Protect", "Make people and places less vulnerable, and raise awareness of the signs."),
    ("prepare", "Prepare", "Find victims and give them the support they need to recover."),
)


GOALS = (
    "terms_of_reference",
    "key_members",
    "meeting_schedule",
    "information_sharing_agreement",
    "communication_channels",
    "objectives_agreed",
    "action_plan_agreed",
    "sustainable_funding",
)


def add_strands(apps, schema_editor):
    Partnership = apps.get_model("partnerships", "Partnership")
    Strand = apps.get_model("indicators", "Strand")
    DevelopmentGoal = apps.get_model("indicators", "DevelopmentGoal")
    for partnership in Partnership.objects.all():
        have = set(Strand.objects.filter(partnership=partnership).values_list("code", flat=True))
        names = {n.lower() for n in Strand.objects.filter(partnership=partnership).values_list("name", flat=True)}
        for order, (code, name, description) in enumerate(STRANDS, start=1):
            if code not in have and name.lower() not in names:
                Strand.objects.create(
                    partnership=partnership, code=code, name=name, description=description, order=order
                )
        have_goals = set(DevelopmentGoal.objects.filter(partnership=partnership).values_list("code", flat=True))
        for code in GOALS:
            if code not in have_goals:
                DevelopmentGoal.objects.create(partnership=partnership, code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0003_plan_assumptions_risks_goals"),
        ("partnerships", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_strands, migrations.RunPython.noop)]
