"""What each output for publication printed: one row per count of people, per indicator, financial
year and figure (a quarter, a year to date, a group of a breakdown), with the range of values a
reader learnt from it. Later outputs read it (:mod:`reports.disclosure_ledger`) so that two
publications made at different times cannot be combined to work out a hidden count."""

from __future__ import annotations

from django.db import models

from aspm.models import TenantModel


class PublishedFigure(TenantModel):
    """One figure as it left the partnership. ``value`` is the true count when it was printed (kept
    inside, never shown); ``low`` and ``high`` are what the printed text told a reader (equal when
    printed exactly; ``high`` empty for a figure withheld as "[c]"); ``hidden`` when an output hid it."""

    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE, related_name="+")
    year_start = models.DateField(help_text="First day of the financial year the figure belongs to.")
    key = models.CharField(
        max_length=200,
        help_text="Which figure: 'p12' (a quarter), 'sum:12,13' (a year to date), "
        "'split:sex:female@sum:12,13' (a group of a breakdown).",
    )
    value = models.IntegerField()
    low = models.IntegerField()
    high = models.IntegerField(null=True, blank=True)
    hidden = models.BooleanField(default=False)
    first_output = models.CharField(max_length=200, help_text="The output that first printed it.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year_start", "key", "value"], name="published_figure_once_per_value"
            )
        ]
        indexes = [models.Index(fields=["partnership", "year_start"], name="published_figure_year")]

    def __str__(self) -> str:
        return f"{self.key} of indicator {self.indicator_id} in the year from {self.year_start:%d/%m/%Y}"
