"""The tenant and its people: users, partnerships, organisations, memberships, invitations, audit."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import single_line

MONTHS = [
    (1, "January"),
    (2, "February"),
    (3, "March"),
    (4, "April"),
    (5, "May"),
    (6, "June"),
    (7, "July"),
    (8, "August"),
    (9, "September"),
    (10, "October"),
    (11, "November"),
    (12, "December"),
]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with an email address; belongs to partnerships through memberships."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField("full name", max_length=150, validators=[single_line])
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        "platform staff", default=False, help_text="Can sign in to the Django admin for support."
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Partnership(models.Model):
    """One tenant: a multi-agency anti-slavery partnership in one area."""

    name = models.CharField(max_length=200, unique=True, validators=[single_line])
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in web addresses: /p/<slug>/")
    area = models.CharField(
        max_length=200, validators=[single_line], help_text="The area the partnership covers, e.g. a county."
    )
    financial_year_start_month = models.PositiveSmallIntegerField(
        "financial year starts in",
        choices=MONTHS,
        default=4,
        help_text="UK public bodies usually start their year in April.",
    )
    is_active = models.BooleanField(default=True)
    # Archived, never deleted: its data and audit log stay; its members can no longer open it
    # (``services.partnership_archive``; ``access.memberships_of`` shows active partnerships only).
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Sector(models.TextChoices):
    POLICE = "police", "Police"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    HEALTH = "health", "Health"
    CRIMINAL_JUSTICE = "criminal_justice", "Criminal justice"
    NGO = "ngo", "NGO / charity"
    BUSINESS = "business", "Business"
    FAITH_COMMUNITY = "faith_community", "Faith / community"
    OTHER = "other", "Other"


class Organisation(TenantModel):
    """A partner organisation of the partnership (police force, council, charity…)."""

    name = models.CharField(max_length=200, validators=[single_line])
    sector = models.CharField(max_length=32, choices=Sector.choices)
    is_active = models.BooleanField("active", default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="organisation_name_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Coordinator"
    SPOC = "spoc", "Partner SPOC"
    BOARD = "board", "Board member"
    VIEWER = "viewer", "Viewer"


class Membership(TenantModel):
    """A person's role in one partnership. A partner SPOC speaks for exactly one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The organisation a partner SPOC reports for.",
    )
    named_in_publications = models.BooleanField(
        "named in published reports",
        default=False,
        help_text="Published outputs name a person only when the partnership says so (with their agreement), "
        "e.g. the chair or the coordinator; otherwise they give the organisation or the role.",
    )
    home_seen_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text='When this member last opened the partnership\'s home (its "since your last visit" reads it).',
    )

    class Meta:
        ordering = ["user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_membership_per_person"),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(role="spoc"), name="one_spoc_per_organisation"
            ),
            models.CheckConstraint(
                condition=(Q(role="spoc") & Q(organisation__isnull=False))
                | (~Q(role="spoc") & Q(organisation__isnull=True)),
                name="spoc_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Invitation(TenantModel):
    """A single-use, expiring link that makes a person a member with a given role."""

    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email}"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"


class AuditEvent(TenantModel):
    """Who changed what, when: written in the same transaction as the change. Never edited."""

    # Not CASCADE like other tenant rows: deleting a partnership must not take its audit log with it
    # (a partnership is archived, not deleted).
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="+", editable=False
    )

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, db_index=True)
    object_id = models.CharField(max_length=40, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["partnership", "-at"], name="audit_partnership_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("Audit events are never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are never deleted.")


class SubGroup(TenantModel):
    """A working group of the partnership (e.g. "Pursue and Prevent") with its own work plan."""

    name = models.CharField(max_length=150, validators=[single_line])
    purpose = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    chair = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="chaired_subgroups"
    )
    members = models.ManyToManyField(Membership, blank=True, related_name="subgroups")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint("partnership", Lower("name"), name="subgroup_name_unique")]

    def __str__(self) -> str:
        return self.name


# Meetings and partnership health live in their own modules; importing them here registers the models.
from .models_benchmarking import BenchmarkingChoice  # noqa: E402, F401
from .models_disclosure import DisclosurePolicy  # noqa: E402, F401
from .models_health import ProcessGoalTarget, SurveyAnswer, SurveyParticipation, SurveyRound  # noqa: E402, F401
from .models_meetings import Attendance, AttendanceStatus, Meeting, MeetingActionItem, MeetingKind  # noqa: E402, F401
from .models_tokens import ApiToken  # noqa: E402,F401 - personal API tokens, in their own module
