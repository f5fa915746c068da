"""Survey participation is recorded per person, not per membership (see SurveyParticipation)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_people(apps, schema_editor):
    SurveyParticipation = apps.get_model("partnerships", "SurveyParticipation")
    for participation in SurveyParticipation.objects.select_related("membership"):
        participation.user_id = participation.membership.user_id
        participation.save(update_fields=["user"])


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0005_benchmarking_choice"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyparticipation",
            name="user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(copy_people, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="surveyparticipation", name="answer_survey_once"),
        migrations.RemoveField(model_name="surveyparticipation", name="membership"),
        migrations.AddConstraint(
            model_name="surveyparticipation",
            constraint=models.UniqueConstraint(fields=("round", "user"), name="answer_survey_once_per_person"),
        ),
        # Not reversible: the membership a participation came from is not kept (a person may have
        # had several). Marked here, last, so an attempt stops before any table is touched.
        migrations.RunPython(migrations.RunPython.noop, reverse_code=None),
    ]
