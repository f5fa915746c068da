"""The plan's backbone: strands (the 4Ps), SMART objectives and their results chains."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class PathwayStage(models.TextChoices):
    """Stages of the victim care pathway, orthogonal to the 4Ps."""

    PREVENTION = "prevention", "Prevention"
    DISCOVERY = "discovery", "Discovery"
    RESPITE = "respite", "Respite"
    RECOVERY = "recovery", "Recovery"
    SUSTAINABLE_FREEDOM = "sustainable_freedom", "Sustainable freedom"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Strand(TenantModel):
    """A strand of the strategy. Every partnership starts with the 4Ps; it may rename or add."""

    code = models.SlugField(max_length=40, help_text="Short code used in imports, e.g. pursue.")
    name = models.CharField(max_length=100)
    description = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    order = models.PositiveSmallIntegerField(default=0)
    subgroups = models.ManyToManyField("partnerships.SubGroup", blank=True, related_name="strands")

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="strand_code_unique"),
            models.UniqueConstraint("partnership", Lower("name"), name="strand_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


# The fields of an objective that people set (form and service), once.
OBJECTIVE_FIELDS = (
    "code",
    "title",
    "description",
    "strand",
    "pathway_stages",
    "owner_organisation",
    "owner_subgroup",
    "start_date",
    "end_date",
    "priority",
    "vision_link",
)


class Objective(TenantModel):
    """A SMART objective under a strand, owned by an organisation or a sub-group."""

    code = models.CharField(max_length=20, help_text="Short reference, e.g. OBJ3.")
    title = models.CharField(max_length=200)
    description = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    strand = models.ForeignKey(Strand, on_delete=models.PROTECT, null=True, blank=True, related_name="objectives")
    pathway_stages = models.JSONField(default=list, blank=True, help_text="Codes of PathwayStage.")
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    owner_subgroup = models.ForeignKey(
        "partnerships.SubGroup", on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    start_date = models.DateField(null=True, blank=True, validators=[validate_date_in_range])
    end_date = models.DateField(null=True, blank=True, validators=[validate_date_in_range])
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    specific_confirmed = models.BooleanField(
        "specific (confirmed by the coordinator)",
        default=False,
    )
    vision_link = LimitedTextField(
        "how it serves the vision",
        blank=True,
        help_text="One or two sentences on how reaching this objective moves the partnership towards its vision.",
        max_length=text.NARRATIVE,
    )

    class Meta:
        ordering = ["strand__order", "code"]
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="objective_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ChainLevel(models.IntegerChoices):
    """The five levels of a results chain, from resources to long-term change."""

    INPUT = 1, "Input"
    ACTIVITY = 2, "Activity"
    OUTPUT = 3, "Output"
    OUTCOME = 4, "Outcome"
    IMPACT = 5, "Impact"


class ResultsChainEntry(TenantModel):
    """One box of an objective's results chain; ``leads_to`` points to an entry one level up."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="chain_entries")
    level = models.PositiveSmallIntegerField(choices=ChainLevel.choices)
    description = models.CharField(max_length=300)
    leads_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fed_by",
        help_text="The entry at the next level up that this one produces.",
    )
    link_assumption = models.CharField(
        "assumption behind the link",
        max_length=300,
        blank=True,
        help_text="What must hold true for this entry to lead to the one above.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["objective", "level", "order", "id"]
        verbose_name_plural = "results chain entries"

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.description}"
