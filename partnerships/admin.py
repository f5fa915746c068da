"""Django admin for platform staff: create partnerships, support users. Writes go through services.

Nothing of a partnership is deleted here: a partnership is archived (``services.partnership_archive``,
its data and audit log kept); members leave through the product (``membership_remove``); invitations
are withdrawn; a person is made inactive. Organisations are deleted only through
``organisation_delete``, which refuses one still in use.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from aspm.errors import ConflictError, in_words
from aspm.forms import call_service

from . import services
from .models import AuditEvent, Invitation, Membership, Organisation, Partnership, User
from .models_tokens import ApiToken
from .services import tokens as services_tokens


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "is_staff", "is_active", "last_login")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("full_name",)}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)

    def has_delete_permission(self, request, obj=None):
        return False  # untick "active" instead: their name stays on what they wrote and in the audit log


class PartnershipAdminForm(forms.ModelForm):
    archive_reason = forms.CharField(
        label="Archive this partnership",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="To archive it, say why here and save. Its data and audit log are kept; its members can no "
        "longer open it. Nothing is deleted.",
    )

    class Meta:
        model = Partnership
        fields = ("name", "slug", "area", "financial_year_start_month", "is_active")


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    form = PartnershipAdminForm
    list_display = ("name", "slug", "area", "is_active", "archived_at", "created_at")
    search_fields = ("name", "slug", "area")
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description="Members")
    def members_summary(self, obj):
        if obj is None or obj.pk is None:
            return "Add the first coordinator under Memberships once the partnership is saved."
        rows = Membership.objects.filter(partnership=obj).select_related("user", "organisation")
        return (
            format_html_join(
                mark_safe("<br>"),
                "{} — {}{}",
                ((m.user, m.get_role_display(), f" ({m.organisation})" if m.organisation else "") for m in rows),
            )
            or "No members yet."
        )

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "slug", "area", "financial_year_start_month", "is_active")
        fields = ["name", "slug", "area", "financial_year_start_month", "is_active", "archived_at", "members_summary"]
        return fields if obj.archived_at else [*fields, "archive_reason"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ("members_summary",)
        # the web address and the state change only through the services (archive), never by hand
        editable = () if obj.archived_at else services.PARTNERSHIP_EDITABLE
        return tuple(f for f in ("name", "slug", "area", "financial_year_start_month") if f not in editable) + (
            "is_active",
            "archived_at",
            "members_summary",
        )

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if obj is None else {}

    def has_delete_permission(self, request, obj=None):
        return False  # archived, never deleted: deleting would take its data and audit log with it

    def save_model(self, request, obj, form, change):
        if change:
            values = {f: form.cleaned_data[f] for f in form.changed_data if f in services.PARTNERSHIP_EDITABLE}
            if values:
                services.partnership_update(actor=request.user, partnership=obj, **values)
            reason = form.cleaned_data.get("archive_reason", "").strip()
            if reason:
                try:
                    services.partnership_archive(actor=request.user, partnership=obj, reason=reason)
                except ValidationError as error:  # archived meanwhile (another admin, a stale form)
                    self.message_user(request, in_words(error), level=messages.ERROR)
        else:
            data = {f: form.cleaned_data[f] for f in form.fields if f not in ("name", "slug", "area", "archive_reason")}
            new = services.partnership_create(actor=request.user, name=obj.name, slug=obj.slug, area=obj.area, **data)
            obj.pk = new.pk


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ("name", "sector", "is_active")

    actor = None  # set per request by OrganisationAdmin.get_form

    def _post_clean(self):
        """The service writes here (as for memberships), so its refusals come back as form errors."""
        super()._post_clean()
        if self.errors or not self.has_changed():
            return
        stored = Organisation.objects.get(pk=self.instance.pk)
        values = {f: self.cleaned_data[f] for f in self.changed_data}
        call_service(self, services.organisation_update, actor=self.actor, organisation=stored, **values)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ("name", "partnership", "sector", "is_active")
    list_filter = ("partnership", "sector")
    search_fields = ("name",)
    readonly_fields = ("partnership",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)  # a new class for each request
        form.actor = request.user
        return form

    def has_add_permission(self, request):
        return False  # organisations are added inside the product, by the coordinator

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # one at a time, through the service
        return actions

    def save_model(self, request, obj, form, change):
        pass  # written by the service in the form's clean()

    def delete_model(self, request, obj):
        services.organisation_delete(actor=request.user, organisation=obj)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:  # refused by the service; the admin's transaction rolled back
            self.message_user(request, in_words(error), messages.ERROR)
            return redirect("admin:partnerships_organisation_change", object_id)


class MembershipAdminForm(forms.ModelForm):
    partnership_choice = forms.ModelChoiceField(Partnership.objects.all(), label="Partnership")

    class Meta:
        model = Membership
        fields = ("user", "role", "organisation")

    actor = None  # set per request by MembershipAdmin.get_form
    saved: Membership | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["partnership_choice"].initial = self.instance.partnership_id
            self.fields["partnership_choice"].disabled = True

    def _post_clean(self):
        """The service writes here, after the form's own checks (and the model's constraints, checked
        while the row does not exist yet), not in save_model: so its refusals (a second membership, a
        taken SPOC seat, the last coordinator) come back as form errors, not a server error. Nothing
        is written when any check failed; the admin view runs in one transaction."""
        super()._post_clean()
        if self.errors:
            return
        cleaned = self.cleaned_data
        values = {"role": cleaned.get("role"), "organisation": cleaned.get("organisation")}
        if self.instance.pk:
            membership = Membership.objects.get(pk=self.instance.pk)
            _ok, self.saved = call_service(
                self, services.membership_change_role, actor=self.actor, membership=membership, **values
            )
        else:
            _ok, self.saved = call_service(
                self,
                services.membership_create,
                aliases={"email": "user"},
                actor=self.actor,
                partnership=cleaned["partnership_choice"],
                user=cleaned["user"],
                **values,
            )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Support can add the first coordinator of a new partnership here."""

    form = MembershipAdminForm

    list_display = ("user", "partnership", "role", "organisation")
    list_filter = ("partnership", "role")
    search_fields = ("user__email", "user__full_name")
    fields = ("partnership_choice", "user", "role", "organisation")
    autocomplete_fields = ("user",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)  # a new class for each request
        form.actor = request.user
        return form

    def save_model(self, request, obj, form, change):
        obj.pk = form.saved.pk  # written by the service in the form's clean()
        obj.partnership_id = form.saved.partnership_id

    def has_delete_permission(self, request, obj=None):
        return False  # a coordinator removes a member in the product (membership_remove: audited, keeps a coordinator)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "partnership", "role", "expires_at", "accepted_at", "revoked_at")
    list_filter = ("partnership",)
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # read only: a coordinator invites and withdraws in the product, through the services

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Staff see tokens (never their secrets) and can revoke one reported lost or leaked."""

    list_display = ("name", "prefix", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "prefix", "user__email")
    readonly_fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    exclude = ("secret_hash",)
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # people make their own tokens on their account page

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, never deleted: the audit log points at them

    def save_model(self, request, obj, form, change):
        pass  # nothing here is editable; saving the page must not write back an old revoked_at

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke(self, request, queryset):
        done = 0
        for token in queryset.filter(revoked_at__isnull=True):
            try:
                services_tokens.token_revoke(actor=request.user, token=token)
                done += 1
            except ConflictError:
                pass  # revoked by its owner meanwhile
        self.message_user(request, f"{done} token{'s' if done != 1 else ''} revoked.")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: nobody edits or deletes the audit log."""

    list_display = ("at", "partnership", "actor_label", "action", "object_type", "object_repr")
    list_filter = ("partnership", "object_type")
    search_fields = ("object_repr", "actor_label", "action")
    date_hierarchy = "at"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
